// A ZIP file written with libzip in a reproducible form: entries in the order they are added,
// one DOS timestamp and Unix mode 0644 for all of them. Nothing reaches the disk until close().
#pragma once

#include <cstdint>
#include <ctime>
#include <deque>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct zip;

namespace pb::epub {

// A DOS date and time (the ZIP header fields) for a UTC time, clamped to 1980-01-01..2107-12-31.
struct DosTime {
  std::uint16_t time = 0;  // hour << 11 | minute << 5 | second / 2
  std::uint16_t date = 0;  // (year - 1980) << 9 | month << 5 | day
};
DosTime dos_time(std::time_t utc);

class ZipArchive {
 public:
  enum class Compression { Store, Deflate };

  // Prepares path for writing (created, or replaced on close). origin names the file in errors;
  // every entry gets the timestamp modified.
  ZipArchive(const std::filesystem::path& path, std::string origin, std::time_t modified);
  ~ZipArchive();  // discards an archive that was not closed: the file on disk stays as it was
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Adds an entry holding data, kept in memory until close().
  void add(std::string_view name, std::string data, Compression compression);
  // Adds an entry read from file during close(), so large images are never all in memory.
  void add_file(std::string_view name, const std::filesystem::path& file, Compression compression);

  // Writes the archive, with SIGINT and SIGTERM held while libzip writes and renames its temporary
  // file. Throws BuildError (and discards the archive) when it fails.
  void close();

 private:
  [[noreturn]] void fail(const std::string& what);
  void set_entry_attributes(std::int64_t index, std::string_view name, Compression compression);

  struct zip* archive_ = nullptr;
  std::string origin_;
  DosTime time_;
  std::deque<std::string> buffers_;           // data of the added entries; a deque never moves them
  std::vector<std::filesystem::path> files_;  // files libzip reads during close()
};

}  // namespace pb::epub
