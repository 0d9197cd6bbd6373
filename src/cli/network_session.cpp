#include "cli/network_session.h"

#include <cstdio>

namespace pb::cli {

NetworkSession::NetworkSession(const NetworkOptions& options, bool quiet) : options_(options), quiet_(quiet) {}

NetworkSession::~NetworkSession() = default;

std::filesystem::path NetworkSession::cache_dir() const {
  return options_.cache_dir.empty() ? net::HttpCache::default_dir() : std::filesystem::path(options_.cache_dir);
}

net::HttpCache& NetworkSession::cache() {
  if (!cache_) cache_ = std::make_unique<net::HttpCache>(cache_dir());
  return *cache_;
}

std::optional<std::string> NetworkSession::recall(const std::string& key) {
  std::error_code error;
  if (!cache_ && !std::filesystem::is_directory(cache_dir(), error)) return std::nullopt;
  try {
    return cache().recall(key);
  } catch (const std::exception&) {
    return std::nullopt;  // an unusable cache only costs speed
  }
}

void NetworkSession::remember(const std::string& key, const std::string& value) {
  try {
    cache().remember(key, value);
  } catch (const std::exception&) {
  }
}

net::HttpClient& NetworkSession::client() {
  if (!client_) {
    net::HttpOptions http;
    http.jobs = options_.jobs;
    http.timeout_seconds = options_.timeout_seconds;
    http.max_body_bytes = static_cast<std::uintmax_t>(options_.max_image_megabytes) * 1024 * 1024;
    http.offline = options_.offline;
    http.revalidate_all = options_.revalidate;
    http.delay_per_host = std::chrono::milliseconds(options_.delay_milliseconds);
    http.quiet = quiet_;
    client_ = std::make_unique<net::HttpClient>(http, cache());
  }
  return *client_;
}

namespace {

image::FetchedImage fetched_image(const net::HttpResponse& response) {
  image::FetchedImage image;
  if (response.ok()) image.file = response.body_file;
  image.error = response.error;
  return image;
}

}  // namespace

StreamingFetch NetworkSession::image_fetcher() {
  // One display for the book's images, however many batches they come in.
  auto progress = std::make_shared<net::Progress>("images", 0, quiet_);
  return [this, progress](const std::vector<std::string>& urls, const MoreImages& more, const ImageArrived& arrived) {
    net::ResponseCallback on_response;
    if (arrived)
      on_response = [&arrived](const net::HttpResponse& response) { arrived(response.url, fetched_image(response)); };
    std::vector<image::FetchedImage> images;
    for (const net::HttpResponse& response :
         client().fetch_all(urls, net::BodyMode::File, *progress, on_response, more))
      images.push_back(fetched_image(response));
    return images;
  };
}

std::string NetworkSession::summary() const {
  if (!client_) return "";
  const net::HttpStats& stats = client_->stats();
  char megabytes[32];
  std::snprintf(megabytes, sizeof megabytes, "%.1f MB", static_cast<double>(stats.bytes) / (1024.0 * 1024.0));
  std::string text = "network: " + std::to_string(stats.downloaded) + " downloaded (" + megabytes + ")";
  if (stats.revalidated) text += ", " + std::to_string(stats.revalidated) + " unchanged in the cache";
  if (stats.fresh) text += ", " + std::to_string(stats.fresh) + " fresh in the cache (not asked again)";
  if (stats.from_cache) text += ", " + std::to_string(stats.from_cache) + " from the cache (offline)";
  if (stats.failed) text += ", " + std::to_string(stats.failed) + " failed";
  return text;
}

}  // namespace pb::cli
