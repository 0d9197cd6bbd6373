// Image conversion with libvips; built into the postbinder_vips module (see vips_api.h).
#include "image/vips_api.h"

#include <vips/vips.h>

#include <memory>

#include "image/vips/vips_session.h"

namespace pb::image::vips {

namespace {

struct Unref {
  void operator()(VipsImage* image) const {
    if (image) g_object_unref(image);
  }
};
using ImagePtr = std::unique_ptr<VipsImage, Unref>;

std::string pixels_text(int width, int height) {
  return std::to_string(width) + "x" + std::to_string(height);
}

// libvips decodes lazily, while saving: a failure then is nearly always the input's.
std::string save_failure() {
  const std::string error = take_vips_error();
  for (const char* truncated : {"Premature end", "premature end", "truncated", "Truncated", "end of file"})
    if (error.find(truncated) != std::string::npos) return "is truncated: " + error;
  return "cannot be decoded: " + error;
}

}  // namespace

Conversion convert(const std::filesystem::path& input, const std::filesystem::path& output_stem,
                   const ConvertLimits& limits) {
  ensure_vips();
  // The header only: dimensions come without decoding pixels.
  ImagePtr header(vips_image_new_from_file(input.c_str(), "access", VIPS_ACCESS_SEQUENTIAL, nullptr));
  if (!header) return "cannot be decoded: " + take_vips_error();
  const int source_width = vips_image_get_width(header.get());
  const int source_height = vips_image_get_height(header.get());
  if (static_cast<std::uint64_t>(source_width) * static_cast<std::uint64_t>(source_height) > limits.max_pixels)
    return "refused: " + pixels_text(source_width, source_height) + " pixels is above the limit of " +
           std::to_string(limits.max_pixels / 1'000'000) + " megapixels";
  header.reset();

  VipsImage* raw = nullptr;
  // Orientation is applied, colour converted to sRGB (CMYK included), size reduced to the
  // limits (never enlarged); truncated files fail instead of showing half a picture.
  if (vips_thumbnail(input.c_str(), &raw, limits.max_width, "height", limits.max_height, "size", VIPS_SIZE_DOWN,
                     "fail_on", VIPS_FAIL_ON_TRUNCATED, nullptr) != 0)
    return "cannot be decoded: " + take_vips_error();
  ImagePtr image(raw);

  if (vips_image_get_interpretation(image.get()) == VIPS_INTERPRETATION_CMYK) {
    VipsImage* srgb = nullptr;
    if (vips_colourspace(image.get(), &srgb, VIPS_INTERPRETATION_sRGB, nullptr) != 0)
      return "cannot convert its colours: " + take_vips_error();
    image.reset(srgb);
  }

  ConvertedImage converted;
  converted.width = vips_image_get_width(image.get());
  converted.height = vips_image_get_height(image.get());
  if (vips_image_hasalpha(image.get())) {
    converted.format = Format::Png;
    converted.file = output_stem.string() + ".png";
    if (vips_pngsave(image.get(), converted.file.c_str(), "compression", 9, "strip", TRUE, "bitdepth", 8, nullptr) != 0)
      return save_failure();
  } else {
    converted.format = Format::Jpeg;
    converted.file = output_stem.string() + ".jpg";
    if (vips_jpegsave(image.get(), converted.file.c_str(), "Q", 85, "strip", TRUE, "optimize_coding", TRUE, nullptr) !=
        0)
      return save_failure();
  }
  return converted;
}

}  // namespace pb::image::vips
