#include "pdf/png_passthrough.h"

#include <gtest/gtest.h>

#include <fstream>

#include "image/image_bytes.h"

namespace pb::pdf {
namespace {

namespace fs = std::filesystem;
using pb::testing::image_bytes::Rgba;

fs::path write(const std::string& name, const std::string& bytes) {
  const fs::path file = fs::temp_directory_path() / ("png-passthrough-" + name);
  std::ofstream(file, std::ios::binary) << bytes;
  return file;
}

TEST(PngPassthrough, OpaqueRgbPngsAreCopiedAsTheyAre) {
  const std::string bytes = pb::testing::image_bytes::png(20, 10, false, [](int x, int y) {
    return Rgba{static_cast<std::uint8_t>(x * 10), static_cast<std::uint8_t>(y * 20), 30, 255};
  });
  const auto png = read_png_for_pdf(write("rgb.png", bytes));
  ASSERT_TRUE(png.has_value());
  EXPECT_EQ(png->width, 20);
  EXPECT_EQ(png->height, 10);
  EXPECT_EQ(png->colours, 3);
  EXPECT_TRUE(png->palette.empty());
  EXPECT_NE(bytes.find(png->image_data), std::string::npos) << "the IDAT data is copied, not re-encoded";
}

TEST(PngPassthrough, TransparencyNeedsDecoding) {
  const std::string bytes = pb::testing::image_bytes::png(8, 8, true, [](int, int) { return Rgba{1, 2, 3, 100}; });
  EXPECT_FALSE(read_png_for_pdf(write("rgba.png", bytes)).has_value());
}

TEST(PngPassthrough, NotPngOrTruncatedIsRefused) {
  EXPECT_FALSE(read_png_for_pdf(write("text.png", "not a png at all, just text")).has_value());
  const std::string bytes = pb::testing::image_bytes::png(8, 8, false, [](int, int) { return Rgba{1, 2, 3, 255}; });
  EXPECT_FALSE(read_png_for_pdf(write("cut.png", bytes.substr(0, 40))).has_value());
}

}  // namespace
}  // namespace pb::pdf
