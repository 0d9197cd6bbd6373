#include "cli/series_command.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/post_loading.h"

namespace pb::cli {

void print_series_json(std::ostream& out, const std::vector<sources::Post>& posts,
                       const collect::Collection& collection) {
  using nlohmann::ordered_json;
  ordered_json report = {{"series", ordered_json::array()}, {"standalone", ordered_json::array()}};
  for (const collect::Series& series : collection.series) {
    ordered_json parts = ordered_json::array();
    for (const collect::SeriesPart& part : series.parts) {
      const sources::Post& post = posts[part.post];
      parts.push_back({{"id", post.id}, {"part", part.number}, {"title", post.title}, {"link", post.link}});
    }
    report["series"].push_back({{"title", series.title}, {"parts", std::move(parts)}, {"missing", series.missing}});
  }
  for (std::size_t index : collection.standalone)
    report["standalone"].push_back({{"id", posts[index].id}, {"title", posts[index].title}});
  out << report.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

void print_series_text(std::ostream& out, const std::vector<sources::Post>& posts,
                       const collect::Collection& collection) {
  for (const collect::Series& series : collection.series) {
    out << series.title << "  (" << series.parts.size() << (series.parts.size() == 1 ? " part" : " parts");
    if (!series.missing.empty()) {
      out << "; missing part" << (series.missing.size() == 1 ? " " : "s ");
      for (std::size_t i = 0; i < series.missing.size(); ++i) out << (i ? ", " : "") << series.missing[i];
    }
    out << "; --series " << series.slug << ")\n";
    for (const collect::SeriesPart& part : series.parts) {
      const sources::Post& post = posts[part.post];
      out << "  " << part.number << ". " << post.title << (post.is_protected ? "  [password-protected]" : "") << '\n';
      if (!post.link.empty()) out << "     " << post.link << '\n';
    }
  }
  if (!collection.standalone.empty()) {
    if (!collection.series.empty()) out << '\n';
    out << "Standalone posts:\n";
    for (std::size_t index : collection.standalone)
      out << "  " << posts[index].id << "  " << posts[index].title
          << (posts[index].is_protected ? "  [password-protected]" : "") << '\n';
  }
  if (collection.series.empty() && collection.standalone.empty()) out << "No posts.\n";
}

int run_series(const SeriesOptions& options) {
  Diagnostics diagnostics;
  diagnostics.set_quiet(options.quiet);
  NetworkSession network(options.network, options.quiet);
  const LoadedPosts loaded = load_posts(options.inputs, site_filters(options.selection), network, diagnostics);
  const std::vector<sources::Post>& posts = loaded.posts;
  const collect::Collection collection = collect::collect_series(posts);
  if (options.json)
    print_series_json(std::cout, posts, collection);
  else
    print_series_text(std::cout, posts, collection);
  if (const std::string summary = network.summary(); !summary.empty()) diagnostics.note(summary);
  return 0;
}

}  // namespace pb::cli
