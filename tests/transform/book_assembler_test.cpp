#include "transform/book_assembler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "common/digest.h"
#include "common/error.h"
#include "transform/model_dump.h"

namespace pb::transform {
namespace {

using test::dump;

sources::Post make_post(std::int64_t id, const std::string& slug, const std::string& content) {
  sources::Post post;
  post.id = id;
  post.slug = slug;
  post.title = "Title " + std::to_string(id);
  post.link = "https://www.example.org/2024/04/" + slug + "/";
  post.guid = "https://www.example.org/?p=" + std::to_string(id);
  post.date = "2024-04-1" + std::to_string(id % 10) + "T10:00:00";
  post.date_gmt = "2024-04-1" + std::to_string(id % 10) + "T14:00:00";
  post.modified_gmt = "2024-04-2" + std::to_string(id % 10) + "T14:00:00";
  post.content_html = content;
  post.status = "publish";
  post.origin = slug + ".json";
  return post;
}

// Keeps SOURCE_DATE_EPOCH unset during a test (and restores whatever the environment had).
class BookAssembler : public testing::Test {
 protected:
  void SetUp() override {
    if (const char* value = std::getenv("SOURCE_DATE_EPOCH")) saved_epoch_ = value;
    unsetenv("SOURCE_DATE_EPOCH");
    posts_.push_back(make_post(
        1, "part-1", "<p>First part. Next: <a href=\"https://example.org/2024/04/part-2/#more\">part 2</a></p>"));
    posts_.push_back(make_post(
        2, "part-2",
        "<h2>Title 2</h2><p>Back to <a href=\"http://example.org/?p=1\">part 1</a></p><h2 id=\"more\">More</h2>"));
    posts_.push_back(make_post(3, "part-3", "<p>Third</p>"));
  }
  void TearDown() override {
    if (saved_epoch_)
      setenv("SOURCE_DATE_EPOCH", saved_epoch_->c_str(), 1);
    else
      unsetenv("SOURCE_DATE_EPOCH");
  }

  BookRequest request(std::vector<std::size_t> order = {0, 1, 2}) {
    BookRequest r;
    for (std::size_t i : order) r.posts.push_back(&posts_[i]);
    r.parts = {1, 2, 3};
    r.title = "The Series";
    return r;
  }

  book::Book assemble(const BookRequest& r) { return assemble_book(r, diagnostics_); }

  std::vector<sources::Post> posts_;
  Diagnostics diagnostics_;
  std::optional<std::string> saved_epoch_;
};

TEST_F(BookAssembler, ChaptersInReadingOrder) {
  const book::Book book = assemble(request());
  ASSERT_EQ(book.chapters.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const book::Chapter& chapter = book.chapters[i];
    EXPECT_EQ(chapter.id, "chapter-0" + std::to_string(i + 1));
    EXPECT_EQ(chapter.title_id, chapter.id);
    EXPECT_EQ(chapter.title, "Title " + std::to_string(i + 1));
    EXPECT_EQ(chapter.post_id, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(chapter.part, static_cast<int>(i + 1));
    EXPECT_EQ(chapter.source_url, posts_[i].link);
    EXPECT_EQ(chapter.date, "2024-04-1" + std::to_string(i + 1));
  }
  const book::Book reversed = assemble(request({2, 1, 0}));
  EXPECT_EQ(reversed.chapters[0].title, "Title 3");
  EXPECT_EQ(reversed.chapters[2].title, "Title 1");
}

TEST_F(BookAssembler, ChapterIdsWidenForLongBooks) {
  std::vector<sources::Post> many;
  for (int i = 0; i < 105; ++i) many.push_back(make_post(i + 1, "p" + std::to_string(i), "<p>x</p>"));
  BookRequest r;
  for (const sources::Post& post : many) r.posts.push_back(&post);
  r.title = "Long";
  const book::Book book = assemble(r);
  ASSERT_EQ(book.chapters.size(), 105u);
  EXPECT_EQ(book.chapters[0].id, "chapter-001");
  EXPECT_EQ(book.chapters[104].id, "chapter-105");
  EXPECT_EQ(book.chapters[104].part, 0);  // no parts given
}

TEST_F(BookAssembler, ContentConvertedAndCrossLinksResolved) {
  const book::Book book = assemble(request());
  EXPECT_EQ(dump(book.chapters[0].blocks), "P[First part. Next: Link(@1#more)[part 2]]");
  // The repeated title heading is gone; the linked heading keeps its id.
  EXPECT_EQ(dump(book.chapters[1].blocks), "P[Back to Link(@0)[part 1]] H2#more[More]");
  EXPECT_EQ(dump(book.chapters[2].blocks), "P[Third]");
}

TEST_F(BookAssembler, LinkToADroppedTitleHeadingGoesToTheChapterStart) {
  posts_[0].content_html = R"(<p><a href="https://example.org/2024/04/part-2/#top">x</a></p>)";
  posts_[1].content_html = R"(<h1 id="top">Title 2</h1><p>Body</p>)";
  const book::Book book = assemble(request());
  EXPECT_EQ(dump(book.chapters[0].blocks), "P[Link(@1)[x]]");
  EXPECT_EQ(dump(book.chapters[1].blocks), "P[Body]");
}

TEST_F(BookAssembler, FootnotesLinkBothWaysAndUnusedIdsArePruned) {
  posts_[2].content_html =
      "<p id=\"unused\">Text<sup><a href=\"#fn1\" id=\"ref1\">1</a></sup></p>"
      "<ol><li id=\"fn1\">Note <a href=\"#ref1\">back</a></li><li id=\"fn2\">Unused note</li></ol>";
  const book::Book book = assemble(request());
  EXPECT_EQ(dump(book.chapters[2].blocks),
            "P[TextSup[{#ref1}Link(@2#fn1)[1]]] OL[LI#fn1[P[Note Link(@2#ref1)[back]]] LI[P[Unused note]]]");
}

TEST_F(BookAssembler, ProtectedPostsLeftOutWithAWarning) {
  posts_[1].is_protected = true;
  posts_[1].content_html = "";
  const book::Book book = assemble(request());
  ASSERT_EQ(book.chapters.size(), 2u);
  EXPECT_EQ(book.chapters[0].title, "Title 1");
  EXPECT_EQ(book.chapters[1].title, "Title 3");
  EXPECT_EQ(book.chapters[1].id, "chapter-02");
  EXPECT_EQ(book.chapters[1].part, 3);
  // The link to the left-out post stays a link to the web.
  EXPECT_EQ(dump(book.chapters[0].blocks),
            "P[First part. Next: Link(https://example.org/2024/04/part-2/#more)[part 2]]");
  const std::vector<std::string> warnings = diagnostics_.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("post 2 (part-2.json)"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("password-protected"), std::string::npos) << warnings[0];
}

TEST_F(BookAssembler, EveryPostProtectedIsAnError) {
  for (sources::Post& post : posts_) post.is_protected = true;
  EXPECT_THROW(assemble(request()), BuildError);
}

TEST_F(BookAssembler, PostWithNoReadableContentIsAnError) {
  posts_[2].content_html = "<p>&nbsp;</p><script>x()</script><form><input name=q></form>";
  try {
    assemble(request());
    FAIL() << "expected BuildError";
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), "part-3.json");
    EXPECT_NE(std::string(error.what()).find("post 3 has no readable content"), std::string::npos) << error.what();
  }
}

TEST_F(BookAssembler, IdentifierStableForTheSamePostsAndDifferentOtherwise) {
  const std::string first = assemble(request()).identifier;
  EXPECT_EQ(first.rfind("urn:uuid:", 0), 0u) << first;
  EXPECT_EQ(first.size(), 9u + 36u);
  EXPECT_EQ(assemble(request()).identifier, first);
  BookRequest retitled = request();
  retitled.title = "Another title";
  EXPECT_EQ(assemble(retitled).identifier, first);
  EXPECT_NE(assemble(request({0, 1})).identifier, first);
  EXPECT_NE(assemble(request({2, 1, 0})).identifier, first);
  posts_[2].link = "https://www.example.org/2024/04/part-3-renamed/";
  EXPECT_NE(assemble(request()).identifier, first);
}

TEST_F(BookAssembler, ModifiedIsTheLatestModification) {
  posts_[1].modified_gmt = "2024-05-01T00:00:00";
  EXPECT_EQ(assemble(request()).modified, std::time_t{1714521600});  // calendar.timegm((2024,5,1,0,0,0))
}

TEST_F(BookAssembler, ModifiedFallsBackToPublicationAndThen1980) {
  for (sources::Post& post : posts_) post.modified_gmt = "";
  EXPECT_EQ(assemble(request()).modified, std::time_t{1713016800});  // 2024-04-13T14:00:00, the latest date_gmt
  for (sources::Post& post : posts_) post.date_gmt = "not a date";
  EXPECT_EQ(assemble(request()).modified, std::time_t{315532800});
}

TEST_F(BookAssembler, SourceDateEpochWins) {
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  EXPECT_EQ(assemble(request()).modified, std::time_t{1700000000});
  setenv("SOURCE_DATE_EPOCH", "garbage", 1);
  EXPECT_NE(assemble(request()).modified, std::time_t{1700000000});
  unsetenv("SOURCE_DATE_EPOCH");
}

TEST_F(BookAssembler, AuthorsFromPostsInOrderWithoutRepeats) {
  posts_[0].author = "Ann";
  posts_[1].author = "Bob";
  posts_[2].author = "Ann";
  const book::Book book = assemble(request());
  EXPECT_EQ(book.authors, (std::vector<std::string>{"Ann", "Bob"}));
  EXPECT_EQ(book.chapters[1].author, "Bob");
}

TEST_F(BookAssembler, AuthorOptionOverridesEverything) {
  posts_[0].author = "Ann";
  BookRequest r = request();
  r.author = "Editor";
  const book::Book book = assemble(r);
  EXPECT_EQ(book.authors, (std::vector<std::string>{"Editor"}));
  EXPECT_EQ(book.chapters[0].author, "Editor");
  EXPECT_EQ(book.chapters[2].author, "Editor");
}

TEST_F(BookAssembler, AuthorFallsBackToTheSiteThenUnknown) {
  EXPECT_EQ(assemble(request()).authors, (std::vector<std::string>{"example.org"}));
  for (sources::Post& post : posts_) post.link = "";
  EXPECT_EQ(assemble(request()).authors, (std::vector<std::string>{"Unknown author"}));
}

// Regression (was a bug): authors_of() walks request.posts, which still holds the password-protected posts that
// assemble_book() leaves out, so the author of a post that is not in the book is credited.
TEST_F(BookAssembler, AuthorsOnlyFromBoundPosts) {
  posts_[0].author = "Ann";
  posts_[1].author = "Bob";
  posts_[1].is_protected = true;
  posts_[2].author = "Ann";
  EXPECT_EQ(assemble(request()).authors, (std::vector<std::string>{"Ann"}));
}

TEST_F(BookAssembler, BookMetadata) {
  posts_[0].categories = {"Uncategorized", "Recovery"};
  posts_[1].tags = {"attachment", "Recovery"};
  BookRequest r = request();
  r.language = "de";
  const book::Book book = assemble(r);
  EXPECT_EQ(book.title, "The Series");
  EXPECT_EQ(book.language, "de");
  EXPECT_EQ(book.publisher, "example.org");
  EXPECT_EQ(book.source, "https://www.example.org/2024/04/part-1/");
  EXPECT_EQ(book.date, "2024-04-11");
  EXPECT_EQ(book.subjects, (std::vector<std::string>{"Recovery", "attachment"}));
  EXPECT_EQ(book.description, "3 posts from example.org, bound by postbinder.");
  EXPECT_FALSE(book.series.has_value());
}

TEST_F(BookAssembler, SeriesMetadata) {
  BookRequest r = request();
  r.series = "What am I missing?";
  const book::Book book = assemble(r);
  ASSERT_TRUE(book.series.has_value());
  EXPECT_EQ(book.series->name, "What am I missing?");
  EXPECT_EQ(book.series->position, 1);
  EXPECT_EQ(book.series->identifier, "urn:uuid:" + digest::uuid_v5("postbinder-series:example.org/What am I missing?"));
  BookRequest other = request({0});
  other.series = "What am I missing?";
  EXPECT_EQ(assemble(other).series->identifier, book.series->identifier);  // same series, other selection
  other.series = "Another";
  EXPECT_NE(assemble(other).series->identifier, book.series->identifier);
}

TEST_F(BookAssembler, CoverFromTheFirstPostsFeaturedImage) {
  posts_[0].featured_image = sources::FeaturedImage{"https://i0.wp.com/example.org/cover.jpg?resize=300%2C200",
                                                    "Cover alt", "caption", 1200, 800};
  posts_[1].featured_image = sources::FeaturedImage{"https://example.org/second.jpg", "", "", 0, 0};
  const book::Book book = assemble(request());
  EXPECT_EQ(book.cover.source, "https://i0.wp.com/example.org/cover.jpg?w=1600&ssl=1");
  EXPECT_EQ(book.cover.alt, "Cover alt");
  EXPECT_EQ(book.cover.width, 1200);
  EXPECT_EQ(book.cover.height, 800);
  EXPECT_TRUE(book.cover.resource.empty());
}

TEST_F(BookAssembler, NoFeaturedImageNoCover) {
  const book::Book book = assemble(request());
  EXPECT_TRUE(book.cover.source.empty());
  EXPECT_TRUE(book.cover.failure.empty());
}

// The caller starts drawing a cover from what on_started gives, before any chapter converts:
// the metadata it sees must be the book's final metadata.
TEST_F(BookAssembler, OnStartedGivesTheFinishedMetadataBeforeAnyChapterConverts) {
  posts_[0].author = "Ann Writer";
  std::vector<std::string> events;
  std::optional<book::Book> started;
  BookRequest r = request();
  r.on_started = [&](const book::Book& book) {
    events.push_back("started");
    started = book;
  };
  r.on_images = [&](const std::vector<std::string>&) { events.push_back("images"); };
  posts_[1].content_html = R"(<p>A picture:</p><img src="https://example.org/a.jpg" alt="a">)";
  const book::Book book = assemble(r);
  ASSERT_TRUE(started.has_value());
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front(), "started");
  EXPECT_EQ(std::count(events.begin(), events.end(), "started"), 1);
  EXPECT_TRUE(started->chapters.empty());
  EXPECT_EQ(started->title, book.title);
  EXPECT_EQ(started->authors, book.authors);
  EXPECT_EQ(started->publisher, book.publisher);
  EXPECT_EQ(started->cover.source, book.cover.source);
  EXPECT_EQ(started->authors, std::vector<std::string>{"Ann Writer"});
}

TEST_F(BookAssembler, CoverSkipsAProtectedFirstPost) {
  posts_[0].is_protected = true;
  posts_[1].featured_image = sources::FeaturedImage{"https://example.org/second.jpg", "", "", 0, 0};
  EXPECT_EQ(assemble(request()).cover.source, "https://example.org/second.jpg");
}

TEST_F(BookAssembler, MaxImageWidthReachesImages) {
  posts_[2].content_html =
      R"(<img srcset="https://example.org/a-600.jpg 600w, https://example.org/a-1200.jpg 1200w" alt="a">)";
  BookRequest r = request();
  r.max_image_width = 800;
  EXPECT_EQ(dump(assemble(r).chapters[2].blocks), "Fig(https://example.org/a-600.jpg|a)");
}

TEST_F(BookAssembler, NonLinkablePostLinkIsNotASourceUrl) {
  posts_[0].link = "javascript:alert(1)";
  EXPECT_EQ(assemble(request()).chapters[0].source_url, "");
}

}  // namespace
}  // namespace pb::transform
