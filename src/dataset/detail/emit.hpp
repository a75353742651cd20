// Emission: the dataset an arrangement stands for.
//
// Point order (stable, documented in docs/dataset-format.md): the data points
// grouped by gadget in gadget order (within a gadget, in arrangement order),
// then the constraint points in arrangement order. Each point's label is its
// data line's label or its constraint point kind's label; m is the sum of the
// gadgets' breakpoint budgets.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "dataset/detail/dataset.hpp"
#include "layout/layout.hpp"

namespace etr2nn::dataset {

// A view of an arrangement as a sequence of labelled points, computed on
// demand so that a writer can stream millions of points without holding
// them. Generated data points come grouped by gadget already, so position i
// is data point i and the view's memory grows with the gadgets only; only an
// explicit list out of gadget order (a test's) needs a permutation. The
// arrangement must outlive the view.
class Emission {
 public:
  explicit Emission(const layout::Arrangement& arrangement);

  std::size_t size() const { return data_count_ + arrangement_.constraint_points.size(); }
  LabelledPoint point(std::size_t i) const;
  std::size_t hidden_neurons() const { return arrangement_.hidden_neurons(); }
  const std::vector<gadgets::Label>& labels() const { return labels_; }  // sorted, distinct
  const Statistics& statistics() const { return statistics_; }
  // Gadget g's data points are points [first, end) (empty, where they would
  // go, for a gadget without any).
  std::pair<std::size_t, std::size_t> gadget_points(std::size_t g) const;
  // The position of constraint point i among the points.
  std::size_t constraint_point_index(std::size_t i) const { return data_count_ + i; }
  // The meta the file records, as a Meta: a copy of the arrangement's
  // gadgets and constraint points (about as large as the arrangement), so
  // the writer does not use it: it takes the records from the view
  // (gadget_points, constraint_point_index) and the arrangement.
  Meta meta() const;
  // The arrangement viewed. While its data points are generated, position
  // i < data_points.size() is data point i (the writer's fast path uses this).
  const layout::Arrangement& arrangement() const { return arrangement_; }

 private:
  std::size_t data_index(std::size_t i) const { return order_.empty() ? i : order_[i]; }

  const layout::Arrangement& arrangement_;
  std::size_t data_count_ = 0;
  // Output position -> data point index; empty when that is the identity.
  std::vector<std::size_t> order_;
  // Each gadget's point range, only for an explicit list of data points
  // (generated ones are 39 per gadget, in gadget order).
  std::vector<std::pair<std::size_t, std::size_t>> ranges_;
  std::vector<gadgets::Label> labels_;
  Statistics statistics_;
};

// The whole dataset in memory (tests, verify).
Dataset emit(const layout::Arrangement& arrangement);

}  // namespace etr2nn::dataset
