#include "pipeline/size_estimate.hpp"

#include <string>

#include "numeric/work_limit.hpp"

namespace etr2nn::pipeline {

PointEstimate estimate_points(const etrinv::Instance& instance, unsigned points_per_line) {
  PointEstimate e;
  e.gadgets = instance.variables.size() + 3 * instance.constraints.size();
  e.data_points = e.gadgets * 13 * static_cast<std::size_t>(points_per_line);
  e.constraint_points = 4 * instance.constraints.size();
  return e;
}

void check_points(const PointEstimate& estimate, std::size_t max_points) {
  if (estimate.total() <= max_points) return;
  throw numeric::LimitError("the dataset would have about " + std::to_string(estimate.total()) +
                            " points (" + std::to_string(estimate.gadgets) +
                            " gadgets), above the limit " + std::to_string(max_points) +
                            " (--max-points; docs/limits.md)");
}

}  // namespace etr2nn::pipeline
