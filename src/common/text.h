// Small string operations shared by every stage: ASCII case, trimming, whitespace.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pb::text {

std::string ascii_lower(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
bool starts_with_icase(std::string_view text, std::string_view prefix);

// Trims ASCII whitespace (space, tab, newline, return, form feed).
std::string_view trim(std::string_view text);

// True for the whitespace HTML collapses (space, tab, LF, FF, CR). U+00A0 is not one of them.
constexpr bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// Collapses runs of HTML whitespace to one space, as a browser renders them.
std::string collapse_whitespace(std::string_view text);

// True when the text holds nothing but HTML whitespace and no-break spaces (U+00A0, U+202F, U+2007).
bool is_blank(std::string_view text);

std::vector<std::string_view> split(std::string_view text, char separator);

// Replaces every occurrence of from with to.
std::string replace_all(std::string_view text, std::string_view from, std::string_view to);

}  // namespace pb::text
