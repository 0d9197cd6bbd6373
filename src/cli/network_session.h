// The HTTP client and cache a command uses, built from the command-line options on first use
// (a build from local files with local images never creates the cache folder).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/image_prefetch.h"
#include "cli/options.h"
#include "common/diagnostics.h"
#include "common/libcurl.h"
#include "net/http_client.h"

namespace pb::cli {

class NetworkSession {
 public:
  NetworkSession(const NetworkOptions& options, bool quiet);
  ~NetworkSession();

  net::HttpClient& client();
  // The cache folder (--cache-dir or the default), whether or not anything was fetched.
  std::filesystem::path cache_dir() const;
  // Adapts the client to the image prefetch: downloads into the cache, files stay there, and
  // each image is reported as soon as its transfer ends.
  StreamingFetch image_fetcher();
  // "images: 12 downloaded (3.4 MB), 28 unchanged in the cache, 1 failed" or "" when unused.
  std::string summary() const;

  // Small facts kept in the cache between builds. Nothing is recalled before a cache folder
  // exists, and recalling never creates one.
  std::optional<std::string> recall(const std::string& key);
  void remember(const std::string& key, const std::string& value);

 private:
  net::HttpCache& cache();

  // libcurl loads on the other core while the posts are read (the first URL resolved needs it);
  // first member, so the load has ended before anything else of the session goes.
  LibcurlPreload libcurl_preload_;
  NetworkOptions options_;
  bool quiet_;
  std::unique_ptr<net::HttpCache> cache_;
  std::unique_ptr<net::HttpClient> client_;
};

}  // namespace pb::cli
