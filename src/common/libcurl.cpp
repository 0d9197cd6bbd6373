#include "common/libcurl.h"

#include <dlfcn.h>

#include <mutex>
#include <string>
#include <system_error>
#include <thread>

#include "common/error.h"

namespace pb {

namespace {

// The SONAME of libcurl 7.16 and later: the ABI the table above is written against.
constexpr const char* kLibrary = "libcurl.so.4";

std::once_flag load_once;
Libcurl table{};
std::string load_failure;  // set when loading failed; read after load_once completed

template <typename Function>
void resolve(void* library, const char* name, Function& slot) {
  if (!load_failure.empty()) return;
  if (void* symbol = dlsym(library, name)) {
    slot = reinterpret_cast<Function>(symbol);
    return;
  }
  load_failure = std::string(kLibrary) + " has no " + name + ": it is older than the libcurl postbinder was built with";
}

void load() {
  // Never closed: libcurl stays for the life of the process, as a linked library would.
  void* library = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* reason = dlerror();
    load_failure = reason ? reason : "dlopen failed";
    return;
  }
  resolve(library, "curl_easy_init", table.easy_init);
  resolve(library, "curl_easy_setopt", table.easy_setopt);
  resolve(library, "curl_easy_getinfo", table.easy_getinfo);
  resolve(library, "curl_easy_cleanup", table.easy_cleanup);
  resolve(library, "curl_easy_strerror", table.easy_strerror);
  resolve(library, "curl_easy_escape", table.easy_escape);
  resolve(library, "curl_free", table.free);
  resolve(library, "curl_getdate", table.getdate);
  resolve(library, "curl_slist_append", table.slist_append);
  resolve(library, "curl_slist_free_all", table.slist_free_all);
  resolve(library, "curl_multi_init", table.multi_init);
  resolve(library, "curl_multi_add_handle", table.multi_add_handle);
  resolve(library, "curl_multi_remove_handle", table.multi_remove_handle);
  resolve(library, "curl_multi_perform", table.multi_perform);
  resolve(library, "curl_multi_poll", table.multi_poll);
  resolve(library, "curl_multi_info_read", table.multi_info_read);
  resolve(library, "curl_multi_cleanup", table.multi_cleanup);
  resolve(library, "curl_url", table.url);
  resolve(library, "curl_url_set", table.url_set);
  resolve(library, "curl_url_get", table.url_get);
  resolve(library, "curl_url_cleanup", table.url_cleanup);
  if (!load_failure.empty()) return;
  // curl_global_init is not thread-safe; here it runs once, before any other libcurl call.
  using GlobalInit = decltype(&::curl_global_init);
  void* global_init = dlsym(library, "curl_global_init");
  if (!global_init || reinterpret_cast<GlobalInit>(global_init)(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    load_failure = "libcurl could not initialise";
    return;
  }
}

}  // namespace

const Libcurl& libcurl() {
  std::call_once(load_once, load);
  if (!load_failure.empty()) throw BuildError(kLibrary, "cannot load libcurl: " + load_failure);
  return table;
}

LibcurlPreload::LibcurlPreload() {
  try {
    loader_ = std::thread([] { std::call_once(load_once, load); });
  } catch (const std::system_error&) {
    // No thread to spare: libcurl() loads it when it is needed.
  }
}

LibcurlPreload::~LibcurlPreload() {
  if (loader_.joinable()) loader_.join();
}

}  // namespace pb
