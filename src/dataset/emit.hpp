// Emission: the dataset an arrangement stands for.
//
// Point order (stable, documented in docs/dataset-format.md): the data points
// grouped by gadget in gadget order (within a gadget, in arrangement order),
// then the constraint points in arrangement order. Each point's label is its
// data line's label or its constraint point kind's label; m is the sum of the
// gadgets' breakpoint budgets.
#pragma once

#include <cstddef>
#include <vector>

#include "dataset/dataset.hpp"
#include "layout/arrangement.hpp"

namespace etr2nn::dataset {

// A view of an arrangement as a sequence of labelled points, computed on
// demand so that a writer can stream millions of points without holding a
// second copy of them. The arrangement must outlive the view.
class Emission {
 public:
  explicit Emission(const layout::Arrangement& arrangement);

  std::size_t size() const { return order_.size() + arrangement_.constraint_points.size(); }
  LabelledPoint point(std::size_t i) const;
  std::size_t hidden_neurons() const { return arrangement_.hidden_neurons(); }
  const std::vector<gadgets::Label>& labels() const { return labels_; }  // sorted, distinct
  const Meta& meta() const { return meta_; }

 private:
  const layout::Arrangement& arrangement_;
  std::vector<std::size_t> order_;  // output position -> data point index
  std::vector<gadgets::Label> labels_;
  Meta meta_;
};

// The whole dataset in memory (tests, verify).
Dataset emit(const layout::Arrangement& arrangement);

}  // namespace etr2nn::dataset
