#include "image/glyph_painter.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cmath>

#include "common/error.h"

namespace pb::image {

namespace {

// 26.6 fixed point, as FreeType measures.
FT_Pos to_26_6(double pixels) {
  return static_cast<FT_Pos>(std::lround(pixels * 64));
}

std::uint8_t blend(std::uint8_t under, std::uint8_t ink, unsigned coverage) {
  return static_cast<std::uint8_t>((under * (255 - coverage) + ink * coverage + 127) / 255);
}

void blend_bitmap(Raster& canvas, const FT_Bitmap& bitmap, int left, int top, Rgb ink) {
  for (unsigned row = 0; row < bitmap.rows; ++row) {
    const int y = top + static_cast<int>(row);
    if (y < 0 || y >= canvas.height) continue;
    const unsigned char* coverage = bitmap.buffer + static_cast<std::ptrdiff_t>(row) * bitmap.pitch;
    for (unsigned column = 0; column < bitmap.width; ++column) {
      const int x = left + static_cast<int>(column);
      if (x < 0 || x >= canvas.width || coverage[column] == 0) continue;
      std::uint8_t* pixel = canvas.pixels.data() + (static_cast<std::size_t>(y) * canvas.width + x) * 3;
      pixel[0] = blend(pixel[0], ink.red, coverage[column]);
      pixel[1] = blend(pixel[1], ink.green, coverage[column]);
      pixel[2] = blend(pixel[2], ink.blue, coverage[column]);
    }
  }
}

}  // namespace

GlyphPainter::GlyphPainter() {
  if (FT_Init_FreeType(&library_) != 0) throw BuildError("FreeType", "cannot start FreeType");
}

GlyphPainter::~GlyphPainter() {
  for (const auto& [font, face] : faces_)
    if (face) FT_Done_Face(face);
  FT_Done_FreeType(library_);
}

FT_Face GlyphPainter::face_for(const fonts::Font& font) {
  if (const auto it = faces_.find(&font); it != faces_.end()) return it->second;
  FT_Face face = nullptr;
  if (FT_New_Face(library_, font.file().c_str(), font.face_index(), &face) != 0) face = nullptr;
  faces_[&font] = face;
  return face;
}

std::string GlyphPainter::draw(Raster& canvas, const std::vector<fonts::ShapedGlyph>& glyphs, int pixel_size, double x,
                               double baseline, Rgb ink) {
  double pen = x;
  for (const fonts::ShapedGlyph& glyph : glyphs) {
    const double scale = pixel_size / glyph.font->units_per_em();
    FT_Face face = face_for(*glyph.font);
    if (!face) return "cannot read the font " + glyph.font->file().string();
    // The glyph is rendered at the pen's fractional position, so letters keep the spacing the
    // shaper gave them instead of snapping to whole pixels; y grows downwards in the raster.
    const double glyph_x = pen + glyph.x_offset * scale;
    const double glyph_y = baseline - glyph.y_offset * scale;
    const double whole_x = std::floor(glyph_x);
    const double whole_y = std::floor(glyph_y);
    FT_Vector shift{to_26_6(glyph_x - whole_x), -to_26_6(glyph_y - whole_y)};
    pen += glyph.advance * scale;
    if (FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(pixel_size)) != 0) continue;
    FT_Set_Transform(face, nullptr, &shift);
    if (FT_Load_Glyph(face, glyph.glyph, FT_LOAD_DEFAULT | FT_LOAD_NO_HINTING) != 0) continue;
    if (FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) != 0) continue;
    const FT_Bitmap& bitmap = face->glyph->bitmap;
    if (bitmap.pixel_mode != FT_PIXEL_MODE_GRAY || bitmap.pitch <= 0) continue;
    blend_bitmap(canvas, bitmap, static_cast<int>(whole_x) + face->glyph->bitmap_left,
                 static_cast<int>(whole_y) - face->glyph->bitmap_top, ink);
  }
  return "";
}

}  // namespace pb::image
