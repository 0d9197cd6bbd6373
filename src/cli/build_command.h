// `postbinder build INPUT... -o BOOK.epub`: binds a series (or every post) into a book.
#pragma once

#include "cli/options.h"

namespace pb::cli {

int run_build(const BuildOptions& options);

}  // namespace pb::cli
