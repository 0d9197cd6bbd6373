// The postbinder_pdf module's entry point (see pdf_api.h).
#include "pdf/pdf_api.h"

extern "C" __attribute__((visibility("default"))) const pb::pdf::PdfApi* postbinder_pdf_api() {
  static const pb::pdf::PdfApi api = {pb::pdf::kPdfApiVersion, &pb::pdf::parse_preset, &pb::pdf::write_pdf};
  return &api;
}
