#include "epub/layout.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "epub/sample_book.h"

namespace pb::epub {
namespace {

using test::sample_book;
using test::ScratchFolder;

std::vector<std::string> hrefs(const Layout& layout) {
  std::vector<std::string> result;
  for (const Item& item : layout.items) result.push_back(item.href);
  return result;
}

TEST(Layout, NamesFilesAfterChapterAndResourceIds) {
  ScratchFolder folder;
  const book::Book book = sample_book(folder);
  const Layout layout = plan_layout(book);
  EXPECT_EQ(hrefs(layout), (std::vector<std::string>{"nav.xhtml", "toc.ncx", "style.css", "cover.xhtml", "title.xhtml",
                                                     "chapter-01.xhtml", "chapter-02.xhtml", "images/img-001.png",
                                                     "images/cover.png"}));
  EXPECT_EQ(layout.chapter_hrefs, (std::vector<std::string>{"chapter-01.xhtml", "chapter-02.xhtml"}));
  EXPECT_EQ(layout.resource_hrefs.at("img-001"), "images/img-001.png");
  EXPECT_EQ(layout.cover, &book.resources[1]);
  EXPECT_EQ(layout.identifier, book.identifier);
  const book::XhtmlOptions options = layout.xhtml_options();
  EXPECT_EQ(options.chapter_href(1), "chapter-02.xhtml");
  EXPECT_EQ(options.resource_href(book.resources[0]), "images/img-001.png");
  EXPECT_EQ(options.stylesheet_href, "style.css");
}

TEST(Layout, SpineIsCoverTitleContentsChapters) {
  ScratchFolder folder;
  book::Book book = sample_book(folder);
  Layout layout = plan_layout(book);
  std::vector<std::string> spine;
  for (std::size_t index : layout.spine) spine.push_back(layout.items[index].href);
  EXPECT_EQ(spine, (std::vector<std::string>{"cover.xhtml", "title.xhtml", "nav.xhtml", "chapter-01.xhtml",
                                             "chapter-02.xhtml"}));

  book.cover.resource.clear();
  layout = plan_layout(book);
  EXPECT_FALSE(layout.has_cover());
  spine.clear();
  for (std::size_t index : layout.spine) spine.push_back(layout.items[index].href);
  EXPECT_EQ(spine, (std::vector<std::string>{"title.xhtml", "nav.xhtml", "chapter-01.xhtml", "chapter-02.xhtml"}));
  for (const Item& item : layout.items) EXPECT_NE(item.properties, "cover-image");
}

TEST(Layout, CoverNamingAResourceTheBookLacksMeansNoCover) {
  ScratchFolder folder;
  book::Book book = sample_book(folder);
  book.cover.resource = "nope";
  EXPECT_FALSE(plan_layout(book).has_cover());
}

TEST(Layout, UnsafeOrRepeatedNamesBecomeSafeAndUnique) {
  book::Book book;
  for (const char* id : {"Chapter 01", "chapter-01", "", "nav", "9lives", "series", "Été/..", "chapter-01", "title"}) {
    book::Chapter chapter;
    chapter.id = id;
    book.chapters.push_back(chapter);
  }
  book::Resource image;
  image.id = "cover-image";
  image.extension = "JPG";
  image.media_type = "image/jpeg";
  book.resources.push_back(image);
  image.id = "img/../x";
  image.extension = "";
  book.resources.push_back(image);
  const Layout layout = plan_layout(book);
  std::set<std::string> ids;
  std::set<std::string> names;
  for (const Item& item : layout.items) {
    EXPECT_TRUE(ids.insert(item.id).second) << item.id;
    EXPECT_TRUE(names.insert(item.href).second) << item.href;
    EXPECT_TRUE(item.id.front() >= 'a' && item.id.front() <= 'z') << item.id;
    for (char c : item.href)
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '/')
          << item.href;
  }
  EXPECT_EQ(layout.chapter_hrefs,
            (std::vector<std::string>{"chapter-01.xhtml", "chapter-01-2.xhtml", "chapter-.xhtml", "nav-2.xhtml",
                                      "chapter-9lives.xhtml", "series-2.xhtml", "chapter---t-----.xhtml",
                                      "chapter-01-3.xhtml", "title-2.xhtml"}));
  EXPECT_EQ(layout.resource_hrefs.at("cover-image"), "images/cover-image.jpg");
  EXPECT_EQ(layout.resource_hrefs.at("img/../x"), "images/img----x.jpg");
}

TEST(Layout, MissingIdentifierAndTitleGetStableFallbacks) {
  book::Book book;
  book.source = "https://blog.example.com/";
  const Layout first = plan_layout(book);
  EXPECT_EQ(first.title, "Untitled");
  EXPECT_EQ(first.identifier.rfind("urn:uuid:", 0), 0U);
  EXPECT_EQ(first.identifier, plan_layout(book).identifier);
  book.source = "https://other.example.com/";
  EXPECT_NE(first.identifier, plan_layout(book).identifier);
}

}  // namespace
}  // namespace pb::epub
