#include "epub/zip_archive.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <limits>
#include <memory>

#include "common/atomic_output.h"
#include "common/error.h"
#include "common/interrupt.h"
#include "common/task_pool.h"

namespace pb::epub {

namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr std::uint16_t kStored = 0;
constexpr std::uint16_t kDeflated = 8;
constexpr std::uint16_t kMadeByUnix = (3 << 8) | 20;  // Unix, ZIP 2.0
constexpr std::uint16_t kUtf8Names = 1 << 11;
constexpr std::uint32_t kRegularFile0644 = 0100644U << 16U;
constexpr std::uint64_t kZip32Limit = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kBlock = 1 << 20;  // file data moves a megabyte at a time
constexpr int kDeflateLevel = 6;         // within a percent of level 9 on XHTML, at a fraction of the time

// Little-endian header fields.
class Header {
 public:
  void u16(std::uint16_t value) {
    bytes_.push_back(static_cast<char>(value & 0xFF));
    bytes_.push_back(static_cast<char>(value >> 8));
  }
  void u32(std::uint32_t value) {
    u16(static_cast<std::uint16_t>(value & 0xFFFF));
    u16(static_cast<std::uint16_t>(value >> 16));
  }
  void text(std::string_view value) { bytes_.append(value); }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::uint32_t crc_of(std::uint32_t crc, const char* data, std::size_t size) {
  while (size > 0) {  // zlib takes at most 4 GB per call
    const auto piece = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    crc = static_cast<std::uint32_t>(crc32(crc, reinterpret_cast<const Bytef*>(data), piece));
    data += piece;
    size -= piece;
  }
  return crc;
}

// Raw deflate (no zlib header), as ZIP stores it. Empty on failure.
std::string deflate_raw(const std::string& data) {
  z_stream stream{};
  if (deflateInit2(&stream, kDeflateLevel, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return result == Z_STREAM_END ? out : std::string();
}

std::string errno_text() {
  return std::strerror(errno);
}

// An output file written through a buffer, with the position known for the headers.
class Output {
 public:
  explicit Output(int fd) : fd_(fd) { buffer_.reserve(kBlock); }

  std::uint64_t position() const { return position_; }

  // Returns false (errno set) when the disk refuses.
  bool append(const char* data, std::size_t size) {
    position_ += size;
    if (buffer_.size() + size <= kBlock) {
      buffer_.append(data, size);
      return true;
    }
    return flush() && write_fully(data, size);
  }
  bool flush() {
    const bool ok = write_fully(buffer_.data(), buffer_.size());
    buffer_.clear();
    return ok;
  }
  // Rewrites bytes already written (a local header, once its sizes are known).
  bool patch(std::uint64_t at, const std::string& bytes) {
    if (!flush()) return false;
    return pwrite(fd_, bytes.data(), bytes.size(), static_cast<off_t>(at)) == static_cast<ssize_t>(bytes.size());
  }

 private:
  bool write_fully(const char* data, std::size_t size) {
    while (size > 0) {
      const ssize_t written = ::write(fd_, data, size);
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) return false;
      data += written;
      size -= static_cast<std::size_t>(written);
    }
    return true;
  }

  int fd_;
  std::string buffer_;
  std::uint64_t position_ = 0;
};

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

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

ZipArchive::ZipArchive(std::filesystem::path path, std::string origin, std::time_t modified)
    : path_(std::move(path)), origin_(std::move(origin)), time_(dos_time(modified)) {
  std::filesystem::path folder = path_.parent_path();
  if (folder.empty()) folder = ".";
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error))
    throw BuildError(origin_, "cannot create the archive: folder " + folder.string() + " does not exist");
}

ZipArchive::~ZipArchive() = default;

void ZipArchive::fail(const std::string& what) {
  throw BuildError(origin_, what);
}

ZipArchive::Entry& ZipArchive::new_entry(std::string_view name, Compression compression) {
  if (name.empty() || name.size() > 0xFFFF) fail("cannot add an entry named \"" + std::string(name) + "\"");
  if (!names_.emplace(name).second) fail("cannot add " + std::string(name) + " to the archive: the name is taken");
  if (entries_.size() >= 0xFFFF) fail("cannot add " + std::string(name) + ": an archive holds at most 65535 entries");
  Entry& entry = entries_.emplace_back();
  entry.name = name;
  entry.compression = compression;
  return entry;
}

void ZipArchive::add(std::string_view name, std::string data, Compression compression) {
  new_entry(name, compression).data = std::move(data);
}

void ZipArchive::add_file(std::string_view name, const std::filesystem::path& file, Compression compression) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) fail("cannot read " + file.string() + ": no such file");
  Entry& entry = new_entry(name, compression);
  entry.file = file;
  entry.from_file = true;
}

void ZipArchive::add_generated(std::string_view name, std::function<std::string()> make, Compression compression) {
  new_entry(name, compression).make = std::move(make);
}

// Makes, checksums and deflates one in-memory or generated entry; runs on a worker thread.
void ZipArchive::prepare_in_memory(Entry& entry) {
  if (entry.make) {
    entry.data = entry.make();
    entry.make = nullptr;
  }
  entry.size = entry.data.size();
  entry.crc = crc_of(static_cast<std::uint32_t>(crc32(0, nullptr, 0)), entry.data.data(), entry.data.size());
  entry.stored = true;
  if (entry.compression == Compression::Deflate && !entry.data.empty()) {
    std::string deflated = deflate_raw(entry.data);
    if (!deflated.empty() && deflated.size() < entry.data.size()) {
      entry.data = std::move(deflated);
      entry.stored = false;
    }
  }
  entry.compressed_size = entry.data.size();
}

namespace {

std::string local_header(std::string_view name, bool stored, const DosTime& time, std::uint32_t crc,
                         std::uint64_t compressed_size, std::uint64_t size) {
  Header header;
  header.u32(kLocalHeader);
  header.u16(stored ? 10 : 20);
  header.u16(is_ascii(name) ? 0 : kUtf8Names);
  header.u16(stored ? kStored : kDeflated);
  header.u16(time.time);
  header.u16(time.date);
  header.u32(crc);
  header.u32(static_cast<std::uint32_t>(compressed_size));
  header.u32(static_cast<std::uint32_t>(size));
  header.u16(static_cast<std::uint16_t>(name.size()));
  header.u16(0);  // no extra field: the OCF asks for none on mimetype, and nothing else needs one
  header.text(name);
  return header.bytes();
}

}  // namespace

void ZipArchive::write_all(int fd, std::vector<std::future<void>>& prepared) {
  Output out(fd);
  const auto disk_error = [&](const std::string& what) {
    fail("cannot write the archive (" + what + "): " + errno_text());
  };
  std::string block;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    Entry& entry = entries_[i];
    throw_if_interrupted();
    entry.offset = out.position();
    if (!entry.from_file) {
      prepared[i].get();  // waits for the worker; rethrows what make() threw
      const std::string header =
          local_header(entry.name, entry.stored, time_, entry.crc, entry.compressed_size, entry.size);
      if (!out.append(header.data(), header.size()) || !out.append(entry.data.data(), entry.data.size()))
        disk_error(entry.name);
      std::string().swap(entry.data);
      continue;
    }
    // A file: its header is written with the sizes unknown and patched once the data is out.
    FileDescriptor input(::open(entry.file.c_str(), O_RDONLY | O_CLOEXEC));
    if (input.get() < 0) fail("cannot read " + entry.file.string() + ": " + errno_text());
    entry.stored = entry.compression == Compression::Store;
    const std::string placeholder = local_header(entry.name, entry.stored, time_, 0, 0, 0);
    if (!out.append(placeholder.data(), placeholder.size())) disk_error(entry.name);
    const std::uint64_t data_start = out.position();
    std::uint32_t crc = static_cast<std::uint32_t>(crc32(0, nullptr, 0));
    std::uint64_t size = 0;
    z_stream stream{};
    std::unique_ptr<z_stream, int (*)(z_stream*)> deflater(nullptr, deflateEnd);
    if (!entry.stored) {
      if (deflateInit2(&stream, kDeflateLevel, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        fail("cannot compress " + entry.name);
      deflater.reset(&stream);
    }
    block.resize(kBlock);
    std::string packed(entry.stored ? 0 : kBlock, '\0');
    for (bool last = false; !last;) {
      throw_if_interrupted();
      const ssize_t got = ::read(input.get(), block.data(), block.size());
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) fail("cannot read " + entry.file.string() + ": " + errno_text());
      last = got == 0;
      const auto length = static_cast<std::size_t>(got);
      crc = crc_of(crc, block.data(), length);
      size += length;
      if (entry.stored) {
        if (!out.append(block.data(), length)) disk_error(entry.name);
        continue;
      }
      stream.next_in = reinterpret_cast<Bytef*>(block.data());
      stream.avail_in = static_cast<uInt>(length);
      do {
        stream.next_out = reinterpret_cast<Bytef*>(packed.data());
        stream.avail_out = static_cast<uInt>(packed.size());
        if (deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH) == Z_STREAM_ERROR) fail("cannot compress " + entry.name);
        if (!out.append(packed.data(), packed.size() - stream.avail_out)) disk_error(entry.name);
      } while (stream.avail_out == 0);
    }
    entry.size = size;
    entry.crc = crc;
    entry.compressed_size = out.position() - data_start;
    if (entry.size > kZip32Limit || entry.compressed_size > kZip32Limit)
      fail(entry.file.string() + " is 4 GB or larger, more than an EPUB's ZIP container holds here");
    if (!out.patch(entry.offset,
                   local_header(entry.name, entry.stored, time_, entry.crc, entry.compressed_size, entry.size)))
      disk_error(entry.name);
  }

  const std::uint64_t directory_start = out.position();
  for (const Entry& entry : entries_) {
    if (entry.offset > kZip32Limit) fail("the book is 4 GB or larger, more than an EPUB's ZIP container holds here");
    Header header;
    header.u32(kCentralHeader);
    header.u16(kMadeByUnix);
    header.u16(entry.stored ? 10 : 20);
    header.u16(is_ascii(entry.name) ? 0 : kUtf8Names);
    header.u16(entry.stored ? kStored : kDeflated);
    header.u16(time_.time);
    header.u16(time_.date);
    header.u32(entry.crc);
    header.u32(static_cast<std::uint32_t>(entry.compressed_size));
    header.u32(static_cast<std::uint32_t>(entry.size));
    header.u16(static_cast<std::uint16_t>(entry.name.size()));
    header.u16(0);  // extra field
    header.u16(0);  // comment
    header.u16(0);  // disk
    header.u16(0);  // internal attributes
    header.u32(kRegularFile0644);
    header.u32(static_cast<std::uint32_t>(entry.offset));
    header.text(entry.name);
    if (!out.append(header.bytes().data(), header.bytes().size())) disk_error("central directory");
  }
  const std::uint64_t directory_size = out.position() - directory_start;
  if (directory_start > kZip32Limit) fail("the book is 4 GB or larger, more than an EPUB's ZIP container holds here");
  Header end;
  end.u32(kEndOfCentralDirectory);
  end.u16(0);
  end.u16(0);
  end.u16(static_cast<std::uint16_t>(entries_.size()));
  end.u16(static_cast<std::uint16_t>(entries_.size()));
  end.u32(static_cast<std::uint32_t>(directory_size));
  end.u32(static_cast<std::uint32_t>(directory_start));
  end.u16(0);  // comment
  if (!out.append(end.bytes().data(), end.bytes().size()) || !out.flush()) disk_error("end of archive");
}

void ZipArchive::close() {
  // Every in-memory entry is queued, in archive order, before the first byte is written; a pool
  // dropped by an exception abandons the entries not started.
  std::vector<std::future<void>> prepared(entries_.size());
  TaskPool workers;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].from_file) continue;
    auto task = std::make_shared<std::packaged_task<void()>>([this, i] { prepare_in_memory(entries_[i]); });
    prepared[i] = task->get_future();
    workers.submit([task] { (*task)(); });
  }
  // Written straight into the output's temporary file, which is already there and empty: no
  // second temporary file, and no rename over an empty file, which ext4 answers by starting to
  // write the whole archive to disk before the rename returns.
  AtomicOutput output(path_);
  FileDescriptor fd(::open(output.temp_path().c_str(), O_WRONLY | O_CLOEXEC));
  if (fd.get() < 0) fail("cannot create the archive: " + errno_text());
  struct stat existing {};
  if (::stat(path_.c_str(), &existing) == 0) fchmod(fd.get(), existing.st_mode & 07777);
  write_all(fd.get(), prepared);
  if (::close(fd.release()) != 0) fail("cannot write the archive: " + errno_text());
  output.commit();
  entries_.clear();
  names_.clear();
}

}  // namespace pb::epub
