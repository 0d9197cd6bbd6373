// A fixed set of worker threads that run submitted jobs in the order they came, for work that
// arrives piece by piece (an image whose download just finished) rather than as one known batch
// (parallel_for). The threads start with the first job, so an idle pool costs nothing.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pb {

class TaskPool {
 public:
  // threads 0: one per core. niceness > 0 runs the jobs at a lower priority than the rest of
  // the process (Linux: each thread has its own nice value).
  explicit TaskPool(std::size_t threads = 0, int niceness = 0);
  // Drops the jobs not yet started and waits for the running ones.
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  // Thread-safe. A job must not throw (wrap it in a std::packaged_task to carry a result or an
  // exception to whoever waits for it).
  void submit(std::function<void()> job);

 private:
  void work();

  std::size_t size_;
  int niceness_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace pb
