#include "fonts/font.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include <hb-ot.h>
#include <hb.h>

#include "common/error.h"

namespace pb::fonts {

namespace {

// Reads what the PDF font descriptor needs through FreeType, then lets it go.
class FreeTypeFace {
 public:
  FreeTypeFace(const std::filesystem::path& file, int index) {
    if (FT_Init_FreeType(&library_) != 0) throw BuildError(file.string(), "cannot start FreeType");
    if (FT_New_Face(library_, file.c_str(), index, &face_) != 0) {
      FT_Done_FreeType(library_);
      throw BuildError(file.string(), "cannot read the font");
    }
  }
  ~FreeTypeFace() {
    FT_Done_Face(face_);
    FT_Done_FreeType(library_);
  }
  FreeTypeFace(const FreeTypeFace&) = delete;
  FreeTypeFace& operator=(const FreeTypeFace&) = delete;
  FT_Face get() const { return face_; }

 private:
  FT_Library library_ = nullptr;
  FT_Face face_ = nullptr;
};

bool has_table(FT_Face face, FT_ULong tag) {
  FT_ULong length = 0;
  return FT_Load_Sfnt_Table(face, tag, 0, nullptr, &length) == 0 && length > 0;
}

}  // namespace

Font::Font(std::filesystem::path file, int face_index, int id)
    : file_(std::move(file)), face_index_(face_index), id_(id) {
  {
    FreeTypeFace ft(file_, face_index_);
    FT_Face face = ft.get();
    if (!FT_IS_SFNT(face) || !has_table(face, TTAG_glyf))
      throw BuildError(file_.string(), "not a TrueType font with glyf outlines; it cannot be embedded");
    const char* ps = FT_Get_Postscript_Name(face);
    postscript_name_ = ps ? ps : file_.stem().string();
    family_name_ = face->family_name ? face->family_name : postscript_name_;
    units_per_em_ = face->units_per_EM ? face->units_per_EM : 1000;
    ascender_ = face->ascender;
    descender_ = face->descender;
    bbox_[0] = static_cast<double>(face->bbox.xMin);
    bbox_[1] = static_cast<double>(face->bbox.yMin);
    bbox_[2] = static_cast<double>(face->bbox.xMax);
    bbox_[3] = static_cast<double>(face->bbox.yMax);
    fixed_pitch_ = FT_IS_FIXED_WIDTH(face);
    italic_ = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
    bold_ = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
    cap_height_ = ascender_ * 0.7;
    if (const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2))) {
      if (os2->version >= 2 && os2->sCapHeight > 0) cap_height_ = os2->sCapHeight;
      if (os2->sTypoAscender > 0 && ascender_ <= 0) ascender_ = os2->sTypoAscender;
    }
    if (const auto* post = static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(face, FT_SFNT_POST)))
      italic_angle_ = static_cast<double>(post->italicAngle) / 65536.0;
  }
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(file_.c_str());
  if (!blob) throw BuildError(file_.string(), "cannot read the font");
  face_ = hb_face_create(blob, static_cast<unsigned>(face_index_));
  hb_blob_destroy(blob);
  font_ = hb_font_create(face_);
  hb_ot_font_set_funcs(font_);
  const int scale = static_cast<int>(units_per_em_);
  hb_font_set_scale(font_, scale, scale);
}

Font::~Font() {
  hb_font_destroy(font_);
  hb_face_destroy(face_);
}

std::uint32_t Font::glyph_for(char32_t c) const {
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(font_, c, &glyph)) return 0;
  return glyph;
}

double Font::advance(std::uint32_t glyph) const {
  return hb_font_get_glyph_h_advance(font_, glyph);
}

void Font::remember_text(std::uint32_t glyph, std::u32string_view text) {
  if (text.empty()) return;
  texts_.try_emplace(glyph, text);
}

}  // namespace pb::fonts
