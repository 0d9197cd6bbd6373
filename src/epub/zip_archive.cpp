#include "epub/zip_archive.h"

#include <zip.h>

#include <algorithm>

#include "common/atomic_output.h"
#include "common/error.h"
#include "common/interrupt.h"

namespace pb::epub {

namespace {

std::string describe(zip_error_t* error) {
  return zip_error_strerror(error);
}

std::string describe_code(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

constexpr std::uint32_t kRegularFile0644 = 0100644U << 16U;

}  // namespace

DosTime dos_time(std::time_t utc) {
  constexpr std::time_t kFirst = 315532800;  // 1980-01-01T00:00:00Z
  constexpr std::time_t kLast = 4354819198;  // 2107-12-31T23:59:58Z
  const std::time_t clamped = std::clamp(utc, kFirst, kLast);
  std::tm parts{};
  gmtime_r(&clamped, &parts);
  DosTime result;
  result.time = static_cast<std::uint16_t>((parts.tm_hour << 11) | (parts.tm_min << 5) | (parts.tm_sec / 2));
  result.date =
      static_cast<std::uint16_t>(((parts.tm_year + 1900 - 1980) << 9) | ((parts.tm_mon + 1) << 5) | parts.tm_mday);
  return result;
}

ZipArchive::ZipArchive(const std::filesystem::path& path, std::string origin, std::time_t modified)
    : origin_(std::move(origin)), time_(dos_time(modified)) {
  int error = 0;
  archive_ = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive_) throw BuildError(origin_, "cannot create the archive: " + describe_code(error));
}

ZipArchive::~ZipArchive() {
  if (archive_) zip_discard(archive_);
}

void ZipArchive::fail(const std::string& what) {
  const std::string reason = describe(zip_get_error(archive_));
  throw BuildError(origin_, what + ": " + reason);
}

void ZipArchive::set_entry_attributes(std::int64_t index, std::string_view name, Compression compression) {
  const auto entry = static_cast<zip_uint64_t>(index);
  const bool store = compression == Compression::Store;
  // Level 6: within a percent of level 9 on XHTML, at a fraction of the time.
  if (zip_set_file_compression(archive_, entry, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 6) != 0 ||
      zip_file_set_dostime(archive_, entry, time_.time, time_.date, 0) != 0 ||
      zip_file_set_external_attributes(archive_, entry, 0, ZIP_OPSYS_UNIX, kRegularFile0644) != 0)
    fail("cannot add " + std::string(name) + " to the archive");
}

void ZipArchive::add(std::string_view name, std::string data, Compression compression) {
  buffers_.push_back(std::move(data));
  const std::string& buffer = buffers_.back();
  zip_source_t* source = zip_source_buffer(archive_, buffer.data(), buffer.size(), 0);
  if (!source) fail("cannot add " + std::string(name) + " to the archive");
  const std::string entry_name(name);
  const zip_int64_t index = zip_file_add(archive_, entry_name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    fail("cannot add " + entry_name + " to the archive");
  }
  set_entry_attributes(index, name, compression);
}

void ZipArchive::add_file(std::string_view name, const std::filesystem::path& file, Compression compression) {
  zip_source_t* source = zip_source_file(archive_, file.c_str(), 0, -1);
  if (!source) fail("cannot read " + file.string());
  const std::string entry_name(name);
  const zip_int64_t index = zip_file_add(archive_, entry_name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    fail("cannot add " + entry_name + " to the archive");
  }
  set_entry_attributes(index, name, compression);
  files_.push_back(file);
}

void ZipArchive::close() {
  // Ctrl-C while libzip writes: it stops, removes its temporary file, and we unwind.
  zip_register_cancel_callback_with_state(
      archive_, [](zip_t*, void*) { return interrupted() ? 1 : 0; }, nullptr, nullptr);
  const int result = zip_close(archive_);
  if (result != 0) {
    if (interrupted()) {
      zip_discard(archive_);
      archive_ = nullptr;
      throw Interrupted();
    }
    std::string reason = describe(zip_get_error(archive_));
    zip_discard(archive_);
    archive_ = nullptr;
    // libzip does not say which entry failed; a file that went away or cannot be read is the likely one.
    for (const std::filesystem::path& file : files_) {
      std::error_code error;
      if (!std::filesystem::is_regular_file(file, error)) {
        reason += " (" + file.string() + " is missing or not a file)";
        break;
      }
    }
    throw BuildError(origin_, "cannot write the archive: " + reason);
  }
  archive_ = nullptr;
  buffers_.clear();
}

}  // namespace pb::epub
