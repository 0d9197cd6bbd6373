// TaskPool: jobs submitted one by one run on the pool's threads, no more at once than it has,
// and a pool destroyed with jobs waiting drops them instead of running them.
#include "common/task_pool.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <set>
#include <thread>

namespace pb {
namespace {

using namespace std::chrono_literals;

TEST(TaskPool, EveryJobRunsOffTheSubmittingThread) {
  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::vector<std::future<void>> done;
  {
    TaskPool pool(3);
    for (int i = 0; i < 30; ++i) {
      auto task = std::make_shared<std::packaged_task<void()>>([&] {
        std::lock_guard lock(mutex);
        threads.insert(std::this_thread::get_id());
      });
      done.push_back(task->get_future());
      pool.submit([task] { (*task)(); });
    }
    for (auto& job : done) job.get();
  }
  EXPECT_FALSE(threads.contains(std::this_thread::get_id()));
  EXPECT_LE(threads.size(), 3u);
  EXPECT_GE(threads.size(), 1u);
}

TEST(TaskPool, NoMoreJobsRunAtOnceThanThePoolHasThreads) {
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  std::atomic<int> finished{0};
  {
    TaskPool pool(2);
    for (int i = 0; i < 8; ++i)
      pool.submit([&] {
        const int now = ++running;
        for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
        }
        std::this_thread::sleep_for(10ms);
        --running;
        ++finished;
      });
    while (finished.load() < 8) std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(most.load(), 2);
}

TEST(TaskPool, JobsNotStartedWhenThePoolIsDestroyedAreDropped) {
  std::atomic<int> started{0};
  std::future<void> never;
  {
    TaskPool pool(1);
    pool.submit([&] {
      ++started;
      std::this_thread::sleep_for(50ms);
    });
    auto dropped = std::make_shared<std::packaged_task<void()>>([&] { ++started; });
    never = dropped->get_future();
    pool.submit([dropped] { (*dropped)(); });
    for (int i = 0; i < 100 && started.load() == 0; ++i) std::this_thread::sleep_for(1ms);
  }  // waits for the first job, drops the second
  EXPECT_EQ(started.load(), 1);
  EXPECT_THROW(never.get(), std::future_error) << "whoever waits for a dropped job hears of it";
}

TEST(TaskPool, ANicePoolRunsItsJobsAtALowerPriority) {
  const int own = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
  std::promise<int> seen;
  TaskPool pool(1, 5);
  pool.submit([&] { seen.set_value(getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()))); });
  EXPECT_EQ(seen.get_future().get(), std::min(own + 5, 19));
  EXPECT_EQ(getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())), own) << "the submitting thread is unchanged";
}

TEST(TaskPool, AnIdlePoolStartsNoThread) {
  const auto before = std::chrono::steady_clock::now();
  { TaskPool pool; }
  EXPECT_LT(std::chrono::steady_clock::now() - before, 100ms);
}

}  // namespace
}  // namespace pb
