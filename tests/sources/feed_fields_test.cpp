#include "sources/feed_fields.h"

#include <gtest/gtest.h>

#include <string>

namespace pb::sources {
namespace {

struct TimeCase {
  const char* text;
  const char* local;  // nullptr: unreadable
  const char* utc;
};

class Rfc822 : public testing::TestWithParam<TimeCase> {};

TEST_P(Rfc822, Parses) {
  const std::optional<FeedTime> time = parse_rfc822_time(GetParam().text);
  if (!GetParam().local) {
    EXPECT_FALSE(time) << time->local;
    return;
  }
  ASSERT_TRUE(time) << GetParam().text;
  EXPECT_EQ(time->local, GetParam().local);
  EXPECT_EQ(time->utc, GetParam().utc);
}

INSTANTIATE_TEST_SUITE_P(
    Dates, Rfc822,
    testing::Values(TimeCase{"Fri, 12 Apr 2024 14:15:30 +0000", "2024-04-12T14:15:30", "2024-04-12T14:15:30"},
                    TimeCase{"Fri, 12 Apr 2024 14:15:30 GMT", "2024-04-12T14:15:30", "2024-04-12T14:15:30"},
                    TimeCase{"  Fri,  12 Apr 2024 14:15:30 UT ", "2024-04-12T14:15:30", "2024-04-12T14:15:30"},
                    TimeCase{"12 Apr 2024 10:15:30 EDT", "2024-04-12T10:15:30", "2024-04-12T14:15:30"},
                    TimeCase{"Fri, 12 Apr 2024 16:15:30 +0200", "2024-04-12T16:15:30", "2024-04-12T14:15:30"},
                    TimeCase{"Fri, 12 Apr 2024 16:15:30 +02:00", "2024-04-12T16:15:30", "2024-04-12T14:15:30"},
                    TimeCase{"Sat, 13 Apr 2024 01:30:00 +0530", "2024-04-13T01:30:00", "2024-04-12T20:00:00"},
                    TimeCase{"Mon, 1 Jan 2024 00:30:00 +0100", "2024-01-01T00:30:00", "2023-12-31T23:30:00"},
                    TimeCase{"Thu, 29 Feb 2024 23:59:59 PST", "2024-02-29T23:59:59", "2024-03-01T07:59:59"},
                    TimeCase{"Fri, 12 Apr 24 14:15 +0000", "2024-04-12T14:15:00", "2024-04-12T14:15:00"},
                    TimeCase{"Friday, 12 April 2024 14:15:30 -0000", "2024-04-12T14:15:30", "2024-04-12T14:15:30"},
                    TimeCase{"Fri, 12 Apr 2024 14:15:30", "2024-04-12T14:15:30", "2024-04-12T14:15:30"},
                    TimeCase{"Apr 12 2024 14:15:30 +0000", "2024-04-12T14:15:30", "2024-04-12T14:15:30"},
                    TimeCase{"Fri, 12 Apr 1999 14:15:30 Z", "1999-04-12T14:15:30", "1999-04-12T14:15:30"},
                    TimeCase{"Sat, 31 Dec 2022 23:59:60 +0000", "2022-12-31T23:59:59", "2022-12-31T23:59:59"},
                    TimeCase{"", nullptr, nullptr}, TimeCase{"yesterday", nullptr, nullptr},
                    TimeCase{"Fri, 31 Apr 2024 10:00:00 +0000", nullptr, nullptr},
                    TimeCase{"Thu, 29 Feb 2023 10:00:00 +0000", nullptr, nullptr},
                    TimeCase{"Fri, 12 Foo 2024 10:00:00 +0000", nullptr, nullptr},
                    TimeCase{"Fri, 12 Apr 2024 25:00:00 +0000", nullptr, nullptr},
                    TimeCase{"Fri, 12 Apr 2024 10:00:00 +9999", nullptr, nullptr},
                    TimeCase{"Fri, 12 Apr 2024 10:00:00 +0000 extra", "2024-04-12T10:00:00", "2024-04-12T10:00:00"},
                    TimeCase{"2024-04-12T10:00:00Z", nullptr, nullptr}));

class Iso8601 : public testing::TestWithParam<TimeCase> {};

TEST_P(Iso8601, Parses) {
  const std::optional<FeedTime> time = parse_iso8601_time(GetParam().text);
  if (!GetParam().local) {
    EXPECT_FALSE(time) << time->local;
    return;
  }
  ASSERT_TRUE(time) << GetParam().text;
  EXPECT_EQ(time->local, GetParam().local);
  EXPECT_EQ(time->utc, GetParam().utc);
}

INSTANTIATE_TEST_SUITE_P(
    Dates, Iso8601,
    testing::Values(TimeCase{"2024-04-19T10:15:30-04:00", "2024-04-19T10:15:30", "2024-04-19T14:15:30"},
                    TimeCase{"2024-04-05T14:15:30Z", "2024-04-05T14:15:30", "2024-04-05T14:15:30"},
                    TimeCase{" 2024-04-05T14:15:30.123+00:00 ", "2024-04-05T14:15:30", "2024-04-05T14:15:30"},
                    TimeCase{"2024-04-05T23:30:00-0130", "2024-04-05T23:30:00", "2024-04-06T01:00:00"},
                    TimeCase{"2024-04-05", "2024-04-05T00:00:00", "2024-04-05T00:00:00"},
                    TimeCase{"2024-04-05 14:15:30", "2024-04-05T14:15:30", "2024-04-05T14:15:30"},
                    TimeCase{"2024-04-05T14:15", "2024-04-05T14:15:00", "2024-04-05T14:15:00"},
                    TimeCase{"2024-13-01T00:00:00Z", nullptr, nullptr},
                    TimeCase{"2024-04-05X14:15:30", nullptr, nullptr},
                    TimeCase{"2024-04-05T14:15:30+25:00", nullptr, nullptr},
                    TimeCase{"2024-04-05T14:15:30.Z", nullptr, nullptr}, TimeCase{"", nullptr, nullptr},
                    TimeCase{"Fri, 12 Apr 2024 14:15:30 +0000", nullptr, nullptr}));

TEST(MysqlTime, ReadsWxrDates) {
  EXPECT_EQ(parse_mysql_time("2024-04-05 16:15:30"), "2024-04-05T16:15:30");
  EXPECT_EQ(parse_mysql_time(" 2024-04-05 16:15:30\n"), "2024-04-05T16:15:30");
  EXPECT_FALSE(parse_mysql_time("0000-00-00 00:00:00"));
  EXPECT_FALSE(parse_mysql_time(""));
  EXPECT_FALSE(parse_mysql_time("2024-04-05T16:15:30"));
  EXPECT_FALSE(parse_mysql_time("2024-02-30 16:15:30"));
}

TEST(TimeArithmetic, ShiftsAndMeasures) {
  EXPECT_EQ(shift_time("2024-04-05T16:15:30", -7200), "2024-04-05T14:15:30");
  EXPECT_EQ(shift_time("2023-12-31T23:30:00", 3600), "2024-01-01T00:30:00");
  EXPECT_FALSE(shift_time("2024-04-05", 0));
  EXPECT_EQ(seconds_between("2024-04-05T16:15:30", "2024-04-05T14:15:30"), 7200);
  EXPECT_EQ(seconds_between("2024-03-01T00:00:00", "2024-02-28T00:00:00"), 2 * 86400);  // leap year
  EXPECT_FALSE(seconds_between("garbage", "2024-04-05T14:15:30"));
}

TEST(PostIdFromUrl, ReadsWordPressGuids) {
  EXPECT_EQ(post_id_from_url("https://example.org/?p=123"), 123);
  EXPECT_EQ(post_id_from_url(" https://example.org/blog/?page_id=7 "), 7);
  EXPECT_EQ(post_id_from_url("https://example.org/?cat=3&p=55"), 55);
  EXPECT_EQ(post_id_from_url("https://example.org/2024/04/slug/"), 0);
  EXPECT_EQ(post_id_from_url("https://example.org/?p=abc"), 0);
  EXPECT_EQ(post_id_from_url("https://example.org/?p=0"), 0);
  EXPECT_EQ(post_id_from_url("https://example.org/?pp=12"), 0);
  EXPECT_EQ(post_id_from_url("tag:example.org,2024:/slug"), 0);
  EXPECT_EQ(post_id_from_url(""), 0);
}

TEST(SyntheticPostId, IsStableAndNeverARealId) {
  const std::int64_t id = synthetic_post_id("https://example.org/2024/04/12/part-2/");
  EXPECT_GE(id, kFirstSyntheticPostId);
  EXPECT_LT(id, std::int64_t{1} << 53);
  EXPECT_EQ(synthetic_post_id("https://example.org/2024/04/12/part-2/"), id);
  // Spellings of the same page share the id.
  EXPECT_EQ(synthetic_post_id("http://www.example.org/2024/04/12/part-2"), id);
  EXPECT_EQ(synthetic_post_id("https://example.org/2024/04/12/part-2/#comments"), id);
  EXPECT_NE(synthetic_post_id("https://example.org/2024/04/12/part-3/"), id);
  EXPECT_GE(synthetic_post_id("not a url"), kFirstSyntheticPostId);
  EXPECT_NE(synthetic_post_id("not a url"), synthetic_post_id("another"));
}

TEST(SlugFromLink, TakesTheLastPathSegment) {
  EXPECT_EQ(slug_from_link("https://example.org/2024/04/12/part-2/"), "part-2");
  EXPECT_EQ(slug_from_link("https://example.org/part-2"), "part-2");
  EXPECT_EQ(slug_from_link("https://example.org/2024/04/caf%C3%A9/?utm=x#top"), "caf%C3%A9");
  EXPECT_EQ(slug_from_link("https://example.org/?p=12"), "");
  EXPECT_EQ(slug_from_link("https://example.org"), "");
  EXPECT_EQ(slug_from_link("part-2"), "");
}

}  // namespace
}  // namespace pb::sources
