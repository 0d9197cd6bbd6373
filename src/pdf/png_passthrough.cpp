#include "pdf/png_passthrough.h"

#include <cstdint>
#include <fstream>
#include <sstream>

namespace pb::pdf {

namespace {

std::uint32_t big32(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

}  // namespace

std::optional<PngForPdf> read_png_for_pdf(const std::filesystem::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  const std::string bytes = std::move(buffer).str();
  if (bytes.size() < 33 || bytes.compare(0, 8, "\x89PNG\r\n\x1A\n") != 0) return std::nullopt;
  PngForPdf png;
  int colour_type = -1;
  std::size_t at = 8;
  while (at + 12 <= bytes.size()) {
    const std::uint32_t length = big32(bytes, at);
    if (length > bytes.size() - at - 12) return std::nullopt;  // truncated chunk
    const std::string type = bytes.substr(at + 4, 4);
    const std::size_t data = at + 8;
    if (type == "IHDR") {
      if (length < 13) return std::nullopt;
      png.width = static_cast<int>(big32(bytes, data));
      png.height = static_cast<int>(big32(bytes, data + 4));
      const int bit_depth = static_cast<unsigned char>(bytes[data + 8]);
      colour_type = static_cast<unsigned char>(bytes[data + 9]);
      const int interlace = static_cast<unsigned char>(bytes[data + 12]);
      if (bit_depth != 8 || interlace != 0) return std::nullopt;
      if (colour_type == 0)
        png.colours = 1;
      else if (colour_type == 2)
        png.colours = 3;
      else if (colour_type == 3)
        png.colours = 1;
      else
        return std::nullopt;  // 4 and 6 carry alpha
    } else if (type == "PLTE") {
      png.palette = bytes.substr(data, length);
    } else if (type == "tRNS") {
      return std::nullopt;  // transparency: needs a soft mask
    } else if (type == "IDAT") {
      png.image_data.append(bytes, data, length);
    } else if (type == "IEND") {
      break;
    }
    at = data + length + 4;  // data and CRC
  }
  if (png.width <= 0 || png.height <= 0 || png.image_data.empty()) return std::nullopt;
  if (colour_type == 3 && (png.palette.empty() || png.palette.size() % 3 != 0)) return std::nullopt;
  return png;
}

}  // namespace pb::pdf
