// What goes into the EPUB container and under which names: the single list the writer adds to the
// ZIP and the package document lists in its manifest, so the two cannot disagree.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "book/model.h"
#include "book/xhtml_writer.h"

namespace pb::epub {

// Folder of the package inside the container; every href below is relative to it.
inline constexpr std::string_view kPackageFolder = "EPUB";

enum class ItemKind { Nav, Ncx, Stylesheet, CoverPage, TitlePage, Chapter, Image };

struct Item {
  ItemKind kind;
  std::string id;          // manifest id: "chapter-01", "cover-image"
  std::string href;        // "chapter-01.xhtml", "images/img-001.png"
  std::string media_type;  // "application/xhtml+xml"
  std::string properties;  // "nav", "cover-image" or empty
  bool in_spine = false;
  std::size_t chapter = 0;                   // for ItemKind::Chapter
  const book::Resource* resource = nullptr;  // for ItemKind::Image
};

struct Layout {
  std::string identifier;          // the unique identifier (dc:identifier and dtb:uid)
  std::string title;               // dc:title, never empty
  std::vector<Item> items;         // manifest order, which is also the order of the ZIP entries
  std::vector<std::size_t> spine;  // indexes into items, in reading order
  std::vector<std::string> chapter_hrefs;
  std::map<std::string, std::string> resource_hrefs;  // Resource::id -> href
  const book::Resource* cover = nullptr;              // the cover image, when the book has one

  bool has_cover() const { return cover != nullptr; }
  const Item& item(ItemKind kind) const;  // the first item of a kind (throws when absent)
  std::string cover_page_href() const { return has_cover() ? item(ItemKind::CoverPage).href : ""; }
  // How chapter pages refer to chapters and images. The functions point into this layout, which
  // points into the book: both must stay alive and in place while they are used.
  book::XhtmlOptions xhtml_options() const;
};

// Plans the container for a book: safe ASCII file names and unique manifest ids for every chapter
// and resource, the spine (cover, title page, contents, chapters).
Layout plan_layout(const book::Book& book);

}  // namespace pb::epub
