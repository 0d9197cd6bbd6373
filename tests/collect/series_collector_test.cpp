#include "collect/series_collector.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace pb::collect {
namespace {

using sources::Post;

Post make_post(std::int64_t id, std::string title, std::string date_gmt, std::string slug = "") {
  Post post;
  post.id = id;
  post.title = std::move(title);
  post.slug = std::move(slug);
  post.date_gmt = std::move(date_gmt);
  post.date = post.date_gmt;
  return post;
}

// Day n of a calendar of 28-day months: later n, later date.
std::string day(int n) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT10:00:00", 2000 + n / 336, 1 + (n / 28) % 12, 1 + n % 28);
  return buffer;
}

// The ids of a series' posts in reading order, for readable assertions.
std::vector<std::int64_t> part_ids(const std::vector<Post>& posts, const Series& series) {
  std::vector<std::int64_t> ids;
  for (const SeriesPart& part : series.parts) ids.push_back(posts[part.post].id);
  return ids;
}

std::vector<int> part_numbers(const Series& series) {
  std::vector<int> numbers;
  for (const SeriesPart& part : series.parts) numbers.push_back(part.number);
  return numbers;
}

std::vector<std::int64_t> standalone_ids(const std::vector<Post>& posts, const Collection& collection) {
  std::vector<std::int64_t> ids;
  for (const std::size_t index : collection.standalone) ids.push_back(posts[index].id);
  return ids;
}

using Ids = std::vector<std::int64_t>;
using Numbers = std::vector<int>;

TEST(CollectSeries, EmptyInputGivesNothing) {
  const Collection collection = collect_series({});
  EXPECT_TRUE(collection.series.empty());
  EXPECT_TRUE(collection.standalone.empty());
}

TEST(CollectSeries, GroupsDifferentlyPunctuatedStems) {
  const std::vector<Post> posts = {
      make_post(1, "What am I missing? Part 1", day(1)),
      make_post(2, "What Am I Missing – Part 2", day(2)),
      make_post(3, "WHAT AM I MISSING, Part Three: Endings", day(3)),
      make_post(4, "What am I missing (Part IV)", day(4)),
  };
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 1U);
  const Series& series = collection.series[0];
  EXPECT_EQ(series.title, "What am I missing?");
  EXPECT_EQ(series.key, "what am i missing");
  EXPECT_EQ(series.slug, "what-am-i-missing");
  EXPECT_EQ(part_ids(posts, series), (Ids{1, 2, 3, 4}));
  EXPECT_EQ(part_numbers(series), (Numbers{1, 2, 3, 4}));
  EXPECT_TRUE(series.missing.empty());
  EXPECT_EQ(series.declared_total, 0);
  EXPECT_TRUE(collection.standalone.empty());
}

TEST(CollectSeries, OrdersByNumberThenDateThenId) {
  const std::vector<Post> posts = {
      make_post(10, "Saga Part 3", day(1)),  // published first, read last
      make_post(11, "Saga Part 1", day(5)),  //
      make_post(12, "Saga Part 2", day(3)),  //
      make_post(14, "Saga Part 2", day(2)),  // duplicate number: earlier date first
      make_post(13, "Saga Part 2", day(2)),  // same date: lower id first
  };
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 1U);
  EXPECT_EQ(part_ids(posts, collection.series[0]), (Ids{11, 13, 14, 12, 10}));
  EXPECT_EQ(part_numbers(collection.series[0]), (Numbers{1, 2, 2, 2, 3}));
  EXPECT_TRUE(collection.series[0].missing.empty());
}

TEST(CollectSeries, FallsBackToLocalDateWhenGmtIsMissing) {
  std::vector<Post> posts = {make_post(1, "Saga Part 1", day(1)), make_post(2, "Saga Part 1", day(2))};
  posts[0].date_gmt = "0000-00-00T00:00:00";  // an unpublished post
  posts[0].date = day(9);
  posts[1].date_gmt.clear();
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 1U);
  EXPECT_EQ(part_ids(posts, collection.series[0]), (Ids{2, 1}));
}

TEST(CollectSeries, ReportsMissingParts) {
  const std::vector<Post> posts = {
      make_post(1, "Saga Part 2", day(1)),
      make_post(2, "Saga Part 5", day(2)),
  };
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 1U);
  EXPECT_EQ(collection.series[0].missing, (Numbers{1, 3, 4}));
  EXPECT_EQ(collection.series[0].declared_total, 0);
}

TEST(CollectSeries, LonePartTwoIsASeriesMissingPartOne) {
  const std::vector<Post> posts = {make_post(7, "Healing After Loss, Part Two", day(1))};
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 1U);
  EXPECT_EQ(collection.series[0].missing, (Numbers{1}));
  EXPECT_EQ(collection.series[0].title, "Healing After Loss");
  EXPECT_TRUE(collection.standalone.empty());
}

TEST(CollectSeries, DeclaredTotalExtendsMissingParts) {
  const std::vector<Post> lone = {make_post(1, "Saga (2 of 3)", day(1))};
  const Collection only_two = collect_series(lone);
  ASSERT_EQ(only_two.series.size(), 1U);
  EXPECT_EQ(only_two.series[0].declared_total, 3);
  EXPECT_EQ(only_two.series[0].missing, (Numbers{1, 3}));

  const std::vector<Post> three = {make_post(1, "Saga - Part 1 of 4", day(1)),
                                   make_post(2, "Saga (Part 2 of 4)", day(2)), make_post(3, "Saga, Part 3", day(3))};
  const Collection all_but_last = collect_series(three);
  ASSERT_EQ(all_but_last.series.size(), 1U);
  EXPECT_EQ(all_but_last.series[0].declared_total, 4);
  EXPECT_EQ(all_but_last.series[0].missing, (Numbers{4}));
}

TEST(CollectSeries, WeakMarkersNeedTwoPosts) {
  const std::vector<Post> single = {make_post(1, "Top Tips #3", day(1)), make_post(2, "Other News", day(2))};
  const Collection none = collect_series(single);
  EXPECT_TRUE(none.series.empty());
  EXPECT_EQ(standalone_ids(single, none), (Ids{1, 2}));

  const std::vector<Post> pair = {make_post(1, "Top Tips #3", day(1)), make_post(2, "Top Tips #1", day(2))};
  const Collection series = collect_series(pair);
  ASSERT_EQ(series.series.size(), 1U);
  EXPECT_EQ(part_ids(pair, series.series[0]), (Ids{2, 1}));
  EXPECT_EQ(series.series[0].missing, (Numbers{2}));
  EXPECT_TRUE(series.standalone.empty());
}

TEST(CollectSeries, WeakMarkerJoinsAStrongSeries) {
  const std::vector<Post> posts = {make_post(1, "Saga Part 1", day(1)), make_post(2, "Saga #2", day(2))};
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 1U);
  EXPECT_EQ(part_numbers(collection.series[0]), (Numbers{1, 2}));
}

TEST(CollectSeries, FallsBackToTheSlug) {
  const std::vector<Post> posts = {
      make_post(1, "What am I missing? Part 1: Attachment", day(1), "what-am-i-missing-part-1"),
      make_post(2, "Applying Attachment Theory to Treatment and Recovery", day(2),
                "what-am-i-missing-part-2-applying-attachment-theory-to-treatment-and-recovery"),
  };
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 1U);
  EXPECT_EQ(collection.series[0].title, "What am I missing?");
  EXPECT_EQ(part_ids(posts, collection.series[0]), (Ids{1, 2}));
  EXPECT_TRUE(collection.standalone.empty());
}

TEST(CollectSeries, TitleWinsOverSlug) {
  // The slug still carries an old name and number; the title is what the author meant.
  const std::vector<Post> posts = {make_post(1, "Saga Part 3", day(1), "old-name-part-9")};
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 1U);
  EXPECT_EQ(collection.series[0].key, "saga");
  EXPECT_EQ(part_numbers(collection.series[0]), (Numbers{3}));
}

TEST(CollectSeries, SlugOnlySeriesGetsACapitalisedTitle) {
  const std::vector<Post> posts = {make_post(1, "Applying the Theory", day(1), "what-am-i-missing-part-2-applying")};
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 1U);
  EXPECT_EQ(collection.series[0].title, "What Am I Missing");
  EXPECT_EQ(collection.series[0].slug, "what-am-i-missing");
}

TEST(CollectSeries, TitleComesFromTheEarliestNumberedPart) {
  const std::vector<Post> posts = {
      make_post(1, "what am i missing – Part 2", day(1)),
      make_post(2, "What Am I Missing?, Part 1 —", day(2)),
  };
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 1U);
  EXPECT_EQ(collection.series[0].title, "What Am I Missing?");
}

TEST(CollectSeries, StandalonePostsOrderedByDateThenId) {
  const std::vector<Post> posts = {
      make_post(5, "Spare Parts", day(3)),         make_post(3, "World War II", day(1)),
      make_post(4, "Henry VIII", day(1)),          make_post(2, "Being Part of a Community", day(2)),
      make_post(1, "Part of the Problem", day(4)),
  };
  const Collection collection = collect_series(posts);
  EXPECT_TRUE(collection.series.empty());
  EXPECT_EQ(standalone_ids(posts, collection), (Ids{3, 4, 2, 5, 1}));
}

TEST(CollectSeries, NeverGroupsFalseFriends) {
  const std::vector<Post> posts = {
      make_post(1, "Being Part of a Community", day(1)),
      make_post(2, "Part-Time Work and Burnout", day(2)),
      make_post(3, "10 Ways to Calm Down", day(3)),
      make_post(4, "The Part of You That Worries", day(4)),
      make_post(5, "World War II", day(5)),
      make_post(6, "Henry VIII", day(6)),
      make_post(7, "Chapter and Verse", day(7)),
      make_post(8, "Part of the Problem", day(8)),
      make_post(9, "Spare Parts", day(9)),
      make_post(10, "Partly Cloudy", day(10)),
      make_post(11, "Counterpart Two", day(11)),
      make_post(12, "Apartment 3", day(12)),
      make_post(13, "Calm Down Before Bed", day(13)),
      make_post(14, "Calm Down After Work", day(14)),
      make_post(15, "Part 2", day(15), "part-2"),
  };
  const Collection collection = collect_series(posts);
  EXPECT_TRUE(collection.series.empty());
  EXPECT_EQ(collection.standalone.size(), posts.size());
}

TEST(CollectSeries, InterleavedSeriesAreSeparatedAndOrderedByFirstPart) {
  const std::vector<Post> posts = {
      make_post(1, "Beta Part 1", day(2)),     make_post(2, "Alpha Part 1", day(3)),
      make_post(3, "Beta Part 2", day(4)),     make_post(4, "Alpha Part 2", day(5)),
      make_post(5, "Random Thoughts", day(1)), make_post(6, "Beta Part 3", day(6)),
  };
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 2U);
  EXPECT_EQ(collection.series[0].title, "Beta");
  EXPECT_EQ(part_ids(posts, collection.series[0]), (Ids{1, 3, 6}));
  EXPECT_EQ(collection.series[1].title, "Alpha");
  EXPECT_EQ(part_ids(posts, collection.series[1]), (Ids{2, 4}));
  EXPECT_EQ(standalone_ids(posts, collection), (Ids{5}));
}

TEST(CollectSeries, SeriesStartingTheSameDayAreOrderedByTitle) {
  const std::vector<Post> posts = {make_post(1, "Zebra Part 1", day(1)), make_post(2, "Aardvark Part 1", day(1))};
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 2U);
  EXPECT_EQ(collection.series[0].title, "Aardvark");
  EXPECT_EQ(collection.series[1].title, "Zebra");
}

TEST(CollectSeries, SlugsAreUniqueAndNeverEmpty) {
  const std::vector<Post> posts = {
      make_post(1, "Café Part 1", day(1)),
      make_post(2, "Cafe! Part 1", day(2)),  // a different key that slugifies the same way
      make_post(3, "Привет Part 1", day(3)),
  };
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 3U);
  EXPECT_EQ(collection.series[0].slug, "cafe");
  EXPECT_EQ(collection.series[1].slug, "cafe-2");
  EXPECT_EQ(collection.series[2].slug, "series");
}

TEST(CollectSeries, DoesNotAlterPosts) {
  const std::vector<Post> posts = {make_post(1, "  Saga, Part 1 — Opening ", day(1))};
  const Collection collection = collect_series(posts);
  ASSERT_EQ(collection.series.size(), 1U);
  EXPECT_EQ(posts[0].title, "  Saga, Part 1 — Opening ");
  EXPECT_EQ(collection.series[0].title, "Saga");
}

TEST(CollectSeries, FiveHundredPartsAreFast) {
  std::vector<Post> posts;
  for (int n = 500; n >= 1; --n) posts.push_back(make_post(n, "The Long Road, Part " + std::to_string(n), day(n)));
  posts.push_back(make_post(1000, "An Aside", day(3)));
  const auto start = std::chrono::steady_clock::now();
  const Collection collection = collect_series(posts);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 1.0);
  ASSERT_EQ(collection.series.size(), 1U);
  const Series& series = collection.series[0];
  ASSERT_EQ(series.parts.size(), 500U);
  for (std::size_t i = 0; i < series.parts.size(); ++i) EXPECT_EQ(series.parts[i].number, static_cast<int>(i) + 1);
  EXPECT_TRUE(series.missing.empty());
  EXPECT_EQ(standalone_ids(posts, collection), (Ids{1000}));
}

TEST(Slugify, JoinsAsciiWordsWithDashes) {
  EXPECT_EQ(slugify("What Am I Missing?"), "what-am-i-missing");
  EXPECT_EQ(slugify("  What’s Next — Part 2!  "), "whats-next-part-2");
  EXPECT_EQ(slugify("Crème Brûlée & Co."), "creme-brulee-co");
  EXPECT_EQ(slugify("Cafe\u0301 Society"), "cafe-society");
  EXPECT_EQ(slugify("Привет"), "");
  EXPECT_EQ(slugify("---"), "");
  EXPECT_EQ(slugify("\xff\xfe"), "");
  EXPECT_EQ(slugify(""), "");
}

}  // namespace
}  // namespace pb::collect
