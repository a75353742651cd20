// The JSON form of a dataset's meta, one piece at a time, shared by the writer
// (which streams the pieces) and the reader (which checks them).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "dataset/detail/dataset.hpp"

namespace etr2nn::dataset::json_meta {

using nlohmann::json;

json rational(const mpq_class& q);        // "p/q" or "p"
json label(const gadgets::Label& label);  // ["a", "b"]

std::string role_name(layout::Gadget::Role role);
std::string constraint_kind_name(etrinv::Constraint::Kind kind);

json constraint(const etrinv::Instance& instance, const etrinv::Constraint& c);
// "family" is the name of the record's family in `meta`.
json gadget(const GadgetRecord& record, const Meta& meta);
// "variables": the variable of each line's gadget, looked up in `meta`.
json constraint_point(const ConstraintPointRecord& record, const Meta& meta);
// "layout": the scheme's name, its parameters, the lanes and the families:
// everything the checks N1–N7 need besides the gadgets and the points.
json layout(const Meta& meta);
json statistics(const Statistics& statistics);

}  // namespace etr2nn::dataset::json_meta
