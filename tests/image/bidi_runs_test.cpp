// BidiParagraph: right-to-left titles read from the right, with numbers and Latin words inside
// them kept in their own order (Unicode Bidirectional Algorithm, rule L2 for the line).
#include "image/bidi_runs.h"

#include <gtest/gtest.h>

#include <string>

#include "fonts/font_set.h"
#include "fonts/shaper.h"
#include "image/text_layout.h"

namespace pb::image {
namespace {

// The runs as "text:L" / "text:R", left to right as seen.
std::string seen(std::string_view text) {
  const BidiParagraph paragraph(text);
  std::string out;
  for (const BidiRun& run : paragraph.visual_runs(0, text.size())) {
    if (!out.empty()) out += "|";
    out += std::string(text.substr(run.begin, run.end - run.begin)) + (run.right_to_left ? ":R" : ":L");
  }
  return out;
}

const std::string kPart = "\xD7\x97\xD7\x9C\xD7\xA7";           // Hebrew "part"
const std::string kOf = "\xD7\xA9\xD7\x9C";                     // Hebrew "of"
const std::string kPeace = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";  // Hebrew "peace"

TEST(BidiParagraph, LatinTextIsOneLeftToRightRun) {
  EXPECT_EQ(seen("Garden Soil, Part 2"), "Garden Soil, Part 2:L");
  EXPECT_FALSE(BidiParagraph("Garden").right_to_left());
}

TEST(BidiParagraph, AHebrewTitleReadsFromTheRightWithItsNumberAndLatinWordInOrder) {
  const std::string title = kPart + " 2 " + kOf + " WordPress";
  EXPECT_TRUE(BidiParagraph(title).right_to_left());
  EXPECT_EQ(seen(title), "WordPress:L| " + kOf + " :R|2:L|" + kPart + " :R");
}

TEST(BidiParagraph, AHebrewWordInsideLatinTextStaysInPlace) {
  EXPECT_EQ(seen("Say " + kPeace + " twice"), "Say :L|" + kPeace + ":R| twice:L");
}

TEST(BidiParagraph, ALineOfAParagraphIsReorderedOnItsOwn) {
  const std::string title = kPart + " 2 " + kOf + " WordPress";
  const BidiParagraph paragraph(title);
  const std::size_t second_line = title.find(kOf);
  const std::vector<BidiRun> runs = paragraph.visual_runs(second_line, title.size());
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(title.substr(runs[0].begin, runs[0].end - runs[0].begin), "WordPress");
  EXPECT_EQ(title.substr(runs[1].begin, runs[1].end - runs[1].begin), kOf + " ");
}

// On the cover, a Hebrew line's glyphs come in visual order: the last letter is drawn first.
TEST(BidiLayout, AHebrewLineIsLaidOutFromTheRight) {
  fonts::FontSet fonts;
  fonts::Shaper shaper(fonts, "he");
  const std::vector<TextLine> lines = layout_lines(shaper, kPeace, {fonts::Family::Sans, false, false}, 40, 1000);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].glyphs.size(), 4u);
  for (std::size_t i = 1; i < lines[0].glyphs.size(); ++i)
    EXPECT_LT(lines[0].glyphs[i].cluster, lines[0].glyphs[i - 1].cluster) << "glyph " << i;
}

// Arabic letters join: shaped right to left, a letter takes its connected form, not the isolated one.
TEST(BidiLayout, ArabicLettersAreJoined) {
  fonts::FontSet fonts;
  fonts::Shaper shaper(fonts, "ar");
  const std::string word = "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85";  // salam
  const fonts::FontStyle sans{fonts::Family::Sans, false, false};
  const std::vector<fonts::ShapedGlyph> joined = shaper.shape_right_to_left(word, 0, word.size(), sans);
  const std::string letter = word.substr(0, 2);  // the first letter on its own
  const std::vector<fonts::ShapedGlyph> alone = shaper.shape_right_to_left(letter, 0, letter.size(), sans);
  ASSERT_FALSE(joined.empty());
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(joined.back().cluster, 0u) << "the first letter is drawn rightmost";
  EXPECT_NE(joined.back().glyph, alone[0].glyph) << "the first letter takes its initial (joining) form";
}

}  // namespace
}  // namespace pb::image
