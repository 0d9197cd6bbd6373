#include "common/text.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace pb::text {
namespace {

TEST(Text, AsciiLowerTouchesOnlyAsciiLetters) {
  EXPECT_EQ(ascii_lower("Hello WORLD 123-Z"), "hello world 123-z");
  EXPECT_EQ(ascii_lower("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");  // ÉTÉ: UTF-8 bytes unchanged
  EXPECT_EQ(ascii_lower(""), "");
  EXPECT_EQ(ascii_lower("@[`{"), "@[`{");  // neighbours of the letter ranges
}

TEST(Text, CaseInsensitiveComparisons) {
  EXPECT_TRUE(iequals("HTTPS", "https"));
  EXPECT_TRUE(iequals("", ""));
  EXPECT_FALSE(iequals("http", "https"));
  EXPECT_FALSE(iequals("abc", "abd"));
  EXPECT_FALSE(iequals("@", "`"));
  EXPECT_TRUE(starts_with_icase("HTTPS://example.org", "https://"));
  EXPECT_TRUE(starts_with_icase("data:", "DATA:"));
  EXPECT_TRUE(starts_with_icase("anything", ""));
  EXPECT_FALSE(starts_with_icase("http", "https"));
  EXPECT_FALSE(starts_with_icase("xhttps://", "https://"));
}

TEST(Text, TrimRemovesAsciiWhitespaceOnly) {
  EXPECT_EQ(trim("  \t\n\r\fword \t\n\r\f"), "word");
  EXPECT_EQ(trim("a b"), "a b");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("\xC2\xA0word\xC2\xA0"), "\xC2\xA0word\xC2\xA0");  // no-break spaces are text
  EXPECT_EQ(trim("\vword"), "\vword");                              // vertical tab is not HTML whitespace
}

TEST(Text, HtmlSpaces) {
  for (char c : {' ', '\t', '\n', '\f', '\r'}) EXPECT_TRUE(is_html_space(c)) << static_cast<int>(c);
  for (char c : {'a', '\v', '\0', '\xC2', '\xA0'}) EXPECT_FALSE(is_html_space(c)) << static_cast<int>(c);
}

TEST(Text, CollapseWhitespace) {
  EXPECT_EQ(collapse_whitespace("a  \t\n b"), "a b");
  EXPECT_EQ(collapse_whitespace("  lead and trail  "), " lead and trail ");
  EXPECT_EQ(collapse_whitespace("\r\n\r\n"), " ");
  EXPECT_EQ(collapse_whitespace("no-change"), "no-change");
  EXPECT_EQ(collapse_whitespace(""), "");
  EXPECT_EQ(collapse_whitespace("10\xC2\xA0\xC2\xA0kg"), "10\xC2\xA0\xC2\xA0kg");  // no-break spaces kept
  EXPECT_EQ(collapse_whitespace("a \xC2\xA0 b"), "a \xC2\xA0 b");
}

TEST(Text, IsBlank) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \t\r\n\f"));
  EXPECT_TRUE(is_blank("\xC2\xA0"));              // U+00A0
  EXPECT_TRUE(is_blank(" \xE2\x80\xAF "));        // U+202F
  EXPECT_TRUE(is_blank("\xE2\x80\x87\xC2\xA0"));  // U+2007
  EXPECT_FALSE(is_blank("."));
  EXPECT_FALSE(is_blank("\xC2\xA0x"));
  EXPECT_FALSE(is_blank("\xC2"));          // half a no-break space
  EXPECT_FALSE(is_blank("\xE2\x80\x99"));  // U+2019 is punctuation
  EXPECT_FALSE(is_blank("\xE2\x80"));
}

TEST(Text, Split) {
  EXPECT_EQ(split("a,b,c", ','), (std::vector<std::string_view>{"a", "b", "c"}));
  EXPECT_EQ(split("a,,b", ','), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(split("a,", ','), (std::vector<std::string_view>{"a", ""}));
  EXPECT_EQ(split(",a", ','), (std::vector<std::string_view>{"", "a"}));
  EXPECT_EQ(split("", ','), (std::vector<std::string_view>{""}));
  EXPECT_EQ(split("abc", ','), (std::vector<std::string_view>{"abc"}));
}

TEST(Text, ReplaceAll) {
  EXPECT_EQ(replace_all("a-b-c", "-", "--"), "a--b--c");
  EXPECT_EQ(replace_all("aaa", "aa", "b"), "ba");  // left to right, no overlap
  EXPECT_EQ(replace_all("abc", "", "x"), "abc");   // empty pattern: unchanged, no endless loop
  EXPECT_EQ(replace_all("abc", "abc", ""), "");
  EXPECT_EQ(replace_all("", "a", "b"), "");
  EXPECT_EQ(replace_all("x\xC2\xA0y\xC2\xA0", "\xC2\xA0", " "), "x y ");
  EXPECT_EQ(replace_all("nothing here", "zz", "y"), "nothing here");
}

}  // namespace
}  // namespace pb::text
