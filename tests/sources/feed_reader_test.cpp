#include "sources/feed_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "common/error.h"
#include "sources/feed_fields.h"

namespace pb::sources {
namespace {

using namespace std::string_literals;

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(POSTBINDER_FIXTURES) + "/feeds/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// An RSS 2.0 document around the given items.
std::string rss(const std::string& items) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n<title>Site</title>\n"
         "<link>https://example.org</link>\n" +
         items + "</channel>\n</rss>\n";
}

std::string item(const std::string& title, const std::string& link, const std::string& content) {
  return "<item><title>" + title + "</title><link>" + link +
         "</link><pubDate>Fri, 12 Apr 2024 14:15:30 +0000</pubDate><content:encoded><![CDATA[" + content +
         "]]></content:encoded></item>\n";
}

// The message of the BuildError that fn throws; fails the test when there is none.
template <typename Fn>
std::string build_error(Fn fn, const std::string& origin) {
  try {
    fn();
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), origin);
    return error.what();
  }
  ADD_FAILURE() << "expected a BuildError";
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// ---------------------------------------------------------------------------------------------

TEST(DetectXmlSource, RecognisesEachKind) {
  EXPECT_EQ(detect_xml_source(fixture("wordpress-rss.xml")), XmlSourceKind::Rss);
  EXPECT_EQ(detect_xml_source(fixture("atom.xml")), XmlSourceKind::Atom);
  EXPECT_EQ(detect_xml_source(fixture("wxr-export.xml")), XmlSourceKind::Wxr);
}

TEST(DetectXmlSource, LooksPastPrologueBomAndJunk) {
  EXPECT_EQ(detect_xml_source("\xEF\xBB\xBF\n<?xml version=\"1.0\"?>\n<!-- generator -->\n"
                              "<!DOCTYPE rss [<!ENTITY nbsp \"&#160;\">]>\n<rss version=\"0.91\"><channel/></rss>"),
            XmlSourceKind::Rss);
  EXPECT_EQ(detect_xml_source("Warning: x in functions.php\n<?xml version=\"1.0\"?><rss version=\"2.0\"/>"),
            XmlSourceKind::Rss);
  EXPECT_EQ(detect_xml_source("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\"/>"), XmlSourceKind::Atom);
  EXPECT_EQ(detect_xml_source("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                              "xmlns=\"http://purl.org/rss/1.0/\"><channel/></rdf:RDF>"),
            XmlSourceKind::Rss);
  EXPECT_EQ(detect_xml_source("<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.1/\"><channel/></rss>"),
            XmlSourceKind::Wxr);
}

TEST(DetectXmlSource, RejectsWhatIsNotAFeed) {
  EXPECT_EQ(detect_xml_source("<!DOCTYPE html>\n<html><head><title>Blog</title></head></html>"),
            XmlSourceKind::NotXmlFeed);
  EXPECT_EQ(detect_xml_source("{\"id\": 1}"), XmlSourceKind::NotXmlFeed);
  EXPECT_EQ(detect_xml_source(""), XmlSourceKind::NotXmlFeed);
  EXPECT_EQ(detect_xml_source("   \n"), XmlSourceKind::NotXmlFeed);
  EXPECT_EQ(detect_xml_source("<?xml version=\"1.0\"?><note><to>x</to></note>"), XmlSourceKind::NotXmlFeed);
  EXPECT_EQ(detect_xml_source("<feed><entry/></feed>"), XmlSourceKind::NotXmlFeed);  // not the Atom namespace
  EXPECT_EQ(detect_xml_source("plain text"), XmlSourceKind::NotXmlFeed);
}

// ---------------------------------------------------------------------------------------------
// RSS

TEST(ReadFeed, MapsEveryRssField) {
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(fixture("wordpress-rss.xml"), "feed.xml", diagnostics);
  EXPECT_TRUE(diagnostics.warnings().empty());
  ASSERT_EQ(posts.size(), 4u);

  const Post& part3 = posts[0];
  EXPECT_EQ(part3.id, 1043);
  EXPECT_EQ(part3.title, "Sourdough from Scratch, Part 3: The Bake");
  EXPECT_EQ(part3.link, "https://slowkitchen.example/2024/04/19/sourdough-from-scratch-part-3/");
  EXPECT_EQ(part3.guid, "https://slowkitchen.example/?p=1043");
  EXPECT_EQ(part3.slug, "sourdough-from-scratch-part-3");
  EXPECT_EQ(part3.date, "2024-04-19T14:15:30");
  EXPECT_EQ(part3.date_gmt, "2024-04-19T14:15:30");
  EXPECT_EQ(part3.author, "Mara Olsen");
  EXPECT_EQ(part3.categories, (std::vector<std::string>{"Baking", "sourdough"}));
  EXPECT_TRUE(part3.tags.empty());
  EXPECT_EQ(part3.status, "publish");
  EXPECT_FALSE(part3.is_protected);
  EXPECT_FALSE(part3.featured_image);
  EXPECT_EQ(part3.origin, "feed.xml [item 1]");
  EXPECT_TRUE(part3.base_dir.empty());
  EXPECT_TRUE(contains(part3.content_html, "<p>Bake day is the reward.</p>"));
  EXPECT_TRUE(contains(part3.content_html, "<li>Bake covered for 20 minutes</li>"));
  EXPECT_FALSE(contains(part3.content_html, "Continue reading"));  // the description is not used

  EXPECT_EQ(posts[1].title, "Sourdough from Scratch, Part 2: Feeding & Schedule");
  EXPECT_EQ(posts[1].id, 1032);
  EXPECT_TRUE(contains(posts[1].content_html, "<pre>\nDay 1: 50 g flour + 50 g water\n\nDay 2"));
  EXPECT_EQ(posts[2].title, "Why I Weigh Everything");
  EXPECT_EQ(posts[2].author, "Jon Bakker");
  EXPECT_EQ(posts[2].categories, (std::vector<std::string>{"Kitchen & Tools"}));
  EXPECT_EQ(posts[3].title, "Sourdough from Scratch, Part 1: What\u2019s a Starter?");
  EXPECT_EQ(posts[3].date_gmt, "2024-04-05T14:15:30");
  EXPECT_EQ(posts[3].origin, "feed.xml [item 4]");
}

TEST(ReadFeed, FallsBackToTheDescriptionWithOneWarning) {
  const std::string feed = rss(
      "<item><title>One</title><link>https://example.org/one/</link><pubDate>Fri, 12 Apr 2024 14:15:30 +0000</pubDate>"
      "<description>&lt;p&gt;Summary one&lt;/p&gt;</description></item>\n"
      "<item><title>Two</title><link>https://example.org/two/</link><pubDate>Fri, 12 Apr 2024 14:15:30 +0000</pubDate>"
      "<description><![CDATA[<p>Summary two</p>]]></description></item>\n");
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(feed, "https://example.org/feed/", diagnostics);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].content_html, "<p>Summary one</p>");
  EXPECT_EQ(posts[1].content_html, "<p>Summary two</p>");
  ASSERT_EQ(diagnostics.warnings().size(), 1u);
  EXPECT_TRUE(contains(diagnostics.warnings()[0], "2 of its 2 items have no content:encoded"));
  EXPECT_TRUE(contains(diagnostics.warnings()[0], "Full text"));
}

TEST(ReadFeed, DerivesStableIdsWhenTheGuidHasNone) {
  const std::string feed = rss(item("One", "https://example.org/2024/04/one/", "<p>1</p>") +
                               item("Two", "https://example.org/2024/04/two/", "<p>2</p>") +
                               "<item><title>Three</title><link>https://example.org/three/</link>"
                               "<guid>https://example.org/?p=77</guid><content:encoded>x</content:encoded></item>\n"
                               "<item><title>Four</title><guid isPermaLink=\"true\">https://example.org/four/</guid>"
                               "<post-id xmlns=\"com-wordpress:feed-additions:1\">88</post-id>"
                               "<content:encoded>x</content:encoded></item>\n");
  Diagnostics diagnostics;
  const std::vector<Post> first = read_feed(feed, "feed.xml", diagnostics);
  const std::vector<Post> second = read_feed(feed, "feed.xml", diagnostics);
  ASSERT_EQ(first.size(), 4u);
  EXPECT_EQ(first[0].id, synthetic_post_id("https://example.org/2024/04/one/"));
  EXPECT_GE(first[0].id, kFirstSyntheticPostId);
  EXPECT_NE(first[0].id, first[1].id);
  EXPECT_EQ(first[0].id, second[0].id);
  EXPECT_EQ(first[1].id, second[1].id);
  EXPECT_EQ(first[2].id, 77);
  EXPECT_EQ(first[3].id, 88);
  EXPECT_EQ(first[3].link, "https://example.org/four/");  // a permalink guid stands in for the link
  EXPECT_EQ(first[3].slug, "four");
}

TEST(ReadFeed, ReadsDatesInAnyZone) {
  const std::string feed =
      rss("<item><title>T</title><link>https://example.org/t/</link><pubDate>Fri, 12 Apr 2024 10:15:30 EDT</pubDate>"
          "<content:encoded>x</content:encoded></item>\n"
          "<item><title>U</title><link>https://example.org/u/</link><pubDate>not a date</pubDate>"
          "<content:encoded>x</content:encoded></item>\n");
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(feed, "feed.xml", diagnostics);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].date, "2024-04-12T10:15:30");
  EXPECT_EQ(posts[0].date_gmt, "2024-04-12T14:15:30");
  EXPECT_EQ(posts[1].date, "");
  ASSERT_EQ(diagnostics.warnings().size(), 1u);
  EXPECT_EQ(diagnostics.warnings()[0], "feed.xml [item 2]: has an unreadable date \"not a date\"");
}

TEST(ReadFeed, SkipsItemsWithoutTitleOrContent) {
  const std::string feed =
      rss(item("", "https://example.org/a/", "<p>x</p>") + item("No content", "https://example.org/b/", " \n ") +
          item("Good", "https://example.org/c/", "<p>fine</p>"));
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(feed, "feed.xml", diagnostics);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].title, "Good");
  const std::vector<std::string> warnings = diagnostics.warnings();
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0], "feed.xml [item 1]: item 1 has no title; skipped");
  EXPECT_EQ(warnings[1], "feed.xml [item 2]: item 2 (\"No content\") has no content; skipped");
}

TEST(ReadFeed, FeedWhoseItemsAreAllUnusableIsAnError) {
  Diagnostics diagnostics;
  const std::string message = build_error(
      [&] { read_feed(rss(item("", "https://example.org/a/", "x")), "feed.xml", diagnostics); }, "feed.xml");
  EXPECT_TRUE(contains(message, "none of its 1 items could be read"));
}

TEST(ReadFeed, EmptyFeedIsAnError) {
  Diagnostics diagnostics;
  EXPECT_EQ(
      build_error([&] { read_feed(rss(""), "https://example.org/feed/", diagnostics); }, "https://example.org/feed/"),
      "https://example.org/feed/: holds no items: the feed is empty");
  EXPECT_TRUE(contains(build_error(
                           [&] {
                             read_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>",
                                       "atom.xml", diagnostics);
                           },
                           "atom.xml"),
                       "no items"));
}

TEST(ReadFeed, FlagsPasswordProtectedItems) {
  const std::string form =
      "<form action=\"https://example.org/wp-login.php?action=postpass\" class=\"post-password-form\" "
      "method=\"post\"><p>This content is password protected.</p></form>";
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(
      rss(item("Secret", "https://example.org/s/", form) + item("Open", "https://example.org/o/", "<p>x</p>")),
      "feed.xml", diagnostics);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_TRUE(posts[0].is_protected);
  EXPECT_FALSE(posts[1].is_protected);
}

TEST(ReadFeed, RepairsControlBytesAndInvalidUtf8) {
  const std::string feed =
      rss("<item><title>Part\x0B 1: What&#8217;s&#x3; new\x03</title><link>https://example.org/p1/</link>"
          "<dc:creator>Ann\xFF</dc:creator><pubDate>Fri, 12 Apr 2024 14:15:30 +0000</pubDate>"
          "<content:encoded><![CDATA[<p>Text\x03 with &#x3;control</p>]]></content:encoded></item>\n");
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(feed, "feed.xml", diagnostics);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].title, "Part 1: What\u2019s new");
  EXPECT_EQ(posts[0].content_html, "<p>Text with control</p>");
  EXPECT_EQ(posts[0].author, "Ann\uFFFD");
  ASSERT_EQ(diagnostics.warnings().size(), 1u);
  EXPECT_EQ(diagnostics.warnings()[0],
            "feed.xml: repaired invalid XML: removed 3 characters XML forbids (control bytes), removed 2 character "
            "references to characters XML forbids (such as &#x3;), replaced 1 invalid UTF-8 byte with U+FFFD");
}

TEST(ReadFeed, DoubleEncodedForbiddenReferencesLeaveTheContent) {
  // Escaped HTML in a description: "&amp;#x3;" becomes "&#x3;" in the HTML.
  const std::string feed =
      rss("<item><title>T</title><link>https://example.org/t/</link>"
          "<description>&lt;p&gt;a&amp;#x3;b&lt;/p&gt;</description></item>\n");
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(feed, "feed.xml", diagnostics);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].content_html, "<p>ab</p>");
}

TEST(ReadFeed, ReadsRss1) {
  const std::string feed =
      "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
      "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
      "<channel rdf:about=\"https://example.org/feed/rdf/\"><title>Site</title></channel>\n"
      "<item "
      "rdf:about=\"https://example.org/2024/04/one/\"><title>One</title><link>https://example.org/2024/04/one/</link>"
      "<dc:date>2024-04-12T16:15:30+02:00</dc:date><dc:creator>Ann</dc:creator><dc:subject>News</dc:subject>"
      "<description>Short</description><content:encoded><![CDATA[<p>Full</p>]]></content:encoded></item>\n"
      "</rdf:RDF>\n";
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(feed, "rdf.xml", diagnostics);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].title, "One");
  EXPECT_EQ(posts[0].guid, "https://example.org/2024/04/one/");
  EXPECT_EQ(posts[0].date, "2024-04-12T16:15:30");
  EXPECT_EQ(posts[0].date_gmt, "2024-04-12T14:15:30");
  EXPECT_EQ(posts[0].author, "Ann");
  EXPECT_EQ(posts[0].categories, std::vector<std::string>{"News"});
  EXPECT_EQ(posts[0].content_html, "<p>Full</p>");
}

TEST(ReadFeed, ReadsMediaThumbnailAsFeaturedImage) {
  const std::string feed =
      "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><item><title>T</title>"
      "<link>https://example.org/t/</link><description>x</description>"
      "<media:thumbnail url=\"https://example.org/t.jpg\" width=\"640\" height=\"480\"/></item></channel></rss>";
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(feed, "feed.xml", diagnostics);
  ASSERT_EQ(posts.size(), 1u);
  ASSERT_TRUE(posts[0].featured_image);
  EXPECT_EQ(posts[0].featured_image->url, "https://example.org/t.jpg");
  EXPECT_EQ(posts[0].featured_image->width, 640);
}

TEST(ReadFeed, BrokenXmlNamesOriginLineAndProblem) {
  Diagnostics diagnostics;
  const std::string broken =
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<item><title>x</title>\n</channel>\n</rss>\n";
  const std::string message = build_error([&] { read_feed(broken, "broken.xml", diagnostics); }, "broken.xml");
  EXPECT_TRUE(contains(message, "broken.xml: is not well-formed XML: line 5, column")) << message;
  EXPECT_TRUE(contains(message, "mismatch")) << message;
}

TEST(ReadFeed, BrokenXmlAfterRepairsSaysWhatWasRepaired) {
  Diagnostics diagnostics;
  const std::string broken = "<rss version=\"2.0\"><channel><item><title>x\x03</titl></item></channel></rss>";
  const std::string message = build_error([&] { read_feed(broken, "broken.xml", diagnostics); }, "broken.xml");
  EXPECT_TRUE(contains(message, "line 1, column ")) << message;
  EXPECT_TRUE(contains(message, "after removing what XML forbids: removed 1 character")) << message;
}

TEST(ReadFeed, RejectsDocumentsThatAreNotFeeds) {
  Diagnostics diagnostics;
  EXPECT_EQ(
      build_error(
          [&] { read_feed("<!DOCTYPE html><html><body>Blog</body></html>", "https://example.org/", diagnostics); },
          "https://example.org/"),
      "https://example.org/: is not an RSS or Atom feed: it is an HTML page, not a feed");
  EXPECT_EQ(build_error([&] { read_feed("{\"id\": 1}", "post.json", diagnostics); }, "post.json"),
            "post.json: is not an RSS or Atom feed: it looks like JSON");
  EXPECT_EQ(build_error([&] { read_feed("", "empty.xml", diagnostics); }, "empty.xml"),
            "empty.xml: is not an RSS or Atom feed: it is empty");
  EXPECT_EQ(build_error([&] { read_feed("<note/>", "note.xml", diagnostics); }, "note.xml"),
            "note.xml: is not an RSS or Atom feed: its root element is <note>");
}

// ---------------------------------------------------------------------------------------------
// Atom

TEST(ReadFeed, MapsEveryAtomField) {
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(fixture("atom.xml"), "https://slowkitchen.example/feed/atom/", diagnostics);
  EXPECT_TRUE(diagnostics.warnings().empty());
  ASSERT_EQ(posts.size(), 3u);

  const Post& part1 = posts[0];
  EXPECT_EQ(part1.id, 1021);
  EXPECT_EQ(part1.title, "Sourdough from Scratch, Part 1: What\u2019s a Starter?");
  EXPECT_EQ(part1.link, "https://slowkitchen.example/2024/04/05/sourdough-from-scratch-part-1/");
  EXPECT_EQ(part1.guid, "https://slowkitchen.example/?p=1021");
  EXPECT_EQ(part1.slug, "sourdough-from-scratch-part-1");
  EXPECT_EQ(part1.date, "2024-04-05T14:15:30");
  EXPECT_EQ(part1.date_gmt, "2024-04-05T14:15:30");
  EXPECT_EQ(part1.modified_gmt, "2024-04-06T08:00:00");
  EXPECT_EQ(part1.author, "Mara Olsen");
  EXPECT_EQ(part1.categories, (std::vector<std::string>{"Baking", "sourdough"}));
  EXPECT_EQ(part1.status, "publish");
  EXPECT_EQ(part1.origin, "https://slowkitchen.example/feed/atom/ [item 1]");
  EXPECT_EQ(part1.content_html,
            "<p>Every loaf of sourdough starts with a starter: flour, water and patience.</p>\n"
            "<p>Mix 50 g of flour with 50 g of water.</p>\n");

  const Post& part2 = posts[1];  // xhtml title and content, a link without rel, no author, a tag: id
  EXPECT_EQ(part2.title, "Sourdough from Scratch, Part 2: Feeding & Schedule");
  EXPECT_EQ(part2.link, "https://slowkitchen.example/2024/04/12/sourdough-from-scratch-part-2/");
  EXPECT_EQ(part2.guid, "tag:slowkitchen.example,2024-04-12:/sourdough-from-scratch-part-2");
  EXPECT_EQ(part2.id, synthetic_post_id(part2.link));
  EXPECT_EQ(part2.date_gmt, "2024-04-12T14:15:30");                 // updated stands in for published
  EXPECT_EQ(part2.author, "The Slow Kitchen team");                 // the feed's author
  EXPECT_EQ(part2.categories, std::vector<std::string>{"Baking"});  // label before term
  EXPECT_EQ(
      part2.content_html,
      "<p>Feeding keeps the starter <strong>alive</strong> <em>and</em> happy.</p>\n<p>Keep notes: they help.</p>");

  const Post& part3 = posts[2];  // text title and content, a relative link, a zone offset
  EXPECT_EQ(part3.id, 1043);
  EXPECT_EQ(part3.title, "Sourdough from Scratch, Part 3: The Bake <for real>");
  EXPECT_EQ(part3.link, "https://slowkitchen.example/2024/04/19/sourdough-from-scratch-part-3/");
  EXPECT_EQ(part3.date, "2024-04-19T10:15:30");
  EXPECT_EQ(part3.date_gmt, "2024-04-19T14:15:30");
  EXPECT_EQ(part3.modified_gmt, "2024-04-19T14:20:00");
  EXPECT_EQ(part3.content_html,
            "<p>Bake day is the reward &amp; the test.</p>\n"
            "<p>Preheat the pot for an hour.\nBake covered for 20 minutes.</p>\n");
}

TEST(ReadFeed, AtomSummaryStandsInForMissingContent) {
  const std::string feed =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>T</title><id>https://example.org/?p=5</id>"
      "<link rel=\"alternate\" href=\"https://example.org/t/\"/><link rel=\"enclosure\" "
      "href=\"https://example.org/t.mp3\"/>"
      "<updated>2024-04-05T14:15:30Z</updated><summary type=\"html\">&lt;p&gt;Short&lt;/p&gt;</summary>"
      "<content src=\"https://example.org/t.html\"/></entry></feed>";
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(feed, "atom.xml", diagnostics);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].id, 5);
  EXPECT_EQ(posts[0].link, "https://example.org/t/");
  EXPECT_EQ(posts[0].content_html, "<p>Short</p>");
}

// ---------------------------------------------------------------------------------------------
// A WXR export handed to read_feed is read as an export.

TEST(ReadFeed, HandsExportsToTheWxrReader) {
  Diagnostics diagnostics;
  const std::vector<Post> posts = read_feed(fixture("wxr-export.xml"), "export.xml", diagnostics);
  ASSERT_EQ(posts.size(), 5u);
  EXPECT_EQ(posts[0].id, 1021);
  EXPECT_TRUE(contains(posts[0].content_html, "<figcaption"));  // shortcodes expanded: read as WXR
}

}  // namespace
}  // namespace pb::sources
