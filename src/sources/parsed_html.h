// A gumbo parse tree that frees itself, with a depth-first walk in document order that never
// recurses (posts can nest deeply). Used by the sources for the small reads they make of HTML
// (titles, links between posts, a page's <link> elements); the transformer has its own walk.
#pragma once

#include <gumbo.h>

#include <functional>
#include <string>
#include <string_view>

namespace pb::sources {

class ParsedHtml {
 public:
  enum class Mode { Fragment, Document };
  ParsedHtml(std::string_view html, Mode mode);  // invalid UTF-8 and XML-forbidden characters are repaired first
  ~ParsedHtml();
  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;

  // Calls visit for every node in document order; returning false skips the node's children.
  void walk(const std::function<bool(const GumboNode&)>& visit) const;

 private:
  std::string text_;  // gumbo points into it: it lives as long as the tree
  GumboOptions options_;
  GumboOutput* output_;
};

}  // namespace pb::sources
