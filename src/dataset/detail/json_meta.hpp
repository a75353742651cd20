// The JSON form of a dataset's meta, one piece at a time, shared by the writer
// (which streams the pieces) and the reader (which checks them).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dataset/detail/dataset.hpp"

namespace etr2nn::dataset::json_meta {

using nlohmann::json;

json rational(const mpq_class& q);        // "p/q" or "p"
json label(const gadgets::Label& label);  // ["a", "b"]

std::string role_name(layout::Gadget::Role role);
std::string constraint_kind_name(etrinv::Constraint::Kind kind);

json constraint(const etrinv::Instance& instance, const etrinv::Constraint& c);
// A gadget whose data points are points[first_point, end_point); "family"
// is the name of its family in `families`. The pieces are taken one by one
// rather than as a GadgetRecord so that the writer can pass an
// arrangement's gadgets without copying them into a Meta.
json gadget(const layout::Gadget& gadget, std::size_t first_point, std::size_t end_point,
            const std::vector<layout::Family>& families);
json gadget(const GadgetRecord& record, const Meta& meta);
// The constraint point that is points[index]; "variables": the variable of
// each line's gadget, variable_of(gadget index).
template <class VariableOf>
json constraint_point(const layout::ConstraintPoint& point, std::size_t index,
                      VariableOf variable_of);
json constraint_point(const ConstraintPointRecord& record, const Meta& meta);
// "layout": the scheme's name, its parameters, the lanes and the families:
// everything the checks N1–N7 need besides the gadgets and the points.
json layout(const layout::Parameters& parameters, const layout::Lanes& lanes,
            const std::vector<layout::Family>& families);
json layout(const Meta& meta);
json statistics(const Statistics& statistics);

template <class VariableOf>
json constraint_point(const layout::ConstraintPoint& c, std::size_t index, VariableOf variable_of) {
  json lines = json::array(), variables = json::array();
  for (const auto& l : c.kind->lines) lines.push_back(rational(l.position));
  for (std::size_t g : c.gadgets) variables.push_back(variable_of(g));
  return {
      {"kind", c.kind->name},
      {"constraint", c.constraint == layout::no_constraint ? json(nullptr) : json(c.constraint)},
      {"gadgets", c.gadgets},
      {"variables", variables},
      {"lines", lines},
      {"point", index}};
}

}  // namespace etr2nn::dataset::json_meta
