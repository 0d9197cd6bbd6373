// Live WordPress sites through the REST API, against a fake site on 127.0.0.1: discovery by
// every route, pagination, a series found from one post URL, filters, protected posts, the
// cache, and each way a site can fail.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "e2e/support.h"
#include "support/fake_wordpress.h"

namespace pb::e2e {
namespace {

using pb::testing::FakeWordPress;

// A three-part series, a standalone post and a protected post.
void add_series(FakeWordPress& site) {
  site.add_user(1, "Ana Ferreira");
  site.add_category(5, "gardening", "Gardening");
  site.add_post(10, "Raised Beds, Part 1: Planning",
                "<p>Plan the <a href=\"" + site.post_url("raised-beds-part-2") + "\">beds</a>.</p>",
                "raised-beds-part-1", "2024-03-01T09:00:00")["categories"] = {5};
  site.add_post(11, "Raised Beds, Part 2: Building",
                "<p>Build them. Back to <a href=\"" + site.post_url("raised-beds-part-1") + "\">part one</a>.</p>",
                "raised-beds-part-2", "2024-03-08T09:00:00")["categories"] = {5};
  site.add_post(12, "Raised Beds, Part 3: Filling",
                "<p>Fill them. See <a href=\"" + site.post_url("raised-beds-part-2") + "\">part two</a>.</p>",
                "raised-beds-part-3", "2024-03-15T09:00:00")["categories"] = {5};
  site.add_post(20, "Why I Garden", "<p>Because.</p>", "why-i-garden", "2024-02-01T09:00:00");
  nlohmann::json& locked = site.add_post(30, "Members Only, Part 1", "", "members-only-part-1", "2024-01-01T09:00:00");
  locked["content"]["protected"] = true;
}

std::vector<std::string> cache_args(const ScratchDir& scratch) {
  return {"--cache-dir", (scratch / "cache").string()};
}

CommandResult series_json(const std::string& url, const ScratchDir& scratch, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"series", "--json", url};
  for (const std::string& arg : cache_args(scratch)) args.push_back(arg);
  args.insert(args.end(), extra.begin(), extra.end());
  return postbinder(args);
}

TEST(LiveSite, ListsTheSeriesOfASiteFoundThroughTheLinkHeader) {
  FakeWordPress site(FakeWordPress::Mode::Pretty);
  add_series(site);
  site.start();
  ScratchDir scratch;
  const CommandResult result = series_json(site.home(), scratch);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json report = nlohmann::json::parse(result.out);
  ASSERT_EQ(report["series"].size(), 2u) << result.out;  // Raised Beds, and the protected Members Only
  const nlohmann::json* beds = nullptr;
  for (const nlohmann::json& series : report["series"])
    if (series["title"] == "Raised Beds") beds = &series;
  ASSERT_NE(beds, nullptr) << result.out;
  EXPECT_EQ((*beds)["parts"].size(), 3u);
  EXPECT_EQ((*beds)["parts"][0]["id"], 10);
  EXPECT_EQ(report["standalone"].size(), 1u);
  // Only the fields the collector needs were asked for.
  bool asked_fields = false;
  for (const auto& request : site.server().requests())
    if (request.path == "/wp-json/wp/v2/posts" && request.method == "GET") asked_fields = true;
  EXPECT_TRUE(asked_fields);
}

TEST(LiveSite, TextListingMarksProtectedPosts) {
  FakeWordPress site(FakeWordPress::Mode::Pretty);
  add_series(site);
  site.start();
  ScratchDir scratch;
  std::vector<std::string> args = {"series", site.home()};
  for (const std::string& arg : cache_args(scratch)) args.push_back(arg);
  const CommandResult result = postbinder(args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Members Only, Part 1  [password-protected]"), std::string::npos) << result.out;
}

TEST(LiveSite, FollowsPaginationAndStopsAtAPagePastTheEnd) {
  FakeWordPress site(FakeWordPress::Mode::Pretty);
  for (int i = 1; i <= 230; ++i)
    site.add_post(1000 + i, "Daily Note " + std::to_string(i), "<p>Note.</p>", "note-" + std::to_string(i),
                  "2023-01-01T00:00:00");
  site.overstate_pages(2);  // WordPress can claim pages that no longer exist
  site.start();
  ScratchDir scratch;
  const CommandResult result = series_json(site.home(), scratch);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(nlohmann::json::parse(result.out)["standalone"].size(), 230u);
  EXPECT_GE(site.server().count("/wp-json/wp/v2/posts"), 4u);  // probe + pages 1, 2, 3 (+ the 400s)
}

TEST(LiveSite, OnePostUrlBindsTheWholeSeries) {
  FakeWordPress site(FakeWordPress::Mode::Pretty);
  add_series(site);
  site.start();
  ScratchDir scratch;
  std::vector<std::string> args = {"build", site.post_url("raised-beds-part-2"), "-o",
                                   (scratch / "beds.epub").string()};
  for (const std::string& arg : cache_args(scratch)) args.push_back(arg);
  const CommandResult result = postbinder(args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string opf = zip_entry(scratch / "beds.epub", "EPUB/content.opf");
  EXPECT_NE(opf.find("<dc:title>Raised Beds</dc:title>"), std::string::npos) << opf;
  EXPECT_NE(opf.find(">Ana Ferreira</dc:creator>"), std::string::npos) << opf;
  EXPECT_NE(zip_entry(scratch / "beds.epub", "EPUB/chapter-03.xhtml").find("Raised Beds, Part 3: Filling"),
            std::string::npos);
  // Part 2 links to part 1: a link between chapters now.
  EXPECT_NE(zip_entry(scratch / "beds.epub", "EPUB/chapter-02.xhtml").find("href=\"chapter-01.xhtml\""),
            std::string::npos);
}

TEST(LiveSite, FindsThePartsByFollowingLinksWhenSearchFindsNothing) {
  FakeWordPress site(FakeWordPress::Mode::Pretty);
  add_series(site);
  site.break_search();
  site.start();
  ScratchDir scratch;
  std::vector<std::string> args = {"series", "--json", site.post_url("raised-beds-part-3")};
  for (const std::string& arg : cache_args(scratch)) args.push_back(arg);
  const CommandResult result = postbinder(args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json report = nlohmann::json::parse(result.out);
  ASSERT_EQ(report["series"].size(), 1u) << result.out;
  EXPECT_EQ(report["series"][0]["parts"].size(), 3u) << result.out;
}

// The API found through each discovery route: the Link header (above), the page's <link>
// element, and the /wp-json/ guess when the site advertises nothing.
TEST(LiveSite, FindsTheApiThroughTheLinkElementAndByGuessing) {
  for (const FakeWordPress::Mode mode : {FakeWordPress::Mode::LinkElementOnly, FakeWordPress::Mode::Undiscoverable}) {
    FakeWordPress site(mode);
    add_series(site);
    site.start();
    ScratchDir scratch;
    const CommandResult result = series_json(site.post_url("raised-beds-part-1"), scratch);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(nlohmann::json::parse(result.out)["series"][0]["parts"].size(), 3u) << result.out;
  }
}

TEST(LiveSite, SitesWithoutPrettyPermalinksUseRestRoute) {
  FakeWordPress site(FakeWordPress::Mode::PlainOnly);
  add_series(site);
  site.start();
  ScratchDir scratch;
  const fs::path book = scratch / "beds.epub";
  std::vector<std::string> args = {"build", site.home(), "--series", "raised beds", "-o", book.string()};
  for (const std::string& arg : cache_args(scratch)) args.push_back(arg);
  const CommandResult result = postbinder(args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(site.server().count("/wp-json/wp/v2/posts"), 0u);
  EXPECT_NE(zip_entry(book, "EPUB/chapter-01.xhtml").find("Plan the"), std::string::npos);
}

TEST(LiveSite, CategoryFiltersAndArchiveUrlsSelectPosts) {
  FakeWordPress site(FakeWordPress::Mode::Pretty);
  add_series(site);
  site.start();
  ScratchDir scratch;
  for (const auto& [url, extra] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {site.home(), {"--category", "gardening"}}, {site.server().url("/category/gardening/"), {}}}) {
    const CommandResult result = series_json(url, scratch, extra);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const nlohmann::json report = nlohmann::json::parse(result.out);
    EXPECT_EQ(report["series"].size(), 1u) << result.out;
    EXPECT_EQ(report["standalone"].size(), 0u) << result.out;
  }
  const CommandResult after = series_json(site.home(), scratch, {"--after", "2024-03-05"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(nlohmann::json::parse(after.out)["series"][0]["parts"].size(), 2u) << after.out;
  const CommandResult unknown = series_json(site.home(), scratch, {"--category", "knitting"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no category \"knitting\""), std::string::npos) << unknown.err;
}

TEST(LiveSite, ProtectedPostsAreLeftOutOfTheBookWithAWarning) {
  FakeWordPress site(FakeWordPress::Mode::Pretty);
  add_series(site);
  site.add_post(31, "Members Only, Part 2", "<p>Open.</p>", "members-only-part-2", "2024-01-08T09:00:00");
  site.start();
  ScratchDir scratch;
  std::vector<std::string> args = {"build",        site.home(), "--series",
                                   "members-only", "-o",        (scratch / "m.epub").string()};
  for (const std::string& arg : cache_args(scratch)) args.push_back(arg);
  const CommandResult result = postbinder(args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("password-protected"), std::string::npos) << result.err;
  EXPECT_EQ(zip_entry(scratch / "m.epub", "EPUB/chapter-02.xhtml"), "");
}

TEST(LiveSite, ASecondListingFetchesNoUnchangedPage) {
  FakeWordPress site(FakeWordPress::Mode::Pretty);
  add_series(site);
  site.start();
  ScratchDir scratch;
  ASSERT_EQ(series_json(site.home(), scratch).exit_code, 0);
  const std::size_t before = site.server().requests().size();
  const CommandResult second = series_json(site.home(), scratch);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const auto requests = site.server().requests();
  ASSERT_GT(requests.size(), before);
  for (std::size_t i = before; i < requests.size(); ++i) {
    if (requests[i].path.starts_with("/wp-json/")) {
      EXPECT_TRUE(requests[i].headers.contains("if-none-match")) << requests[i].path << " was not conditional";
    }
  }
  EXPECT_NE(second.err.find("0 downloaded"), std::string::npos) << second.err;
}

struct SiteFailure {
  FakeWordPress::Mode mode;
  std::string message;
};

class LiveSiteFailure : public ::testing::TestWithParam<SiteFailure> {};

TEST_P(LiveSiteFailure, SaysWhatIsWrongAndWritesNothing) {
  FakeWordPress site(GetParam().mode);
  add_series(site);
  site.start();
  ScratchDir scratch;
  std::vector<std::string> args = {"build", site.home(), "-o", (scratch / "x.epub").string()};
  for (const std::string& arg : cache_args(scratch)) args.push_back(arg);
  const CommandResult result = postbinder(args);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find(GetParam().message), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(scratch / "x.epub"));
}

INSTANTIATE_TEST_SUITE_P(Modes, LiveSiteFailure,
                         ::testing::Values(SiteFailure{FakeWordPress::Mode::Locked, "security plugin"},
                                           SiteFailure{FakeWordPress::Mode::Locked, "/feed/"},
                                           SiteFailure{FakeWordPress::Mode::NoApi, "has no REST API"},
                                           SiteFailure{FakeWordPress::Mode::NoApi, "/feed/"},
                                           SiteFailure{FakeWordPress::Mode::NotWordPress,
                                                       "does not look like a WordPress site"}));

TEST(LiveSite, AnUnreachableHostIsNamed) {
  // A port that was free a moment ago: bound, then closed, so nothing listens on it.
  const int probe = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  socklen_t length = sizeof address;
  getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length);
  close(probe);
  const int port = ntohs(address.sin_port);
  ScratchDir scratch;
  const CommandResult result = postbinder(
      {"series", "http://127.0.0.1:" + std::to_string(port) + "/", "--cache-dir", (scratch / "cache").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cannot reach 127.0.0.1"), std::string::npos) << result.err;
}

TEST(LiveSite, BooksFromALiveSitePassEpubcheck) {
  FakeWordPress site(FakeWordPress::Mode::Pretty);
  add_series(site);
  site.start();
  ScratchDir scratch;
  std::vector<std::string> args = {"build", site.home(), "--all", "-o", (scratch / "books").string()};
  for (const std::string& arg : cache_args(scratch)) args.push_back(arg);
  const CommandResult result = postbinder(args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<fs::path> books;
  for (const auto& entry : fs::directory_iterator(scratch / "books")) books.push_back(entry.path());
  ASSERT_EQ(books.size(), 1u);  // the protected-only series is skipped with a warning
  EXPECT_NE(result.err.find("every part is password-protected"), std::string::npos) << result.err;
  std::string messages;
  for (const auto& [book, found] : epubcheck(books, &messages)) {
    EXPECT_EQ(found.errors, 0) << book << messages;
    EXPECT_EQ(found.warnings, 0) << book << messages;
  }
}

}  // namespace
}  // namespace pb::e2e
