#include "numeric/work_limit.hpp"

#include <atomic>

namespace etr2nn::numeric {
namespace {

std::atomic<std::size_t> degree_ceiling{default_max_degree};

}  // namespace

std::size_t max_degree() {
  return degree_ceiling.load();
}

void set_max_degree(std::size_t degree) {
  degree_ceiling.store(degree);
}

}  // namespace etr2nn::numeric
