// generate_cover(): a 1200x1800 JPEG with the title, author and site, the same for the same book.
#include "image/cover_generator.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "image/image_header.h"
#include "image/test_images.h"

namespace pb::image {
namespace {

namespace fs = std::filesystem;

ConvertedImage cover_ok(const CoverText& text, const fs::path& stem) {
  auto result = generate_cover(text, stem);
  if (const auto* error = std::get_if<std::string>(&result)) {
    ADD_FAILURE() << *error;
    return {};
  }
  return std::get<ConvertedImage>(result);
}

TEST(CoverGenerator, WritesA1200By1800Jpeg) {
  const TempDir dir;
  const ConvertedImage cover =
      cover_ok({"Building Healthy Garden Soil", "Maren Holt", "garden.example.org"}, dir.path() / "cover");
  EXPECT_EQ(cover.file, dir.path() / "cover.jpg");
  EXPECT_EQ(cover.format, Format::Jpeg);
  EXPECT_EQ(cover.width, 1200);
  EXPECT_EQ(cover.height, 1800);
  const auto header = read_header(test::read_bytes(cover.file));
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->format, Format::Jpeg);
  EXPECT_EQ(header->width, 1200);
  EXPECT_EQ(header->height, 1800);
  EXPECT_FALSE(header->cmyk);
  EXPECT_EQ(test::inspect(cover.file)->bands, 3);
}

TEST(CoverGenerator, TheSameBookGetsTheSameCoverAndTheTextShows) {
  const TempDir dir;
  const CoverText text{"A Title", "An Author", "example.org"};
  const std::string first = test::read_bytes(cover_ok(text, dir.path() / "one").file);
  const std::string second = test::read_bytes(cover_ok(text, dir.path() / "two").file);
  EXPECT_EQ(first, second) << "covers must be reproducible";
  const std::string other =
      test::read_bytes(cover_ok({"Another Title", "An Author", "example.org"}, dir.path() / "three").file);
  EXPECT_NE(first, other) << "the title is drawn";
  const std::string no_author = test::read_bytes(cover_ok({"A Title", "", "example.org"}, dir.path() / "four").file);
  EXPECT_NE(first, no_author) << "the author is drawn";
}

TEST(CoverGenerator, MarkupCharactersLongTitlesAndBrokenUtf8AreDrawn) {
  const TempDir dir;
  cover_ok({"Fish & Chips <and> \"more\" \xF0\x9F\x98\x80 \xE6\xBC\xA2\xE5\xAD\x97", "O'Brien & Sons", "a&b.example"},
           dir.path() / "markup");
  cover_ok({std::string(500, 'W') + " " + std::string(300, 'x'), std::string(200, 'a'), std::string(200, 's')},
           dir.path() / "long");
  cover_ok({"Broken \xC3 UTF-8 \xFF", "", ""}, dir.path() / "broken");
  for (const char* name : {"markup.jpg", "long.jpg", "broken.jpg"}) {
    const auto seen = test::inspect(dir.path() / name);
    ASSERT_TRUE(seen.has_value()) << name;
    EXPECT_EQ(seen->width, 1200) << name;
    EXPECT_EQ(seen->height, 1800) << name;
  }
}

// Regression (was a bug): a blank title ("" or " ", e.g. `postbinder build posts --title " "`)
// made the libvips cover fail ("text: no text to render"), and the book was written without a
// cover-image, although every book must have one. A blank title is drawn as "Untitled".
TEST(CoverGenerator, ABlankTitleStillGivesACover) {
  const TempDir dir;
  for (const char* title : {"", " "}) {
    auto result = generate_cover({title, "", ""}, dir.path() / "blank");
    ASSERT_TRUE(std::holds_alternative<ConvertedImage>(result)) << std::get<std::string>(result);
    EXPECT_EQ(std::get<ConvertedImage>(result).width, 1200);
  }
}

}  // namespace
}  // namespace pb::image
