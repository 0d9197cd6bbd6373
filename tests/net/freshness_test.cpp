// How long a cached response may be reused without asking: Cache-Control first, then Expires.
#include "net/freshness.h"

#include <gtest/gtest.h>

namespace pb::net {
namespace {

constexpr std::time_t kNow = 1700000000;

std::time_t lifetime_of(const std::map<std::string, std::string>& headers) {
  const std::time_t until = fresh_until(headers, kNow);
  return until == 0 ? 0 : until - kNow;
}

TEST(Freshness, MaxAgeGivesTheLifetime) {
  EXPECT_EQ(lifetime_of({{"cache-control", "public, max-age=3600"}}), 3600);
  EXPECT_EQ(lifetime_of({{"cache-control", "Max-Age=10, immutable"}}), 10);
  EXPECT_EQ(lifetime_of({{"cache-control", "max-age=\"60\""}}), 60);
  EXPECT_EQ(lifetime_of({{"cache-control", "max-age=60, max-age=30"}}), 30) << "the shorter of two";
}

TEST(Freshness, TheAgeOnTheWayCountsAgainstIt) {
  EXPECT_EQ(lifetime_of({{"cache-control", "max-age=3600"}, {"age", "600"}}), 3000);
  EXPECT_EQ(lifetime_of({{"cache-control", "max-age=3600"}, {"age", "3600"}}), 0);
}

TEST(Freshness, NoCacheNoStoreAndNothingMeanAskEveryTime) {
  EXPECT_EQ(lifetime_of({}), 0);
  EXPECT_EQ(lifetime_of({{"cache-control", "no-cache, max-age=3600"}}), 0);
  EXPECT_EQ(lifetime_of({{"cache-control", "max-age=3600, no-store"}}), 0);
  EXPECT_EQ(lifetime_of({{"cache-control", "max-age=0, must-revalidate"}}), 0);
  EXPECT_EQ(lifetime_of({{"last-modified", "Tue, 05 Mar 2024 10:00:00 GMT"}}), 0) << "no heuristic lifetime";
}

TEST(Freshness, UnreadableValuesMeanAsk) {
  EXPECT_EQ(lifetime_of({{"cache-control", "max-age=soon"}}), 0);
  EXPECT_EQ(lifetime_of({{"cache-control", "max-age=-5"}}), 0);
  EXPECT_EQ(lifetime_of({{"expires", "0"}}), 0);
  EXPECT_EQ(lifetime_of({{"expires", "next week"}, {"date", "Sun, 06 Nov 1994 08:49:37 GMT"}}), 0);
}

TEST(Freshness, ExpiresCountsFromTheServersDate) {
  // The server's clock is 29 years behind ours: only the difference matters.
  EXPECT_EQ(lifetime_of({{"date", "Sun, 06 Nov 1994 08:49:37 GMT"}, {"expires", "Sun, 06 Nov 1994 09:49:37 GMT"}}),
            3600);
  EXPECT_EQ(lifetime_of({{"date", "Sun, 06 Nov 1994 08:49:37 GMT"}, {"expires", "Sun, 06 Nov 1994 08:00:00 GMT"}}), 0);
}

TEST(Freshness, MaxAgeWinsOverExpires) {
  EXPECT_EQ(lifetime_of({{"cache-control", "max-age=60"},
                         {"date", "Sun, 06 Nov 1994 08:49:37 GMT"},
                         {"expires", "Sun, 06 Nov 1994 08:00:00 GMT"}}),
            60);
}

TEST(Freshness, AHugeMaxAgeIsCapped) {
  EXPECT_EQ(lifetime_of({{"cache-control", "max-age=99999999999999999999999"}}), 2147483647);
  EXPECT_EQ(lifetime_of({{"cache-control", "max-age=9000000000000000000"}}), 2147483647);
}

}  // namespace
}  // namespace pb::net
