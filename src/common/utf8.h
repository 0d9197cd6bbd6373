// UTF-8 decoding, validation and the repairs XML needs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pb::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at text[pos] and advances pos. Invalid or truncated
// sequences, overlong forms and surrogates yield nullopt and advance pos by one byte.
std::optional<char32_t> decode(std::string_view text, std::size_t& pos);

void append(std::string& out, char32_t code_point);

bool is_valid(std::string_view text);

// Byte offset of the first invalid sequence, or npos.
std::size_t first_invalid(std::string_view text);

// True for characters XML 1.0 allows in a document.
bool allowed_in_xml(char32_t c);

// Replaces invalid UTF-8 with U+FFFD and drops characters XML 1.0 forbids
// (C0 controls except tab/newline/return, U+FFFE, U+FFFF). Everything else is kept.
std::string sanitize_for_xml(std::string_view text);

// Number of code points (invalid bytes count as one each).
std::size_t length(std::string_view text);

// Cuts text to at most max_code_points code points without splitting a sequence.
std::string truncate(std::string_view text, std::size_t max_code_points);

}  // namespace pb::utf8
