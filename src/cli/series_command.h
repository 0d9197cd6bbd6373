// `postbinder series INPUT... [--json]`: the series in the input, their parts in reading
// order and the parts missing, and the posts that stand alone.
#pragma once

#include <iosfwd>

#include "cli/options.h"
#include "collect/series_collector.h"
#include "sources/post.h"

namespace pb::cli {

int run_series(const SeriesOptions& options);

// The two report forms, separate so tests can check them.
void print_series_json(std::ostream& out, const std::vector<sources::Post>& posts,
                       const collect::Collection& collection);
void print_series_text(std::ostream& out, const std::vector<sources::Post>& posts,
                       const collect::Collection& collection);

}  // namespace pb::cli
