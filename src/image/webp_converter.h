// WebP straight through libwebp and libjpeg-turbo, without libvips: WebP is by far the format
// a WordPress site most often serves that e-readers cannot show, and decoding it to YUV planes
// and encoding those as JPEG costs a fraction of the time and memory of the general path.
// Only the plain forms are handled here: animated WebP, WebP with an ICC profile (colour
// management) and WebP whose EXIF data turns it (orientation) go to libvips.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>

#include "image/image_converter.h"

namespace pb::image {

// nullopt when this file is not a plain WebP (not WebP at all, animated, ICC, turned); otherwise
// the converted image (JPEG, or PNG when it has alpha) or why it failed.
std::optional<Conversion> convert_plain_webp(const std::filesystem::path& input,
                                             const std::filesystem::path& output_stem, const ConvertLimits& limits);

// The size an image of width x height is scaled to so that it fits the limits, keeping its
// aspect and never enlarging it.
struct Size {
  int width = 0;
  int height = 0;
};
Size fit_within(int width, int height, const ConvertLimits& limits);

}  // namespace pb::image
