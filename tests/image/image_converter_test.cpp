// convert_image(): every format libvips reads becomes an sRGB JPEG, or a PNG when it has
// transparency, within the size limits; decompression bombs are refused before decoding.
#include "image/image_converter.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "common/temp_dir.h"
#include "image/image_bytes.h"
#include "image/image_header.h"
#include "image/test_images.h"

namespace pb::image {
namespace {

namespace fs = std::filesystem;

namespace bytes = pb::testing::image_bytes;

class ConvertImageTest : public ::testing::Test {
 protected:
  // Converts input with the default limits unless given; fails the test when conversion fails.
  ConvertedImage convert_ok(const fs::path& input, const ConvertLimits& limits = {}) {
    auto result = convert_image(input, dir_.path() / ("out-" + std::to_string(++count_)), limits);
    if (const auto* error = std::get_if<std::string>(&result)) {
      ADD_FAILURE() << input.filename() << ": " << *error;
      return {};
    }
    const ConvertedImage converted = std::get<ConvertedImage>(result);
    EXPECT_TRUE(fs::exists(converted.file)) << converted.file;
    return converted;
  }
  std::string convert_error(const fs::path& input, const ConvertLimits& limits = {}) {
    auto result = convert_image(input, dir_.path() / ("out-" + std::to_string(++count_)), limits);
    if (std::holds_alternative<ConvertedImage>(result)) {
      ADD_FAILURE() << input.filename() << " was converted";
      return "";
    }
    return std::get<std::string>(result);
  }
  // The converted file really is what the result says: sniffed, decoded, sized.
  void expect_file(const ConvertedImage& converted, Format format, int width, int height) {
    EXPECT_EQ(converted.format, format);
    EXPECT_EQ(converted.width, width);
    EXPECT_EQ(converted.height, height);
    EXPECT_EQ(converted.file.extension(), format == Format::Png ? ".png" : ".jpg");
    EXPECT_EQ(sniff(test::read_bytes(converted.file)), format);
    const auto seen = test::inspect(converted.file);
    ASSERT_TRUE(seen.has_value()) << "libvips cannot read back " << converted.file;
    EXPECT_EQ(seen->width, width);
    EXPECT_EQ(seen->height, height);
    EXPECT_EQ(seen->format, VIPS_FORMAT_UCHAR);
    EXPECT_EQ(seen->bands, format == Format::Png ? 4 : 3) << "JPEG is sRGB, PNG carries its alpha";
  }

  TempDir dir_;
  int count_ = 0;
};

TEST_F(ConvertImageTest, WebPWithoutAlphaBecomesJpeg) {
  expect_file(convert_ok(test::webp(dir_.path(), "a.webp", 120, 80, false)), Format::Jpeg, 120, 80);
}

TEST_F(ConvertImageTest, WebPWithAlphaBecomesPng) {
  expect_file(convert_ok(test::webp(dir_.path(), "a.webp", 120, 80, true)), Format::Png, 120, 80);
}

TEST_F(ConvertImageTest, HandmadeLosslessWebPIsRead) {
  const fs::path input = dir_.path() / "solid.webp";
  test::write_bytes(input, bytes::webp_solid(30, 20, {200, 100, 50, 255}));
  expect_file(convert_ok(input), Format::Jpeg, 30, 20);
  test::write_bytes(input, bytes::webp_solid(30, 20, {200, 100, 50, 128}));
  expect_file(convert_ok(input), Format::Png, 30, 20);
}

// The JPEG made from a WebP's YUV planes shows the WebP's colours (planes not swapped, not shifted).
TEST_F(ConvertImageTest, WebPBecomesAJpegOfTheSameColours) {
  const fs::path input = test::webp(dir_.path(), "colours.webp", 200, 120, false);
  const ConvertedImage converted = convert_ok(input);
  expect_file(converted, Format::Jpeg, 200, 120);
  for (const auto& [x, y] : {std::pair{10, 10}, std::pair{190, 10}, std::pair{100, 60}, std::pair{10, 110}}) {
    const std::vector<double> want = test::pixel(input, x, y);
    const std::vector<double> got = test::pixel(converted.file, x, y);
    ASSERT_EQ(want.size(), 3u);
    ASSERT_EQ(got.size(), 3u);
    for (std::size_t band = 0; band < 3; ++band) EXPECT_NEAR(got[band], want[band], 12) << x << "," << y;
  }
}

TEST_F(ConvertImageTest, OversizedWebPIsScaledWhileDecoding) {
  expect_file(convert_ok(test::webp(dir_.path(), "wide.webp", 3200, 2000, false)), Format::Jpeg, 1600, 1000);
  expect_file(convert_ok(test::webp(dir_.path(), "tall.webp", 1000, 5120, true)), Format::Png, 500, 2560);
}

TEST_F(ConvertImageTest, TruncatedWebPIsReportedAsTruncated) {
  const std::string whole = test::read_bytes(test::webp(dir_.path(), "whole.webp", 400, 300, false));
  const fs::path truncated = dir_.path() / "truncated.webp";
  test::write_bytes(truncated, whole.substr(0, whole.size() / 2));
  const std::string error = convert_error(truncated);
  EXPECT_NE(error.find("is truncated"), std::string::npos) << error;
  const fs::path garbage = dir_.path() / "garbage.webp";
  test::write_bytes(garbage, whole.substr(0, 30) + std::string(2000, 'x'));
  EXPECT_FALSE(convert_error(garbage).empty());
}

TEST_F(ConvertImageTest, AnimatedWebPGivesItsFirstFrame) {
  const fs::path animated = test::animated_webp(dir_.path(), "anim.webp", 64, 48, 3);
  ASSERT_EQ(test::inspect(animated)->pages, 3);
  const ConvertedImage converted = convert_ok(animated);
  EXPECT_EQ(converted.width, 64);
  EXPECT_EQ(converted.height, 48) << "one frame, not the frames stacked";
  EXPECT_EQ(test::inspect(converted.file)->pages, 1);
}

TEST_F(ConvertImageTest, AWebPTurnedByItsExifOrientationIsShownUpright) {
  expect_file(convert_ok(test::turned_webp(dir_.path(), "turned.webp", 120, 80, 6)), Format::Jpeg, 80, 120);
  expect_file(convert_ok(test::turned_webp(dir_.path(), "upright.webp", 120, 80, 1)), Format::Jpeg, 120, 80);
}

TEST_F(ConvertImageTest, AWebPDecompressionBombIsRefusedBeforeDecoding) {
  const fs::path input = test::webp(dir_.path(), "big.webp", 2000, 1000, false);
  ConvertLimits strict;
  strict.max_pixels = 1'000'000;
  const std::string error = convert_error(input, strict);
  EXPECT_NE(error.find("2000x1000"), std::string::npos) << error;
  EXPECT_NE(error.find("megapixels"), std::string::npos) << error;
}

// Converting a plain WebP must not load the libvips module: that is what keeps a cold build's
// time and memory down. Run in a fresh process (threadsafe death-test style), where no earlier
// test has loaded the module.
TEST(ConvertImageProcess, PlainWebPDoesNotLoadTheLibvipsModule) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const TempDir dir;
  const fs::path input = test::webp(dir.path(), "plain.webp", 300, 200, false);
  EXPECT_EXIT(
      {
        auto result = convert_image(input, dir.path() / "out", ConvertLimits{});
        std::ifstream maps("/proc/self/maps");
        const std::string mapped((std::istreambuf_iterator<char>(maps)), {});
        const bool converted = std::holds_alternative<ConvertedImage>(result);
        std::exit(converted && mapped.find("postbinder_vips") == std::string::npos ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST_F(ConvertImageTest, GifBecomesJpegOrPngByTransparency) {
  const std::array<bytes::Rgba, 4> palette = {{{0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}}};
  std::vector<std::uint8_t> pixels(40 * 30);
  for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<std::uint8_t>((i / 7) % 4);
  const fs::path opaque = dir_.path() / "opaque.gif";
  test::write_bytes(opaque, bytes::gif(40, 30, palette, {pixels}));
  const fs::path see_through = dir_.path() / "clear.gif";
  test::write_bytes(see_through, bytes::gif(40, 30, palette, {pixels}, 0));
  expect_file(convert_ok(opaque), Format::Jpeg, 40, 30);
  expect_file(convert_ok(see_through), Format::Png, 40, 30);
}

TEST_F(ConvertImageTest, AnimatedGifGivesItsFirstFrame) {
  const fs::path animated = test::gif(dir_.path(), "anim.gif", 64, 48, 3);
  ASSERT_EQ(test::inspect(animated)->pages, 3);
  const ConvertedImage converted = convert_ok(animated);
  EXPECT_EQ(converted.width, 64);
  EXPECT_EQ(converted.height, 48) << "one frame, not the frames stacked";
  EXPECT_EQ(test::inspect(converted.file)->pages, 1);
  EXPECT_TRUE(converted.format == Format::Jpeg || converted.format == Format::Png);
}

TEST_F(ConvertImageTest, SvgIsRenderedToPng) {
  const fs::path input = dir_.path() / "drawing.svg";
  test::write_bytes(input, bytes::svg(300, 200));
  expect_file(convert_ok(input), Format::Png, 300, 200);
}

TEST_F(ConvertImageTest, TiffBecomesJpeg) {
  expect_file(convert_ok(test::tiff(dir_.path(), "a.tif", 90, 70)), Format::Jpeg, 90, 70);
}

TEST_F(ConvertImageTest, BmpBecomesJpeg) {
  const fs::path input = dir_.path() / "a.bmp";
  test::write_bytes(input, bytes::bmp(33, 21, [](int x, int y) {
                      return bytes::Rgba{static_cast<std::uint8_t>(x * 7), static_cast<std::uint8_t>(y * 11), 90, 255};
                    }));
  expect_file(convert_ok(input), Format::Jpeg, 33, 21);
}

TEST_F(ConvertImageTest, AvifBecomesJpeg) {
  const auto input = test::avif(dir_.path(), "a.avif", 64, 40);
  if (!input) GTEST_SKIP() << "this libvips cannot write AVIF";
  expect_file(convert_ok(*input), Format::Jpeg, 64, 40);
}

TEST_F(ConvertImageTest, SixteenBitPngBecomesEightBit) {
  const fs::path input = test::png16(dir_.path(), "deep.png", 50, 40);
  ASSERT_EQ(test::inspect(input)->format, VIPS_FORMAT_USHORT);
  const ConvertedImage converted = convert_ok(input);
  EXPECT_EQ(test::inspect(converted.file)->format, VIPS_FORMAT_UCHAR);
  EXPECT_EQ(converted.width, 50);
}

TEST_F(ConvertImageTest, OversizedJpegIsScaledToTheMaximumWidthKeepingItsAspect) {
  const fs::path input = test::jpeg(dir_.path(), "big.jpg", 4000, 3000);
  expect_file(convert_ok(input), Format::Jpeg, 1600, 1200);
  ConvertLimits narrow;
  narrow.max_width = 800;
  expect_file(convert_ok(input, narrow), Format::Jpeg, 800, 600);
}

TEST_F(ConvertImageTest, TallImagesAreLimitedByHeight) {
  const fs::path input = test::jpeg(dir_.path(), "tall.jpg", 1000, 5120);
  expect_file(convert_ok(input), Format::Jpeg, 500, 2560);
}

TEST_F(ConvertImageTest, OversizedPngWithAlphaStaysPng) {
  expect_file(convert_ok(test::png(dir_.path(), "wide.png", 3200, 400, true)), Format::Png, 1600, 200);
}

TEST_F(ConvertImageTest, SmallImagesAreNeverEnlarged) {
  expect_file(convert_ok(test::webp(dir_.path(), "tiny.webp", 16, 9, false)), Format::Jpeg, 16, 9);
}

TEST_F(ConvertImageTest, CmykJpegBecomesThreeBandSrgb) {
  const fs::path input = test::cmyk_jpeg(dir_.path(), "cmyk.jpg", 120, 90);
  ASSERT_EQ(test::inspect(input)->interpretation, VIPS_INTERPRETATION_CMYK);
  const ConvertedImage converted = convert_ok(input);
  expect_file(converted, Format::Jpeg, 120, 90);
  EXPECT_EQ(test::inspect(converted.file)->interpretation, VIPS_INTERPRETATION_sRGB);
  EXPECT_FALSE(read_header(test::read_bytes(converted.file))->cmyk);

  const fs::path handmade = dir_.path() / "handmade-cmyk.jpg";
  test::write_bytes(handmade, bytes::jpeg_cmyk(64, 32));
  expect_file(convert_ok(handmade), Format::Jpeg, 64, 32);
}

TEST_F(ConvertImageTest, ADecompressionBombIsRefusedQuicklyBeforeDecoding) {
  const fs::path input = dir_.path() / "bomb.png";
  test::write_bytes(input, bytes::png_bomb(50000, 50000));
  const auto start = std::chrono::steady_clock::now();
  const std::string error = convert_error(input);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_NE(error.find("megapixels"), std::string::npos) << error;
  EXPECT_NE(error.find("50000x50000"), std::string::npos) << error;
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST_F(ConvertImageTest, ThePixelLimitIsConfigurable) {
  const fs::path input = test::jpeg(dir_.path(), "medium.jpg", 2000, 1000);
  ConvertLimits strict;
  strict.max_pixels = 1'000'000;
  EXPECT_NE(convert_error(input, strict).find("megapixels"), std::string::npos);
  strict.max_pixels = 2'000'000;
  expect_file(convert_ok(input, strict), Format::Jpeg, 1600, 800);
}

TEST_F(ConvertImageTest, TruncatedAndBrokenFilesFail) {
  const std::string whole = test::read_bytes(test::jpeg(dir_.path(), "whole.jpg", 2400, 1800));
  const fs::path truncated = dir_.path() / "truncated.jpg";
  test::write_bytes(truncated, whole.substr(0, whole.size() / 2));
  EXPECT_NE(convert_error(truncated), "");

  const fs::path html = dir_.path() / "page.jpg";
  test::write_bytes(html, "<!DOCTYPE html><html><body>Not found</body></html>");
  EXPECT_NE(convert_error(html).find("cannot be decoded"), std::string::npos);

  const fs::path empty = dir_.path() / "empty.png";
  test::write_bytes(empty, "");
  EXPECT_NE(convert_error(empty), "");
  EXPECT_NE(convert_error(dir_.path() / "missing.png"), "");
}

// Regression (was a bug): libvips decodes lazily, so a truncated JPEG or PNG that needs scaling fails only when it is
// saved, and convert_image() reports "cannot be written as JPEG: VipsJpeg: Premature end of input
// file": the reader is told the output could not be written, not that the downloaded file is
// cut short. Suspected place: the save calls in src/image/image_converter.cpp (errors raised
// while the source is read should read "cannot be decoded" / "is truncated").
TEST_F(ConvertImageTest, ATruncatedImageIsReportedAsUndecodableNotAsAWriteFailure) {
  const std::string whole = test::read_bytes(test::jpeg(dir_.path(), "whole.jpg", 2400, 1800));
  const fs::path truncated = dir_.path() / "truncated.jpg";
  test::write_bytes(truncated, whole.substr(0, whole.size() / 2));
  const std::string error = convert_error(truncated);
  EXPECT_EQ(error.find("cannot be written"), std::string::npos) << error;
  EXPECT_TRUE(error.find("cannot be decoded") != std::string::npos || error.find("is truncated") != std::string::npos)
      << error;
}

}  // namespace
}  // namespace pb::image
