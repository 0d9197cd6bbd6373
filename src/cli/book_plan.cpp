#include "cli/book_plan.h"

#include <algorithm>
#include <set>

#include "collect/part_title.h"
#include "common/error.h"
#include "common/text.h"
#include "common/url.h"

namespace pb::cli {

namespace {

namespace fs = std::filesystem;

transform::BookRequest base_request(const BuildOptions& options) {
  transform::BookRequest request;
  request.author = options.author;
  request.language = options.language;
  request.max_image_width = options.max_image_width;
  return request;
}

transform::BookRequest series_request(const std::vector<sources::Post>& posts, const collect::Series& series,
                                      const BuildOptions& options) {
  transform::BookRequest request = base_request(options);
  for (const collect::SeriesPart& part : series.parts) {
    request.posts.push_back(&posts[part.post]);
    request.parts.push_back(part.number);
  }
  request.title = options.title.empty() ? series.title : options.title;
  request.series = series.title;
  return request;
}

std::string series_list(const collect::Collection& collection) {
  std::string list;
  for (const collect::Series& series : collection.series)
    list += "\n  " + series.title + "  (--series " + series.slug + ")";
  return list;
}

bool matches(const collect::Series& series, const std::string& name) {
  return text::iequals(series.title, name) || text::iequals(series.slug, name) ||
         series.key == collect::normalize_stem(name) || series.slug == collect::slugify(name);
}

std::string site_of(const std::vector<sources::Post>& posts) {
  for (const sources::Post& post : posts)
    if (std::string site = url::site_name(post.link); !site.empty()) return site;
  return {};
}

// --one-book: series stay together in part order; series and standalone posts by date.
transform::BookRequest one_book_request(const std::vector<sources::Post>& posts, const collect::Collection& collection,
                                        const BuildOptions& options) {
  struct Group {
    std::string date;
    std::vector<std::size_t> posts;
    std::vector<int> parts;
  };
  const auto date_of = [&](std::size_t index) {
    return posts[index].date_gmt.empty() ? posts[index].date : posts[index].date_gmt;
  };
  std::vector<Group> groups;
  for (const collect::Series& series : collection.series) {
    Group group;
    for (const collect::SeriesPart& part : series.parts) {
      group.posts.push_back(part.post);
      group.parts.push_back(part.number);
    }
    group.date = date_of(series.parts.front().post);
    groups.push_back(std::move(group));
  }
  for (std::size_t index : collection.standalone) groups.push_back(Group{date_of(index), {index}, {0}});
  std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.date < b.date; });

  transform::BookRequest request = base_request(options);
  for (const Group& group : groups)
    for (std::size_t i = 0; i < group.posts.size(); ++i) {
      request.posts.push_back(&posts[group.posts[i]]);
      request.parts.push_back(group.parts[i]);
    }
  if (!options.title.empty()) {
    request.title = options.title;
  } else if (collection.series.size() == 1 && collection.standalone.empty()) {
    request.title = collection.series.front().title;
  } else {
    const std::string site = site_of(posts);
    request.title = site.empty() ? "Collected posts" : "Collected posts from " + site;
  }
  if (collection.series.size() == 1 && collection.standalone.empty()) request.series = collection.series.front().title;
  return request;
}

void require_extension(const fs::path& output, const std::string& format) {
  const std::string extension = text::ascii_lower(output.extension().string());
  if (extension != ".epub" && extension != ".pdf")
    throw UsageError("the output must end in .epub or .pdf (got \"" + output.string() + "\")");
  if (!format.empty() && extension != "." + format)
    throw UsageError("--format " + format + " does not match the output \"" + output.string() + "\"");
}

}  // namespace

std::vector<PlannedBook> plan_books(const std::vector<sources::Post>& posts, const collect::Collection& collection,
                                    const BuildOptions& options, Diagnostics& diagnostics) {
  if (options.all) {
    if (collection.series.empty())
      throw UsageError(
          "--all: the input holds no series" +
          std::string(collection.standalone.empty() ? "" : "; use --one-book to bind its standalone posts"));
    std::error_code error;
    const fs::path folder(options.output);
    if (!fs::is_directory(folder, error)) {
      if (!fs::is_directory(folder.parent_path().empty() ? fs::path(".") : folder.parent_path(), error))
        throw BuildError(options.output, "--all needs an output folder, and its parent folder does not exist");
      if (!fs::create_directory(folder, error) && !fs::is_directory(folder))
        throw BuildError(options.output, "cannot create the output folder: " + error.message());
    }
    if (!collection.standalone.empty())
      diagnostics.note("--all skips " + std::to_string(collection.standalone.size()) + " standalone post(s)");
    std::vector<PlannedBook> books;
    std::set<std::string> used_names;
    for (const collect::Series& series : collection.series) {
      const std::string base = series.slug.empty() ? "series" : series.slug;
      std::string name = base;
      for (int suffix = 2; !used_names.insert(name).second; ++suffix) name = base + "-" + std::to_string(suffix);
      const std::string extension = options.format.empty() ? ".epub" : "." + options.format;
      books.push_back({series_request(posts, series, options), folder / (name + extension), series.missing});
    }
    return books;
  }

  const fs::path output(options.output);
  require_extension(output, options.format);
  if (options.one_book) return {{one_book_request(posts, collection, options), output, {}}};

  if (!options.series.empty()) {
    for (const collect::Series& series : collection.series)
      if (matches(series, options.series)) return {{series_request(posts, series, options), output, series.missing}};
    throw UsageError("no series matches \"" + options.series + "\"" +
                     (collection.series.empty() ? std::string("; the input holds no series")
                                                : "; the input holds:" + series_list(collection)));
  }
  if (collection.series.size() == 1) {
    if (!collection.standalone.empty())
      diagnostics.note("binding the series \"" + collection.series.front().title + "\"; " +
                       std::to_string(collection.standalone.size()) +
                       " standalone post(s) left out (--one-book binds everything)");
    return {{series_request(posts, collection.series.front(), options), output, collection.series.front().missing}};
  }
  if (collection.series.empty() && collection.standalone.size() == 1) {
    transform::BookRequest request = base_request(options);
    const sources::Post& post = posts[collection.standalone.front()];
    request.posts = {&post};
    request.parts = {0};
    request.title = options.title.empty() ? post.title : options.title;
    return {{std::move(request), output, {}}};
  }
  if (collection.series.empty())
    throw UsageError("the input holds no series, only " + std::to_string(collection.standalone.size()) +
                     " standalone posts; use --one-book --title T to bind them into one book");
  throw UsageError(
      "the input holds " + std::to_string(collection.series.size()) +
      " series; choose one with --series NAME, or bind each with --all -o FOLDER:" + series_list(collection));
}

}  // namespace pb::cli
