// An HTTP server on a loopback address for tests (cpp-httplib), started and stopped by the test.
// Tests register handlers, then read what the server saw: requests per path, request headers,
// and the most transfers it served at once.
#pragma once

#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pb::testing {

class TestHttpServer {
 public:
  // address: "127.0.0.1", or another loopback address ("127.0.0.2") to act as a second host.
  explicit TestHttpServer(const std::string& address = "127.0.0.1");
  ~TestHttpServer();
  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;

  httplib::Server& server() { return server_; }
  // "http://127.0.0.1:PORT" + path
  std::string url(const std::string& path) const;
  int port() const { return port_; }

  // Starts serving; call after registering handlers.
  void start();
  void stop();

  struct SeenRequest {
    std::string method;
    std::string path;
    std::map<std::string, std::string> headers;  // lower-case names
  };
  std::vector<SeenRequest> requests() const;
  std::size_t count(const std::string& path) const;
  int most_at_once() const { return most_at_once_.load(); }

 private:
  httplib::Server server_;
  std::string address_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<SeenRequest> requests_;
  std::atomic<int> in_flight_{0};
  std::atomic<int> most_at_once_{0};
};

}  // namespace pb::testing
