// The ids of one chapter: ids kept from the post's HTML (footnotes, anchors) and ids postbinder
// makes (headings). Every id handed out is unique in the chapter and valid in XHTML; the
// original spelling of a kept id maps to the id it finally got, so links can follow it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace pb::transform {

class IdRegistry {
 public:
  // Claims an id postbinder needs (the chapter title's); returns the id actually used.
  std::string reserve(std::string_view wanted);

  // An id attribute from the content. Returns the id to write, or "" when it is unusable
  // (empty, or a repeat of an id already seen: the first element keeps it).
  std::string keep(std::string_view original);

  // A new id for a heading, from its text ("Getting Started" -> "getting-started").
  std::string make(std::string_view text, std::string_view fallback_prefix);

  // The id a content id ended up as, or "" when the content never had it.
  std::string find(std::string_view original) const;

 private:
  std::string unique(std::string base);
  std::set<std::string, std::less<>> used_;
  std::map<std::string, std::string, std::less<>> kept_;
};

}  // namespace pb::transform
