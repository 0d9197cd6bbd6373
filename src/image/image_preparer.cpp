#include "image/image_preparer.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <semaphore>
#include <string_view>
#include <thread>
#include <variant>

#include "image/image_file.h"
#include "image/image_header.h"

namespace pb::image {

namespace {

namespace fs = std::filesystem;

// Most headers sit in the first 64 KB; JPEG EXIF and ICC blocks can push the frame header
// further, so up to 1 MB is read when the first read does not reach it.
constexpr std::size_t kFirstRead = 64 * 1024;
constexpr std::size_t kHeaderBytes = 1 << 20;

// A JPEG ends with its EOI marker somewhere after its frame header (phones append whole videos
// after it, and an EXIF thumbnail before the frame has an EOI of its own); a PNG with IEND.
bool looks_complete(const ImageFile& file, const ImageHeader& header) {
  if (header.format == Format::Png) return file.tail(1024).find("IEND") != std::string_view::npos;
  if (header.format != Format::Jpeg) return true;
  constexpr std::uint64_t kChunk = 64 * 1024;
  const std::uint64_t frame = header.frame_offset;
  for (std::uint64_t end = file.size(); end > frame; end -= kChunk - 1) {
    const std::uint64_t start = end - frame > kChunk ? end - kChunk : frame;
    if (file.read(start, static_cast<std::size_t>(end - start)).find("\xFF\xD9") != std::string_view::npos) return true;
    if (start == frame) break;
  }
  return false;
}

std::string describe_format(Format format) {
  switch (format) {
    case Format::Html:
      return "not an image: the server sent an HTML page";
    case Format::Empty:
      return "not an image: the file is empty";
    case Format::Unknown:
      return "not an image (unrecognised content)";
    default:
      return "";
  }
}

// Conversions hold megabytes each (the file, its decoded planes, the encoder's output): at most
// one per core runs at once, however many threads prepare images, so peak memory stays flat.
std::counting_semaphore<>& conversion_slots() {
  static std::counting_semaphore<> slots(std::max<std::ptrdiff_t>(1, std::thread::hardware_concurrency()));
  return slots;
}

PreparedImage failed(std::string reason) {
  PreparedImage image;
  image.failure = std::move(reason);
  return image;
}

}  // namespace

ImagePreparer::ImagePreparer(const ConvertLimits& limits, fs::path conversion_cache, fs::path scratch)
    : limits_(limits), conversions_(std::move(conversion_cache), std::move(scratch)) {}

PreparedImage ImagePreparer::prepare(const fs::path& file) {
  const ImageFile bytes(file, Scratch::Head);
  const std::string_view head = bytes.head(kFirstRead);
  const Format format = sniff(head);
  if (std::string not_image = describe_format(format); !not_image.empty()) return failed(std::move(not_image));
  std::optional<ImageHeader> header = read_header(head);
  if (!header && head.size() == kFirstRead) header = read_header(bytes.head(kHeaderBytes));
  // Copied byte for byte: a JPEG or PNG that fits, in RGB, the right way up. Anything else,
  // including a JPEG whose header lies beyond the bytes read, is converted.
  const bool copy_as_is = header && (format == Format::Jpeg || format == Format::Png) &&
                          header->width <= limits_.max_width && header->height <= limits_.max_height && !header->cmyk &&
                          header->orientation == 1;
  if (copy_as_is) {
    if (!looks_complete(bytes, *header))
      return failed(std::string("the ") + format_name(format) + " file is truncated");
    PreparedImage image;
    image.file = file;
    image.format = format;
    image.width = header->width;
    image.height = header->height;
    return image;
  }
  auto result = conversions_.get_or_make(ConversionCache::key_for_file(file, limits_), [&](const fs::path& stem) {
    conversion_slots().acquire();
    struct Release {
      ~Release() { conversion_slots().release(); }
    } release;
    return convert_image(file, stem, limits_);
  });
  if (auto* error = std::get_if<std::string>(&result))
    return failed(std::string(format_name(format)) + " image " + *error);
  const ConvertedImage& converted = std::get<ConvertedImage>(result);
  PreparedImage image;
  image.file = converted.file;
  image.format = converted.format;
  image.width = converted.width;
  image.height = converted.height;
  image.converted = true;
  return image;
}

}  // namespace pb::image
