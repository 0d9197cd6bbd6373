// Starts downloading a book's images while its chapters are still being converted: the
// transformer reports each chapter's image sources as soon as that chapter is done, and a
// background thread fetches them, those reported while others are downloading joining the
// transfers under way. Each image is prepared (sniffed, and converted when it must be) on a
// worker thread as soon as its own download finishes, so conversions overlap the downloads still
// running instead of following the last one. The workers run at a lower priority: on a fast
// connection the CPU is better spent converting chapters and receiving the other images, and
// the embedder prepares any image no worker has started on its own threads. The embedder asks
// through fetcher(), which hands out what was prefetched (with its preparation) and fetches
// whatever was not.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/task_pool.h"
#include "image/image_embedder.h"

namespace pb::cli {

// Told of each URL's result as soon as it is known, on the fetching thread.
using ImageArrived = std::function<void(const std::string& url, const image::FetchedImage& image)>;
// URLs that should join the downloads under way; empty when there are none (yet).
using MoreImages = std::function<std::vector<std::string>()>;
// Downloads urls and those more() (may be empty) hands out meanwhile, blocking until all are
// done, tells arrived (may be empty) of each as it finishes, and returns them in that order.
using StreamingFetch = std::function<std::vector<image::FetchedImage>(
    const std::vector<std::string>& urls, const MoreImages& more, const ImageArrived& arrived)>;
// What a downloaded file becomes in the book; thread-safe (image::ImagePreparer::prepare).
using PrepareImage = std::function<image::PreparedImage(const std::filesystem::path& file)>;

class ImagePrefetch {
 public:
  // fetch empty: nothing is prefetched. prepare empty: downloads are not prepared ahead.
  explicit ImagePrefetch(StreamingFetch fetch, PrepareImage prepare = {});
  ~ImagePrefetch();  // waits for the batch in flight and the preparations running
  ImagePrefetch(const ImagePrefetch&) = delete;
  ImagePrefetch& operator=(const ImagePrefetch&) = delete;

  // Queues sources for download; thread-safe. Sources that are not http(s) URLs are ignored.
  void request(const std::vector<std::string>& sources);

  // Starts work on the background workers (at their lower priority) and returns what gives its
  // result: waiting for it, or doing it on the calling thread when no worker has started it yet.
  // Used for the cover a book without a featured image gets, drawn while its chapters convert.
  std::function<image::Conversion()> ahead(std::function<image::Conversion()> work);

  // A fetcher for the embedder: stops prefetching, waits for the batch in flight, and answers
  // from what was prefetched, fetching the rest.
  image::FetchImages fetcher();

  // Done with fetching: releases the real fetcher (and with it the progress display, which
  // writes its final line). The fetcher() given out must not be called afterwards.
  void close();

 private:
  void run();
  void finish();
  void arrived(const std::string& url, const image::FetchedImage& image);
  std::vector<image::FetchedImage> fetch(const std::vector<std::string>& urls);

  StreamingFetch fetch_;
  PrepareImage prepare_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::string> queue_;
  std::map<std::string, bool> seen_;  // every URL queued so far
  std::map<std::string, image::FetchedImage> done_;
  std::map<std::string, std::function<image::PreparedImage()>> preparing_;  // FetchedImage::prepared
  bool closing_ = false;
  // Declared after what its jobs use, so that it is destroyed (and its threads joined) first.
  std::unique_ptr<TaskPool> preparers_;
  std::thread worker_;
};

}  // namespace pb::cli
