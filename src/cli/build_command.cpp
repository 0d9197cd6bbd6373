#include "cli/build_command.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "cli/book_plan.h"
#include "cli/image_prefetch.h"
#include "cli/network_session.h"
#include "cli/pdf_bridge.h"
#include "cli/post_loading.h"
#include "cli/remembered_images.h"
#include "cli/stage_timer.h"
#include "collect/series_collector.h"
#include "common/error.h"
#include "common/iso_time.h"
#include "common/temp_dir.h"
#include "common/text.h"
#include "common/url.h"
#include "epub/epub_writer.h"
#include "image/drawn_cover.h"
#include "image/image_embedder.h"
#include "image/image_preparer.h"
#include "pdf/pdf_writer.h"
#include "transform/book_assembler.h"

namespace pb::cli {

namespace {

std::string size_text(std::uintmax_t bytes) {
  if (bytes >= 10u << 20) return std::to_string(bytes >> 20) + " MB";
  if (bytes >= 10u << 10) return std::to_string(bytes >> 10) + " KB";
  return std::to_string(bytes) + " bytes";
}

pdf::PdfOptions pdf_options(const std::filesystem::path& output, const PdfSettings& settings) {
  pdf::PdfOptions options;
  options.output = output;
  options.preset = parse_pdf_preset(settings.preset);
  options.paper = settings.paper;
  options.font_size = settings.font_size;
  options.fonts = settings.fonts;
  options.table_of_contents = !settings.no_toc;
  // "retrieved DATE" on handouts: the day of the build, or SOURCE_DATE_EPOCH's for reproducible builds.
  const std::time_t now = iso_time::source_date_epoch().value_or(std::time(nullptr));
  options.retrieved_date = iso_time::format_utc(now).substr(0, 10);
  return options;
}

void warn_missing_parts(const PlannedBook& plan, Diagnostics& diagnostics) {
  if (plan.missing_parts.empty()) return;
  std::string missing;
  for (int number : plan.missing_parts) missing += (missing.empty() ? "" : ", ") + std::to_string(number);
  diagnostics.warn(plan.request.title, "part" + std::string(plan.missing_parts.size() == 1 ? " " : "s ") + missing +
                                           " not found in the input; binding the parts there are");
}

// Keeps the book's remote image sources for the next build (see remembered_images.h).
void remember_images(const book::Book& book, const std::string& key, NetworkSession& network) {
  std::set<std::string> remote;
  book::for_each_image(book, [&](const book::ImageRef& image) {
    if (url::is_fetchable(image.source)) remote.insert(image.source);
  });
  if (url::is_fetchable(book.cover.source)) remote.insert(book.cover.source);
  if (!remote.empty()) network.remember(key, join_sources({remote.begin(), remote.end()}));
}

void build_one(const PlannedBook& plan, const BuildOptions& options, NetworkSession& network, Diagnostics& diagnostics,
               StageTimer& timer) {
  warn_missing_parts(plan, diagnostics);
  TempDir work;
  image::EmbedOptions embed;
  embed.limits.max_width = options.max_image_width;
  embed.work_dir = work.path();
  embed.conversion_cache = network.cache_dir() / "converted";
  // Images are downloaded while the chapters convert, and each is prepared (converted when it
  // must be) as soon as it arrives; the embedder then finds the work done or under way.
  image::ImagePreparer preparer(embed.limits, embed.conversion_cache, embed.work_dir);
  ImagePrefetch prefetch(network.image_fetcher(),
                         [&preparer](const std::filesystem::path& file) { return preparer.prepare(file); });
  // A rebuild knows which images the book needed last time: their revalidation starts now.
  const std::string remembered_key = remembered_images_key(plan.request);
  if (const std::optional<std::string> remembered = network.recall(remembered_key))
    prefetch.request(split_sources(*remembered));
  transform::BookRequest request = plan.request;
  request.on_images = [&prefetch](const std::vector<std::string>& sources) { prefetch.request(sources); };
  // A book without a featured image gets a drawn cover: drawing it (fonts to load, a large JPEG
  // to encode) starts now, behind the chapters and the downloads, instead of after them.
  request.on_started = [&](const book::Book& started) {
    if (!started.cover.source.empty() || !embed.generate_cover) return;
    embed.cover_drawn_ahead =
        prefetch.ahead([&preparer, started] { return image::draw_book_cover(started, preparer.conversions()); });
  };
  book::Book book = transform::assemble_book(request, diagnostics);
  timer.lap("transform");
  embed.fetch = prefetch.fetcher();
  const image::EmbedReport images = image::embed_images(book, embed, diagnostics);
  prefetch.close();
  remember_images(book, remembered_key, network);
  timer.lap("images");
  if (options.strict && !images.failures.empty())
    throw BuildError(plan.output.string(), "--strict: " + std::to_string(images.failures.size()) +
                                               " image(s) could not be embedded; the book was not written");

  if (text::ascii_lower(plan.output.extension().string()) == ".pdf") {
    write_pdf_book(book, pdf_options(plan.output, options.pdf), diagnostics);
  } else {
    epub::EpubOptions epub;
    epub.output = plan.output;
    if (!options.css_file.empty()) epub.css_file = options.css_file;
    epub::write_epub(book, epub);
  }
  timer.lap("write");

  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(plan.output, error);
  diagnostics.note("wrote " + plan.output.string() + ": \"" + book.title + "\", " +
                   std::to_string(book.chapters.size()) + (book.chapters.size() == 1 ? " chapter, " : " chapters, ") +
                   std::to_string(images.embedded) + " image files" +
                   (images.converted ? " (" + std::to_string(images.converted) + " converted)" : "") +
                   (images.failures.empty() ? "" : " (" + std::to_string(images.failures.size()) + " missing)") + ", " +
                   size_text(size));
}

}  // namespace

int run_build(const BuildOptions& options) {
  Diagnostics diagnostics;
  diagnostics.set_quiet(options.quiet);
  NetworkSession network(options.network, options.quiet);
  StageTimer timer;
  LoadedPosts loaded = load_posts(options.inputs, site_filters(options.selection), network, diagnostics);
  timer.lap("load");
  const std::vector<sources::Post>& posts = loaded.posts;
  const collect::Collection collection = collect::collect_series(posts);
  const std::vector<PlannedBook> plans = plan_books(posts, collection, options, diagnostics);
  for (const PlannedBook& plan : plans) {
    const bool all_protected = std::all_of(plan.request.posts.begin(), plan.request.posts.end(),
                                           [](const sources::Post* post) { return post->is_protected; });
    if (options.all && all_protected) {
      diagnostics.warn(plan.request.title, "every part is password-protected; no book written");
      continue;
    }
    loaded.complete(plan.request.posts);  // posts listed from a site arrive without their content
    timer.lap("plan");
    build_one(plan, options, network, diagnostics, timer);
  }
  if (const std::string summary = network.summary(); !summary.empty()) diagnostics.note(summary);
  return 0;
}

}  // namespace pb::cli
