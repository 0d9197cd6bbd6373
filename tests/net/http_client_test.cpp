// HttpClient against a loopback server: concurrency limits, conditional requests from the cache,
// retries, redirects, timeouts, size caps, offline mode and the request headers sent.
#include "net/http_client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "net/net_test_support.h"
#include "support/test_http_server.h"

namespace pb::net {
namespace {

using namespace std::chrono_literals;
using pb::testing::TestHttpServer;
using test::quick_options;
using test::Stopwatch;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class HttpClientTest : public ::testing::Test {
 protected:
  HttpResponse fetch_one(const std::string& url, HttpOptions options = quick_options()) {
    HttpClient client(std::move(options), cache_);
    return client.fetch(url, BodyMode::Memory);
  }

  TempDir dir_;
  HttpCache cache_{dir_.path() / "cache"};
  TestHttpServer server_;
};

// ---------------------------------------------------------------- concurrency

TEST_F(HttpClientTest, FortyDelayedImagesOnTwoHostsFinishInAboutFiveDelays) {
  TestHttpServer other("127.0.0.2");
  for (TestHttpServer* host : {&server_, &other}) {
    host->server().Get(R"(/delayed/(\d+)\.jpg)", [](const httplib::Request& request, httplib::Response& response) {
      std::this_thread::sleep_for(200ms);
      response.set_content("image " + request.matches[1].str(), "image/jpeg");
    });
    host->start();
  }
  std::vector<std::string> urls;
  for (int i = 0; i < 40; ++i) urls.push_back((i % 2 ? other : server_).url("/delayed/" + std::to_string(i) + ".jpg"));

  HttpOptions options = quick_options();
  options.jobs = 8;
  options.per_host = 4;
  HttpClient client(options, cache_);
  const Stopwatch stopwatch;
  const std::vector<HttpResponse> responses = client.fetch_all(urls, BodyMode::Memory, "images");
  const long long elapsed = stopwatch.milliseconds();

  ASSERT_EQ(responses.size(), 40u);
  for (int i = 0; i < 40; ++i) {
    EXPECT_TRUE(responses[static_cast<std::size_t>(i)].ok()) << responses[static_cast<std::size_t>(i)].error;
    EXPECT_EQ(responses[static_cast<std::size_t>(i)].body, "image " + std::to_string(i));
  }
  // 20 images per host, 4 at once: 5 rounds of 200 ms. Sequential would be 40 rounds.
  EXPECT_LT(elapsed, 9 * 200) << "40 downloads of 200 ms took " << elapsed << " ms";
  EXPECT_GE(elapsed, 5 * 200 - 50) << "more than 4 transfers at once to one host?";
  EXPECT_LE(server_.most_at_once(), 4);
  EXPECT_LE(other.most_at_once(), 4);
  EXPECT_GE(server_.most_at_once() + other.most_at_once(), 6) << "the two hosts were not served in parallel";
  EXPECT_EQ(client.stats().downloaded, 40u);
  EXPECT_EQ(client.stats().requests, 40u);
}

TEST_F(HttpClientTest, JobsLimitsTransfersInAll) {
  server_.server().Get(R"(/slow/(\d+))", [](const httplib::Request&, httplib::Response& response) {
    std::this_thread::sleep_for(100ms);
    response.set_content("x", "image/png");
  });
  server_.start();
  std::vector<std::string> urls;
  for (int i = 0; i < 6; ++i) urls.push_back(server_.url("/slow/" + std::to_string(i)));
  HttpOptions options = quick_options();
  options.jobs = 2;
  HttpClient client(options, cache_);
  const Stopwatch stopwatch;
  for (const HttpResponse& response : client.fetch_all(urls, BodyMode::File, "images"))
    EXPECT_TRUE(response.ok()) << response.error;
  EXPECT_LE(server_.most_at_once(), 2);
  EXPECT_GE(stopwatch.milliseconds(), 3 * 100 - 30);
}

// Regression (was a bug): MultiTransfer::run() collects finished transfers and then sleeps in curl_multi_poll (up
// to 100 ms) before start_ready_jobs() fills the freed slots; with no transfer left to wake it,
// every freed slot idles the full 100 ms. Ten instant downloads with --jobs 1 take ~1 s instead
// of a few ms, and the 40-image test above needs ~7 delays instead of ~5.
TEST_F(HttpClientTest, AFreedSlotIsReusedAtOnce) {
  server_.server().Get(R"(/instant/(\d+))", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("x", "image/png");
  });
  server_.start();
  std::vector<std::string> urls;
  for (int i = 0; i < 10; ++i) urls.push_back(server_.url("/instant/" + std::to_string(i)));
  HttpOptions options = quick_options();
  options.jobs = 1;
  HttpClient client(options, cache_);
  const Stopwatch stopwatch;
  for (const HttpResponse& response : client.fetch_all(urls, BodyMode::File, "images"))
    EXPECT_TRUE(response.ok()) << response.error;
  EXPECT_LT(stopwatch.milliseconds(), 400) << "ten instant downloads one after the other";
}

TEST_F(HttpClientTest, DelayPerHostSpacesRequestsToOneHost) {
  server_.server().Get(R"(/page/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
    response.set_content("page " + request.matches[1].str(), "text/plain");
  });
  server_.start();
  std::vector<std::string> urls;
  for (int i = 0; i < 4; ++i) urls.push_back(server_.url("/page/" + std::to_string(i)));
  HttpOptions options = quick_options();
  options.delay_per_host = 150ms;
  HttpClient client(options, cache_);
  const Stopwatch stopwatch;
  const std::vector<HttpResponse> responses = client.fetch_all(urls, BodyMode::Memory, "pages");
  for (const HttpResponse& response : responses) EXPECT_TRUE(response.ok()) << response.error;
  EXPECT_GE(stopwatch.milliseconds(), 3 * 150) << "4 requests to one host need at least 3 pauses";
  EXPECT_EQ(server_.most_at_once(), 1);
}

TEST_F(HttpClientTest, ResponsesComeBackInTheOrderAsked) {
  server_.server().Get(R"(/wait/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
    std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(request.matches[1].str())));
    response.set_content("waited " + request.matches[1].str(), "text/plain");
  });
  server_.start();
  const std::vector<std::string> urls = {server_.url("/wait/300"), server_.url("/wait/10"), server_.url("/wait/150")};
  HttpClient client(quick_options(), cache_);
  const auto responses = client.fetch_all(urls, BodyMode::Memory, "images");
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(responses[0].url, urls[0]);
  EXPECT_EQ(responses[0].body, "waited 300");
  EXPECT_EQ(responses[1].body, "waited 10");
  EXPECT_EQ(responses[2].body, "waited 150");
}

TEST_F(HttpClientTest, TheSameUrlTwiceIsOneRequest) {
  server_.server().Get("/twice.png", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("png bytes", "image/png");
  });
  server_.start();
  const std::string url = server_.url("/twice.png");
  HttpClient client(quick_options(), cache_);
  const auto responses = client.fetch_all({url, url, url}, BodyMode::Memory, "images");
  ASSERT_EQ(responses.size(), 3u);
  for (const HttpResponse& response : responses) {
    EXPECT_TRUE(response.ok()) << response.error;
    EXPECT_EQ(response.body, "png bytes");
  }
  EXPECT_EQ(server_.count("/twice.png"), 1u);
  EXPECT_EQ(client.stats().downloaded, 1u);
  EXPECT_EQ(client.stats().requests, 1u);
}

TEST_F(HttpClientTest, EachAnswerIsReportedOnceAsSoonAsItIsFinal) {
  server_.server().Get(R"(/wait/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
    std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(request.matches[1].str())));
    response.set_content("waited " + request.matches[1].str(), "image/png");
  });
  server_.server().Get("/gone.png",
                       [](const httplib::Request&, httplib::Response& response) { response.status = 404; });
  server_.start();
  const std::string slow = server_.url("/wait/400");
  const std::string quick = server_.url("/wait/10");
  const std::string gone = server_.url("/gone.png");
  const std::string refused = "file:///etc/passwd";
  HttpClient client(quick_options(), cache_);
  const Stopwatch stopwatch;
  std::vector<std::pair<std::string, long long>> reported;  // url, when
  std::map<std::string, std::string> errors;
  Progress progress("", 0, true);
  const auto responses = client.fetch_all({slow, quick, gone, quick, refused}, BodyMode::File, progress,
                                          [&](const HttpResponse& response) {
                                            reported.emplace_back(response.url, stopwatch.milliseconds());
                                            errors[response.url] = response.error;
                                            if (response.ok()) {
                                              EXPECT_TRUE(std::filesystem::exists(response.body_file)) << response.url;
                                            }
                                          });
  const long long finished = stopwatch.milliseconds();
  ASSERT_EQ(responses.size(), 5u);
  ASSERT_EQ(reported.size(), 4u) << "one report per distinct URL";
  std::map<std::string, long long> when;
  for (const auto& [url, at] : reported) when[url] = at;
  EXPECT_TRUE(when.contains(slow) && when.contains(quick) && when.contains(gone) && when.contains(refused));
  EXPECT_LT(when[quick], 300) << "the quick image was reported only when the batch ended";
  EXPECT_GE(when[slow], 350);
  EXPECT_LE(when[slow], finished);
  EXPECT_EQ(errors[quick], "");
  EXPECT_EQ(errors[gone], "HTTP 404 Not Found");
  EXPECT_FALSE(errors[refused].empty());
}

TEST_F(HttpClientTest, UrlsHandedOutDuringABatchJoinIt) {
  server_.server().Get(R"(/wait/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
    std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(request.matches[1].str())));
    response.set_content("waited " + request.matches[1].str(), "image/png");
  });
  server_.start();
  const std::string slow = server_.url("/wait/400");
  const std::string joining = server_.url("/wait/20");
  HttpClient client(quick_options(), cache_);
  Progress progress("", 0, true);
  const Stopwatch stopwatch;
  int asked = 0;
  std::map<std::string, long long> when;
  const auto responses = client.fetch_all(
      {slow}, BodyMode::Memory, progress,
      [&](const HttpResponse& response) { when[response.url] = stopwatch.milliseconds(); },
      [&]() -> std::vector<std::string> {
        ++asked;
        if (asked == 3) return {joining, slow};  // a repeat of a URL in the batch is no new transfer
        return {};
      });
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(responses[0].body, "waited 400");
  EXPECT_EQ(responses[1].url, joining);
  EXPECT_EQ(responses[1].body, "waited 20");
  EXPECT_EQ(responses[2].body, "waited 400");
  EXPECT_LT(when[joining], 300) << "the joining URL waited for the batch to end";
  EXPECT_EQ(server_.count("/wait/400"), 1u);
  EXPECT_EQ(client.stats().downloaded, 2u);
}

TEST_F(HttpClientTest, OfflineAnswersAreReportedToo) {
  server_.server().Get("/kept.gif", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("gif bytes", "image/gif");
  });
  server_.start();
  const std::string kept = server_.url("/kept.gif");
  ASSERT_TRUE(fetch_one(kept).ok());
  HttpOptions options = quick_options();
  options.offline = true;
  HttpClient client(options, cache_);
  Progress progress("", 0, true);
  std::vector<std::string> reported;
  client.fetch_all({kept, server_.url("/absent.gif")}, BodyMode::File, progress,
                   [&](const HttpResponse& response) { reported.push_back(response.url + " " + response.error); });
  EXPECT_EQ(reported,
            (std::vector<std::string>{kept + " ", server_.url("/absent.gif") + " not in the cache (--offline)"}));
}

// ---------------------------------------------------------------- the cache and revalidation

TEST_F(HttpClientTest, ABodyIsStoredInTheCacheWithItsValidators) {
  server_.server().Get("/stored.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_header("ETag", "\"abc\"");
    response.set_header("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
    response.set_content("jpeg body", "image/jpeg");
  });
  server_.start();
  const std::string url = server_.url("/stored.jpg");
  HttpClient client(quick_options(), cache_);
  const HttpResponse response = client.fetch(url, BodyMode::File);
  ASSERT_TRUE(response.ok()) << response.error;
  EXPECT_EQ(response.status, 200);
  EXPECT_FALSE(response.from_cache);
  EXPECT_TRUE(response.body.empty()) << "BodyMode::File does not fill body";
  EXPECT_EQ(test::slurp(response.body_file), "jpeg body");
  EXPECT_EQ(response.body_size, 9u);
  EXPECT_EQ(response.header("content-type"), "image/jpeg");
  const auto entry = cache_.lookup(url);
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->etag, "\"abc\"");
  EXPECT_EQ(entry->last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
  EXPECT_EQ(entry->content_type, "image/jpeg");
  EXPECT_EQ(entry->body, response.body_file);
  EXPECT_EQ(client.stats().bytes, 9u);
  EXPECT_EQ(test::leftover_downloads(cache_.dir()), 0);
}

TEST_F(HttpClientTest, ASecondFetchSendsIfNoneMatchAndA304TransfersNoBody) {
  std::atomic<int> bodies_sent{0};
  server_.server().Get(R"(/etag/(\d+)\.jpg)", [&](const httplib::Request& request, httplib::Response& response) {
    const std::string etag = "\"v" + request.matches[1].str() + "\"";
    response.set_header("ETag", etag);
    if (request.get_header_value("If-None-Match") == etag) {
      response.status = 304;
      return;
    }
    ++bodies_sent;
    response.set_content("etag body " + request.matches[1].str(), "image/jpeg");
  });
  server_.start();
  std::vector<std::string> urls;
  for (int i = 0; i < 5; ++i) urls.push_back(server_.url("/etag/" + std::to_string(i) + ".jpg"));
  {
    HttpClient first(quick_options(), cache_);
    for (const HttpResponse& response : first.fetch_all(urls, BodyMode::File, "images")) ASSERT_TRUE(response.ok());
    EXPECT_EQ(first.stats().downloaded, 5u);
  }
  ASSERT_EQ(bodies_sent.load(), 5);
  const std::size_t before = server_.requests().size();

  HttpClient second(quick_options(), cache_);
  const auto responses = second.fetch_all(urls, BodyMode::Memory, "images");
  for (std::size_t i = 0; i < responses.size(); ++i) {
    EXPECT_TRUE(responses[i].ok()) << responses[i].error;
    EXPECT_TRUE(responses[i].from_cache);
    EXPECT_EQ(responses[i].body, "etag body " + std::to_string(i)) << "a 304 answer serves the cached body";
    EXPECT_EQ(responses[i].status, 200);
  }
  EXPECT_EQ(bodies_sent.load(), 5) << "the second fetch downloaded bodies again";
  EXPECT_EQ(second.stats().downloaded, 0u);
  EXPECT_EQ(second.stats().revalidated, 5u);
  EXPECT_EQ(second.stats().bytes, 0u);
  const auto seen = server_.requests();
  ASSERT_EQ(seen.size(), before + 5);
  for (std::size_t i = before; i < seen.size(); ++i) {
    const auto header = seen[i].headers.find("if-none-match");
    ASSERT_NE(header, seen[i].headers.end()) << seen[i].path << " was not a conditional request";
    EXPECT_EQ(header->second, "\"v" + seen[i].path.substr(6, 1) + "\"");
  }
}

// A server that says how long its answer stays good (as most hosts do for uploads) is not asked
// again before then; --revalidate asks anyway.
TEST_F(HttpClientTest, AResponseItsServerCallsFreshIsReusedWithoutARequest) {
  server_.server().Get("/fresh.jpg", [](const httplib::Request& request, httplib::Response& response) {
    response.set_header("ETag", "\"f\"");
    response.set_header("Cache-Control", "public, max-age=31536000");
    if (request.get_header_value("If-None-Match") == "\"f\"") {
      response.status = 304;
      return;
    }
    response.set_content("fresh image", "image/jpeg");
  });
  server_.start();
  const std::string url = server_.url("/fresh.jpg");
  ASSERT_TRUE(fetch_one(url).ok());
  {
    HttpClient again(quick_options(), cache_);
    const HttpResponse response = again.fetch(url, BodyMode::Memory);
    ASSERT_TRUE(response.ok()) << response.error;
    EXPECT_TRUE(response.from_cache);
    EXPECT_EQ(response.body, "fresh image");
    EXPECT_EQ(again.stats().fresh, 1u);
    EXPECT_EQ(again.stats().requests, 0u);
    EXPECT_EQ(server_.count("/fresh.jpg"), 1u);
  }
  HttpOptions revalidate = quick_options();
  revalidate.revalidate_all = true;
  HttpClient asking(revalidate, cache_);
  const HttpResponse response = asking.fetch(url, BodyMode::Memory);
  ASSERT_TRUE(response.ok()) << response.error;
  EXPECT_EQ(response.body, "fresh image");
  EXPECT_EQ(asking.stats().revalidated, 1u);
  EXPECT_EQ(server_.count("/fresh.jpg"), 2u);
}

TEST_F(HttpClientTest, ALifetimeGivenWithA304IsKeptForTheNextRun) {
  server_.server().Get("/later.jpg", [](const httplib::Request& request, httplib::Response& response) {
    response.set_header("ETag", "\"l\"");
    if (request.get_header_value("If-None-Match") == "\"l\"") {
      response.set_header("Cache-Control", "max-age=600");
      response.status = 304;
      return;
    }
    response.set_header("Cache-Control", "no-cache");
    response.set_content("later image", "image/jpeg");
  });
  server_.start();
  const std::string url = server_.url("/later.jpg");
  ASSERT_TRUE(fetch_one(url).ok());
  ASSERT_TRUE(fetch_one(url).ok());  // no-cache: asked, and the 304 says 600 s
  EXPECT_EQ(server_.count("/later.jpg"), 2u);
  HttpClient third(quick_options(), cache_);
  EXPECT_EQ(third.fetch(url, BodyMode::Memory).body, "later image");
  EXPECT_EQ(third.stats().fresh, 1u);
  EXPECT_EQ(server_.count("/later.jpg"), 2u);
}

TEST_F(HttpClientTest, AFreshAnswerReachedThroughARedirectIsAskedAgain) {
  server_.server().Get("/moved.jpg", [&](const httplib::Request&, httplib::Response& response) {
    response.set_redirect(server_.url("/target.jpg"), 302);
  });
  server_.server().Get("/target.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_header("Cache-Control", "max-age=3600");
    response.set_content("target image", "image/jpeg");
  });
  server_.start();
  ASSERT_TRUE(fetch_one(server_.url("/moved.jpg")).ok());
  ASSERT_TRUE(fetch_one(server_.url("/moved.jpg")).ok());
  EXPECT_EQ(server_.count("/moved.jpg"), 2u) << "the redirect may point elsewhere next time";
}

TEST_F(HttpClientTest, ASecondFetchSendsIfModifiedSinceWhenThereIsNoETag) {
  const std::string stamp = "Tue, 05 Mar 2024 10:00:00 GMT";
  std::atomic<int> bodies_sent{0};
  server_.server().Get(R"(/dated/(\d+)\.png)", [&](const httplib::Request& request, httplib::Response& response) {
    response.set_header("Last-Modified", stamp);
    if (request.get_header_value("If-Modified-Since") == stamp) {
      response.status = 304;
      return;
    }
    ++bodies_sent;
    response.set_content("dated body " + request.matches[1].str(), "image/png");
  });
  server_.start();
  const std::vector<std::string> urls = {server_.url("/dated/1.png"), server_.url("/dated/2.png")};
  HttpClient(quick_options(), cache_).fetch_all(urls, BodyMode::File, "images");
  ASSERT_EQ(bodies_sent.load(), 2);
  const std::size_t before = server_.requests().size();

  HttpClient second(quick_options(), cache_);
  const auto responses = second.fetch_all(urls, BodyMode::Memory, "images");
  EXPECT_EQ(responses[1].body, "dated body 2");
  EXPECT_EQ(bodies_sent.load(), 2);
  EXPECT_EQ(second.stats().downloaded, 0u);
  EXPECT_EQ(second.stats().revalidated, 2u);
  EXPECT_EQ(second.stats().bytes, 0u);
  const auto seen = server_.requests();
  for (std::size_t i = before; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].headers.count("if-none-match"), 0u);
    EXPECT_EQ(seen[i].headers.count("if-modified-since") ? seen[i].headers.at("if-modified-since") : "", stamp);
  }
}

TEST_F(HttpClientTest, AChangedImageIsDownloadedAgainAndReplacesTheCachedOne) {
  std::atomic<int> version{1};
  server_.server().Get("/changing.jpg", [&](const httplib::Request& request, httplib::Response& response) {
    const std::string etag = "\"" + std::to_string(version.load()) + "\"";
    response.set_header("ETag", etag);
    if (request.get_header_value("If-None-Match") == etag) {
      response.status = 304;
      return;
    }
    response.set_content("version " + std::to_string(version.load()), "image/jpeg");
  });
  server_.start();
  const std::string url = server_.url("/changing.jpg");
  EXPECT_EQ(fetch_one(url).body, "version 1");
  version = 2;
  HttpClient client(quick_options(), cache_);
  const HttpResponse response = client.fetch(url, BodyMode::Memory);
  EXPECT_EQ(response.body, "version 2");
  EXPECT_EQ(client.stats().downloaded, 1u);
  EXPECT_EQ(cache_.lookup(url)->etag, "\"2\"");
  EXPECT_EQ(test::slurp(cache_.lookup(url)->body), "version 2");
}

TEST_F(HttpClientTest, AnEmptyBodyIsStoredAsAnEmptyFile) {
  server_.server().Get("/empty.png", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("", "image/png");
  });
  server_.start();
  HttpClient client(quick_options(), cache_);
  const HttpResponse response = client.fetch(server_.url("/empty.png"), BodyMode::File);
  ASSERT_TRUE(response.ok()) << response.error;
  ASSERT_TRUE(std::filesystem::exists(response.body_file));
  EXPECT_EQ(std::filesystem::file_size(response.body_file), 0u);
  EXPECT_EQ(response.body_size, 0u);
}

TEST_F(HttpClientTest, OfflineServesTheCacheWithoutARequestAndNamesWhatIsMissing) {
  server_.server().Get("/cached.gif", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("gif bytes", "image/gif");
  });
  server_.start();
  const std::string cached = server_.url("/cached.gif");
  const std::string uncached = server_.url("/never-fetched.gif");
  ASSERT_TRUE(fetch_one(cached).ok());
  const std::size_t before = server_.requests().size();

  HttpOptions options = quick_options();
  options.offline = true;
  HttpClient client(options, cache_);
  const auto responses = client.fetch_all({cached, uncached}, BodyMode::Memory, "images");
  EXPECT_EQ(server_.requests().size(), before) << "offline mode sent a request";
  ASSERT_TRUE(responses[0].ok()) << responses[0].error;
  EXPECT_EQ(responses[0].body, "gif bytes");
  EXPECT_TRUE(responses[0].from_cache);
  EXPECT_EQ(responses[0].header("content-type"), "image/gif");
  EXPECT_FALSE(responses[1].ok());
  EXPECT_TRUE(contains(responses[1].error, "not in the cache")) << responses[1].error;
  EXPECT_EQ(client.stats().from_cache, 1u);
  EXPECT_EQ(client.stats().failed, 1u);
  EXPECT_EQ(client.stats().requests, 0u);
}

// ---------------------------------------------------------------- failures and retries

TEST_F(HttpClientTest, NotFoundIsNotRetriedAndSaysHttp404) {
  server_.server().Get("/gone.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.status = 404;
    response.set_content("<html>no such page</html>", "text/html");
  });
  server_.start();
  HttpClient client(quick_options(), cache_);
  const HttpResponse response = client.fetch(server_.url("/gone.jpg"), BodyMode::Memory);
  EXPECT_FALSE(response.ok());
  EXPECT_TRUE(contains(response.error, "HTTP 404")) << response.error;
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body, "<html>no such page</html>") << "the body of an error answer is kept";
  EXPECT_EQ(response.attempts, 1);
  EXPECT_EQ(server_.count("/gone.jpg"), 1u);
  EXPECT_FALSE(cache_.lookup(server_.url("/gone.jpg")).has_value()) << "an error answer was cached";
  EXPECT_EQ(client.stats().failed, 1u);
  EXPECT_EQ(client.stats().downloaded, 0u);
  EXPECT_EQ(test::leftover_downloads(cache_.dir()), 0);
}

TEST_F(HttpClientTest, OtherClientErrorsAreNotRetriedEither) {
  server_.server().Get("/forbidden.jpg",
                       [](const httplib::Request&, httplib::Response& response) { response.status = 403; });
  server_.start();
  const HttpResponse response = fetch_one(server_.url("/forbidden.jpg"));
  EXPECT_TRUE(contains(response.error, "HTTP 403")) << response.error;
  EXPECT_EQ(server_.count("/forbidden.jpg"), 1u);
}

TEST_F(HttpClientTest, TooManyRequestsWaitsForRetryAfterThenSucceeds) {
  std::atomic<int> calls{0};
  server_.server().Get("/busy.jpg", [&](const httplib::Request&, httplib::Response& response) {
    if (calls++ == 0) {
      response.status = 429;
      response.set_header("Retry-After", "1");
      return;
    }
    response.set_content("finally", "image/jpeg");
  });
  server_.start();
  const Stopwatch stopwatch;
  const HttpResponse response = fetch_one(server_.url("/busy.jpg"));
  const long long elapsed = stopwatch.milliseconds();
  EXPECT_TRUE(response.ok()) << response.error;
  EXPECT_EQ(response.body, "finally");
  EXPECT_EQ(response.attempts, 2);
  EXPECT_EQ(server_.count("/busy.jpg"), 2u);
  EXPECT_GE(elapsed, 950) << "Retry-After: 1 was not honoured";
  EXPECT_LT(elapsed, 5000);
}

TEST_F(HttpClientTest, ARetryAfterBeyondTheLongestWaitGivesUpAtOnce) {
  server_.server().Get("/later.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.status = 429;
    response.set_header("Retry-After", "3600");
  });
  server_.start();
  HttpOptions options = quick_options();
  options.retry.longest_wait = 2s;
  const Stopwatch stopwatch;
  const HttpResponse response = fetch_one(server_.url("/later.jpg"), options);
  EXPECT_FALSE(response.ok());
  EXPECT_TRUE(contains(response.error, "429")) << response.error;
  EXPECT_TRUE(contains(response.error, "3600")) << response.error;
  EXPECT_EQ(server_.count("/later.jpg"), 1u);
  EXPECT_LT(stopwatch.milliseconds(), 1500);
}

TEST_F(HttpClientTest, AServerErrorThenSuccessSucceeds) {
  std::atomic<int> calls{0};
  server_.server().Get("/flaky.png", [&](const httplib::Request&, httplib::Response& response) {
    if (calls++ == 0) {
      response.status = 500;
      response.set_content("oops", "text/plain");
      return;
    }
    response.set_content("png", "image/png");
  });
  server_.start();
  HttpClient client(quick_options(), cache_);
  const HttpResponse response = client.fetch(server_.url("/flaky.png"), BodyMode::Memory);
  EXPECT_TRUE(response.ok()) << response.error;
  EXPECT_EQ(response.body, "png");
  EXPECT_EQ(response.attempts, 2);
  EXPECT_EQ(server_.count("/flaky.png"), 2u);
  EXPECT_EQ(client.stats().requests, 2u);
  EXPECT_EQ(client.stats().downloaded, 1u);
  EXPECT_EQ(client.stats().failed, 0u);
}

TEST_F(HttpClientTest, UnavailableForeverFailsAfterMaxRetriesWithGrowingBackoff) {
  server_.server().Get("/down.jpg",
                       [](const httplib::Request&, httplib::Response& response) { response.status = 503; });
  server_.start();
  HttpOptions options = quick_options();
  options.retry.max_retries = 3;
  options.retry.first_delay = 50ms;
  HttpClient client(options, cache_);
  const Stopwatch stopwatch;
  const HttpResponse response = client.fetch(server_.url("/down.jpg"), BodyMode::File);
  const long long elapsed = stopwatch.milliseconds();
  EXPECT_FALSE(response.ok());
  EXPECT_TRUE(contains(response.error, "HTTP 503")) << response.error;
  EXPECT_EQ(response.attempts, 4);
  EXPECT_EQ(server_.count("/down.jpg"), 4u) << "max_retries 3: one request and three retries";
  EXPECT_GE(elapsed, 50 + 100 + 200 - 20) << "backoff of 50, 100 and 200 ms";
  EXPECT_EQ(client.stats().failed, 1u);
  EXPECT_EQ(test::leftover_downloads(cache_.dir()), 0);
}

TEST_F(HttpClientTest, ARefusedConnectionIsRetriedThenSaysCannotConnect) {
  const std::string url = "http://127.0.0.1:" + std::to_string(test::closed_port()) + "/image.jpg";
  HttpOptions options = quick_options();
  options.retry.max_retries = 2;
  HttpClient client(options, cache_);
  const HttpResponse response = client.fetch(url, BodyMode::File);
  EXPECT_FALSE(response.ok());
  EXPECT_TRUE(contains(response.error, "cannot connect")) << response.error;
  EXPECT_EQ(response.attempts, 3) << "connection errors are retried";
  EXPECT_EQ(response.status, 0);
  EXPECT_EQ(client.stats().requests, 3u);
}

TEST_F(HttpClientTest, ATransferCutOffMidBodyIsRetried) {
  std::atomic<int> calls{0};
  server_.server().Get("/cut.jpg", [&](const httplib::Request&, httplib::Response& response) {
    const bool cut = calls++ == 0;
    response.set_content_provider(1000, "image/jpeg", [cut](std::size_t offset, std::size_t, httplib::DataSink& sink) {
      if (cut && offset >= 100) return false;  // the connection drops after 100 of 1000 bytes
      return sink.write(std::string(100, 'c').data(), 100);
    });
  });
  server_.start();
  HttpClient client(quick_options(), cache_);
  const HttpResponse response = client.fetch(server_.url("/cut.jpg"), BodyMode::Memory);
  EXPECT_TRUE(response.ok()) << response.error;
  EXPECT_EQ(response.body, std::string(1000, 'c'));
  EXPECT_EQ(response.attempts, 2);
  EXPECT_EQ(server_.count("/cut.jpg"), 2u);
  EXPECT_EQ(test::slurp(cache_.lookup(server_.url("/cut.jpg"))->body).size(), 1000u) << "the partial body was not kept";
}

// ---------------------------------------------------------------- redirects

TEST_F(HttpClientTest, ARedirectIsFollowedAcrossHosts) {
  TestHttpServer other("127.0.0.2");
  other.server().Get("/moved/here.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("moved image", "image/jpeg");
  });
  other.start();
  const std::string target = other.url("/moved/here.jpg");
  server_.server().Get(
      "/old.jpg", [&](const httplib::Request&, httplib::Response& response) { response.set_redirect(target, 301); });
  server_.start();
  const HttpResponse response = fetch_one(server_.url("/old.jpg"));
  ASSERT_TRUE(response.ok()) << response.error;
  EXPECT_EQ(response.body, "moved image");
  EXPECT_EQ(response.final_url, target);
  EXPECT_EQ(response.url, server_.url("/old.jpg"));
  EXPECT_EQ(cache_.lookup(server_.url("/old.jpg"))->final_url, target);
}

TEST_F(HttpClientTest, ARedirectedImageIsRevalidatedWithoutItsBody) {
  std::atomic<int> bodies_sent{0};
  TestHttpServer other("127.0.0.2");
  other.server().Get("/final.jpg", [&](const httplib::Request& request, httplib::Response& response) {
    response.set_header("ETag", "\"final\"");
    if (request.get_header_value("If-None-Match") == "\"final\"") {
      response.status = 304;
      return;
    }
    ++bodies_sent;
    response.set_content("final image", "image/jpeg");
  });
  other.start();
  const std::string target = other.url("/final.jpg");
  server_.server().Get(
      "/short.jpg", [&](const httplib::Request&, httplib::Response& response) { response.set_redirect(target, 302); });
  server_.start();
  ASSERT_TRUE(fetch_one(server_.url("/short.jpg")).ok());
  HttpClient client(quick_options(), cache_);
  const HttpResponse response = client.fetch(server_.url("/short.jpg"), BodyMode::Memory);
  ASSERT_TRUE(response.ok()) << response.error;
  EXPECT_EQ(response.body, "final image");
  EXPECT_EQ(bodies_sent.load(), 1);
  EXPECT_EQ(client.stats().revalidated, 1u);
  EXPECT_EQ(client.stats().bytes, 0u);
}

TEST_F(HttpClientTest, ARedirectLoopFailsAfterTheLimit) {
  server_.server().Get("/loop.jpg", [&](const httplib::Request&, httplib::Response& response) {
    response.set_redirect(server_.url("/loop.jpg"), 302);
  });
  server_.start();
  const HttpResponse response = fetch_one(server_.url("/loop.jpg"));
  EXPECT_FALSE(response.ok());
  EXPECT_TRUE(contains(response.error, "redirects")) << response.error;
  EXPECT_EQ(server_.count("/loop.jpg"), 6u) << "the first request and 5 redirects";
}

TEST_F(HttpClientTest, ARedirectToALocalFileIsRefused) {
  server_.server().Get("/sneaky.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_redirect("file:///etc/passwd", 302);
  });
  server_.start();
  const HttpResponse response = fetch_one(server_.url("/sneaky.jpg"));
  EXPECT_FALSE(response.ok());
  EXPECT_TRUE(contains(response.error, "refused")) << response.error;
  EXPECT_FALSE(contains(response.body, "root:")) << "the client read /etc/passwd";
  EXPECT_EQ(server_.count("/sneaky.jpg"), 1u) << "a refusal is not retried";
  EXPECT_FALSE(cache_.lookup(server_.url("/sneaky.jpg")).has_value());
}

TEST_F(HttpClientTest, ARedirectToFtpIsRefused) {
  server_.server().Get("/ftp.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_redirect("ftp://127.0.0.1/image.jpg", 302);
  });
  server_.start();
  const HttpResponse response = fetch_one(server_.url("/ftp.jpg"));
  EXPECT_FALSE(response.ok());
  EXPECT_TRUE(contains(response.error, "refused")) << response.error;
  EXPECT_EQ(server_.count("/ftp.jpg"), 1u);
}

TEST_F(HttpClientTest, OnlyHttpAndHttpsUrlsAreFetched) {
  HttpClient client(quick_options(), cache_);
  const auto responses = client.fetch_all({"file:///etc/passwd", "ftp://127.0.0.1/x.jpg"}, BodyMode::Memory, "images");
  for (const HttpResponse& response : responses) {
    EXPECT_FALSE(response.ok());
    EXPECT_TRUE(contains(response.error, "refused")) << response.error;
    EXPECT_TRUE(response.body.empty());
  }
  EXPECT_EQ(client.stats().requests, 0u);
  EXPECT_EQ(client.stats().failed, 2u);
}

// ---------------------------------------------------------------- timeouts and size caps

TEST_F(HttpClientTest, ASlowTrickleTimesOut) {
  server_.server().Get("/trickle.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_chunked_content_provider("image/jpeg", [](std::size_t offset, httplib::DataSink& sink) {
      if (offset >= 30) {
        sink.done();
        return true;
      }
      std::this_thread::sleep_for(100ms);
      return sink.is_writable() && sink.write("x", 1);
    });
  });
  server_.start();
  HttpOptions options = quick_options();
  options.timeout_seconds = 1;
  const Stopwatch stopwatch;
  const HttpResponse response = fetch_one(server_.url("/trickle.jpg"), options);
  EXPECT_FALSE(response.ok());
  EXPECT_TRUE(contains(response.error, "timed out")) << response.error;
  EXPECT_LT(stopwatch.milliseconds(), 2500);
  EXPECT_EQ(server_.count("/trickle.jpg"), 1u) << "a timeout is not retried";
  EXPECT_FALSE(cache_.lookup(server_.url("/trickle.jpg")).has_value()) << "a partial body was cached";
  EXPECT_EQ(test::leftover_downloads(cache_.dir()), 0);
}

TEST_F(HttpClientTest, AnOversizeBodyWithContentLengthFails) {
  server_.server().Get("/huge.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::string(5000, 'x'), "image/jpeg");
  });
  server_.start();
  HttpOptions options = quick_options();
  options.max_body_bytes = 1000;
  const HttpResponse response = fetch_one(server_.url("/huge.jpg"), options);
  EXPECT_FALSE(response.ok());
  EXPECT_TRUE(contains(response.error, "larger than")) << response.error;
  EXPECT_EQ(server_.count("/huge.jpg"), 1u) << "an oversize body is not retried";
  EXPECT_FALSE(cache_.lookup(server_.url("/huge.jpg")).has_value());
  EXPECT_EQ(test::leftover_downloads(cache_.dir()), 0);
}

TEST_F(HttpClientTest, AnOversizeChunkedBodyFails) {
  server_.server().Get("/endless.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_chunked_content_provider("image/jpeg", [](std::size_t offset, httplib::DataSink& sink) {
      if (offset >= 5000) {
        sink.done();
        return true;
      }
      return sink.write(std::string(500, 'y').data(), 500);
    });
  });
  server_.start();
  HttpOptions options = quick_options();
  options.max_body_bytes = 1000;
  HttpClient client(options, cache_);
  const HttpResponse response = client.fetch(server_.url("/endless.jpg"), BodyMode::File);
  EXPECT_FALSE(response.ok());
  EXPECT_TRUE(contains(response.error, "larger than")) << response.error;
  EXPECT_EQ(server_.count("/endless.jpg"), 1u);
  EXPECT_FALSE(cache_.lookup(server_.url("/endless.jpg")).has_value());
  EXPECT_EQ(client.stats().failed, 1u);
  EXPECT_EQ(test::leftover_downloads(cache_.dir()), 0);
}

TEST_F(HttpClientTest, ABodyExactlyAtTheCapIsAccepted) {
  server_.server().Get("/exact.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_chunked_content_provider("image/jpeg", [](std::size_t offset, httplib::DataSink& sink) {
      if (offset >= 1000) {
        sink.done();
        return true;
      }
      return sink.write(std::string(250, 'z').data(), 250);
    });
  });
  server_.server().Get("/exact-length.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::string(1000, 'l'), "image/jpeg");
  });
  server_.start();
  HttpOptions options = quick_options();
  options.max_body_bytes = 1000;
  HttpClient client(options, cache_);
  const auto responses =
      client.fetch_all({server_.url("/exact.jpg"), server_.url("/exact-length.jpg")}, BodyMode::Memory, "images");
  for (const HttpResponse& response : responses) {
    EXPECT_TRUE(response.ok()) << response.error;
    EXPECT_EQ(response.body.size(), 1000u);
  }
}

// ---------------------------------------------------------------- request headers

TEST_F(HttpClientTest, RequestsNamePostbinderAndAcceptCompression) {
  server_.server().Get("/who.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("x", "image/jpeg");
  });
  server_.start();
  ASSERT_TRUE(fetch_one(server_.url("/who.jpg")).ok());
  const auto seen = server_.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_TRUE(seen[0].headers.at("user-agent").starts_with("postbinder/")) << seen[0].headers.at("user-agent");
  ASSERT_EQ(seen[0].headers.count("accept-encoding"), 1u) << "no Accept-Encoding sent";
  EXPECT_TRUE(contains(seen[0].headers.at("accept-encoding"), "gzip")) << seen[0].headers.at("accept-encoding");
  EXPECT_EQ(seen[0].headers.count("if-none-match"), 0u) << "a first request is unconditional";
}

TEST_F(HttpClientTest, AUserAgentCanBeSet) {
  server_.server().Get("/agent.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("x", "image/jpeg");
  });
  server_.start();
  HttpOptions options = quick_options();
  options.user_agent = "postbinder-test/9";
  ASSERT_TRUE(fetch_one(server_.url("/agent.jpg"), options).ok());
  EXPECT_EQ(server_.requests().at(0).headers.at("user-agent"), "postbinder-test/9");
}

// A gzip stream with one stored deflate block: what a server sends with Content-Encoding: gzip.
std::string gzip_stored(const std::string& data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : data) {
    crc ^= byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  crc ^= 0xFFFFFFFFu;
  const auto le16 = [](std::string& out, unsigned value) {
    out += static_cast<char>(value & 0xFF);
    out += static_cast<char>((value >> 8) & 0xFF);
  };
  std::string out("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  out += '\x01';  // final block, stored
  le16(out, static_cast<unsigned>(data.size()));
  le16(out, static_cast<unsigned>(~data.size() & 0xFFFF));
  out += data;
  le16(out, crc & 0xFFFF);
  le16(out, crc >> 16);
  le16(out, static_cast<unsigned>(data.size() & 0xFFFF));
  le16(out, static_cast<unsigned>(data.size() >> 16));
  return out;
}

TEST_F(HttpClientTest, ACompressedResponseIsStoredDecoded) {
  const std::string plain = "an SVG image <svg xmlns=\"http://www.w3.org/2000/svg\"/> " + std::string(200, 'a');
  server_.server().Get("/compressed.svg", [&](const httplib::Request&, httplib::Response& response) {
    response.set_header("Content-Encoding", "gzip");
    response.set_content(gzip_stored(plain), "image/svg+xml");
  });
  server_.start();
  const HttpResponse response = fetch_one(server_.url("/compressed.svg"));
  ASSERT_TRUE(response.ok()) << response.error;
  EXPECT_EQ(response.body, plain);
  EXPECT_EQ(test::slurp(response.body_file), plain);
}

TEST_F(HttpClientTest, FailedAndSuccessfulTransfersLeaveNoTemporaryFiles) {
  server_.server().Get("/good.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("good", "image/jpeg");
  });
  server_.server().Get("/bad.jpg", [](const httplib::Request&, httplib::Response& response) { response.status = 500; });
  server_.start();
  HttpOptions options = quick_options();
  options.retry.max_retries = 1;
  HttpClient client(options, cache_);
  const auto responses = client.fetch_all({server_.url("/good.jpg"), server_.url("/bad.jpg"), server_.url("/none.jpg")},
                                          BodyMode::File, "images");
  EXPECT_TRUE(responses[0].ok());
  EXPECT_FALSE(responses[1].ok());
  EXPECT_FALSE(responses[2].ok());
  EXPECT_EQ(test::leftover_downloads(cache_.dir()), 0);
  EXPECT_EQ(client.stats().downloaded, 1u);
  EXPECT_EQ(client.stats().failed, 2u);
}

}  // namespace
}  // namespace pb::net
