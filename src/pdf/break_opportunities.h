// Where a line may end inside a paragraph's text, after Unicode's line breaking rules (UAX #14,
// through libunibreak).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pb::pdf {

enum class BreakKind : char { Must, Allow, None, InsideCharacter };

// One entry per byte of text: the kind of break allowed after the character ending at that byte.
std::vector<BreakKind> line_break_opportunities(std::string_view text, const std::string& language);

}  // namespace pb::pdf
