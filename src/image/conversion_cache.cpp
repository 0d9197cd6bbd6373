#include "image/conversion_cache.h"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "common/digest.h"

namespace pb::image {

namespace fs = std::filesystem;

namespace {

// Bump when the converter's output changes, so old entries are not reused.
constexpr const char* kConverterVersion = "converter-1";

// Names for files being made, unique in this process: several caches (the embedder's and the
// one preparing downloads as they arrive) and their threads may share a scratch folder.
std::string unique_suffix() {
  static std::atomic<unsigned> next{0};
  return std::to_string(getpid()) + "-" + std::to_string(next++);
}

struct Entry {
  Format format = Format::Unknown;
  int width = 0;
  int height = 0;
};

std::optional<Entry> read_entry(const fs::path& meta) {
  std::ifstream stream(meta);
  std::string format;
  Entry entry;
  if (!(stream >> format >> entry.width >> entry.height)) return std::nullopt;
  if (format == "jpg")
    entry.format = Format::Jpeg;
  else if (format == "png")
    entry.format = Format::Png;
  else
    return std::nullopt;
  return entry;
}

}  // namespace

ConversionCache::ConversionCache(fs::path folder, fs::path scratch)
    : folder_(std::move(folder)), scratch_(std::move(scratch)) {
  if (folder_.empty()) return;
  std::error_code error;
  fs::create_directories(folder_, error);
  if (error) folder_.clear();  // an unwritable cache only costs speed
}

std::string ConversionCache::key_for_file(const fs::path& source, const ConvertLimits& limits) {
  std::error_code error;
  const auto size = fs::file_size(source, error);
  const auto modified = fs::last_write_time(source, error).time_since_epoch().count();
  std::ostringstream identity;
  identity << kConverterVersion << '\n'
           << fs::absolute(source).string() << '\n'
           << size << '\n'
           << modified << '\n'
           << limits.max_width << 'x' << limits.max_height << '/' << limits.max_pixels;
  return digest::sha256_hex(identity.str());
}

Conversion ConversionCache::get_or_make(const std::string& key, const Producer& produce) {
  if (folder_.empty()) return produce(scratch_ / ("converted-" + unique_suffix()));
  const fs::path meta = folder_ / (key + ".meta");
  if (const std::optional<Entry> entry = read_entry(meta)) {
    const fs::path file = folder_ / (key + (entry->format == Format::Jpeg ? ".jpg" : ".png"));
    std::error_code error;
    if (fs::is_regular_file(file, error)) return ConvertedImage{file, entry->format, entry->width, entry->height};
  }
  // Made under a temporary name in the cache folder, then renamed: a killed run leaves no entry
  // whose metadata describes a file that is not whole.
  const fs::path stem = folder_ / (key + ".tmp-" + unique_suffix());
  auto result = produce(stem);
  auto* made = std::get_if<ConvertedImage>(&result);
  if (!made) return result;
  const fs::path final_file = folder_ / (key + (made->format == Format::Jpeg ? ".jpg" : ".png"));
  std::error_code error;
  fs::rename(made->file, final_file, error);
  if (error) return result;  // still usable from its temporary name for this build
  made->file = final_file;
  const fs::path temp_meta = folder_ / (key + ".meta.tmp-" + unique_suffix());
  {
    std::ofstream stream(temp_meta);
    stream << (made->format == Format::Jpeg ? "jpg" : "png") << ' ' << made->width << ' ' << made->height << '\n';
  }
  fs::rename(temp_meta, meta, error);
  return result;
}

}  // namespace pb::image
