#include "image/webp_converter.h"

#include <webp/decode.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "image/image_file.h"
#include "image/image_header.h"
#include "image/raster.h"
#include "image/scratch_buffer.h"

namespace pb::image {

namespace {

namespace fs = std::filesystem;

// The extended-format (VP8X) flags that need more than decoding pixels.
constexpr unsigned char kIccFlag = 0x20;
constexpr unsigned char kExifFlag = 0x08;
constexpr unsigned char kAnimationFlag = 0x02;

bool is_webp(std::string_view bytes) {
  return bytes.size() >= 16 && bytes.compare(0, 4, "RIFF") == 0 && bytes.compare(8, 4, "WEBP") == 0;
}

std::uint32_t little32(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3])) << 24;
}

// The orientation in the EXIF chunk of an extended WebP, or 1.
int exif_chunk_orientation(std::string_view bytes) {
  for (std::size_t at = 12; at + 8 <= bytes.size();) {
    const std::size_t length = little32(bytes, at + 4);
    if (length > bytes.size() - at - 8) break;
    if (bytes.compare(at, 4, "EXIF") == 0) {
      std::string_view exif = bytes.substr(at + 8, length);
      if (exif.starts_with(std::string_view("Exif\0\0", 6))) exif.remove_prefix(6);  // some writers keep JPEG's prefix
      return tiff_orientation(exif);
    }
    at += 8 + length + (length & 1);
  }
  return 1;
}

// A plain WebP: a VP8 or VP8L chunk, or VP8X without animation or colour profile, and upright.
// (Most WebP writers, libvips among them, add EXIF data; only its orientation matters here.)
bool is_plain(std::string_view bytes) {
  if (bytes.compare(12, 4, "VP8X") != 0) return true;
  if (bytes.size() < 21) return false;
  const auto flags = static_cast<unsigned char>(bytes[20]);
  if (flags & (kIccFlag | kAnimationFlag)) return false;
  return !(flags & kExifFlag) || exif_chunk_orientation(bytes) == 1;
}

std::string status_text(VP8StatusCode status) {
  switch (status) {
    case VP8_STATUS_OUT_OF_MEMORY:
      return "out of memory";
    case VP8_STATUS_INVALID_PARAM:
      return "invalid parameter";
    case VP8_STATUS_BITSTREAM_ERROR:
      return "corrupt WebP data";
    case VP8_STATUS_UNSUPPORTED_FEATURE:
      return "unsupported WebP feature";
    case VP8_STATUS_NOT_ENOUGH_DATA:
      return "the data ends early";
    default:
      return "WebP status " + std::to_string(static_cast<int>(status));
  }
}

std::string decode_failure(VP8StatusCode status) {
  if (status == VP8_STATUS_NOT_ENOUGH_DATA) return "is truncated: the WebP data ends early";
  return "cannot be decoded: " + status_text(status);
}

// WebP stores "studio range" YUV (luma 16..235, chroma 16..240), a JPEG full-range YCbCr with
// the same BT.601 matrix: rescaling the planes in place is all the conversion there is.
void expand_to_full_range(std::uint8_t* plane, int width, int height, int stride, bool luma) {
  std::array<std::uint8_t, 256> table{};
  for (int value = 0; value < 256; ++value) {
    const double full = luma ? (value - 16) * 255.0 / 219.0 : (value - 128) * 255.0 / 224.0 + 128.0;
    table[static_cast<std::size_t>(value)] = static_cast<std::uint8_t>(std::clamp(std::lround(full), 0L, 255L));
  }
  for (int y = 0; y < height; ++y) {
    std::uint8_t* row = plane + static_cast<std::ptrdiff_t>(y) * stride;
    for (int x = 0; x < width; ++x) row[x] = table[row[x]];
  }
}

// Points libwebp's YUV output at this thread's scratch buffer (one allocation for the three
// planes, reused by the next image) instead of memory it allocates afresh.
void decode_into_scratch(WebPDecBuffer& output, int width, int height) {
  const int chroma_width = (width + 1) / 2;
  const int chroma_height = (height + 1) / 2;
  const std::size_t luma_size = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  const std::size_t chroma_size = static_cast<std::size_t>(chroma_width) * static_cast<std::size_t>(chroma_height);
  std::uint8_t* planes = scratch_buffer(Scratch::Pixels, luma_size + 2 * chroma_size);
  output.colorspace = MODE_YUV;
  output.is_external_memory = 1;
  WebPYUVABuffer& yuv = output.u.YUVA;
  yuv.y = planes;
  yuv.y_stride = width;
  yuv.y_size = luma_size;
  yuv.u = planes + luma_size;
  yuv.u_stride = chroma_width;
  yuv.u_size = chroma_size;
  yuv.v = planes + luma_size + chroma_size;
  yuv.v_stride = chroma_width;
  yuv.v_size = chroma_size;
  yuv.a = nullptr;
  yuv.a_stride = 0;
  yuv.a_size = 0;
}

// libwebp's output buffer, freed however the conversion ends.
struct DecodedWebP {
  WebPDecoderConfig config;
  DecodedWebP() { WebPInitDecoderConfig(&config); }
  ~DecodedWebP() { WebPFreeDecBuffer(&config.output); }
  DecodedWebP(const DecodedWebP&) = delete;
  DecodedWebP& operator=(const DecodedWebP&) = delete;
};

}  // namespace

Size fit_within(int width, int height, const ConvertLimits& limits) {
  const double scale =
      std::min({1.0, static_cast<double>(limits.max_width) / width, static_cast<double>(limits.max_height) / height});
  if (scale >= 1.0) return {width, height};
  return {std::max(1, static_cast<int>(std::lround(width * scale))),
          std::max(1, static_cast<int>(std::lround(height * scale)))};
}

std::optional<Conversion> convert_plain_webp(const fs::path& input, const fs::path& output_stem,
                                             const ConvertLimits& limits) {
  const ImageFile file(input, Scratch::FileBytes);
  if (!file.is_open()) return std::nullopt;  // libvips will say what is wrong with it
  const std::string_view bytes = file.all();
  if (!is_webp(bytes) || !is_plain(bytes)) return std::nullopt;

  DecodedWebP decoded;
  WebPDecoderConfig& config = decoded.config;
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  if (const VP8StatusCode status = WebPGetFeatures(data, bytes.size(), &config.input); status != VP8_STATUS_OK)
    return decode_failure(status);
  const WebPBitstreamFeatures& features = config.input;
  if (features.has_animation) return std::nullopt;
  const int width = features.width;
  const int height = features.height;
  if (static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height) > limits.max_pixels)
    return "refused: " + std::to_string(width) + "x" + std::to_string(height) + " pixels is above the limit of " +
           std::to_string(limits.max_pixels / 1'000'000) + " megapixels";

  const Size size = fit_within(width, height, limits);
  if (size.width != width || size.height != height) {
    config.options.use_scaling = 1;  // libwebp scales while decoding, averaging the source pixels
    config.options.scaled_width = size.width;
    config.options.scaled_height = size.height;
  }
  // Opaque images are decoded to the YUV 4:2:0 planes a JPEG stores, with alpha to RGBA.
  if (features.has_alpha)
    config.output.colorspace = MODE_RGBA;
  else
    decode_into_scratch(config.output, size.width, size.height);
  if (const VP8StatusCode status = WebPDecode(data, bytes.size(), &config); status != VP8_STATUS_OK)
    return decode_failure(status);

  ConvertedImage converted;
  converted.width = config.output.width;
  converted.height = config.output.height;
  std::string error;
  if (features.has_alpha) {
    const WebPRGBABuffer& rgba = config.output.u.RGBA;
    Raster raster;
    raster.width = converted.width;
    raster.height = converted.height;
    raster.channels = 4;
    const std::size_t row = static_cast<std::size_t>(raster.width) * 4;
    raster.pixels.resize(row * static_cast<std::size_t>(raster.height));
    for (int y = 0; y < raster.height; ++y)
      std::copy_n(rgba.rgba + static_cast<std::size_t>(y) * static_cast<std::size_t>(rgba.stride), row,
                  raster.pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y)));
    converted.format = Format::Png;
    converted.file = output_stem.string() + ".png";
    error = write_png(converted.file, raster);
  } else {
    const WebPYUVABuffer& yuv = config.output.u.YUVA;
    const int chroma_width = (converted.width + 1) / 2;
    const int chroma_height = (converted.height + 1) / 2;
    expand_to_full_range(yuv.y, converted.width, converted.height, yuv.y_stride, true);
    expand_to_full_range(yuv.u, chroma_width, chroma_height, yuv.u_stride, false);
    expand_to_full_range(yuv.v, chroma_width, chroma_height, yuv.v_stride, false);
    YuvPlanes planes{converted.width, converted.height, yuv.y, yuv.u, yuv.v, yuv.y_stride, yuv.u_stride, yuv.v_stride};
    converted.format = Format::Jpeg;
    converted.file = output_stem.string() + ".jpg";
    error = write_jpeg(converted.file, planes);
  }
  if (!error.empty()) return error;
  return converted;
}

}  // namespace pb::image
