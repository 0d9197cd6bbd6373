// HttpCache: entries are a body and its metadata, stored atomically, found again by a new cache
// on the same folder, and never served when the body does not match what the metadata says.
#include "net/http_cache.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

#include "common/error.h"
#include "net/net_test_support.h"

namespace pb::net {
namespace {

namespace fs = std::filesystem;

class HttpCacheTest : public ::testing::Test {
 protected:
  // Stores content for url as a download would: a temp file in the cache, then store().
  CacheEntry put(HttpCache& cache, const std::string& url, const std::string& content, const std::string& etag = "") {
    const fs::path temp = written_temp_file(cache, content);
    CacheEntry entry;
    entry.url = url;
    entry.final_url = url + "?final";
    entry.etag = etag;
    entry.last_modified = "Tue, 05 Mar 2024 10:00:00 GMT";
    entry.content_type = "image/png";
    return cache.store(entry, temp);
  }

  static fs::path written_temp_file(HttpCache& cache, const std::string& content) {
    fs::path temp;
    std::FILE* file = cache.create_temp_file(temp);
    std::fwrite(content.data(), 1, content.size(), file);
    std::fclose(file);
    return temp;
  }

  TempDir dir_;
  fs::path folder_ = dir_.path() / "cache";
};

TEST_F(HttpCacheTest, AStoredEntryIsFoundWithItsBodyAndValidators) {
  HttpCache cache(folder_);
  const fs::path temp = written_temp_file(cache, "body bytes");
  CacheEntry entry;
  entry.url = "https://example.org/a.png";
  entry.final_url = "https://cdn.example.org/a.png";
  entry.etag = "\"e1\"";
  entry.last_modified = "Tue, 05 Mar 2024 10:00:00 GMT";
  entry.content_type = "image/png";
  entry.link = "<https://example.org/wp-json/>; rel=\"https://api.w.org/\"";
  entry.total_pages = "3";
  entry.total = "25";
  const CacheEntry stored = cache.store(entry, temp);
  EXPECT_FALSE(fs::exists(temp)) << "the download was copied, not moved";
  EXPECT_EQ(stored.size, 10u);
  EXPECT_EQ(test::slurp(stored.body), "body bytes");

  const std::optional<CacheEntry> found = cache.lookup("https://example.org/a.png");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->url, entry.url);
  EXPECT_EQ(found->final_url, entry.final_url);
  EXPECT_EQ(found->etag, entry.etag);
  EXPECT_EQ(found->last_modified, entry.last_modified);
  EXPECT_EQ(found->content_type, entry.content_type);
  EXPECT_EQ(found->link, entry.link);
  EXPECT_EQ(found->total_pages, "3");
  EXPECT_EQ(found->total, "25");
  EXPECT_EQ(found->size, 10u);
  EXPECT_EQ(found->body, stored.body);
  EXPECT_FALSE(cache.lookup("https://example.org/b.png").has_value());
}

TEST_F(HttpCacheTest, AnEntrySurvivesANewCacheOnTheSameFolder) {
  {
    HttpCache first(folder_);
    put(first, "https://example.org/kept.jpg", "kept", "\"k\"");
  }
  HttpCache second(folder_);
  const auto found = second.lookup("https://example.org/kept.jpg");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->etag, "\"k\"");
  EXPECT_EQ(test::slurp(found->body), "kept");
}

TEST_F(HttpCacheTest, TheKeyIsTheWholeUrl) {
  HttpCache cache(folder_);
  put(cache, "https://example.org/i.jpg?w=300", "small");
  put(cache, "https://example.org/i.jpg?w=1600", "large");
  EXPECT_EQ(test::slurp(cache.lookup("https://example.org/i.jpg?w=300")->body), "small");
  EXPECT_EQ(test::slurp(cache.lookup("https://example.org/i.jpg?w=1600")->body), "large");
  EXPECT_FALSE(cache.lookup("https://example.org/i.jpg").has_value());
}

TEST_F(HttpCacheTest, ATornEntryReadsAsMissing) {
  HttpCache cache(folder_);
  const CacheEntry stored = put(cache, "https://example.org/torn.jpg", "0123456789");
  // A body that grew or shrank after its metadata was written (a run killed mid-way, a
  // second writer) is not served.
  test::spit(stored.body, "01234");
  EXPECT_FALSE(cache.lookup("https://example.org/torn.jpg").has_value());
  test::spit(stored.body, "0123456789 and more");
  EXPECT_FALSE(cache.lookup("https://example.org/torn.jpg").has_value());
  test::spit(stored.body, "abcdefghij");  // same size: the entry is whole again
  EXPECT_TRUE(cache.lookup("https://example.org/torn.jpg").has_value());
}

TEST_F(HttpCacheTest, AnEntryWithoutItsBodyReadsAsMissing) {
  HttpCache cache(folder_);
  const CacheEntry stored = put(cache, "https://example.org/lost.jpg", "lost");
  fs::remove(stored.body);
  EXPECT_FALSE(cache.lookup("https://example.org/lost.jpg").has_value());
}

TEST_F(HttpCacheTest, DamagedOrForeignMetadataReadsAsMissing) {
  HttpCache cache(folder_);
  const CacheEntry a = put(cache, "https://example.org/a.jpg", "aaaa");
  const CacheEntry b = put(cache, "https://example.org/b.jpg", "bbbb");
  fs::path meta_a = a.body;
  meta_a.replace_extension(".json");
  fs::path meta_b = b.body;
  meta_b.replace_extension(".json");
  ASSERT_TRUE(fs::exists(meta_a)) << "metadata is expected next to the body as .json";
  // b's metadata names a's URL (a hash collision, a copied file): not b's entry.
  fs::copy_file(meta_a, meta_b, fs::copy_options::overwrite_existing);
  EXPECT_FALSE(cache.lookup("https://example.org/b.jpg").has_value());
  // Half-written JSON.
  test::spit(meta_a, "{\"url\": \"https://exa");
  EXPECT_FALSE(cache.lookup("https://example.org/a.jpg").has_value());
  test::spit(meta_a, "");
  EXPECT_FALSE(cache.lookup("https://example.org/a.jpg").has_value());
}

TEST_F(HttpCacheTest, StoringAgainReplacesTheEntry) {
  HttpCache cache(folder_);
  put(cache, "https://example.org/r.jpg", "old body", "\"1\"");
  put(cache, "https://example.org/r.jpg", "the new body", "\"2\"");
  const auto found = cache.lookup("https://example.org/r.jpg");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->etag, "\"2\"");
  EXPECT_EQ(test::slurp(found->body), "the new body");
  EXPECT_EQ(test::leftover_downloads(folder_), 0);
}

TEST_F(HttpCacheTest, ALifetimeIsKeptAndCanBeRenewedWithoutTheBody) {
  HttpCache cache(folder_);
  CacheEntry entry = put(cache, "https://example.org/f.jpg", "fresh body", "\"1\"");
  EXPECT_EQ(cache.lookup("https://example.org/f.jpg")->fresh_until, 0) << "none unless the server gave one";
  entry.fresh_until = 1900000000;
  cache.update(entry);
  const auto found = cache.lookup("https://example.org/f.jpg");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->fresh_until, 1900000000);
  EXPECT_EQ(found->etag, "\"1\"");
  EXPECT_EQ(test::slurp(found->body), "fresh body");
  EXPECT_EQ(test::leftover_downloads(folder_), 0);
}

TEST_F(HttpCacheTest, TemporaryFilesAreNewEmptyOpenAndInsideTheCache) {
  HttpCache cache(folder_);
  std::set<fs::path> seen;
  for (int i = 0; i < 5; ++i) {
    fs::path temp;
    std::FILE* file = cache.create_temp_file(temp);
    ASSERT_NE(file, nullptr);
    EXPECT_TRUE(fs::exists(temp));
    EXPECT_EQ(fs::file_size(temp), 0u);
    EXPECT_TRUE(temp.string().starts_with(folder_.string())) << temp;
    EXPECT_TRUE(seen.insert(temp).second) << "the same temporary file twice";
    EXPECT_GE(std::fputs("written", file), 0);
    EXPECT_EQ(std::fclose(file), 0);
    EXPECT_EQ(fs::file_size(temp), 7u) << "the file handed out is the one named";
  }
}

TEST_F(HttpCacheTest, AFolderThatCannotBeMadeIsABuildError) {
  test::spit(dir_.path() / "a-file", "not a folder");
  EXPECT_THROW(HttpCache(dir_.path() / "a-file" / "cache"), BuildError);
}

class EnvironmentVariable {
 public:
  EnvironmentVariable(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ~EnvironmentVariable() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }
  EnvironmentVariable(const EnvironmentVariable&) = delete;
  EnvironmentVariable& operator=(const EnvironmentVariable&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(HttpCacheDefaultDir, FollowsXdgCacheHomeThenHome) {
  const EnvironmentVariable home("HOME", "/home/reader");
  {
    const EnvironmentVariable xdg("XDG_CACHE_HOME", "/var/cache/reader");
    EXPECT_EQ(HttpCache::default_dir(), fs::path("/var/cache/reader/postbinder"));
  }
  {
    const EnvironmentVariable xdg("XDG_CACHE_HOME", "relative/cache");  // ignored, as the spec says
    EXPECT_EQ(HttpCache::default_dir(), fs::path("/home/reader/.cache/postbinder"));
  }
  const EnvironmentVariable xdg("XDG_CACHE_HOME", nullptr);
  EXPECT_EQ(HttpCache::default_dir(), fs::path("/home/reader/.cache/postbinder"));
}

}  // namespace
}  // namespace pb::net
