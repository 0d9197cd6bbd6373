#include "sources/html_text.h"

#include <gtest/gtest.h>

#include <string>

namespace pb::sources {
namespace {

struct Case {
  const char* html;
  const char* text;
};

class HtmlToPlainText : public testing::TestWithParam<Case> {};

TEST_P(HtmlToPlainText, Converts) {
  EXPECT_EQ(html_to_plain_text(GetParam().html), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(
    Titles, HtmlToPlainText,
    testing::Values(Case{"What&#8217;s <em>new</em>", "What\u2019s new"},
                    Case{"Part 1 &#8211; The Start", "Part 1 \u2013 The Start"},
                    Case{"Salt &amp; Pepper", "Salt & Pepper"}, Case{"Part&nbsp;2", "Part 2"},
                    Case{"&nbsp; padded &nbsp;", "padded"}, Case{"a&nbsp;&nbsp; &nbsp;b", "a b"},
                    Case{"&#8220;Quoted&#8221; &hellip;", "\u201CQuoted\u201D \u2026"},
                    Case{"&#x2019;hex&#X2019;", "\u2019hex\u2019"},
                    Case{"<strong>Bold</strong> and <a href=\"https://example.org/\">link</a>", "Bold and link"},
                    Case{"<span style=\"color:red\" onclick=\"alert(1)\">Styled</span>", "Styled"},
                    Case{"Before<script>alert('x')</script>After", "BeforeAfter"},
                    Case{"Before<style>p { color: red }</style>After", "BeforeAfter"},
                    Case{"line one<br>line two", "line one line two"}, Case{"  spaced \n\t out  ", "spaced out"},
                    Case{"&lt;b&gt;not a tag&lt;/b&gt;", "<b>not a tag</b>"},
                    Case{"AT&T without a semicolon", "AT&T without a semicolon"}, Case{"plain title", "plain title"},
                    Case{"<p>\n</p>", ""}, Case{"", ""},
                    Case{"caf\xC3\xA9 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xF0\x9F\x98\x80"}));

TEST(HtmlToPlainTextXml, ForbiddenCharactersRemoved) {
  EXPECT_EQ(html_to_plain_text("a\x01"
                               "b\x0C"
                               "c"),
            "abc");
  EXPECT_EQ(html_to_plain_text("<i>a\x01"
                               "b</i>"),
            "ab");
  EXPECT_EQ(html_to_plain_text("x&#1;y&#xFFFE;z"), "xyz");
}

TEST(HtmlToPlainTextXml, InvalidUtf8Replaced) {
  EXPECT_EQ(html_to_plain_text("caf\xE9"), "caf\xEF\xBF\xBD");
  EXPECT_EQ(html_to_plain_text("<b>caf\xE9</b>"), "caf\xEF\xBF\xBD");
}

}  // namespace
}  // namespace pb::sources
