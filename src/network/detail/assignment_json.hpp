// Assignment files (etr2nn witness --assign, the output of decode):
// one JSON object mapping each variable name to an exact real
// (json_io/real.hpp), e.g.
//
//     {"x": "1", "y": "1/2", "z": {"root_of": ["-2", "0", "1"], "in": ["1", "2"]}}
//
// The names are the ETR-INV instance's variable names; for an ETR-INV-shaped
// formula those are the formula's own variables.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "etrinv/etrinv.hpp"

namespace etr2nn::network {

using NamedValues = std::map<std::string, numeric::Real>;

// Throws a Diagnostic (file-unreadable, json-syntax, or a bad value naming
// its path); `file` names the file in it.
NamedValues named_values_from_json(const nlohmann::json& json, const std::string& file);
NamedValues read_named_values(const std::string& path);

// The instance's assignment: every instance variable must be named, and no
// unknown name may appear (a typo would otherwise go unnoticed): else an
// assignment-mismatch Diagnostic.
etrinv::Assignment assignment_for(const etrinv::Instance& instance, const NamedValues& values);

// In the instance's variable order.
nlohmann::ordered_json assignment_to_json(const etrinv::Instance& instance,
                                          const etrinv::Assignment& values);

}  // namespace etr2nn::network
