#include "dataset/detail/meta.hpp"

#include <optional>
#include <stdexcept>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::dataset {

namespace {

// Everything but the points.
layout::Arrangement arrangement_without_points(const Meta& meta) {
  layout::Arrangement a;
  a.instance = meta.instance;
  a.parameters = meta.parameters;
  a.lanes = meta.lanes;
  a.families = meta.families;
  a.canonical = meta.canonical;
  return a;
}

}  // namespace

std::optional<layout::Arrangement> generated_arrangement_of(const Meta& meta) {
  const std::size_t per_gadget = layout::home_points_per_gadget;
  for (std::size_t g = 0; g < meta.gadgets.size(); ++g)
    if (meta.gadgets[g].first_point != g * per_gadget ||
        meta.gadgets[g].end_point != (g + 1) * per_gadget ||
        meta.gadgets[g].gadget.kind->data_lines().size() != layout::data_lines_per_gadget)
      return std::nullopt;
  const std::size_t data_points = meta.gadgets.size() * per_gadget;
  for (std::size_t i = 0; i < meta.constraint_points.size(); ++i)
    if (meta.constraint_points[i].index != data_points + i) return std::nullopt;
  layout::Arrangement a = arrangement_without_points(meta);
  a.gadgets.reserve(meta.gadgets.size());
  for (const auto& r : meta.gadgets) a.gadgets.push_back(r.gadget);
  a.constraint_points.reserve(meta.constraint_points.size());
  for (const auto& c : meta.constraint_points) a.constraint_points.push_back(c.point);
  return a;
}

layout::Arrangement arrangement_of(const Dataset& dataset) {
  if (!dataset.meta)
    throw Diagnostic(errors::missing_meta,
                     "the dataset has no meta: it was not made by etr2nn compile");
  const Meta& meta = *dataset.meta;
  layout::Arrangement a = arrangement_without_points(meta);
  // The points as the file has them (decode reads them, and a modified file
  // must show as such), so an explicit list rather than the generated one.
  auto& data_points = a.data_points.edit();
  for (std::size_t g = 0; g < meta.gadgets.size(); ++g) {
    const auto& r = meta.gadgets[g];
    a.gadgets.push_back(r.gadget);
    const auto& lines = r.gadget.kind->data_lines();
    for (std::size_t i = r.first_point; i < r.end_point; ++i) {
      const auto& where = dataset.points.at(i).x;
      const mpq_class t = r.gadget.strip.coordinate(where);
      std::size_t line = 0;
      while (line < lines.size() && lines[line].position != t) ++line;
      if (line == lines.size())
        throw Diagnostic(errors::inconsistent, "point " + std::to_string(i) + " of gadget " +
                                                   std::to_string(g) +
                                                   " lies on none of its data lines");
      data_points.push_back({where, g, line, a.lanes.lane_of(where)});
    }
  }
  for (const auto& c : meta.constraint_points) a.constraint_points.push_back(c.point);
  return a;
}

void require_sound_layout(const layout::Arrangement& arrangement, std::size_t hidden_neurons,
                          const std::string& name) {
  const auto violations = layout::find_violations(arrangement, hidden_neurons, 1);
  if (!violations.empty())
    throw Diagnostic(
        errors::unsound_layout, SourceLocation{name},
        "the meta does not describe a sound layout: check " + layout::to_string(violations[0]));
}

}  // namespace etr2nn::dataset
