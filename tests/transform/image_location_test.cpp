#include "transform/image_location.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "common/temp_dir.h"

namespace pb::transform {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPostLink = "https://example.org/2024/04/post/";

class LocateImage : public testing::Test {
 protected:
  void SetUp() override {
    folder_ = dir_.path() / "posts";
    fs::create_directories(folder_ / "img");
    std::ofstream(folder_ / "img" / "a.png") << "png";
    std::ofstream(folder_ / "img" / "my photo.png") << "png";
    std::ofstream(dir_.path() / "outside.png") << "png";
  }

  book::ImageRef locate(std::string_view written, std::string base_url = kPostLink, bool with_folder = true) {
    book::ImageRef ref;
    locate_image(written, ImageBase{std::move(base_url), with_folder ? folder_ : fs::path(), 1600}, ref);
    return ref;
  }

  std::string local(const fs::path& relative) const { return fs::weakly_canonical(folder_ / relative).string(); }

  TempDir dir_;
  fs::path folder_;
};

TEST_F(LocateImage, HttpAndHttpsUrls) {
  EXPECT_EQ(locate("https://cdn.example.net/a.jpg").source, "https://cdn.example.net/a.jpg");
  EXPECT_EQ(locate("http://cdn.example.net/a.jpg").source, "http://cdn.example.net/a.jpg");
  EXPECT_EQ(locate("  https://cdn.example.net/a.jpg\n").source, "https://cdn.example.net/a.jpg");
  EXPECT_EQ(locate("https://i0.wp.com/example.org/a.jpg?resize=300%2C200").source,
            "https://i0.wp.com/example.org/a.jpg?w=1600&ssl=1");
}

TEST_F(LocateImage, DataUriKeptAsIs) {
  const std::string uri = "data:image/png;base64,iVBORw0KGgo=";
  const book::ImageRef ref = locate(uri);
  EXPECT_EQ(ref.source, uri);
  EXPECT_TRUE(ref.failure.empty());
}

TEST_F(LocateImage, OtherSchemesRefused) {
  for (const char* written : {"file:///etc/passwd", "FILE:///etc/passwd", "javascript:alert(1)",
                              "ftp://example.org/a.png", "about:blank", "blob:https://example.org/1234"}) {
    const book::ImageRef ref = locate(written);
    EXPECT_EQ(ref.source, "") << written;
    EXPECT_NE(ref.failure.find("refused"), std::string::npos) << written << ": " << ref.failure;
  }
}

TEST_F(LocateImage, LocalFileInsideTheFolder) {
  EXPECT_EQ(locate("img/a.png").source, local("img/a.png"));
  EXPECT_EQ(locate("./img/../img/a.png").source, local("img/a.png"));
  EXPECT_EQ(locate("img/a.png?ver=3#x").source, local("img/a.png"));
  EXPECT_EQ(locate("img/my%20photo.png").source, local("img/my photo.png"));
  EXPECT_EQ(locate("img/a.png", "").source, local("img/a.png"));
}

TEST_F(LocateImage, MissingLocalFileFallsBackToThePostLink) {
  EXPECT_EQ(locate("img/missing.png").source, "https://example.org/2024/04/post/img/missing.png");
  const book::ImageRef ref = locate("img/missing.png", "");
  EXPECT_EQ(ref.source, "");
  EXPECT_NE(ref.failure.find("cannot resolve"), std::string::npos) << ref.failure;
}

TEST_F(LocateImage, NothingOutsideTheFolderIsRead) {
  for (const char* written : {"../outside.png", "../../etc/passwd", "img/../../outside.png", "%2e%2e/outside.png",
                              "img/%2e%2e/%2e%2e/outside.png", "/etc/passwd", "%2Fetc%2Fpasswd"}) {
    const book::ImageRef without_link = locate(written, "");
    EXPECT_EQ(without_link.source, "") << written;
    EXPECT_FALSE(without_link.failure.empty()) << written;
    const book::ImageRef with_link = locate(written);
    EXPECT_EQ(with_link.source.rfind("https://example.org/", 0), 0u) << written << " -> " << with_link.source;
  }
}

TEST_F(LocateImage, SymlinkLeadingOutOfTheFolderIsRefused) {
  fs::create_symlink(dir_.path() / "outside.png", folder_ / "img" / "link.png");
  const book::ImageRef ref = locate("img/link.png", "");
  EXPECT_EQ(ref.source, "");
  EXPECT_FALSE(ref.failure.empty());
}

TEST_F(LocateImage, SiblingFolderWithCommonPrefixIsOutside) {
  fs::create_directories(dir_.path() / "posts-private");
  std::ofstream(dir_.path() / "posts-private" / "x.png") << "png";
  EXPECT_EQ(locate("../posts-private/x.png", "").source, "");
}

TEST_F(LocateImage, FolderItselfIsNotAnImage) {
  EXPECT_EQ(locate("img", "").source, "");
  EXPECT_EQ(locate(".", "").source, "");
}

TEST_F(LocateImage, RemotePostsResolveAgainstTheirLink) {
  EXPECT_EQ(locate("../uploads/a.png", kPostLink, false).source, "https://example.org/2024/04/uploads/a.png");
  EXPECT_EQ(locate("/wp-content/a.png", kPostLink, false).source, "https://example.org/wp-content/a.png");
  EXPECT_EQ(locate("//cdn.example.net/a.png", kPostLink, false).source, "https://cdn.example.net/a.png");
  EXPECT_EQ(locate("img/a.png", kPostLink, false).source, "https://example.org/2024/04/post/img/a.png");
}

TEST_F(LocateImage, EmptyAddress) {
  const book::ImageRef ref = locate("   ");
  EXPECT_EQ(ref.source, "");
  EXPECT_NE(ref.failure.find("no address"), std::string::npos) << ref.failure;
}

TEST_F(LocateImage, FailureMessageIsXmlSafeAndShort) {
  const book::ImageRef ref = locate("javascript:" + std::string(200, 'x') + "\x01\xFF");
  EXPECT_LT(ref.failure.size(), 200u);
  EXPECT_EQ(ref.failure.find('\x01'), std::string::npos);
}

}  // namespace
}  // namespace pb::transform
