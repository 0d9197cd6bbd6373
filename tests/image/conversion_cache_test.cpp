#include "image/conversion_cache.h"

#include <gtest/gtest.h>

#include <fstream>
#include <mutex>
#include <set>
#include <thread>

namespace pb::image {
namespace {

namespace fs = std::filesystem;

class ConversionCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("conversion-cache-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "scratch");
  }
  void TearDown() override { fs::remove_all(root_); }

  // A producer that writes a small file and counts its calls.
  ConversionCache::Producer producer(int& calls, bool fail = false) {
    return [&calls, fail](const fs::path& stem) -> std::variant<ConvertedImage, std::string> {
      ++calls;
      if (fail) return std::string("cannot be decoded");
      const fs::path file = stem.string() + ".png";
      std::ofstream(file) << "png bytes";
      return ConvertedImage{file, Format::Png, 40, 30};
    };
  }

  fs::path root_;
};

TEST_F(ConversionCacheTest, ASecondRequestReusesTheResultWithoutConverting) {
  int calls = 0;
  ConversionCache first(root_ / "cache", root_ / "scratch");
  const auto made = std::get<ConvertedImage>(first.get_or_make("key", producer(calls)));
  ConversionCache second(root_ / "cache", root_ / "scratch");
  const auto reused = std::get<ConvertedImage>(second.get_or_make("key", producer(calls)));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(reused.file, made.file);
  EXPECT_EQ(reused.format, Format::Png);
  EXPECT_EQ(reused.width, 40);
  EXPECT_EQ(reused.height, 30);
  for (const auto& entry : fs::directory_iterator(root_ / "cache"))
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST_F(ConversionCacheTest, FailuresAreNotRemembered) {
  int calls = 0;
  ConversionCache cache(root_ / "cache", root_ / "scratch");
  EXPECT_TRUE(std::holds_alternative<std::string>(cache.get_or_make("key", producer(calls, true))));
  EXPECT_TRUE(std::holds_alternative<ConvertedImage>(cache.get_or_make("key", producer(calls))));
  EXPECT_EQ(calls, 2);
}

TEST_F(ConversionCacheTest, WithoutAFolderResultsGoToScratch) {
  int calls = 0;
  ConversionCache cache({}, root_ / "scratch");
  const auto made = std::get<ConvertedImage>(cache.get_or_make("key", producer(calls)));
  EXPECT_EQ(made.file.parent_path(), root_ / "scratch");
  cache.get_or_make("key", producer(calls));
  EXPECT_EQ(calls, 2);
}

TEST_F(ConversionCacheTest, TwoCachesOnOneScratchFolderNeverNameTwoResultsAlike) {
  // The embedder and the preparer of arriving downloads each have a cache, on several threads.
  ConversionCache first({}, root_ / "scratch");
  ConversionCache second({}, root_ / "scratch");
  std::mutex mutex;
  std::set<fs::path> files;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        int calls = 0;
        const auto made = std::get<ConvertedImage>((t % 2 ? first : second).get_or_make("key", producer(calls)));
        std::lock_guard lock(mutex);
        files.insert(made.file);
      }
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(files.size(), 100u);
}

TEST_F(ConversionCacheTest, AChangedSourceGetsANewKey) {
  const fs::path source = root_ / "photo.webp";
  std::ofstream(source) << "first";
  const ConvertLimits limits;
  const std::string before = ConversionCache::key_for_file(source, limits);
  std::ofstream(source) << "second, longer";
  EXPECT_NE(ConversionCache::key_for_file(source, limits), before);
  ConvertLimits narrower;
  narrower.max_width = 800;
  EXPECT_NE(ConversionCache::key_for_file(source, narrower), ConversionCache::key_for_file(source, limits));
}

}  // namespace
}  // namespace pb::image
