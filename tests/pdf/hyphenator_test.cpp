#include "pdf/hyphenator.h"

#include <gtest/gtest.h>

namespace pb::pdf {
namespace {

const std::filesystem::path kFolder = "/usr/share/hyphen";

TEST(Hyphenator, ChoosesTheDictionaryFromTheBookLanguage) {
  EXPECT_EQ(Hyphenator::find_dictionary("en", kFolder).filename(), "hyph_en_US.dic");
  EXPECT_EQ(Hyphenator::find_dictionary("en-US", kFolder).filename(), "hyph_en_US.dic");
  // No British dictionary installed: the American one stands in.
  EXPECT_FALSE(Hyphenator::find_dictionary("en-GB", kFolder).empty());
  EXPECT_TRUE(Hyphenator::find_dictionary("xx", kFolder).empty());
  EXPECT_TRUE(Hyphenator::find_dictionary("", kFolder).empty());
}

TEST(Hyphenator, LanguageWithoutDictionaryGivesNoHyphenationAndANote) {
  Diagnostics diagnostics;
  diagnostics.set_quiet(true);
  EXPECT_EQ(Hyphenator::for_language("xx", diagnostics, kFolder), nullptr);
  EXPECT_NE(Hyphenator::for_language("en", diagnostics, kFolder), nullptr);
}

TEST(Hyphenator, HyphenatesKnownWords) {
  const Hyphenator hyphenator(kFolder / "hyph_en_US.dic");
  EXPECT_EQ(hyphenator.show("hyphenation"), "hy-phen-ation");
  EXPECT_EQ(hyphenator.show("typesetting"), "type-set-ting");
  EXPECT_EQ(hyphenator.show("understanding"), "un-der-stand-ing");
  EXPECT_EQ(hyphenator.show("characteristics"), "char-ac-ter-is-tics");
  EXPECT_EQ(hyphenator.show("algorithm"), "al-go-rithm");
}

TEST(Hyphenator, CapitalisedWordsAreHyphenatedLikeLowerCase) {
  const Hyphenator hyphenator(kFolder / "hyph_en_US.dic");
  EXPECT_EQ(hyphenator.show("Hyphenation"), "Hy-phen-ation");
  EXPECT_EQ(hyphenator.show("\u00C9lan"), "\u00C9lan");  // too short to break, and no crash on Latin-1 capitals
}

TEST(Hyphenator, KeepsTwoLettersBeforeAndThreeAfter) {
  const Hyphenator hyphenator(kFolder / "hyph_en_US.dic");
  for (const char* word : {"computer", "responsibility", "paragraph", "interdependence"}) {
    const std::string w = word;
    for (std::size_t point : hyphenator.points(w)) {
      EXPECT_GE(point, 2u) << w;
      EXPECT_LE(point, w.size() - 3) << w;
    }
  }
  EXPECT_TRUE(hyphenator.points("").empty());
}

TEST(Hyphenator, OffsetsAreBytesOfUtf8Words) {
  const Hyphenator hyphenator(kFolder / "hyph_en_US.dic");
  const std::string word = "na\u00EFvet\u00E9s-understanding";
  for (std::size_t point : hyphenator.points(word)) {
    ASSERT_LT(point, word.size());
    EXPECT_NE(static_cast<unsigned char>(word[point]) & 0xC0, 0x80u) << "point inside a UTF-8 sequence";
  }
}

}  // namespace
}  // namespace pb::pdf
