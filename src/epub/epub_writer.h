// Binds a Book into an EPUB 3 file: the container, package document, navigation, title and
// cover pages, one XHTML file per chapter and the images. The same Book always gives the same bytes.
#pragma once

#include <filesystem>
#include <optional>

#include "book/model.h"

namespace pb::epub {

struct EpubOptions {
  std::filesystem::path output;
  std::optional<std::filesystem::path> css_file;  // replaces the built-in stylesheet (templates/epub.css)
};

// Writes options.output atomically: a failure throws BuildError (naming the output or the
// stylesheet and the reason) and leaves an existing file as it was.
void write_epub(const book::Book& book, const EpubOptions& options);

}  // namespace pb::epub
