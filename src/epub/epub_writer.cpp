// Puts an EPUB together: plans the layout, checks that every file it needs can be read, then
// writes the ZIP into AtomicOutput's temporary file and renames it over the output.
#include "epub/epub_writer.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "book/xhtml_writer.h"
#include "common/atomic_output.h"
#include "common/embedded.h"
#include "common/error.h"
#include "common/parallel.h"
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

// Images are read by libzip only while the archive is written; check them first for a clear message.
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

  // Chapters are written on every core before the archive is assembled in its fixed order.
  std::vector<std::string> chapters(book.chapters.size());
  parallel_for(chapters.size(), [&](std::size_t i) { chapters[i] = book::write_chapter_xhtml(book, i, xhtml); });

  AtomicOutput output(options.output);
  ZipArchive zip(output.temp_path(), origin, book.modified);
  zip.add("mimetype", "application/epub+zip", ZipArchive::Compression::Store);
  zip.add("META-INF/container.xml", container_document(), kDeflate);
  zip.add(folder + "content.opf", package_document(book, layout), kDeflate);
  for (const Item& item : layout.items) {
    const std::string name = folder + item.href;
    switch (item.kind) {
      case ItemKind::Nav:
        zip.add(name, nav_document(book, layout), kDeflate);
        break;
      case ItemKind::Ncx:
        zip.add(name, ncx_document(book, layout), kDeflate);
        break;
      case ItemKind::Stylesheet:
        zip.add(name, stylesheet, kDeflate);
        break;
      case ItemKind::CoverPage:
        zip.add(name, cover_page(book, layout), kDeflate);
        break;
      case ItemKind::TitlePage:
        zip.add(name, title_page(book, layout), kDeflate);
        break;
      case ItemKind::Chapter:
        zip.add(name, std::move(chapters[item.chapter]), kDeflate);
        break;
      case ItemKind::Image:
        zip.add_file(name, item.resource->path, compression_for(item.media_type));
        break;
    }
  }
  zip.close();
  output.commit();
}

}  // namespace pb::epub
