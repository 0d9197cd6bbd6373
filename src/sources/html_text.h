// Plain text from the small HTML strings WordPress puts in titles and captions
// ("What&#8217;s <em>new</em>" -> "What’s new").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pb::sources {

// Entities decoded, tags dropped, whitespace (including no-break spaces) collapsed and trimmed,
// characters XML forbids removed.
std::string html_to_plain_text(std::string_view html);

// The absolute targets of the <a href> links in an HTML fragment, resolved against base_url,
// in document order, without repeats.
std::vector<std::string> links_in_html(std::string_view html, const std::string& base_url);

}  // namespace pb::sources
