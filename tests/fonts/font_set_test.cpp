// FontSet and Shaper: fonts for every family and style, kerning, ligatures, fallback fonts and
// replacement marks for characters no font has.
#include "fonts/font_set.h"

#include <gtest/gtest.h>

#include "fonts/shaper.h"

namespace pb::fonts {
namespace {

double width_of(const std::vector<ShapedGlyph>& glyphs) {
  double width = 0;
  for (const ShapedGlyph& glyph : glyphs) width += glyph.advance;
  return width;
}

class FontSetTest : public ::testing::Test {
 protected:
  FontSetTest() { diagnostics.set_quiet(true); }
  Diagnostics diagnostics;
};

TEST_F(FontSetTest, FindsTrueTypeFontsForEveryFamilyAndStyle) {
  FontSet fonts(diagnostics);
  for (Family family : {Family::Serif, Family::Sans, Family::Mono})
    for (bool bold : {false, true})
      for (bool italic : {false, true}) {
        Font& font = fonts.primary({family, bold, italic});
        EXPECT_TRUE(font.covers('a')) << font.file();
        EXPECT_GT(font.units_per_em(), 0);
      }
  EXPECT_TRUE(fonts.primary({Family::Mono, false, false}).fixed_pitch());
  EXPECT_TRUE(fonts.primary({Family::Serif, true, false}).bold());
  EXPECT_TRUE(fonts.primary({Family::Serif, false, true}).italic());
}

TEST_F(FontSetTest, KerningIsApplied) {
  FontSet fonts(diagnostics);
  Shaper shaper(fonts, "en");
  const std::string pair = "AV";
  const double together = width_of(shaper.shape(pair, 0, 2, {Family::Serif, false, false}));
  const double apart = width_of(shaper.shape("A", 0, 1, {Family::Serif, false, false})) +
                       width_of(shaper.shape("V", 0, 1, {Family::Serif, false, false}));
  EXPECT_LT(together, apart);
}

TEST_F(FontSetTest, LigaturesAreFormedAndRememberTheirText) {
  FontSet fonts(diagnostics);
  Font& serif = fonts.primary({Family::Serif, false, false});
  if (serif.family_name() != "DejaVu Serif") GTEST_SKIP() << "the ligature check expects DejaVu Serif";
  Shaper shaper(fonts, "en");
  const std::string word = "office";
  const std::vector<ShapedGlyph> glyphs = shaper.shape(word, 0, word.size(), {Family::Serif, false, false});
  EXPECT_LT(glyphs.size(), word.size());
  bool found = false;
  for (const ShapedGlyph& glyph : glyphs)
    if (serif.glyph_texts().count(glyph.glyph) && serif.glyph_texts().at(glyph.glyph).size() > 1) found = true;
  EXPECT_TRUE(found) << "a ligature glyph maps back to several characters";
  // Without ligatures every letter is its own glyph.
  EXPECT_EQ(shaper.shape(word, 0, word.size(), {Family::Serif, false, false}, false).size(), word.size());
}

TEST_F(FontSetTest, GreekComesFromTheBodyFontAndHebrewFromAFallback) {
  FontSet fonts(diagnostics);
  Font& serif = fonts.primary({Family::Serif, false, false});
  Font* greek = fonts.font_for({Family::Serif, false, false}, U'\u03B1');
  ASSERT_NE(greek, nullptr);
  EXPECT_TRUE(greek->covers(U'\u03B1'));
  // A character the serif lacks: another installed font draws it.
  for (char32_t c : {U'\u05D0', U'\u2603', U'\u0E01'}) {
    if (serif.covers(c)) continue;
    Font* fallback = fonts.font_for({Family::Serif, false, false}, c);
    if (!fallback) continue;
    EXPECT_NE(fallback, &serif);
    EXPECT_TRUE(fallback->covers(c));
    Shaper shaper(fonts, "en");
    std::string text = "a";
    text += c == U'\u05D0' ? "\u05D0" : c == U'\u2603' ? "\u2603" : "\u0E01";
    const std::vector<ShapedGlyph> glyphs = shaper.shape(text, 0, text.size(), {Family::Serif, false, false});
    ASSERT_EQ(glyphs.size(), 2u);
    EXPECT_EQ(glyphs[0].font, &serif);
    EXPECT_EQ(glyphs[1].font, fallback);
    return;
  }
  GTEST_SKIP() << "every probe character is in the serif font or in none";
}

TEST_F(FontSetTest, CharacterNoFontHasIsReplacedAndReportedOnce) {
  FontSet fonts(diagnostics);
  Shaper shaper(fonts, "en");
  const std::string text = "x\U0010FFFDy\U0010FFFD";  // a private-use character no font has
  const std::vector<ShapedGlyph> glyphs = shaper.shape(text, 0, text.size(), {Family::Serif, false, false});
  ASSERT_EQ(glyphs.size(), 4u);
  EXPECT_GT(glyphs[1].advance, 0) << "the replacement is visible";
  const auto warnings = diagnostics.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings.front().find("U+10FFFD"), std::string::npos);
}

// The generated cover uses a set that reports to nobody: a private-use character is still drawn
// as a visible replacement, and nothing is printed.
TEST(SilentFontSet, ReplacesWithoutPrinting) {
  FontSet fonts;
  Shaper shaper(fonts, "en");
  const std::string text = "x\U0010FFFDy";
  ::testing::internal::CaptureStderr();
  const std::vector<ShapedGlyph> glyphs = shaper.shape(text, 0, text.size(), {Family::Serif, true, false});
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  ASSERT_EQ(glyphs.size(), 3u);
  EXPECT_GT(glyphs[1].advance, 0);
}

TEST_F(FontSetTest, CjkWithoutACjkFontIsReplacedNotDropped) {
  FontSet fonts(diagnostics);
  Shaper shaper(fonts, "en");
  const std::string text = "\u4E2D\u6587";
  const std::vector<ShapedGlyph> glyphs = shaper.shape(text, 0, text.size(), {Family::Serif, false, false});
  ASSERT_EQ(glyphs.size(), 2u);
  if (fonts.font_for({Family::Serif, false, false}, U'\u4E2D')) {
    EXPECT_TRUE(glyphs[0].font->covers(U'\u4E2D'));
  } else {
    EXPECT_EQ(diagnostics.warnings().size(), 2u);  // one per character
  }
}

TEST_F(FontSetTest, EmojiOutsideTheBmpAreShapedWholeOrReplaced) {
  FontSet fonts(diagnostics);
  Shaper shaper(fonts, "en");
  const std::string text = "\U0001F600";
  const std::vector<ShapedGlyph> glyphs = shaper.shape(text, 0, text.size(), {Family::Serif, false, false});
  ASSERT_EQ(glyphs.size(), 1u);
  const auto& texts = glyphs[0].font->glyph_texts();
  ASSERT_TRUE(texts.count(glyphs[0].glyph));
  const std::u32string& mapped = texts.at(glyphs[0].glyph);
  EXPECT_TRUE(mapped == U"\U0001F600" || mapped == U"\uFFFD");
}

}  // namespace
}  // namespace pb::fonts
