#include "common/diagnostics.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace pb {
namespace {

TEST(Diagnostics, WarningsAreCollectedWithTheirOrigin) {
  Diagnostics diagnostics;
  testing::internal::CaptureStderr();
  diagnostics.warn("posts/a.json", "post 1 is a draft");
  diagnostics.warn("", "no origin");
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_EQ(diagnostics.warnings(), (std::vector<std::string>{"posts/a.json: post 1 is a draft", "no origin"}));
  EXPECT_EQ(printed, "postbinder: warning: posts/a.json: post 1 is a draft\npostbinder: warning: no origin\n");
}

TEST(Diagnostics, QuietSilencesNotesButNotWarnings) {
  Diagnostics diagnostics;
  diagnostics.set_quiet(true);
  EXPECT_TRUE(diagnostics.quiet());
  testing::internal::CaptureStderr();
  diagnostics.note("bound 3 posts");
  diagnostics.warn("x", "still shown");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "postbinder: warning: x: still shown\n");
  EXPECT_EQ(diagnostics.warnings().size(), 1u);
}

TEST(Diagnostics, NotesArePrintedButNotCollected) {
  Diagnostics diagnostics;
  testing::internal::CaptureStderr();
  diagnostics.note("skipped 2 JSON file(s)");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "postbinder: skipped 2 JSON file(s)\n");
  EXPECT_TRUE(diagnostics.warnings().empty());
}

TEST(Diagnostics, WarningsFromManyThreadsAreAllKept) {
  Diagnostics diagnostics;
  testing::internal::CaptureStderr();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&diagnostics, t] {
      for (int i = 0; i < 50; ++i) diagnostics.warn("t" + std::to_string(t), std::to_string(i));
    });
  for (std::thread& thread : threads) thread.join();
  testing::internal::GetCapturedStderr();
  EXPECT_EQ(diagnostics.warnings().size(), 200u);
}

}  // namespace
}  // namespace pb
