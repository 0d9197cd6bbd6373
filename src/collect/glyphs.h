// Internal to the collector: a bounds-checked UTF-8 reader and the character classes that
// title scanning, stem keys and slugs share. Kept header-only so the stage stays self-contained
// (titles may hold invalid UTF-8; nothing here ever reads past the end of the text).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pb::collect::glyphs {

// Stands in for every byte that does not start a valid UTF-8 sequence.
inline constexpr char32_t kInvalid = 0xFFFD;

struct Glyph {
  char32_t code = kInvalid;
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
};

// Decodes the sequence starting at text[pos] (pos < text.size()). Truncated, overlong and
// surrogate sequences become kInvalid covering exactly one byte, so callers always advance.
inline Glyph decode_at(std::string_view text, std::size_t pos) {
  const Glyph invalid{kInvalid, pos, pos + 1};
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {static_cast<char32_t>(lead), pos, pos + 1};
  // The lead byte announces the sequence length and the smallest code point that length may
  // encode (anything below is an overlong form).
  std::size_t length = 0;
  char32_t code = 0;
  char32_t smallest = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2;
    code = lead & 0x1FU;
    smallest = 0x80;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    code = lead & 0x0FU;
    smallest = 0x800;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4;
    code = lead & 0x07U;
    smallest = 0x10000;
  } else {
    return invalid;
  }
  if (text.size() - pos < length) return invalid;
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[pos + k]);
    if ((byte & 0xC0U) != 0x80U) return invalid;
    code = (code << 6U) | (byte & 0x3FU);
  }
  const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
  if (code < smallest || code > 0x10FFFF || surrogate) return invalid;
  return {code, pos, pos + length};
}

// Calls visit(glyph) for every glyph of text, in order.
template <typename Visitor>
void for_each_glyph(std::string_view text, Visitor&& visit) {
  for (std::size_t pos = 0; pos < text.size();) {
    const Glyph glyph = decode_at(text, pos);
    visit(glyph);
    pos = glyph.end;
  }
}

inline void append_utf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0U | (code >> 6U));
    out += static_cast<char>(0x80U | (code & 0x3FU));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0U | (code >> 12U));
    out += static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (code & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (code >> 18U));
    out += static_cast<char>(0x80U | ((code >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (code & 0x3FU));
  }
}

constexpr bool in_range(char32_t code, char32_t first, char32_t last) {
  return code >= first && code <= last;
}

constexpr bool is_ascii_digit(char32_t code) {
  return in_range(code, '0', '9');
}
constexpr bool is_ascii_letter(char32_t code) {
  return in_range(code, 'a', 'z') || in_range(code, 'A', 'Z');
}
constexpr bool is_ascii_alnum(char32_t code) {
  return is_ascii_digit(code) || is_ascii_letter(code);
}

// Titles collapse whitespace but keep no-break and typographic spaces, which read as spaces.
constexpr bool is_space(char32_t code) {
  return code == ' ' || in_range(code, '\t', '\r') || code == 0x00A0 || code == 0x1680 ||
         in_range(code, 0x2000, 0x200B) || code == 0x2028 || code == 0x2029 || code == 0x202F || code == 0x205F ||
         code == 0x3000 || code == 0xFEFF;
}

// Apostrophes join the halves of a word ("What’s" is one word for grouping), they never split it.
constexpr bool is_apostrophe(char32_t code) {
  return code == '\'' || code == '`' || code == 0x2018 || code == 0x2019 || code == 0x02BC || code == 0x2032;
}

constexpr bool is_dash(char32_t code) {
  return code == '-' || in_range(code, 0x2010, 0x2015) || code == 0x2212 || code == 0xFE58 || code == 0xFE63 ||
         code == 0xFF0D;
}

// Punctuation and symbols from the blocks blog titles actually use; letters of every script,
// digits and combining marks fall outside and count as word characters.
constexpr bool is_punctuation_or_symbol(char32_t code) {
  if (code < 0x80) return !is_ascii_alnum(code) && !is_space(code);
  return in_range(code, 0x80, 0xBF) || code == 0xD7 || code == 0xF7 || in_range(code, 0x2000, 0x206F) ||
         in_range(code, 0x20A0, 0x20CF) || in_range(code, 0x2190, 0x2BFF) || in_range(code, 0x2E00, 0x2E7F) ||
         in_range(code, 0x3000, 0x303F) || in_range(code, 0xFE00, 0xFE0F) || in_range(code, 0xFE30, 0xFE6F) ||
         in_range(code, 0xFF01, 0xFF0F) || in_range(code, 0xFF1A, 0xFF20) || in_range(code, 0xFF3B, 0xFF40) ||
         in_range(code, 0xFF5B, 0xFF65) || in_range(code, 0xFFF0, 0xFFFF) || in_range(code, 0x1F000, 0x1FAFF);
}

constexpr bool is_word_char(char32_t code) {
  return !is_space(code) && !is_punctuation_or_symbol(code);
}

constexpr char32_t ascii_lower(char32_t code) {
  return in_range(code, 'A', 'Z') ? code + ('a' - 'A') : code;
}

inline std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

}  // namespace pb::collect::glyphs
