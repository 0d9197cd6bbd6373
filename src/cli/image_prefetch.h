// Starts downloading a book's images while its chapters are still being converted: the
// transformer reports each chapter's image sources as soon as that chapter is done, and a
// background thread fetches them in batches. Downloads (or revalidations against the cache)
// then overlap the HTML work instead of following it. The embedder asks through fetcher(),
// which hands out what was prefetched and fetches whatever was not.
#pragma once

#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "image/image_embedder.h"

namespace pb::cli {

class ImagePrefetch {
 public:
  // fetch: the real fetcher (blocking, one batch at a time); empty: nothing is prefetched.
  explicit ImagePrefetch(image::FetchImages fetch);
  ~ImagePrefetch();  // waits for the batch in flight
  ImagePrefetch(const ImagePrefetch&) = delete;
  ImagePrefetch& operator=(const ImagePrefetch&) = delete;

  // Queues sources for download; thread-safe. Sources that are not http(s) URLs are ignored.
  void request(const std::vector<std::string>& sources);

  // A fetcher for the embedder: stops prefetching, waits for the batch in flight, and answers
  // from what was prefetched, fetching the rest.
  image::FetchImages fetcher();

  // Done with fetching: releases the real fetcher (and with it the progress display, which
  // writes its final line). The fetcher() given out must not be called afterwards.
  void close();

 private:
  void run();
  void finish();
  std::vector<image::FetchedImage> fetch(const std::vector<std::string>& urls);

  image::FetchImages fetch_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::string> queue_;
  std::map<std::string, bool> seen_;  // every URL queued so far
  std::map<std::string, image::FetchedImage> done_;
  bool closing_ = false;
  std::thread worker_;
};

}  // namespace pb::cli
