#include "image/test_images.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace pb::image::test {

namespace {

void start_vips() {
  static const bool started = VIPS_INIT("image_tests") == 0;
  if (!started) ADD_FAILURE() << "libvips did not start";
}

std::string take_error() {
  std::string text = vips_error_buffer();
  vips_error_clear();
  return text;
}

// band = x * x_scale + y * y_scale + offset, as 8-bit.
VipsPtr ramp(const VipsPtr& xy, double x_scale, double y_scale, double offset) {
  VipsImage* x = nullptr;
  VipsImage* y = nullptr;
  vips_extract_band(xy.get(), &x, 0, nullptr);
  vips_extract_band(xy.get(), &y, 1, nullptr);
  VipsPtr xs(x), ys(y);
  VipsImage* scaled_x = nullptr;
  VipsImage* scaled_y = nullptr;
  vips_linear1(xs.get(), &scaled_x, x_scale, offset, nullptr);
  vips_linear1(ys.get(), &scaled_y, y_scale, 0.0, nullptr);
  VipsPtr a(scaled_x), b(scaled_y);
  VipsImage* sum = nullptr;
  vips_add(a.get(), b.get(), &sum, nullptr);
  VipsPtr total(sum);
  VipsImage* out = nullptr;
  vips_cast_uchar(total.get(), &out, nullptr);
  return VipsPtr(out);
}

}  // namespace

VipsPtr gradient(int width, int height, bool alpha) {
  start_vips();
  VipsImage* xy = nullptr;
  if (vips_xyz(&xy, width, height, nullptr) != 0) {
    ADD_FAILURE() << take_error();
    return nullptr;
  }
  VipsPtr coordinates(xy);
  const double w = std::max(width - 1, 1);
  const double h = std::max(height - 1, 1);
  VipsPtr red = ramp(coordinates, 230.0 / w, 0.0, 20.0);
  VipsPtr green = ramp(coordinates, 0.0, 200.0 / h, 30.0);
  VipsPtr blue = ramp(coordinates, 100.0 / w, 100.0 / h, 40.0);
  VipsPtr opacity = ramp(coordinates, -255.0 / w, 0.0, 255.0);
  VipsImage* bands[4] = {red.get(), green.get(), blue.get(), opacity.get()};
  VipsImage* joined = nullptr;
  vips_bandjoin(bands, &joined, alpha ? 4 : 3, nullptr);
  VipsPtr all(joined);
  VipsImage* tagged = nullptr;
  vips_copy(all.get(), &tagged, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr);
  return VipsPtr(tagged);
}

bool save(VipsImage* image, const std::string& file_with_options) {
  if (!image || vips_image_write_to_file(image, file_with_options.c_str(), nullptr) != 0) {
    ADD_FAILURE() << "cannot write " << file_with_options << ": " << take_error();
    return false;
  }
  return true;
}

fs::path jpeg(const fs::path& dir, const std::string& name, int width, int height, const std::string& options) {
  const fs::path file = dir / name;
  save(gradient(width, height).get(), file.string() + (options.empty() ? "[Q=90]" : options));
  return file;
}

fs::path png(const fs::path& dir, const std::string& name, int width, int height, bool alpha) {
  const fs::path file = dir / name;
  save(gradient(width, height, alpha).get(), file.string());
  return file;
}

fs::path png16(const fs::path& dir, const std::string& name, int width, int height) {
  const fs::path file = dir / name;
  VipsPtr base = gradient(width, height);
  VipsImage* wide = nullptr;
  vips_linear1(base.get(), &wide, 257.0, 0.0, nullptr);
  VipsPtr scaled(wide);
  VipsImage* shorts = nullptr;
  vips_cast_ushort(scaled.get(), &shorts, nullptr);
  VipsPtr sixteen(shorts);
  VipsImage* tagged = nullptr;
  vips_copy(sixteen.get(), &tagged, "interpretation", VIPS_INTERPRETATION_RGB16, nullptr);
  VipsPtr out(tagged);
  save(out.get(), file.string() + "[bitdepth=16]");
  return file;
}

fs::path cmyk_jpeg(const fs::path& dir, const std::string& name, int width, int height) {
  const fs::path file = dir / name;
  VipsPtr four = gradient(width, height, true);
  VipsImage* tagged = nullptr;
  vips_copy(four.get(), &tagged, "interpretation", VIPS_INTERPRETATION_CMYK, nullptr);
  VipsPtr cmyk(tagged);
  save(cmyk.get(), file.string() + "[Q=90]");
  return file;
}

fs::path webp(const fs::path& dir, const std::string& name, int width, int height, bool alpha) {
  const fs::path file = dir / name;
  save(gradient(width, height, alpha).get(), file.string() + "[Q=80]");
  return file;
}

fs::path turned_webp(const fs::path& dir, const std::string& name, int width, int height, int orientation) {
  const fs::path file = dir / name;
  VipsPtr image = gradient(width, height);
  VipsImage* copy = nullptr;
  vips_copy(image.get(), &copy, nullptr);
  VipsPtr tagged(copy);
  vips_image_set_int(tagged.get(), "orientation", orientation);
  save(tagged.get(), file.string() + "[Q=80]");
  return file;
}

fs::path animated_webp(const fs::path& dir, const std::string& name, int width, int height, int frames) {
  return gif(dir, name, width, height, frames);  // the same frames; the file name picks WebP
}

fs::path gif(const fs::path& dir, const std::string& name, int width, int height, int frames) {
  const fs::path file = dir / name;
  VipsPtr strip = gradient(width, height * frames);
  VipsImage* copy = nullptr;
  vips_copy(strip.get(), &copy, nullptr);
  VipsPtr pages(copy);
  if (frames > 1) {
    vips_image_set_int(pages.get(), "page-height", height);
    int delays[8] = {10, 10, 10, 10, 10, 10, 10, 10};
    vips_image_set_array_int(pages.get(), "delay", delays, std::min(frames, 8));
  }
  save(pages.get(), file.string());
  return file;
}

fs::path tiff(const fs::path& dir, const std::string& name, int width, int height) {
  const fs::path file = dir / name;
  save(gradient(width, height).get(), file.string());
  return file;
}

std::optional<fs::path> avif(const fs::path& dir, const std::string& name, int width, int height) {
  const fs::path file = dir / name;
  VipsPtr image = gradient(width, height);
  if (vips_image_write_to_file(image.get(), (file.string() + "[compression=av1,effort=0]").c_str(), nullptr) != 0) {
    vips_error_clear();
    return std::nullopt;
  }
  return file;
}

std::optional<Seen> inspect(const fs::path& file) {
  start_vips();
  VipsImage* image = vips_image_new_from_file(file.c_str(), nullptr);
  if (!image) {
    vips_error_clear();
    return std::nullopt;
  }
  VipsPtr held(image);
  Seen seen;
  seen.width = vips_image_get_width(image);
  seen.height = vips_image_get_height(image);
  seen.bands = vips_image_get_bands(image);
  seen.interpretation = vips_image_get_interpretation(image);
  seen.format = vips_image_get_format(image);
  const char* loader = nullptr;
  if (vips_image_get_string(image, "vips-loader", &loader) == 0 && loader) seen.loader = loader;
  seen.pages = vips_image_get_n_pages(image);
  vips_error_clear();
  return seen;
}

std::vector<double> pixel(const fs::path& file, int x, int y) {
  start_vips();
  VipsImage* image = vips_image_new_from_file(file.c_str(), nullptr);
  if (!image) {
    vips_error_clear();
    return {};
  }
  VipsPtr held(image);
  double* values = nullptr;
  int count = 0;
  if (vips_getpoint(image, &values, &count, x, y, nullptr) != 0) {
    vips_error_clear();
    return {};
  }
  std::vector<double> result(values, values + count);
  g_free(values);
  return result;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return std::move(buffer).str();
}

void write_bytes(const fs::path& file, const std::string& bytes) {
  std::ofstream stream(file, std::ios::binary | std::ios::trunc);
  stream << bytes;
}

}  // namespace pb::image::test
