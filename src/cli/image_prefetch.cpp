#include "cli/image_prefetch.h"

#include <atomic>
#include <future>

#include "common/interrupt.h"
#include "common/url.h"

namespace pb::cli {

namespace {

// Background work gives way to the chapters, the downloads and the server answering them.
constexpr int kPreparerNiceness = 10;

// One piece of background work (an image's preparation, the cover), run once by whoever comes
// first: a worker, or the embedder asking for the result before any worker got to it (then on
// the embedder's thread, at its priority).
template <typename Result>
class RunOnce {
 public:
  explicit RunOnce(std::function<Result()> work) : task_(std::move(work)), result_(task_.get_future().share()) {}

  void run() {
    if (!started_.exchange(true)) task_();
  }
  Result get() {
    run();
    return result_.get();  // rethrows what the work threw (Ctrl-C)
  }

 private:
  std::packaged_task<Result()> task_;
  std::shared_future<Result> result_;
  std::atomic<bool> started_{false};
};

}  // namespace

ImagePrefetch::ImagePrefetch(StreamingFetch fetch, PrepareImage prepare)
    : fetch_(std::move(fetch)), prepare_(std::move(prepare)) {
  if (prepare_) preparers_ = std::make_unique<TaskPool>(0, kPreparerNiceness);
  if (fetch_) worker_ = std::thread([this] { run(); });
}

ImagePrefetch::~ImagePrefetch() {
  finish();
  preparers_.reset();  // drops preparations nobody will ask for; waits for the running ones
}

void ImagePrefetch::request(const std::vector<std::string>& sources) {
  if (!fetch_) return;
  std::lock_guard lock(mutex_);
  if (closing_) return;
  bool added = false;
  for (const std::string& source : sources) {
    if (!url::is_fetchable(source) || !seen_.emplace(source, true).second) continue;
    queue_.push_back(source);
    added = true;
  }
  if (added) wake_.notify_one();
}

void ImagePrefetch::arrived(const std::string& url, const image::FetchedImage& image) {
  {
    std::lock_guard lock(mutex_);
    done_.emplace(url, image);
  }
  if (!prepare_ || !image.error.empty() || image.file.empty()) return;
  auto preparation = std::make_shared<RunOnce<image::PreparedImage>>([prepare = prepare_, file = image.file] {
    throw_if_interrupted();
    return prepare(file);
  });
  {
    std::lock_guard lock(mutex_);
    if (preparing_.contains(url)) return;
    preparing_.emplace(url, [preparation] { return preparation->get(); });
  }
  preparers_->submit([preparation] { preparation->run(); });
}

std::function<image::Conversion()> ImagePrefetch::ahead(std::function<image::Conversion()> work) {
  auto once = std::make_shared<RunOnce<image::Conversion>>([work = std::move(work)] {
    throw_if_interrupted();
    return work();
  });
  if (preparers_) preparers_->submit([once] { once->run(); });
  return [once] { return once->get(); };
}

void ImagePrefetch::run() {
  const ImageArrived on_arrival = [this](const std::string& url, const image::FetchedImage& image) {
    arrived(url, image);
  };
  // Sources reported while a batch downloads join it; once closing, nothing more does.
  const MoreImages more = [this] {
    std::vector<std::string> next;
    std::lock_guard lock(mutex_);
    if (!closing_) next.swap(queue_);
    return next;
  };
  for (;;) {
    std::vector<std::string> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing, and nothing left
      batch.swap(queue_);
    }
    try {
      fetch_(batch, more, on_arrival);  // each answer is kept as it arrives
    } catch (...) {
      // Interrupted, or the client could not start: whatever failed here is fetched again, and
      // reported, by the embedder on the main thread.
      return;
    }
  }
}

void ImagePrefetch::finish() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    queue_.clear();  // not started yet: the embedder asks for these itself
  }
  wake_.notify_one();
  if (worker_.joinable()) worker_.join();
}

std::vector<image::FetchedImage> ImagePrefetch::fetch(const std::vector<std::string>& urls) {
  finish();
  std::vector<image::FetchedImage> results(urls.size());
  std::vector<std::string> missing;
  std::vector<std::size_t> missing_at;
  std::unique_lock lock(mutex_);
  for (std::size_t i = 0; i < urls.size(); ++i) {
    const auto found = done_.find(urls[i]);
    if (found != done_.end()) {
      results[i] = found->second;
    } else {
      missing.push_back(urls[i]);
      missing_at.push_back(i);
    }
  }
  lock.unlock();
  if (!missing.empty()) {
    const std::vector<image::FetchedImage> fetched =
        fetch_(missing, {}, [this](const std::string& url, const image::FetchedImage& image) { arrived(url, image); });
    for (std::size_t k = 0; k < missing.size() && k < fetched.size(); ++k) results[missing_at[k]] = fetched[k];
  }
  lock.lock();
  for (std::size_t i = 0; i < urls.size(); ++i)
    if (const auto preparing = preparing_.find(urls[i]); preparing != preparing_.end() && results[i].error.empty())
      results[i].prepared = preparing->second;
  return results;
}

void ImagePrefetch::close() {
  finish();
  preparers_.reset();  // the embedder has what it waited for; its threads are not needed
  fetch_ = nullptr;
}

image::FetchImages ImagePrefetch::fetcher() {
  if (!fetch_) return {};
  return [this](const std::vector<std::string>& urls) { return fetch(urls); };
}

}  // namespace pb::cli
