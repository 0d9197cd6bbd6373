// The hand-written test images (image_bytes.h) are what they claim: libvips decodes each to the
// size and colours it was written with. The end-to-end tests rely on them.
#include "image/image_bytes.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "image/test_images.h"

namespace pb::image {
namespace {

namespace fs = std::filesystem;

namespace bytes = pb::testing::image_bytes;

class ImageBytesTest : public ::testing::Test {
 protected:
  fs::path write(const std::string& name, const std::string& content) {
    const fs::path file = dir_.path() / name;
    test::write_bytes(file, content);
    return file;
  }
  static void expect_colour(const std::vector<double>& seen, std::vector<double> expected, double tolerance = 3) {
    ASSERT_GE(seen.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(seen[i], expected[i], tolerance) << "band " << i;
  }
  TempDir dir_;
};

TEST_F(ImageBytesTest, Png) {
  const fs::path file = write("a.png", bytes::png(70, 300, true, [](int x, int y) {
                                return bytes::Rgba{static_cast<std::uint8_t>(x), static_cast<std::uint8_t>(y % 256), 7,
                                                   static_cast<std::uint8_t>(x < 35 ? 255 : 0)};
                              }));
  const auto seen = test::inspect(file);
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->width, 70);
  EXPECT_EQ(seen->height, 300);
  EXPECT_EQ(seen->bands, 4);
  expect_colour(test::pixel(file, 10, 260), {10, 4, 7, 255}, 0);
  expect_colour(test::pixel(file, 60, 0), {60, 0, 7, 0}, 0);
}

TEST_F(ImageBytesTest, JpegOfFlatBlocks) {
  const fs::path file = write("a.jpg", bytes::jpeg(40, 20, 3, [](int bx, int) {
                                return bx < 2 ? bytes::ycbcr(200, 30, 30) : bytes::ycbcr(20, 40, 220);
                              }));
  const auto seen = test::inspect(file);
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->width, 40);
  EXPECT_EQ(seen->height, 20);
  EXPECT_EQ(seen->bands, 3);
  expect_colour(test::pixel(file, 3, 3), {200, 30, 30});
  expect_colour(test::pixel(file, 36, 17), {20, 40, 220});
  const fs::path grey =
      write("grey.jpg", bytes::jpeg(9, 9, 1, [](int, int) { return std::array<std::uint8_t, 4>{77}; }));
  EXPECT_EQ(test::inspect(grey)->bands, 1);
  expect_colour(test::pixel(grey, 8, 8), {77});
  const fs::path big = write("big.jpg", bytes::jpeg_rgb(2400, 1600));
  EXPECT_EQ(test::inspect(big)->width, 2400);
  EXPECT_EQ(test::pixel(big, 2399, 1599).size(), 3u) << "the whole image decodes";
}

TEST_F(ImageBytesTest, CmykJpeg) {
  const fs::path file = write("cmyk.jpg", bytes::jpeg_cmyk(32, 16));
  const auto seen = test::inspect(file);
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->bands, 4);
  EXPECT_EQ(seen->interpretation, VIPS_INTERPRETATION_CMYK);
  EXPECT_EQ(test::pixel(file, 31, 15).size(), 4u);
}

TEST_F(ImageBytesTest, GifStillAndAnimated) {
  const std::array<bytes::Rgba, 4> palette = {{{0, 0, 0}, {250, 0, 0}, {0, 250, 0}, {0, 0, 250}}};
  std::vector<std::uint8_t> first(15 * 10, 1), second(15 * 10, 3);
  first[14] = 2;
  const fs::path still = write("still.gif", bytes::gif(15, 10, palette, {first}));
  ASSERT_TRUE(test::inspect(still).has_value());
  EXPECT_EQ(test::inspect(still)->width, 15);
  expect_colour(test::pixel(still, 0, 0), {250, 0, 0}, 0);
  expect_colour(test::pixel(still, 14, 0), {0, 250, 0}, 0);
  expect_colour(test::pixel(still, 14, 9), {250, 0, 0}, 0);
  const fs::path animated = write("anim.gif", bytes::gif(15, 10, palette, {first, second}));
  ASSERT_TRUE(test::inspect(animated).has_value());
  EXPECT_EQ(test::inspect(animated)->pages, 2);
}

TEST_F(ImageBytesTest, WebPOfOneColour) {
  const fs::path file = write("solid.webp", bytes::webp_solid(50, 30, {10, 120, 230, 255}));
  const auto seen = test::inspect(file);
  ASSERT_TRUE(seen.has_value()) << "libwebp rejected the hand-written stream";
  EXPECT_EQ(seen->width, 50);
  EXPECT_EQ(seen->height, 30);
  expect_colour(test::pixel(file, 49, 29), {10, 120, 230}, 0);
  const fs::path clear = write("clear.webp", bytes::webp_solid(5, 5, {10, 120, 230, 100}));
  EXPECT_EQ(test::inspect(clear)->bands, 4);
  expect_colour(test::pixel(clear, 2, 2), {10, 120, 230, 100}, 0);
}

TEST_F(ImageBytesTest, Bmp) {
  const fs::path file =
      write("a.bmp", bytes::bmp(5, 3, [](int x, int y) {
              return bytes::Rgba{static_cast<std::uint8_t>(x * 50), static_cast<std::uint8_t>(y * 100), 9, 255};
            }));
  const auto seen = test::inspect(file);
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->width, 5);
  EXPECT_EQ(seen->height, 3);
  expect_colour(test::pixel(file, 4, 2), {200, 200, 9}, 0);
}

TEST_F(ImageBytesTest, SvgAndBomb) {
  const auto svg = test::inspect(write("a.svg", bytes::svg(120, 80)));
  ASSERT_TRUE(svg.has_value());
  EXPECT_EQ(svg->width, 120);
  EXPECT_EQ(svg->height, 80);
  const auto bomb = test::inspect(write("bomb.png", bytes::png_bomb(50000, 50000)));
  ASSERT_TRUE(bomb.has_value()) << "the header alone is readable";
  EXPECT_EQ(bomb->width, 50000);
}

}  // namespace
}  // namespace pb::image
