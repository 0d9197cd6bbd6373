#include "common/task_pool.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

namespace pb {

TaskPool::TaskPool(std::size_t threads, int niceness)
    : size_(threads ? threads : std::max(1u, std::thread::hardware_concurrency())), niceness_(niceness) {}

TaskPool::~TaskPool() {
  std::deque<std::function<void()>> dropped;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    dropped.swap(jobs_);  // destroyed outside the lock: a dropped job may own a promise
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void TaskPool::submit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    jobs_.push_back(std::move(job));
    if (threads_.size() < size_) threads_.emplace_back([this] { work(); });
  }
  wake_.notify_one();
}

void TaskPool::work() {
  // Best effort: a thread that cannot be made nicer still does its work.
  if (niceness_ > 0) setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), niceness_);
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace pb
