// What the user asked for on the command line, after parsing.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pb::cli {

// How postbinder uses the network and its cache (images now; posts from live sites later).
struct NetworkOptions {
  int jobs = 8;                   // --jobs: transfers at once
  long timeout_seconds = 60;      // --timeout: per transfer
  long max_image_megabytes = 30;  // --max-image-size
  std::string cache_dir;          // --cache-dir; default $XDG_CACHE_HOME/postbinder
  bool offline = false;           // --offline: the cache only
  bool revalidate = false;        // --revalidate: ask about every cached file, fresh or not
  long delay_milliseconds = 0;    // --delay: pause between requests to one host
};

// Which posts of a live site to consider (--category, --tag, --after, --before).
struct SiteSelection {
  std::string category;
  std::string tag;
  std::string after;
  std::string before;
};

// How a PDF is typeset (--pdf-preset, --paper, --font-size, --fonts, --no-toc).
struct PdfSettings {
  std::string preset = "book";
  std::string paper;
  double font_size = 0;
  std::string fonts = "serif";
  bool no_toc = false;
};

struct SeriesOptions {
  std::vector<std::string> inputs;
  bool json = false;
  bool quiet = false;
  NetworkOptions network;
  SiteSelection selection;
};

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;           // -o: a .epub file, or a folder with --all
  std::string series;           // --series NAME
  bool all = false;             // --all: one book per series
  bool one_book = false;        // --one-book: every post in one book
  std::string title;            // --title
  std::string author;           // --author
  std::string language = "en";  // --lang
  std::string css_file;         // --css
  int max_image_width = 1600;   // --max-image-width
  bool quiet = false;
  NetworkOptions network;
  SiteSelection selection;
  bool strict = false;  // --strict: a failed image fails the build
  std::string format;   // --format epub|pdf; default: from -o's extension (epub for --all)
  PdfSettings pdf;
};

}  // namespace pb::cli
