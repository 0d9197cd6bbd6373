#include "net/http_cache.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/digest.h"
#include "common/error.h"

namespace pb::net {

namespace fs = std::filesystem;

namespace {

constexpr const char* kLayout = "v1";

// Writes content to a new temporary file in the cache and returns its name.
fs::path write_temp_file(const HttpCache& cache, const std::string& content) {
  fs::path path;
  std::FILE* file = cache.create_temp_file(path);
  const bool written = std::fwrite(content.data(), 1, content.size(), file) == content.size();
  if (std::fclose(file) != 0 || !written) {
    std::error_code ignored;
    fs::remove(path, ignored);
    throw BuildError(path.string(), "cannot write to the cache");
  }
  return path;
}

}  // namespace

HttpCache::HttpCache(fs::path dir) : dir_(std::move(dir)) {
  std::error_code error;
  fs::create_directories(dir_ / kLayout, error);
  if (error) throw BuildError(dir_.string(), "cannot create the cache folder: " + error.message());
}

fs::path HttpCache::default_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "postbinder";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "postbinder";
  return fs::temp_directory_path() / "postbinder-cache";
}

fs::path HttpCache::paths_for(const std::string& url, const char* suffix) const {
  const std::string key = digest::sha256_hex(url);
  return dir_ / kLayout / key.substr(0, 2) / (key + suffix);
}

std::optional<CacheEntry> HttpCache::lookup(const std::string& url) const {
  std::ifstream stream(paths_for(url, ".json"), std::ios::binary);
  if (!stream) return std::nullopt;
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  const nlohmann::json meta = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (!meta.is_object() || meta.value("url", "") != url) return std::nullopt;
  CacheEntry entry;
  entry.url = url;
  entry.final_url = meta.value("final_url", url);
  entry.etag = meta.value("etag", "");
  entry.last_modified = meta.value("last_modified", "");
  entry.content_type = meta.value("content_type", "");
  entry.link = meta.value("link", "");
  entry.total_pages = meta.value("total_pages", "");
  entry.total = meta.value("total", "");
  if (const auto fresh = meta.find("fresh_until"); fresh != meta.end() && fresh->is_number_integer())
    entry.fresh_until = fresh->get<std::time_t>();
  entry.size = meta.value("size", std::uintmax_t{0});
  entry.body = paths_for(url, ".body");
  std::error_code error;
  if (fs::file_size(entry.body, error) != entry.size || error) return std::nullopt;  // torn or removed
  return entry;
}

std::FILE* HttpCache::create_temp_file(fs::path& path) const {
  std::string pattern = (dir_ / kLayout / "download-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) throw BuildError(dir_.string(), "cannot create a file in the cache folder");
  std::FILE* file = fdopen(fd, "wb");  // fdopen does not truncate
  if (!file) {
    close(fd);
    unlink(pattern.c_str());
    throw BuildError(dir_.string(), "cannot create a file in the cache folder");
  }
  path = pattern;
  return file;
}

std::optional<std::string> HttpCache::recall(const std::string& key) const {
  std::ifstream stream(paths_for("note:" + key, ".note"), std::ios::binary);
  if (!stream) return std::nullopt;
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

void HttpCache::remember(const std::string& key, const std::string& value) {
  const fs::path note = paths_for("note:" + key, ".note");
  std::error_code error;
  fs::create_directories(note.parent_path(), error);
  const fs::path temp = write_temp_file(*this, value);
  fs::rename(temp, note, error);
  if (error) fs::remove(temp, error);
}

CacheEntry HttpCache::store(CacheEntry entry, const fs::path& temp_body) {
  const fs::path body = paths_for(entry.url, ".body");
  const fs::path meta = paths_for(entry.url, ".json");
  std::error_code error;
  fs::create_directories(body.parent_path(), error);
  entry.size = fs::file_size(temp_body, error);
  if (error) throw BuildError(temp_body.string(), "the download vanished: " + error.message());
  // The old metadata goes first: between the two renames the entry reads as missing, never as
  // a new body with old validators.
  fs::remove(meta, error);
  fs::rename(temp_body, body, error);
  if (error) throw BuildError(body.string(), "cannot store in the cache: " + error.message());
  update(entry);
  entry.body = body;
  return entry;
}

void HttpCache::update(const CacheEntry& entry) {
  const nlohmann::json record = {{"url", entry.url},
                                 {"final_url", entry.final_url},
                                 {"etag", entry.etag},
                                 {"last_modified", entry.last_modified},
                                 {"content_type", entry.content_type},
                                 {"link", entry.link},
                                 {"total_pages", entry.total_pages},
                                 {"total", entry.total},
                                 {"fresh_until", entry.fresh_until},
                                 {"size", entry.size}};
  const fs::path meta = paths_for(entry.url, ".json");
  const fs::path temp_meta =
      write_temp_file(*this, record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  std::error_code error;
  fs::rename(temp_meta, meta, error);
  if (error) {
    fs::remove(temp_meta, error);
    throw BuildError(meta.string(), "cannot store in the cache: " + error.message());
  }
}

}  // namespace pb::net
