// NetworkSession: the summary line a build ends with says what the network did, in the terms
// a user can check (downloaded, unchanged, fresh in the cache, failed).
#include "cli/network_session.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/temp_dir.h"
#include "support/test_http_server.h"

namespace pb::cli {
namespace {

TEST(NetworkSession, TheSummarySaysWhatWasDownloadedRevalidatedAndReusedFresh) {
  pb::testing::TestHttpServer server;
  server.server().Get("/fresh.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_header("Cache-Control", "max-age=3600");
    response.set_content("fresh", "image/jpeg");
  });
  server.server().Get("/asked.jpg", [](const httplib::Request& request, httplib::Response& response) {
    response.set_header("ETag", "\"a\"");
    if (request.get_header_value("If-None-Match") == "\"a\"") {
      response.status = 304;
      return;
    }
    response.set_content("asked", "image/jpeg");
  });
  server.start();
  TempDir dir;
  NetworkOptions options;
  options.cache_dir = (dir.path() / "cache").string();
  const std::vector<std::string> urls = {server.url("/fresh.jpg"), server.url("/asked.jpg"), server.url("/gone.jpg")};
  const auto summary_of_a_run = [&](const NetworkOptions& run_options) {
    NetworkSession session(run_options, true);
    const std::vector<image::FetchedImage> images = session.image_fetcher()(urls, {}, {});
    EXPECT_EQ(images.size(), 3u);
    return session.summary();
  };
  EXPECT_EQ(summary_of_a_run(options), "network: 2 downloaded (0.0 MB), 1 failed");
  EXPECT_EQ(
      summary_of_a_run(options),
      "network: 0 downloaded (0.0 MB), 1 unchanged in the cache, 1 fresh in the cache (not asked again), 1 failed");
  NetworkOptions revalidate = options;
  revalidate.revalidate = true;
  EXPECT_EQ(summary_of_a_run(revalidate), "network: 1 downloaded (0.0 MB), 1 unchanged in the cache, 1 failed")
      << "/fresh.jpg has no validator: asked again, it is downloaded again";
}

}  // namespace
}  // namespace pb::cli
