#include "dataset/detail/emit.hpp"

#include <algorithm>
#include <numeric>
#include <set>

#include "dataset/detail/statistics.hpp"

namespace etr2nn::dataset {

namespace {

// Whether the data points come grouped by gadget in gadget order (one pass,
// no memory): generated ones always do.
bool grouped_by_gadget(const layout::DataPoints& points) {
  if (points.generated()) return true;
  std::size_t last = 0;
  for (const auto& d : points) {
    if (d.gadget < last) return false;
    last = d.gadget;
  }
  return true;
}

}  // namespace

Emission::Emission(const layout::Arrangement& arrangement)
    : arrangement_(arrangement), data_count_(arrangement.data_points.size()) {
  const auto& a = arrangement;
  if (!grouped_by_gadget(a.data_points)) {
    order_.resize(data_count_);
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t p, std::size_t q) {
      return a.data_points[p].gadget < a.data_points[q].gadget;
    });
  }

  if (!a.data_points.generated()) {
    ranges_.assign(a.gadgets.size(), {0, 0});
    // Ranges: in output order each gadget's points are contiguous.
    for (std::size_t i = 0; i < data_count_;) {
      const std::size_t g = a.data_points[data_index(i)].gadget;
      std::size_t j = i;
      while (j < data_count_ && a.data_points[data_index(j)].gadget == g) ++j;
      ranges_.at(g) = {i, j};
      i = j;
    }
    for (std::size_t g = 0; g < ranges_.size(); ++g)
      if (ranges_[g].second == 0) {  // no data points: an empty range where they would go
        const std::size_t at = g == 0 ? 0 : ranges_[g - 1].second;
        ranges_[g] = {at, at};
      }
  }
  std::set<gadgets::Label> labels = layout::data_point_labels(a);
  for (const auto& c : a.constraint_points) labels.insert(c.kind->label);
  labels_.assign(labels.begin(), labels.end());
  statistics_ = statistics_of(a);
}

std::pair<std::size_t, std::size_t> Emission::gadget_points(std::size_t g) const {
  if (ranges_.empty())
    return {g * layout::home_points_per_gadget, (g + 1) * layout::home_points_per_gadget};
  return ranges_.at(g);
}

Meta Emission::meta() const {
  const auto& a = arrangement_;
  Meta meta;
  meta.instance = a.instance;
  meta.parameters = a.parameters;
  meta.lanes = a.lanes;
  meta.families = a.families;
  meta.canonical = a.canonical;
  meta.gadgets.reserve(a.gadgets.size());
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    const auto [first, end] = gadget_points(g);
    meta.gadgets.push_back({a.gadgets[g], first, end});
  }
  meta.constraint_points.reserve(a.constraint_points.size());
  for (std::size_t i = 0; i < a.constraint_points.size(); ++i)
    meta.constraint_points.push_back({a.constraint_points[i], constraint_point_index(i)});
  meta.statistics = statistics_;
  return meta;
}

LabelledPoint Emission::point(std::size_t i) const {
  const auto& a = arrangement_;
  if (i < data_count_) {
    auto d = a.data_points[data_index(i)];
    return {std::move(d.where), a.gadgets[d.gadget].kind->data_lines()[d.line].label};
  }
  const auto& c = a.constraint_points.at(i - data_count_);
  return {c.where, c.kind->label};
}

Dataset emit(const layout::Arrangement& arrangement) {
  Emission e(arrangement);
  Dataset d;
  d.points.reserve(e.size());
  for (std::size_t i = 0; i < e.size(); ++i) d.points.push_back(e.point(i));
  d.hidden_neurons = e.hidden_neurons();
  d.labels = e.labels();
  d.meta = e.meta();
  return d;
}

}  // namespace etr2nn::dataset
