// The generated cover, drawn with the fonts of the PDF stage (fontconfig, HarfBuzz, FreeType)
// and encoded with libjpeg-turbo: drawing it never loads libvips, which would cost a cold build
// some 100 ms and 30 MB for one picture of text.
#include "image/cover_generator.h"

#include <array>
#include <exception>
#include <string>
#include <variant>
#include <vector>

#include "common/digest.h"
#include "common/utf8.h"
#include "fonts/font_set.h"
#include "fonts/shaper.h"
#include "image/glyph_painter.h"
#include "image/raster.h"
#include "image/text_layout.h"

namespace pb::image {

namespace {

constexpr int kWidth = 1200;
constexpr int kHeight = 1800;
constexpr int kTextWidth = 1000;
constexpr int kTitleTop = 360;
constexpr int kAuthorGap = 120;  // between the title block and the author
constexpr int kSiteTop = kHeight - 220;
constexpr double kLineHeight = 1.2;  // em
constexpr int kQuality = 88;

// Dark, muted backgrounds that keep light text readable on e-ink and colour screens alike.
constexpr std::array<Rgb, 6> kBackgrounds = {
    {{38, 70, 83}, {74, 52, 86}, {40, 84, 64}, {110, 56, 44}, {52, 60, 96}, {84, 72, 44}}};
constexpr Rgb kInk = {250, 246, 236};

// At most max_code_points, valid UTF-8 without control characters, single spaces, trimmed.
std::string prepare(const std::string& text, std::size_t max_code_points) {
  return collapse_spaces(utf8::sanitize_for_xml(utf8::truncate(text, max_code_points)));
}

// The same title always gets the same colour.
Rgb background_for(const std::string& title) {
  const std::string hash = digest::sha256_hex(title);
  return kBackgrounds[static_cast<std::size_t>(std::stoul(hash.substr(0, 4), nullptr, 16)) % kBackgrounds.size()];
}

Raster filled(Rgb colour) {
  Raster raster;
  raster.width = kWidth;
  raster.height = kHeight;
  raster.channels = 3;
  raster.pixels.resize(static_cast<std::size_t>(kWidth) * kHeight * 3);
  for (std::size_t i = 0; i < raster.pixels.size(); i += 3) {
    raster.pixels[i] = colour.red;
    raster.pixels[i + 1] = colour.green;
    raster.pixels[i + 2] = colour.blue;
  }
  return raster;
}

class CoverCanvas {
 public:
  explicit CoverCanvas(Rgb background) : raster_(filled(background)), shaper_(fonts_, "und") {}

  // Draws text (as prepare() leaves it) in lines centred on the cover, the first line's top at
  // top; returns the height of the block (lines times the line height) or an error.
  std::variant<int, std::string> text_block(const std::string& text, fonts::FontStyle style, int pixel_size, int top) {
    const std::vector<TextLine> lines = layout_lines(shaper_, text, style, pixel_size, kTextWidth);
    const fonts::Font& font = fonts_.primary(style);
    const double line_height = kLineHeight * pixel_size;
    const double ascent = font.ascender() / font.units_per_em() * pixel_size;
    const double descent = -font.descender() / font.units_per_em() * pixel_size;
    // Like a CSS line box: the leading is shared above and below the glyphs.
    double baseline = top + (line_height - ascent - descent) / 2 + ascent;
    for (const TextLine& line : lines) {
      const std::string error =
          painter_.draw(raster_, line.glyphs, pixel_size, (kWidth - line.width) / 2, baseline, kInk);
      if (!error.empty()) return error;
      baseline += line_height;
    }
    return static_cast<int>(lines.size() * line_height + 0.5);
  }

  const Raster& raster() const { return raster_; }

 private:
  Raster raster_;
  fonts::FontSet fonts_;  // reports nothing: a replacement mark on the cover is warning enough
  fonts::Shaper shaper_;
  GlyphPainter painter_;
};

// The old covers' rule (Pango at 72 dpi, so points were pixels): shorter titles are larger.
int title_size(std::size_t length) {
  return length <= 24 ? 96 : length <= 60 ? 76 : 56;
}

Conversion draw(const CoverText& text, const std::filesystem::path& output_stem) {
  CoverCanvas canvas(background_for(text.title));
  const fonts::FontStyle serif_bold{fonts::Family::Serif, true, false};
  const fonts::FontStyle sans{fonts::Family::Sans, false, false};
  // A book always has a title, so its cover shows one.
  std::string title = prepare(text.title, 160);
  const std::size_t title_length = title.empty() ? 8 : utf8::length(text.title);
  if (title.empty()) title = "Untitled";
  const auto title_height = canvas.text_block(title, serif_bold, title_size(title_length), kTitleTop);
  if (const auto* error = std::get_if<std::string>(&title_height)) return "cannot draw a cover: " + *error;
  if (const std::string author = prepare(text.author, 80); !author.empty()) {
    const int author_top = kTitleTop + std::get<int>(title_height) + kAuthorGap;
    const auto drawn = canvas.text_block(author, sans, 44, author_top);
    if (const auto* error = std::get_if<std::string>(&drawn)) return "cannot draw a cover: " + *error;
  }
  if (const std::string site = prepare(text.site, 80); !site.empty()) {
    const auto drawn = canvas.text_block(site, sans, 34, kSiteTop);
    if (const auto* error = std::get_if<std::string>(&drawn)) return "cannot draw a cover: " + *error;
  }

  ConvertedImage cover;
  cover.format = Format::Jpeg;
  cover.width = kWidth;
  cover.height = kHeight;
  cover.file = output_stem.string() + ".jpg";
  if (const std::string error = write_jpeg(cover.file, canvas.raster(), kQuality); !error.empty())
    return "cannot write the cover: " + error;
  return cover;
}

}  // namespace

Conversion generate_cover(const CoverText& text, const std::filesystem::path& output_stem) {
  // Every font, shaper and FreeType face lives in this call, so covers may be drawn in any thread.
  try {
    return draw(text, output_stem);
  } catch (const std::exception& error) {  // no usable font installed, out of memory
    return std::string("cannot draw a cover: ") + error.what();
  }
}

}  // namespace pb::image
