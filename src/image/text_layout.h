// Lays out a short text (a cover's title, author or site) in lines no wider than a width:
// shaped with the shared Shaper, broken at spaces, and a word wider than the width broken
// between characters, so every line fits and nothing has to be cut off.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fonts/shaper.h"

namespace pb::image {

struct TextLine {
  std::vector<fonts::ShapedGlyph> glyphs;  // advances and offsets in each glyph's font units
  double width = 0;                        // pixels at the size the lines were made for
};

// The width of shaped glyphs in pixels at pixel_size (each glyph in its own font's units).
double pixel_width(const std::vector<fonts::ShapedGlyph>& glyphs, double pixel_size);

// Runs of whitespace become one space; leading and trailing whitespace goes.
std::string collapse_spaces(std::string_view text);

// text as collapse_spaces() leaves it. Each line is at most max_width pixels wide, unless a
// single character is wider.
std::vector<TextLine> layout_lines(fonts::Shaper& shaper, std::string_view text, fonts::FontStyle style,
                                   double pixel_size, double max_width);

}  // namespace pb::image
