// Renders one chapter of the document model as an XHTML 5 content document (the XML syntax EPUB
// requires): one walk over the blocks and inlines, every character escaped by XmlWriter.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "book/model.h"
#include "common/xml_writer.h"

namespace pb::book {

struct XhtmlOptions {
  // Where chapter i lives, relative to the chapter being written. Default: Chapter::id + ".xhtml".
  std::function<std::string(std::size_t chapter)> chapter_href;
  // Where an embedded resource lives. Default: "images/" + id + "." + extension.
  std::function<std::string(const Resource&)> resource_href;
  std::string stylesheet_href = "style.css";
};

// The complete document for book.chapters[chapter]: XML declaration, doctype, head and a body
// holding one <section epub:type="chapter">.
std::string write_chapter_xhtml(const Book& book, std::size_t chapter, const XhtmlOptions& options);

// The skeleton every XHTML page of a book shares, for pages that are not chapters (title page,
// contents, cover): declaration, doctype, <html lang>, head with title and stylesheet, <body>.
void begin_xhtml_document(XmlWriter& xml, std::string_view language, std::string_view title,
                          std::string_view stylesheet_href, std::string_view body_class = {});
// Closes what begin_xhtml_document opened.
void end_xhtml_document(XmlWriter& xml);

// The chapter's title, or "Chapter N" when it has none.
std::string chapter_title(const Book& book, std::size_t chapter);

// The language written on every page: the book's, or "en" when it has none.
std::string document_language(const Book& book);

}  // namespace pb::book
