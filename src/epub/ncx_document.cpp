// EPUB/toc.ncx, the EPUB 2 table of contents that older readers and Kindle conversion still use.
// It mirrors the toc nav; its entries follow the spine order, as Send-to-Kindle wants.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "book/xhtml_writer.h"
#include "common/text.h"
#include "common/xml_writer.h"
#include "epub/documents.h"

namespace pb::epub {

namespace {

class NcxWriter {
 public:
  explicit NcxWriter(XmlWriter& xml) : xml_(xml) {}

  void nav_points(const std::vector<TocEntry>& entries, int depth) {
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    for (const TocEntry& entry : entries) {
      ++play_order_;
      const std::string id = "navpoint-" + std::to_string(play_order_);
      const std::string order = std::to_string(play_order_);
      xml_.raw(indent);
      xml_.open("navPoint", {{"id", id}, {"playOrder", order}});
      xml_.open("navLabel");
      xml_.element("text", entry.label);
      xml_.close("navLabel");
      xml_.empty("content", {{"src", entry.href}});
      xml_.newline();
      nav_points(entry.children, depth + 1);
      xml_.raw(indent);
      xml_.close("navPoint");
      xml_.newline();
    }
  }

 private:
  XmlWriter& xml_;
  int play_order_ = 0;
};

int depth_of(const std::vector<TocEntry>& entries) {
  int depth = 0;
  for (const TocEntry& entry : entries) depth = std::max(depth, 1 + depth_of(entry.children));
  return depth;
}

}  // namespace

std::string ncx_document(const book::Book& book, const Layout& layout) {
  std::vector<TocEntry> entries = table_of_contents(book, layout);
  if (entries.empty()) entries.push_back({"Title page", layout.item(ItemKind::TitlePage).href, {}});
  XmlWriter xml;
  xml.declaration();
  xml.open("ncx", {{"xmlns", "http://www.daisy.org/z3986/2005/ncx/"},
                   {"version", "2005-1"},
                   {"xml:lang", book::document_language(book)}});
  xml.newline();
  xml.open("head");
  xml.newline();
  const std::string depth = std::to_string(depth_of(entries));
  for (const auto& [name, content] :
       std::vector<std::pair<std::string_view, std::string_view>>{{"dtb:uid", layout.identifier},
                                                                  {"dtb:depth", depth},
                                                                  {"dtb:totalPageCount", "0"},
                                                                  {"dtb:maxPageNumber", "0"}}) {
    xml.raw("  ");
    xml.empty("meta", {{"name", name}, {"content", content}});
    xml.newline();
  }
  xml.close("head");
  xml.newline();
  xml.open("docTitle");
  xml.element("text", layout.title);
  xml.close("docTitle");
  xml.newline();
  for (const std::string& author : book.authors) {
    if (text::is_blank(author)) continue;
    xml.open("docAuthor");
    xml.element("text", author);
    xml.close("docAuthor");
    xml.newline();
  }
  xml.open("navMap");
  xml.newline();
  NcxWriter(xml).nav_points(entries, 1);
  xml.close("navMap");
  xml.newline();
  xml.close("ncx");
  xml.newline();
  return xml.take();
}

}  // namespace pb::epub
