#include "sources/shortcodes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pb::sources {
namespace {

class Shortcodes : public testing::Test {
 protected:
  Shortcodes() {
    attachments_[11] = Attachment{11, "https://example.org/a.jpg", "First alt", "First caption", "a", 7, 2, 800, 600};
    attachments_[12] = Attachment{12, "https://example.org/b.jpg", "Second \"alt\"", "", "b", 7, 1, 0, 0};
    attachments_[13] = Attachment{13, "https://example.org/c.jpg", "", "", "c", 99, 0, 0, 0};
    context_.attachments = &attachments_;
    context_.post_id = 7;
    context_.warn = [this](const std::string& message) { warnings_.push_back(message); };
  }

  std::string expand(std::string_view content) { return expand_shortcodes(content, context_); }

  std::map<std::int64_t, Attachment> attachments_;
  ShortcodeContext context_;
  std::vector<std::string> warnings_;
};

struct Case {
  const char* name;
  const char* input;
  const char* output;
};

class ShortcodeTable : public Shortcodes, public testing::WithParamInterface<Case> {};

TEST_P(ShortcodeTable, Expands) {
  EXPECT_EQ(expand(GetParam().input), GetParam().output);
  EXPECT_TRUE(warnings_.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, ShortcodeTable,
    testing::Values(
        Case{"NoShortcodes", "<p>Plain [text] here</p>", "<p>Plain [text] here</p>"},
        Case{"Caption",
             "[caption id=\"attachment_11\" align=\"alignright\" width=\"300\"]<img src=\"a.jpg\" alt=\"x\" /> A "
             "caption[/caption]",
             "<figure id=\"attachment_11\" class=\"wp-caption alignright\"><img src=\"a.jpg\" alt=\"x\" /><figcaption "
             "class=\"wp-caption-text\">A caption</figcaption></figure>"},
        Case{"CaptionWithLinkedImageAndMarkup",
             "[caption align=\"aligncenter\"]<a href=\"big.jpg\"><img src=\"a.jpg\" /></a> Photo by "
             "<em>me</em>[/caption]",
             "<figure class=\"wp-caption aligncenter\"><a href=\"big.jpg\"><img src=\"a.jpg\" /></a><figcaption "
             "class=\"wp-caption-text\">Photo by <em>me</em></figcaption></figure>"},
        Case{"CaptionAttribute", "[caption caption=\"From the attribute\"]<img src=\"a.jpg\" />[/caption]",
             "<figure class=\"wp-caption alignnone\"><img src=\"a.jpg\" /><figcaption class=\"wp-caption-text\">From "
             "the attribute</figcaption></figure>"},
        Case{"OldWpCaption", "[wp_caption]<img src=\"a.jpg\" />Old[/wp_caption]",
             "<figure class=\"wp-caption alignnone\"><img src=\"a.jpg\" /><figcaption "
             "class=\"wp-caption-text\">Old</figcaption></figure>"},
        Case{"CaptionWithoutImage", "[caption]Just text[/caption]", "Just text"},
        Case{
            "Embed", "[embed]https://www.youtube.com/watch?v=abc&t=5[/embed]",
            "<p><a "
            "href=\"https://www.youtube.com/watch?v=abc&amp;t=5\">https://www.youtube.com/watch?v=abc&amp;t=5</a></p>"},
        Case{"BareUrlOnItsLine", "Watch this:\n  https://vimeo.com/12345  \nNice.",
             "Watch this:\n<p><a href=\"https://vimeo.com/12345\">https://vimeo.com/12345</a></p>\nNice."},
        Case{"UrlInSentenceUntouched", "See https://example.org/ for more", "See https://example.org/ for more"},
        Case{"UrlLineInPreUntouched", "<pre>\nhttps://example.org/\n</pre>", "<pre>\nhttps://example.org/\n</pre>"},
        Case{"UrlLineInsideLinkUntouched", "<a href=\"https://example.org/\">\nhttps://example.org/\n</a>",
             "<a href=\"https://example.org/\">\nhttps://example.org/\n</a>"},
        Case{"Video", "[video width=\"640\" mp4=\"https://example.org/v.mp4\"][/video]",
             "<p><a href=\"https://example.org/v.mp4\">https://example.org/v.mp4</a></p>"},
        Case{"Audio", "[audio src=\"https://example.org/a.mp3\"]",
             "<p><a href=\"https://example.org/a.mp3\">https://example.org/a.mp3</a></p>"},
        Case{"Playlist", "Before [playlist ids=\"1,2\"] after", "Before  after"},
        Case{"UnknownEnclosingKeepsContent", "[su_box title=\"Note\"]Inside <b>text</b>[/su_box]",
             "Inside <b>text</b>"},
        Case{"UnknownEnclosingNested", "[outer][caption]<img src=\"a.jpg\" /> C[/caption][/outer]",
             "<figure class=\"wp-caption alignnone\"><img src=\"a.jpg\" /><figcaption "
             "class=\"wp-caption-text\">C</figcaption></figure>"},
        Case{"UnknownWithAttributesRemoved", "A[contact-form-7 id=\"5\" title=\"Contact\"]B", "AB"},
        Case{"UnknownSlashClosedRemoved", "A[spacer /]B", "AB"}, Case{"KnownPluginRemoved", "A[toc]B[TOC]C", "ABC"},
        Case{"BracketedProseKept", "He said [sic] twice [1] and [Update: fixed] [citation needed].",
             "He said [sic] twice [1] and [Update: fixed] [citation needed]."},
        Case{"EscapedSelfClosing", "Use [[gallery]] or [[gallery ids=\"1\"]].",
             "Use [gallery] or [gallery ids=\"1\"]."},
        Case{"EscapedEnclosing", "[[caption]<img src=\"a.jpg\" /> C[/caption]]",
             "[caption]<img src=\"a.jpg\" /> C[/caption]"},
        Case{"InsideAttributeUntouched", "<a title=\"[gallery]\" href=\"x\">x</a>",
             "<a title=\"[gallery]\" href=\"x\">x</a>"},
        Case{"InsideCommentUntouched", "<!-- [gallery] -->", "<!-- [gallery] -->"},
        Case{"InsidePreOnlyUnescaped", "<pre>[gallery] and [[gallery]]</pre>", "<pre>[gallery] and [gallery]</pre>"},
        Case{"InsideCodeUntouched", "<code>[su_box]x[/su_box]</code>", "<code>[su_box]x[/su_box]</code>"},
        Case{"UnclosedBracket", "An [unclosed bracket", "An [unclosed bracket"},
        Case{"LoneBrackets", "[] [[ ]] [", "[] [[ ]] ["}),
    [](const testing::TestParamInfo<Case>& param_info) { return std::string(param_info.param.name); });

TEST_F(Shortcodes, GalleryOfIds) {
  EXPECT_EQ(
      expand("[gallery ids=\"12, 11\" columns=\"2\" size=\"large\"]"),
      "<div class=\"gallery gallery-columns-2\">\n"
      "<figure class=\"gallery-item\"><img src=\"https://example.org/b.jpg\" alt=\"Second &quot;alt&quot;\" "
      "/></figure>\n"
      "<figure class=\"gallery-item\"><img src=\"https://example.org/a.jpg\" alt=\"First alt\" width=\"800\" "
      "height=\"600\" /><figcaption class=\"wp-caption-text gallery-caption\">First caption</figcaption></figure>\n"
      "</div>");
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(Shortcodes, GalleryWithoutIdsShowsThePostsAttachmentsInMenuOrder) {
  const std::string html = expand("[gallery]");
  const std::size_t b = html.find("b.jpg");
  const std::size_t a = html.find("a.jpg");
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  EXPECT_LT(b, a);                                   // menu_order 1 before 2
  EXPECT_EQ(html.find("c.jpg"), std::string::npos);  // another post's attachment
  EXPECT_NE(html.find("gallery-columns-3"), std::string::npos);
}

TEST_F(Shortcodes, GalleryWithMissingAttachmentsWarns) {
  const std::string html = expand("[gallery ids=\"11,404\"]");
  EXPECT_NE(html.find("a.jpg"), std::string::npos);
  ASSERT_EQ(warnings_.size(), 1u);
  EXPECT_NE(warnings_[0].find("404"), std::string::npos);

  warnings_.clear();
  EXPECT_EQ(expand("[gallery ids=\"404\"]"), "");
  EXPECT_EQ(warnings_.size(), 2u);
}

TEST_F(Shortcodes, GalleryWithoutAttachmentMapWarnsAndVanishes) {
  context_.attachments = nullptr;
  EXPECT_EQ(expand("a[gallery]b"), "ab");
  EXPECT_EQ(warnings_.size(), 1u);
}

TEST_F(Shortcodes, EmbedWithoutUrlWarns) {
  EXPECT_EQ(expand("[embed]not a url[/embed]"), "");
  EXPECT_EQ(warnings_.size(), 1u);
}

TEST_F(Shortcodes, ManyUnclosedBracketsStayFast) {
  std::string content;
  for (int i = 0; i < 20000; ++i) content += "see [" + std::to_string(i % 50) + "] ";
  EXPECT_EQ(expand(content), content);
}

TEST_F(Shortcodes, DeepNestingIsBounded) {
  std::string content;
  for (int i = 0; i < 100; ++i) content += "[n" + std::to_string(i) + "]";
  content += "core";
  for (int i = 99; i >= 0; --i) content += "[/n" + std::to_string(i) + "]";
  const std::string html = expand(content);
  EXPECT_NE(html.find("core"), std::string::npos);
}

}  // namespace
}  // namespace pb::sources
