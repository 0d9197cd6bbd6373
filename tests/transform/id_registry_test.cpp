#include "transform/id_registry.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/utf8.h"

namespace pb::transform {
namespace {

TEST(IdRegistry, ReserveClaimsAndDeduplicates) {
  IdRegistry ids;
  EXPECT_EQ(ids.reserve("chapter-01"), "chapter-01");
  EXPECT_EQ(ids.reserve("chapter-01"), "chapter-01-2");
  EXPECT_EQ(ids.reserve("chapter-01"), "chapter-01-3");
}

TEST(IdRegistry, KeepReturnsTheIdAndRemembersIt) {
  IdRegistry ids;
  EXPECT_EQ(ids.keep("fn1"), "fn1");
  EXPECT_EQ(ids.find("fn1"), "fn1");
  EXPECT_EQ(ids.find("fn2"), "");
}

TEST(IdRegistry, RepeatedContentIdIsUnusable) {
  IdRegistry ids;
  EXPECT_EQ(ids.keep("note"), "note");
  EXPECT_EQ(ids.keep("note"), "");  // the first element keeps it
  EXPECT_EQ(ids.find("note"), "note");
}

TEST(IdRegistry, KeptIdCollidingWithAReservedOneIsRenamed) {
  IdRegistry ids;
  ids.reserve("chapter-01");
  EXPECT_EQ(ids.keep("chapter-01"), "chapter-01-2");
  EXPECT_EQ(ids.find("chapter-01"), "chapter-01-2");
}

TEST(IdRegistry, WhitespaceRemovedAndSpellingsMapped) {
  IdRegistry ids;
  EXPECT_EQ(ids.keep(" my\tnote\n"), "mynote");
  EXPECT_EQ(ids.keep("my note"), "mynote-2");
  EXPECT_EQ(ids.find(" my\tnote\n"), "mynote");
  EXPECT_EQ(ids.find("my note"), "mynote-2");
}

TEST(IdRegistry, UnusableIds) {
  IdRegistry ids;
  EXPECT_EQ(ids.keep(""), "");
  EXPECT_EQ(ids.keep("   "), "");
  EXPECT_EQ(ids.keep("\x01\x02"), "");
  EXPECT_EQ(ids.find(""), "");
}

TEST(IdRegistry, KeptIdsAreXmlSafe) {
  IdRegistry ids;
  EXPECT_EQ(ids.keep("a\x01"
                     "b\xEF\xBF\xBF"
                     "c"),
            "abc");
  const std::string repaired = ids.keep("caf\xE9");
  EXPECT_TRUE(utf8::is_valid(repaired));
  EXPECT_EQ(repaired, "caf\uFFFD");
  EXPECT_EQ(ids.keep("caf\xC3\xA9"), "caf\xC3\xA9");  // non-ASCII kept as written so "#café" still matches
}

TEST(IdRegistry, VeryLongIdsAreCutWithoutSplittingCharacters) {
  IdRegistry ids;
  std::string long_id;
  for (int i = 0; i < 150; ++i) long_id += "\xC3\xA9";  // 150 x é
  long_id += std::string(100, 'x');
  const std::string kept = ids.keep(long_id);
  EXPECT_EQ(utf8::length(kept), 200u);
  EXPECT_TRUE(utf8::is_valid(kept));
  EXPECT_EQ(ids.find(long_id), kept);
}

TEST(IdRegistry, MakeSlugifiesHeadingText) {
  IdRegistry ids;
  EXPECT_EQ(ids.make("Getting Started", "section"), "getting-started");
  EXPECT_EQ(ids.make("Getting Started", "section"), "getting-started-2");
  EXPECT_EQ(ids.make("What\u2019s New?", "section"), "whats-new");
  EXPECT_EQ(ids.make("Caf\u00E9 & Cr\u00E8me", "section"), "cafe-creme");
}

TEST(IdRegistry, MakeFallsBackToThePrefix) {
  IdRegistry ids;
  EXPECT_EQ(ids.make("***", "section"), "section");
  EXPECT_EQ(ids.make("", "section"), "section-2");
  EXPECT_EQ(ids.make("\u4F60\u597D", "section"), "section-3");
}

TEST(IdRegistry, MakeCutsLongTextAt60WithoutTrailingDash) {
  IdRegistry ids;
  const std::string made = ids.make(std::string(59, 'a') + " b c d e f", "section");
  EXPECT_EQ(made, std::string(59, 'a'));
  EXPECT_LE(ids.make(std::string(200, 'z'), "section").size(), 60u);
}

TEST(IdRegistry, MakeNeverTakesAKeptOrReservedId) {
  IdRegistry ids;
  ids.reserve("chapter-01");
  ids.keep("intro");
  std::set<std::string> seen = {"chapter-01", "intro"};
  for (const char* text : {"Intro", "Chapter 01", "intro", "Intro 2", "Intro"}) {
    const std::string made = ids.make(text, "section");
    EXPECT_TRUE(seen.insert(made).second) << made;
  }
}

}  // namespace
}  // namespace pb::transform
