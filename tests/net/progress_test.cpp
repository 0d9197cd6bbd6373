// Progress: nothing with --quiet; plain lines when stderr is not a terminal.
#include "net/progress.h"

#include <gtest/gtest.h>
#include <unistd.h>

namespace pb::net {
namespace {

TEST(Progress, QuietPrintsNothing) {
  ::testing::internal::CaptureStderr();
  {
    Progress progress("images", 3, true);
    progress.transferred(1000);
    for (int i = 0; i < 3; ++i) progress.finished_one();
    progress.done();
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(Progress, WritesPlainLinesToALog) {
  if (isatty(STDERR_FILENO)) GTEST_SKIP() << "stderr is a terminal";
  ::testing::internal::CaptureStderr();
  {
    Progress progress("images", 2, false);
    progress.transferred(3 * 1024 * 1024);
    progress.finished_one();
    progress.finished_one();
  }
  const std::string text = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(text.find("postbinder: images: 2/2 done, 3.0 MB\n"), std::string::npos) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << "a terminal bar in a log: " << text;
}

// Images that arrive in batches (prefetched while chapters convert) share one display: a log
// gets one final line with the whole count, not a line per batch.
TEST(Progress, BatchesSharingADisplayEndWithOneLine) {
  if (isatty(STDERR_FILENO)) GTEST_SKIP() << "stderr is a terminal";
  ::testing::internal::CaptureStderr();
  {
    Progress progress("images", 0, false);
    for (int batch = 0; batch < 5; ++batch) {
      progress.expect(2);
      progress.transferred(1024 * 1024);
      progress.finished_one();
      progress.finished_one();
    }
  }
  const std::string text = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(text, "postbinder: images: 10/10 done, 5.0 MB\n");
}

TEST(Progress, NothingToFetchPrintsNothing) {
  ::testing::internal::CaptureStderr();
  { Progress progress("images", 0, false); }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace pb::net
