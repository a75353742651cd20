#include "pipeline/detail/size_estimate.hpp"

#include <string>

#include "layout/layout.hpp"
#include "numeric/work_limit.hpp"

namespace etr2nn::pipeline {

PointEstimate estimate_points(const etrinv::Instance& instance) {
  PointEstimate e;
  e.gadgets = instance.variables.size() + 3 * instance.constraints.size();
  e.data_points = e.gadgets * 13 * layout::lane_count;
  e.constraint_points = 4 * instance.constraints.size();
  return e;
}

void check_points(const PointEstimate& estimate, std::size_t max_points) {
  if (estimate.total() <= max_points) return;
  throw Diagnostic(errors::limit, "the dataset would have about " +
                                      std::to_string(estimate.total()) + " points (" +
                                      std::to_string(estimate.gadgets) +
                                      " gadgets), above the limit " + std::to_string(max_points) +
                                      " (--max-points; docs/limits.md)");
}

}  // namespace etr2nn::pipeline
