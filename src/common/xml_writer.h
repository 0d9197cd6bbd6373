// Builds well-formed XML text: escapes text and attribute values, drops characters XML
// forbids and repairs invalid UTF-8, so no caller can produce a malformed document.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pb {

class XmlWriter {
 public:
  using Attribute = std::pair<std::string_view, std::string_view>;
  using Attributes = std::vector<Attribute>;

  void declaration();  // <?xml version="1.0" encoding="UTF-8"?> and a newline
  void open(std::string_view name, const Attributes& attributes = {});
  void empty(std::string_view name, const Attributes& attributes = {});
  void close(std::string_view name);
  void text(std::string_view text);
  // <name attributes>text</name>
  void element(std::string_view name, const Attributes& attributes, std::string_view text);
  void element(std::string_view name, std::string_view text) { element(name, {}, text); }
  // Trusted markup, written as is (a doctype, a newline).
  void raw(std::string_view markup) { out_.append(markup); }
  void newline() { out_ += '\n'; }

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

  static void append_escaped(std::string& out, std::string_view text, bool in_attribute);

 private:
  void start_tag(std::string_view name, const Attributes& attributes);
  std::string out_;
};

}  // namespace pb
