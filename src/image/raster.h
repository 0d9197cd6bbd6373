// Decoded pixels and the two encoders every e-reader's formats need: JPEG through libjpeg-turbo
// (from RGB, or straight from the YUV 4:2:0 planes a WebP decoder gives, so colours are not
// converted twice) and PNG through libpng. Used where libvips would cost more than it brings:
// WebP, the most common format to convert, and the generated cover.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pb::image {

// 8-bit interleaved pixels, 3 channels (RGB) or 4 (RGBA), rows without padding.
struct Raster {
  int width = 0;
  int height = 0;
  int channels = 3;
  std::vector<std::uint8_t> pixels;
};

// YUV 4:2:0 planes (JPEG's own layout), borrowed from a decoder.
struct YuvPlanes {
  int width = 0;
  int height = 0;
  const std::uint8_t* y = nullptr;
  const std::uint8_t* u = nullptr;
  const std::uint8_t* v = nullptr;
  int y_stride = 0;
  int u_stride = 0;
  int v_stride = 0;
};

constexpr int kJpegQuality = 85;

// Each writes file and returns "" or why it could not.
std::string write_jpeg(const std::filesystem::path& file, const Raster& raster, int quality = kJpegQuality);
std::string write_jpeg(const std::filesystem::path& file, const YuvPlanes& planes, int quality = kJpegQuality);
std::string write_png(const std::filesystem::path& file, const Raster& raster);

}  // namespace pb::image
