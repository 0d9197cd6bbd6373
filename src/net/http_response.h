// What one HTTP fetch gives back: a response (possibly from the cache) or a reason it failed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace pb::net {

struct HttpResponse {
  std::string url;                             // as asked for
  std::string final_url;                       // after redirects
  long status = 0;                             // HTTP status of the final response; 0 when none arrived
  std::map<std::string, std::string> headers;  // lower-case names; repeated headers joined by ", "
  std::string body;                            // filled for BodyMode::Memory
  std::filesystem::path body_file;             // the cached body (always set when ok())
  std::uintmax_t body_size = 0;
  std::string error;        // why it failed: "HTTP 404 Not Found", "timed out after 60 s"; empty when ok
  bool from_cache = false;  // no body was transferred (fresh in the cache, 304, or offline)
  int attempts = 0;

  bool ok() const { return error.empty(); }
  std::string header(const std::string& lower_case_name) const {
    const auto it = headers.find(lower_case_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

}  // namespace pb::net
