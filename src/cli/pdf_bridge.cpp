#include "cli/pdf_bridge.h"

#include "common/error.h"
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
  static const pdf::PdfApi* const api = [] {
    using Entry = const pdf::PdfApi* (*)();
    const auto entry = reinterpret_cast<Entry>(
        load_module_entry("postbinder_pdf.so", "POSTBINDER_PDF_MODULE", kBuildPath, "postbinder_pdf_api", "pdf"));
    const pdf::PdfApi* loaded = entry();
    if (loaded->version != pdf::kPdfApiVersion)
      throw BuildError("pdf", "cannot load postbinder_pdf.so: it belongs to another postbinder version");
    return loaded;
  }();
  return *api;
}

}  // namespace

pdf::Preset parse_pdf_preset(const std::string& name) {
  return pdf_api().parse_preset(name);
}

void write_pdf_book(const book::Book& book, const pdf::PdfOptions& options, Diagnostics& diagnostics) {
  pdf_api().write_pdf(book, options, diagnostics);
}

}  // namespace pb::cli
