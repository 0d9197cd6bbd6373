// Chooses where a paragraph's lines end. Knuth–Plass total fit: among all feasible sets of
// breaks, the one with the least total demerits (badness of each line, penalties, hyphens in a
// row, lines of very different tightness next to each other). A greedy first-fit breaker is
// the fallback for paragraphs no tolerance can set, and for pathological input.
#pragma once

#include <cstddef>
#include <vector>

#include "pdf/items.h"

namespace pb::pdf {

struct BreakParameters {
  double line_width = 300;
  double first_line_width = -1;  // < 0: same as the others
  double ragged_stretch = 0;     // > 0: ragged right; the stretch every line end may take
  int line_penalty = 10;
  int double_hyphen_demerits = 10000;
  int final_hyphen_demerits = 5000;
  int fitness_demerits = 10000;
  std::vector<double> tolerances = {200, 1000, 5000};  // badness limits of the passes
  std::size_t max_active = 2000;                       // a larger active list falls back to greedy
};

struct LineBreaks {
  std::vector<std::size_t> breaks;  // item index of each line's end (the last is the paragraph end)
  std::vector<double> ratios;       // adjustment ratio of each line (<0 shrink, >0 stretch)
  double demerits = 0;
  bool greedy = false;
};

LineBreaks break_lines(const std::vector<Item>& items, const BreakParameters& parameters);
LineBreaks break_lines_greedy(const std::vector<Item>& items, const BreakParameters& parameters);

// Total demerits of a given set of breaks, by the same measure break_lines minimises.
double total_demerits(const std::vector<Item>& items, const std::vector<std::size_t>& breaks,
                      const BreakParameters& parameters);

}  // namespace pb::pdf
