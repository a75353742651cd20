#include "certify/detail/cpwl_type_enumeration.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace etr2nn::certify {
namespace {

using gadgets::Label;

// Slots left to right: gap 0, position 1, gap 1, ..., position n-2, gap n-2.
bool slot_is_gap(std::size_t slot) {
  return slot % 2 == 0;
}
std::size_t slot_index(std::size_t slot) {
  return slot_is_gap(slot) ? slot / 2 : (slot + 1) / 2;
}

// A slot range [first, last] that must hold a breakpoint: three consecutive
// data points a < b < c, not collinear on some output, need one in (p_a, p_c).
struct Span {
  std::size_t first, last;
};

bool collinear(const mpq_class& ta, const mpq_class& ya, const mpq_class& tb, const mpq_class& yb,
               const mpq_class& tc, const mpq_class& yc) {
  return (yb - ya) * (tc - tb) == (yc - yb) * (tb - ta);
}

std::vector<Span> required_spans(const PositionTable& table) {
  std::vector<std::size_t> data;
  for (std::size_t j = 0; j < table.positions.size(); ++j)
    if (table.label[j]) data.push_back(j);
  std::vector<Span> spans;
  for (std::size_t i = 0; i + 2 < data.size(); ++i) {
    std::size_t a = data[i], b = data[i + 1], c = data[i + 2];
    const auto& p = table.positions;
    const Label &la = *table.label[a], &lb = *table.label[b], &lc = *table.label[c];
    if (collinear(p[a], la.out1, p[b], lb.out1, p[c], lc.out1) &&
        collinear(p[a], la.out2, p[b], lb.out2, p[c], lc.out2))
      continue;
    spans.push_back({2 * a, 2 * c - 2});
  }
  return spans;
}

class Enumerator {
 public:
  Enumerator(const PositionTable& table, unsigned budget,
             const std::function<void(const CpwlType&)>& visit, unsigned max_per_gap)
      : n_(table.positions.size()),
        slots_(2 * n_ - 3),
        budget_(budget),
        max_per_gap_(max_per_gap),
        visit_(visit),
        spans_(required_spans(table)),
        count_(slots_, 0),
        lower_bound_(slots_ + 1, 0) {
    // lower_bound_[s]: disjoint required spans inside slots [s, end) (greedy by
    // earliest end is optimal for interval packing).
    for (std::size_t s = 0; s <= slots_; ++s) {
      std::vector<Span> inside;
      for (const auto& sp : spans_)
        if (sp.first >= s) inside.push_back(sp);
      std::sort(inside.begin(), inside.end(),
                [](const Span& x, const Span& y) { return x.last < y.last; });
      unsigned packed = 0;
      std::size_t free_from = s;
      for (const auto& sp : inside)
        if (sp.first >= free_from) {
          ++packed;
          free_from = sp.last + 1;
        }
      lower_bound_[s] = packed;
    }
  }

  EnumerationStats run() {
    descend(0, budget_);
    return stats_;
  }

 private:
  void descend(std::size_t slot, unsigned left) {
    if (slot == slots_) {
      emit();
      return;
    }
    unsigned most = slot_is_gap(slot) ? max_per_gap_ : 1u;
    for (unsigned c = 0; c <= std::min(most, left); ++c) {
      count_[slot] = c;
      if (!spans_ending_here_hit(slot) || left - c < lower_bound_[slot + 1]) {
        ++stats_.pruned;
        continue;
      }
      descend(slot + 1, left - c);
    }
    count_[slot] = 0;
  }

  bool spans_ending_here_hit(std::size_t slot) const {
    for (const auto& sp : spans_) {
      if (sp.last != slot) continue;
      bool hit = false;
      for (std::size_t s = sp.first; s <= sp.last && !hit; ++s) hit = count_[s] > 0;
      if (!hit) return false;
    }
    return true;
  }

  void emit() {
    CpwlType type;
    type.at_position.assign(n_, 0);
    type.in_gap.assign(n_ - 1, 0);
    for (std::size_t s = 0; s < slots_; ++s) {
      if (slot_is_gap(s))
        type.in_gap[slot_index(s)] = count_[s];
      else
        type.at_position[slot_index(s)] = count_[s];
    }
    ++stats_.types;
    visit_(type);
  }

  std::size_t n_, slots_;
  unsigned budget_;
  unsigned max_per_gap_;
  const std::function<void(const CpwlType&)>& visit_;
  std::vector<Span> spans_;
  std::vector<unsigned> count_;
  std::vector<unsigned> lower_bound_;
  EnumerationStats stats_;
};

}  // namespace

unsigned CpwlType::total() const {
  return std::accumulate(at_position.begin(), at_position.end(), 0u) +
         std::accumulate(in_gap.begin(), in_gap.end(), 0u);
}

std::string CpwlType::describe(const std::vector<mpq_class>& positions) const {
  std::string out;
  for (std::size_t j = 0; j < positions.size(); ++j) {
    if (at_position[j])
      out += (out.empty() ? "" : " ") + std::string("at ") + positions[j].get_str();
    if (j + 1 < positions.size() && in_gap[j])
      out += (out.empty() ? "" : " ") + std::string("gap(") + positions[j].get_str() + "," +
             positions[j + 1].get_str() + "):" + std::to_string(in_gap[j]);
  }
  return out.empty() ? "affine" : out;
}

PositionTable position_table(const std::vector<gadgets::DataLine>& data,
                             const std::vector<gadgets::MeasuringLine>& measuring) {
  std::vector<std::pair<mpq_class, std::optional<Label>>> all;
  for (const auto& d : data) all.emplace_back(d.position, d.label);
  for (const auto& m : measuring) all.emplace_back(m.position, std::nullopt);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  PositionTable table;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i > 0 && all[i].first == all[i - 1].first)
      throw std::invalid_argument("two lines at position " + all[i].first.get_str());
    table.positions.push_back(all[i].first);
    table.label.push_back(all[i].second);
  }
  if (table.positions.size() < 2) throw std::invalid_argument("fewer than two positions");
  return table;
}

EnumerationStats enumerate_types(const PositionTable& table, unsigned budget,
                                 const std::function<void(const CpwlType&)>& visit,
                                 unsigned max_per_gap) {
  return Enumerator(table, budget, visit, max_per_gap).run();
}

}  // namespace etr2nn::certify
