#include "collect/part_title.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace pb::collect {
namespace {

// One row of the title table: what parse_part_title must make of a title.
struct TitleCase {
  std::string title;
  bool is_part = false;  // false: the title names no part ("no series")
  std::string stem;
  std::string key;
  int number = 0;
  int total = 0;
  bool weak = false;
};

TitleCase part(std::string title, std::string stem, std::string key, int number, int total = 0) {
  return {std::move(title), true, std::move(stem), std::move(key), number, total, false};
}

TitleCase weak_part(std::string title, std::string stem, std::string key, int number) {
  return {std::move(title), true, std::move(stem), std::move(key), number, 0, true};
}

TitleCase no_series(std::string title) {
  return {std::move(title), false, "", "", 0, 0, false};
}

// Names table rows by their title in test output.
void PrintTo(const TitleCase& row, std::ostream* out) {
  *out << '"' << row.title << '"';
}

// Stems shared by the numeral rows: the stem is not what those rows test.
TitleCase saga(std::string title, int number) {
  return part(std::move(title), "Saga", "saga", number);
}

const std::vector<TitleCase>& title_table() {
  static const std::vector<TitleCase> table = {
      // Every marker form.
      part("Healing After Loss Part 2", "Healing After Loss", "healing after loss", 2),
      part("Healing After Loss, Part Two", "Healing After Loss", "healing after loss", 2),
      part("Healing After Loss – Part II", "Healing After Loss", "healing after loss", 2),
      part("Healing After Loss (Part 3)", "Healing After Loss", "healing after loss", 3),
      part("Healing After Loss [Part 1]", "Healing After Loss", "healing after loss", 1),
      part("Healing After Loss Pt. 2", "Healing After Loss", "healing after loss", 2),
      part("Healing After Loss Pt 2", "Healing After Loss", "healing after loss", 2),
      part("Healing After Loss Pt.4", "Healing After Loss", "healing after loss", 4),
      part("Healing After Loss Part7", "Healing After Loss", "healing after loss", 7),
      part("Healing After Loss (2 of 3)", "Healing After Loss", "healing after loss", 2, 3),
      part("Healing After Loss [3 of 5]", "Healing After Loss", "healing after loss", 3, 5),
      part("Healing After Loss (Two of Three)", "Healing After Loss", "healing after loss", 2, 3),
      part("Healing After Loss – 2 of 3", "Healing After Loss", "healing after loss", 2, 3),
      weak_part("Healing After Loss #3", "Healing After Loss", "healing after loss", 3),
      weak_part("Healing After Loss (#4)", "Healing After Loss", "healing after loss", 4),
      part("Healing After Loss Part 2: Grief Has 5 Stages, 12 Steps", "Healing After Loss", "healing after loss", 2),
      part("Healing After Loss, Part Four — What Comes Next", "Healing After Loss", "healing after loss", 4),
      part("Healing After Loss: Part 3", "Healing After Loss", "healing after loss", 3),
      part("Healing After Loss - Part 1 of 3", "Healing After Loss", "healing after loss", 1, 3),
      part("Healing After Loss (Part 2 of 4)", "Healing After Loss", "healing after loss", 2, 4),
      part("Healing After Loss, Part II of IV", "Healing After Loss", "healing after loss", 2, 4),
      part("Healing After Loss (Part 2: Beginnings)", "Healing After Loss", "healing after loss", 2),
      part("Healing After Loss | Part 6", "Healing After Loss", "healing after loss", 6),
      // Dashes with and without spaces, no-break spaces, stray whitespace, odd case.
      part("Healing After Loss—Part 5", "Healing After Loss", "healing after loss", 5),
      part("Healing After Loss–Part 6", "Healing After Loss", "healing after loss", 6),
      part("Healing After Loss \u2014 Part 7 \u2014 Moving On", "Healing After Loss", "healing after loss", 7),
      part("Healing\u00A0After\u00A0Loss\u00A0Part\u00A08", "Healing\u00A0After\u00A0Loss", "healing after loss", 8),
      part("   Healing After Loss Part 9   ", "Healing After Loss", "healing after loss", 9),
      part("Healing After Loss PART TEN", "Healing After Loss", "healing after loss", 10),
      part("Healing after loss part eleven", "Healing after loss", "healing after loss", 11),
      part("Healing After Loss Part 120", "Healing After Loss", "healing after loss", 120),
      // Question marks stay in the stem but not in the key; apostrophes join words.
      part("What am I missing? Part 2: Applying Attachment Theory to Treatment and Recovery", "What am I missing?",
           "what am i missing", 2),
      part("What Am I Missing – Part 1", "What Am I Missing", "what am i missing", 1),
      part("What Am I Missing?! (Part 3)", "What Am I Missing?!", "what am i missing", 3),
      part("What’s Next, Part 2", "What’s Next", "whats next", 2),
      part("Self-Care for Caregivers Pt. 3", "Self-Care for Caregivers", "self care for caregivers", 3),
      // Stems that contain a false friend of their own.
      part("Being Part of a Community, Part 2", "Being Part of a Community", "being part of a community", 2),
      part("The Part of You That Worries (Part 3)", "The Part of You That Worries", "the part of you that worries", 3),
      part("10 Ways to Calm Down, Part 2", "10 Ways to Calm Down", "10 ways to calm down", 2),
      part("World War II: Part 1", "World War II", "world war ii", 1),
      // Roman numerals I..XX after a marker.
      saga("Saga Part I", 1),
      saga("Saga Part II", 2),
      saga("Saga Part III", 3),
      saga("Saga Part IV", 4),
      saga("Saga Part V", 5),
      saga("Saga Part VI", 6),
      saga("Saga Part VII", 7),
      saga("Saga Part VIII", 8),
      saga("Saga Part IX", 9),
      saga("Saga Part X", 10),
      saga("Saga Part XI", 11),
      saga("Saga Part XII", 12),
      saga("Saga Part XIII", 13),
      saga("Saga Part XIV", 14),
      saga("Saga Part XV", 15),
      saga("Saga Part XVI", 16),
      saga("Saga Part XVII", 17),
      saga("Saga Part XVIII", 18),
      saga("Saga Part XIX", 19),
      saga("Saga Part XX", 20),
      saga("Saga part iv", 4),
      // Words one..twenty, any case.
      saga("Saga, Part One", 1),
      saga("Saga, Part Two", 2),
      saga("Saga, Part Three", 3),
      saga("Saga, Part Four", 4),
      saga("Saga, Part Five", 5),
      saga("Saga, Part Six", 6),
      saga("Saga, Part Seven", 7),
      saga("Saga, Part Eight", 8),
      saga("Saga, Part Nine", 9),
      saga("Saga, Part Ten", 10),
      saga("Saga, Part Eleven", 11),
      saga("Saga, Part Twelve", 12),
      saga("Saga, Part Thirteen", 13),
      saga("Saga, Part Fourteen", 14),
      saga("Saga, Part Fifteen", 15),
      saga("Saga, Part Sixteen", 16),
      saga("Saga, Part Seventeen", 17),
      saga("Saga, Part Eighteen", 18),
      saga("Saga, Part Nineteen", 19),
      saga("Saga, Part Twenty", 20),
      saga("Saga, part SIX", 6),
      // False friends: no series.
      no_series("Being Part of a Community"),
      no_series("Part-Time Work and Burnout"),
      no_series("10 Ways to Calm Down"),
      no_series("The Part of You That Worries"),
      no_series("World War II"),
      no_series("Henry VIII"),
      no_series("Chapter and Verse"),
      no_series("Part of the Problem"),
      no_series("Spare Parts"),
      no_series("Partly Cloudy"),
      no_series("Counterpart Two"),
      no_series("Apartment 3"),
      no_series("The Part I Love Most"),
      no_series("The Part One Plays in Recovery"),
      no_series("Going to PT 3 Times a Week"),
      no_series("My #1 Tip for New Parents"),
      no_series("Top Tips#3"),
      no_series("One of Three Sisters"),
      no_series("1 of 3 Adults Feel Lonely"),
      no_series("Remembering 9/11"),
      no_series("Apollo 13"),
      no_series("Chapter 2"),
      no_series("Saga Part 2.5"),
      no_series("Saga Part 2-3"),
      no_series("Saga Part 2’s Ending"),
      no_series("Saga Part 0"),
      no_series("Saga Part 1000"),
      no_series("Saga Part XXI"),
      no_series("Saga Part Twentyone"),
      no_series("Saga (3 of 2)"),
      no_series("Saga Part 5 of 3"),
      no_series("Saga Part 2 of the Trilogy"),
      // Only a marker, or a stem without letters: no series from the title.
      no_series("Part 2"),
      no_series("Part Two: The Return"),
      no_series("(Part 3)"),
      no_series("#4"),
      no_series("2024 – Part 1"),
      no_series("– Part 2 –"),
      no_series(""),
      no_series("   "),
  };
  return table;
}

class TitleTableTest : public testing::TestWithParam<TitleCase> {};

TEST_P(TitleTableTest, ParsesTitle) {
  const TitleCase& expected = GetParam();
  SCOPED_TRACE("title: \"" + expected.title + "\"");
  const std::optional<PartTitle> parsed = parse_part_title(expected.title);
  ASSERT_EQ(parsed.has_value(), expected.is_part);
  if (!parsed) return;
  EXPECT_EQ(parsed->stem, expected.stem);
  EXPECT_EQ(parsed->key, expected.key);
  EXPECT_EQ(parsed->number, expected.number);
  EXPECT_EQ(parsed->total, expected.total);
  EXPECT_EQ(parsed->weak, expected.weak);
}

INSTANTIATE_TEST_SUITE_P(Titles, TitleTableTest, testing::ValuesIn(title_table()));

TEST(TitleTableSize, HasAtLeastSixtyRows) {
  EXPECT_GE(title_table().size(), 60U);
}

TEST(PartTitle, KeepsTheSubtitleWithItsNumbers) {
  const auto parsed = parse_part_title("Healing After Loss Part 2: Grief Has 5 Stages, 12 Steps");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->subtitle, "Grief Has 5 Stages, 12 Steps");
}

TEST(PartTitle, SubtitleAfterEmDashAndClosingBracket) {
  EXPECT_EQ(parse_part_title("Saga, Part Four — What Comes Next")->subtitle, "What Comes Next");
  EXPECT_EQ(parse_part_title("Saga (Part 2 of 4) – The Middle")->subtitle, "The Middle");
  EXPECT_EQ(parse_part_title("Saga (Part 2: Beginnings)")->subtitle, "Beginnings");
  EXPECT_EQ(parse_part_title("Saga Part 2")->subtitle, "");
}

TEST(PartTitle, FirstMarkerWins) {
  const auto parsed = parse_part_title("Saga Part 2: Part 3 — The Reckoning");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->stem, "Saga");
  EXPECT_EQ(parsed->number, 2);
  EXPECT_EQ(parsed->subtitle, "Part 3 — The Reckoning");
}

TEST(PartTitle, StrongMarkerBeatsEarlierHashMarker) {
  const auto parsed = parse_part_title("Saga #3: Part 5");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->stem, "Saga #3");
  EXPECT_EQ(parsed->number, 5);
  EXPECT_FALSE(parsed->weak);
}

TEST(PartTitle, InvalidUtf8NeverCrashes) {
  const std::vector<std::string> odd = {
      "Saga\xff Part 2",     "\xe2\x80",         "Saga Part \xc3", "\xf0\x9f\x98", std::string("Sa\0ga Part 2", 12),
      "\xed\xa0\x80 Part 1", "Saga (Part 2\xe2", "#\xff",          "Part\xc2\xa0", "\xc0\xaf Part 3"};
  for (const std::string& title : odd) {
    SCOPED_TRACE(testing::PrintToString(title));
    (void)parse_part_title(title);
    (void)parse_part_slug(title);
    (void)normalize_stem(title);
  }
  const auto parsed = parse_part_title("Saga\xff Part 2");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->number, 2);
  EXPECT_EQ(parsed->key, "saga");
}

double seconds_to_parse(const std::string& title) {
  const auto start = std::chrono::steady_clock::now();
  (void)parse_part_title(title);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string repeat(const std::string& piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += piece;
  return text;
}

TEST(PartTitle, LongTitlesStayFast) {
  const std::string long_stem = repeat("a", 10000) + " Part 2";
  const auto parsed = parse_part_title(long_stem);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->number, 2);
  EXPECT_EQ(parsed->stem.size(), 10000U);

  // Inputs that a backtracking pattern or a rescan per candidate marker would choke on.
  const std::vector<std::string> hostile = {repeat("Part ", 2000), repeat("Part of ", 1250), repeat("#1, ", 2500),
                                            repeat("(", 10000),    repeat("–", 3400),        repeat("Pt. ", 2500)};
  for (const std::string& title : hostile) {
    EXPECT_LT(seconds_to_parse(title), 1.0) << title.substr(0, 40);
    EXPECT_FALSE(parse_part_title(title).has_value()) << title.substr(0, 40);
  }

  // Thousands of candidate markers whose stems have no letter yet, then a real one.
  const std::string late_title = repeat("#1, ", 2500) + "Saga #2";
  EXPECT_LT(seconds_to_parse(late_title), 1.0);
  const auto late = parse_part_title(late_title);
  ASSERT_TRUE(late);
  EXPECT_EQ(late->number, 2);
  EXPECT_TRUE(late->weak);
}

TEST(PartNumber, AcceptsArabicRomanAndWords) {
  EXPECT_EQ(parse_part_number("2"), 2);
  EXPECT_EQ(parse_part_number("02"), 2);
  EXPECT_EQ(parse_part_number("999"), 999);
  EXPECT_EQ(parse_part_number("II"), 2);
  EXPECT_EQ(parse_part_number("ii"), 2);
  EXPECT_EQ(parse_part_number("xviii"), 18);
  EXPECT_EQ(parse_part_number("Two"), 2);
  EXPECT_EQ(parse_part_number("twenty"), 20);
  EXPECT_EQ(parse_part_number("SEVENTEEN"), 17);
}

TEST(PartNumber, RejectsEverythingElse) {
  for (const char* token : {"", "0", "1000", "-1", "+2", "2nd", "IIII", "VX", "XXI", "twentyone", "zero", "second",
                            "1.5", " 2", "99999999999999999999"}) {
    EXPECT_FALSE(parse_part_number(token).has_value()) << token;
  }
}

TEST(PartSlug, ReadsPartNumbersFromSlugs) {
  const auto parsed = parse_part_slug("what-am-i-missing-part-2-applying-attachment-theory-to-treatment-and-recovery");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->key, "what am i missing");
  EXPECT_EQ(parsed->number, 2);
  EXPECT_EQ(parsed->subtitle, "applying attachment theory to treatment and recovery");
  EXPECT_FALSE(parsed->weak);

  EXPECT_EQ(parse_part_slug("healing-after-loss-part-two")->number, 2);
  EXPECT_EQ(parse_part_slug("healing-after-loss-pt-3")->number, 3);
  EXPECT_EQ(parse_part_slug("healing-after-loss-part4")->number, 4);
  EXPECT_EQ(parse_part_slug("healing-after-loss-part-ii")->number, 2);
  EXPECT_EQ(parse_part_slug("Healing-After-Loss-Part-5")->key, "healing after loss");
  EXPECT_EQ(parse_part_slug("healing-after-loss-part-2-of-3")->total, 3);
  EXPECT_EQ(parse_part_slug("caf%c3%a9-society-part-2")->key, "café society");
}

TEST(PartSlug, IgnoresSlugsWithoutAPartMarker) {
  for (const char* slug : {"being-part-of-a-community", "part-time-work-and-burnout", "the-part-i-love-most",
                           "spare-parts", "world-war-ii", "apartment-3", "part-2", "2024-part-1", "counterpart-two", "",
                           "-", "%", "%e2", "healing-after-loss"}) {
    EXPECT_FALSE(parse_part_slug(slug).has_value()) << slug;
  }
}

TEST(NormalizeStem, IgnoresCasePunctuationAndDashes) {
  EXPECT_EQ(normalize_stem("What am I missing?"), "what am i missing");
  EXPECT_EQ(normalize_stem("What Am I Missing –"), "what am i missing");
  EXPECT_EQ(normalize_stem("  What\u00A0Am—I   Missing!! "), "what am i missing");
  EXPECT_EQ(normalize_stem("What’s Next"), normalize_stem("Whats next"));
  EXPECT_EQ(normalize_stem("Self-Care"), "self care");
  EXPECT_EQ(normalize_stem("ÉCOLE Ça Va"), "école ça va");
  EXPECT_EQ(normalize_stem("Straße"), "straße");
  EXPECT_EQ(normalize_stem("?!"), "");
  EXPECT_EQ(normalize_stem(""), "");
}

}  // namespace
}  // namespace pb::collect
