// What the generated cover shows, read back pixel by pixel (libjpeg-turbo decodes it): the title
// where it belongs, wrapped lines inside the margins, nothing where no text is. This binary never
// links libvips, so it can also check that drawing a cover does not load it.
#include <gtest/gtest.h>
#include <turbojpeg.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "common/temp_dir.h"
#include "image/cover_generator.h"

namespace pb::image {
namespace {

namespace fs = std::filesystem;

struct Pixels {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgb;

  const unsigned char* at(int x, int y) const { return rgb.data() + (static_cast<std::size_t>(y) * width + x) * 3; }
};

Pixels decode(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  const std::string bytes = std::move(buffer).str();
  Pixels pixels;
  tjhandle decoder = tjInitDecompress();
  int subsampling = 0, colourspace = 0;
  auto* data = reinterpret_cast<unsigned char*>(const_cast<char*>(bytes.data()));
  if (tjDecompressHeader3(decoder, data, bytes.size(), &pixels.width, &pixels.height, &subsampling, &colourspace) ==
      0) {
    pixels.rgb.resize(static_cast<std::size_t>(pixels.width) * pixels.height * 3);
    if (tjDecompress2(decoder, data, bytes.size(), pixels.rgb.data(), pixels.width, 0, pixels.height, TJPF_RGB,
                      TJFLAG_ACCURATEDCT) != 0)
      pixels = {};
  }
  tjDestroy(decoder);
  return pixels;
}

Pixels draw(const CoverText& text, const fs::path& stem) {
  auto result = generate_cover(text, stem);
  if (const auto* error = std::get_if<std::string>(&result)) {
    ADD_FAILURE() << *error;
    return {};
  }
  Pixels pixels = decode(std::get<ConvertedImage>(result).file);
  EXPECT_EQ(pixels.width, 1200);
  EXPECT_EQ(pixels.height, 1800);
  return pixels;
}

// Pixels in [x0, x1) x [y0, y1) that are clearly ink, not the background of the top left corner
// (which no text reaches) nor JPEG noise: the light ink differs by 150 or more from every
// background, compression noise in flat areas by a few units.
int ink_in(const Pixels& pixels, int x0, int y0, int x1, int y1) {
  if (pixels.rgb.empty()) return -1;
  const unsigned char* background = pixels.at(4, 4);
  int count = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const unsigned char* pixel = pixels.at(x, y);
      const int difference =
          std::abs(pixel[0] - background[0]) + std::abs(pixel[1] - background[1]) + std::abs(pixel[2] - background[2]);
      if (difference > 90) ++count;
    }
  return count;
}

// The first and last column with ink in rows [y0, y1); {width, -1} when there is none.
std::pair<int, int> ink_columns(const Pixels& pixels, int y0, int y1) {
  int left = pixels.width, right = -1;
  for (int x = 0; x < pixels.width; ++x)
    if (ink_in(pixels, x, y0, x + 1, y1) > 0) {
      left = std::min(left, x);
      right = std::max(right, x);
    }
  return {left, right};
}

TEST(CoverDrawing, TheTitleAndTheSiteAreDrawnWhereTheyBelongAndNothingElse) {
  const TempDir dir;
  const Pixels cover = draw({"Garden Soil", "", "garden.example.org"}, dir.path() / "cover");
  // A short title is one line of 96 px bold serif with its top at y=360.
  EXPECT_GT(ink_in(cover, 0, 360, 1200, 480), 8000) << "the title is drawn";
  EXPECT_EQ(ink_in(cover, 0, 0, 1200, 350), 0) << "nothing above the title";
  EXPECT_EQ(ink_in(cover, 0, 490, 1200, 1570), 0) << "one line of title, no author";
  EXPECT_GT(ink_in(cover, 0, 1580, 1200, 1625), 1000) << "the site, its top at y=1580";
  EXPECT_EQ(ink_in(cover, 0, 1640, 1200, 1800), 0) << "nothing under the site";
}

TEST(CoverDrawing, ATitleThatSanitizesToNothingIsDrawnAsUntitled) {
  const TempDir dir;
  const Pixels cover = draw({"\x01\x02\x1B\t", "", ""}, dir.path() / "cover");
  EXPECT_GT(ink_in(cover, 0, 360, 1200, 480), 8000) << "\"Untitled\" is drawn";
}

TEST(CoverDrawing, TheAuthorStandsUnderTheTitle) {
  const TempDir dir;
  const Pixels cover = draw({"Garden Soil", "Maren Holt", ""}, dir.path() / "cover");
  // Title block: one line of 1.2 x 96 px from y=360; the author 120 px under it, 44 px sans.
  const int author_top = 360 + 115 + 120;
  EXPECT_EQ(ink_in(cover, 0, 490, 1200, author_top - 5), 0);
  EXPECT_GT(ink_in(cover, 0, author_top, 1200, author_top + 53), 1000) << "the author is drawn";
  EXPECT_EQ(ink_in(cover, 0, author_top + 60, 1200, 1800), 0);
}

// JPEG codes 16x16 blocks (4:2:0); ink at x >= 100 can ring into the block that holds x = 96..111
// but no further. So "no ink in the 100 px margins" is checked up to the block boundary at 96.
void expect_clear_margins(const Pixels& cover) {
  EXPECT_EQ(ink_in(cover, 0, 0, 96, 1800), 0) << "left margin";
  EXPECT_EQ(ink_in(cover, 1104, 0, 1200, 1800), 0) << "right margin";
}

TEST(CoverDrawing, ALongTitleWrapsOntoCentredLinesInsideTheMargins) {
  const TempDir dir;
  const std::string title = "How a Parking Lot Became the Neighbourhood Garden: Soil, Compost, Volunteers and Patience";
  const Pixels cover = draw({title, "", ""}, dir.path() / "cover");
  // Over 60 characters: 56 px, lines 67 px apart; the third line starts near 360 + 2 x 67.
  EXPECT_GT(ink_in(cover, 0, 500, 1200, 560), 3000) << "the title wraps onto a third line";
  expect_clear_margins(cover);
  // Each line is centred: its ink is as far from the left edge as from the right one (give or
  // take the side bearings of its first and last letters).
  for (int line = 0; line < 3; ++line) {
    const int top = 360 + line * 67;
    const auto [left, right] = ink_columns(cover, top + 8, top + 55);
    ASSERT_LT(left, right) << "line " << line;
    EXPECT_NEAR((left + right) / 2.0, 600, 8) << "line " << line << ": ink from x=" << left << " to " << right;
  }
}

TEST(CoverDrawing, AWordWiderThanTheCoverIsBrokenNotCut) {
  const TempDir dir;
  // 100 of the widest capital: some 5600 px at 56 px, so several lines of 1000 px at most.
  const Pixels cover = draw({std::string(100, 'W'), std::string(80, 'M'), std::string(80, 'w')}, dir.path() / "cover");
  expect_clear_margins(cover);
  EXPECT_GT(ink_in(cover, 0, 360 + 4 * 67, 1200, 360 + 5 * 67), 10000) << "the word goes on on a fifth line";
}

bool maps_mention_vips() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line))
    if (line.find("libvips") != std::string::npos || line.find("postbinder_vips") != std::string::npos) return true;
  return false;
}

TEST(CoverDrawing, DrawingACoverDoesNotLoadLibvips) {
  ASSERT_FALSE(maps_mention_vips()) << "this test binary must not link libvips";
  const TempDir dir;
  ASSERT_TRUE(std::holds_alternative<ConvertedImage>(generate_cover(
      {"Fish & Chips \xE6\xBC\xA2\xE5\xAD\x97 \xF0\x9F\x98\x80", "An Author", "example.org"}, dir.path() / "cover")));
  EXPECT_FALSE(maps_mention_vips()) << "libvips costs a cold build 100 ms and 30 MB";
}

}  // namespace
}  // namespace pb::image
