// Books for the PDF tests: the examples and the seed post through the real pipeline, synthetic
// posts of any length, and helpers to run the PDF tools (qpdf, pdffonts, pdftotext, pdfinfo).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "book/model.h"
#include "common/diagnostics.h"
#include "pdf/document_layout.h"
#include "pdf/fonts.h"
#include "pdf/hyphenator.h"
#include "pdf/pdf_writer.h"
#include "pdf/recording_device.h"

namespace pb::pdf::test {

namespace fs = std::filesystem;

// A folder under the system temp folder, removed with everything in it.
class Scratch {
 public:
  Scratch();
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

// Binds local post files the way `postbinder build` does (one series, or every post), with
// local images embedded into work_dir.
book::Book book_from_posts(const std::vector<std::string>& inputs, const fs::path& work_dir, Diagnostics& diagnostics);

fs::path examples_dir();
fs::path seed_post();  // empty when ../shared is absent

// A book of `chapters` synthetic posts, each about `words` words of varied prose with headings,
// lists, a quotation, a table and code, bound through the transform stage.
// Tables are left out when `tables` is false (pdftotext reads wrapped cells out of order).
book::Book synthetic_book(int chapters, int words, Diagnostics& diagnostics, unsigned seed = 7, bool tables = true);

// Every word of the book's text in reading order (chapter titles, headings, paragraphs, lists,
// quotations, captions, table cells unless left out, code), split at white space.
std::vector<std::string> book_words(const book::Book& book, bool tables = true, bool code = true);

// The first place two strings differ, with some context, for failure messages.
std::string first_difference(const std::string& a, const std::string& b);

// Lays the book out with a preset and records the drawing. The fonts live as long as the
// recording, since the glyph runs point at them.
struct Recorded {
  std::unique_ptr<FontSet> fonts;
  std::unique_ptr<Hyphenator> hyphenator;
  LaidOutDocument layout;
  RecordingDevice device;
};
void record(const book::Book& book, const PdfOptions& options, Recorded& out, Diagnostics& diagnostics);

// Text drawn on the pages, in drawing order, words joined across hyphenated line ends.
std::vector<std::string> drawn_words(const RecordingDevice& device);

struct CommandOutput {
  int status = -1;
  std::string out;  // stdout and stderr
};
CommandOutput run_command(const std::string& command);
std::string read_file(const fs::path& path);
bool have_tool(const std::string& name);

// Lower-cases ASCII, drops punctuation at the ends of words and every hyphen, so that words
// drawn, extracted and written can be compared.
std::string normalise_word(const std::string& word);
std::vector<std::string> normalise_words(const std::vector<std::string>& words);
std::vector<std::string> split_words(const std::string& text);

}  // namespace pb::pdf::test
