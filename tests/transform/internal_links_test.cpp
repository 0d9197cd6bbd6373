#include "transform/internal_links.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "transform/model_dump.h"

namespace pb::transform {
namespace {

using namespace pb::book;
using test::dump;

Inline text(std::string value) {
  return Inline{Text{std::move(value)}};
}
Inline anchor(std::string id) {
  return Inline{Anchor{std::move(id)}};
}
Inline internal(std::size_t chapter, std::string target_anchor, std::string label) {
  LinkTarget target;
  target.chapter = chapter;
  target.anchor = std::move(target_anchor);
  return Inline{Link{std::move(target), {text(std::move(label))}}};
}
Inline external(std::string url, std::string label) {
  LinkTarget target;
  target.url = std::move(url);
  return Inline{Link{std::move(target), {text(std::move(label))}}};
}
Block paragraph(Inlines content, std::string id = "") {
  return Block{Paragraph{std::move(content), std::move(id)}};
}
Block heading(std::string id, std::string label) {
  return Block{Heading{2, {text(std::move(label))}, std::move(id)}};
}

Chapter chapter(std::string id, Blocks blocks) {
  Chapter c;
  c.id = id;
  c.title_id = id;
  c.blocks = std::move(blocks);
  return c;
}

class InternalLinks : public testing::Test {
 protected:
  void finalise() { finalise_internal_links(book_, registries_); }
  std::string chapter_dump(std::size_t i) { return dump(book_.chapters[i].blocks); }

  Book book_;
  std::vector<IdRegistry> registries_;
};

TEST_F(InternalLinks, LinkToAVanishedAnchorFallsBackToTheChapterStart) {
  registries_.resize(2);
  registries_[1].reserve("chapter-02");
  registries_[1].keep("gone");  // kept while converting, then dropped with its element
  book_.chapters.push_back(chapter("chapter-01", {paragraph({internal(1, "gone", "a"), internal(1, "never", "b")})}));
  book_.chapters.push_back(chapter("chapter-02", {paragraph({text("x")})}));
  finalise();
  EXPECT_EQ(chapter_dump(0), "P[Link(@1)[a]Link(@1)[b]]");
}

TEST_F(InternalLinks, LinkFollowsARenamedId) {
  registries_.resize(1);
  registries_[0].reserve("chapter-01");
  const std::string final_id = registries_[0].keep("chapter-01");  // the content used the title's id
  ASSERT_EQ(final_id, "chapter-01-2");
  book_.chapters.push_back(
      chapter("chapter-01", {paragraph({internal(0, "chapter-01", "up")}), paragraph({text("t")}, final_id)}));
  finalise();
  EXPECT_EQ(chapter_dump(0), "P[Link(@0#chapter-01-2)[up]] P#chapter-01-2[t]");
}

TEST_F(InternalLinks, UnreferencedIdsArePrunedHeadingIdsKept) {
  registries_.resize(2);
  for (const char* id : {"kept-p", "lost-p", "kept-a", "lost-a", "lost-li", "kept-fig", "lost-fig"})
    registries_[1].keep(id);
  Figure kept_figure;
  kept_figure.id = "kept-fig";
  kept_figure.caption = {anchor("lost-a")};
  Figure lost_figure;
  lost_figure.id = "lost-fig";
  List list;
  list.items.push_back(ListItem{{paragraph({text("item")})}, "lost-li"});
  book_.chapters.push_back(chapter("chapter-01", {paragraph({internal(1, "kept-p", "1"), internal(1, "kept-a", "2"),
                                                             internal(1, "kept-fig", "3")})}));
  book_.chapters.push_back(
      chapter("chapter-02",
              {heading("unlinked-heading", "H"), paragraph({text("p")}, "kept-p"), paragraph({text("q")}, "lost-p"),
               paragraph({text("x"), anchor("kept-a"), Inline{Styled{Style::Emphasis, {anchor("lost-a"), text("y")}}}}),
               Block{std::move(list)}, Block{std::move(kept_figure)}, Block{std::move(lost_figure)}}));
  finalise();
  EXPECT_EQ(chapter_dump(0), "P[Link(@1#kept-p)[1]Link(@1#kept-a)[2]Link(@1#kept-fig)[3]]");
  EXPECT_EQ(chapter_dump(1),
            "H2#unlinked-heading[H] P#kept-p[p] P[q] P[x{#kept-a}Em[y]] UL[LI[P[item]]] Fig#kept-fig(|) Fig(|)");
}

TEST_F(InternalLinks, LinksInsideListsQuotesTablesAndCaptionsAreFollowed) {
  registries_.resize(1);
  registries_[0].keep("target");
  List list;
  list.items.push_back(ListItem{{paragraph({internal(0, "target", "in list")})}, ""});
  BlockQuote quote;
  quote.blocks = {paragraph({text("q")})};
  quote.citation = {internal(0, "missing", "in cite")};
  Table table;
  table.rows.push_back(TableRow{{TableCell{{paragraph({internal(0, "target", "in cell")})}, false, 1, 1}}});
  table.caption = {Inline{Styled{Style::Strong, {internal(0, "missing", "in caption")}}}};
  book_.chapters.push_back(chapter("chapter-01", {Block{std::move(list)}, Block{std::move(quote)},
                                                  Block{std::move(table)}, paragraph({text("here")}, "target")}));
  finalise();
  EXPECT_EQ(chapter_dump(0),
            "UL[LI[P[Link(@0#target)[in list]]]] Quote[P[q] Cite[Link(@0)[in cite]]] "
            "Table[Row[TD[P[Link(@0#target)[in cell]]]] Caption[Strong[Link(@0)[in caption]]]] P#target[here]");
}

TEST_F(InternalLinks, GeneratedHeadingIdsCanBeLinked) {
  registries_.resize(2);
  registries_[1].make("Getting Started", "section");
  book_.chapters.push_back(chapter("chapter-01", {paragraph({internal(1, "getting-started", "go")})}));
  book_.chapters.push_back(chapter("chapter-02", {heading("getting-started", "Getting Started")}));
  finalise();
  EXPECT_EQ(chapter_dump(0), "P[Link(@1#getting-started)[go]]");
}

TEST_F(InternalLinks, ChapterTitleIdCanBeLinked) {
  registries_.resize(2);
  registries_[1].reserve("chapter-02");
  book_.chapters.push_back(chapter("chapter-01", {paragraph({internal(1, "chapter-02", "top")})}));
  book_.chapters.push_back(chapter("chapter-02", {paragraph({text("x")})}));
  finalise();
  EXPECT_EQ(chapter_dump(0), "P[Link(@1#chapter-02)[top]]");
}

TEST_F(InternalLinks, OutOfRangeChapterNeverBreaks) {
  registries_.resize(1);
  book_.chapters.push_back(chapter("chapter-01", {paragraph({internal(7, "x", "far")})}));
  finalise();
  EXPECT_EQ(chapter_dump(0), "P[Link(@0)[far]]");
}

TEST_F(InternalLinks, ExternalLinksAndChapterLinksUntouched) {
  registries_.resize(2);
  book_.chapters.push_back(
      chapter("chapter-01", {paragraph({external("https://example.org/#x", "ext"), internal(1, "", "ch")})}));
  book_.chapters.push_back(chapter("chapter-02", {paragraph({text("x")}, "unlinked")}));
  finalise();
  EXPECT_EQ(chapter_dump(0), "P[Link(https://example.org/#x)[ext]Link(@1)[ch]]");
  EXPECT_EQ(chapter_dump(1), "P[x]");
}

TEST_F(InternalLinks, IdsAreScopedToTheirChapter) {
  registries_.resize(2);
  registries_[0].keep("shared");
  registries_[1].keep("shared");
  book_.chapters.push_back(
      chapter("chapter-01", {paragraph({text("a")}, "shared"), paragraph({internal(1, "shared", "b")})}));
  book_.chapters.push_back(chapter("chapter-02", {paragraph({text("c")}, "shared")}));
  finalise();
  EXPECT_EQ(chapter_dump(0), "P[a] P[Link(@1#shared)[b]]");  // chapter 1's own "shared" is not linked
  EXPECT_EQ(chapter_dump(1), "P#shared[c]");
}

}  // namespace
}  // namespace pb::transform
