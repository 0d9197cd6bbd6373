#include "image/raster.h"

#include <png.h>
#include <turbojpeg.h>

#include <cstdio>
#include <memory>

#include "image/scratch_buffer.h"

namespace pb::image {

namespace {

struct TjDestroy {
  void operator()(void* handle) const {
    if (handle) tjDestroy(handle);
  }
};
using TjHandle = std::unique_ptr<void, TjDestroy>;

struct TjFree {
  void operator()(unsigned char* buffer) const { tjFree(buffer); }
};
using TjBuffer = std::unique_ptr<unsigned char, TjFree>;

std::string write_bytes(const std::filesystem::path& file, const unsigned char* data, unsigned long size) {
  std::FILE* out = std::fopen(file.c_str(), "wb");
  if (!out) return "cannot create " + file.string();
  const bool written = std::fwrite(data, 1, size, out) == size;
  const bool closed = std::fclose(out) == 0;
  return written && closed ? "" : "cannot write " + file.string();
}

bool fits_jpeg(int width, int height) {
  return width > 0 && height > 0 && width <= 65500 && height <= 65500;  // JPEG's 16-bit dimensions
}

}  // namespace

std::string write_jpeg(const std::filesystem::path& file, const Raster& raster, int quality) {
  if (!fits_jpeg(raster.width, raster.height) || raster.channels != 3 ||
      raster.pixels.size() != static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height) * 3)
    return "cannot encode a JPEG of " + std::to_string(raster.width) + "x" + std::to_string(raster.height);
  TjHandle encoder(tjInitCompress());
  if (!encoder) return std::string("cannot start the JPEG encoder: ") + tjGetErrorStr2(nullptr);
  unsigned char* data = nullptr;
  unsigned long size = 0;
  const int failed = tjCompress2(encoder.get(), raster.pixels.data(), raster.width, raster.width * 3, raster.height,
                                 TJPF_RGB, &data, &size, TJSAMP_420, quality, TJFLAG_ACCURATEDCT);
  TjBuffer owned(data);
  if (failed) return std::string("cannot encode JPEG: ") + tjGetErrorStr2(encoder.get());
  return write_bytes(file, data, size);
}

std::string write_jpeg(const std::filesystem::path& file, const YuvPlanes& planes, int quality) {
  if (!fits_jpeg(planes.width, planes.height) || !planes.y || !planes.u || !planes.v)
    return "cannot encode a JPEG of " + std::to_string(planes.width) + "x" + std::to_string(planes.height);
  TjHandle encoder(tjInitCompress());
  if (!encoder) return std::string("cannot start the JPEG encoder: ") + tjGetErrorStr2(nullptr);
  const unsigned char* sources[3] = {planes.y, planes.u, planes.v};
  int strides[3] = {planes.y_stride, planes.u_stride, planes.v_stride};
  // Into this thread's scratch buffer, sized for the worst case so the encoder never grows it.
  unsigned long size = tjBufSize(planes.width, planes.height, TJSAMP_420);
  if (size == static_cast<unsigned long>(-1)) return "cannot encode a JPEG of this size";
  unsigned char* data = scratch_buffer(Scratch::Encoded, size);
  const int failed = tjCompressFromYUVPlanes(encoder.get(), sources, planes.width, strides, planes.height, TJSAMP_420,
                                             &data, &size, quality, TJFLAG_ACCURATEDCT | TJFLAG_NOREALLOC);
  if (failed) return std::string("cannot encode JPEG: ") + tjGetErrorStr2(encoder.get());
  return write_bytes(file, data, size);
}

std::string write_png(const std::filesystem::path& file, const Raster& raster) {
  if (raster.width <= 0 || raster.height <= 0 || (raster.channels != 3 && raster.channels != 4) ||
      raster.pixels.size() !=
          static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height) * raster.channels)
    return "cannot encode a PNG of " + std::to_string(raster.width) + "x" + std::to_string(raster.height);
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(raster.width);
  image.height = static_cast<png_uint_32>(raster.height);
  image.format = raster.channels == 4 ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
  const int ok = png_image_write_to_file(&image, file.c_str(), 0, raster.pixels.data(), 0, nullptr);
  const std::string error = ok ? "" : std::string("cannot write PNG: ") + image.message;
  png_image_free(&image);
  return error;
}

}  // namespace pb::image
