// What the PDF needs to embed a font as a subset keyed by glyph id (PoDoFo 0.9.8's own subsetter
// keeps only glyphs reachable from Unicode, and would drop ligatures): the hb-subset font file
// with glyph ids retained, widths for /W, and a ToUnicode CMap mapping each glyph back to its text.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "pdf/fonts.h"

namespace pb::pdf {

// Width of a glyph in thousandths of an em, as written in /W and used to position text.
double glyph_width_1000(const Font& font, std::uint32_t glyph);

// The TrueType subset holding these glyphs (and .notdef) at their original ids. Throws BuildError.
std::string subset_font_file(const Font& font, const std::set<std::uint32_t>& glyphs);

// "ABCDEF": six capital letters that name this subset (the same glyphs give the same tag).
std::string subset_tag(const Font& font, const std::set<std::uint32_t>& glyphs);

// A ToUnicode CMap for 2-byte glyph-id codes (non-BMP text becomes surrogate pairs).
std::string to_unicode_cmap(const std::map<std::uint32_t, std::u32string>& texts);

// A number as PDF writes it: fixed point, at most `decimals` digits, no exponent, no locale.
std::string pdf_number(double value, int decimals = 3);

}  // namespace pb::pdf
