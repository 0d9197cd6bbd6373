// libcurl, opened on first use: every function postbinder calls is there and works, and a
// preload followed by a use (the order a build goes in) gives the same library.
#include "common/libcurl.h"

#include <gtest/gtest.h>

#include <ctime>
#include <string>
#include <thread>
#include <vector>

namespace pb {
namespace {

TEST(Libcurl, ResolvesEveryFunctionPostbinderCalls) {
  const Libcurl& curl = libcurl();
  const std::vector<const void*> functions = {reinterpret_cast<const void*>(curl.easy_init),
                                              reinterpret_cast<const void*>(curl.easy_setopt),
                                              reinterpret_cast<const void*>(curl.easy_getinfo),
                                              reinterpret_cast<const void*>(curl.easy_cleanup),
                                              reinterpret_cast<const void*>(curl.easy_strerror),
                                              reinterpret_cast<const void*>(curl.easy_escape),
                                              reinterpret_cast<const void*>(curl.free),
                                              reinterpret_cast<const void*>(curl.getdate),
                                              reinterpret_cast<const void*>(curl.slist_append),
                                              reinterpret_cast<const void*>(curl.slist_free_all),
                                              reinterpret_cast<const void*>(curl.multi_init),
                                              reinterpret_cast<const void*>(curl.multi_add_handle),
                                              reinterpret_cast<const void*>(curl.multi_remove_handle),
                                              reinterpret_cast<const void*>(curl.multi_perform),
                                              reinterpret_cast<const void*>(curl.multi_poll),
                                              reinterpret_cast<const void*>(curl.multi_info_read),
                                              reinterpret_cast<const void*>(curl.multi_cleanup),
                                              reinterpret_cast<const void*>(curl.url),
                                              reinterpret_cast<const void*>(curl.url_set),
                                              reinterpret_cast<const void*>(curl.url_get),
                                              reinterpret_cast<const void*>(curl.url_cleanup)};
  static_assert(sizeof(Libcurl) == 21 * sizeof(void*), "a function was added to the table: list it here too");
  for (std::size_t i = 0; i < functions.size(); ++i) EXPECT_NE(functions[i], nullptr) << "function " << i;
}

TEST(Libcurl, CallsReachTheLibrary) {
  const Libcurl& curl = libcurl();
  EXPECT_STREQ(curl.easy_strerror(CURLE_OK), "No error");
  EXPECT_EQ(curl.getdate("Sun, 06 Nov 1994 08:49:37 GMT", nullptr), std::time_t{784111777});
  char* escaped = curl.easy_escape(nullptr, "a b/é", 0);
  ASSERT_NE(escaped, nullptr);
  EXPECT_STREQ(escaped, "a%20b%2F%C3%A9");
  curl.free(escaped);
  CURL* easy = curl.easy_init();
  ASSERT_NE(easy, nullptr);  // curl_global_init ran
  EXPECT_EQ(curl.easy_setopt(easy, CURLOPT_URL, "http://127.0.0.1/"), CURLE_OK);
  curl.easy_cleanup(easy);
}

TEST(Libcurl, PreloadsAndUsesFromManyThreadsGiveOneLibrary) {
  const LibcurlPreload first;
  const LibcurlPreload second;  // waits for the first, then finds it done
  std::vector<const Libcurl*> seen(8, nullptr);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) threads.emplace_back([&seen, i] { seen[i] = &libcurl(); });
  for (std::thread& thread : threads) thread.join();
  for (const Libcurl* table : seen) EXPECT_EQ(table, &libcurl());
}

}  // namespace
}  // namespace pb
