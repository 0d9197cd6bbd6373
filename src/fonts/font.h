// One TrueType font file, opened for measuring, shaping and embedding: HarfBuzz gives glyphs
// and advances, FreeType the facts a PDF font descriptor needs. The font also remembers which
// text each glyph stood for, so the PDF can map glyphs back to Unicode.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

struct hb_font_t;
struct hb_face_t;

namespace pb::fonts {

class Font {
 public:
  // Throws BuildError when the file cannot be read or has no TrueType outlines (glyf table).
  Font(std::filesystem::path file, int face_index, int id);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  int id() const { return id_; }  // order of opening; names the font in the PDF
  const std::filesystem::path& file() const { return file_; }
  int face_index() const { return face_index_; }
  const std::string& postscript_name() const { return postscript_name_; }
  const std::string& family_name() const { return family_name_; }

  double units_per_em() const { return units_per_em_; }
  double ascender() const { return ascender_; }    // font units, positive
  double descender() const { return descender_; }  // font units, negative
  double cap_height() const { return cap_height_; }
  double italic_angle() const { return italic_angle_; }
  bool fixed_pitch() const { return fixed_pitch_; }
  bool italic() const { return italic_; }
  bool bold() const { return bold_; }
  const double* bbox() const { return bbox_; }  // xmin ymin xmax ymax, font units

  // The glyph for a code point, 0 when the font has none.
  std::uint32_t glyph_for(char32_t c) const;
  bool covers(char32_t c) const { return glyph_for(c) != 0; }
  // Horizontal advance in font units.
  double advance(std::uint32_t glyph) const;

  hb_font_t* hb_font() const { return font_; }
  hb_face_t* hb_face() const { return face_; }

  // The text a glyph was shaped from; the first one seen is kept.
  void remember_text(std::uint32_t glyph, std::u32string_view text);
  const std::map<std::uint32_t, std::u32string>& glyph_texts() const { return texts_; }

 private:
  std::filesystem::path file_;
  int face_index_ = 0;
  int id_ = 0;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  std::string postscript_name_;
  std::string family_name_;
  double units_per_em_ = 1000;
  double ascender_ = 800, descender_ = -200, cap_height_ = 700, italic_angle_ = 0;
  double bbox_[4] = {0, 0, 0, 0};
  bool fixed_pitch_ = false, italic_ = false, bold_ = false;
  std::map<std::uint32_t, std::u32string> texts_;
};

}  // namespace pb::fonts
