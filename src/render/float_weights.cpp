#include "render/detail/float_weights.hpp"

#include <gmpxx.h>

#include "numeric/rational.hpp"

namespace etr2nn::render {
namespace {

void convert(nlohmann::json& j, std::size_t& converted) {
  if (j.is_number_float()) {
    // mpq_class(double) is exact: a double is a dyadic rational. Infinities
    // and NaN cannot occur: the JSON reader does not produce them.
    j = numeric::to_string(mpq_class(j.get<double>()));
    ++converted;
  } else if (j.is_array() || j.is_object()) {
    for (auto& element : j) convert(element, converted);
  }
}

}  // namespace

nlohmann::json exact_float_weights(nlohmann::json document, std::size_t& converted) {
  converted = 0;
  if (!document.is_object()) return document;
  for (const char* key : {"c", "neurons"})
    if (auto it = document.find(key); it != document.end()) convert(*it, converted);
  return document;
}

}  // namespace etr2nn::render
