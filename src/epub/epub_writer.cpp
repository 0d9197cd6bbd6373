// Puts an EPUB together: plans the layout, checks that every file it needs can be read, then
// writes the ZIP (into a temporary file renamed over the output, see ZipArchive).
#include "epub/epub_writer.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "book/xhtml_writer.h"
#include "common/embedded.h"
#include "common/error.h"
#include "epub/documents.h"
#include "epub/layout.h"
#include "epub/zip_archive.h"

namespace pb::epub {

namespace {

std::string read_stylesheet(const std::optional<std::filesystem::path>& css_file) {
  if (!css_file) {
    const std::optional<std::string_view> css = embedded::find("epub.css");
    if (!css) throw BuildError("epub.css", "the built-in stylesheet is missing from this build");
    return std::string(*css);
  }
  std::error_code error;
  if (!std::filesystem::is_regular_file(*css_file, error))
    throw BuildError(css_file->string(),
                     "cannot read the stylesheet: " + (error ? error.message() : std::string("not a regular file")));
  std::ifstream in(*css_file, std::ios::binary);
  if (!in) throw BuildError(css_file->string(), "cannot read the stylesheet: " + std::string(std::strerror(errno)));
  std::string css{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad())
    throw BuildError(css_file->string(), "cannot read the stylesheet: " + std::string(std::strerror(errno)));
  return css;
}

// Images are read only while the archive is written; check them first for a clear message.
void check_images(const Layout& layout, const std::string& origin) {
  for (const Item& item : layout.items) {
    if (item.kind != ItemKind::Image) continue;
    std::error_code error;
    if (!std::filesystem::is_regular_file(item.resource->path, error))
      throw BuildError(origin, "cannot write the book: image " + item.resource->id + " (" +
                                   item.resource->path.string() + ") " +
                                   (error ? error.message() : std::string("is missing or not a file")));
  }
}

// JPEG, PNG, GIF and WebP are compressed already; deflating them again costs time for nothing.
ZipArchive::Compression compression_for(const std::string& media_type) {
  if (media_type == "image/jpeg" || media_type == "image/png" || media_type == "image/gif" ||
      media_type == "image/webp")
    return ZipArchive::Compression::Store;
  return ZipArchive::Compression::Deflate;
}

}  // namespace

void write_epub(const book::Book& book, const EpubOptions& options) {
  const std::string origin = options.output.string();
  const std::string stylesheet = read_stylesheet(options.css_file);
  const Layout layout = plan_layout(book);
  check_images(layout, origin);
  const book::XhtmlOptions xhtml = layout.xhtml_options();
  const std::string folder = std::string(kPackageFolder) + "/";
  constexpr auto kDeflate = ZipArchive::Compression::Deflate;

  // The images go into the archive first, right after the two entries an EPUB must open with:
  // while they are copied, worker threads write and deflate the documents that follow them.
  ZipArchive zip(options.output, origin, book.modified);
  zip.add("mimetype", "application/epub+zip", ZipArchive::Compression::Store);
  zip.add("META-INF/container.xml", container_document(), kDeflate);
  for (const Item& item : layout.items)
    if (item.kind == ItemKind::Image)
      zip.add_file(folder + item.href, item.resource->path, compression_for(item.media_type));
  zip.add_generated(
      folder + "content.opf", [&] { return package_document(book, layout); }, kDeflate);
  for (const Item& item : layout.items) {
    const std::string name = folder + item.href;
    switch (item.kind) {
      case ItemKind::Nav:
        zip.add_generated(
            name, [&] { return nav_document(book, layout); }, kDeflate);
        break;
      case ItemKind::Ncx:
        zip.add_generated(
            name, [&] { return ncx_document(book, layout); }, kDeflate);
        break;
      case ItemKind::Stylesheet:
        zip.add(name, stylesheet, kDeflate);
        break;
      case ItemKind::CoverPage:
        zip.add_generated(
            name, [&] { return cover_page(book, layout); }, kDeflate);
        break;
      case ItemKind::TitlePage:
        zip.add_generated(
            name, [&] { return title_page(book, layout); }, kDeflate);
        break;
      case ItemKind::Chapter:
        zip.add_generated(
            name, [&, chapter = item.chapter] { return book::write_chapter_xhtml(book, chapter, xhtml); }, kDeflate);
        break;
      case ItemKind::Image:
        break;  // already in
    }
  }
  zip.close();
}

}  // namespace pb::epub
