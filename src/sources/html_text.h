// Plain text from the small HTML strings WordPress puts in titles and captions
// ("What&#8217;s <em>new</em>" -> "What’s new").
#pragma once

#include <string>
#include <string_view>

namespace pb::sources {

// Entities decoded, tags dropped, whitespace (including no-break spaces) collapsed and trimmed,
// characters XML forbids removed.
std::string html_to_plain_text(std::string_view html);

}  // namespace pb::sources
