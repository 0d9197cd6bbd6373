#include "transform/inline_run.h"

#include <gtest/gtest.h>

#include <string>

#include "transform/model_dump.h"

namespace pb::transform {
namespace {

using namespace pb::book;
using test::dump;

LinkTarget url(std::string address) {
  LinkTarget target;
  target.url = std::move(address);
  return target;
}

TEST(InlineRun, CollapsesWhitespaceAcrossCalls) {
  InlineRun run;
  run.text("  Hello \n ");
  run.text("  world  ");
  run.text("\t!");
  EXPECT_EQ(dump(run.take()), "Hello world !");
}

TEST(InlineRun, StylesAndLinksNest) {
  InlineRun run;
  run.text("a ");
  run.push_style(Style::Strong);
  run.text("b ");
  run.push_link(url("https://x.org/"));
  run.text("c");
  run.pop();
  run.pop();
  run.text(" d");
  EXPECT_EQ(dump(run.take()), "a Strong[b Link(https://x.org/)[c]] d");
}

TEST(InlineRun, EmptyElementsVanish) {
  InlineRun run;
  run.text("a");
  run.push_style(Style::Emphasis);
  run.pop();
  run.push_link(url("https://x.org/"));
  run.text("   ");
  run.pop();
  EXPECT_EQ(dump(run.take()), "a");
}

TEST(InlineRun, TakeLeavesOpenElementsOpen) {
  InlineRun run;
  run.push_style(Style::Emphasis);
  run.text("before");
  EXPECT_EQ(dump(run.take()), "Em[before]");
  EXPECT_EQ(run.depth(), 1u);
  run.text(" after");
  run.pop();
  run.text(" plain");
  EXPECT_EQ(dump(run.take()), "Em[after] plain");
}

TEST(InlineRun, BlankUntilVisibleText) {
  InlineRun run;
  EXPECT_TRUE(run.blank());
  run.text("  \u00A0 ");
  EXPECT_TRUE(run.blank());
  run.line_break();
  EXPECT_TRUE(run.blank());
  run.text("x");
  EXPECT_FALSE(run.blank());
  run.take();
  EXPECT_TRUE(run.blank());
}

TEST(InlineRun, LineBreaksTrimmedAtTheEndsAndSpacesAroundThem) {
  InlineRun run;
  run.line_break();
  run.text("one ");
  run.line_break();
  run.text(" two");
  run.line_break();
  EXPECT_EQ(dump(run.take()), "one{br}two");
}

TEST(InlineRun, VerbatimIsNotCollapsed) {
  InlineRun run;
  run.text("a");
  run.verbatim("  \u201C");
  EXPECT_EQ(dump(run.take()), "a  \u201C");
}

TEST(InlineRun, AnchorsKept) {
  InlineRun run;
  run.text("x ");
  run.anchor("here");
  run.text("y");
  EXPECT_EQ(dump(run.take()), "x {#here}y");
}

TEST(InlineRun, CloneKeepsOpenElementsWithoutContent) {
  InlineRun run;
  run.push_style(Style::Strong);
  run.push_link(url("https://x.org/"));
  run.text("outer");
  InlineRun inner = run.clone_open_elements();
  EXPECT_EQ(inner.depth(), 2u);
  EXPECT_TRUE(inner.blank());
  inner.text("inner");
  EXPECT_EQ(dump(inner.take()), "Strong[Link(https://x.org/)[inner]]");
  EXPECT_EQ(dump(run.take()), "Strong[Link(https://x.org/)[outer]]");
}

TEST(InlineRun, PopWithNothingOpenIsHarmless) {
  InlineRun run;
  run.pop();
  run.text("x");
  EXPECT_EQ(dump(run.take()), "x");
}

TEST(TrimInlines, NoBreakSpacesAtTheEndsGo) {
  Inlines inlines = {Inline{Text{"\u00A0 \u00A0text\u00A0"}}, Inline{LineBreak{}}};
  trim_inlines(inlines);
  EXPECT_EQ(dump(inlines), "text");
}

TEST(TrimInlines, TrimsInsideElements) {
  Inlines inlines = {Inline{Styled{Style::Emphasis, {Inline{Text{"  a "}}}}}, Inline{Text{" "}},
                     Inline{Styled{Style::Strong, {Inline{Text{" b  "}}}}}};
  trim_inlines(inlines);
  EXPECT_EQ(dump(inlines), "Em[a ] Strong[ b]");
}

TEST(TrimInlines, EmptyNestedElementsDropped) {
  Inlines inlines = {Inline{Styled{Style::Emphasis, {Inline{Styled{Style::Strong, {Inline{Text{""}}}}}}}},
                     Inline{Text{"x"}}};
  trim_inlines(inlines);
  EXPECT_EQ(dump(inlines), "x");
}

TEST(HasVisibleText, OnlyRealText) {
  EXPECT_FALSE(has_visible_text({}));
  EXPECT_FALSE(has_visible_text({Inline{Text{" \u00A0\u202F\u2007"}}, Inline{LineBreak{}}, Inline{Anchor{"a"}}}));
  EXPECT_FALSE(has_visible_text({Inline{Styled{Style::Strong, {Inline{Text{"\u00A0"}}}}}}));
  EXPECT_TRUE(has_visible_text({Inline{Styled{Style::Strong, {Inline{Text{"."}}}}}}));
  EXPECT_TRUE(has_visible_text({Inline{Link{url("x"), {Inline{Text{"t"}}}}}}));
}

}  // namespace
}  // namespace pb::transform
