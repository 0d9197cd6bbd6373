#include "image/image_header.h"

#include <cstdint>

namespace pb::image {

namespace {

unsigned byte_at(std::string_view bytes, std::size_t at) {
  return static_cast<unsigned char>(bytes[at]);
}
unsigned big16(std::string_view bytes, std::size_t at) {
  return byte_at(bytes, at) << 8 | byte_at(bytes, at + 1);
}
unsigned little16(std::string_view bytes, std::size_t at) {
  return byte_at(bytes, at + 1) << 8 | byte_at(bytes, at);
}
std::uint32_t big32(std::string_view bytes, std::size_t at) {
  return big16(bytes, at) << 16 | big16(bytes, at + 2);
}

std::optional<ImageHeader> png_header(std::string_view bytes) {
  if (bytes.size() < 33 || bytes.substr(12, 4) != "IHDR") return std::nullopt;
  ImageHeader header;
  header.format = Format::Png;
  header.width = static_cast<int>(big32(bytes, 16));
  header.height = static_cast<int>(big32(bytes, 20));
  const unsigned colour_type = byte_at(bytes, 25);
  header.has_alpha = colour_type == 4 || colour_type == 6;
  // A tRNS chunk before the image data also makes pixels transparent.
  std::size_t at = 8;
  while (!header.has_alpha && at + 8 <= bytes.size()) {
    const std::uint32_t length = big32(bytes, at);
    const std::string_view type = bytes.substr(at + 4, 4);
    if (type == "tRNS") header.has_alpha = true;
    if (type == "IDAT" || type == "IEND") break;
    at += 12 + static_cast<std::size_t>(length);
  }
  return header;
}

// The orientation tag (0x0112) of a JPEG's EXIF block ("Exif\0\0" + a TIFF header), or 1.
int exif_orientation(std::string_view exif) {
  if (exif.size() < 14 || exif.substr(0, 6) != std::string_view("Exif\0\0", 6)) return 1;
  return tiff_orientation(exif.substr(6));
}

}  // namespace

int tiff_orientation(std::string_view tiff) {
  const bool little = tiff.substr(0, 2) == "II";
  if (!little && tiff.substr(0, 2) != "MM") return 1;
  const auto read16 = [&](std::size_t at) -> unsigned {
    if (at + 2 > tiff.size()) return 0;
    return little ? little16(tiff, at) : big16(tiff, at);
  };
  const auto read32 = [&](std::size_t at) -> std::uint32_t {
    if (at + 4 > tiff.size()) return 0;
    return little ? (static_cast<std::uint32_t>(little16(tiff, at + 2)) << 16 | little16(tiff, at)) : big32(tiff, at);
  };
  const std::size_t ifd = read32(4);
  const unsigned entries = read16(ifd);
  for (unsigned i = 0; i < entries && i < 512; ++i) {
    const std::size_t entry = ifd + 2 + static_cast<std::size_t>(i) * 12;
    if (entry + 12 > tiff.size()) break;
    if (read16(entry) == 0x0112) {
      const unsigned value = read16(entry + 8);
      return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
    }
  }
  return 1;
}

namespace {

std::optional<ImageHeader> jpeg_header(std::string_view bytes) {
  int orientation = 1;
  std::size_t at = 2;
  while (at + 4 <= bytes.size()) {
    if (byte_at(bytes, at) != 0xFF) return std::nullopt;
    const unsigned marker = byte_at(bytes, at + 1);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      at += 2;
      continue;
    }
    const unsigned length = big16(bytes, at + 2);
    if (length < 2) return std::nullopt;
    const bool start_of_frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (start_of_frame) {
      if (at + 10 > bytes.size()) return std::nullopt;
      ImageHeader header;
      header.format = Format::Jpeg;
      header.height = static_cast<int>(big16(bytes, at + 5));
      header.width = static_cast<int>(big16(bytes, at + 7));
      header.cmyk = byte_at(bytes, at + 9) == 4;
      header.orientation = orientation;
      header.frame_offset = at;
      return header;
    }
    if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // image data before any frame header
    if (marker == 0xE1 && at + 2 + length <= bytes.size())
      orientation = exif_orientation(bytes.substr(at + 4, length - 2));
    at += 2 + length;
  }
  return std::nullopt;
}

std::optional<ImageHeader> gif_header(std::string_view bytes) {
  if (bytes.size() < 13) return std::nullopt;
  ImageHeader header;
  header.format = Format::Gif;
  header.width = static_cast<int>(little16(bytes, 6));
  header.height = static_cast<int>(little16(bytes, 8));
  // More than one image descriptor (0x2C) in the bytes read: animated. A hint, not a parse.
  std::size_t frames = 0;
  for (std::size_t i = 13; i + 1 < bytes.size() && frames < 2; ++i)
    if (byte_at(bytes, i) == 0x21 && byte_at(bytes, i + 1) == 0xF9) ++frames;  // graphic control extensions
  header.animated = frames > 1;
  return header;
}

}  // namespace

std::optional<ImageHeader> read_header(std::string_view bytes) {
  std::optional<ImageHeader> header;
  switch (sniff(bytes)) {
    case Format::Png:
      header = png_header(bytes);
      break;
    case Format::Jpeg:
      header = jpeg_header(bytes);
      break;
    case Format::Gif:
      header = gif_header(bytes);
      break;
    default:
      return std::nullopt;
  }
  if (!header || header->width <= 0 || header->height <= 0) return std::nullopt;
  return header;
}

}  // namespace pb::image
