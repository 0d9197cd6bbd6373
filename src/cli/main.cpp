// postbinder: binds a blog's article series into EPUB books.

#include <malloc.h>

#include <csignal>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/build_command.h"
#include "cli/series_command.h"
#include "common/atomic_output.h"
#include "common/error.h"
#include "common/interrupt.h"
#include "common/version.h"

// Fontconfig (the drawn cover, the PDF's fonts) and Pango (SVG images rendered by libvips) keep
// process-wide caches they never free; LeakSanitizer would report them at every exit of a
// sanitizer build.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libpango\n";
}

namespace {

constexpr int kExitBuildFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;  // 128 + SIGINT, as shells report it

int report(const std::string& message, int code) {
  std::cerr << "postbinder: error: " << message << '\n';
  return code;
}

void add_network_options(CLI::App& command, pb::cli::NetworkOptions& network) {
  command.add_option("--jobs", network.jobs, "Downloads at once (default: 8; at most 4 per host)")
      ->check(CLI::Range(1, 64));
  command.add_option("--timeout", network.timeout_seconds, "Seconds one download may take (default: 60)")
      ->check(CLI::Range(1, 3600));
  command.add_option("--max-image-size", network.max_image_megabytes, "Largest image download, in MB (default: 30)")
      ->check(CLI::Range(1, 1024));
  command.add_option("--cache-dir", network.cache_dir, "Download cache (default: $XDG_CACHE_HOME/postbinder)");
  command.add_flag("--offline", network.offline, "Use only the download cache; list what is missing");
  command.add_flag("--revalidate", network.revalidate,
                   "Ask the server about every cached download, even those it said are fresh");
  command.add_option("--delay", network.delay_milliseconds, "Milliseconds between requests to one host (default: 0)")
      ->check(CLI::Range(0, 600000));
}

void add_selection_options(CLI::App& command, pb::cli::SiteSelection& selection) {
  const auto is_date = [](const std::string& value) {
    const bool ok =
        value.size() >= 10 && std::isdigit(static_cast<unsigned char>(value[0])) && value[4] == '-' && value[7] == '-';
    return ok ? std::string() : std::string("expected a date such as 2024-04-12");
  };
  command.add_option("--category", selection.category, "Only posts in this category (slug), for site URLs");
  command.add_option("--tag", selection.tag, "Only posts with this tag (slug), for site URLs");
  command.add_option("--after", selection.after, "Only posts published after this date (YYYY-MM-DD)")->check(is_date);
  command.add_option("--before", selection.before, "Only posts published before this date (YYYY-MM-DD)")
      ->check(is_date);
}

}  // namespace

int main(int argc, char** argv) {
  // Images convert on every core; glibc would give each thread its own heap arena, costing tens
  // of megabytes of memory for no speed (measured: 150 MB -> 119 MB on the medium corpus).
  mallopt(M_ARENA_MAX, 2);
  pb::install_interrupt_handler();
  // A full disk or a file-size limit must end in a write error we report, not in SIGXFSZ.
  std::signal(SIGXFSZ, SIG_IGN);

  CLI::App app{"postbinder " + std::string(pb::kVersion) +
               ": binds a blog's article series into EPUB 3 books and typeset PDFs. INPUT is a WordPress post JSON "
               "file or folder, "
               "or the URL of a post, a site or an archive."};
  app.set_version_flag("--version", std::string(pb::kVersion));
  app.require_subcommand(1);

  pb::cli::SeriesOptions series;
  CLI::App* series_command = app.add_subcommand("series", "List the series found in the input, their parts and gaps");
  series_command
      ->add_option("INPUT", series.inputs, "Post JSON files or folders, or URLs of a post, a site or an archive")
      ->required();
  series_command->add_flag("--json", series.json, "Print the report as JSON");
  series_command->add_flag("-q,--quiet", series.quiet, "Print only warnings and errors");
  add_network_options(*series_command, series.network);
  add_selection_options(*series_command, series.selection);

  pb::cli::BuildOptions build;
  CLI::App* build_command = app.add_subcommand("build", "Bind a series (or every post) into an EPUB book");
  build_command
      ->add_option("INPUT", build.inputs, "Post JSON files or folders, or URLs of a post, a site or an archive")
      ->required();
  build_command->add_option("-o,--output", build.output, "The book to write (.epub or .pdf), or a folder with --all")
      ->required();
  CLI::Option* series_option =
      build_command->add_option("--series", build.series, "The series to bind, by title or slug (case-insensitive)");
  CLI::Option* all_option =
      build_command->add_flag("--all", build.all, "Bind every series, one book each, into the -o folder");
  CLI::Option* one_book_option =
      build_command->add_flag("--one-book", build.one_book, "Bind every post of the input into one book");
  series_option->excludes(all_option)->excludes(one_book_option);
  all_option->excludes(one_book_option);
  build_command->add_option("--title", build.title, "The book's title (default: the series name)");
  build_command->add_option("--author", build.author, "The book's author (default: the posts' authors)");
  build_command->add_option("--lang", build.language, "The book's language as a BCP 47 tag (default: en)")
      ->check([](const std::string& value) {
        for (char c : value)
          if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return std::string("not a language tag");
        return value.empty() ? std::string("not a language tag") : std::string();
      });
  build_command->add_option("--css", build.css_file, "A stylesheet that replaces the built-in one")
      ->check(CLI::ExistingFile);
  build_command->add_option("--max-image-width", build.max_image_width, "Widest image kept, in pixels (default: 1600)")
      ->check(CLI::Range(100, 10000));
  build_command->add_flag("-q,--quiet", build.quiet, "Print only warnings and errors");
  build_command->add_flag("--strict", build.strict, "Fail the build when any image cannot be embedded");
  build_command->add_option("--format", build.format, "epub or pdf (default: from -o; epub for --all)")
      ->check(CLI::IsMember({"epub", "pdf"}));
  build_command->add_option("--pdf-preset", build.pdf.preset, "PDF layout: book, ereader or handout (default: book)")
      ->check(CLI::IsMember({"book", "ereader", "handout"}));
  build_command->add_option("--paper", build.pdf.paper, "PDF paper: a4, letter, a5 or 6x9 (default: by preset)")
      ->check(CLI::IsMember({"a4", "letter", "a5", "6x9"}));
  build_command->add_option("--font-size", build.pdf.font_size, "PDF body text size in points (default: by preset)")
      ->check(CLI::Range(4.0, 72.0));
  build_command->add_option("--fonts", build.pdf.fonts, "PDF body typeface: serif or sans (default: serif)")
      ->check(CLI::IsMember({"serif", "sans"}));
  build_command->add_flag("--no-toc", build.pdf.no_toc, "PDF without a contents page");
  add_network_options(*build_command, build.network);
  add_selection_options(*build_command, build.selection);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return kExitUsage;
  }

  try {
    if (*series_command) return pb::cli::run_series(series);
    return pb::cli::run_build(build);
  } catch (const pb::Interrupted&) {
    return report("interrupted; nothing was written and the previous book is untouched", kExitInterrupted);
  } catch (const pb::UsageError& error) {
    return report(error.what(), kExitUsage);
  } catch (const pb::BuildError& error) {
    return report(error.what(), kExitBuildFailed);
  } catch (const std::exception& error) {
    return report(std::string("unexpected failure: ") + error.what(), kExitBuildFailed);
  }
}
