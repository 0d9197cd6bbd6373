// EPUB/title.xhtml: what the book is and where it came from.
#include <algorithm>
#include <string>
#include <vector>

#include "book/xhtml_writer.h"
#include "common/iso_time.h"
#include "common/text.h"
#include "common/xml_writer.h"
#include "epub/documents.h"

namespace pb::epub {

namespace {

// "A", "A and B", "A, B and C".
std::string join_names(const std::vector<std::string>& names) {
  std::vector<std::string> kept;
  for (const std::string& name : names)
    if (!text::is_blank(name)) kept.push_back(name);
  std::string joined;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (i > 0) joined += i + 1 == kept.size() ? " and " : ", ";
    joined += kept[i];
  }
  return joined;
}

bool is_web_address(std::string_view text) {
  return text::starts_with_icase(text, "https://") || text::starts_with_icase(text, "http://");
}

}  // namespace

std::string title_page(const book::Book& book, const Layout& layout) {
  XmlWriter xml;
  book::begin_xhtml_document(xml, book::document_language(book), layout.title, layout.item(ItemKind::Stylesheet).href,
                             "titlepage");
  xml.open("section", {{"epub:type", "titlepage"}, {"class", "titlepage"}, {"aria-labelledby", "book-title"}});
  xml.newline();
  xml.element("h1", {{"id", "book-title"}, {"class", "title"}}, layout.title);
  xml.newline();
  if (book.series && !text::is_blank(book.series->name)) {
    xml.element("p", {{"class", "series"}},
                book.series->name + ", book " + std::to_string(std::max(book.series->position, 0)));
    xml.newline();
  }
  if (const std::string authors = join_names(book.authors); !authors.empty()) {
    xml.element("p", {{"class", "authors"}}, authors);
    xml.newline();
  }
  if (!text::is_blank(book.publisher)) {
    xml.element("p", {{"class", "publisher"}}, book.publisher);
    xml.newline();
  }
  if (const std::string date = iso_time::date_part(book.date); !date.empty()) {
    xml.open("p", {{"class", "date"}});
    xml.text("First published ");
    xml.element("time", {{"datetime", date}}, iso_time::human_date(date));
    xml.close("p");
    xml.newline();
  }
  const std::size_t posts = book.chapters.size();
  xml.element("p", {{"class", "compiled"}},
              "Compiled from " + std::to_string(posts) + (posts == 1 ? " post" : " posts"));
  xml.newline();
  if (!text::is_blank(book.source)) {
    xml.open("p", {{"class", "source"}});
    if (is_web_address(book.source)) {
      xml.element("a", {{"href", book.source}}, book.source);
    } else {
      xml.text(book.source);
    }
    xml.close("p");
    xml.newline();
  }
  xml.close("section");
  xml.newline();
  book::end_xhtml_document(xml);
  return xml.take();
}

}  // namespace pb::epub
