// The command line: help everywhere, exit codes 0 / 1 / 2.
#include <gtest/gtest.h>

#include "e2e/support.h"

namespace pb::e2e {
namespace {

TEST(Cli, HelpExitsZeroForEveryCommand) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--help"}, {"series", "--help"}, {"build", "--help"}}) {
    const CommandResult result = postbinder(args);
    EXPECT_EQ(result.exit_code, 0) << args.front();
    EXPECT_NE(result.out.find("Usage"), std::string::npos) << result.out;
  }
  EXPECT_NE(postbinder({"build", "--help"}).out.find("--one-book"), std::string::npos);
}

TEST(Cli, VersionPrintsTheVersion) {
  const CommandResult result = postbinder({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("0."), std::string::npos);
}

// Every library mapped at start costs every run: libcurl and the thirty libraries behind it 15 ms
// (it is opened only when a run goes online, common/libcurl.h), OpenSSL's libcrypto 4 ms (Nettle
// hashes instead), the codecs and the cover's fonts 5 ms (a module loaded when an image needs
// converting or a cover drawing, image/draw_api.h). The dynamic loader names every library it maps.
TEST(Cli, StartsWithoutLoadingLibcurlLibcryptoOrTheImageCodecs) {
  const CommandResult result = postbinder({"--version"}, {"LD_DEBUG=files"});
  EXPECT_EQ(result.exit_code, 0);
  ASSERT_NE(result.err.find("libc.so.6"), std::string::npos) << "LD_DEBUG listed nothing: " << result.err;
  for (const char* library : {"libcurl", "libcrypto", "libwebp", "libturbojpeg", "libpng", "libharfbuzz",
                              "libfontconfig", "libfreetype", "libfribidi", "postbinder_"})
    EXPECT_EQ(result.err.find(library), std::string::npos) << library << " was loaded:\n" << result.err;
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(postbinder({}).exit_code, 2);
  EXPECT_EQ(postbinder({"bind"}).exit_code, 2);
  EXPECT_EQ(postbinder({"build", examples_dir().string()}).exit_code, 2) << "no -o";
  EXPECT_EQ(postbinder({"build", "-o", "x.epub"}).exit_code, 2) << "no input";
  EXPECT_EQ(postbinder({"build", examples_dir().string(), "-o", "x.epub", "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(postbinder({"build", examples_dir().string(), "-o", "x.epub", "--all", "--one-book"}).exit_code, 2);
  EXPECT_EQ(postbinder({"build", examples_dir().string(), "-o", "x.epub", "--lang", "en us"}).exit_code, 2);
}

TEST(Cli, OutputMustBeAnEpub) {
  ScratchDir scratch;
  const CommandResult result = postbinder({"build", examples_dir().string(), "-o", (scratch / "book.mobi").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(".epub"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace pb::e2e
