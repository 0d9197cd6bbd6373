// Caps how deeply a post's HTML nests before it reaches the parser. The HTML5 parser checks
// the stack of open elements on every tag, so 100,000 nested <div>s cost minutes; no real post
// nests beyond a few dozen levels. Tags past the cap are removed and their text kept.
#pragma once

#include <string>
#include <string_view>

namespace pb::transform {

constexpr int kMaxNesting = 512;

// The HTML with every start and end tag deeper than max_depth removed. Elements the parser
// closes implicitly (p, li, td...) and void elements do not count, so legacy HTML full of
// unclosed <p> is never touched. Text, comments and raw-text elements (script, style) pass
// through unchanged. Returns the input as is when nothing nests too deep.
std::string limit_nesting(std::string_view html, int max_depth = kMaxNesting);

}  // namespace pb::transform
