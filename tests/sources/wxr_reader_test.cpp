// read_wxr: WordPress export files, with the control bytes real exports hold.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include "common/error.h"
#include "sources/feed_reader.h"

namespace pb::sources {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(POSTBINDER_FIXTURES) + "/feeds/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const Post* find(const std::vector<Post>& posts, std::int64_t id) {
  const auto found = std::find_if(posts.begin(), posts.end(), [&](const Post& post) { return post.id == id; });
  return found == posts.end() ? nullptr : &*found;
}

// A WXR document around the given items (written with the wp: prefix WordPress uses).
std::string wxr(const std::string& items) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
         "<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" "
         "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<title>Site</title>\n"
         "<wp:wxr_version>1.2</wp:wxr_version>\n" +
         items + "</channel>\n</rss>\n";
}

std::string wxr_item(int id, const std::string& title, const std::string& status, const std::string& date,
                     const std::string& date_gmt, const std::string& extra = "") {
  return "<item><title><![CDATA[" + title + "]]></title><link>https://example.org/p" + std::to_string(id) +
         "/</link><dc:creator><![CDATA[someone]]></dc:creator><content:encoded><![CDATA[Body of " + std::to_string(id) +
         "]]></content:encoded><wp:post_id>" + std::to_string(id) + "</wp:post_id><wp:post_date><![CDATA[" + date +
         "]]></wp:post_date><wp:post_date_gmt><![CDATA[" + date_gmt + "]]></wp:post_date_gmt><wp:post_name><![CDATA[p" +
         std::to_string(id) + "]]></wp:post_name><wp:status><![CDATA[" + status +
         "]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>" + extra + "</item>\n";
}

class WxrExport : public testing::Test {
 protected:
  void SetUp() override { posts_ = read_wxr(text_, "wxr-export.xml", diagnostics_); }

  const std::string text_ = fixture("wxr-export.xml");
  Diagnostics diagnostics_;
  std::vector<Post> posts_;
};

TEST_F(WxrExport, FixtureIsInvalidXmlAsWordPressWritesIt) {
  EXPECT_EQ(std::count(text_.begin(), text_.end(), '\x03'), 2);
  EXPECT_EQ(std::count(text_.begin(), text_.end(), '\x0B'), 2);
  EXPECT_TRUE(contains(text_, "Feeding&#x3; Schedule</title>"));  // outside CDATA: a forbidden reference
  EXPECT_TRUE(contains(text_, "Keep notes: &#x3;they help."));
}

TEST_F(WxrExport, RepairsItWithOneWarning) {
  const std::vector<std::string> warnings = diagnostics_.warnings();
  ASSERT_GE(warnings.size(), 1u);
  EXPECT_EQ(warnings[0],
            "wxr-export.xml: repaired invalid XML: removed 4 characters XML forbids (control bytes), removed 2 "
            "character references to characters XML forbids (such as &#x3;)");
  for (const Post& post : posts_) {
    for (const std::string* field : {&post.title, &post.content_html, &post.author}) {
      EXPECT_EQ(field->find('\x03'), std::string::npos) << post.describe();
      EXPECT_EQ(field->find('\x0B'), std::string::npos) << post.describe();
      EXPECT_FALSE(contains(*field, "&#x3;")) << post.describe();
    }
  }
}

TEST_F(WxrExport, OnlyPublishedPostsBecomePosts) {
  std::vector<std::int64_t> ids;
  for (const Post& post : posts_) ids.push_back(post.id);
  // Not 1050 (draft), 1051 (private), 1052 (scheduled), 1054 (trash), 2 (page), 1020/1030 (attachments).
  EXPECT_EQ(ids, (std::vector<std::int64_t>{1021, 1032, 1043, 1053, 1060}));
  for (const Post& post : posts_) EXPECT_EQ(post.status, "publish");
}

TEST_F(WxrExport, MapsEveryField) {
  const Post* part1 = find(posts_, 1021);
  ASSERT_TRUE(part1);
  EXPECT_EQ(part1->title, "Sourdough from Scratch, Part 1: What\u2019s a Starter?");
  EXPECT_EQ(part1->slug, "sourdough-from-scratch-part-1");
  EXPECT_EQ(part1->link, "https://slowkitchen.example/2024/04/05/sourdough-from-scratch-part-1/");
  EXPECT_EQ(part1->guid, "https://slowkitchen.example/?p=1021");
  EXPECT_EQ(part1->date, "2024-04-05T16:15:30");
  EXPECT_EQ(part1->date_gmt, "2024-04-05T14:15:30");
  EXPECT_EQ(part1->modified_gmt, "2024-04-05T14:15:30");
  EXPECT_EQ(part1->author, "Mara Olsen");
  EXPECT_EQ(part1->author_id, 1);
  EXPECT_EQ(part1->categories, std::vector<std::string>{"Baking"});
  EXPECT_EQ(part1->tags, std::vector<std::string>{"sourdough"});
  EXPECT_FALSE(part1->is_protected);
  EXPECT_EQ(part1->origin, "wxr-export.xml [item 2]");
  EXPECT_TRUE(part1->base_dir.empty());

  const Post* standalone = find(posts_, 1060);
  ASSERT_TRUE(standalone);
  EXPECT_EQ(standalone->author, "Jon Bakker");
  EXPECT_EQ(standalone->author_id, 2);
  EXPECT_EQ(standalone->categories, std::vector<std::string>{"Kitchen & Tools"});
  EXPECT_TRUE(standalone->tags.empty());
}

TEST_F(WxrExport, FeaturedImageComesFromTheAttachment) {
  const Post* part1 = find(posts_, 1021);
  ASSERT_TRUE(part1);
  EXPECT_EQ(part1->featured_media, 1020);
  ASSERT_TRUE(part1->featured_image);
  EXPECT_EQ(part1->featured_image->url, "https://slowkitchen.example/wp-content/uploads/2024/04/starter-jar.jpg");
  EXPECT_EQ(part1->featured_image->alt, "A jar of bubbly starter");
  EXPECT_EQ(part1->featured_image->caption, "Day five: doubled in four hours");
  EXPECT_EQ(part1->featured_image->width, 1600);
  EXPECT_EQ(part1->featured_image->height, 1200);
  const Post* part2 = find(posts_, 1032);
  ASSERT_TRUE(part2);
  EXPECT_FALSE(part2->featured_image);
  EXPECT_EQ(part2->featured_media, 0);
}

TEST_F(WxrExport, ProtectedPostIsFlagged) {
  const Post* levain = find(posts_, 1053);
  ASSERT_TRUE(levain);
  EXPECT_TRUE(levain->is_protected);
  EXPECT_EQ(levain->title, "Members\u2019 Recipe: Levain");
  EXPECT_FALSE(find(posts_, 1021)->is_protected);
}

TEST_F(WxrExport, ClassicContentGetsParagraphsAndCaptions) {
  const Post* part1 = find(posts_, 1021);
  ASSERT_TRUE(part1);
  EXPECT_EQ(part1->content_html,
            "<p>Every loaf of sourdough starts with a starter: flour, water and patience.</p>\n"
            "<figure id=\"attachment_1020\" class=\"wp-caption aligncenter\"><img class=\"size-large wp-image-1020\" "
            "src=\"https://slowkitchen.example/wp-content/uploads/2024/04/starter-jar.jpg\" alt=\"A jar of bubbly "
            "starter\" width=\"800\" height=\"600\" /><figcaption class=\"wp-caption-text\">Day five: the starter "
            "doubled in four hours.</figcaption>\n</figure>\n"
            "<p>Mix 50 g of flour with 50 g of water.<br />\nCover loosely and wait a day.</p>\n"
            "<h2>What you need</h2>\n"
            "<ul><li>Whole-wheat flour</li>\n<li>A glass jar</li>\n</ul>\n"
            "<p>Next time: feeding. It's easier than it sounds.</p>");
}

TEST_F(WxrExport, GalleryPreAndBlockquote) {
  const Post* part2 = find(posts_, 1032);
  ASSERT_TRUE(part2);
  EXPECT_EQ(part2->title, "Sourdough from Scratch, Part 2: Feeding Schedule");
  EXPECT_EQ(
      part2->content_html,
      "<p>Feeding keeps the starter alive.</p>\n"
      "<div class=\"gallery gallery-columns-2\"><figure class=\"gallery-item\"><img "
      "src=\"https://slowkitchen.example/wp-content/uploads/2024/04/starter-jar.jpg\" alt=\"A jar of bubbly "
      "starter\" width=\"1600\" height=\"1200\" /><figcaption class=\"wp-caption-text gallery-caption\">Day five: "
      "doubled in four hours</figcaption>\n</figure>\n"
      "<figure class=\"gallery-item\"><img src=\"https://slowkitchen.example/wp-content/uploads/2024/04/crumb.jpg\" "
      "alt=\"An open crumb\" width=\"1200\" height=\"900\" /><figcaption class=\"wp-caption-text "
      "gallery-caption\">Open crumb after 45 minutes</figcaption>\n</figure>\n</div>\n"
      "<blockquote><p>Feed it like a pet, not like a plant.</p>\n</blockquote>\n"
      "<pre>\nDay 1: 50 g flour + 50 g water\n\nDay 2: discard half, feed again\n</pre>\n"
      "<p>Keep notes: they help.</p>");
}

TEST_F(WxrExport, GutenbergContentKeepsItsBlocksAndGetsFootnotes) {
  const Post* part3 = find(posts_, 1043);
  ASSERT_TRUE(part3);
  EXPECT_EQ(part3->title, "Sourdough from Scratch, Part 3: The Bake");
  const std::string& html = part3->content_html;
  EXPECT_TRUE(contains(html, "<!-- wp:paragraph -->\n<p>Bake day is the reward.<sup data-fn=\"7f1c\""));
  EXPECT_TRUE(
      contains(html, "<ul><!-- wp:list-item -->\n<li>Preheat the pot for an hour</li>\n<!-- /wp:list-item -->\n\n"))
      << "no wpautop on block content";
  EXPECT_FALSE(contains(html, "<br />"));
  EXPECT_FALSE(contains(html, "<p><!--"));
  EXPECT_TRUE(contains(html,
                       "<div class=\"wp-block-embed__wrapper\">\n<p><a href=\"https://www.youtube.com/watch?v=abc123\">"
                       "https://www.youtube.com/watch?v=abc123</a></p>\n</div>"));
  EXPECT_TRUE(contains(html,
                       "<ol class=\"wp-block-footnotes\"><li id=\"7f1c\">Or the punishment, if you forgot the "
                       "<em>salt</em>. <a href=\"#7f1c-link\">\u21A9\uFE0E</a></li></ol>"));
  EXPECT_FALSE(contains(html, "<!-- wp:footnotes /-->"));
}

TEST_F(WxrExport, ShortcodesOfPluginsAndEscapes) {
  const Post* standalone = find(posts_, 1060);
  ASSERT_TRUE(standalone);
  EXPECT_EQ(standalone->content_html,
            "<p>Cups lie. Scales don't.</p>\n"
            "<p><a href=\"https://slowkitchen.example/2024/03/01/kitchen-scales/\">"
            "https://slowkitchen.example/2024/03/01/kitchen-scales/</a></p>\n"
            "<p>Buy a scale that reads to 1 g.</p>\n"
            "<p>Use [gallery] to show pictures. [sic]</p>");
}

TEST(ReadWxr, ExportWithoutPublishedPostsIsAnError) {
  Diagnostics diagnostics;
  const std::string text = wxr(wxr_item(1, "Draft", "draft", "2024-04-01 10:00:00", "0000-00-00 00:00:00") +
                               wxr_item(2, "Later", "future", "2030-04-01 10:00:00", "2030-04-01 08:00:00"));
  try {
    read_wxr(text, "export.xml", diagnostics);
    FAIL() << "expected a BuildError";
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), "export.xml");
    EXPECT_STREQ(error.what(), "export.xml: holds no published posts (1 draft, 1 scheduled post)");
  }
}

TEST(ReadWxr, MissingGmtDateTakesTheSitesOffset) {
  Diagnostics diagnostics;
  const std::string text = wxr(wxr_item(1, "One", "publish", "2024-04-01 12:00:00", "2024-04-01 10:00:00") +
                               wxr_item(2, "Two", "publish", "2024-04-02 12:00:00", "2024-04-02 10:00:00") +
                               wxr_item(3, "Three", "publish", "2024-04-03 12:30:00", "0000-00-00 00:00:00"));
  const std::vector<Post> posts = read_wxr(text, "export.xml", diagnostics);
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[2].date, "2024-04-03T12:30:00");
  EXPECT_EQ(posts[2].date_gmt, "2024-04-03T10:30:00");
  ASSERT_EQ(diagnostics.warnings().size(), 1u);
  EXPECT_TRUE(contains(diagnostics.warnings()[0], "1 published post has no wp:post_date_gmt"))
      << diagnostics.warnings()[0];
}

TEST(ReadWxr, UnknownAuthorAndMissingAttachment) {
  Diagnostics diagnostics;
  const std::string meta =
      "<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[999]]></wp:meta_value>"
      "</wp:postmeta>";
  const std::vector<Post> posts =
      read_wxr(wxr(wxr_item(1, "One", "publish", "2024-04-01 12:00:00", "2024-04-01 10:00:00", meta)), "export.xml",
               diagnostics);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].author, "someone");  // the login, when the export lists no such author
  EXPECT_EQ(posts[0].featured_media, 999);
  EXPECT_FALSE(posts[0].featured_image);
  ASSERT_EQ(diagnostics.warnings().size(), 1u);
  EXPECT_TRUE(contains(diagnostics.warnings()[0], "1 post names a featured image that the export does not hold"));
}

TEST(ReadWxr, SkipsPublishedPostsWithoutTitleOrContent) {
  Diagnostics diagnostics;
  std::string empty = wxr_item(2, "Empty", "publish", "2024-04-01 12:00:00", "2024-04-01 10:00:00");
  empty.replace(empty.find("Body of 2"), 9, "");
  const std::vector<Post> posts =
      read_wxr(wxr(wxr_item(1, "", "publish", "2024-04-01 12:00:00", "2024-04-01 10:00:00") + empty +
                   wxr_item(3, "Good", "publish", "2024-04-01 12:00:00", "2024-04-01 10:00:00")),
               "export.xml", diagnostics);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].id, 3);
  EXPECT_EQ(posts[0].content_html, "<p>Body of 3</p>");
  const std::vector<std::string> warnings = diagnostics.warnings();
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0], "export.xml [item 1]: post 1 has no title; skipped");
  EXPECT_EQ(warnings[1], "export.xml [item 2]: post 2 (\"Empty\") has no content; skipped");
}

TEST(ReadWxr, RejectsFeedsAndOtherDocuments) {
  Diagnostics diagnostics;
  EXPECT_THROW(read_wxr(fixture("wordpress-rss.xml"), "feed.xml", diagnostics), BuildError);
  EXPECT_THROW(read_wxr("<html></html>", "page.html", diagnostics), BuildError);
  try {
    read_wxr(fixture("atom.xml"), "atom.xml", diagnostics);
  } catch (const BuildError& error) {
    EXPECT_STREQ(error.what(), "atom.xml: is a feed, not a WordPress export (WXR); read it as a feed");
  }
}

TEST(ReadWxr, TrulyBrokenExportNamesTheLine) {
  Diagnostics diagnostics;
  std::string text = wxr(wxr_item(1, "One", "publish", "2024-04-01 12:00:00", "2024-04-01 10:00:00"));
  text.replace(text.find("</wp:post_id>"), 13, "</wp:post_ID>");
  try {
    read_wxr(text, "export.xml", diagnostics);
    FAIL() << "expected a BuildError";
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), "export.xml");
    EXPECT_TRUE(contains(error.what(), "export.xml: is not well-formed XML: line 6, column ")) << error.what();
  }
}

TEST(ReadWxr, LargeExportIsReadInReasonableTime) {
  // About 8 MB: 800 posts of 10 KB classic content each (bench: 50 MB in release).
  std::string body;
  for (int line = 0; line < 100; ++line) body += "A line of classic text that wpautop has to read, [b]bold[/b].\n\n";
  std::string items;
  for (int id = 1; id <= 800; ++id) {
    std::string item =
        wxr_item(id, "Post " + std::to_string(id), "publish", "2024-04-01 12:00:00", "2024-04-01 10:00:00");
    item.replace(item.find("Body of "), 8 + std::to_string(id).size(), body);
    items += item;
  }
  const std::string text = wxr(items);
  Diagnostics diagnostics;
  const auto start = std::chrono::steady_clock::now();
  const std::vector<Post> posts = read_wxr(text, "big.xml", diagnostics);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(posts.size(), 800u);
  EXPECT_TRUE(contains(posts[799].content_html, "<p>A line of classic text that wpautop has to read, bold.</p>"));
  EXPECT_LT(seconds, 60.0) << "generous: sanitizer builds are slow";
}

}  // namespace
}  // namespace pb::sources
