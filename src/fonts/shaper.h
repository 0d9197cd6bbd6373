// Turns text into positioned glyphs with HarfBuzz (kerning, ligatures), choosing for each
// character the font that has it and a visible replacement for characters no font has.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/font_set.h"

struct hb_buffer_t;

namespace pb::fonts {

struct ShapedGlyph {
  Font* font = nullptr;
  std::uint32_t glyph = 0;
  double advance = 0;  // font units
  double x_offset = 0, y_offset = 0;
  std::size_t cluster = 0;  // byte offset of the first character it draws
};

class Shaper {
 public:
  Shaper(FontSet& fonts, std::string language);
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  // Shapes text[begin, end) in a style. The whole text is given as context (clusters are byte
  // offsets into it). Records in each font which text its glyphs stand for.
  std::vector<ShapedGlyph> shape(std::string_view text, std::size_t begin, std::size_t end, FontStyle style,
                                 bool ligatures = true);

  // Shapes a right-to-left run (Hebrew, Arabic; bidi level odd) in its reading order; the glyphs
  // come out in visual order, left to right, with Arabic letters joined and brackets mirrored.
  std::vector<ShapedGlyph> shape_right_to_left(std::string_view text, std::size_t begin, std::size_t end,
                                               FontStyle style);

  FontSet& fonts() { return fonts_; }

 private:
  std::vector<ShapedGlyph> shape_run(std::string_view text, std::size_t begin, std::size_t end, FontStyle style,
                                     bool ligatures, bool right_to_left);
  void shape_segment(std::string_view text, std::size_t begin, std::size_t end, Font* font, bool ligatures,
                     std::vector<ShapedGlyph>& out);

  FontSet& fonts_;
  std::string language_;
  hb_buffer_t* buffer_ = nullptr;
  bool right_to_left_ = false;  // of the run being shaped
};

// Characters that draw nothing and stay with the font of the character before them
// (combining marks, joiners, variation selectors).
bool attaches_to_previous(char32_t c);

}  // namespace pb::fonts
