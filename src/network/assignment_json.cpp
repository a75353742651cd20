#include "network/detail/assignment_json.hpp"

#include <string_view>
#include <unordered_set>

#include "json_io/real.hpp"
#include "json_io/value.hpp"

namespace etr2nn::network {

NamedValues named_values_from_json(const nlohmann::json& json, const std::string& file) {
  const json_io::Value root(json, file);
  if (!json.is_object())
    root.fail(errors::wrong_type, "an assignment is a JSON object {\"name\": \"value\", ...}");
  NamedValues values;
  for (const auto& [name, value] : root.members())
    values.emplace(name, json_io::real_from_json(value));
  return values;
}

NamedValues read_named_values(const std::string& path) {
  return named_values_from_json(json_io::parse_file(path, "the assignment file"), path);
}

etrinv::Assignment assignment_for(const etrinv::Instance& instance, const NamedValues& values) {
  etrinv::Assignment out;
  out.reserve(instance.variables.size());
  for (const auto& name : instance.variables) {
    auto it = values.find(name);
    if (it == values.end())
      throw Diagnostic(errors::assignment_mismatch,
                       "the assignment gives no value for variable " + name);
    out.push_back(it->second);
  }
  // A set, not a search per name: an instance of 10^6 variables made that
  // quadratic (hours for a planted 10^6-constraint witness).
  const std::unordered_set<std::string_view> known(instance.variables.begin(),
                                                   instance.variables.end());
  for (const auto& [name, value] : values)
    if (known.count(name) == 0)
      throw Diagnostic(
          errors::assignment_mismatch,
          "the assignment names " + name + ", which is not a variable of the instance");
  return out;
}

nlohmann::ordered_json assignment_to_json(const etrinv::Instance& instance,
                                          const etrinv::Assignment& values) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < instance.variables.size(); ++i)
    out[instance.variables[i]] = json_io::real_to_json(values.at(i));
  return out;
}

}  // namespace etr2nn::network
