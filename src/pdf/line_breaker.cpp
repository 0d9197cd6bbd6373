#include "pdf/line_breaker.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pb::pdf {

namespace {

constexpr double kInfiniteBadness = 10000;

struct Sums {
  double width = 0, stretch = 0, shrink = 0;
};

// Running totals: sums[i] covers items [0, i).
std::vector<Sums> running_sums(const std::vector<Item>& items) {
  std::vector<Sums> sums(items.size() + 1);
  for (std::size_t i = 0; i < items.size(); ++i) {
    sums[i + 1] = sums[i];
    const Item& item = items[i];
    if (item.type == ItemType::Box) {
      sums[i + 1].width += item.width;
    } else if (item.type == ItemType::Glue) {
      sums[i + 1].width += item.width;
      sums[i + 1].stretch += item.stretch;
      sums[i + 1].shrink += item.shrink;
    }
  }
  return sums;
}

// Where the line after a break at `position` starts: glue and penalties after a break vanish.
std::size_t line_start(const std::vector<Item>& items, std::size_t position, bool paragraph_start) {
  if (paragraph_start) return 0;
  std::size_t i = position + 1;
  while (i < items.size() && items[i].type != ItemType::Box) {
    if (items[i].type == ItemType::Penalty && items[i].penalty <= -kInfinitePenalty && i > position + 1) break;
    ++i;
  }
  return i;
}

struct LineFit {
  double ratio = 0;
  double badness = 0;
};

LineFit fit(const std::vector<Sums>& sums, const std::vector<Item>& items, std::size_t start, std::size_t end,
            double width, double ragged) {
  double length = sums[end].width - sums[start].width;
  if (items[end].type == ItemType::Penalty) length += items[end].width;
  const double stretch = sums[end].stretch - sums[start].stretch + ragged;
  const double shrink = sums[end].shrink - sums[start].shrink;
  LineFit f;
  if (length < width) {
    if (stretch <= 0) {
      f.ratio = std::numeric_limits<double>::infinity();
      f.badness = kInfiniteBadness + 1;
    } else {
      f.ratio = (width - length) / stretch;
      f.badness = std::min(kInfiniteBadness, 100 * f.ratio * f.ratio * f.ratio);
    }
  } else if (length > width) {
    if (shrink <= 0) {
      f.ratio = -std::numeric_limits<double>::infinity();
    } else {
      f.ratio = (width - length) / shrink;
    }
    f.badness = f.ratio < -1 ? kInfiniteBadness + 1 : std::min(kInfiniteBadness, 100 * -f.ratio * -f.ratio * -f.ratio);
  }
  return f;
}

int fitness_class(double ratio) {
  if (ratio < -0.5) return 3;
  if (ratio <= 0.5) return 2;
  if (ratio <= 1) return 1;
  return 0;
}

double line_demerits(const BreakParameters& p, double badness, const Item& at) {
  double d = p.line_penalty + badness;
  d *= d;
  const double penalty = at.type == ItemType::Penalty ? at.penalty : 0;
  if (penalty >= 0)
    d += penalty * penalty;
  else if (penalty > -kInfinitePenalty)
    d -= penalty * penalty;
  return d;
}

bool flagged(const Item& item) {
  return item.type == ItemType::Penalty && item.flagged;
}

struct Node {
  std::size_t position = 0;
  std::size_t start = 0;  // first item of the line after this break
  std::size_t line = 0;
  int fitness = 2;
  double demerits = 0;
  double ratio = 0;
  int previous = -1;
  bool first = false;
};

bool knuth_plass(const std::vector<Item>& items, const std::vector<Sums>& sums, const BreakParameters& p,
                 double tolerance, LineBreaks& out) {
  std::vector<Node> nodes;
  nodes.push_back(Node{0, 0, 0, 2, 0, 0, -1, true});
  std::vector<int> active = {0};
  std::vector<int> next_active;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!is_legal_break(items, i)) continue;
    const Item& item = items[i];
    const bool forced = item.type == ItemType::Penalty && item.penalty <= -kInfinitePenalty;
    struct Candidate {
      double demerits = std::numeric_limits<double>::infinity();
      int from = -1;
      double ratio = 0;
    } best[4];
    next_active.clear();
    for (int a : active) {
      const Node& node = nodes[a];
      const double width = (node.line == 0 && p.first_line_width >= 0) ? p.first_line_width : p.line_width;
      if (node.start > i) {
        next_active.push_back(a);
        continue;
      }
      const LineFit f = fit(sums, items, node.start, i, width, p.ragged_stretch);
      const bool keep = !(f.ratio < -1 || forced);
      if (keep) next_active.push_back(a);
      if (f.ratio >= -1 && f.badness <= tolerance) {
        const int fitness = fitness_class(f.ratio);
        double d = line_demerits(p, f.badness, item);
        if (!node.first && flagged(items[node.position]) && flagged(item)) d += p.double_hyphen_demerits;
        if (forced && !node.first && flagged(items[node.position])) d += p.final_hyphen_demerits;
        if (std::abs(fitness - node.fitness) > 1) d += p.fitness_demerits;
        d += node.demerits;
        if (d < best[fitness].demerits) best[fitness] = {d, a, f.ratio};
      }
    }
    active.swap(next_active);
    double least = std::numeric_limits<double>::infinity();
    for (const auto& candidate : best) least = std::min(least, candidate.demerits);
    for (int c = 0; c < 4; ++c) {
      if (best[c].from < 0 || best[c].demerits > least + p.fitness_demerits) continue;
      Node node;
      node.position = i;
      node.start = line_start(items, i, false);
      node.line = nodes[best[c].from].line + 1;
      node.fitness = c;
      node.demerits = best[c].demerits;
      node.ratio = best[c].ratio;
      node.previous = best[c].from;
      nodes.push_back(node);
      active.push_back(static_cast<int>(nodes.size()) - 1);
    }
    if (active.empty() || active.size() > p.max_active) return false;
  }
  // The paragraph ends with a forced break: the best node there ends the last line.
  int best = -1;
  for (int a : active)
    if (nodes[a].position == items.size() - 1 && !nodes[a].first &&
        (best < 0 || nodes[a].demerits < nodes[best].demerits))
      best = a;
  if (best < 0) return false;
  out = LineBreaks{};
  for (int n = best; n >= 0 && !nodes[n].first; n = nodes[n].previous) {
    out.breaks.push_back(nodes[n].position);
    out.ratios.push_back(nodes[n].ratio);
  }
  std::reverse(out.breaks.begin(), out.breaks.end());
  std::reverse(out.ratios.begin(), out.ratios.end());
  out.demerits = nodes[best].demerits;
  return true;
}

}  // namespace

LineBreaks break_lines(const std::vector<Item>& items, const BreakParameters& parameters) {
  if (items.empty()) return {};
  const std::vector<Sums> sums = running_sums(items);
  LineBreaks result;
  for (double tolerance : parameters.tolerances)
    if (knuth_plass(items, sums, parameters, tolerance, result)) return result;
  return break_lines_greedy(items, parameters);
}

LineBreaks break_lines_greedy(const std::vector<Item>& items, const BreakParameters& p) {
  LineBreaks out;
  out.greedy = true;
  if (items.empty()) return out;
  const std::vector<Sums> sums = running_sums(items);
  std::size_t start = 0;
  std::size_t line = 0;
  std::size_t i = 0;
  long last_fit = -1;
  while (i < items.size()) {
    if (!is_legal_break(items, i) || i < start) {
      ++i;
      continue;
    }
    const double width = (line == 0 && p.first_line_width >= 0) ? p.first_line_width : p.line_width;
    const LineFit f = fit(sums, items, start, i, width, p.ragged_stretch);
    const bool forced = items[i].type == ItemType::Penalty && items[i].penalty <= -kInfinitePenalty;
    if (f.ratio >= -1) {
      last_fit = static_cast<long>(i);
      if (!forced) {
        ++i;
        continue;
      }
    }
    // Break at the last place that fitted (or here, when nothing did, or when forced and fitting).
    std::size_t at = (forced && f.ratio >= -1) || last_fit < 0 ? i : static_cast<std::size_t>(last_fit);
    const LineFit chosen = fit(sums, items, start, at, width, p.ragged_stretch);
    out.breaks.push_back(at);
    out.ratios.push_back(chosen.ratio);
    start = line_start(items, at, false);
    ++line;
    last_fit = -1;
    i = at + 1;
    if (at == items.size() - 1) break;
  }
  if (out.breaks.empty() || out.breaks.back() != items.size() - 1) {
    const double width = p.line_width;
    out.breaks.push_back(items.size() - 1);
    out.ratios.push_back(fit(sums, items, start, items.size() - 1, width, p.ragged_stretch).ratio);
  }
  out.demerits = total_demerits(items, out.breaks, p);
  return out;
}

double total_demerits(const std::vector<Item>& items, const std::vector<std::size_t>& breaks,
                      const BreakParameters& p) {
  const std::vector<Sums> sums = running_sums(items);
  double total = 0;
  std::size_t start = 0;
  int previous_fitness = 2;
  long previous = -1;
  for (std::size_t line = 0; line < breaks.size(); ++line) {
    const std::size_t at = breaks[line];
    const double width = (line == 0 && p.first_line_width >= 0) ? p.first_line_width : p.line_width;
    const LineFit f = fit(sums, items, start, at, width, p.ragged_stretch);
    const double badness = f.ratio < -1 ? kInfiniteBadness : f.badness;
    double d = line_demerits(p, badness, items[at]);
    const bool was_flagged = previous >= 0 && flagged(items[static_cast<std::size_t>(previous)]);
    if (was_flagged && flagged(items[at])) d += p.double_hyphen_demerits;
    if (line + 1 == breaks.size() && was_flagged) d += p.final_hyphen_demerits;
    const int fitness = fitness_class(std::isfinite(f.ratio) ? f.ratio : (f.ratio > 0 ? 10 : -10));
    if (std::abs(fitness - previous_fitness) > 1) d += p.fitness_demerits;
    total += d;
    previous_fitness = fitness;
    previous = static_cast<long>(at);
    start = line_start(items, at, false);
  }
  return total;
}

}  // namespace pb::pdf
