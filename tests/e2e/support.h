// Helpers for the end-to-end tests: run the real postbinder binary, write WordPress post
// fixtures, read the books it writes, and check them with epubcheck.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pb::e2e {

namespace fs = std::filesystem;

struct CommandResult {
  int exit_code = -1;  // -1 when killed (timeout, signal)
  std::string out;
  std::string err;
};

// Runs argv (argv[0] searched in PATH) with extra "NAME=value" environment entries.
// interrupt_after_ms > 0 sends SIGINT that long after the start.
CommandResult run(const std::vector<std::string>& argv, const std::vector<std::string>& environment = {},
                  int timeout_seconds = 120, int interrupt_after_ms = 0);

// Runs the postbinder binary under test.
CommandResult postbinder(const std::vector<std::string>& arguments, const std::vector<std::string>& environment = {},
                         int interrupt_after_ms = 0);

// True in the AddressSanitizer build, where everything runs several times slower.
bool sanitized_build();

// A fresh folder under the system temp dir, removed with its content at the end of the test.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, const std::string& content);

// A WordPress REST API post object as /wp/v2/posts returns it.
nlohmann::json wordpress_post(long id, const std::string& title_html, const std::string& content_html,
                              const std::string& link, const std::string& date_gmt = "2024-03-05T10:00:00");

// Every entry of a zip file, in archive order, with its content.
struct ZipEntry {
  std::string name;
  std::string content;
  bool stored = false;  // compression method 0
};
std::vector<ZipEntry> read_zip(const fs::path& path);
std::string zip_entry(const fs::path& path, const std::string& name);  // "" when absent

// epubcheck 4.2.6 on many books in one JVM. Result per book path.
struct EpubcheckResult {
  int errors = -1;
  int warnings = -1;
};
std::map<std::string, EpubcheckResult> epubcheck(const std::vector<fs::path>& books, std::string* messages = nullptr);

// The examples/ folder and the shared seed post.
fs::path source_dir();
fs::path examples_dir();
fs::path seed_post();  // empty when ../shared is absent

}  // namespace pb::e2e
