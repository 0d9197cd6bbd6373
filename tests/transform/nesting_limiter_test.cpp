#include "transform/nesting_limiter.h"

#include <gtest/gtest.h>

namespace pb::transform {
namespace {

std::string repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

TEST(NestingLimiter, ShallowHtmlIsReturnedAsIs) {
  const std::string html = "<div><p>One<p>Two<ul><li>a<li>b</ul></div><br><img src=x>";
  EXPECT_EQ(limit_nesting(html, 3), html);
}

TEST(NestingLimiter, TagsPastTheCapGoAndTheirTextStays) {
  EXPECT_EQ(limit_nesting("<div><div><div><div>deep</div></div></div></div>after", 2),
            "<div><div>deep</div></div>after");
}

TEST(NestingLimiter, UnclosedParagraphsAndListItemsNeverCount) {
  const std::string legacy = repeat("<p>para", 5000) + repeat("<li>item", 5000);
  EXPECT_EQ(limit_nesting(legacy, 10), legacy);
}

TEST(NestingLimiter, TagsInsideScriptsAndCommentsAreNotTags) {
  const std::string html = "<div><script>document.write('<div><div><div>')</SCRIPT><!-- <div><div> --><b>x</b></div>";
  EXPECT_EQ(limit_nesting(html, 2), html);
}

TEST(NestingLimiter, QuotedGreaterThanSignsStayInsideTheirTag) {
  EXPECT_EQ(limit_nesting("<div title=\"a>b\"><div title='c>d'>x</div></div>", 1), "<div title=\"a>b\">x</div>");
}

TEST(NestingLimiter, AHundredThousandLevelsAreCutToTheCap) {
  const std::string html = repeat("<span>", 100000) + "x" + repeat("</span>", 100000);
  const std::string limited = limit_nesting(html, kMaxNesting);
  EXPECT_EQ(limited, repeat("<span>", kMaxNesting) + "x" + repeat("</span>", kMaxNesting));
}

TEST(NestingLimiter, BrokenTagsAreText) {
  EXPECT_EQ(limit_nesting("a < b and <3 and <div", 0), "a < b and <3 and <div");
}

}  // namespace
}  // namespace pb::transform
