// Turns any image libvips reads (WebP, AVIF, GIF, TIFF, BMP, SVG, HEIC, CMYK or oversized
// JPEG and PNG) into what every e-reader shows: an sRGB JPEG, or a PNG when it has
// transparency, no larger than the limits. Refuses images whose pixel count is absurd
// (decompression bombs) before decoding a single pixel.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>

#include "image/sniff.h"

namespace pb::image {

struct ConvertLimits {
  int max_width = 1600;
  int max_height = 2560;
  std::uint64_t max_pixels = 100'000'000;  // of the source image
};

struct ConvertedImage {
  std::filesystem::path file;
  Format format = Format::Unknown;  // Jpeg or Png
  int width = 0;
  int height = 0;
};

// A converted (or drawn) image, or why it could not be made.
using Conversion = std::variant<ConvertedImage, std::string>;

// output_stem gets ".jpg" or ".png". Returns the converted image or why it failed.
Conversion convert_image(const std::filesystem::path& input, const std::filesystem::path& output_stem,
                         const ConvertLimits& limits);

}  // namespace pb::image
