// Shared pieces of the HTTP tests: a cache in a temporary folder, client options that keep the
// tests quick (no progress output, short backoff), a stopwatch and a port nobody listens on.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "common/temp_dir.h"
#include "net/http_cache.h"
#include "net/http_client.h"

namespace pb::net::test {

inline HttpOptions quick_options() {
  HttpOptions options;
  options.quiet = true;
  options.retry.first_delay = std::chrono::milliseconds(10);
  return options;
}

class Stopwatch {
 public:
  long long milliseconds() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return std::move(buffer).str();
}

inline void spit(const std::filesystem::path& path, const std::string& content) {
  std::ofstream stream(path, std::ios::binary | std::ios::trunc);
  stream << content;
}

// Files a download left behind in the cache folder ("download-XXXXXX").
inline int leftover_downloads(const std::filesystem::path& dir) {
  int found = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.path().filename().string().starts_with("download-")) ++found;
  return found;
}

// A loopback port that was free a moment ago and has no listener: connections are refused.
inline int closed_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

}  // namespace pb::net::test
