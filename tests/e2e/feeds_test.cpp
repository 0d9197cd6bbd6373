// Feeds and WordPress exports as INPUT: local files and feed URLs (with WordPress's ?paged=N
// pages), and books from each that pass epubcheck.
#include <gtest/gtest.h>

#include "e2e/support.h"
#include "support/test_http_server.h"

namespace pb::e2e {
namespace {

fs::path feed_fixture(const std::string& name) {
  return source_dir() / "tests/fixtures/feeds" / name;
}

nlohmann::json series_report(const std::vector<std::string>& inputs) {
  std::vector<std::string> args = {"series", "--json"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  const CommandResult result = postbinder(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return nlohmann::json::parse(result.out, nullptr, false);
}

TEST(Feeds, AnExportWithControlBytesIsReadAndOnlyPublishedPostsAppear) {
  const nlohmann::json report = series_report({feed_fixture("wxr-export.xml").string()});
  ASSERT_EQ(report["series"].size(), 1u) << report.dump();
  EXPECT_EQ(report["series"][0]["title"], "Sourdough from Scratch");
  EXPECT_EQ(report["series"][0]["parts"].size(), 3u);
  for (const nlohmann::json& post : report["standalone"]) EXPECT_NE(post["title"], "Draft: Rye Experiments");
}

TEST(Feeds, RssAndAtomFeedsGroupTheirItemsIntoSeries) {
  EXPECT_EQ(series_report({feed_fixture("wordpress-rss.xml").string()})["series"][0]["parts"].size(), 3u);
  const nlohmann::json atom = series_report({feed_fixture("atom.xml").string()});
  EXPECT_FALSE(atom.is_discarded());
}

TEST(Feeds, AFeedUrlIsReadPageByPage) {
  pb::testing::TestHttpServer server;
  const auto item = [&](int id, const std::string& title) {
    return "<item><title>" + title + "</title><link>" + server.url("/p" + std::to_string(id) + "/") +
           "</link><guid isPermaLink=\"false\">" + server.url("/?p=" + std::to_string(id)) + "</guid><pubDate>Mon, 0" +
           std::to_string(id) +
           " Apr 2024 10:00:00 +0000</pubDate>"
           "<content:encoded><![CDATA[<p>Text of " +
           title + ".</p>]]></content:encoded></item>";
  };
  const auto feed = [&](const std::string& items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
           "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Blog</title><link>" +
           server.url("/") + "</link>" + items + "</channel></rss>";
  };
  server.server().Get("/feed/", [&](const httplib::Request& request, httplib::Response& response) {
    const std::string page = request.has_param("paged") ? request.get_param_value("paged") : "1";
    if (page == "1")
      response.set_content(feed(item(3, "Knots, Part 3") + item(2, "Knots, Part 2")), "application/rss+xml");
    else if (page == "2")
      response.set_content(feed(item(1, "Knots, Part 1")), "application/rss+xml");
    else
      response.status = 404;
  });
  server.start();
  ScratchDir scratch;
  const CommandResult result = postbinder({"build", server.url("/feed/"), "-o", (scratch / "knots.epub").string(),
                                           "--cache-dir", (scratch / "cache").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(zip_entry(scratch / "knots.epub", "EPUB/chapter-01.xhtml").find("Text of Knots, Part 1."),
            std::string::npos);
  EXPECT_EQ(server.count("/feed/"), 3u);  // pages 1, 2 and the 404 that ends them
}

TEST(Feeds, XmlThatIsNotAFeedIsRefusedByName) {
  ScratchDir scratch;
  write_file(scratch / "notes.xml", "<?xml version=\"1.0\"?><notes><note>hi</note></notes>");
  const CommandResult result = postbinder({"series", (scratch / "notes.xml").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("notes.xml: is XML, but not an RSS or Atom feed"), std::string::npos) << result.err;
}

TEST(Feeds, BooksFromAnExportAndAFeedPassEpubcheck) {
  ScratchDir scratch;
  std::vector<fs::path> books;
  for (std::string name : {"wxr-export.xml", "wordpress-rss.xml"}) {
    const fs::path book = scratch / (name + ".epub");
    const CommandResult result =
        postbinder({"build", feed_fixture(name).string(), "--series", "sourdough-from-scratch", "-o", book.string(),
                    "--offline", "--cache-dir", (scratch / "cache").string()});
    ASSERT_EQ(result.exit_code, 0) << name << ": " << result.err;
    books.push_back(book);
  }
  std::string messages;
  for (const auto& [book, found] : epubcheck(books, &messages)) {
    EXPECT_EQ(found.errors, 0) << book << messages;
    EXPECT_EQ(found.warnings, 0) << book << messages;
  }
}

}  // namespace
}  // namespace pb::e2e
