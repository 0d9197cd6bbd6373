// libcurl, opened the first time it is needed rather than when the program starts.
//
// libcurl brings some thirty libraries with it (OpenSSL, GnuTLS, Kerberos, LDAP, libssh2...), and
// mapping and relocating them cost 15 ms at every start: more than a tenth of a rebuild, paid by
// `--version`, `--offline` builds and local files too. Calls go through this table instead of
// the linked symbols; a build starts loading it on a spare core (LibcurlPreload) while it reads
// its posts.
#pragma once

#include <curl/curl.h>

#include <thread>

namespace pb {

// The libcurl functions postbinder calls, with libcurl's own signatures.
struct Libcurl {
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_easy_escape) easy_escape;
  decltype(&::curl_free) free;
  decltype(&::curl_getdate) getdate;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
  decltype(&::curl_multi_init) multi_init;
  decltype(&::curl_multi_add_handle) multi_add_handle;
  decltype(&::curl_multi_remove_handle) multi_remove_handle;
  decltype(&::curl_multi_perform) multi_perform;
  decltype(&::curl_multi_poll) multi_poll;
  decltype(&::curl_multi_info_read) multi_info_read;
  decltype(&::curl_multi_cleanup) multi_cleanup;
  decltype(&::curl_url) url;
  decltype(&::curl_url_set) url_set;
  decltype(&::curl_url_get) url_get;
  decltype(&::curl_url_cleanup) url_cleanup;
};

// libcurl, loaded and initialised (curl_global_init) on the first call; later calls, from any
// thread, return at once. Throws BuildError when libcurl cannot be loaded.
const Libcurl& libcurl();

// Loads libcurl on another thread while the caller goes on; libcurl() then waits for it to
// finish (or does the rest itself). The destructor waits for the load to end: exit() must not
// run while libcurl initialises OpenSSL, whose exit handler would free what it is setting up.
class LibcurlPreload {
 public:
  LibcurlPreload();
  ~LibcurlPreload();
  LibcurlPreload(const LibcurlPreload&) = delete;
  LibcurlPreload& operator=(const LibcurlPreload&) = delete;

 private:
  std::thread loader_;
};

}  // namespace pb
