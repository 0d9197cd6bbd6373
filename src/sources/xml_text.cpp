#include "sources/xml_text.h"

#include <algorithm>
#include <array>
#include <optional>

#include "common/error.h"
#include "common/text.h"
#include "common/utf8.h"

namespace pb::sources {

namespace {

constexpr std::size_t kPrologueSearch = 64 * 1024;

std::string plural(std::size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The value of a numeric character reference starting at text[at] ("&#...;"), and its length.
// Values too large for Unicode come back as 0x110000.
std::optional<char32_t> numeric_reference(std::string_view text, std::size_t at, std::size_t& length) {
  if (at + 3 >= text.size() || text[at] != '&' || text[at + 1] != '#') return std::nullopt;
  std::size_t pos = at + 2;
  const bool hex = text[pos] == 'x' || text[pos] == 'X';
  if (hex) ++pos;
  const std::size_t digits_start = pos;
  std::uint64_t value = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    int digit = -1;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (hex && c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F')
      digit = c - 'A' + 10;
    if (digit < 0) break;
    value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(digit);
    if (value > 0x110000) value = 0x110000;  // saturate: still "too large"
    ++pos;
  }
  if (pos == digits_start || pos >= text.size() || text[pos] != ';') return std::nullopt;
  length = pos + 1 - at;
  return static_cast<char32_t>(value);
}

bool forbidden_reference_at(std::string_view text, std::size_t at, std::size_t& length) {
  const std::optional<char32_t> value = numeric_reference(text, at, length);
  return value && (*value > 0x10FFFF || !utf8::allowed_in_xml(*value));
}

// Windows-1252, which browsers (and WHATWG) also use for "ISO-8859-1": 0x80-0x9F are printable.
constexpr std::array<char16_t, 32> kWindows1252High = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                       0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                                       0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string from_windows_1252(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char byte : text) {
    const auto c = static_cast<unsigned char>(byte);
    if (c < 0x80)
      out += byte;
    else if (c < 0xA0)
      utf8::append(out, kWindows1252High[c - 0x80]);
    else
      utf8::append(out, c);
  }
  return out;
}

std::string from_utf16(std::string_view text, bool little_endian, std::size_t& invalid) {
  std::string out;
  out.reserve(text.size());
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(text[i]);
    const auto b = static_cast<unsigned char>(text[i + 1]);
    return little_endian ? static_cast<char32_t>(a | (b << 8)) : static_cast<char32_t>((a << 8) | b);
  };
  std::size_t i = 0;
  for (; i + 1 < text.size(); i += 2) {
    const char32_t first = unit(i);
    if (first >= 0xD800 && first <= 0xDBFF && i + 3 < text.size()) {
      const char32_t second = unit(i + 2);
      if (second >= 0xDC00 && second <= 0xDFFF) {
        utf8::append(out, 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (first >= 0xD800 && first <= 0xDFFF) {
      ++invalid;
      utf8::append(out, utf8::kReplacement);
      continue;
    }
    utf8::append(out, first);
  }
  if (i < text.size()) {  // an odd trailing byte
    ++invalid;
    utf8::append(out, utf8::kReplacement);
  }
  return out;
}

// The encoding="..." of an XML declaration at the start of text, lower case; empty when none.
std::string declared_encoding(std::string_view text) {
  if (!text.starts_with("<?xml")) return {};
  const std::size_t end = text.find("?>");
  const std::string_view declaration = text.substr(0, end == std::string_view::npos ? 0 : end);
  const std::size_t key = declaration.find("encoding");
  if (key == std::string_view::npos) return {};
  std::size_t pos = key + 8;
  while (pos < declaration.size() && (is_xml_space(declaration[pos]) || declaration[pos] == '=')) ++pos;
  if (pos >= declaration.size() || (declaration[pos] != '"' && declaration[pos] != '\'')) return {};
  const char quote = declaration[pos];
  const std::size_t close = declaration.find(quote, pos + 1);
  if (close == std::string_view::npos) return {};
  return text::ascii_lower(declaration.substr(pos + 1, close - pos - 1));
}

bool is_latin1_label(const std::string& label) {
  return label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "latin-1" || label == "l1" ||
         label == "iso_8859-1" || label == "windows-1252" || label == "cp1252" || label == "x-cp1252";
}

bool is_utf8_label(const std::string& label) {
  return label.empty() || label == "utf-8" || label == "utf8" || label == "us-ascii" || label == "ascii" ||
         label == "utf-16" || label == "utf-16le" || label == "utf-16be";
}

// Skips BOMs and XML whitespace at the start; then, when an XML declaration comes later and
// nothing before it looks like the document (PHP warnings printed before the feed), skips to it.
std::string_view skip_prefix(std::string_view text, XmlRepairs& repairs) {
  const std::string_view original_text = text;
  const auto count_lines = [&](std::string_view rest) {
    const std::string_view removed = original_text.substr(0, original_text.size() - rest.size());
    repairs.skipped_lines = static_cast<std::size_t>(std::count(removed.begin(), removed.end(), '\n'));
    return rest;
  };
  const std::size_t original = text.size();
  for (;;) {
    if (text.starts_with("\xEF\xBB\xBF"))
      text.remove_prefix(3);
    else if (!text.empty() && is_xml_space(text.front()))
      text.remove_prefix(1);
    else
      break;
  }
  if (text.starts_with("<?xml")) return count_lines(text);
  const std::string_view window = text.substr(0, kPrologueSearch);
  std::size_t declaration = window.find("<?xml");
  while (declaration != std::string_view::npos &&
         (declaration + 5 >= window.size() || !is_xml_space(window[declaration + 5])))
    declaration = window.find("<?xml", declaration + 1);
  if (declaration == std::string_view::npos) return count_lines(text);
  // Only junk may come before it: no sign of the document itself.
  const std::string_view prefix = window.substr(0, declaration);
  for (const char* sign : {"<rss", "<feed", "<rdf:", "<channel", "<item", "<entry", "<![CDATA["})
    if (prefix.find(sign) != std::string_view::npos) return count_lines(text);
  text.remove_prefix(declaration);
  repairs.skipped_prefix = original - text.size();
  return count_lines(text);
}

}  // namespace

std::string XmlRepairs::describe() const {
  std::string text;
  const auto add = [&](const std::string& part) { text += (text.empty() ? "" : ", ") + part; };
  if (skipped_prefix) add("ignored " + plural(skipped_prefix, "byte", "bytes") + " before the XML declaration");
  if (forbidden_characters)
    add("removed " + plural(forbidden_characters, "character", "characters") + " XML forbids (control bytes)");
  if (forbidden_references)
    add("removed " + plural(forbidden_references, "character reference", "character references") +
        " to characters XML forbids (such as &#x3;)");
  if (invalid_utf8)
    add("replaced " + plural(invalid_utf8, "invalid UTF-8 byte", "invalid UTF-8 bytes") + " with U+FFFD");
  return text;
}

std::string remove_forbidden_references(std::string_view text, std::size_t* removed) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  for (;;) {
    const std::size_t amp = text.find("&#", pos);
    if (amp == std::string_view::npos) break;
    std::size_t length = 0;
    if (forbidden_reference_at(text, amp, length)) {
      out.append(text.substr(pos, amp - pos));
      pos = amp + length;
      if (removed) ++*removed;
    } else {
      out.append(text.substr(pos, amp + 2 - pos));
      pos = amp + 2;
    }
  }
  out.append(text.substr(pos));
  return out;
}

std::string repair_xml(std::string_view input, const std::string& origin, XmlRepairs& repairs) {
  std::string converted;
  std::string_view text = input;
  // UTF-16, with a BOM or by the "<?" pattern of the declaration.
  const auto starts = [&](std::string_view prefix) { return input.starts_with(prefix); };
  const bool utf16le = starts("\xFF\xFE") || starts(std::string_view("<\0?\0", 4));
  const bool utf16be = starts("\xFE\xFF") || starts(std::string_view("\0<\0?", 4));
  if (utf16le || utf16be) {
    const bool bom = starts("\xFF\xFE") || starts("\xFE\xFF");
    converted = from_utf16(input.substr(bom ? 2 : 0), utf16le, repairs.invalid_utf8);
    repairs.converted_from = utf16le ? "UTF-16LE" : "UTF-16BE";
    text = converted;
  }
  text = skip_prefix(text, repairs);

  if (repairs.converted_from.empty()) {
    const std::string label = declared_encoding(text);
    if (!is_utf8_label(label) && !utf8::is_valid(text)) {
      if (!is_latin1_label(label))
        throw BuildError(origin, "declares the encoding \"" + label +
                                     "\", which postbinder cannot read; convert the file to UTF-8 (iconv -f " + label +
                                     " -t UTF-8)");
      converted = from_windows_1252(text);
      repairs.converted_from = label;
      text = converted;
    }
  }

  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  const std::size_t n = text.size();
  const auto plain_ascii = [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x80 && c != '&';
  };
  while (i < n) {
    const char c = text[i];
    if (plain_ascii(c)) {
      std::size_t end = i + 1;
      while (end < n && plain_ascii(text[end])) ++end;
      out.append(text.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '&') {
      std::size_t length = 0;
      if (forbidden_reference_at(text, i, length)) {
        ++repairs.forbidden_references;
        i += length;
      } else {
        out += '&';
        ++i;
      }
      continue;
    }
    const std::size_t start = i;
    const std::optional<char32_t> code_point = utf8::decode(text, i);
    if (!code_point) {
      ++repairs.invalid_utf8;
      utf8::append(out, utf8::kReplacement);
    } else if (!utf8::allowed_in_xml(*code_point)) {
      ++repairs.forbidden_characters;
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

}  // namespace pb::sources
