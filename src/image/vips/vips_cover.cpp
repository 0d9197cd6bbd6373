// Cover drawing with libvips; built into the postbinder_vips module (see vips_api.h).
#include "image/vips_api.h"

#include <vips/vips.h>

#include <array>
#include <memory>

#include "common/digest.h"
#include "common/utf8.h"
#include "image/vips/vips_session.h"

namespace pb::image::vips {

namespace {

constexpr int kWidth = 1200;
constexpr int kHeight = 1800;
constexpr int kTextWidth = 1000;

struct Unref {
  void operator()(VipsImage* image) const {
    if (image) g_object_unref(image);
  }
};
using ImagePtr = std::unique_ptr<VipsImage, Unref>;

struct Colour {
  double red, green, blue;
};

// Dark, muted backgrounds that keep light text readable on e-ink and colour screens alike.
constexpr std::array<Colour, 6> kBackgrounds = {
    {{38, 70, 83}, {74, 52, 86}, {40, 84, 64}, {110, 56, 44}, {52, 60, 96}, {84, 72, 44}}};
constexpr Colour kInk = {250, 246, 236};

// Pango markup needs &, < and > escaped.
std::string markup_escape(const std::string& text) {
  std::string out;
  for (char c : utf8::sanitize_for_xml(text)) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

ImagePtr solid(const Colour& colour) {
  VipsImage* black = nullptr;
  if (vips_black(&black, kWidth, kHeight, "bands", 3, nullptr) != 0) return nullptr;
  ImagePtr base(black);
  double add[3] = {colour.red, colour.green, colour.blue};
  double multiply[3] = {1, 1, 1};
  VipsImage* filled = nullptr;
  if (vips_linear(base.get(), &filled, multiply, add, 3, "uchar", TRUE, nullptr) != 0) return nullptr;
  return ImagePtr(filled);
}

// Draws text (Pango markup) centred horizontally with its top at y; returns the text height.
int draw_text(ImagePtr& canvas, const ImagePtr& ink, const std::string& markup, const char* font, int y) {
  VipsImage* mask = nullptr;
  if (vips_text(&mask, markup.c_str(), "font", font, "width", kTextWidth, "align", VIPS_ALIGN_CENTRE, "dpi", 72,
                nullptr) != 0)
    return -1;
  ImagePtr text(mask);
  const int text_width = vips_image_get_width(text.get());
  const int text_height = vips_image_get_height(text.get());
  VipsImage* placed = nullptr;
  if (vips_embed(text.get(), &placed, (kWidth - text_width) / 2, y, kWidth, kHeight, nullptr) != 0) return -1;
  ImagePtr placed_mask(placed);
  VipsImage* blended = nullptr;
  if (vips_ifthenelse(placed_mask.get(), ink.get(), canvas.get(), &blended, "blend", TRUE, nullptr) != 0) return -1;
  canvas.reset(blended);
  return text_height;
}

}  // namespace

std::variant<ConvertedImage, std::string> cover(const CoverText& text, const std::filesystem::path& output_stem) {
  ensure_vips();
  const std::string hash = digest::sha256_hex(text.title);
  const Colour& background =
      kBackgrounds[static_cast<std::size_t>(std::stoul(hash.substr(0, 4), nullptr, 16)) % kBackgrounds.size()];
  ImagePtr canvas = solid(background);
  ImagePtr ink = solid(kInk);
  if (!canvas || !ink) return "cannot draw a cover: " + take_vips_error();

  // Pango draws nothing for blank text and libvips then fails: a book always has a title.
  const std::string title_text = text.title.find_first_not_of(" \t\n\r") == std::string::npos ? "Untitled" : text.title;
  const std::size_t title_length = utf8::length(title_text);
  const char* title_font = title_length <= 24   ? "DejaVu Serif Bold 96"
                           : title_length <= 60 ? "DejaVu Serif Bold 76"
                                                : "DejaVu Serif Bold 56";
  const std::string title = markup_escape(utf8::truncate(title_text, 160));
  const int title_height = draw_text(canvas, ink, title, title_font, 360);
  if (title_height < 0) return "cannot draw a cover: " + take_vips_error();
  if (text.author.find_first_not_of(" \t\n\r") != std::string::npos &&
      draw_text(canvas, ink, markup_escape(utf8::truncate(text.author, 80)), "DejaVu Sans 44",
                360 + title_height + 120) < 0)
    return "cannot draw a cover: " + take_vips_error();
  if (text.site.find_first_not_of(" \t\n\r") != std::string::npos &&
      draw_text(canvas, ink, markup_escape(utf8::truncate(text.site, 80)), "DejaVu Sans 34", kHeight - 220) < 0)
    return "cannot draw a cover: " + take_vips_error();

  ConvertedImage cover;
  cover.format = Format::Jpeg;
  cover.width = kWidth;
  cover.height = kHeight;
  cover.file = output_stem.string() + ".jpg";
  if (vips_jpegsave(canvas.get(), cover.file.c_str(), "Q", 88, "strip", TRUE, "optimize_coding", TRUE, nullptr) != 0)
    return "cannot write the cover: " + take_vips_error();
  return cover;
}

}  // namespace pb::image::vips
