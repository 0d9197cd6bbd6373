#include "cli/image_prefetch.h"

#include "common/url.h"

namespace pb::cli {

ImagePrefetch::ImagePrefetch(image::FetchImages fetch) : fetch_(std::move(fetch)) {
  if (fetch_) worker_ = std::thread([this] { run(); });
}

ImagePrefetch::~ImagePrefetch() {
  finish();
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

void ImagePrefetch::run() {
  for (;;) {
    std::vector<std::string> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing, and nothing left
      batch.swap(queue_);
    }
    std::vector<image::FetchedImage> fetched;
    try {
      fetched = fetch_(batch);
    } catch (...) {
      // Interrupted, or the client could not start: whatever failed here is fetched again, and
      // reported, by the embedder on the main thread.
      return;
    }
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < batch.size() && i < fetched.size(); ++i) done_.emplace(batch[i], fetched[i]);
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
  for (std::size_t i = 0; i < urls.size(); ++i) {
    const auto found = done_.find(urls[i]);
    if (found != done_.end()) {
      results[i] = found->second;
    } else {
      missing.push_back(urls[i]);
      missing_at.push_back(i);
    }
  }
  if (!missing.empty()) {
    const std::vector<image::FetchedImage> fetched = fetch_(missing);
    for (std::size_t k = 0; k < missing.size() && k < fetched.size(); ++k) results[missing_at[k]] = fetched[k];
  }
  return results;
}

void ImagePrefetch::close() {
  finish();
  fetch_ = nullptr;
}

image::FetchImages ImagePrefetch::fetcher() {
  if (!fetch_) return {};
  return [this](const std::vector<std::string>& urls) { return fetch(urls); };
}

}  // namespace pb::cli
