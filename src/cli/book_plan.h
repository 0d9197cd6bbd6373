// Decides which books a build writes and what goes in each: the one series in the input, the
// series --series names, every series (--all), or every post in one book (--one-book).
#pragma once

#include <filesystem>
#include <vector>

#include "cli/options.h"
#include "collect/series_collector.h"
#include "common/diagnostics.h"
#include "sources/post.h"
#include "transform/book_assembler.h"

namespace pb::cli {

struct PlannedBook {
  transform::BookRequest request;
  std::filesystem::path output;
  std::vector<int> missing_parts;  // parts of the series absent from the input
};

// Throws UsageError when the choice is ambiguous or names no series.
std::vector<PlannedBook> plan_books(const std::vector<sources::Post>& posts, const collect::Collection& collection,
                                    const BuildOptions& options, Diagnostics& diagnostics);

}  // namespace pb::cli
