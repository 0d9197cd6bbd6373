#include "e2e/support.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <array>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace pb::e2e {

CommandResult run(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
                  int timeout_seconds, int interrupt_after_ms) {
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);

  std::vector<std::string> env_strings;
  for (char** entry = environ; *entry; ++entry) {
    const std::string text(*entry);
    bool overridden = false;
    for (const std::string& extra : environment)
      if (text.substr(0, text.find('=') + 1) == extra.substr(0, extra.find('=') + 1)) overridden = true;
    if (!overridden) env_strings.push_back(text);
  }
  for (const std::string& extra : environment)
    if (extra.back() != '=') env_strings.push_back(extra);  // "NAME=" removes NAME
  std::vector<char*> env_pointers;
  for (std::string& text : env_strings) env_pointers.push_back(text.data());
  env_pointers.push_back(nullptr);
  std::vector<std::string> args = argv;
  std::vector<char*> arg_pointers;
  for (std::string& arg : args) arg_pointers.push_back(arg.data());
  arg_pointers.push_back(nullptr);

  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0].c_str(), &actions, nullptr, arg_pointers.data(), env_pointers.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  CommandResult result;
  if (spawned != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    result.err = "cannot start " + args[0] + ": " + std::strerror(spawned);
    return result;
  }
  const auto started = std::chrono::steady_clock::now();
  const auto deadline = started + std::chrono::seconds(timeout_seconds);
  bool interrupted = interrupt_after_ms <= 0;
  std::array<pollfd, 2> fds = {pollfd{out_pipe[0], POLLIN, 0}, pollfd{err_pipe[0], POLLIN, 0}};
  std::array<std::string*, 2> sinks = {&result.out, &result.err};
  int open_pipes = 2;
  bool timed_out = false;
  while (open_pipes > 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      kill(pid, SIGKILL);
      break;
    }
    int wait = static_cast<int>(left.count());
    if (!interrupted) {
      const auto since =
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
      if (since.count() >= interrupt_after_ms) {
        kill(pid, SIGINT);
        interrupted = true;
      } else {
        wait = std::min(wait, static_cast<int>(interrupt_after_ms - since.count()));
      }
    }
    if (poll(fds.data(), fds.size(), wait) < 0) break;
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buffer[65536];
      const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
      if (got > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(got));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_pipes;
      }
    }
  }
  for (pollfd& fd : fds)
    if (fd.fd >= 0) close(fd.fd);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = !timed_out && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (!timed_out && WIFSIGNALED(status)) result.err += "\n[killed by signal " + std::to_string(WTERMSIG(status)) + "]";
  if (timed_out) result.err += "\n[killed after " + std::to_string(timeout_seconds) + " s]";
  return result;
}

CommandResult postbinder(const std::vector<std::string>& arguments, const std::vector<std::string>& environment,
                         int interrupt_after_ms) {
  std::vector<std::string> argv = {POSTBINDER_BINARY};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  return run(argv, environment, 300, interrupt_after_ms);
}

bool sanitized_build() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#else
  return false;
#endif
}

ScratchDir::ScratchDir() {
  std::string pattern = (fs::temp_directory_path() / "postbinder-e2e-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
  fs::remove_all(path_, ignored);
}

std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return std::move(buffer).str();
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream stream(path, std::ios::binary);
  stream << content;
}

nlohmann::json wordpress_post(long id, const std::string& title_html, const std::string& content_html,
                              const std::string& link, const std::string& date_gmt) {
  std::string slug = link;
  while (!slug.empty() && slug.back() == '/') slug.pop_back();
  slug = slug.substr(slug.rfind('/') + 1);
  return nlohmann::json{{"id", id},
                        {"date", date_gmt},
                        {"date_gmt", date_gmt},
                        {"guid", {{"rendered", "https://blog.example.org/?p=" + std::to_string(id)}}},
                        {"modified", date_gmt},
                        {"modified_gmt", date_gmt},
                        {"slug", slug},
                        {"status", "publish"},
                        {"type", "post"},
                        {"link", link},
                        {"title", {{"rendered", title_html}}},
                        {"content", {{"rendered", content_html}, {"protected", false}}},
                        {"excerpt", {{"rendered", ""}, {"protected", false}}},
                        {"author", 3},
                        {"featured_media", 0}};
}

std::vector<ZipEntry> read_zip(const fs::path& path) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!archive) throw std::runtime_error("cannot open zip " + path.string());
  std::vector<ZipEntry> entries;
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    ZipEntry entry;
    entry.name = stat.name;
    entry.stored = stat.comp_method == ZIP_CM_STORE;
    entry.content.resize(stat.size);
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    if (file) {
      zip_fread(file, entry.content.data(), stat.size);
      zip_fclose(file);
    }
    entries.push_back(std::move(entry));
  }
  zip_discard(archive);
  return entries;
}

std::string zip_entry(const fs::path& path, const std::string& name) {
  for (ZipEntry& entry : read_zip(path))
    if (entry.name == name) return std::move(entry.content);
  return "";
}

std::map<std::string, EpubcheckResult> epubcheck(const std::vector<fs::path>& books, std::string* messages) {
  std::vector<std::string> argv = {"java", "-cp", "/usr/share/java/epubcheck.jar", EPUBCHECK_BATCH};
  for (const fs::path& book : books) argv.push_back(book.string());
  const CommandResult result = run(argv, {}, 900);
  if (messages) *messages = result.out + result.err;
  std::map<std::string, EpubcheckResult> results;
  std::istringstream lines(result.out);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t first = line.find('\t');
    const std::size_t second = line.find('\t', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    results[line.substr(0, first)] = {std::stoi(line.substr(first + 1, second - first - 1)),
                                      std::stoi(line.substr(second + 1))};
  }
  return results;
}

fs::path source_dir() {
  return POSTBINDER_SOURCE_DIR;
}
fs::path examples_dir() {
  return source_dir() / "examples";
}
fs::path seed_post() {
  const fs::path seed = fs::path(POSTBINDER_SHARED_DIR) / "corpus/seed/what-am-i-missing-part-2.json";
  return fs::exists(seed) ? seed : fs::path();
}

}  // namespace pb::e2e
