// convert_image(): plain WebP through libwebp in the drawing module (draw_api.h,
// webp_converter.h), everything else through the libvips module (vips_api.h). Each module is
// loaded only when an image turns up that needs it.
#include "image/image_converter.h"

#include "image/draw_api.h"
#include "image/image_file.h"
#include "image/vips_api.h"

namespace pb::image {

namespace {

bool starts_as_webp(const std::filesystem::path& input) {
  const ImageFile file(input, Scratch::Head);
  return file.is_open() && sniff(file.head(16)) == Format::WebP;
}

}  // namespace

Conversion convert_image(const std::filesystem::path& input, const std::filesystem::path& output_stem,
                         const ConvertLimits& limits) {
  if (starts_as_webp(input))
    if (auto converted = convert_plain_webp_in_module(input, output_stem, limits)) return std::move(*converted);
  return convert_with_vips(input, output_stem, limits);
}

}  // namespace pb::image
