#include "pdf/font_embedder.h"

#include <hb-subset.h>
#include <hb.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "common/error.h"

namespace pb::pdf {

namespace {

void append_hex4(std::string& out, unsigned value) {
  static const char digits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(value >> shift) & 0xF];
}

void append_utf16_hex(std::string& out, char32_t c) {
  if (c >= 0x10000 && c <= 0x10FFFF) {
    const char32_t v = c - 0x10000;
    append_hex4(out, 0xD800 + static_cast<unsigned>(v >> 10));
    append_hex4(out, 0xDC00 + static_cast<unsigned>(v & 0x3FF));
  } else if (c < 0xD800 || (c > 0xDFFF && c < 0x10000)) {
    append_hex4(out, static_cast<unsigned>(c));
  } else {
    append_hex4(out, 0xFFFD);
  }
}

}  // namespace

std::string pdf_number(double value, int decimals) {
  if (!std::isfinite(value)) value = 0;
  const double scale = std::pow(10.0, decimals);
  value = std::round(value * scale) / scale;
  if (value == 0) value = 0;  // no "-0"
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  std::string text(buffer, result.ptr);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

double glyph_width_1000(const Font& font, std::uint32_t glyph) {
  return std::round(font.advance(glyph) * 1000.0 / font.units_per_em() * 10.0) / 10.0;
}

std::string subset_font_file(const Font& font, const std::set<std::uint32_t>& glyphs) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) throw BuildError(font.file().string(), "cannot subset the font (out of memory)");
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input);
  hb_set_add(glyph_set, 0);
  for (std::uint32_t glyph : glyphs) hb_set_add(glyph_set, glyph);
  // Unicode code points of the glyphs keep a usable cmap in the subset.
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (const auto& [glyph, text] : font.glyph_texts())
    if (glyphs.contains(glyph) && text.size() == 1 && font.glyph_for(text[0]) == glyph) hb_set_add(unicodes, text[0]);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
  // The PDF positions every glyph itself; layout tables are dead weight.
  hb_set_t* dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "kern", "BASE", "JSTF", "MATH", "DSIG", "morx", "kerx"})
    hb_set_add(dropped, hb_tag_from_string(tag, -1));
  hb_face_t* subset = hb_subset_or_fail(font.hb_face(), input);
  hb_subset_input_destroy(input);
  if (!subset) throw BuildError(font.file().string(), "HarfBuzz could not subset the font");
  hb_blob_t* blob = hb_face_reference_blob(subset);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  std::string bytes(data ? data : "", data ? length : 0);
  hb_blob_destroy(blob);
  hb_face_destroy(subset);
  if (bytes.empty()) throw BuildError(font.file().string(), "HarfBuzz produced an empty font subset");
  return bytes;
}

std::string subset_tag(const Font& font, const std::set<std::uint32_t>& glyphs) {
  // FNV-1a over the font's name and glyph ids.
  std::uint64_t hash = 1469598103934665603ull;
  const auto mix = [&](std::uint64_t value) {
    hash ^= value;
    hash *= 1099511628211ull;
  };
  for (char ch : font.postscript_name()) mix(static_cast<unsigned char>(ch));
  for (std::uint32_t glyph : glyphs) mix(glyph);
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag += static_cast<char>('A' + hash % 26);
    hash /= 26;
  }
  return tag;
}

std::string to_unicode_cmap(const std::map<std::uint32_t, std::u32string>& texts) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<std::uint32_t, const std::u32string*>> entries;
  for (const auto& [glyph, text] : texts)
    if (!text.empty() && glyph <= 0xFFFF) entries.emplace_back(glyph, &text);
  for (std::size_t i = 0; i < entries.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      out += '<';
      append_hex4(out, entries[k].first);
      out += "> <";
      for (char32_t c : *entries[k].second) append_utf16_hex(out, c);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace pb::pdf
