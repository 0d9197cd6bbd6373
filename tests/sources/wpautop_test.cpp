#include "sources/wpautop.h"

#include <gtest/gtest.h>

#include <string>

namespace pb::sources {
namespace {

struct Case {
  const char* name;
  const char* input;
  const char* output;
};

class Wpautop : public testing::TestWithParam<Case> {};

TEST_P(Wpautop, AddsParagraphsLikeWordPress) {
  EXPECT_EQ(wpautop(GetParam().input), GetParam().output);
}

INSTANTIATE_TEST_SUITE_P(
    Table, Wpautop,
    testing::Values(
        Case{"Empty", "", ""}, Case{"Blank", " \n\n\t ", ""}, Case{"OneParagraph", "Hello", "<p>Hello</p>"},
        Case{"BlankLinesSeparateParagraphs", "One\n\nTwo", "<p>One</p>\n<p>Two</p>"},
        Case{"SingleNewlineIsBreak", "Line one\nLine two", "<p>Line one<br />\nLine two</p>"},
        Case{"WindowsNewlines", "One\r\n\r\nTwo\r\nthree", "<p>One</p>\n<p>Two<br />\nthree</p>"},
        Case{"SpacesOnBlankLinesAndEdges", "  \n\n  One  \n \n\n Two", "<p>One</p>\n<p>Two</p>"},
        Case{"TrailingSpacesBeforeBreak", "One   \nTwo", "<p>One<br />\nTwo</p>"},
        Case{"PreUntouched", "Intro\n<pre>\na\n\nb\n</pre>\nAfter",
             "<p>Intro</p>\n<pre>\na\n\nb\n</pre>\n<p>After</p>"},
        Case{"PreWithAttributesAndCode", "<pre class=\"x\"><code>if (a)\n\n  b();</code></pre>",
             "<pre class=\"x\"><code>if (a)\n\n  b();</code></pre>"},
        Case{"HeadingNotWrapped", "<h2>Title</h2>\nText", "<h2>Title</h2>\n<p>Text</p>"},
        Case{"TextRightBeforeHeading", "Text\n<h3>Next</h3>", "<p>Text</p>\n<h3>Next</h3>"},
        Case{"DivWithOneLine", "<div class=\"box\">Inside</div>", "<div class=\"box\">Inside</div>"},
        Case{"DivWithParagraphs", "<div>\nOne\n\nTwo\n</div>", "<div><p>One</p>\n<p>Two</p>\n</div>"},
        Case{"TextAfterBlock", "<div>x</div>\nAfter", "<div>x</div>\n<p>After</p>"},
        Case{"List", "<ul>\n\t<li>One</li>\n\t<li>Two\nlines</li>\n</ul>",
             "<ul><li>One</li>\n<li>Two<br />\nlines</li>\n</ul>"},
        Case{"NestedLists", "<ol>\n<li>A\n<ul>\n<li>A1</li>\n</ul>\n</li>\n<li>B</li>\n</ol>",
             "<ol><li>A<ul><li>A1</li>\n</ul>\n</li>\n<li>B</li>\n</ol>"},
        Case{"ListItemWithParagraphs", "<ul><li>First\n\nSecond</li></ul>",
             "<ul><li><p>First</p>\n<p>Second</p>\n</li>\n</ul>"},
        Case{"GutenbergBlocks",
             "<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:separator -->\n"
             "<hr class=\"wp-block-separator\"/>\n<!-- /wp:separator -->",
             "<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->\n<!-- wp:separator -->\n"
             "<hr class=\"wp-block-separator\"/>\n<!-- /wp:separator -->"},
        Case{"TextBetweenBlockComments", "<!-- wp:freeform -->\nLoose text\n<!-- /wp:freeform -->",
             "<!-- wp:freeform -->\n<p>Loose text</p>\n<!-- /wp:freeform -->"},
        Case{"InlineElements", "A <em>b</em>\n<strong>c</strong>", "<p>A <em>b</em><br />\n<strong>c</strong></p>"},
        Case{"ExistingBreakNotDoubled", "One<br />\nTwo", "<p>One<br />\nTwo</p>"},
        Case{"TwoBreaksMakeParagraphs", "One<br><br>Two", "<p>One</p>\n<p>Two</p>"},
        Case{"TwoBreaksAcrossLines", "One<br />\n<br />\nTwo", "<p>One</p>\n<p>Two</p>"},
        Case{"Blockquote", "<blockquote>Quote\n\nMore</blockquote>",
             "<blockquote><p>Quote</p>\n<p>More</p>\n</blockquote>"},
        Case{"BlockquoteOneLine", "<blockquote>Quote</blockquote>", "<blockquote><p>Quote</p>\n</blockquote>"},
        Case{"NewlinesInsideTagsUntouched", "<a href=\"x\"\ntitle=\"y\">link</a>\ntext",
             "<p><a href=\"x\"\ntitle=\"y\">link</a><br />\ntext</p>"},
        Case{"AngleBracketInAttribute", "<img alt=\"a > b\" src=\"x.jpg\" />\nNext",
             "<p><img alt=\"a > b\" src=\"x.jpg\" /><br />\nNext</p>"},
        Case{"HorizontalRule", "Above\n<hr />\nBelow", "<p>Above</p>\n<hr />\n<p>Below</p>"},
        Case{"Table", "<table>\n<tr>\n<td>a\nb</td>\n</tr>\n</table>",
             "<table><tr><td>a<br />\nb</td>\n</tr>\n</table>"},
        Case{"MoreComment", "Text\n\n<!--more-->\n\nMore", "<p>Text</p>\n<!--more-->\n<p>More</p>"},
        Case{"ScriptUntouched", "<script>\nvar a = 1;\n\nvar b;\n</script>",
             "<p><script>\nvar a = 1;\n\nvar b;\n</script></p>"},
        Case{"Figure", "<figure><img src=\"a.jpg\" />\n<figcaption>Cap\ntion</figcaption></figure>",
             "<figure><img src=\"a.jpg\" /><figcaption>Cap<br />\ntion</figcaption>\n</figure>"},
        Case{"AlreadyParagraphs", "<p>One</p>\n<p>Two</p>", "<p>One</p>\n<p>Two</p>"},
        Case{"UnclosedParagraphs", "<p>One\n<p>Two", "<p>One<p>Two"},
        Case{"SelectKeepsNewlines", "<select>\n<option>a</option>\n</select>",
             "<p><select>\n<option>a</option>\n</select></p>"},
        Case{"LiteralLessThan", "a < b\nc", "<p>a < b<br />\nc</p>"},
        Case{"UnclosedTagIsText", "a <b\n\nc", "<p>a <b</p>\n<p>c</p>"},
        Case{"Utf8Untouched", "Caf\xC3\xA9\n\n\xE2\x80\x9CQuoted\xE2\x80\x9D",
             "<p>Caf\xC3\xA9</p>\n<p>\xE2\x80\x9CQuoted\xE2\x80\x9D</p>"}),
    [](const testing::TestParamInfo<Case>& param_info) { return std::string(param_info.param.name); });

TEST(Wpautop, IsIdempotentOnItsOwnOutput) {
  for (const char* input :
       {"One\n\nTwo\nthree", "<div>\nOne\n\nTwo\n</div>\nAfter", "<ul>\n<li>a\nb</li>\n</ul>\n\nEnd",
        "<blockquote>Quote\n\nMore</blockquote>", "Intro\n<pre>\na\n\nb\n</pre>\nAfter"}) {
    const std::string once = wpautop(input);
    EXPECT_EQ(wpautop(once), once) << input;
  }
}

TEST(Wpautop, HandlesLargeInputInLinearTime) {
  std::string input;
  for (int i = 0; i < 20000; ++i) input += "Paragraph " + std::to_string(i) + " line one\nline two <em>em</em>\n\n";
  const std::string output = wpautop(input);
  std::size_t paragraphs = 0;
  for (std::size_t at = output.find("<p>"); at != std::string::npos; at = output.find("<p>", at + 3)) ++paragraphs;
  EXPECT_EQ(paragraphs, 20000u);
  EXPECT_NE(output.find("<p>Paragraph 19999 line one<br />\nline two <em>em</em></p>"), std::string::npos);
}

TEST(HasBlocks, FindsGutenbergDelimiters) {
  EXPECT_TRUE(has_blocks("<!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph -->"));
  EXPECT_TRUE(has_blocks("text <!--   /wp:list -->"));
  EXPECT_TRUE(has_blocks("<!-- wp:footnotes /-->"));
  EXPECT_FALSE(has_blocks("Classic text\n\n<!--more-->\n\nMore"));
  EXPECT_FALSE(has_blocks("<!-- a comment about wp: things -->"));
  EXPECT_FALSE(has_blocks(""));
}

}  // namespace
}  // namespace pb::sources
