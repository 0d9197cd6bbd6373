// The generated files of an EPUB besides the chapters, each built from the book and its layout.
// Every function returns the complete UTF-8 file.
#pragma once

#include <string>
#include <vector>

#include "book/model.h"
#include "epub/layout.h"

namespace pb::epub {

// META-INF/container.xml, pointing at EPUB/content.opf.
std::string container_document();

// EPUB/content.opf: metadata (Dublin Core, dcterms:modified, series, accessibility), manifest, spine.
std::string package_document(const book::Book& book, const Layout& layout);

// One entry of the table of contents: a chapter, or a level-2 heading inside one.
struct TocEntry {
  std::string label;
  std::string href;
  std::vector<TocEntry> children;
};
// Chapters in book order, each with its level-2 headings; nav.xhtml and toc.ncx both show this.
std::vector<TocEntry> table_of_contents(const book::Book& book, const Layout& layout);

// EPUB/nav.xhtml: the toc nav (a visible contents page in the spine) and the landmarks nav.
std::string nav_document(const book::Book& book, const Layout& layout);

// EPUB/toc.ncx for EPUB 2 readers: the same entries as the toc nav, playOrder in reading order.
std::string ncx_document(const book::Book& book, const Layout& layout);

// EPUB/title.xhtml: title, series, authors, site and where the posts came from.
std::string title_page(const book::Book& book, const Layout& layout);

// EPUB/cover.xhtml: the cover image alone on its page. Only for a layout with a cover.
std::string cover_page(const book::Book& book, const Layout& layout);

}  // namespace pb::epub
