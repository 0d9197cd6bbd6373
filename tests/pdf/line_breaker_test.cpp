#include "pdf/line_breaker.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <sstream>

namespace pb::pdf {
namespace {

// A paragraph of words with widths proportional to their length (6 pt a letter), 4 pt spaces
// that stretch by 2 and shrink by 1.3, the usual ending, and optional hyphenation points.
std::vector<Item> paragraph(const std::string& text) {
  std::vector<Item> items;
  std::istringstream in(text);
  std::string word;
  bool first = true;
  while (in >> word) {
    if (!first) {
      Item glue;
      glue.type = ItemType::Glue;
      glue.width = 4;
      glue.stretch = 2;
      glue.shrink = 1.3;
      items.push_back(glue);
    }
    first = false;
    // "hy|phen|ation": a flagged break with a 4 pt hyphen at each bar.
    std::size_t start = 0;
    while (true) {
      const std::size_t bar = word.find('|', start);
      Item box;
      box.width = 6.0 * static_cast<double>((bar == std::string::npos ? word.size() : bar) - start);
      items.push_back(box);
      if (bar == std::string::npos) break;
      Item hyphen;
      hyphen.type = ItemType::Penalty;
      hyphen.width = 4;
      hyphen.penalty = 50;
      hyphen.flagged = true;
      items.push_back(hyphen);
      start = bar + 1;
    }
  }
  Item no_break;
  no_break.type = ItemType::Penalty;
  no_break.penalty = kInfinitePenalty;
  items.push_back(no_break);
  Item fill;
  fill.type = ItemType::Glue;
  fill.stretch = kFil;
  items.push_back(fill);
  Item end;
  end.type = ItemType::Penalty;
  end.penalty = -kInfinitePenalty;
  items.push_back(end);
  return items;
}

const char* const kFrogKing =
    "In olden times when wish|ing still helped one, there lived a king whose daugh|ters were all beau|ti|ful; "
    "and the young|est was so beau|ti|ful that the sun it|self, which has seen so much, was aston|ished "
    "when|ever it shone in her face. Close by the king's cas|tle lay a great dark for|est, and under an old "
    "lime-tree in the for|est was a well, and when the day was very warm, the king's child went out into "
    "the for|est and sat down by the side of the cool foun|tain; and when she was bored she took a golden "
    "ball, and threw it up on high and caught it; and this ball was her favor|ite play|thing.";

// The width of each line as set: natural width adjusted by its ratio.
std::vector<double> set_widths(const std::vector<Item>& items, const LineBreaks& breaks) {
  std::vector<double> widths;
  std::size_t start = 0;
  for (std::size_t line = 0; line < breaks.breaks.size(); ++line) {
    const std::size_t end = breaks.breaks[line];
    while (line > 0 && start < end && items[start].type != ItemType::Box) ++start;
    double width = 0, stretch = 0, shrink = 0;
    for (std::size_t i = start; i < end; ++i) {
      if (items[i].type == ItemType::Penalty) continue;
      width += items[i].width;
      if (items[i].stretch < kFil) stretch += items[i].stretch;
      shrink += items[i].shrink;
    }
    if (items[end].type == ItemType::Penalty) width += items[end].width;
    const double r = breaks.ratios[line];
    if (std::isfinite(r) && line + 1 < breaks.breaks.size()) width += r >= 0 ? r * stretch : r * shrink;
    widths.push_back(width);
    start = end + 1;
  }
  return widths;
}

TEST(LineBreaker, TotalFitBeatsFirstFitOnAKnownParagraph) {
  const std::vector<Item> items = paragraph(kFrogKing);
  BreakParameters parameters;
  parameters.line_width = 390;
  const LineBreaks best = break_lines(items, parameters);
  const LineBreaks greedy = break_lines_greedy(items, parameters);
  ASSERT_FALSE(best.greedy);
  EXPECT_LT(best.demerits, greedy.demerits);
  EXPECT_DOUBLE_EQ(best.demerits, total_demerits(items, best.breaks, parameters));
  EXPECT_EQ(best.breaks.back(), items.size() - 1);
}

TEST(LineBreaker, NoLineIsWiderThanTheMeasure) {
  const std::vector<Item> items = paragraph(kFrogKing);
  for (double width : {250.0, 300.0, 390.0, 500.0}) {
    BreakParameters parameters;
    parameters.line_width = width;
    const LineBreaks breaks = break_lines(items, parameters);
    for (double ratio : breaks.ratios) EXPECT_GE(ratio, -1.0) << width;
    for (double set : set_widths(items, breaks)) EXPECT_LE(set, width + 0.01) << width;
  }
}

TEST(LineBreaker, JustifiedLinesFillTheMeasure) {
  const std::vector<Item> items = paragraph(kFrogKing);
  BreakParameters parameters;
  parameters.line_width = 390;
  const LineBreaks breaks = break_lines(items, parameters);
  const std::vector<double> widths = set_widths(items, breaks);
  for (std::size_t i = 0; i + 1 < widths.size(); ++i) EXPECT_NEAR(widths[i], 390, 0.01);
}

TEST(LineBreaker, ForcedBreaksEndLines) {
  std::vector<Item> items = paragraph("one two three");
  // Force a break after "two": glue with infinite stretch, then a forced penalty.
  Item fill;
  fill.type = ItemType::Glue;
  fill.stretch = kFil;
  Item force;
  force.type = ItemType::Penalty;
  force.penalty = -kInfinitePenalty;
  items.insert(items.begin() + 3, {fill, force});
  BreakParameters parameters;
  parameters.line_width = 500;
  const LineBreaks breaks = break_lines(items, parameters);
  ASSERT_EQ(breaks.breaks.size(), 2u);
  EXPECT_EQ(breaks.breaks[0], 4u);
}

TEST(LineBreaker, AWordWiderThanTheLineFallsBackToGreedy) {
  std::vector<Item> items = paragraph("a supercalifragilisticexpialidociousxxxxxxxxxxxxx b");
  BreakParameters parameters;
  parameters.line_width = 100;
  const LineBreaks breaks = break_lines(items, parameters);
  EXPECT_TRUE(breaks.greedy);
  EXPECT_EQ(breaks.breaks.back(), items.size() - 1);
}

TEST(LineBreaker, LongParagraphsCostLinearTime) {
  const auto words = [](int count) {
    std::string t;
    for (int i = 0; i < count; ++i) t += (i % 7 == 0 ? "under|stand|ing " : i % 3 ? "the " : "garden ");
    return t;
  };
  BreakParameters parameters;
  parameters.line_width = 330;
  const auto time = [&](int count) {
    const std::vector<Item> items = paragraph(words(count));
    double best = 1e9;
    for (int attempt = 0; attempt < 3; ++attempt) {
      const auto start = std::chrono::steady_clock::now();
      const LineBreaks breaks = break_lines(items, parameters);
      EXPECT_FALSE(breaks.greedy);
      EXPECT_GT(breaks.breaks.size(), static_cast<std::size_t>(count / 20));
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
  };
  time(2500);  // warm up
  const double small = time(2500);
  const double large = time(10000);
  EXPECT_LT(large / std::max(small, 1e-4), 8.0) << small << " s for 2,500 words, " << large << " s for 10,000";
}

}  // namespace
}  // namespace pb::pdf
