#include "dataset/detail/meta.hpp"

#include <stdexcept>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::dataset {

layout::Arrangement arrangement_of(const Dataset& dataset) {
  if (!dataset.meta)
    throw Diagnostic(errors::missing_meta,
                     "the dataset has no meta: it was not made by etr2nn compile");
  const Meta& meta = *dataset.meta;
  layout::Arrangement a;
  a.instance = meta.instance;
  a.parameters = meta.parameters;
  a.lanes = meta.lanes;
  a.families = meta.families;
  a.canonical = meta.canonical;
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

}  // namespace etr2nn::dataset
