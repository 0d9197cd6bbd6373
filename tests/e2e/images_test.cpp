// Images end to end: posts whose images live on a loopback server (JPEG, PNG with alpha, WebP,
// GIF, SVG, CMYK JPEG, an oversized JPEG, a 404, an HTML page and an empty file served as
// images), built with `postbinder build --cache-dir`, rebuilt from the cache with conditional
// requests only, built --offline after the server is gone, and built --strict.
//
// The builds run once (Scenario::run); one test checks each aspect of them in turn and checks
// the books with epubcheck in one run.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <thread>

#include "e2e/support.h"
#include "image/image_bytes.h"
#include "support/test_http_server.h"

namespace pb::e2e {
namespace {

namespace bytes = pb::testing::image_bytes;
using pb::testing::TestHttpServer;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> all_matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> found;
  const std::regex expression(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), expression); it != std::sregex_iterator(); ++it)
    found.push_back((*it)[1].str());
  return found;
}

bool is_jpeg(const std::string& content) {
  return content.starts_with("\xFF\xD8\xFF");
}
bool is_png(const std::string& content) {
  return content.starts_with("\x89PNG\r\n\x1A\n");
}

// Entries of a book by name.
std::map<std::string, std::string> entries_of(const fs::path& book) {
  std::map<std::string, std::string> entries;
  for (ZipEntry& entry : read_zip(book)) entries[entry.name] = std::move(entry.content);
  return entries;
}

// "EPUB/chapter-01.xhtml" + "images/a.jpg" -> "EPUB/images/a.jpg"
std::string resolve_in_zip(const std::string& document, const std::string& href) {
  fs::path path = fs::path(document).parent_path() / href;
  return path.lexically_normal().string();
}

struct ServedImage {
  std::string content;
  std::string content_type;
};

// LeakSanitizer reports the caches of fontconfig (filled by drawing a generated cover) at exit, which turns the exit
// code of a sanitizer build of postbinder into 1; see the DISABLED test at the end. Builds that draw a cover suppress
// exactly that.
std::vector<std::string> cover_leak_suppression(const ScratchDir& scratch) {
  const fs::path file = scratch / "lsan-fontconfig.supp";
  write_file(file, "leak:libfontconfig.so\n");
  return {"LSAN_OPTIONS=suppressions=" + file.string()};
}

// What LD_DEBUG_OUTPUT=folder/prefix wrote (the loader adds ".<pid>" to the name).
std::string loader_log(const fs::path& folder, const std::string& prefix) {
  std::string log;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().filename().string().starts_with(prefix + ".")) log += read_file(entry.path());
  return log;
}

// The whole scenario: the server, the posts, and five builds one after the other (each needs
// the cache the one before filled). One gtest test runs it and checks each aspect in turn: ctest
// runs every test in a process of its own, so a test per aspect would repeat the five builds.
class Scenario {
 public:
  struct State;
  static std::unique_ptr<State> run() {
    auto state = std::make_unique<State>();
    State& s = *state;
    make_images(s);
    s.server.server().Get(R"(/img/([^/]+))", [&s](const httplib::Request& request, httplib::Response& response) {
      const auto found = s.images.find(request.matches[1].str());
      if (found == s.images.end()) {
        response.status = 404;
        response.set_content("<!DOCTYPE html><html><body>Not found</body></html>", "text/html");
        return;
      }
      const std::string etag = "\"" + std::to_string(bytes::crc32(found->second.content)) + "\"";
      response.set_header("ETag", etag);
      if (request.get_header_value("If-None-Match") == etag) {
        response.status = 304;
        return;
      }
      ++s.bodies_sent;
      response.set_content(found->second.content, found->second.content_type);
    });
    s.server.start();
    write_posts(s);

    const auto build = [&s](const fs::path& output, std::vector<std::string> extra,
                            const std::vector<std::string>& environment = {}) {
      std::vector<std::string> args = {"build", (s.scratch / "posts").string(), "-o", output.string()};
      args.insert(args.end(), extra.begin(), extra.end());
      return postbinder(args, environment);
    };
    const std::vector<std::string> cache = {"--cache-dir", (s.scratch / "cache").string()};

    // The dynamic loader's list of what each of the first two builds mapped (see
    // check_a_rebuild_loads_no_image_codec); written to files so that stderr stays the build's.
    s.first = build(s.book, cache, {"LD_DEBUG=files", "LD_DEBUG_OUTPUT=" + (s.scratch / "ld-first").string()});
    s.loaded_first = loader_log(s.scratch.path(), "ld-first");
    s.first_bytes = read_file(s.book);
    s.requests_first = s.server.requests();
    s.bodies_first = s.bodies_sent.load();

    s.second = build(s.book, cache, {"LD_DEBUG=files", "LD_DEBUG_OUTPUT=" + (s.scratch / "ld-second").string()});
    s.loaded_second = loader_log(s.scratch.path(), "ld-second");
    s.second_bytes = read_file(s.book);
    const auto all = s.server.requests();
    s.requests_second.assign(all.begin() + static_cast<std::ptrdiff_t>(s.requests_first.size()), all.end());
    s.bodies_second = s.bodies_sent.load() - s.bodies_first;

    s.mtime_before_strict = fs::last_write_time(s.book);
    std::vector<std::string> strict = cache;
    strict.push_back("--strict");
    s.strict = build(s.book, strict);
    s.after_strict_bytes = read_file(s.book);
    s.mtime_after_strict = fs::last_write_time(s.book);

    s.server.stop();
    s.requests_before_offline = s.server.requests().size();
    std::vector<std::string> offline = cache;
    offline.push_back("--offline");
    s.offline = build(s.offline_book, offline);
    s.offline_empty = build(s.empty_cache_book, {"--cache-dir", (s.scratch / "empty-cache").string(), "--offline"},
                            cover_leak_suppression(s.scratch));
    return state;
  }

  struct State {
    ScratchDir scratch;
    TestHttpServer server;
    std::map<std::string, ServedImage> images;  // by file name under /img/
    std::atomic<int> bodies_sent{0};
    fs::path book = scratch / "book.epub";
    fs::path offline_book = scratch / "offline.epub";
    fs::path empty_cache_book = scratch / "empty-cache.epub";
    CommandResult first, second, strict, offline, offline_empty;
    std::string first_bytes, second_bytes, after_strict_bytes;
    std::string loaded_first, loaded_second;  // LD_DEBUG=files
    std::vector<TestHttpServer::SeenRequest> requests_first, requests_second;
    int bodies_first = 0, bodies_second = 0;
    std::size_t requests_before_offline = 0;
    fs::file_time_type mtime_before_strict, mtime_after_strict;

    std::string url(const std::string& name) const { return server.url("/img/" + name); }
    // Requests for /img/name during the first build.
    std::size_t requested(const std::string& name) const {
      return static_cast<std::size_t>(
          std::count_if(requests_first.begin(), requests_first.end(),
                        [&](const auto& request) { return request.path == "/img/" + name; }));
    }
  };

  static void make_images(State& s) {
    const std::array<bytes::Rgba, 4> palette = {{{250, 250, 240}, {200, 40, 40}, {40, 160, 60}, {30, 60, 200}}};
    std::vector<std::uint8_t> frame_a(48 * 32), frame_b(48 * 32);
    for (std::size_t i = 0; i < frame_a.size(); ++i) {
      frame_a[i] = static_cast<std::uint8_t>((i / 6) % 4);
      frame_b[i] = static_cast<std::uint8_t>((i / 5) % 4);
    }
    s.images["photo.jpg"] = {bytes::jpeg_rgb(640, 480, 1), "image/jpeg"};
    s.images["alpha.png"] = {bytes::png(300, 200, true,
                                        [](int x, int y) {
                                          return bytes::Rgba{static_cast<std::uint8_t>(x % 256), 90,
                                                             static_cast<std::uint8_t>(y),
                                                             static_cast<std::uint8_t>(x < 150 ? 255 : 60)};
                                        }),
                             "image/png"};
    s.images["lazy.webp"] = {bytes::webp_solid(200, 100, {40, 120, 200, 255}), "image/webp"};
    s.images["anim.gif"] = {bytes::gif(48, 32, palette, {frame_a, frame_b}), "image/gif"};
    s.images["logo.svg"] = {bytes::svg(120, 80), "image/svg+xml"};
    s.images["print.jpg"] = {bytes::jpeg_cmyk(160, 120), "image/jpeg"};
    s.images["big.jpg"] = {bytes::jpeg_rgb(2400, 1600, 2), "image/jpeg"};
    s.images["cover.jpg"] = {bytes::jpeg_rgb(600, 900, 3), "image/jpeg"};
    s.images["undescribed.png"] = {
        bytes::png(64, 64, false,
                   [](int x, int y) {
                     return bytes::Rgba{static_cast<std::uint8_t>(x * 4), static_cast<std::uint8_t>(y * 4), 128, 255};
                   }),
        "image/png"};
    // Served as images, but not images: an error page with 200, an empty body.
    s.images["page.jpg"] = {"<!DOCTYPE html>\n<html><head><title>Oops</title></head><body>Gone</body></html>",
                            "image/jpeg"};
    s.images["empty.png"] = {"", "image/png"};
    // Candidates that must not be chosen.
    s.images["small.jpg"] = {bytes::jpeg_rgb(300, 200, 4), "image/jpeg"};
    s.images["huge.jpg"] = {bytes::jpeg_rgb(3000, 2000, 5), "image/jpeg"};
    s.images["fallback.jpg"] = {bytes::jpeg_rgb(100, 100, 6), "image/jpeg"};
    s.images["modern.webp"] = {bytes::webp_solid(100, 100, {1, 2, 3, 255}), "image/webp"};
  }

  static void write_posts(State& s) {
    const std::string placeholder = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
    const std::string part1 =
        "<p>A walk in pictures.</p>\n"
        "<figure class=\"wp-block-image\"><img src=\"" +
        s.url("photo.jpg") +
        "\" alt=\"A photo\" width=\"640\" height=\"480\"/><figcaption>The photo</figcaption></figure>\n"
        "<figure><img src=\"" +
        s.url("small.jpg") + "\" srcset=\"" + s.url("small.jpg") + " 300w, " + s.url("alpha.png") + " 800w, " +
        s.url("huge.jpg") +
        " 3000w\" sizes=\"(max-width: 800px) 100vw, 800px\" alt=\"See-through\"/></figure>\n"
        "<figure><img src=\"" +
        placeholder + "\" data-src=\"" + s.url("lazy.webp") +
        "\" class=\"lazyload\" alt=\"Lazy WebP\"/></figure>\n"
        "<figure><img src=\"" +
        placeholder + "\" class=\"lazyload\" alt=\"Animated\"/><noscript><img src=\"" + s.url("anim.gif") +
        "\" alt=\"Animated\"/></noscript></figure>\n"
        "<figure><picture><source srcset=\"" +
        s.url("modern.webp") + "\" type=\"image/webp\"/><source srcset=\"" + s.url("print.jpg") +
        "\" type=\"image/jpeg\"/><img src=\"" + s.url("fallback.jpg") +
        "\" alt=\"Printed\"/></picture></figure>\n"
        "<p>A logo: <img src=\"" +
        s.url("logo.svg") +
        "\" alt=\"Logo\"/></p>\n"
        "<figure><img src=\"" +
        s.url("missing.jpg") + "\" alt=\"A lost picture\"/></figure>\n";
    const std::string part2 = "<p>The photo again:</p>\n<figure><img src=\"" + s.url("photo.jpg") +
                              "\" alt=\"The photo again\"/></figure>\n"
                              "<figure><img src=\"" +
                              s.url("big.jpg") +
                              "\" alt=\"A wide view\"/></figure>\n"
                              "<figure><img src=\"" +
                              s.url("page.jpg") +
                              "\" alt=\"Not a picture\"/></figure>\n"
                              "<figure><img src=\"" +
                              s.url("empty.png") +
                              "\" alt=\"Nothing\"/></figure>\n"
                              "<figure><img src=\"" +
                              s.url("undescribed.png") + "\"/></figure>\n";
    nlohmann::json posts = nlohmann::json::array();
    nlohmann::json first =
        wordpress_post(701, "Picture Walk, Part 1", part1, "https://blog.example.org/picture-walk-1/");
    first["featured_media"] = 9001;
    first["_embedded"]["wp:featuredmedia"] =
        nlohmann::json::array({{{"id", 9001},
                                {"source_url", s.url("cover.jpg")},
                                {"alt_text", "A path through the woods"},
                                {"media_details", {{"width", 600}, {"height", 900}}}}});
    posts.push_back(first);
    posts.push_back(wordpress_post(702, "Picture Walk, Part 2", part2, "https://blog.example.org/picture-walk-2/",
                                   "2024-03-06T10:00:00"));
    write_file(s.scratch / "posts" / "walk.json", posts.dump(2));
  }
};

using State = Scenario::State;

void check_the_first_build_succeeds_and_downloads_each_chosen_image_once(const State& s) {
  ASSERT_EQ(s.first.exit_code, 0) << s.first.err;
  for (const char* name : {"photo.jpg", "alpha.png", "lazy.webp", "anim.gif", "print.jpg", "logo.svg", "big.jpg",
                           "cover.jpg", "undescribed.png", "page.jpg", "empty.png", "missing.jpg"})
    EXPECT_EQ(s.requested(name), 1u) << name;
  // srcset: the widest candidate up to 1600 px; <picture>: the JPEG source before the WebP one.
  for (const char* name : {"small.jpg", "huge.jpg", "fallback.jpg", "modern.webp"})
    EXPECT_EQ(s.requested(name), 0u) << name << " should not have been chosen";
  EXPECT_EQ(s.requests_first.size(), 12u);
  for (const auto& request : s.requests_first)
    EXPECT_TRUE(request.headers.count("user-agent") && request.headers.at("user-agent").starts_with("postbinder/"));
}

void check_the_book_holds_only_jpeg_and_png_and_every_source_resolves(const State& s) {
  ASSERT_EQ(s.first.exit_code, 0) << s.first.err;
  const auto entries = entries_of(s.book);
  std::set<std::string> image_entries;
  for (const auto& [name, content] : entries) {
    if (!name.starts_with("EPUB/images/")) continue;
    image_entries.insert(name);
    if (name.ends_with(".jpg") || name.ends_with(".jpeg"))
      EXPECT_TRUE(is_jpeg(content)) << name << " is not a JPEG";
    else if (name.ends_with(".png"))
      EXPECT_TRUE(is_png(content)) << name << " is not a PNG";
    else
      ADD_FAILURE() << "an image that is neither JPEG nor PNG: " << name;
  }
  // photo, alpha, lazy WebP, GIF, CMYK, SVG, big, undescribed and the cover: 9 files; the photo
  // shown twice is one file.
  EXPECT_EQ(image_entries.size(), 9u);
  const std::string opf = entries.at("EPUB/content.opf");
  for (const std::string& type : all_matches(opf, "media-type=\"(image/[^\"]+)\""))
    EXPECT_TRUE(type == "image/jpeg" || type == "image/png") << type;

  std::set<std::string> referenced;
  for (const auto& [name, content] : entries) {
    if (!name.ends_with(".xhtml")) continue;
    for (const std::string& src : all_matches(content, "<img [^>]*src=\"([^\"]+)\"")) {
      const std::string target = resolve_in_zip(name, src);
      EXPECT_TRUE(entries.contains(target)) << name << " shows " << src << ", which is not in the book";
      referenced.insert(target);
    }
  }
  EXPECT_EQ(referenced, image_entries) << "every image file is shown, every shown image is a file";
}

void check_jpeg_and_png_that_fit_are_the_served_bytes_and_the_rest_is_converted(const State& s) {
  ASSERT_EQ(s.first.exit_code, 0) << s.first.err;
  std::multiset<std::string> contents;
  for (const auto& [name, content] : entries_of(s.book))
    if (name.starts_with("EPUB/images/")) contents.insert(content);
  for (const char* name : {"photo.jpg", "alpha.png", "cover.jpg", "undescribed.png"})
    EXPECT_EQ(contents.count(s.images.at(name).content), 1u) << name << " was not copied byte for byte";
  for (const char* name : {"lazy.webp", "anim.gif", "logo.svg", "print.jpg", "big.jpg"})
    EXPECT_EQ(contents.count(s.images.at(name).content), 0u) << name << " should have been converted";
  // The oversized JPEG is scaled to 1600 pixels wide, keeping its aspect.
  bool found_big = false;
  for (const auto& [name, content] : entries_of(s.book))
    if (contains(content, "width=\"1600\"") && name.ends_with(".xhtml")) found_big = true;
  EXPECT_TRUE(found_big) << "no 1600-pixel-wide image in the chapters";
  EXPECT_TRUE(contains(entries_of(s.book).at("EPUB/chapter-02.xhtml"), "height=\"1067\""));
}

void check_the_featured_image_is_the_cover(const State& s) {
  ASSERT_EQ(s.first.exit_code, 0) << s.first.err;
  const auto entries = entries_of(s.book);
  const std::string opf = entries.at("EPUB/content.opf");
  const auto cover_href = all_matches(opf, "<item [^>]*href=\"([^\"]+)\"[^>]*properties=\"cover-image\"");
  ASSERT_EQ(cover_href.size(), 1u) << opf;
  EXPECT_EQ(entries.at("EPUB/" + cover_href[0]), s.images.at("cover.jpg").content);
}

void check_failed_images_are_placeholders_with_the_reason_and_warnings_name_the_url(const State& s) {
  ASSERT_EQ(s.first.exit_code, 0) << s.first.err;
  const auto entries = entries_of(s.book);
  std::string chapters;
  for (const auto& [name, content] : entries)
    if (name.starts_with("EPUB/chapter-")) chapters += content;
  const auto missing = all_matches(chapters, "(<figure[^>]*class=\"image-missing\"[^>]*>[\\s\\S]*?</figure>)");
  ASSERT_EQ(missing.size(), 3u) << chapters;
  EXPECT_TRUE(contains(missing[0], "A lost picture")) << missing[0];
  EXPECT_TRUE(contains(missing[0], "HTTP 404")) << missing[0];
  EXPECT_TRUE(contains(missing[1], "Not a picture")) << missing[1];
  EXPECT_TRUE(contains(missing[1], "HTML")) << missing[1];
  EXPECT_TRUE(contains(missing[2], "Nothing")) << missing[2];
  EXPECT_TRUE(contains(missing[2], "empty")) << missing[2];
  for (const std::string& figure : missing) EXPECT_FALSE(contains(figure, "<img")) << figure;

  for (const auto& [name, reason] : std::vector<std::pair<std::string, std::string>>{
           {"missing.jpg", "HTTP 404"}, {"page.jpg", "HTML"}, {"empty.png", "empty"}}) {
    bool warned = false;
    for (const std::string& line : all_matches(s.first.err, "(postbinder: warning: [^\n]*)"))
      if (contains(line, s.url(name)) && contains(line, reason)) warned = true;
    EXPECT_TRUE(warned) << "no warning names " << s.url(name) << " with \"" << reason << "\":\n" << s.first.err;
  }
  EXPECT_TRUE(contains(s.first.err, "3 missing") || contains(s.first.err, "3 failed")) << s.first.err;
}

void check_an_image_without_alt_is_listed_in_one_warning(const State& s) {
  ASSERT_EQ(s.first.exit_code, 0) << s.first.err;
  const auto warnings = all_matches(s.first.err, "(postbinder: warning: [^\n]*alt[^\n]*)");
  ASSERT_EQ(warnings.size(), 1u) << s.first.err;
  EXPECT_TRUE(contains(warnings[0], "1 image")) << warnings[0];
  EXPECT_TRUE(contains(s.first.err, s.url("undescribed.png"))) << s.first.err;
  EXPECT_TRUE(contains(entries_of(s.book).at("EPUB/chapter-02.xhtml"), "alt=\"\""));
}

void check_a_second_build_makes_only_conditional_requests_and_the_same_book(const State& s) {
  ASSERT_EQ(s.second.exit_code, 0) << s.second.err;
  EXPECT_EQ(s.bodies_second, 0) << "the second build downloaded image bodies again";
  ASSERT_FALSE(s.requests_second.empty());
  for (const auto& request : s.requests_second) {
    if (request.path == "/img/missing.jpg") continue;  // a 404 is not cached
    EXPECT_EQ(request.headers.count("if-none-match"), 1u) << request.path << " was not a conditional request";
  }
  EXPECT_EQ(s.requests_second.size(), s.requests_first.size());
  EXPECT_TRUE(s.first_bytes == s.second_bytes) << "the rebuilt book differs from the first";
  EXPECT_TRUE(contains(s.second.err, "0 downloaded")) << s.second.err;
  EXPECT_TRUE(contains(s.second.err, "unchanged")) << s.second.err;
}

// The codecs are modules loaded when an image needs them (image/draw_api.h, image/vips_api.h):
// the first build converts a WebP (libwebp, in the drawing module) and a GIF and an SVG
// (libvips); the rebuild finds every conversion in the cache and maps neither.
void check_a_rebuild_loads_no_image_codec(const State& s) {
  ASSERT_EQ(s.first.exit_code, 0) << s.first.err;
  ASSERT_EQ(s.second.exit_code, 0) << s.second.err;
  ASSERT_TRUE(contains(s.loaded_first, "libc.so.6")) << "LD_DEBUG wrote nothing";
  EXPECT_TRUE(contains(s.loaded_first, "postbinder_draw.so"));
  EXPECT_TRUE(contains(s.loaded_first, "libwebp"));
  EXPECT_TRUE(contains(s.loaded_first, "postbinder_vips.so"));
  ASSERT_TRUE(contains(s.loaded_second, "libc.so.6")) << "LD_DEBUG wrote nothing";
  for (const char* library : {"postbinder_draw.so", "postbinder_vips.so", "libwebp", "libturbojpeg", "libpng",
                              "libharfbuzz", "libfontconfig", "libfreetype"})
    EXPECT_FALSE(contains(s.loaded_second, library)) << "the rebuild loaded " << library;
}

void check_strict_fails_on_a_missing_image_and_leaves_the_previous_book_untouched(const State& s) {
  EXPECT_EQ(s.strict.exit_code, 1) << s.strict.err;
  EXPECT_TRUE(contains(s.strict.err, "--strict")) << s.strict.err;
  EXPECT_TRUE(contains(s.strict.err, s.url("missing.jpg"))) << s.strict.err;
  EXPECT_TRUE(s.after_strict_bytes == s.second_bytes) << "--strict replaced the previous book";
  EXPECT_EQ(s.mtime_after_strict, s.mtime_before_strict);
}

void check_offline_builds_the_same_book_from_the_cache_alone(const State& s) {
  ASSERT_EQ(s.offline.exit_code, 0) << s.offline.err;
  EXPECT_EQ(s.server.requests().size(), s.requests_before_offline);
  const auto online = entries_of(s.book);
  const auto offline = entries_of(s.offline_book);
  ASSERT_EQ(online.size(), offline.size());
  for (const auto& [name, content] : online) {
    ASSERT_TRUE(offline.contains(name)) << name;
    if (content == offline.at(name)) continue;
    // Only the note of the image the cache cannot have (the 404) may differ.
    const std::regex note("Image not included: [^<]*");
    EXPECT_EQ(std::regex_replace(content, note, "NOTE"), std::regex_replace(offline.at(name), note, "NOTE")) << name;
    EXPECT_TRUE(contains(offline.at(name), "not in the cache")) << name;
  }
  EXPECT_TRUE(contains(s.offline.err, s.url("missing.jpg"))) << s.offline.err;
}

void check_offline_with_an_empty_cache_lists_every_missing_image(const State& s) {
  ASSERT_EQ(s.offline_empty.exit_code, 0) << s.offline_empty.err;
  for (const char* name : {"photo.jpg", "alpha.png", "lazy.webp", "anim.gif", "print.jpg", "logo.svg", "big.jpg",
                           "cover.jpg", "undescribed.png", "missing.jpg"}) {
    bool listed = false;
    for (const std::string& line : all_matches(s.offline_empty.err, "(postbinder: warning: [^\n]*)"))
      if (contains(line, s.url(name)) && contains(line, "not in the cache")) listed = true;
    EXPECT_TRUE(listed) << s.url(name) << " is not listed as missing:\n" << s.offline_empty.err;
  }
  const auto entries = entries_of(s.empty_cache_book);
  std::size_t images = 0;
  for (const auto& [name, content] : entries)
    if (name.starts_with("EPUB/images/")) ++images;
  EXPECT_EQ(images, 1u) << "only the generated cover";
  EXPECT_TRUE(contains(entries.at("EPUB/content.opf"), "cover-image")) << "every book has a cover";
}

void check_the_books_pass_epubcheck_with_no_error_and_no_warning(const State& s) {
  std::vector<fs::path> books;
  for (const fs::path& book : {s.book, s.offline_book, s.empty_cache_book})
    if (fs::exists(book)) books.push_back(book);
  ASSERT_EQ(books.size(), 3u);
  std::string messages;
  const auto results = epubcheck(books, &messages);
  for (const fs::path& book : books) {
    const auto found = results.find(book.string());
    ASSERT_NE(found, results.end()) << "epubcheck did not report " << book << "\n" << messages;
    EXPECT_EQ(found->second.errors, 0) << book.filename() << "\n" << messages;
    EXPECT_EQ(found->second.warnings, 0) << book.filename() << "\n" << messages;
  }
}

TEST(ImagesEndToEnd, BuildRebuildStrictAndOfflineWithImagesFromAServer) {
  const std::unique_ptr<State> s = Scenario::run();
  {
    SCOPED_TRACE("TheFirstBuildSucceedsAndDownloadsEachChosenImageOnce");
    check_the_first_build_succeeds_and_downloads_each_chosen_image_once(*s);
  }
  {
    SCOPED_TRACE("TheBookHoldsOnlyJpegAndPngAndEverySourceResolves");
    check_the_book_holds_only_jpeg_and_png_and_every_source_resolves(*s);
  }
  {
    SCOPED_TRACE("JpegAndPngThatFitAreTheServedBytesAndTheRestIsConverted");
    check_jpeg_and_png_that_fit_are_the_served_bytes_and_the_rest_is_converted(*s);
  }
  {
    SCOPED_TRACE("TheFeaturedImageIsTheCover");
    check_the_featured_image_is_the_cover(*s);
  }
  {
    SCOPED_TRACE("FailedImagesArePlaceholdersWithTheReasonAndWarningsNameTheUrl");
    check_failed_images_are_placeholders_with_the_reason_and_warnings_name_the_url(*s);
  }
  {
    SCOPED_TRACE("AnImageWithoutAltIsListedInOneWarning");
    check_an_image_without_alt_is_listed_in_one_warning(*s);
  }
  {
    SCOPED_TRACE("ASecondBuildMakesOnlyConditionalRequestsAndTheSameBook");
    check_a_second_build_makes_only_conditional_requests_and_the_same_book(*s);
  }
  {
    SCOPED_TRACE("ARebuildLoadsNoImageCodec");
    check_a_rebuild_loads_no_image_codec(*s);
  }
  {
    SCOPED_TRACE("StrictFailsOnAMissingImageAndLeavesThePreviousBookUntouched");
    check_strict_fails_on_a_missing_image_and_leaves_the_previous_book_untouched(*s);
  }
  {
    SCOPED_TRACE("OfflineBuildsTheSameBookFromTheCacheAlone");
    check_offline_builds_the_same_book_from_the_cache_alone(*s);
  }
  {
    SCOPED_TRACE("OfflineWithAnEmptyCacheListsEveryMissingImage");
    check_offline_with_an_empty_cache_lists_every_missing_image(*s);
  }
  {
    SCOPED_TRACE("TheBooksPassEpubcheckWithNoErrorAndNoWarning");
    check_the_books_pass_epubcheck_with_no_error_and_no_warning(*s);
  }
}

// The network options of `build` reach the downloads: --max-image-size, --timeout, --jobs, and
// --quiet silences progress but not warnings.
TEST(ImagesCommandLine, SizeTimeAndJobLimitsReachTheDownloads) {
  const std::string two_megabytes = bytes::jpeg_rgb(64, 64) + std::string(2u << 20, '\0');
  TestHttpServer server;  // after what its handlers use: stopped before that goes
  server.server().Get("/img/heavy.jpg", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(two_megabytes, "image/jpeg");
  });
  server.server().Get("/img/slow.jpg", [](const httplib::Request&, httplib::Response& response) {
    response.set_chunked_content_provider("image/jpeg", [](std::size_t offset, httplib::DataSink& sink) {
      if (offset >= 40) {
        sink.done();
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      return sink.is_writable() && sink.write("\xFF", 1);
    });
  });
  server.server().Get(R"(/img/quick-(\d)\.png)", [](const httplib::Request& request, httplib::Response& response) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const int shade = std::stoi(request.matches[1].str()) * 40;
    response.set_content(bytes::png(8, 8, false,
                                    [&](int, int) {
                                      return bytes::Rgba{static_cast<std::uint8_t>(shade), 9, 9, 255};
                                    }),
                         "image/png");
  });
  server.start();
  ScratchDir scratch;
  std::string html = "<p><img src=\"" + server.url("/img/heavy.jpg") + "\" alt=\"Heavy\"/></p><p><img src=\"" +
                     server.url("/img/slow.jpg") + "\" alt=\"Slow\"/></p>";
  for (int i = 1; i <= 4; ++i)
    html += "<p><img src=\"" + server.url("/img/quick-" + std::to_string(i) + ".png") + "\" alt=\"Quick\"/></p>";
  write_file(scratch / "posts" / "limits.json",
             nlohmann::json::array({wordpress_post(801, "Limits", html, "https://blog.example.org/limits/")}).dump());
  const fs::path book = scratch / "limits.epub";
  const CommandResult result =
      postbinder({"build", (scratch / "posts").string(), "-o", book.string(), "--cache-dir",
                  (scratch / "cache").string(), "--max-image-size", "1", "--timeout", "1", "--jobs", "1", "--quiet"},
                 cover_leak_suppression(scratch));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(result.err, server.url("/img/heavy.jpg") + ": larger than the 1 MB limit")) << result.err;
  EXPECT_TRUE(contains(result.err, server.url("/img/slow.jpg") + ": timed out after 1 s")) << result.err;
  EXPECT_EQ(server.most_at_once(), 1) << "--jobs 1";
  EXPECT_FALSE(contains(result.err, "images: ")) << "--quiet shows no progress: " << result.err;
  EXPECT_FALSE(contains(result.err, "wrote ")) << result.err;
  std::size_t images = 0;
  for (const ZipEntry& entry : read_zip(book))
    if (entry.name.starts_with("EPUB/images/")) ++images;
  EXPECT_EQ(images, 4u + 1u) << "four small images and the generated cover";
}

// Regression (was a bug): a build that draws a generated cover (vips_text -> Pango -> fontconfig) exits with
// status 1 in sanitizer builds: LeakSanitizer reports fontconfig's process-wide caches at exit
// ("Direct leak ... libfontconfig.so.1"). scripts/test runs the suite with detect_leaks=1, so
// every end-to-end test that builds a book without a featured image fails there (for example
// Epubcheck.EveryKindOfBookPassesWithNoErrorAndNoWarning). Not a leak of postbinder's own; the
// sanitizer build needs a suppression (e.g. __lsan_default_suppressions() returning
// "leak:libfontconfig.so" in src/cli/main.cpp under __SANITIZE_ADDRESS__, or LSAN_OPTIONS in
// scripts/test). This test passes in a build without sanitizers.
TEST(ImagesSanitizers, ABuildThatDrawsACoverExitsZero) {
  ScratchDir scratch;
  write_file(scratch / "posts" / "plain.json",
             nlohmann::json::array(
                 {wordpress_post(901, "No Pictures Here", "<p>Words only.</p>", "https://blog.example.org/plain/")})
                 .dump());
  const CommandResult result =
      postbinder({"build", (scratch / "posts").string(), "-o", (scratch / "plain.epub").string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(zip_entry(scratch / "plain.epub", "EPUB/content.opf"), "cover-image"));
}

}  // namespace
}  // namespace pb::e2e
