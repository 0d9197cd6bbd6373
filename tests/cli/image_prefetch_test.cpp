// ImagePrefetch: images requested while chapters convert are fetched in the background, once,
// prepared as each arrives, and handed to the embedder without fetching or preparing them again.
#include "cli/image_prefetch.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <variant>

namespace pb::cli {
namespace {

image::FetchedImage downloaded(const std::string& file) {
  image::FetchedImage image;
  image.file = file;
  return image;
}

image::FetchedImage failed(const std::string& error) {
  image::FetchedImage image;
  image.error = error;
  return image;
}

// A fetcher that records every URL it was asked for and answers with a file named after it,
// reporting each as it "arrives", and taking in what more() hands out between transfers.
class RecordingFetch {
 public:
  explicit RecordingFetch(int milliseconds_each = 1) : milliseconds_each_(milliseconds_each) {}
  StreamingFetch function() {
    return [this](const std::vector<std::string>& asked, const MoreImages& more, const ImageArrived& arrived) {
      std::vector<std::string> urls = asked;
      std::vector<image::FetchedImage> images;
      for (std::size_t next = 0; next < urls.size(); ++next) {
        const std::string url = urls[next];
        std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds_each_));  // a transfer takes time
        image::FetchedImage image = url.ends_with("/missing.png")
                                        ? failed("HTTP 404 Not Found")
                                        : downloaded("/cache/" + url.substr(url.rfind('/') + 1));
        {
          std::lock_guard lock(mutex_);
          asked_.push_back(url);
        }
        if (arrived) arrived(url, image);
        images.push_back(std::move(image));
        if (more)
          for (std::string& joining : more()) urls.push_back(std::move(joining));
      }
      std::lock_guard lock(mutex_);
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
  int milliseconds_each_;
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

TEST(ImagePrefetch, SourcesReportedDuringADownloadJoinItInsteadOfWaitingForItsEnd) {
  RecordingFetch recorder(20);
  ImagePrefetch prefetch(recorder.function());
  prefetch.request({"https://a.example/first.jpg", "https://a.example/second.jpg"});
  for (int i = 0; i < 200 && recorder.asked().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  prefetch.request({"https://a.example/late.jpg"});  // while the first batch is downloading
  for (int i = 0; i < 400 && recorder.asked().size() < 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const auto images = prefetch.fetcher()({"https://a.example/late.jpg"});
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].file, "/cache/late.jpg");
  EXPECT_EQ(recorder.asked().size(), 3u);
  EXPECT_EQ(recorder.batches(), 1) << "the late source waited for a batch of its own";
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
  ImagePrefetch prefetch{StreamingFetch{}};
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

// A preparer that records which files it prepared, and on which thread.
class RecordingPreparer {
 public:
  PrepareImage function() {
    return [this](const std::filesystem::path& file) {
      std::lock_guard lock(mutex_);
      prepared_.push_back(file.string());
      threads_.insert(std::this_thread::get_id());
      image::PreparedImage image;
      image.file = file.string() + ".jpg";
      image.format = image::Format::Jpeg;
      image.converted = true;
      return image;
    };
  }
  std::vector<std::string> prepared() {
    std::lock_guard lock(mutex_);
    return prepared_;
  }
  bool ran_on(std::thread::id thread) {
    std::lock_guard lock(mutex_);
    return threads_.contains(thread);
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> prepared_;
  std::set<std::thread::id> threads_;
};

TEST(ImagePrefetch, EachDownloadIsPreparedAsItArrivesBeforeTheEmbedderAsks) {
  RecordingFetch recorder;
  RecordingPreparer preparer;
  ImagePrefetch prefetch(recorder.function(), preparer.function());
  prefetch.request({"https://a.example/1.webp", "https://a.example/2.webp", "https://a.example/missing.png"});
  for (int i = 0; i < 400 && preparer.prepared().size() < 2; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(preparer.prepared().size(), 2u) << "preparing waited for the embedder";
  EXPECT_FALSE(preparer.ran_on(std::this_thread::get_id()));

  const auto images =
      prefetch.fetcher()({"https://a.example/2.webp", "https://a.example/missing.png", "https://a.example/1.webp"});
  ASSERT_EQ(images.size(), 3u);
  ASSERT_TRUE(images[0].prepared);
  EXPECT_EQ(images[0].prepared().file, "/cache/2.webp.jpg");
  EXPECT_FALSE(images[1].prepared) << "a failed download is not prepared";
  EXPECT_EQ(images[1].error, "HTTP 404 Not Found");
  ASSERT_TRUE(images[2].prepared);
  EXPECT_EQ(images[2].prepared().file, "/cache/1.webp.jpg");
  const std::vector<std::string> prepared = preparer.prepared();
  EXPECT_EQ(count(prepared, "/cache/1.webp"), 1u);
  EXPECT_EQ(count(prepared, "/cache/2.webp"), 1u);
}

TEST(ImagePrefetch, ImagesTheEmbedderFetchesItselfArePreparedToo) {
  RecordingFetch recorder;
  RecordingPreparer preparer;
  ImagePrefetch prefetch(recorder.function(), preparer.function());
  const auto images = prefetch.fetcher()({"https://a.example/late.webp"});
  ASSERT_EQ(images.size(), 1u);
  ASSERT_TRUE(images[0].prepared);
  EXPECT_EQ(images[0].prepared().file, "/cache/late.webp.jpg");
}

TEST(ImagePrefetch, WithoutAPreparerTheEmbedderPreparesEverything) {
  RecordingFetch recorder;
  ImagePrefetch prefetch(recorder.function());
  prefetch.request({"https://a.example/1.webp"});
  const auto images = prefetch.fetcher()({"https://a.example/1.webp"});
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].file, "/cache/1.webp");
  EXPECT_FALSE(images[0].prepared);
}

TEST(ImagePrefetch, AnImageNoWorkerHasStartedIsPreparedOnTheThreadAskingForIt) {
  RecordingFetch recorder;
  std::mutex mutex;
  std::map<std::string, std::thread::id> prepared_on;
  const std::size_t workers = std::max(1u, std::thread::hardware_concurrency());
  ImagePrefetch prefetch(recorder.function(), [&](const std::filesystem::path& file) {
    if (file.string().find("busy") != std::string::npos) std::this_thread::sleep_for(std::chrono::milliseconds(400));
    std::lock_guard lock(mutex);
    prepared_on[file.string()] = std::this_thread::get_id();
    image::PreparedImage image;
    image.file = file;
    return image;
  });
  std::vector<std::string> urls;
  for (std::size_t i = 0; i < workers; ++i) urls.push_back("https://a.example/busy-" + std::to_string(i) + ".webp");
  urls.push_back("https://a.example/queued.webp");
  prefetch.request(urls);
  const auto images = prefetch.fetcher()({"https://a.example/queued.webp"});
  ASSERT_EQ(images.size(), 1u);
  ASSERT_TRUE(images[0].prepared);
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(images[0].prepared().file, "/cache/queued.webp");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(300))
      << "waited for a busy worker instead of preparing it here";
  std::lock_guard lock(mutex);
  EXPECT_EQ(prepared_on["/cache/queued.webp"], std::this_thread::get_id());
}

TEST(ImagePrefetch, PreparationsNobodyAskedForAreDroppedOrFinishedOnDestruction) {
  RecordingFetch recorder;
  std::atomic<int> started{0};
  {
    ImagePrefetch prefetch(recorder.function(), [&started](const std::filesystem::path& file) {
      ++started;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      image::PreparedImage image;
      image.file = file;
      return image;
    });
    for (int i = 0; i < 50; ++i) prefetch.request({"https://a.example/" + std::to_string(i) + ".webp"});
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }  // returns without waiting for 50 slow preparations
  EXPECT_LT(started.load(), 50);
}

image::Conversion drawn(const std::string& file) {
  image::ConvertedImage image;
  image.file = file;
  image.format = image::Format::Jpeg;
  return image;
}

TEST(ImagePrefetch, WorkStartedAheadRunsOnAWorkerOnceAndGivesItsResult) {
  RecordingFetch recorder;
  ImagePrefetch prefetch(recorder.function(), [](const std::filesystem::path& file) {
    image::PreparedImage image;
    image.file = file;
    return image;
  });
  std::atomic<int> runs{0};
  std::thread::id ran_on;
  const auto result = prefetch.ahead([&] {
    ++runs;
    ran_on = std::this_thread::get_id();
    return drawn("/cache/cover.jpg");
  });
  for (int waited = 0; runs.load() == 0 && waited < 2000; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ASSERT_EQ(runs.load(), 1) << "no worker started the work";
  EXPECT_NE(ran_on, std::this_thread::get_id());
  for (int i = 0; i < 3; ++i) {
    const image::Conversion first = result();
    ASSERT_TRUE(std::holds_alternative<image::ConvertedImage>(first));
    EXPECT_EQ(std::get<image::ConvertedImage>(first).file, "/cache/cover.jpg");
  }
  EXPECT_EQ(runs.load(), 1);
}

TEST(ImagePrefetch, WorkAheadThatNoWorkerStartedRunsOnTheThreadAskingForIt) {
  RecordingFetch recorder;
  std::atomic<bool> release{false};
  const std::size_t workers = std::max(1u, std::thread::hardware_concurrency());
  ImagePrefetch prefetch(recorder.function(), [&release](const std::filesystem::path& file) {
    while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    image::PreparedImage image;
    image.file = file;
    return image;
  });
  std::vector<std::string> busy;  // keeps every worker waiting
  for (std::size_t i = 0; i < workers; ++i) busy.push_back("https://a.example/busy-" + std::to_string(i) + ".webp");
  prefetch.request(busy);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::thread::id ran_on;
  const auto result = prefetch.ahead([&] {
    ran_on = std::this_thread::get_id();
    return image::Conversion(std::string("no font"));
  });
  const image::Conversion outcome = result();
  release = true;
  ASSERT_TRUE(std::holds_alternative<std::string>(outcome));
  EXPECT_EQ(std::get<std::string>(outcome), "no font");
  EXPECT_EQ(ran_on, std::this_thread::get_id());
}

TEST(ImagePrefetch, WithoutAPreparerWorkAheadRunsWhenAskedFor) {
  RecordingFetch recorder;
  ImagePrefetch prefetch(recorder.function());
  std::atomic<int> runs{0};
  const auto result = prefetch.ahead([&] {
    ++runs;
    return drawn("/cache/cover.jpg");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(runs.load(), 0);
  EXPECT_TRUE(std::holds_alternative<image::ConvertedImage>(result()));
  EXPECT_EQ(runs.load(), 1);
}

}  // namespace
}  // namespace pb::cli
