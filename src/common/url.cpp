#include "common/url.h"

#include <memory>

#include "common/libcurl.h"
#include "common/text.h"

namespace pb::url {

namespace {

struct UrlDeleter {
  void operator()(CURLU* handle) const { libcurl().url_cleanup(handle); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

std::string get_part(CURLU* handle, CURLUPart part, unsigned flags = 0) {
  char* value = nullptr;
  if (libcurl().url_get(handle, part, &value, flags) != CURLUE_OK || !value) return {};
  std::string out(value);
  libcurl().free(value);
  return out;
}

bool has_scheme(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = text[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<Parts> parse(std::string_view absolute_url) {
  if (!has_scheme(absolute_url)) return std::nullopt;
  UrlHandle handle(libcurl().url());
  const std::string text(absolute_url);
  if (!handle || libcurl().url_set(handle.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    return std::nullopt;
  Parts parts;
  parts.scheme = text::ascii_lower(get_part(handle.get(), CURLUPART_SCHEME));
  parts.host = text::ascii_lower(get_part(handle.get(), CURLUPART_HOST));
  parts.port = get_part(handle.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  parts.path = get_part(handle.get(), CURLUPART_PATH);
  parts.query = get_part(handle.get(), CURLUPART_QUERY);
  parts.fragment = get_part(handle.get(), CURLUPART_FRAGMENT);
  return parts;
}

std::optional<std::string> resolve(std::string_view base, std::string_view reference) {
  // Browsers drop tabs and newlines inside a URL and send spaces as %20; so do we.
  std::string cleaned;
  for (char c : text::trim(reference))
    if (c != '\t' && c != '\n' && c != '\r') cleaned += c;
  const std::string trimmed = text::replace_all(cleaned, " ", "%20");
  if (trimmed.empty()) return std::nullopt;
  UrlHandle handle(libcurl().url());
  if (!handle) return std::nullopt;
  if (has_scheme(trimmed)) {
    // mailto: and tel: have no host and curl refuses them: keep them as written. Any other
    // scheme curl cannot parse is not a URL.
    if (libcurl().url_set(handle.get(), CURLUPART_URL, trimmed.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
      const bool hostless = text::starts_with_icase(trimmed, "mailto:") || text::starts_with_icase(trimmed, "tel:");
      if (hostless && trimmed.find_first_of(" \t\n\r<>\"") == std::string::npos) return trimmed;
      return std::nullopt;
    }
    return get_part(handle.get(), CURLUPART_URL);
  }
  const std::string base_text(base);
  if (base_text.empty() ||
      libcurl().url_set(handle.get(), CURLUPART_URL, base_text.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    return std::nullopt;
  if (libcurl().url_set(handle.get(), CURLUPART_URL, trimmed.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    return std::nullopt;
  return get_part(handle.get(), CURLUPART_URL);
}

bool is_fetchable(std::string_view absolute_url) {
  return text::starts_with_icase(absolute_url, "http://") || text::starts_with_icase(absolute_url, "https://");
}

bool is_linkable(std::string_view absolute_url) {
  for (std::string_view scheme : {"http://", "https://", "mailto:", "tel:", "ftp://"})
    if (text::starts_with_icase(absolute_url, scheme)) return true;
  return false;
}

std::string without_fragment(std::string_view url) {
  return std::string(url.substr(0, url.find('#')));
}

std::string page_key(std::string_view absolute_url) {
  const std::optional<Parts> parts = parse(absolute_url);
  if (!parts) return std::string(absolute_url);
  const std::string host = without_www(parts->host);
  std::string path = parts->path;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path == "/") path.clear();
  std::string key = host + (parts->port.empty() ? "" : ":" + parts->port) + path;
  if (!parts->query.empty()) key += "?" + parts->query;
  return key;
}

std::string without_www(std::string_view host) {
  return std::string(host.starts_with("www.") ? host.substr(4) : host);
}

std::string site_name(std::string_view absolute_url) {
  const std::optional<Parts> parts = parse(absolute_url);
  return parts ? without_www(parts->host) : std::string();
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
      };
      const int high = hex(text[i + 1]);
      const int low = hex(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace pb::url
