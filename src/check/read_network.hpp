// Reading a network file (docs/network-format.md) for the checker.
//
// Read: "format" = "etr2nn-network", "version" 1 (optional), "c", "neurons"
// (each {"a", "b", "v"}), "hidden_neurons" (optional, must equal the number
// of neurons) and "field" (optional: the number field the algebraic weights
// share, numeric/field_json.hpp). "exact", "approx" copies and "meta" are not
// read: floats never decide anything here.
//
// Errors are etr::Diagnostic naming the file and the JSON path
// ("neurons[4].v[1]: ..."); a root_of of too high a degree is a
// numeric::LimitError (the CLI's exit 2), as everywhere in etr2nn.
#pragma once

#include <istream>
#include <string>

#include "check/model.hpp"

namespace etr2nn::check {

Network read_network(std::istream& in, const std::string& name);
Network read_network(const std::string& path);

}  // namespace etr2nn::check
