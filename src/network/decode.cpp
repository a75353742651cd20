#include "network/detail/decode.hpp"

#include <algorithm>
#include <stdexcept>

#include "diagnostic/diagnostic.hpp"
#include "gadgets/registry.hpp"
#include "network/detail/evaluate.hpp"

namespace etr2nn::network {
namespace {

// The I gadget's measuring lines that read X (gadgets/inversion_gadget.cpp).
const mpq_class low_line(3), high_line(5);

}  // namespace

geometry::Point along_normal(const geometry::Strip& strip, const geometry::Point& p,
                             const mpq_class& line_position, const mpq_class& position) {
  const mpq_class na(strip.normal.a), nb(strip.normal.b);
  mpq_class step = (position - line_position) / (na * na + nb * nb);
  return {p.x + step * na, p.y + step * nb};
}

DecodeInput decode_input(const layout::Arrangement& arrangement) {
  const auto& instance = arrangement.instance;
  // The canonical gadget of each variable, then its data points on its first data line.
  // The layout records each variable's canonical gadget; a hand-made
  // arrangement may not, and then the first Canonical gadget of the variable is it.
  std::vector<std::size_t> canonical = arrangement.canonical;
  if (canonical.size() != instance.variables.size())
    canonical.assign(instance.variables.size(), layout::no_constraint);
  for (std::size_t g = 0; g < arrangement.gadgets.size(); ++g) {
    const auto& gadget = arrangement.gadgets[g];
    if (gadget.role == layout::Gadget::Role::Canonical &&
        canonical.at(gadget.variable) == layout::no_constraint)
      canonical[gadget.variable] = g;
  }
  // Copies: the data points may be generated, with nothing to point at.
  std::vector<std::vector<layout::DataPoint>> first_line(instance.variables.size());
  for (const auto& d : arrangement.data_points) {
    const auto& gadget = arrangement.gadgets.at(d.gadget);
    if (d.line == 0 && canonical[gadget.variable] == d.gadget)
      first_line[gadget.variable].push_back(d);
  }
  DecodeInput input{instance, {}};
  for (std::size_t i = 0; i < instance.variables.size(); ++i) {
    if (canonical[i] == layout::no_constraint || first_line[i].empty())
      throw Diagnostic(errors::inconsistent,
                       "variable " + instance.variables[i] +
                           " has no canonical gadget with data points to decode from");
    const auto& gadget = arrangement.gadgets[canonical[i]];
    if (gadget.kind != &gadgets::inversion_gadget())
      throw Diagnostic(errors::inconsistent,
                       "the canonical gadget of " + instance.variables[i] +
                           " is not an I gadget, so t = 3 and t = 5 do not read it");
    if (arrangement.lanes.direction != geometry::Normal{0, 0}) {
      // On the middle lane, inside the gadget's window: no other strip meets
      // that segment (check N3), so any fitting network is the gadget's
      // profile there (docs/soundness.md).
      const auto& lanes = arrangement.lanes;
      input.probes.push_back(
          {lanes.at(1, layout::lane_crossing(lanes, 1, gadget.strip, low_line)),
           lanes.at(1, layout::lane_crossing(lanes, 1, gadget.strip, high_line))});
      continue;
    }
    // A hand-made arrangement without lanes: beside its middle home point.
    const auto& home = first_line[i][first_line[i].size() / 2];
    const mpq_class& t = gadget.kind->data_lines().at(home.line).position;
    input.probes.push_back({along_normal(gadget.strip, home.where, t, low_line),
                            along_normal(gadget.strip, home.where, t, high_line)});
  }
  return input;
}

bool Decoded::satisfied() const {
  return std::all_of(in_range.begin(), in_range.end(), [](bool b) { return b; }) &&
         std::all_of(constraints.begin(), constraints.end(), [](const auto& c) { return c.holds; });
}

Decoded decode(const DecodeInput& input, const Network& network) {
  if (input.probes.size() != input.instance.variables.size())
    throw std::invalid_argument("decode: one probe pair per variable is needed");
  Evaluator f(network);
  Decoded out;
  const Real lo(mpq_class(1, 2)), hi(2);
  for (const auto& probe : input.probes) {
    Real s = (f(probe.at5)[0] - f(probe.at3)[0]) / Real(2);
    Real x = s - Real(1);
    out.in_range.push_back(lo <= x && x <= hi);
    out.values.push_back(std::move(x));
  }
  for (std::size_t k = 0; k < input.instance.constraints.size(); ++k) {
    const auto& c = input.instance.constraints[k];
    out.constraints.push_back(
        {k, etrinv::describe(input.instance, c), etrinv::holds(c, out.values)});
  }
  return out;
}

}  // namespace etr2nn::network
