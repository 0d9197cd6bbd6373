// ImagePrefetch: images requested while chapters convert are fetched in the background, once,
// and handed to the embedder without fetching them again.
#include "cli/image_prefetch.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace pb::cli {
namespace {

// A fetcher that records every URL it was asked for and answers with a file named after it.
class RecordingFetch {
 public:
  image::FetchImages function() {
    return [this](const std::vector<std::string>& urls) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a transfer takes time
      std::lock_guard lock(mutex_);
      std::vector<image::FetchedImage> images;
      for (const std::string& url : urls) {
        asked_.push_back(url);
        if (url.ends_with("/missing.png"))
          images.push_back({{}, "HTTP 404 Not Found"});
        else
          images.push_back({"/cache/" + url.substr(url.rfind('/') + 1), ""});
      }
      ++batches_;
      return images;
    };
  }
  std::vector<std::string> asked() {
    std::lock_guard lock(mutex_);
    return asked_;
  }
  int batches() {
    std::lock_guard lock(mutex_);
    return batches_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> asked_;
  int batches_ = 0;
};

std::size_t count(const std::vector<std::string>& list, const std::string& item) {
  return static_cast<std::size_t>(std::count(list.begin(), list.end(), item));
}

TEST(ImagePrefetch, RequestedImagesAreFetchedInTheBackgroundAndNotAgain) {
  RecordingFetch recorder;
  ImagePrefetch prefetch(recorder.function());
  prefetch.request({"https://a.example/1.jpg", "https://a.example/2.jpg"});
  // The background thread starts without being asked for results.
  for (int i = 0; i < 200 && recorder.asked().size() < 2; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(recorder.asked().size(), 2u) << "nothing was fetched before the embedder asked";

  const auto images =
      prefetch.fetcher()({"https://a.example/1.jpg", "https://a.example/3.jpg", "https://a.example/2.jpg"});
  ASSERT_EQ(images.size(), 3u);
  EXPECT_EQ(images[0].file, "/cache/1.jpg");
  EXPECT_EQ(images[1].file, "/cache/3.jpg");
  EXPECT_EQ(images[2].file, "/cache/2.jpg");
  const std::vector<std::string> asked = recorder.asked();
  EXPECT_EQ(asked.size(), 3u) << "prefetched images are not fetched twice";
  EXPECT_EQ(count(asked, "https://a.example/3.jpg"), 1u);
}

TEST(ImagePrefetch, RequestsFromManyThreadsAreEachFetchedOnce) {
  RecordingFetch recorder;
  {
    ImagePrefetch prefetch(recorder.function());
    std::vector<std::thread> chapters;
    for (int chapter = 0; chapter < 8; ++chapter)
      chapters.emplace_back([&prefetch, chapter] {
        for (int i = 0; i < 20; ++i)
          prefetch.request({"https://a.example/" + std::to_string((chapter * 20 + i) % 50) + ".jpg"});
      });
    for (std::thread& thread : chapters) thread.join();
    std::vector<std::string> all;
    for (int i = 0; i < 50; ++i) all.push_back("https://a.example/" + std::to_string(i) + ".jpg");
    const auto images = prefetch.fetcher()(all);
    ASSERT_EQ(images.size(), 50u);
    for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(images[i].file, "/cache/" + std::to_string(i) + ".jpg");
  }
  const std::vector<std::string> asked = recorder.asked();
  EXPECT_EQ(asked.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(count(asked, "https://a.example/" + std::to_string(i) + ".jpg"), 1u) << i;
}

TEST(ImagePrefetch, FailuresAreKeptAndLocalSourcesAreNotFetched) {
  RecordingFetch recorder;
  ImagePrefetch prefetch(recorder.function());
  prefetch.request(
      {"https://a.example/missing.png", "/home/me/local.png", "data:image/png;base64,AAAA", "file:///etc/passwd"});
  const auto images = prefetch.fetcher()({"https://a.example/missing.png"});
  ASSERT_EQ(images.size(), 1u);
  EXPECT_TRUE(images[0].file.empty());
  EXPECT_EQ(images[0].error, "HTTP 404 Not Found");
  EXPECT_EQ(recorder.asked(), std::vector<std::string>{"https://a.example/missing.png"});
}

TEST(ImagePrefetch, WithoutAFetcherNothingHappens) {
  ImagePrefetch prefetch{image::FetchImages{}};
  prefetch.request({"https://a.example/1.jpg"});
  EXPECT_FALSE(static_cast<bool>(prefetch.fetcher()));
}

TEST(ImagePrefetch, ABuildThatFailsBeforeEmbeddingStopsCleanly) {
  RecordingFetch recorder;
  {
    ImagePrefetch prefetch(recorder.function());
    for (int i = 0; i < 100; ++i) prefetch.request({"https://a.example/" + std::to_string(i) + ".jpg"});
  }  // destroyed without fetcher() being called: joins, leaks no thread
  EXPECT_LE(recorder.asked().size(), 100u);
}

}  // namespace
}  // namespace pb::cli
