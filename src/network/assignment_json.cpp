#include "network/assignment_json.hpp"

#include <algorithm>
#include <fstream>

#include "numeric/real_json.hpp"

namespace etr2nn::network {

NamedValues named_values_from_json(const nlohmann::json& json) {
  if (!json.is_object())
    throw AssignmentFormatError("an assignment is a JSON object {\"name\": \"value\", ...}");
  NamedValues values;
  try {
    for (const auto& [name, value] : json.items())
      values.emplace(name, numeric::real_from_json(value, name));
  } catch (const numeric::JsonFormatError& e) {
    throw AssignmentFormatError(e.what());
  }
  return values;
}

NamedValues read_named_values(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw AssignmentFormatError(path + ": cannot open the assignment file");
  try {
    return named_values_from_json(nlohmann::json::parse(in));
  } catch (const nlohmann::json::parse_error& e) {
    throw AssignmentFormatError(path + ": invalid JSON: " + e.what());
  } catch (const AssignmentFormatError& e) {
    throw AssignmentFormatError(path + ": " + e.what());
  }
}

etrinv::Assignment assignment_for(const etrinv::Instance& instance, const NamedValues& values) {
  etrinv::Assignment out;
  out.reserve(instance.variables.size());
  for (const auto& name : instance.variables) {
    auto it = values.find(name);
    if (it == values.end())
      throw AssignmentFormatError("the assignment gives no value for variable " + name);
    out.push_back(it->second);
  }
  for (const auto& [name, value] : values)
    if (std::find(instance.variables.begin(), instance.variables.end(), name) ==
        instance.variables.end())
      throw AssignmentFormatError("the assignment names " + name +
                                  ", which is not a variable of the instance");
  return out;
}

nlohmann::ordered_json assignment_to_json(const etrinv::Instance& instance,
                                          const etrinv::Assignment& values) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < instance.variables.size(); ++i)
    out[instance.variables[i]] = numeric::real_to_json(values.at(i));
  return out;
}

}  // namespace etr2nn::network
