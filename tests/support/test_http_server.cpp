#include "support/test_http_server.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <stdexcept>

namespace pb::testing {

TestHttpServer::TestHttpServer(const std::string& address) : address_(address) {
  server_.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response&) {
    SeenRequest seen{request.method, request.path, {}};
    for (const auto& [name, value] : request.headers) {
      std::string lower = name;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      seen.headers[lower] = value;
    }
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(std::move(seen));
    }
    const int now = ++in_flight_;
    int seen_most = most_at_once_.load();
    while (now > seen_most && !most_at_once_.compare_exchange_weak(seen_most, now)) {
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server_.set_post_routing_handler([this](const httplib::Request&, httplib::Response&) { --in_flight_; });
  port_ = server_.bind_to_any_port(address_);
  if (port_ <= 0) throw std::runtime_error("cannot bind a test server on " + address_);
}

TestHttpServer::~TestHttpServer() {
  stop();
}

std::string TestHttpServer::url(const std::string& path) const {
  return "http://" + address_ + ":" + std::to_string(port_) + path;
}

void TestHttpServer::start() {
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void TestHttpServer::stop() {
  if (thread_.joinable()) {
    server_.stop();
    thread_.join();
  }
}

std::vector<TestHttpServer::SeenRequest> TestHttpServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::size_t TestHttpServer::count(const std::string& path) const {
  std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(
      std::count_if(requests_.begin(), requests_.end(), [&](const SeenRequest& seen) { return seen.path == path; }));
}

}  // namespace pb::testing
