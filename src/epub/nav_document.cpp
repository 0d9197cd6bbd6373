// EPUB/nav.xhtml. It is in the spine as the visible contents page, which is what lets the
// landmarks point at nav.xhtml#toc (a landmark must lead to a spine item).
#include <string>

#include "book/xhtml_writer.h"
#include "common/text.h"
#include "common/xml_writer.h"
#include "epub/documents.h"

namespace pb::epub {

namespace {

void write_entries(XmlWriter& xml, const std::vector<TocEntry>& entries) {
  xml.open("ol");
  xml.newline();
  for (const TocEntry& entry : entries) {
    xml.open("li");
    xml.element("a", {{"href", entry.href}}, entry.label);
    if (!entry.children.empty()) {
      xml.newline();
      write_entries(xml, entry.children);
    }
    xml.close("li");
    xml.newline();
  }
  xml.close("ol");
  xml.newline();
}

void landmark(XmlWriter& xml, std::string_view type, const std::string& href, std::string_view label) {
  xml.open("li");
  xml.element("a", {{"epub:type", type}, {"href", href}}, label);
  xml.close("li");
  xml.newline();
}

}  // namespace

std::vector<TocEntry> table_of_contents(const book::Book& book, const Layout& layout) {
  std::vector<TocEntry> entries;
  for (std::size_t i = 0; i < book.chapters.size(); ++i) {
    const book::Chapter& chapter = book.chapters[i];
    const std::string& href = layout.chapter_hrefs[i];
    TocEntry entry{book::chapter_title(book, i), href, {}};
    for (const book::Block& block : chapter.blocks) {
      const auto* heading = std::get_if<book::Heading>(&block.node);
      if (!heading || heading->level != 2 || heading->id.empty()) continue;
      std::string label(text::trim(text::collapse_whitespace(book::plain_text(heading->content))));
      if (text::is_blank(label)) continue;  // a toc label must not be empty
      entry.children.push_back({std::move(label), href + "#" + heading->id, {}});
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string nav_document(const book::Book& book, const Layout& layout) {
  XmlWriter xml;
  book::begin_xhtml_document(xml, book::document_language(book), "Contents", layout.item(ItemKind::Stylesheet).href,
                             "contents");
  xml.open("nav", {{"epub:type", "toc"}, {"id", "toc"}, {"role", "doc-toc"}, {"aria-labelledby", "toc-title"}});
  xml.newline();
  xml.element("h1", {{"id", "toc-title"}}, "Contents");
  xml.newline();
  const std::vector<TocEntry> entries = table_of_contents(book, layout);
  if (entries.empty()) {
    // The toc nav needs a list with at least one entry; a book without chapters lists its title page.
    write_entries(xml, {{"Title page", layout.item(ItemKind::TitlePage).href, {}}});
  } else {
    write_entries(xml, entries);
  }
  xml.close("nav");
  xml.newline();

  xml.open("nav", {{"epub:type", "landmarks"}, {"id", "landmarks"}, {"hidden", ""}});
  xml.newline();
  xml.element("h2", "Landmarks");
  xml.newline();
  xml.open("ol");
  xml.newline();
  if (layout.has_cover()) landmark(xml, "cover", layout.cover_page_href(), "Cover");
  landmark(xml, "titlepage", layout.item(ItemKind::TitlePage).href, "Title page");
  landmark(xml, "toc", layout.item(ItemKind::Nav).href + "#toc", "Contents");
  if (!layout.chapter_hrefs.empty()) landmark(xml, "bodymatter", layout.chapter_hrefs.front(), "Start of content");
  xml.close("ol");
  xml.newline();
  xml.close("nav");
  xml.newline();
  book::end_xhtml_document(xml);
  return xml.take();
}

}  // namespace pb::epub
