// The ZIP container of an EPUB, written in a reproducible form: entries in the order they are
// added, one DOS timestamp and Unix mode 0644 for all of them, no extra fields, sizes and CRCs
// in the local headers (no data descriptors, which some readers mishandle). Nothing reaches the
// destination until close(), which writes an AtomicOutput's temporary file and renames it.
//
// Written with zlib rather than libzip: an EPUB needs nothing of ZIP beyond stored and deflated
// entries, and writing them directly lets the XHTML be deflated on every core and the images be
// copied in large blocks. libzip, which reads and writes 8 KB at a time and deflates on one core,
// took as long as the rest of a rebuild. Archives of 4 GB or more (ZIP64) are refused.
#pragma once

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <future>
#include <set>
#include <string>
#include <string_view>
#include <vector>

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
  ZipArchive(std::filesystem::path path, std::string origin, std::time_t modified);
  ~ZipArchive();  // an archive that was not closed leaves the file on disk as it was
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Adds an entry holding data, kept in memory until close(). A deflated entry that would not
  // get smaller is stored.
  void add(std::string_view name, std::string data, Compression compression);
  // Adds an entry whose data make() returns. make() runs during close(), on a worker thread,
  // while the entries before it are written; it must be safe to call from another thread.
  void add_generated(std::string_view name, std::function<std::string()> make, Compression compression);
  // Adds an entry read from file during close(), a block at a time, so large images are never
  // all in memory. Throws BuildError when the file is not there.
  void add_file(std::string_view name, const std::filesystem::path& file, Compression compression);

  // Writes the archive. In-memory and generated entries are made, checksummed and deflated on
  // worker threads while this thread copies the files, so an archive whose files come first
  // spends the time of the larger of the two, not their sum. Stops at Ctrl-C (throwing
  // Interrupted), and throws BuildError (or what a make() threw) when it fails; either way the
  // file on disk stays as it was and no temporary file is left.
  void close();

 private:
  struct Entry {
    std::string name;
    Compression compression = Compression::Store;
    std::string data;                   // in-memory entries; deflated ones are compressed during close()
    std::function<std::string()> make;  // generated entries: makes data during close()
    std::filesystem::path file;         // file entries
    bool from_file = false;
    std::uint32_t crc = 0;   // in-memory entries, once prepared
    std::uint64_t size = 0;  // uncompressed
    std::uint64_t compressed_size = 0;
    std::uint64_t offset = 0;  // of its local header
    bool stored = true;        // what was written: stored or deflated
  };
  // A new entry at the end, once its name is checked (non-empty, unique, room left).
  Entry& new_entry(std::string_view name, Compression compression);
  [[noreturn]] void fail(const std::string& what);
  static void prepare_in_memory(Entry& entry);
  void write_all(int fd, std::vector<std::future<void>>& prepared);

  std::filesystem::path path_;
  std::string origin_;
  DosTime time_;
  std::vector<Entry> entries_;
  std::set<std::string, std::less<>> names_;
};

}  // namespace pb::epub
