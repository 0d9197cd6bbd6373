// The document model every packager reads: a Book of Chapters made of blocks and inlines.
// Sources and the HTML transformer end here; the EPUB and PDF writers start here and never
// see HTML. Blocks and inlines are closed std::variant sets, so adding a node type makes the
// compiler point at every walk that must handle it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace pb::book {

// ---------------------------------------------------------------- inlines

struct Inline;
using Inlines = std::vector<Inline>;

struct Text {
  std::string text;  // UTF-8, XML-safe, whitespace already collapsed
};

struct LineBreak {};

enum class Style { Emphasis, Strong, Code, Subscript, Superscript, Small, Deleted, Inserted, Underline, Highlight };

struct Styled {
  Style style;
  Inlines children;
};

// Where a link goes: an absolute external URL, or a place inside the book.
struct LinkTarget {
  static constexpr std::size_t kExternal = static_cast<std::size_t>(-1);
  std::string url;                  // absolute URL when external (http, https, mailto, tel)
  std::size_t chapter = kExternal;  // index into Book::chapters when internal
  std::string anchor;               // id inside that chapter; empty = the chapter's start
  bool is_internal() const { return chapter != kExternal; }
};

struct Link {
  LinkTarget target;
  Inlines children;
};

// A link target inside running text (<a id="x">, <span id="x">).
struct Anchor {
  std::string id;
};

struct Inline {
  std::variant<Text, LineBreak, Styled, Link, Anchor> node;
};

// ---------------------------------------------------------------- blocks

struct Block;
using Blocks = std::vector<Block>;

struct Paragraph {
  Inlines content;
  std::string id;  // optional anchor
};

struct Heading {
  int level = 2;  // 1 is the chapter title; content headings are 2..6
  Inlines content;
  std::string id;  // unique inside the chapter, always set after transform
};

struct ListItem {
  Blocks blocks;
  std::string id;
};

enum class ListMarker { Bullet, Decimal, LowerAlpha, UpperAlpha, LowerRoman, UpperRoman };

struct List {
  bool ordered = false;
  int start = 1;
  ListMarker marker = ListMarker::Bullet;
  std::vector<ListItem> items;
};

struct BlockQuote {
  Blocks blocks;
  Inlines citation;  // from <cite> or <footer>, may be empty
};

// An image as the post shows it. Until an image is resolved, resource is empty and the
// packagers show the alt text in its place, with failure saying why when it was tried.
struct ImageRef {
  std::string source;  // absolute URL, or an absolute local path for posts read from disk
  std::string alt;
  int width = 0;  // from the HTML attributes; hints only
  int height = 0;
  std::string resource;  // Resource::id once embedded
  std::string failure;   // why it could not be embedded, when it was tried
};

struct Figure {
  ImageRef image;
  Inlines caption;
  std::string id;
};

struct TableCell {
  Blocks blocks;
  bool header = false;
  int column_span = 1;
  int row_span = 1;
};

struct TableRow {
  std::vector<TableCell> cells;
};

struct Table {
  std::vector<TableRow> rows;
  std::size_t header_rows = 0;  // leading rows that came from <thead>
  Inlines caption;
};

struct CodeBlock {
  std::string text;  // exactly as written, newlines kept
};

struct Rule {};

struct Block {
  std::variant<Paragraph, Heading, List, BlockQuote, Figure, Table, CodeBlock, Rule> node;
};

// ---------------------------------------------------------------- book

struct Chapter {
  std::string id;          // stable and unique in the book: "chapter-01"
  std::string title;       // plain text; the chapter's h1
  std::string title_id;    // id of the h1
  std::string author;      // may be empty
  std::string date;        // "2024-04-12" (site-local date of publication), may be empty
  std::string source_url;  // the original post
  std::int64_t post_id = 0;
  int part = 0;   // part number inside its series, 0 when standalone
  Blocks blocks;  // content, headings shifted to start at level 2
};

// A file embedded in the book (images, the cover). The packagers copy it from path.
struct Resource {
  std::string id;              // "img-001"
  std::filesystem::path path;  // the bytes on disk
  std::string media_type;      // "image/jpeg", "image/png", "image/gif", "image/svg+xml"
  std::string extension;       // "jpg", "png", "gif", "svg"
  int width = 0;
  int height = 0;
  std::uintmax_t size = 0;
};

struct SeriesInfo {
  std::string name;
  std::string identifier;  // urn:uuid of the series
  int position = 1;        // group-position of this book in the series
};

struct Book {
  std::string title;
  std::vector<std::string> authors;
  std::string language = "en";
  std::string identifier;  // "urn:uuid:..." stable for the same posts
  std::string publisher;   // the site (host or name)
  std::string source;      // URL of the site or of the first post
  std::string description;
  std::vector<std::string> subjects;  // categories and tags
  std::string date;                   // "2024-04-12": publication of the first post
  std::time_t modified = 0;           // latest modification, or SOURCE_DATE_EPOCH
  std::optional<SeriesInfo> series;
  std::vector<Chapter> chapters;
  std::vector<Resource> resources;
  // The featured image of the first part. cover.resource is set once it is embedded; a book
  // whose cover could not be had gets a generated one.
  ImageRef cover;

  const Resource* find_resource(const std::string& id) const;
};

// Plain text of inline content (what a screen reader or the nav document shows).
std::string plain_text(const Inlines& inlines);

// Calls visit(Block&) for every block at any depth (list items, quotes, table cells), parents first.
void for_each_block(Blocks& blocks, const std::function<void(Block&)>& visit);

// Calls visit(Inlines&) for every inline sequence a block holds directly: paragraph and heading
// content, captions, citations. Nested blocks are not entered (combine with for_each_block).
void for_each_inline_sequence(Block& block, const std::function<void(Inlines&)>& visit);

// Calls visit(Inline&) for every inline in the sequence, at any depth, parents first.
void for_each_inline(Inlines& inlines, const std::function<void(Inline&)>& visit);

// Calls visit(ImageRef&) for every image in the chapters (figures at any depth), in reading order.
void for_each_image(Book& book, const std::function<void(ImageRef&)>& visit);
void for_each_image(const Book& book, const std::function<void(const ImageRef&)>& visit);
void for_each_image(Blocks& blocks, const std::function<void(ImageRef&)>& visit);

}  // namespace pb::book
