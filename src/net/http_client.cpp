#include "net/http_client.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <deque>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "common/error.h"
#include "common/interrupt.h"
#include "common/libcurl.h"
#include "common/text.h"
#include "common/url.h"
#include "common/version.h"
#include "net/freshness.h"
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
  // The cache entry, looked up when the job first starts (not before: a batch's first request
  // should not wait for the lookups of all the others).
  bool looked_up = false;
  std::optional<CacheEntry> cached;
};

// A cached response its server said may be reused until a time still to come (and that came
// from the URL itself: a redirect may point elsewhere next time).
bool is_fresh(const CacheEntry& entry, const HttpOptions& options) {
  return !options.revalidate_all && entry.final_url == entry.url && entry.fresh_until > std::time(nullptr);
}

// One transfer in flight.
struct Transfer {
  Job job;
  CURL* easy = nullptr;
  curl_slist* request_headers = nullptr;
  // The body goes to a cache file made when its first byte arrives: a revalidation answered
  // 304 makes no file at all (on ext4 each file made and deleted costs an inode search).
  const HttpCache* cache = nullptr;
  std::FILE* body = nullptr;
  fs::path body_path;  // empty until then
  std::uintmax_t received = 0;
  std::uintmax_t limit = 0;
  bool too_large = false;
  bool cannot_store = false;
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
  if (!transfer->body) {
    try {
      transfer->body = transfer->cache->create_temp_file(transfer->body_path);
    } catch (const std::exception&) {
      transfer->cannot_store = true;  // no exception may cross libcurl
      return 0;
    }
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
  // Answers go to results[job.slot], which the caller may grow while run() is going.
  MultiTransfer(const HttpOptions& options, HttpCache& cache, HttpStats& stats, BodyMode mode, Progress& progress,
                const ResponseCallback& on_response, std::vector<HttpResponse>& results)
      : options_(options),
        cache_(cache),
        stats_(stats),
        mode_(mode),
        progress_(progress),
        on_response_(on_response),
        results_(results),
        multi_(libcurl().multi_init()) {
    if (!multi_) throw BuildError("", "libcurl could not start");
  }
  ~MultiTransfer() {
    for (auto& [easy, transfer] : active_) abandon(*transfer);
    libcurl().multi_cleanup(multi_);
  }
  MultiTransfer(const MultiTransfer&) = delete;
  MultiTransfer& operator=(const MultiTransfer&) = delete;

  // Runs jobs, and the jobs more() hands out while they run, until all are answered and more()
  // has nothing left.
  void run(std::vector<Job> jobs, const std::function<std::vector<Job>()>& more) {
    pending_.insert(pending_.end(), std::make_move_iterator(jobs.begin()), std::make_move_iterator(jobs.end()));
    for (;;) {
      throw_if_interrupted();  // the destructor removes the partial downloads
      if (more)
        for (Job& job : more()) pending_.push_back(std::move(job));
      if (pending_.empty() && active_.empty()) break;
      start_ready_jobs();
      int running = 0;
      libcurl().multi_perform(multi_, &running);
      // A finished transfer frees a slot: fill it now rather than after the next poll.
      if (collect_finished() > 0) continue;
      if (pending_.empty() && active_.empty()) continue;  // done, unless more() has some
      // With URLs still to come from outside, look for them at least every 10 ms.
      libcurl().multi_poll(multi_, nullptr, 0, more ? std::min(wait_milliseconds(), 10) : wait_milliseconds(), nullptr);
    }
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
    if (!job.looked_up) {
      job.cached = cache_.lookup(job.url);
      job.looked_up = true;
    }
    if (job.cached && is_fresh(*job.cached, options_)) {  // answered without a request
      results_[job.slot] = response_from_cache(job.url, *job.cached, mode_);
      ++stats_.fresh;
      settle(job.slot);
      return;
    }
    auto transfer = std::make_unique<Transfer>();
    transfer->job = std::move(job);
    transfer->limit = options_.max_body_bytes;
    transfer->progress = &progress_;
    transfer->cached = transfer->job.cached;
    transfer->cache = &cache_;
    const Libcurl& curl = libcurl();
    CURL* easy = curl.easy_init();
    transfer->easy = easy;
    const std::string agent = options_.user_agent.empty() ? std::string("postbinder/") + kVersion : options_.user_agent;
    curl.easy_setopt(easy, CURLOPT_URL, transfer->job.url.c_str());
    curl.easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl.easy_setopt(easy, CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects));
    curl.easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
    curl.easy_setopt(easy, CURLOPT_TIMEOUT, options_.timeout_seconds);
    curl.easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    curl.easy_setopt(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
    curl.easy_setopt(easy, CURLOPT_USERAGENT, agent.c_str());
    curl.easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_body_bytes));
    curl.easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl.easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
    curl.easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl.easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());
    curl.easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error_text);
    curl.easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
    if (transfer->cached) {
      if (!transfer->cached->etag.empty())
        transfer->request_headers =
            curl.slist_append(transfer->request_headers, ("If-None-Match: " + transfer->cached->etag).c_str());
      if (!transfer->cached->last_modified.empty())
        transfer->request_headers = curl.slist_append(
            transfer->request_headers, ("If-Modified-Since: " + transfer->cached->last_modified).c_str());
      curl.easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->request_headers);
    }
    ++per_host_[transfer->job.host];
    last_start_[transfer->job.host] = now;
    ++stats_.requests;
    curl.multi_add_handle(multi_, easy);
    active_.emplace(easy, std::move(transfer));
  }

  void release(Transfer& transfer) {
    const Libcurl& curl = libcurl();
    curl.multi_remove_handle(multi_, transfer.easy);
    curl.easy_cleanup(transfer.easy);
    curl.slist_free_all(transfer.request_headers);
    if (transfer.body) std::fclose(transfer.body);
    transfer.body = nullptr;
    --per_host_[transfer.job.host];
  }

  void abandon(Transfer& transfer) {
    release(transfer);
    std::error_code ignored;
    if (!transfer.body_path.empty()) fs::remove(transfer.body_path, ignored);
  }

  void fail(const Job& job, std::string reason) {
    HttpResponse& response = results_[job.slot];
    response.url = job.url;
    response.error = std::move(reason);
    response.attempts = job.attempt + 1;
    ++stats_.failed;
    settle(job.slot);
  }

  // The answer for slot is final: counted in the progress display and reported at once.
  void settle(std::size_t slot) {
    progress_.finished_one();
    if (on_response_) on_response_(results_[slot]);
  }

  // A 304 may come with a new lifetime (RFC 9111, 4.3.4); the entry keeps it for the next run.
  void refresh_lifetime(CacheEntry& entry, const std::map<std::string, std::string>& headers) {
    const std::time_t until = fresh_until(headers, std::time(nullptr));
    if (until == entry.fresh_until) return;  // the common case: no lifetime then, none now
    entry.fresh_until = until;
    try {
      cache_.update(entry);
    } catch (const std::exception&) {
      // The cached body is still good; the next run asks again.
    }
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
    while (CURLMsg* message = libcurl().multi_info_read(multi_, &left)) {
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
    if (transfer.cannot_store) return "cannot write to the cache folder " + cache_.dir().string();
    if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED)
      return "larger than the " + std::to_string(options_.max_body_bytes >> 20) + " MB limit";
    if (code == CURLE_OPERATION_TIMEDOUT) return "timed out after " + std::to_string(options_.timeout_seconds) + " s";
    if (code == CURLE_TOO_MANY_REDIRECTS) return "more than " + std::to_string(options_.max_redirects) + " redirects";
    if (code == CURLE_UNSUPPORTED_PROTOCOL) return "refused: redirected to a URL that is not http or https";
    if (code == CURLE_COULDNT_RESOLVE_HOST) return "cannot resolve host " + transfer.job.host;
    if (code == CURLE_COULDNT_CONNECT) return "cannot connect to " + transfer.job.host;
    std::string text = libcurl().easy_strerror(code);
    if (transfer.error_text[0]) text += " (" + std::string(transfer.error_text) + ")";
    return text;
  }

  void finish(Transfer& transfer, CURLcode code) {
    long status = 0;
    const Libcurl& curl = libcurl();
    curl.easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
    char* effective = nullptr;
    curl.easy_getinfo(transfer.easy, CURLINFO_EFFECTIVE_URL, &effective);
    const std::string final_url = effective ? effective : transfer.job.url;
    release(transfer);
    const auto discard_body = [&] {
      std::error_code ignored;
      if (!transfer.body_path.empty()) fs::remove(transfer.body_path, ignored);
    };

    if (code != CURLE_OK) {
      discard_body();
      if (!transfer.too_large && !transfer.cannot_store && options_.retry.should_retry_transport(code) &&
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
      refresh_lifetime(*transfer.cached, transfer.headers);
      results_[transfer.job.slot] = response_from_cache(transfer.job.url, *transfer.cached, mode_);
      results_[transfer.job.slot].attempts = transfer.job.attempt + 1;
      settle(transfer.job.slot);
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
      settle(transfer.job.slot);
      return;
    }
    if (transfer.body_path.empty()) std::fclose(cache_.create_temp_file(transfer.body_path));  // an empty body
    CacheEntry entry;
    entry.url = transfer.job.url;
    entry.final_url = final_url;
    entry.etag = transfer.headers["etag"];
    entry.last_modified = transfer.headers["last-modified"];
    entry.content_type = transfer.headers["content-type"];
    entry.link = transfer.headers["link"];
    entry.total_pages = transfer.headers["x-wp-totalpages"];
    entry.total = transfer.headers["x-wp-total"];
    entry.fresh_until = fresh_until(transfer.headers, std::time(nullptr));
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
    settle(transfer.job.slot);
  }

  const HttpOptions& options_;
  HttpCache& cache_;
  HttpStats& stats_;
  BodyMode mode_;
  Progress& progress_;
  const ResponseCallback& on_response_;
  std::vector<HttpResponse>& results_;
  CURLM* multi_;
  std::deque<Job> pending_;
  std::map<CURL*, std::unique_ptr<Transfer>> active_;
  std::map<std::string, int> per_host_;
  std::map<std::string, Clock::time_point> last_start_;
};

}  // namespace

HttpClient::HttpClient(HttpOptions options, HttpCache& cache) : options_(std::move(options)), cache_(cache) {}

HttpClient::~HttpClient() = default;

std::vector<HttpResponse> HttpClient::fetch_all(const std::vector<std::string>& urls, BodyMode mode,
                                                const std::string& what) {
  Progress progress(what, 0, options_.quiet);
  return fetch_all(urls, mode, progress);
}

std::vector<HttpResponse> HttpClient::fetch_all(const std::vector<std::string>& urls, BodyMode mode, Progress& progress,
                                                const ResponseCallback& on_response, const MoreUrls& more) {
  std::vector<std::string> asked;              // every URL asked for, repeats included
  std::map<std::string, std::size_t> slot_of;  // each distinct URL's answer; the same URL twice is one transfer
  std::vector<HttpResponse> answers;
  // Takes URLs into the batch: those that need no transfer are answered at once, the others
  // become jobs.
  const auto admit = [&](const std::vector<std::string>& list) {
    std::vector<Job> jobs;
    for (const std::string& address : list) {
      asked.push_back(address);
      const std::size_t slot = answers.size();
      if (!slot_of.emplace(address, slot).second) continue;
      answers.emplace_back();
      if (!url::is_fetchable(address)) {
        answers[slot].url = address;
        answers[slot].error = "refused: only http and https URLs are fetched";
        ++stats_.failed;
      } else if (options_.offline) {
        if (const auto entry = cache_.lookup(address)) {
          answers[slot] = response_from_cache(address, *entry, mode);
          ++stats_.from_cache;
        } else {
          answers[slot].url = address;
          answers[slot].error = "not in the cache (--offline)";
          ++stats_.failed;
        }
      } else {
        Job job;
        job.slot = slot;
        job.url = address;
        job.host = host_of(address);
        jobs.push_back(std::move(job));
        continue;
      }
      if (on_response) on_response(answers[slot]);
    }
    progress.expect(jobs.size());
    return jobs;
  };
  std::vector<Job> jobs = admit(urls);
  std::function<std::vector<Job>()> more_jobs;
  if (more) more_jobs = [&] { return admit(more()); };
  if (!jobs.empty() || more)
    MultiTransfer(options_, cache_, stats_, mode, progress, on_response, answers).run(std::move(jobs), more_jobs);
  std::vector<HttpResponse> results;
  results.reserve(asked.size());
  for (const std::string& address : asked) results.push_back(answers[slot_of[address]]);
  return results;
}

HttpResponse HttpClient::fetch(const std::string& url, BodyMode mode) {
  return std::move(fetch_all({url}, mode, "").front());
}

}  // namespace pb::net
