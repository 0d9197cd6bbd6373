// URL parsing and resolution (libcurl's URL API), and the comparisons postbinder needs:
// is this link another post of the book, is this scheme safe to follow.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pb::url {

struct Parts {
  std::string scheme;    // lower case: "https"
  std::string host;      // lower case, no port
  std::string port;      // empty when default
  std::string path;      // "/2024/04/slug/"
  std::string query;     // without '?'
  std::string fragment;  // without '#'
};

// Parses an absolute URL; nullopt for relative references or garbage.
std::optional<Parts> parse(std::string_view absolute_url);

// Resolves reference against base (RFC 3986). nullopt when the result is not a valid absolute URL.
std::optional<std::string> resolve(std::string_view base, std::string_view reference);

// http and https: the only schemes postbinder fetches.
bool is_fetchable(std::string_view absolute_url);

// Schemes a book may link to: http, https, mailto, tel, ftp.
bool is_linkable(std::string_view absolute_url);

// The URL without its fragment.
std::string without_fragment(std::string_view url);

// A key under which two spellings of the same page compare equal: scheme, "www.", a trailing
// slash, the fragment and default ports are ignored; the query is kept.
std::string page_key(std::string_view absolute_url);

// The host without a leading "www.": how people name a site.
std::string without_www(std::string_view host);

// The site an absolute URL belongs to ("blog.example.org" for https://www.blog.example.org/x),
// or "" when it is not a URL with a host.
std::string site_name(std::string_view absolute_url);

// Percent-decodes a path segment ("caf%C3%A9" -> "café").
std::string percent_decode(std::string_view text);

}  // namespace pb::url
