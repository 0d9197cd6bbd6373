// An on-disk HTTP cache keyed by URL: each entry is a body file and a small JSON file with the
// validators (ETag, Last-Modified), type and final URL. Entries are written to temporary files
// and renamed, body first, so a killed run never leaves an entry whose metadata describes a
// body that is not complete.
#pragma once

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

namespace pb::net {

struct CacheEntry {
  std::string url;
  std::string final_url;
  std::string etag;
  std::string last_modified;
  std::string content_type;
  std::string link;             // the Link header (REST API discovery and pagination)
  std::string total_pages;      // X-WP-TotalPages
  std::string total;            // X-WP-Total
  std::time_t fresh_until = 0;  // reusable without asking until then (Unix seconds); 0: always ask
  std::filesystem::path body;
  std::uintmax_t size = 0;
};

class HttpCache {
 public:
  // dir is created when missing. Throws BuildError when it cannot be.
  explicit HttpCache(std::filesystem::path dir);

  const std::filesystem::path& dir() const { return dir_; }

  // The entry for url, if one is stored and its body is whole.
  std::optional<CacheEntry> lookup(const std::string& url) const;

  // A new empty file inside the cache folder for a download in progress, open for writing;
  // its name goes to path. Opened as created, never truncated: on ext4 a truncated file is
  // written back to disk as soon as it is closed, which cost a cold build a flush per image.
  // Throws BuildError when the file cannot be made.
  std::FILE* create_temp_file(std::filesystem::path& path) const;

  // Moves a completed download (temp_body) into the cache under entry.url; returns the entry
  // with its final body path. Throws BuildError on a write failure.
  CacheEntry store(CacheEntry entry, const std::filesystem::path& temp_body);
  // Writes the metadata of an entry whose body is in place (store() uses it; after a 304, the
  // new lifetime). Throws BuildError on a write failure.
  void update(const CacheEntry& entry);

  // Small facts worth keeping between runs (where a site's REST API is), by key.
  std::optional<std::string> recall(const std::string& key) const;
  void remember(const std::string& key, const std::string& value);

  // The default folder: $XDG_CACHE_HOME/postbinder, else ~/.cache/postbinder.
  static std::filesystem::path default_dir();

 private:
  std::filesystem::path paths_for(const std::string& url, const char* suffix) const;
  std::filesystem::path dir_;
};

}  // namespace pb::net
