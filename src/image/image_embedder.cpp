#include "image/image_embedder.h"

#include <fstream>
#include <map>

#include "common/text.h"
#include "common/url.h"
#include "common/utf8.h"
#include "image/image_header.h"
#include "image/sniff.h"

namespace pb::image {

namespace {

namespace fs = std::filesystem;

// Enough bytes for any sane image header (JPEG EXIF and ICC blocks come before the frame).
constexpr std::size_t kHeaderBytes = 1 << 20;

std::string read_head(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::string head(kHeaderBytes, '\0');
  stream.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(stream.gcount()));
  return head;
}

std::string resource_id(std::size_t index) {
  std::string number = std::to_string(index + 1);
  return "img-" + std::string(number.size() < 3 ? 3 - number.size() : 0, '0') + number;
}

std::string describe_source(const std::string& source) {
  if (text::starts_with_icase(source, "data:")) return "an inline data: image";
  return utf8::truncate(source, 200);
}

// Decodes a base64 data: URI into a file. Returns an error message, or "" on success.
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
  if (!out) return "cannot write " + file.string();
  return "";
}

struct Candidate {
  std::string source;
  fs::path file;       // the bytes, once acquired
  std::string failure;
};

class Embedder {
 public:
  Embedder(book::Book& book, const EmbedOptions& options, Diagnostics& diagnostics)
      : book_(book), options_(options), diagnostics_(diagnostics) {}

  EmbedReport run() {
    collect_sources();
    acquire();
    for (std::size_t i = 0; i < candidates_.size(); ++i) prepare(i);
    apply();
    warn_missing_alt();
    return report_;
  }

 private:
  void add_source(const std::string& source) {
    if (source.empty() || index_.contains(source)) return;
    index_.emplace(source, candidates_.size());
    candidates_.push_back(Candidate{source, {}, {}});
  }

  void collect_sources() {
    book::for_each_image(book_, [&](book::ImageRef& image) { add_source(image.source); });
    add_source(book_.cover.source);
  }

  void acquire() {
    std::vector<std::size_t> remote;
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      Candidate& candidate = candidates_[i];
      if (url::is_fetchable(candidate.source)) {
        remote.push_back(i);
      } else if (text::starts_with_icase(candidate.source, "data:")) {
        candidate.file = options_.work_dir / ("data-" + std::to_string(i));
        candidate.failure = write_data_uri(candidate.source, candidate.file);
      } else {
        candidate.file = candidate.source;  // a local file the transformer vetted
      }
    }
    if (remote.empty()) return;
    if (!options_.remote) {
      for (std::size_t i : remote) candidates_[i].failure = "not downloaded (remote images need a network build)";
      return;
    }
    std::vector<std::string> urls;
    for (std::size_t i : remote) urls.push_back(candidates_[i].source);
    const std::vector<RemoteImageSource::Result> results = options_.remote->fetch_all(urls);
    for (std::size_t k = 0; k < remote.size(); ++k) {
      Candidate& candidate = candidates_[remote[k]];
      if (k < results.size() && results[k].error.empty())
        candidate.file = results[k].file;
      else
        candidate.failure = k < results.size() ? results[k].error : "not downloaded";
    }
  }

  void prepare(std::size_t index) {
    Candidate& candidate = candidates_[index];
    if (!candidate.failure.empty()) return;
    const std::string head = read_head(candidate.file);
    const Format format = sniff(head);
    const std::optional<ImageHeader> header = read_header(head);
    if (!header) {
      candidate.failure = format == Format::Jpeg || format == Format::Png || format == Format::Gif
                              ? std::string("the ") + format_name(format) + " file is damaged or truncated"
                              : std::string("the file is ") + format_name(format) + ", which cannot be converted yet";
      return;
    }
    if (header->cmyk || header->width > options_.max_width || header->height > options_.max_height) {
      candidate.failure = "needs conversion (" + std::to_string(header->width) + "x" + std::to_string(header->height) +
                          (header->cmyk ? " CMYK" : "") + "), which is not supported yet";
      return;
    }
    book::Resource resource;
    resource.id = resource_id(book_.resources.size());
    resource.path = candidate.file;
    resource.media_type = media_type(header->format);
    resource.extension = extension(header->format);
    resource.width = header->width;
    resource.height = header->height;
    std::error_code error;
    resource.size = fs::file_size(candidate.file, error);
    resources_by_source_.emplace(candidate.source, resource.id);
    book_.resources.push_back(std::move(resource));
  }

  void resolve(book::ImageRef& image) {
    if (image.source.empty()) return;
    if (const auto it = resources_by_source_.find(image.source); it != resources_by_source_.end()) {
      image.resource = it->second;
      image.failure.clear();
      return;
    }
    const Candidate& candidate = candidates_[index_.at(image.source)];
    image.failure = candidate.failure;
  }

  void apply() {
    book::for_each_image(book_, [&](book::ImageRef& image) {
      resolve(image);
      if (!image.resource.empty()) ++report_.embedded;
    });
    resolve(book_.cover);
    for (const Candidate& candidate : candidates_) {
      if (candidate.failure.empty()) continue;
      const std::string line = describe_source(candidate.source) + ": " + candidate.failure;
      diagnostics_.warn("image", line);
      report_.failures.push_back(line);
    }
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
                                    " image(s) have no alt text; screen readers will skip them:" + list);
  }

  book::Book& book_;
  const EmbedOptions& options_;
  Diagnostics& diagnostics_;
  std::vector<Candidate> candidates_;
  std::map<std::string, std::size_t> index_;
  std::map<std::string, std::string> resources_by_source_;
  EmbedReport report_;
};

}  // namespace

EmbedReport embed_images(book::Book& book, const EmbedOptions& options, Diagnostics& diagnostics) {
  return Embedder(book, options, diagnostics).run();
}

}  // namespace pb::image
