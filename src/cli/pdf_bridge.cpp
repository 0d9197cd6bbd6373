#include "cli/pdf_bridge.h"

#include "common/module_loader.h"
#include "pdf/pdf_api.h"

namespace pb::cli {

namespace {

#ifdef POSTBINDER_PDF_MODULE_BUILD_PATH
constexpr const char* kBuildPath = POSTBINDER_PDF_MODULE_BUILD_PATH;
#else
constexpr const char* kBuildPath = "";
#endif

const pdf::PdfApi& pdf_api() {
  return module_api<pdf::PdfApi>(
      {"postbinder_pdf.so", "POSTBINDER_PDF_MODULE", kBuildPath, "postbinder_pdf_api", "pdf", pdf::kPdfApiVersion});
}

}  // namespace

pdf::Preset parse_pdf_preset(const std::string& name) {
  return pdf_api().parse_preset(name);
}

void write_pdf_book(const book::Book& book, const pdf::PdfOptions& options, Diagnostics& diagnostics) {
  pdf_api().write_pdf(book, options, diagnostics);
}

}  // namespace pb::cli
