// read_header(): pixel size, transparency and colour model of JPEG, PNG and GIF files without
// decoding them.
#include "image/image_header.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "image/image_bytes.h"
#include "image/test_images.h"

namespace pb::image {
namespace {

namespace fs = std::filesystem;

namespace bytes = pb::testing::image_bytes;
using namespace std::string_literals;

bytes::Rgba opaque(int, int) {
  return {10, 20, 30, 255};
}

TEST(ImageHeader, JpegSizeFromLibvipsFiles) {
  const TempDir dir;
  const auto header = read_header(test::read_bytes(test::jpeg(dir.path(), "a.jpg", 321, 123)));
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->format, Format::Jpeg);
  EXPECT_EQ(header->width, 321);
  EXPECT_EQ(header->height, 123);
  EXPECT_FALSE(header->cmyk);
  EXPECT_FALSE(header->has_alpha);
}

TEST(ImageHeader, ProgressiveJpegAndExifBeforeTheFrame) {
  const TempDir dir;
  const fs::path progressive = test::jpeg(dir.path(), "p.jpg", 200, 150, "[Q=80,interlace]");
  const auto header = read_header(test::read_bytes(progressive));
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->width, 200);
  EXPECT_EQ(header->height, 150);
  // An APP1 block and fill bytes before the frame header.
  std::string jpeg = bytes::jpeg_rgb(64, 48);
  const std::string app1 =
      "\xFF\xE1\x01\x02"
      "Exif\0\0"s +
      std::string(250, 'e');
  jpeg.insert(2, "\xFF"s + app1);
  const auto with_exif = read_header(jpeg);
  ASSERT_TRUE(with_exif.has_value());
  EXPECT_EQ(with_exif->width, 64);
  EXPECT_EQ(with_exif->height, 48);
}

TEST(ImageHeader, CmykJpeg) {
  const TempDir dir;
  const auto made = read_header(test::read_bytes(test::cmyk_jpeg(dir.path(), "c.jpg", 40, 30)));
  ASSERT_TRUE(made.has_value());
  EXPECT_TRUE(made->cmyk);
  EXPECT_EQ(made->width, 40);
  const auto handmade = read_header(bytes::jpeg_cmyk(24, 16));
  ASSERT_TRUE(handmade.has_value());
  EXPECT_TRUE(handmade->cmyk);
  EXPECT_EQ(handmade->width, 24);
  EXPECT_EQ(handmade->height, 16);
}

TEST(ImageHeader, PngSizeAndAlpha) {
  const auto rgb = read_header(bytes::png(7, 5, false, opaque));
  ASSERT_TRUE(rgb.has_value());
  EXPECT_EQ(rgb->format, Format::Png);
  EXPECT_EQ(rgb->width, 7);
  EXPECT_EQ(rgb->height, 5);
  EXPECT_FALSE(rgb->has_alpha);
  const auto rgba = read_header(bytes::png(7, 5, true, opaque));
  ASSERT_TRUE(rgba.has_value());
  EXPECT_TRUE(rgba->has_alpha) << "colour type 6";
  const TempDir dir;
  const auto made = read_header(test::read_bytes(test::png(dir.path(), "a.png", 90, 60, true)));
  ASSERT_TRUE(made.has_value());
  EXPECT_TRUE(made->has_alpha);
  EXPECT_EQ(made->width, 90);
}

TEST(ImageHeader, PngWithATransparencyChunkHasAlpha) {
  // Grey + alpha (colour type 4), and RGB with a tRNS chunk before the image data.
  std::string grey_alpha = bytes::png(3, 3, false, opaque);
  grey_alpha[bytes::kPngSignature.size() + 8 + 9] = '\x04';  // colour type byte (CRC not checked here)
  EXPECT_TRUE(read_header(grey_alpha)->has_alpha);

  std::string with_trns = bytes::png(3, 3, false, opaque);
  const std::size_t after_ihdr = bytes::kPngSignature.size() + 25;
  with_trns.insert(after_ihdr, bytes::png_chunk("tRNS", std::string("\0\0\0\0\0\0", 6)));
  const auto header = read_header(with_trns);
  ASSERT_TRUE(header.has_value());
  EXPECT_TRUE(header->has_alpha);

  std::string trns_after_data = bytes::png(3, 3, false, opaque);
  trns_after_data.insert(trns_after_data.size() - 12, bytes::png_chunk("tRNS", std::string(6, '\0')));
  EXPECT_FALSE(read_header(trns_after_data)->has_alpha) << "tRNS after IDAT does not count";
}

TEST(ImageHeader, HugeDimensionsAreReportedNotDecoded) {
  const auto header = read_header(bytes::png_bomb(50000, 50000));
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->width, 50000);
  EXPECT_EQ(header->height, 50000);
}

TEST(ImageHeader, GifSizeAndAnimation) {
  const std::array<bytes::Rgba, 4> palette = {{{0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}}};
  const std::vector<std::uint8_t> frame(12, 1);
  const auto still = read_header(bytes::gif(4, 3, palette, {frame}));
  ASSERT_TRUE(still.has_value());
  EXPECT_EQ(still->format, Format::Gif);
  EXPECT_EQ(still->width, 4);
  EXPECT_EQ(still->height, 3);
  EXPECT_FALSE(still->animated);
  const auto animated = read_header(bytes::gif(4, 3, palette, {frame, std::vector<std::uint8_t>(12, 2)}));
  ASSERT_TRUE(animated.has_value());
  EXPECT_TRUE(animated->animated);
  const TempDir dir;
  const auto made = read_header(test::read_bytes(test::gif(dir.path(), "a.gif", 20, 10, 3)));
  ASSERT_TRUE(made.has_value());
  EXPECT_EQ(made->width, 20);
  EXPECT_EQ(made->height, 10);
  EXPECT_TRUE(made->animated);
}

TEST(ImageHeader, OtherFormatsAndBrokenHeadersHaveNone) {
  EXPECT_FALSE(read_header(bytes::webp_solid(4, 4, {})).has_value());
  EXPECT_FALSE(read_header(bytes::svg(4, 4)).has_value());
  EXPECT_FALSE(read_header("").has_value());
  EXPECT_FALSE(read_header("<html></html>").has_value());
  const std::string jpeg = bytes::jpeg_rgb(16, 16);
  EXPECT_FALSE(read_header(jpeg.substr(0, 12)).has_value()) << "cut before the frame header";
  const std::string png = bytes::png(3, 3, false, opaque);
  EXPECT_FALSE(read_header(png.substr(0, 20)).has_value()) << "cut inside IHDR";
  std::string zero = bytes::png(3, 3, false, opaque);
  zero.replace(16, 4, std::string(4, '\0'));
  EXPECT_FALSE(read_header(zero).has_value()) << "a width of 0";
  std::string garbage_marker = jpeg;
  garbage_marker[2] = 'x';
  EXPECT_FALSE(read_header(garbage_marker).has_value());
}

}  // namespace
}  // namespace pb::image
