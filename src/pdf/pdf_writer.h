// Typesets a Book as a PDF: embedded subset fonts, justified and hyphenated paragraphs, a
// contents page, outline, links, page labels, metadata and a tagged structure. Three presets:
// a printed book, an e-reader page and a clinician's handout. The same Book gives the same bytes.
#pragma once

#include <filesystem>
#include <string>

#include "book/model.h"
#include "common/diagnostics.h"

namespace pb::pdf {

enum class Preset { Book, Ereader, Handout };

struct PdfOptions {
  std::filesystem::path output;
  Preset preset = Preset::Book;
  std::string paper;              // "a4" | "letter" | "a5" | "6x9" | "" = the preset's default
  double font_size = 0;           // body size in points; 0 = the preset's default
  std::string fonts = "serif";    // "serif" | "sans": the body text family
  bool table_of_contents = true;  // --no-toc
  std::string retrieved_date;     // handout footer "retrieved DATE" (YYYY-MM-DD); "" = the book's modified date
};

// Parses "book" | "ereader" | "handout"; throws UsageError for anything else.
Preset parse_preset(const std::string& name);

// Writes options.output atomically. Throws UsageError for an unknown paper or font family and
// BuildError (naming the output) when the PDF cannot be written; an existing file stays as it was.
// Characters no installed font has are drawn as a replacement and reported once each.
void write_pdf(const book::Book& book, const PdfOptions& options, Diagnostics& diagnostics);

}  // namespace pb::pdf
