// Test images made at run time with libvips (gradients in any format libvips saves), and a way
// to look at what a conversion wrote.
#pragma once

#include <vips/vips.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pb::image::test {

namespace fs = std::filesystem;

struct Unref {
  void operator()(VipsImage* image) const {
    if (image) g_object_unref(image);
  }
};
using VipsPtr = std::unique_ptr<VipsImage, Unref>;

// A smooth sRGB gradient of 3 bands, or 4 with an alpha band that fades from opaque to clear.
VipsPtr gradient(int width, int height, bool alpha = false);

// Saves through libvips; the file name picks the format, "[...]" after it adds save options
// ("x.png[bitdepth=16]"). Fails the test (ADD_FAILURE) and returns false when libvips cannot.
bool save(VipsImage* image, const std::string& file_with_options);

// Shorthands: each writes dir/name and returns its path.
fs::path jpeg(const fs::path& dir, const std::string& name, int width, int height, const std::string& options = "");
fs::path png(const fs::path& dir, const std::string& name, int width, int height, bool alpha);
fs::path png16(const fs::path& dir, const std::string& name, int width, int height);
fs::path cmyk_jpeg(const fs::path& dir, const std::string& name, int width, int height);
fs::path webp(const fs::path& dir, const std::string& name, int width, int height, bool alpha);
fs::path gif(const fs::path& dir, const std::string& name, int width, int height, int frames);
// A WebP whose EXIF orientation tag says how to turn it (6: a quarter turn clockwise).
fs::path turned_webp(const fs::path& dir, const std::string& name, int width, int height, int orientation);
fs::path animated_webp(const fs::path& dir, const std::string& name, int width, int height, int frames);
fs::path tiff(const fs::path& dir, const std::string& name, int width, int height);
// nullopt when this libvips cannot write AVIF.
std::optional<fs::path> avif(const fs::path& dir, const std::string& name, int width, int height);

// What libvips reads back from a file (the header only).
struct Seen {
  int width = 0;
  int height = 0;
  int bands = 0;
  VipsInterpretation interpretation = VIPS_INTERPRETATION_ERROR;
  VipsBandFormat format = VIPS_FORMAT_NOTSET;
  std::string loader;  // "jpegload", "pngload", ...
  int pages = 1;
};
std::optional<Seen> inspect(const fs::path& file);

// The band values of one pixel (decoded; the first page); empty when the file cannot be read.
std::vector<double> pixel(const fs::path& file, int x, int y);

std::string read_bytes(const fs::path& file);
void write_bytes(const fs::path& file, const std::string& bytes);

}  // namespace pb::image::test
