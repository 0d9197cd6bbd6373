#include "epub/layout.h"

#include <set>
#include <stdexcept>

#include "common/digest.h"

namespace pb::epub {

namespace {

constexpr std::string_view kXhtml = "application/xhtml+xml";

bool is_lower_letter(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A name that is at once a safe file name ([a-z0-9_-], EPUB §file names) and an XML id
// (starts with a letter): other characters become '-', and a name that does not start with a
// letter gets the prefix.
std::string safe_name(std::string_view wanted, std::string_view prefix) {
  std::string name;
  for (char c : wanted) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    name += is_lower_letter(c) || is_digit(c) || c == '_' || c == '-' ? c : '-';
  }
  if (name.size() > 100) name.resize(100);
  if (name.empty() || !is_lower_letter(name.front())) name = std::string(prefix) + name;
  return name;
}

std::string safe_extension(std::string_view wanted, std::string_view media_type) {
  std::string extension;
  for (char c : wanted) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (is_lower_letter(c) || is_digit(c)) extension += c;
  }
  if (!extension.empty()) return extension;
  if (media_type == "image/jpeg") return "jpg";
  if (media_type == "image/png") return "png";
  if (media_type == "image/gif") return "gif";
  if (media_type == "image/svg+xml") return "svg";
  if (media_type == "image/webp") return "webp";
  return "bin";
}

std::string media_type_for(const book::Resource& resource, std::string_view extension) {
  if (!resource.media_type.empty()) return resource.media_type;
  if (extension == "jpg" || extension == "jpeg") return "image/jpeg";
  if (extension == "png") return "image/png";
  if (extension == "gif") return "image/gif";
  if (extension == "svg") return "image/svg+xml";
  if (extension == "webp") return "image/webp";
  return "application/octet-stream";
}

// Ids the package document uses for itself, and base names of its own files; no chapter may take
// them, and no manifest item may take the ids.
bool reserved_name(const std::string& name) {
  static const std::set<std::string, std::less<>> reserved = {"bookid", "series", "nav",        "ncx",
                                                              "css",    "cover",  "title-page", "cover-image",
                                                              "title",  "toc",    "style",      "content"};
  return reserved.contains(name) || name.starts_with("creator");
}

// Hands out names that are not taken yet: "name", then "name-2", "name-3"...
class UniqueNames {
 public:
  explicit UniqueNames(bool avoid_reserved) : avoid_reserved_(avoid_reserved) {}

  std::string claim(const std::string& wanted) {
    std::string name = wanted;
    for (int suffix = 2; (avoid_reserved_ && reserved_name(name)) || !used_.insert(name).second; ++suffix)
      name = wanted + "-" + std::to_string(suffix);
    return name;
  }

 private:
  bool avoid_reserved_;
  std::set<std::string> used_;
};

std::string fallback_identifier(const book::Book& book) {
  std::string name = book.source + "\n" + book.title;
  for (const book::Chapter& chapter : book.chapters) name += "\n" + chapter.source_url;
  return "urn:uuid:" + digest::uuid_v5(name);
}

}  // namespace

const Item& Layout::item(ItemKind kind) const {
  for (const Item& candidate : items)
    if (candidate.kind == kind) return candidate;
  throw std::logic_error("epub layout has no item of the requested kind");
}

book::XhtmlOptions Layout::xhtml_options() const {
  book::XhtmlOptions options;
  options.chapter_href = [this](std::size_t chapter) {
    return chapter < chapter_hrefs.size() ? chapter_hrefs[chapter] : std::string();
  };
  options.resource_href = [this](const book::Resource& resource) {
    const auto found = resource_hrefs.find(resource.id);
    return found == resource_hrefs.end() ? std::string() : found->second;
  };
  options.stylesheet_href = item(ItemKind::Stylesheet).href;
  return options;
}

Layout plan_layout(const book::Book& book) {
  Layout layout;
  layout.identifier = book.identifier.empty() ? fallback_identifier(book) : book.identifier;
  layout.title = book.title.empty() ? "Untitled" : book.title;
  if (!book.cover.resource.empty()) layout.cover = book.find_resource(book.cover.resource);

  layout.items.push_back({ItemKind::Nav, "nav", "nav.xhtml", std::string(kXhtml), "nav", true});
  layout.items.push_back({ItemKind::Ncx, "ncx", "toc.ncx", "application/x-dtbncx+xml", "", false});
  layout.items.push_back({ItemKind::Stylesheet, "css", "style.css", "text/css", "", false});
  if (layout.has_cover())
    layout.items.push_back({ItemKind::CoverPage, "cover", "cover.xhtml", std::string(kXhtml), "", true});
  layout.items.push_back({ItemKind::TitlePage, "title-page", "title.xhtml", std::string(kXhtml), "", true});

  UniqueNames ids(true);           // manifest ids; a chapter's id is also its file name
  UniqueNames image_names(false);  // file names in images/
  for (std::size_t i = 0; i < book.chapters.size(); ++i) {
    const std::string id = ids.claim(safe_name(book.chapters[i].id, "chapter-"));
    Item item{ItemKind::Chapter, id, id + ".xhtml", std::string(kXhtml), "", true};
    item.chapter = i;
    layout.chapter_hrefs.push_back(item.href);
    layout.items.push_back(std::move(item));
  }
  for (const book::Resource& resource : book.resources) {
    if (layout.resource_hrefs.contains(resource.id)) continue;  // find_resource() sees the first only
    const bool is_cover = &resource == layout.cover;
    const std::string name = image_names.claim(safe_name(resource.id, "image-"));
    const std::string extension = safe_extension(resource.extension, resource.media_type);
    Item item{ItemKind::Image,
              is_cover ? "cover-image" : ids.claim(name),
              "images/" + name + "." + extension,
              media_type_for(resource, extension),
              is_cover ? "cover-image" : "",
              false};
    item.resource = &resource;
    layout.resource_hrefs.emplace(resource.id, item.href);
    layout.items.push_back(std::move(item));
  }

  // Reading order: cover, title page, the contents page (a visible page, so the landmarks may
  // point at it), then the chapters.
  const auto add_to_spine = [&](ItemKind kind) {
    for (std::size_t i = 0; i < layout.items.size(); ++i)
      if (layout.items[i].kind == kind) layout.spine.push_back(i);
  };
  add_to_spine(ItemKind::CoverPage);
  add_to_spine(ItemKind::TitlePage);
  add_to_spine(ItemKind::Nav);
  add_to_spine(ItemKind::Chapter);
  return layout;
}

}  // namespace pb::epub
