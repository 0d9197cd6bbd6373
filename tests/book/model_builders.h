// Short constructors for document-model nodes in tests: p({t("Hello "), em({t("world")})}).
#pragma once

#include <string>
#include <utility>

#include "book/model.h"

namespace pb::book::test {

inline Inline t(std::string text) {
  return Inline{Text{std::move(text)}};
}
inline Inline br() {
  return Inline{LineBreak{}};
}
inline Inline styled(Style style, Inlines children) {
  return Inline{Styled{style, std::move(children)}};
}
inline Inline em(Inlines children) {
  return styled(Style::Emphasis, std::move(children));
}
inline Inline anchor(std::string id) {
  return Inline{Anchor{std::move(id)}};
}
inline Inline link(std::string url, Inlines children) {
  LinkTarget target;
  target.url = std::move(url);
  return Inline{Link{std::move(target), std::move(children)}};
}
inline Inline internal_link(std::size_t chapter, std::string anchor_id, Inlines children) {
  LinkTarget target;
  target.chapter = chapter;
  target.anchor = std::move(anchor_id);
  return Inline{Link{std::move(target), std::move(children)}};
}

inline Block p(Inlines content, std::string id = "") {
  return Block{Paragraph{std::move(content), std::move(id)}};
}
inline Block h(int level, Inlines content, std::string id) {
  return Block{Heading{level, std::move(content), std::move(id)}};
}
inline Block figure(std::string resource, std::string alt, Inlines caption = {}, std::string failure = "") {
  Figure node;
  node.image.source = "https://example.com/image.png";
  node.image.alt = std::move(alt);
  node.image.resource = std::move(resource);
  node.image.failure = std::move(failure);
  node.caption = std::move(caption);
  return Block{std::move(node)};
}

}  // namespace pb::book::test
