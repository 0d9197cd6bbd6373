// `postbinder build ... -o BOOK.pdf` through the command line: presets and options reach the
// typesetter, and the PDF passes the same checks users run (qpdf, pdffonts, pdfinfo, pdftotext).
#include <gtest/gtest.h>

#include "e2e/support.h"
#include "image/image_bytes.h"
#include "support/test_http_server.h"

namespace pb::e2e {
namespace {

std::string pdfinfo(const fs::path& pdf) {
  return run({"pdfinfo", pdf.string()}).out;
}

TEST(PdfCli, TheExampleSeriesBecomesAValidTypesetBook) {
  ScratchDir scratch;
  const fs::path pdf = scratch / "garden.pdf";
  const CommandResult result = postbinder({"build", (examples_dir() / "garden-soil").string(), "-o", pdf.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(run({"qpdf", "--check", pdf.string()}).exit_code, 0);
  const std::string fonts = run({"pdffonts", pdf.string()}).out;
  EXPECT_NE(fonts.find("CID TrueType"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find(" no "), std::string::npos) << "a font is not embedded, not subset or has no ToUnicode:\n"
                                                   << fonts;
  const std::string info = pdfinfo(pdf);
  EXPECT_NE(info.find("Tagged:          yes"), std::string::npos) << info;
  EXPECT_NE(info.find("419.528 x 595.276 pts"), std::string::npos) << "A5 by default:\n" << info;
  EXPECT_NE(info.find("Title:           Building Healthy Garden Soil"), std::string::npos) << info;
  const std::string text = run({"pdftotext", pdf.string(), "-"}).out;
  EXPECT_NE(text.find("Start With Your Hands"), std::string::npos);
  EXPECT_NE(text.find("Contents"), std::string::npos);
}

TEST(PdfCli, PresetsAndPaperChangeThePage) {
  ScratchDir scratch;
  struct Case {
    std::vector<std::string> options;
    std::string page_size;
  };
  for (const Case& item :
       std::vector<Case>{{{"--pdf-preset", "handout"}, "612 x 792 pts"},
                         {{"--pdf-preset", "handout", "--paper", "a4", "--font-size", "16"}, "595.276 x 841.89 pts"},
                         {{"--pdf-preset", "ereader", "--fonts", "sans"}, "255.118 x 340.157 pts"},
                         {{"--paper", "6x9", "--no-toc"}, "432 x 648 pts"}}) {
    const fs::path pdf = scratch / "book.pdf";
    std::vector<std::string> args = {"build", (examples_dir() / "garden-soil").string(), "-o", pdf.string()};
    args.insert(args.end(), item.options.begin(), item.options.end());
    const CommandResult result = postbinder(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(pdfinfo(pdf).find(item.page_size), std::string::npos) << item.options.front() << "\n" << pdfinfo(pdf);
  }
}

TEST(PdfCli, TheSamePostsGiveTheSamePdfBytes) {
  ScratchDir first, second;
  for (const ScratchDir* dir : {&first, &second})
    ASSERT_EQ(postbinder({"build", (examples_dir() / "garden-soil").string(), "-o", (dir->path() / "b.pdf").string()},
                         {"SOURCE_DATE_EPOCH=1700000000"})
                  .exit_code,
              0);
  EXPECT_TRUE(read_file(first / "b.pdf") == read_file(second / "b.pdf"));
}

TEST(PdfCli, DownloadedImagesAreEmbeddedWhateverTheirFileNames) {
  pb::testing::TestHttpServer server;
  server.server().Get(R"(/img/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
    const int shade = std::stoi(request.matches[1]) * 40;
    if (request.matches[1] == "1")
      response.set_content(pb::testing::image_bytes::jpeg_rgb(64, 48, shade), "image/jpeg");
    else
      response.set_content(pb::testing::image_bytes::png(
                               64, 48, true,
                               [&](int x, int) {
                                 return pb::testing::image_bytes::Rgba{static_cast<std::uint8_t>(x * 4), 90, 160, 200};
                               }),
                           "image/png");
  });
  server.start();
  ScratchDir scratch;
  const std::string html = "<p><img src=\"" + server.url("/img/1") + "\" alt=\"a jpeg\"/></p><p><img src=\"" +
                           server.url("/img/2") + "\" alt=\"a png\"/></p>";
  write_file(scratch / "post.json",
             nlohmann::json::array({wordpress_post(1, "Pictures", html, "https://blog.example.org/pictures/")}).dump());
  const fs::path pdf = scratch / "pictures.pdf";
  const CommandResult result = postbinder(
      {"build", (scratch / "post.json").string(), "-o", pdf.string(), "--cache-dir", (scratch / "cache").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err.find("cannot embed"), std::string::npos) << result.err;
  const std::string images = run({"pdfimages", "-list", pdf.string()}).out;
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = images.find(" image ", at)) != std::string::npos; ++at) ++rows;
  EXPECT_GE(rows, 3u) << "cover, JPEG and PNG:\n" << images;  // the PNG's alpha adds an smask row
}

TEST(PdfCli, BadPdfOptionsAreUsageErrors) {
  ScratchDir scratch;
  const std::string pdf = (scratch / "b.pdf").string();
  EXPECT_EQ(postbinder({"build", examples_dir().string(), "-o", pdf, "--pdf-preset", "poster"}).exit_code, 2);
  EXPECT_EQ(postbinder({"build", examples_dir().string(), "-o", pdf, "--paper", "a3"}).exit_code, 2);
  EXPECT_EQ(postbinder({"build", examples_dir().string(), "-o", pdf, "--format", "epub"}).exit_code, 2);
  EXPECT_FALSE(fs::exists(pdf));
}

// The typesetter and its libraries (PoDoFo, libhyphen, ...) are a module loaded for PDFs only:
// an EPUB build never maps them, which keeps its start fast and its memory small.
TEST(PdfCli, OnlyAPdfBuildLoadsTheTypesetter) {
  ScratchDir scratch;
  const auto libraries_loaded = [&](const std::string& output) {
    const CommandResult result =
        postbinder({"build", (examples_dir() / "garden-soil").string(), "-q", "-o", (scratch / output).string()},
                   {"LD_DEBUG=files"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.err;
  };
  const std::string epub = libraries_loaded("book.epub");
  EXPECT_EQ(epub.find("postbinder_pdf.so"), std::string::npos);
  EXPECT_EQ(epub.find("libpodofo"), std::string::npos);
  const std::string pdf = libraries_loaded("book.pdf");
  EXPECT_NE(pdf.find("postbinder_pdf.so"), std::string::npos) << pdf.substr(0, 2000);
  EXPECT_NE(pdf.find("libpodofo"), std::string::npos);
  EXPECT_TRUE(fs::exists(scratch / "book.pdf"));
}

}  // namespace
}  // namespace pb::e2e
