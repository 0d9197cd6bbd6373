#include "image/image_embedder.h"
#include "common/interrupt.h"

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <variant>

#include "common/parallel.h"
#include "common/text.h"
#include "common/url.h"
#include "common/utf8.h"
#include "image/conversion_cache.h"
#include "image/drawn_cover.h"
#include "image/sniff.h"

namespace pb::image {

namespace {

namespace fs = std::filesystem;

std::string resource_id(std::size_t index) {
  const std::string number = std::to_string(index + 1);
  return "img-" + std::string(number.size() < 3 ? 3 - number.size() : 0, '0') + number;
}

std::string describe_source(const std::string& source) {
  if (text::starts_with_icase(source, "data:")) return "an inline data: image";
  if (source.starts_with("/")) {  // a local file: as the user would type it, relative to here
    std::error_code error;
    const fs::path relative = fs::path(source).lexically_relative(fs::current_path(error));
    if (!error && !relative.empty() && !relative.string().starts_with("..")) return relative.string();
  }
  return utf8::truncate(source, 200);
}

// Decodes a data: URI (base64 or percent-encoded) into a file. Returns an error, or "".
std::string write_data_uri(const std::string& uri, const fs::path& file) {
  const std::size_t comma = uri.find(',');
  if (comma == std::string::npos) return "malformed data: URI";
  const std::string_view meta(uri.data(), comma);
  const std::string_view payload(uri.data() + comma + 1, uri.size() - comma - 1);
  std::string bytes;
  if (meta.find(";base64") != std::string_view::npos) {
    unsigned buffer = 0;
    int bits = 0;
    for (char c : payload) {
      int value = -1;
      if (c >= 'A' && c <= 'Z') value = c - 'A';
      if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
      if (c >= '0' && c <= '9') value = c - '0' + 52;
      if (c == '+' || c == '-') value = 62;
      if (c == '/' || c == '_') value = 63;
      if (value < 0) continue;  // padding, whitespace, %0A
      buffer = (buffer << 6) | static_cast<unsigned>(value);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes += static_cast<char>((buffer >> bits) & 0xFF);
      }
    }
  } else {
    bytes = url::percent_decode(payload);
  }
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out ? "" : "cannot write " + file.string();
}

struct Candidate {
  std::string source;
  fs::path file;  // the bytes, once acquired
  std::string failure;
  std::function<PreparedImage()> prepared_by_fetcher;  // see FetchedImage::prepared
  PreparedImage prepared;                              // what goes into the book
  std::string resource;                                // Resource::id once embedded
};

class Embedder {
 public:
  Embedder(book::Book& book, const EmbedOptions& options, Diagnostics& diagnostics)
      : book_(book),
        options_(options),
        diagnostics_(diagnostics),
        preparer_(options.limits, options.conversion_cache, options.work_dir) {}

  EmbedReport run() {
    book::for_each_image(book_, [&](book::ImageRef& image) { add_source(image.source); });
    add_source(book_.cover.source);
    acquire();
    // Sniffing and converting are independent per image: all cores work on them, and on the
    // cover when it is known already that one must be drawn. Resources are then registered in
    // reading order, so the book is the same whatever finished first. The cover goes first: it
    // is the longest piece of work (fonts to load, 2 megapixels to encode), and started last it
    // would run alone after everything else.
    const bool draw_cover_now = book_.cover.source.empty() && options_.generate_cover;
    const std::size_t first_image = draw_cover_now ? 1 : 0;
    std::optional<Conversion> drawn_cover;
    parallel_for(first_image + candidates_.size(), [&](std::size_t i) {
      throw_if_interrupted();
      if (i < first_image)
        drawn_cover = draw_cover();
      else
        prepare(candidates_[i - first_image]);
    });
    for (Candidate& candidate : candidates_) {
      if (!candidate.failure.empty()) continue;
      const PreparedImage& image = candidate.prepared;
      add_resource(candidate, image.file, image.format, image.width, image.height);
      if (image.converted) ++report_.converted;
    }
    apply();
    // A featured image that could not be had is replaced by a drawn cover, drawn now.
    if (book_.cover.resource.empty() && options_.generate_cover) use_cover(drawn_cover ? *drawn_cover : draw_cover());
    warn_missing_alt();
    return report_;
  }

 private:
  void add_source(const std::string& source) {
    if (source.empty() || index_.contains(source)) return;
    index_.emplace(source, candidates_.size());
    Candidate candidate;
    candidate.source = source;
    candidates_.push_back(std::move(candidate));
  }

  void acquire() {
    std::vector<Candidate*> remote;
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      Candidate& candidate = candidates_[i];
      if (url::is_fetchable(candidate.source)) {
        remote.push_back(&candidate);
      } else if (text::starts_with_icase(candidate.source, "data:")) {
        candidate.file = options_.work_dir / ("data-" + std::to_string(i));
        candidate.failure = write_data_uri(candidate.source, candidate.file);
      } else {
        candidate.file = candidate.source;  // a local file the transformer vetted
      }
    }
    if (remote.empty()) return;
    if (!options_.fetch) {
      for (Candidate* candidate : remote) candidate->failure = "not downloaded (offline build without a cache)";
      return;
    }
    std::vector<std::string> urls;
    for (const Candidate* candidate : remote) urls.push_back(candidate->source);
    const std::vector<FetchedImage> fetched = options_.fetch(urls);
    for (std::size_t k = 0; k < remote.size(); ++k) {
      if (k < fetched.size() && fetched[k].error.empty()) {
        remote[k]->file = fetched[k].file;
        remote[k]->prepared_by_fetcher = fetched[k].prepared;
      } else {
        remote[k]->failure = k < fetched.size() ? fetched[k].error : "not downloaded";
      }
    }
  }

  void add_resource(Candidate& candidate, const fs::path& file, Format format, int width, int height) {
    book::Resource resource;
    resource.id = resource_id(book_.resources.size());
    resource.path = file;
    resource.media_type = media_type(format);
    resource.extension = extension(format);
    resource.width = width;
    resource.height = height;
    std::error_code error;
    resource.size = fs::file_size(file, error);
    candidate.resource = resource.id;
    book_.resources.push_back(std::move(resource));
    ++report_.embedded;
  }

  void prepare(Candidate& candidate) {
    if (!candidate.failure.empty()) return;
    candidate.prepared =
        candidate.prepared_by_fetcher ? candidate.prepared_by_fetcher() : preparer_.prepare(candidate.file);
    if (!candidate.prepared.ok()) candidate.failure = candidate.prepared.failure;
  }

  void resolve(book::ImageRef& image) {
    if (image.source.empty()) return;
    const Candidate& candidate = candidates_[index_.at(image.source)];
    image.resource = candidate.resource;
    image.failure = candidate.resource.empty() ? candidate.failure : std::string();
  }

  void apply() {
    std::set<std::string> refused;  // images the transformer already refused (file:, paths outside the post)
    book::for_each_image(book_, [&](book::ImageRef& image) {
      resolve(image);
      if (image.source.empty() && !image.failure.empty()) refused.insert(image.failure);
    });
    for (const std::string& reason : refused) {
      diagnostics_.warn("image", reason);
      report_.failures.push_back(reason);
    }
    resolve(book_.cover);
    for (const Candidate& candidate : candidates_) {
      if (candidate.resource.empty() && !candidate.failure.empty()) {
        const std::string line = describe_source(candidate.source) + ": " + candidate.failure;
        diagnostics_.warn("image", line);
        report_.failures.push_back(line);
      }
    }
  }

  Conversion draw_cover() {
    if (options_.cover_drawn_ahead && book_.cover.source.empty()) return options_.cover_drawn_ahead();
    return draw_book_cover(book_, preparer_.conversions());
  }

  void use_cover(const Conversion& result) {
    if (auto* error = std::get_if<std::string>(&result)) {
      diagnostics_.warn("cover", *error);
      return;
    }
    const ConvertedImage& cover = std::get<ConvertedImage>(result);
    Candidate generated;
    generated.source = "generated:cover";
    generated.file = cover.file;
    add_resource(generated, cover.file, cover.format, cover.width, cover.height);
    book_.cover.resource = generated.resource;
    book_.cover.alt = "Cover: " + book_.title;
    book_.cover.failure.clear();
    report_.generated_cover = true;
  }

  void warn_missing_alt() {
    std::vector<std::string> without_alt;
    book::for_each_image(book_, [&](book::ImageRef& image) {
      if (image.alt.empty() && !image.resource.empty()) without_alt.push_back(describe_source(image.source));
    });
    if (without_alt.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < without_alt.size() && i < 10; ++i) list += "\n  " + without_alt[i];
    if (without_alt.size() > 10) list += "\n  ... and " + std::to_string(without_alt.size() - 10) + " more";
    diagnostics_.warn("images", std::to_string(without_alt.size()) +
                                    " image(s) have no alt text; they are marked decorative (alt=\"\"):" + list);
  }

  book::Book& book_;
  const EmbedOptions& options_;
  Diagnostics& diagnostics_;
  std::vector<Candidate> candidates_;
  std::map<std::string, std::size_t> index_;
  EmbedReport report_;
  ImagePreparer preparer_;
};

}  // namespace

EmbedReport embed_images(book::Book& book, const EmbedOptions& options, Diagnostics& diagnostics) {
  return Embedder(book, options, diagnostics).run();
}

}  // namespace pb::image
