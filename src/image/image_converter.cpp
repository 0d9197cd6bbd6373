// convert_image(): plain WebP through libwebp (webp_converter.h), everything else through the
// libvips module (vips_api.h), which is loaded only when such an image turns up.
#include "image/image_converter.h"

#include "image/vips_api.h"
#include "image/webp_converter.h"

namespace pb::image {

std::variant<ConvertedImage, std::string> convert_image(const std::filesystem::path& input,
                                                        const std::filesystem::path& output_stem,
                                                        const ConvertLimits& limits) {
  if (auto converted = convert_plain_webp(input, output_stem, limits)) return std::move(*converted);
  return convert_with_vips(input, output_stem, limits);
}

}  // namespace pb::image
