#include "gadgets/cpwl.hpp"

#include <algorithm>

namespace etr2nn::gadgets {

Cpwl::Cpwl(std::vector<Breakpoint> breakpoints) : breakpoints_(std::move(breakpoints)) {}

Cpwl::Cpwl(Output2 constant, Output2 slope, std::vector<Breakpoint> breakpoints)
    : constant_(std::move(constant)),
      slope_(std::move(slope)),
      breakpoints_(std::move(breakpoints)) {}

Output2 Cpwl::operator()(const Real& t) const {
  Output2 v{constant_.out1 + slope_.out1 * t, constant_.out2 + slope_.out2 * t};
  for (const auto& b : breakpoints_) {
    if (t <= b.beta) continue;  // max(0, t - beta) = 0
    Real run = t - b.beta;
    v.out1 += b.delta1 * run;
    v.out2 += b.delta2 * run;
  }
  return v;
}

Output2 Cpwl::slope_right_of(const Real& t) const {
  Output2 s = slope_;
  for (const auto& b : breakpoints_) {
    if (b.beta > t) continue;
    s.out1 += b.delta1;
    s.out2 += b.delta2;
  }
  return s;
}

std::size_t Cpwl::kink_count() const {
  // Sum the slope changes per distinct position: two neurons at one position
  // whose changes cancel make no kink.
  std::vector<Breakpoint> merged;
  for (const auto& b : breakpoints_) {
    auto it = std::find_if(merged.begin(), merged.end(),
                           [&](const Breakpoint& m) { return m.beta == b.beta; });
    if (it == merged.end()) {
      merged.push_back(b);
    } else {
      it->delta1 += b.delta1;
      it->delta2 += b.delta2;
    }
  }
  return static_cast<std::size_t>(std::count_if(
      merged.begin(), merged.end(),
      [](const Breakpoint& m) { return m.delta1.sign() != 0 || m.delta2.sign() != 0; }));
}

const DataLine* Cpwl::first_miss(const std::vector<DataLine>& data) const {
  for (const auto& line : data) {
    Output2 v = (*this)(Real(line.position));
    if (v.out1 != Real(line.label.out1) || v.out2 != Real(line.label.out2)) return &line;
  }
  return nullptr;
}

bool Cpwl::fits(const std::vector<DataLine>& data) const {
  return first_miss(data) == nullptr;
}

}  // namespace etr2nn::gadgets
