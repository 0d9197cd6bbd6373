#include "transform/book_assembler.h"
#include "common/interrupt.h"

#include <algorithm>
#include <set>

#include "common/digest.h"
#include "common/error.h"
#include "common/iso_time.h"
#include "common/parallel.h"
#include "common/url.h"
#include "transform/html_converter.h"
#include "transform/image_location.h"
#include "transform/internal_links.h"
#include "transform/post_link_index.h"

namespace pb::transform {

namespace {

std::string site_of(const std::vector<const sources::Post*>& posts) {
  for (const sources::Post* post : posts)
    if (std::string site = url::site_name(post->link); !site.empty()) return site;
  return {};
}

std::string chapter_id(std::size_t index, std::size_t count) {
  std::string number = std::to_string(index + 1);
  const std::size_t width = std::max<std::size_t>(2, std::to_string(count).size());
  return "chapter-" + std::string(width - std::min(width, number.size()), '0') + number;
}

// The same posts always give the same identifier; a different selection gives another.
std::string identifier_for(const std::vector<const sources::Post*>& posts) {
  std::string name = "postbinder:";
  for (const sources::Post* post : posts)
    name += (post->link.empty() ? post->origin + "#" + std::to_string(post->id) : post->link) + "\n";
  return "urn:uuid:" + digest::uuid_v5(name);
}

std::time_t modified_time(const std::vector<const sources::Post*>& posts) {
  if (const auto epoch = iso_time::source_date_epoch()) return *epoch;
  std::time_t latest = 0;
  for (const sources::Post* post : posts)
    for (const std::string* when : {&post->modified_gmt, &post->date_gmt})
      if (const auto parsed = iso_time::parse_utc(*when)) latest = std::max(latest, *parsed);
  return latest > 0 ? latest : 315532800;  // 1980-01-01, the earliest date a zip can hold
}

std::vector<std::string> authors_of(const BookRequest& request, const std::vector<const sources::Post*>& posts,
                                    const std::string& site) {
  if (!request.author.empty()) return {request.author};
  std::vector<std::string> authors;
  for (const sources::Post* post : posts)
    if (!post->author.empty() && std::find(authors.begin(), authors.end(), post->author) == authors.end())
      authors.push_back(post->author);
  if (authors.empty() && !site.empty()) authors.push_back(site);
  if (authors.empty()) authors.push_back("Unknown author");
  return authors;
}

std::vector<std::string> subjects_of(const std::vector<const sources::Post*>& posts) {
  std::vector<std::string> subjects;
  std::set<std::string> seen;
  for (const sources::Post* post : posts)
    for (const auto* names : {&post->categories, &post->tags})
      for (const std::string& name : *names)
        if (name != "Uncategorized" && seen.insert(name).second) subjects.push_back(name);
  return subjects;
}

book::ImageRef cover_of(const sources::Post& first, int max_image_width) {
  book::ImageRef cover;
  if (!first.featured_image) return cover;
  cover.alt = first.featured_image->alt;
  cover.width = first.featured_image->width;
  cover.height = first.featured_image->height;
  locate_image(first.featured_image->url, ImageBase{first.link, first.base_dir, max_image_width}, cover);
  return cover;
}

}  // namespace

book::Book assemble_book(const BookRequest& request, Diagnostics& diagnostics) {
  std::vector<const sources::Post*> posts;
  std::vector<int> parts;
  for (std::size_t i = 0; i < request.posts.size(); ++i) {
    const sources::Post* post = request.posts[i];
    if (post->is_protected) {
      diagnostics.warn(post->describe(), "is password-protected; left out of the book");
      continue;
    }
    posts.push_back(post);
    parts.push_back(i < request.parts.size() ? request.parts[i] : 0);
  }
  if (posts.empty()) throw BuildError(request.title, "nothing to bind: every post is password-protected");

  book::Book book;
  const std::string site = site_of(posts);
  book.title = request.title;
  book.language = request.language;
  book.authors = authors_of(request, posts, site);
  book.identifier = identifier_for(posts);
  book.publisher = site;
  book.source = posts.front()->link;
  book.subjects = subjects_of(posts);
  book.date = iso_time::date_part(posts.front()->date);
  book.modified = modified_time(posts);
  book.description = std::to_string(posts.size()) + (posts.size() == 1 ? " post" : " posts") +
                     (site.empty() ? std::string() : " from " + site) + ", bound by postbinder.";
  if (request.series) {
    book::SeriesInfo series;
    series.name = *request.series;
    series.identifier = "urn:uuid:" + digest::uuid_v5("postbinder-series:" + site + "/" + *request.series);
    book.series = series;
  }
  book.cover = cover_of(*posts.front(), request.max_image_width);
  if (request.on_images && !book.cover.source.empty()) request.on_images({book.cover.source});
  if (request.on_started) request.on_started(book);

  PostLinkIndex links;
  for (std::size_t i = 0; i < posts.size(); ++i) links.add(*posts[i], i);

  std::vector<IdRegistry> registries(posts.size());
  // Chapters convert independently, on every core; their order in the book is fixed here.
  book.chapters.resize(posts.size());
  parallel_for(posts.size(), [&](std::size_t i) {
    throw_if_interrupted();
    const sources::Post& post = *posts[i];
    book::Chapter& chapter = book.chapters[i];
    chapter.id = chapter_id(i, posts.size());
    chapter.title = post.title;
    chapter.title_id = registries[i].reserve(chapter.id);
    chapter.author = request.author.empty() ? post.author : request.author;
    chapter.date = iso_time::date_part(post.date);
    chapter.source_url = url::is_linkable(post.link) ? post.link : std::string();
    chapter.post_id = post.id;
    chapter.part = parts[i];
    ConversionInput input;
    input.html = post.content_html;
    input.base_url = post.link;
    input.base_dir = post.base_dir;
    input.chapter_title = post.title;
    input.chapter = i;
    input.max_image_width = request.max_image_width;
    input.links = &links;
    input.origin = post.describe();
    chapter.blocks = convert_html(input, registries[i], diagnostics);
    if (chapter.blocks.empty())
      throw BuildError(post.origin, "post " + std::to_string(post.id) +
                                        " has no readable content (only empty paragraphs, scripts or forms)");
    if (request.on_images) {
      std::vector<std::string> sources;
      book::for_each_image(chapter.blocks, [&](book::ImageRef& image) {
        if (!image.source.empty()) sources.push_back(image.source);
      });
      if (!sources.empty()) request.on_images(sources);
    }
  });
  finalise_internal_links(book, registries);
  return book;
}

}  // namespace pb::transform
