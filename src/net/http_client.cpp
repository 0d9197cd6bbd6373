#include "net/http_client.h"
#include "common/interrupt.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "common/error.h"
#include "common/text.h"
#include "common/url.h"
#include "common/version.h"
#include "net/progress.h"

namespace pb::net {

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Job {
  std::size_t slot = 0;  // index into the unique URLs
  std::string url;
  std::string host;
  int attempt = 0;
  Clock::time_point not_before{};
};

// One transfer in flight.
struct Transfer {
  Job job;
  CURL* easy = nullptr;
  curl_slist* request_headers = nullptr;
  std::FILE* body = nullptr;
  fs::path body_path;
  std::uintmax_t received = 0;
  std::uintmax_t limit = 0;
  bool too_large = false;
  std::map<std::string, std::string> headers;
  std::optional<CacheEntry> cached;
  Progress* progress = nullptr;
  char error_text[CURL_ERROR_SIZE] = {};
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  transfer->received += bytes;
  if (transfer->received > transfer->limit) {
    transfer->too_large = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  if (transfer->progress) transfer->progress->transferred(bytes);
  return std::fwrite(data, 1, bytes, transfer->body) == bytes ? bytes : 0;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  const std::string_view line = text::trim(std::string_view(data, bytes));
  if (line.starts_with("HTTP/")) {
    transfer->headers.clear();  // a new response (after a redirect or 100 Continue)
  } else if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
    const std::string name = text::ascii_lower(text::trim(line.substr(0, colon)));
    const std::string value(text::trim(line.substr(colon + 1)));
    std::string& slot = transfer->headers[name];
    slot = slot.empty() ? value : slot + ", " + value;
  }
  return bytes;
}

std::string host_of(const std::string& address) {
  const auto parts = url::parse(address);
  return parts ? parts->host : std::string();
}

std::string status_text(long status) {
  switch (status) {
    case 400:
      return "HTTP 400 Bad Request";
    case 401:
      return "HTTP 401 Unauthorized";
    case 403:
      return "HTTP 403 Forbidden";
    case 404:
      return "HTTP 404 Not Found";
    case 410:
      return "HTTP 410 Gone";
    case 429:
      return "HTTP 429 Too Many Requests";
    case 500:
      return "HTTP 500 Internal Server Error";
    case 502:
      return "HTTP 502 Bad Gateway";
    case 503:
      return "HTTP 503 Service Unavailable";
    case 504:
      return "HTTP 504 Gateway Timeout";
    default:
      return "HTTP " + std::to_string(status);
  }
}

std::string read_whole(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return std::move(buffer).str();
}

HttpResponse response_from_cache(const std::string& address, const CacheEntry& entry, BodyMode mode) {
  HttpResponse response;
  response.url = address;
  response.final_url = entry.final_url;
  response.status = 200;
  response.from_cache = true;
  response.body_file = entry.body;
  response.body_size = entry.size;
  if (!entry.content_type.empty()) response.headers["content-type"] = entry.content_type;
  if (!entry.etag.empty()) response.headers["etag"] = entry.etag;
  if (!entry.last_modified.empty()) response.headers["last-modified"] = entry.last_modified;
  if (!entry.link.empty()) response.headers["link"] = entry.link;
  if (!entry.total_pages.empty()) response.headers["x-wp-totalpages"] = entry.total_pages;
  if (!entry.total.empty()) response.headers["x-wp-total"] = entry.total;
  if (mode == BodyMode::Memory) response.body = read_whole(entry.body);
  return response;
}

class MultiTransfer {
 public:
  MultiTransfer(const HttpOptions& options, HttpCache& cache, HttpStats& stats, BodyMode mode, Progress& progress)
      : options_(options), cache_(cache), stats_(stats), mode_(mode), progress_(progress), multi_(curl_multi_init()) {
    if (!multi_) throw BuildError("", "libcurl could not start");
  }
  ~MultiTransfer() {
    for (auto& [easy, transfer] : active_) abandon(*transfer);
    curl_multi_cleanup(multi_);
  }
  MultiTransfer(const MultiTransfer&) = delete;
  MultiTransfer& operator=(const MultiTransfer&) = delete;

  std::vector<HttpResponse> run(const std::vector<std::string>& urls) {
    results_.assign(urls.size(), HttpResponse{});
    for (std::size_t i = 0; i < urls.size(); ++i) pending_.push_back(Job{i, urls[i], host_of(urls[i]), 0, {}});
    while (!pending_.empty() || !active_.empty()) {
      throw_if_interrupted();  // the destructor removes the partial downloads
      start_ready_jobs();
      int running = 0;
      curl_multi_perform(multi_, &running);
      // A finished transfer frees a slot: fill it now rather than after the next poll.
      if (collect_finished() > 0) continue;
      if (pending_.empty() && active_.empty()) break;
      curl_multi_poll(multi_, nullptr, 0, wait_milliseconds(), nullptr);
    }
    return std::move(results_);
  }

 private:
  // When a pending job may start at the earliest: after its backoff and the per-host delay.
  Clock::time_point earliest_start(const Job& job) const {
    Clock::time_point earliest = job.not_before;
    if (const auto last = last_start_.find(job.host); last != last_start_.end())
      earliest = std::max(earliest, last->second + options_.delay_per_host);
    return earliest;
  }

  // How long the loop may sleep: until the next waiting job may start, at most 100 ms.
  int wait_milliseconds() const {
    auto wait = std::chrono::milliseconds(100);
    const auto now = Clock::now();
    for (const Job& job : pending_) {
      const auto earliest = earliest_start(job);
      if (earliest > now)
        wait = std::min(
            wait, std::chrono::duration_cast<std::chrono::milliseconds>(earliest - now) + std::chrono::milliseconds(1));
    }
    return static_cast<int>(wait.count());
  }

  bool may_start(const Job& job, Clock::time_point now) {
    return earliest_start(job) <= now && per_host_[job.host] < options_.per_host;
  }

  void start_ready_jobs() {
    const auto now = Clock::now();
    for (auto it = pending_.begin(); it != pending_.end() && static_cast<int>(active_.size()) < options_.jobs;) {
      if (!may_start(*it, now)) {
        ++it;
        continue;
      }
      Job job = std::move(*it);
      it = pending_.erase(it);
      start(std::move(job), now);
    }
  }

  void start(Job job, Clock::time_point now) {
    auto transfer = std::make_unique<Transfer>();
    transfer->job = std::move(job);
    transfer->limit = options_.max_body_bytes;
    transfer->progress = &progress_;
    transfer->cached = cache_.lookup(transfer->job.url);
    transfer->body_path = cache_.new_temp_file();
    transfer->body = std::fopen(transfer->body_path.c_str(), "wb");
    if (!transfer->body) {
      fail(transfer->job, "cannot write to the cache folder " + cache_.dir().string());
      fs::remove(transfer->body_path);
      return;
    }
    CURL* easy = curl_easy_init();
    transfer->easy = easy;
    const std::string agent = options_.user_agent.empty() ? std::string("postbinder/") + kVersion : options_.user_agent;
    curl_easy_setopt(easy, CURLOPT_URL, transfer->job.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT, options_.timeout_seconds);
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, agent.c_str());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_body_bytes));
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error_text);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
    if (transfer->cached) {
      if (!transfer->cached->etag.empty())
        transfer->request_headers =
            curl_slist_append(transfer->request_headers, ("If-None-Match: " + transfer->cached->etag).c_str());
      if (!transfer->cached->last_modified.empty())
        transfer->request_headers = curl_slist_append(
            transfer->request_headers, ("If-Modified-Since: " + transfer->cached->last_modified).c_str());
      curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->request_headers);
    }
    ++per_host_[transfer->job.host];
    last_start_[transfer->job.host] = now;
    ++stats_.requests;
    curl_multi_add_handle(multi_, easy);
    active_.emplace(easy, std::move(transfer));
  }

  void release(Transfer& transfer) {
    curl_multi_remove_handle(multi_, transfer.easy);
    curl_easy_cleanup(transfer.easy);
    curl_slist_free_all(transfer.request_headers);
    if (transfer.body) std::fclose(transfer.body);
    transfer.body = nullptr;
    --per_host_[transfer.job.host];
  }

  void abandon(Transfer& transfer) {
    release(transfer);
    std::error_code ignored;
    fs::remove(transfer.body_path, ignored);
  }

  void fail(const Job& job, std::string reason) {
    HttpResponse& response = results_[job.slot];
    response.url = job.url;
    response.error = std::move(reason);
    response.attempts = job.attempt + 1;
    ++stats_.failed;
    progress_.finished_one();
  }

  void retry_later(Job job, std::chrono::milliseconds wait) {
    ++job.attempt;
    job.not_before = Clock::now() + wait;
    pending_.push_back(std::move(job));
  }

  // Returns how many transfers finished.
  int collect_finished() {
    int finished = 0;
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi_, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      const auto found = active_.find(message->easy_handle);
      if (found == active_.end()) continue;
      std::unique_ptr<Transfer> transfer = std::move(found->second);
      active_.erase(found);
      finish(*transfer, message->data.result);
      ++finished;
    }
    return finished;
  }

  std::string transport_error(const Transfer& transfer, CURLcode code) const {
    if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED)
      return "larger than the " + std::to_string(options_.max_body_bytes >> 20) + " MB limit";
    if (code == CURLE_OPERATION_TIMEDOUT) return "timed out after " + std::to_string(options_.timeout_seconds) + " s";
    if (code == CURLE_TOO_MANY_REDIRECTS) return "more than " + std::to_string(options_.max_redirects) + " redirects";
    if (code == CURLE_UNSUPPORTED_PROTOCOL) return "refused: redirected to a URL that is not http or https";
    if (code == CURLE_COULDNT_RESOLVE_HOST) return "cannot resolve host " + transfer.job.host;
    if (code == CURLE_COULDNT_CONNECT) return "cannot connect to " + transfer.job.host;
    std::string text = curl_easy_strerror(code);
    if (transfer.error_text[0]) text += " (" + std::string(transfer.error_text) + ")";
    return text;
  }

  void finish(Transfer& transfer, CURLcode code) {
    long status = 0;
    curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
    char* effective = nullptr;
    curl_easy_getinfo(transfer.easy, CURLINFO_EFFECTIVE_URL, &effective);
    const std::string final_url = effective ? effective : transfer.job.url;
    release(transfer);
    const auto discard_body = [&] {
      std::error_code ignored;
      fs::remove(transfer.body_path, ignored);
    };

    if (code != CURLE_OK) {
      discard_body();
      if (!transfer.too_large && options_.retry.should_retry_transport(code) &&
          transfer.job.attempt < options_.retry.max_retries) {
        retry_later(transfer.job, options_.retry.backoff(transfer.job.attempt + 1));
        return;
      }
      fail(transfer.job, transport_error(transfer, code));
      return;
    }
    if (status == 304 && transfer.cached) {
      discard_body();
      ++stats_.revalidated;
      results_[transfer.job.slot] = response_from_cache(transfer.job.url, *transfer.cached, mode_);
      results_[transfer.job.slot].attempts = transfer.job.attempt + 1;
      progress_.finished_one();
      return;
    }
    if (options_.retry.should_retry_status(status) && transfer.job.attempt < options_.retry.max_retries) {
      discard_body();
      auto wait = options_.retry.backoff(transfer.job.attempt + 1);
      if (const auto asked = parse_retry_after(transfer.headers["retry-after"], std::time(nullptr))) {
        if (*asked > options_.retry.longest_wait) {
          fail(transfer.job,
               status_text(status) + "; the server asked to wait " + std::to_string(asked->count() / 1000) + " s");
          return;
        }
        wait = std::max(wait, *asked);
      }
      retry_later(transfer.job, wait);
      return;
    }
    if (status != 200) {
      // The body of an error answer is kept for the caller (a WordPress error names its code).
      HttpResponse& response = results_[transfer.job.slot];
      response.url = transfer.job.url;
      response.final_url = final_url;
      response.status = status;
      response.headers = transfer.headers;
      response.attempts = transfer.job.attempt + 1;
      response.error = status_text(status);
      if (mode_ == BodyMode::Memory) response.body = read_whole(transfer.body_path);
      discard_body();
      ++stats_.failed;
      progress_.finished_one();
      return;
    }
    CacheEntry entry;
    entry.url = transfer.job.url;
    entry.final_url = final_url;
    entry.etag = transfer.headers["etag"];
    entry.last_modified = transfer.headers["last-modified"];
    entry.content_type = transfer.headers["content-type"];
    entry.link = transfer.headers["link"];
    entry.total_pages = transfer.headers["x-wp-totalpages"];
    entry.total = transfer.headers["x-wp-total"];
    const CacheEntry stored = cache_.store(std::move(entry), transfer.body_path);
    HttpResponse& response = results_[transfer.job.slot];
    response.url = transfer.job.url;
    response.final_url = final_url;
    response.status = status;
    response.headers = std::move(transfer.headers);
    response.body_file = stored.body;
    response.body_size = stored.size;
    response.attempts = transfer.job.attempt + 1;
    if (mode_ == BodyMode::Memory) response.body = read_whole(stored.body);
    ++stats_.downloaded;
    stats_.bytes += stored.size;
    progress_.finished_one();
  }

  const HttpOptions& options_;
  HttpCache& cache_;
  HttpStats& stats_;
  BodyMode mode_;
  Progress& progress_;
  CURLM* multi_;
  std::deque<Job> pending_;
  std::map<CURL*, std::unique_ptr<Transfer>> active_;
  std::map<std::string, int> per_host_;
  std::map<std::string, Clock::time_point> last_start_;
  std::vector<HttpResponse> results_;
};

}  // namespace

HttpClient::HttpClient(HttpOptions options, HttpCache& cache) : options_(std::move(options)), cache_(cache) {}

HttpClient::~HttpClient() = default;

std::vector<HttpResponse> HttpClient::fetch_all(const std::vector<std::string>& urls, BodyMode mode,
                                                const std::string& what) {
  Progress progress(what, 0, options_.quiet);
  return fetch_all(urls, mode, progress);
}

std::vector<HttpResponse> HttpClient::fetch_all(const std::vector<std::string>& urls, BodyMode mode,
                                                Progress& progress) {
  // The same URL twice is one transfer.
  std::vector<std::string> unique;
  std::map<std::string, std::size_t> slot_of;
  for (const std::string& address : urls)
    if (slot_of.emplace(address, unique.size()).second) unique.push_back(address);

  std::vector<HttpResponse> unique_results(unique.size());
  std::vector<std::string> to_fetch;
  std::vector<std::size_t> fetch_slots;
  for (std::size_t i = 0; i < unique.size(); ++i) {
    if (!url::is_fetchable(unique[i])) {
      unique_results[i].url = unique[i];
      unique_results[i].error = "refused: only http and https URLs are fetched";
      ++stats_.failed;
      continue;
    }
    if (options_.offline) {
      if (const auto entry = cache_.lookup(unique[i])) {
        unique_results[i] = response_from_cache(unique[i], *entry, mode);
        ++stats_.from_cache;
      } else {
        unique_results[i].url = unique[i];
        unique_results[i].error = "not in the cache (--offline)";
        ++stats_.failed;
      }
      continue;
    }
    to_fetch.push_back(unique[i]);
    fetch_slots.push_back(i);
  }
  if (!to_fetch.empty()) {
    progress.expect(to_fetch.size());
    std::vector<HttpResponse> fetched = MultiTransfer(options_, cache_, stats_, mode, progress).run(to_fetch);
    for (std::size_t k = 0; k < fetched.size(); ++k) unique_results[fetch_slots[k]] = std::move(fetched[k]);
  }
  std::vector<HttpResponse> results;
  results.reserve(urls.size());
  for (const std::string& address : urls) results.push_back(unique_results[slot_of[address]]);
  return results;
}

HttpResponse HttpClient::fetch(const std::string& url, BodyMode mode) {
  return std::move(fetch_all({url}, mode, "").front());
}

}  // namespace pb::net
