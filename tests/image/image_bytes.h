// Image files written byte by byte for tests that cannot or should not start libvips (the
// end-to-end tests, malformed files): PNG with stored deflate blocks, GIF with an uncompressed
// LZW stream, baseline JPEG made of flat 8x8 blocks (grey, YCbCr or CMYK), a one-colour
// lossless WebP, 24-bit BMP, SVG, and a PNG "decompression bomb" header.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pb::testing::image_bytes {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

inline std::uint32_t crc32(std::string_view data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char c : data) {
    crc ^= static_cast<unsigned char>(c);
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return crc ^ 0xFFFFFFFFu;
}

inline void put_be16(std::string& out, unsigned value) {
  out += static_cast<char>((value >> 8) & 0xFF);
  out += static_cast<char>(value & 0xFF);
}
inline void put_be32(std::string& out, std::uint32_t value) {
  put_be16(out, value >> 16);
  put_be16(out, value & 0xFFFF);
}
inline void put_le16(std::string& out, unsigned value) {
  out += static_cast<char>(value & 0xFF);
  out += static_cast<char>((value >> 8) & 0xFF);
}
inline void put_le32(std::string& out, std::uint32_t value) {
  put_le16(out, value & 0xFFFF);
  put_le16(out, value >> 16);
}

// ---------------------------------------------------------------- PNG

// A zlib stream of stored (uncompressed) deflate blocks.
inline std::string zlib_stored(std::string_view data) {
  std::string out("\x78\x01", 2);
  std::size_t at = 0;
  do {
    const std::size_t length = std::min<std::size_t>(65535, data.size() - at);
    out += static_cast<char>(at + length == data.size() ? 1 : 0);
    put_le16(out, static_cast<unsigned>(length));
    put_le16(out, static_cast<unsigned>(~length & 0xFFFF));
    out.append(data.substr(at, length));
    at += length;
  } while (at < data.size());
  std::uint32_t a = 1, b = 0;
  for (const char c : data) {
    a = (a + static_cast<unsigned char>(c)) % 65521;
    b = (b + a) % 65521;
  }
  put_be32(out, (b << 16) | a);
  return out;
}

inline std::string png_chunk(std::string_view type, std::string_view data) {
  std::string out;
  put_be32(out, static_cast<std::uint32_t>(data.size()));
  std::string body(type);
  body.append(data);
  out += body;
  put_be32(out, crc32(body));
  return out;
}

inline const std::string kPngSignature("\x89PNG\r\n\x1A\n", 8);

inline std::string png_ihdr(std::uint32_t width, std::uint32_t height, int bit_depth, int colour_type) {
  std::string ihdr;
  put_be32(ihdr, width);
  put_be32(ihdr, height);
  ihdr += static_cast<char>(bit_depth);
  ihdr += static_cast<char>(colour_type);
  ihdr += std::string(3, '\0');  // compression, filter, interlace
  return png_chunk("IHDR", ihdr);
}

// 8-bit RGB (alpha false) or RGBA PNG; pixel(x, y) gives each pixel.
inline std::string png(int width, int height, bool alpha, const std::function<Rgba(int, int)>& pixel) {
  std::string raw;
  for (int y = 0; y < height; ++y) {
    raw += '\0';  // filter: none
    for (int x = 0; x < width; ++x) {
      const Rgba p = pixel(x, y);
      raw += static_cast<char>(p.r);
      raw += static_cast<char>(p.g);
      raw += static_cast<char>(p.b);
      if (alpha) raw += static_cast<char>(p.a);
    }
  }
  return kPngSignature +
         png_ihdr(static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height), 8, alpha ? 6 : 2) +
         png_chunk("IDAT", zlib_stored(raw)) + png_chunk("IEND", "");
}

// A PNG whose header promises width x height RGB pixels, followed by a few bytes of image data
// and nothing else: a decoder that trusts the header allocates width * height * 3 bytes.
inline std::string png_bomb(std::uint32_t width, std::uint32_t height) {
  return kPngSignature + png_ihdr(width, height, 8, 2) + png_chunk("IDAT", std::string("\x78\x9C\x62\x60\x18", 5));
}

// ---------------------------------------------------------------- GIF

// A GIF of 2-bit palette indices; several frames make an animation. transparent: the palette
// index that is see-through, or -1.
inline std::string gif(int width, int height, const std::array<Rgba, 4>& palette,
                       const std::vector<std::vector<std::uint8_t>>& frames, int transparent = -1) {
  std::string out = "GIF89a";
  put_le16(out, static_cast<unsigned>(width));
  put_le16(out, static_cast<unsigned>(height));
  out += '\xF1';  // global colour table of 4 entries, 8 bits per primary
  out += '\0';    // background colour index
  out += '\0';    // aspect ratio
  for (const Rgba& colour : palette) {
    out += static_cast<char>(colour.r);
    out += static_cast<char>(colour.g);
    out += static_cast<char>(colour.b);
  }
  if (frames.size() > 1) {
    out += std::string("\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00", 19);  // loop forever
  }
  for (const std::vector<std::uint8_t>& frame : frames) {
    // Graphic control extension: disposal "restore to background", 0.1 s per frame.
    out += std::string("\x21\xF9\x04", 3);
    out += static_cast<char>((2 << 2) | (transparent >= 0 ? 1 : 0));
    put_le16(out, 10);
    out += static_cast<char>(transparent >= 0 ? transparent : 0);
    out += '\0';
    out += '\x2C';
    put_le16(out, 0);
    put_le16(out, 0);
    put_le16(out, static_cast<unsigned>(width));
    put_le16(out, static_cast<unsigned>(height));
    out += '\0';  // no local colour table, not interlaced
    // LZW with 3-bit codes that never grow: a clear code before every second pixel keeps the
    // decoder's table below 8 entries. Clear = 4, end = 5.
    std::string packed;
    std::uint32_t bits = 0;
    int count = 0;
    const auto emit = [&](unsigned code) {
      bits |= code << count;
      count += 3;
      while (count >= 8) {
        packed += static_cast<char>(bits & 0xFF);
        bits >>= 8;
        count -= 8;
      }
    };
    for (std::size_t i = 0; i < frame.size(); ++i) {
      if (i % 2 == 0) emit(4);
      emit(frame[i] & 3u);
    }
    emit(5);
    if (count > 0) packed += static_cast<char>(bits & 0xFF);
    out += '\x02';  // LZW minimum code size
    for (std::size_t at = 0; at < packed.size(); at += 255) {
      const std::size_t length = std::min<std::size_t>(255, packed.size() - at);
      out += static_cast<char>(length);
      out += packed.substr(at, length);
    }
    out += '\0';
  }
  out += '\x3B';
  return out;
}

// ---------------------------------------------------------------- JPEG

// Baseline JPEG of flat 8x8 blocks: block(bx, by) gives each block's component values (grey;
// Y, Cb, Cr; or C, M, Y, K, as components says). Quantisation is 1, so every block decodes to
// exactly its values. Four components get an Adobe marker: a CMYK JPEG.
inline std::string jpeg(int width, int height, int components,
                        const std::function<std::array<std::uint8_t, 4>(int, int)>& block) {
  std::string out("\xFF\xD8", 2);
  if (components == 4) {
    out += std::string(
        "\xFF\xEE\x00\x0E"
        "Adobe\x00\x64\x00\x00\x00\x00\x00",
        16);
  } else {
    out += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
  }
  out += std::string("\xFF\xDB\x00\x43\x00", 5) + std::string(64, '\x01');
  out += std::string("\xFF\xC0", 2);
  put_be16(out, static_cast<unsigned>(8 + 3 * components));
  out += '\x08';
  put_be16(out, static_cast<unsigned>(height));
  put_be16(out, static_cast<unsigned>(width));
  out += static_cast<char>(components);
  for (int c = 0; c < components; ++c) out += std::string{static_cast<char>(c + 1), '\x11', '\0'};
  // DC: categories 0..11, each a 4-bit code equal to the category. AC: only end-of-block, "0".
  out += std::string("\xFF\xC4\x00\x1F\x00\x00\x00\x00\x0C", 9) + std::string(12, '\0');
  for (int symbol = 0; symbol < 12; ++symbol) out += static_cast<char>(symbol);
  out += std::string("\xFF\xC4\x00\x14\x10\x01", 6) + std::string(15, '\0') + std::string(1, '\0');
  out += std::string("\xFF\xDA", 2);
  put_be16(out, static_cast<unsigned>(6 + 2 * components));
  out += static_cast<char>(components);
  for (int c = 0; c < components; ++c) out += std::string{static_cast<char>(c + 1), '\0'};
  out += std::string("\x00\x3F\x00", 3);

  std::uint32_t bits = 0;
  int count = 0;
  const auto put_bits = [&](std::uint32_t value, int length) {
    for (int i = length - 1; i >= 0; --i) {
      bits = (bits << 1) | ((value >> i) & 1u);
      if (++count == 8) {
        out += static_cast<char>(bits);
        if (bits == 0xFF) out += '\0';
        bits = 0;
        count = 0;
      }
    }
  };
  std::array<int, 4> previous{};
  for (int by = 0; by < (height + 7) / 8; ++by) {
    for (int bx = 0; bx < (width + 7) / 8; ++bx) {
      const std::array<std::uint8_t, 4> values = block(bx, by);
      for (int c = 0; c < components; ++c) {
        const int dc = 8 * (values[static_cast<std::size_t>(c)] - 128);
        const int diff = dc - previous[static_cast<std::size_t>(c)];
        previous[static_cast<std::size_t>(c)] = dc;
        int category = 0;
        while ((std::abs(diff) >> category) != 0) ++category;
        put_bits(static_cast<std::uint32_t>(category), 4);
        if (category > 0) put_bits(static_cast<std::uint32_t>(diff >= 0 ? diff : diff + (1 << category) - 1), category);
        put_bits(0, 1);  // end of block
      }
    }
  }
  if (count > 0) put_bits(0x7F, 8 - count);  // pad with ones
  out += std::string("\xFF\xD9", 2);
  return out;
}

inline std::array<std::uint8_t, 4> ycbcr(int r, int g, int b) {
  const auto clamp = [](double value) { return static_cast<std::uint8_t>(std::clamp(std::lround(value), 0L, 255L)); };
  return {clamp(0.299 * r + 0.587 * g + 0.114 * b), clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b),
          clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b), 0};
}

// A colourful JPEG: blocks shade from one corner to the other.
inline std::string jpeg_rgb(int width, int height, int seed = 0) {
  return jpeg(width, height, 3, [&](int bx, int by) {
    return ycbcr((bx * 16 + seed * 40) % 256, (by * 16 + seed * 70) % 256, (bx * 8 + by * 8 + seed * 90) % 256);
  });
}

inline std::string jpeg_cmyk(int width, int height) {
  return jpeg(width, height, 4, [](int bx, int by) {
    return std::array<std::uint8_t, 4>{static_cast<std::uint8_t>((bx * 20) % 256),
                                       static_cast<std::uint8_t>((by * 20) % 256), 60, 20};
  });
}

// ---------------------------------------------------------------- WebP, BMP, SVG

// A lossless WebP of one colour: five single-symbol prefix codes, so every pixel takes no bits.
inline std::string webp_solid(int width, int height, Rgba colour) {
  std::string data;
  std::uint64_t bits = 0;
  int count = 0;
  const auto put_bits = [&](std::uint32_t value, int length) {
    for (int i = 0; i < length; ++i) {
      bits |= static_cast<std::uint64_t>((value >> i) & 1u) << count;
      if (++count == 8) {
        data += static_cast<char>(bits & 0xFF);
        bits = 0;
        count = 0;
      }
    }
  };
  put_bits(0x2F, 8);
  put_bits(static_cast<std::uint32_t>(width - 1), 14);
  put_bits(static_cast<std::uint32_t>(height - 1), 14);
  put_bits(colour.a != 255 ? 1 : 0, 1);
  put_bits(0, 3);  // version
  put_bits(0, 1);  // no transform
  put_bits(0, 1);  // no colour cache
  put_bits(0, 1);  // no meta prefix codes
  for (const std::uint8_t symbol : {colour.g, colour.r, colour.b, colour.a}) {
    put_bits(1, 1);  // simple code
    put_bits(0, 1);  // one symbol
    put_bits(1, 1);  // of 8 bits
    put_bits(symbol, 8);
  }
  put_bits(0b0001, 4);  // distance: simple code, one 1-bit symbol, 0
  if (count > 0) put_bits(0, 8 - count);
  data += std::string(4, '\0');
  if (data.size() % 2) data += '\0';
  std::string out = "RIFF";
  put_le32(out, static_cast<std::uint32_t>(4 + 8 + data.size()));
  out += "WEBPVP8L";
  put_le32(out, static_cast<std::uint32_t>(data.size()));
  return out + data;
}

inline std::string bmp(int width, int height, const std::function<Rgba(int, int)>& pixel) {
  const int row = (3 * width + 3) & ~3;
  std::string out = "BM";
  put_le32(out, static_cast<std::uint32_t>(54 + row * height));
  put_le32(out, 0);
  put_le32(out, 54);
  put_le32(out, 40);
  put_le32(out, static_cast<std::uint32_t>(width));
  put_le32(out, static_cast<std::uint32_t>(height));
  put_le16(out, 1);
  put_le16(out, 24);
  put_le32(out, 0);
  put_le32(out, static_cast<std::uint32_t>(row * height));
  put_le32(out, 2835);
  put_le32(out, 2835);
  put_le32(out, 0);
  put_le32(out, 0);
  for (int y = height - 1; y >= 0; --y) {
    std::string line;
    for (int x = 0; x < width; ++x) {
      const Rgba p = pixel(x, y);
      line += static_cast<char>(p.b);
      line += static_cast<char>(p.g);
      line += static_cast<char>(p.r);
    }
    line.resize(static_cast<std::size_t>(row), '\0');
    out += line;
  }
  return out;
}

// An SVG drawing: a circle on a transparent background.
inline std::string svg(int width, int height) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
         std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) +
         " " + std::to_string(height) + "\"><circle cx=\"" + std::to_string(width / 2) + "\" cy=\"" +
         std::to_string(height / 2) + "\" r=\"" + std::to_string(std::min(width, height) / 3) +
         "\" fill=\"#2a6f97\"/></svg>\n";
}

}  // namespace pb::testing::image_bytes
