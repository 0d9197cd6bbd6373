// Recognises links to other posts of the book, however the post spells them: the permalink
// with or without "www." and trailing slash, http or https, "?p=123", or the slug.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "sources/post.h"

namespace pb::transform {

class PostLinkIndex {
 public:
  void add(const sources::Post& post, std::size_t chapter);
  // The chapter an absolute URL points to, if it is one of the book's posts.
  std::optional<std::size_t> find(std::string_view absolute_url) const;

 private:
  std::map<std::string, std::size_t, std::less<>> by_page_;  // url::page_key
  std::map<std::string, std::size_t, std::less<>> by_host_and_id_;
  std::map<std::string, std::size_t, std::less<>> by_host_and_slug_;
};

}  // namespace pb::transform
