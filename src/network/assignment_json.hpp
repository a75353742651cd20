// Assignment files (etr2nn witness --assign, the output of decode):
// one JSON object mapping each variable name to an exact real
// (numeric/real_json.hpp), e.g.
//
//     {"x": "1", "y": "1/2", "z": {"root_of": ["-2", "0", "1"], "in": ["1", "2"]}}
//
// The names are the ETR-INV instance's variable names; for an ETR-INV-shaped
// formula those are the formula's own variables.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "etrinv/instance.hpp"

namespace etr2nn::network {

struct AssignmentFormatError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using NamedValues = std::map<std::string, numeric::Real>;

// Throws AssignmentFormatError (file, JSON syntax, or a bad value, naming it).
NamedValues named_values_from_json(const nlohmann::json& json);
NamedValues read_named_values(const std::string& path);

// The instance's assignment: every instance variable must be named, and no
// unknown name may appear (a typo would otherwise go unnoticed).
etrinv::Assignment assignment_for(const etrinv::Instance& instance, const NamedValues& values);

// In the instance's variable order.
nlohmann::ordered_json assignment_to_json(const etrinv::Instance& instance,
                                          const etrinv::Assignment& values);

}  // namespace etr2nn::network
