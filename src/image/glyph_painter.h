// Draws shaped glyphs into a Raster: FreeType renders each glyph's outline (unhinted, at its
// fractional pen position) to 8-bit coverage, which blends the ink over what is there. Pixels
// outside the raster are skipped. One painter owns its FreeType library and faces, so painters
// in different threads share nothing.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "fonts/shaper.h"
#include "image/raster.h"

struct FT_LibraryRec_;
struct FT_FaceRec_;

namespace pb::image {

struct Rgb {
  std::uint8_t red = 0, green = 0, blue = 0;
};

class GlyphPainter {
 public:
  GlyphPainter();  // throws BuildError when FreeType cannot start
  ~GlyphPainter();
  GlyphPainter(const GlyphPainter&) = delete;
  GlyphPainter& operator=(const GlyphPainter&) = delete;

  // Draws glyphs at pixel_size with the pen starting at x on the baseline (pixels, y down) of a
  // 3-channel raster. Returns "" or why a font could not be read.
  std::string draw(Raster& canvas, const std::vector<fonts::ShapedGlyph>& glyphs, int pixel_size, double x,
                   double baseline, Rgb ink);

 private:
  FT_FaceRec_* face_for(const fonts::Font& font);

  FT_LibraryRec_* library_ = nullptr;
  std::map<const fonts::Font*, FT_FaceRec_*> faces_;  // nullptr: the font could not be opened
};

}  // namespace pb::image
