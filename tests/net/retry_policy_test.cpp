// RetryPolicy: which failures are worth another try, the backoff, and reading Retry-After.
#include "net/retry_policy.h"

#include <gtest/gtest.h>

#include "common/libcurl.h"

namespace pb::net {
namespace {

using namespace std::chrono_literals;

TEST(RetryPolicy, RetriesTooManyRequestsAndServerErrorsOnly) {
  const RetryPolicy policy;
  for (long status : {429L, 500L, 502L, 503L, 504L, 599L}) EXPECT_TRUE(policy.should_retry_status(status)) << status;
  for (long status : {200L, 304L, 400L, 401L, 403L, 404L, 410L, 451L, 600L})
    EXPECT_FALSE(policy.should_retry_status(status)) << status;
}

TEST(RetryPolicy, RetriesConnectionErrorsButNotRefusalsOrTimeouts) {
  const RetryPolicy policy;
  for (CURLcode code :
       {CURLE_COULDNT_CONNECT, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE})
    EXPECT_TRUE(policy.should_retry_transport(code)) << pb::libcurl().easy_strerror(code);
  for (CURLcode code : {CURLE_OK, CURLE_UNSUPPORTED_PROTOCOL, CURLE_TOO_MANY_REDIRECTS, CURLE_FILESIZE_EXCEEDED,
                        CURLE_WRITE_ERROR, CURLE_OPERATION_TIMEDOUT, CURLE_URL_MALFORMAT})
    EXPECT_FALSE(policy.should_retry_transport(code)) << pb::libcurl().easy_strerror(code);
}

TEST(RetryPolicy, BackoffDoublesFromTheFirstDelayAndIsBounded) {
  RetryPolicy policy;
  policy.first_delay = 100ms;
  EXPECT_EQ(policy.backoff(1), 100ms);
  EXPECT_EQ(policy.backoff(2), 200ms);
  EXPECT_EQ(policy.backoff(3), 400ms);
  EXPECT_EQ(policy.backoff(4), 800ms);
  EXPECT_EQ(policy.backoff(0), 100ms);
  EXPECT_EQ(policy.backoff(1000), policy.backoff(11)) << "the doubling stops; no overflow";
  EXPECT_GT(policy.backoff(1000), 0ms);
}

TEST(RetryAfter, ReadsSeconds) {
  EXPECT_EQ(parse_retry_after("1", 0), 1000ms);
  EXPECT_EQ(parse_retry_after(" 120 ", 0), 120000ms);
  EXPECT_EQ(parse_retry_after("0", 0), 0ms);
  EXPECT_EQ(parse_retry_after("-5", 0), 0ms);
}

TEST(RetryAfter, ReadsAnHttpDateRelativeToNow) {
  const std::time_t now = 1709632800;  // Tue, 05 Mar 2024 10:00:00 GMT
  EXPECT_EQ(parse_retry_after("Tue, 05 Mar 2024 10:00:30 GMT", now), 30000ms);
  EXPECT_EQ(parse_retry_after("Tue, 05 Mar 2024 09:00:00 GMT", now), 0ms) << "a date in the past: no wait";
}

TEST(RetryAfter, AbsentOrUnreadableIsNothing) {
  EXPECT_FALSE(parse_retry_after("", 0).has_value());
  EXPECT_FALSE(parse_retry_after("   ", 0).has_value());
  EXPECT_FALSE(parse_retry_after("soon", 0).has_value());
  EXPECT_FALSE(parse_retry_after("12abc", 0).has_value());
}

}  // namespace
}  // namespace pb::net
