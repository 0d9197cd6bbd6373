// What the user asked for on the command line, after parsing.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pb::cli {

struct SeriesOptions {
  std::vector<std::string> inputs;
  bool json = false;
  bool quiet = false;
};

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;              // -o: a .epub file, or a folder with --all
  std::string series;              // --series NAME
  bool all = false;                // --all: one book per series
  bool one_book = false;           // --one-book: every post in one book
  std::string title;               // --title
  std::string author;              // --author
  std::string language = "en";     // --lang
  std::string css_file;            // --css
  int max_image_width = 1600;      // --max-image-width
  bool quiet = false;
};

}  // namespace pb::cli
