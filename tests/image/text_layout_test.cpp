// layout_lines(): the cover's text in lines that fit, broken at spaces, and inside a word only when
// the word alone is too wide, never losing a character.
#include "image/text_layout.h"

#include <gtest/gtest.h>

#include "fonts/font_set.h"

namespace pb::image {
namespace {

class TextLayoutTest : public ::testing::Test {
 protected:
  fonts::FontSet fonts;
  fonts::Shaper shaper{fonts, "en"};
  const fonts::FontStyle serif_bold{fonts::Family::Serif, true, false};
};

TEST(CollapseSpaces, JoinsRunsAndTrimsTheEnds) {
  EXPECT_EQ(collapse_spaces("  Garden \t\n Soil\r\n"), "Garden Soil");
  EXPECT_EQ(collapse_spaces(" \t "), "");
  EXPECT_EQ(collapse_spaces("a\xC2\xA0"
                            "b"),
            "a\xC2\xA0"
            "b")
      << "a no-break space keeps its words together";
}

TEST_F(TextLayoutTest, ShortTextIsOneLine) {
  const std::vector<TextLine> lines = layout_lines(shaper, "Garden Soil", serif_bold, 96, 1000);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].glyphs.size(), 11u);
  EXPECT_GT(lines[0].width, 300);
  EXPECT_LT(lines[0].width, 1000);
}

TEST_F(TextLayoutTest, LinesBreakAtSpacesAndFit) {
  const std::string text = "the quick brown fox jumps over the lazy dog";
  const std::vector<TextLine> lines = layout_lines(shaper, text, serif_bold, 40, 300);
  ASSERT_GE(lines.size(), 3u);
  std::size_t glyphs = 0;
  for (const TextLine& line : lines) {
    EXPECT_LE(line.width, 300);
    ASSERT_FALSE(line.glyphs.empty());
    const std::size_t first = line.glyphs.front().cluster;
    EXPECT_TRUE(first == 0 || text[first - 1] == ' ') << "line starts inside a word at " << first;
    EXPECT_NE(text[first], ' ') << "a line starts with the space it broke at";
    glyphs += line.glyphs.size();
  }
  // Every character but the spaces the lines broke at is drawn.
  EXPECT_EQ(glyphs, text.size() - (lines.size() - 1));
}

TEST_F(TextLayoutTest, AWordWiderThanTheLineIsBrokenBetweenCharacters) {
  const std::string word(20, 'W');
  const std::vector<TextLine> lines = layout_lines(shaper, word, serif_bold, 56, 300);
  ASSERT_GE(lines.size(), 3u);
  std::size_t glyphs = 0;
  for (const TextLine& line : lines) {
    EXPECT_LE(line.width, 300);
    EXPECT_GT(line.width, 200) << "lines are filled before breaking";
    glyphs += line.glyphs.size();
  }
  EXPECT_LT(lines.back().width, 301);
  EXPECT_EQ(glyphs, word.size()) << "no character is lost";
}

TEST_F(TextLayoutTest, ACombiningMarkStaysWithItsLetter) {
  std::string word;
  for (int i = 0; i < 12; ++i) word += "e\xCC\x81";  // e + COMBINING ACUTE ACCENT
  const std::vector<TextLine> lines = layout_lines(shaper, word, serif_bold, 56, 120);
  ASSERT_GE(lines.size(), 2u);
  for (const TextLine& line : lines) {
    ASSERT_FALSE(line.glyphs.empty());
    EXPECT_EQ(word[line.glyphs.front().cluster], 'e') << "a line starts with a lone accent";
  }
}

TEST_F(TextLayoutTest, ACharacterWiderThanTheLineStillGetsALine) {
  const std::vector<TextLine> lines = layout_lines(shaper, "WW", serif_bold, 96, 10);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].glyphs.size(), 1u);
}

}  // namespace
}  // namespace pb::image
