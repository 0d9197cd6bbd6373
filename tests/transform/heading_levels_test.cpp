#include "transform/heading_levels.h"

#include <gtest/gtest.h>

#include <string>

#include "transform/model_dump.h"

namespace pb::transform {
namespace {

using namespace pb::book;
using test::dump;

Inline text(std::string value) {
  return Inline{Text{std::move(value)}};
}
Inline strong(Inlines children) {
  return Inline{Styled{Style::Strong, std::move(children)}};
}
Block h(int level, Inlines content, std::string id = "") {
  return Block{Heading{level, std::move(content), std::move(id)}};
}
Block p(std::string value) {
  return Block{Paragraph{{text(std::move(value))}, ""}};
}
Block quote(Blocks blocks) {
  return Block{BlockQuote{std::move(blocks), {}}};
}
Block list(Blocks blocks) {
  List l;
  l.items.push_back(ListItem{std::move(blocks), ""});
  return Block{std::move(l)};
}
Block table(Blocks blocks) {
  Table t;
  t.rows.push_back(TableRow{{TableCell{std::move(blocks), false, 1, 1}}});
  return Block{std::move(t)};
}

TEST(DropRepeatedTitle, FirstHeadingMatchingTheTitle) {
  Blocks blocks = {h(1, {text("What\u2019s New")}), p("body")};
  drop_repeated_title(blocks, "What\u2019s New");
  EXPECT_EQ(dump(blocks), "P[body]");
}

TEST(DropRepeatedTitle, IgnoresCaseSpacesAndMarkup) {
  Blocks blocks = {h(2, {text("  part\u00A0 "), strong({text("ONE")})}), p("body")};
  drop_repeated_title(blocks, "Part One");
  EXPECT_EQ(dump(blocks), "P[body]");
}

TEST(DropRepeatedTitle, KeepsOtherHeadingsAndLaterRepeats) {
  Blocks blocks = {h(2, {text("Introduction")}), h(2, {text("Title")})};
  drop_repeated_title(blocks, "Title");
  EXPECT_EQ(dump(blocks), "H2[Introduction] H2[Title]");
  Blocks paragraph_first = {p("Title"), h(2, {text("Title")})};
  drop_repeated_title(paragraph_first, "Title");
  EXPECT_EQ(dump(paragraph_first), "P[Title] H2[Title]");
  Blocks empty;
  drop_repeated_title(empty, "Title");
  EXPECT_TRUE(empty.empty());
}

TEST(NormaliseHeadingLevels, HighestBecomesTwo) {
  Blocks blocks = {h(1, {text("a")}), h(2, {text("b")}), h(3, {text("c")})};
  normalise_heading_levels(blocks);
  EXPECT_EQ(dump(blocks), "H2[a] H3[b] H4[c]");
}

TEST(NormaliseHeadingLevels, LowHeadingsMoveUp) {
  Blocks blocks = {h(4, {text("a")}), h(5, {text("b")}), h(4, {text("c")})};
  normalise_heading_levels(blocks);
  EXPECT_EQ(dump(blocks), "H2[a] H3[b] H2[c]");
}

TEST(NormaliseHeadingLevels, SkippedLevelsCloseUp) {
  Blocks blocks = {h(4, {text("a")}), h(6, {text("b")}), h(5, {text("c")}), h(3, {text("d")}), h(6, {text("e")})};
  normalise_heading_levels(blocks);
  EXPECT_EQ(dump(blocks), "H2[a] H3[b] H4[c] H2[d] H3[e]");  // h3 is the highest: shift by one
}

TEST(NormaliseHeadingLevels, ClampedToSix) {
  Blocks blocks = {h(1, {text("a")}), h(2, {text("b")}), h(3, {text("c")}), h(4, {text("d")}),
                   h(5, {text("e")}), h(6, {text("f")}), h(7, {text("g")})};
  normalise_heading_levels(blocks);
  EXPECT_EQ(dump(blocks), "H2[a] H3[b] H4[c] H5[d] H6[e] H6[f] H6[g]");
}

TEST(NormaliseHeadingLevels, NestedHeadingsCountAndMove) {
  Blocks blocks = {p("x"), quote({h(3, {text("in quote")})}), list({h(4, {text("in list")})}),
                   table({h(5, {text("in table")})})};
  normalise_heading_levels(blocks);
  EXPECT_EQ(dump(blocks), "P[x] Quote[H2[in quote]] UL[LI[H3[in list]]] Table[Row[TD[H4[in table]]]]");
}

TEST(NormaliseHeadingLevels, NoHeadings) {
  Blocks blocks = {p("x")};
  normalise_heading_levels(blocks);
  EXPECT_EQ(dump(blocks), "P[x]");
}

TEST(UnwrapBoldHeadings, WholeHeadingInBold) {
  Blocks blocks = {h(2, {strong({strong({text("Twice")})})}), h(3, {strong({text("Part")}), text(" rest")}),
                   h(3, {Inline{Styled{Style::Emphasis, {text("Italic")}}}}),
                   quote({h(2, {strong({text("Nested")})})})};
  unwrap_bold_headings(blocks);
  EXPECT_EQ(dump(blocks), "H2[Twice] H3[Strong[Part] rest] H3[Em[Italic]] Quote[H2[Nested]]");
}

TEST(AssignHeadingIds, FromTextUniqueAndKeepingExistingIds) {
  IdRegistry ids;
  ids.reserve("chapter-01");
  ids.keep("custom");
  Blocks blocks = {h(2, {text("Getting Started")}), h(2, {text("Getting Started")}, ""), h(2, {text("x")}, "custom"),
                   h(3, {text("!!!")}), list({h(3, {text("Chapter 01")})})};
  assign_heading_ids(blocks, ids);
  EXPECT_EQ(dump(blocks),
            "H2#getting-started[Getting Started] H2#getting-started-2[Getting Started] H2#custom[x] "
            "H3#section[!!!] UL[LI[H3#chapter-01-2[Chapter 01]]]");
}

}  // namespace
}  // namespace pb::transform
