#include "numeric/real_json.hpp"

#include <atomic>

#include "numeric/rational.hpp"
#include "numeric/sturm.hpp"
#include "numeric/work_limit.hpp"

namespace etr2nn::numeric {
namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw JsonFormatError(where + ": " + what);
}

mpq_class rational_from_string(const nlohmann::json& value, const std::string& where) {
  if (!value.is_string()) fail(where, "expected a rational as a string \"p/q\"");
  auto q = parse_rational(value.get<std::string>());
  if (!q)
    fail(where, "'" + value.get<std::string>() + "' is not a rational \"p\", \"p/q\" or decimal");
  return *q;
}

std::atomic<std::size_t> degree_ceiling{default_max_degree};

}  // namespace

std::size_t max_degree() {
  return degree_ceiling.load();
}

void set_max_degree(std::size_t degree) {
  degree_ceiling.store(degree);
}

AlgebraicForm algebraic_form_from_json(const nlohmann::json& value, const std::string& where) {
  if (!value.contains("root_of") || !value.contains("in") || value.size() != 2)
    fail(where, "an algebraic number needs exactly the keys \"root_of\" and \"in\"");
  const auto& poly = value["root_of"];
  const auto& in = value["in"];
  if (!poly.is_array() || poly.size() < 2)
    fail(where + ".root_of",
         "expected an array of at least 2 integer coefficients (degree 0 first)");
  if (!in.is_array() || in.size() != 2)
    fail(where + ".in", "expected [lower, upper] of an open isolating interval");
  // Before any arithmetic: root isolation costs grow steeply with the degree
  // (a degree-5000 root_of kept verify busy past 60 s).
  if (poly.size() - 1 > max_degree())
    throw LimitError(where + ".root_of: polynomial of degree " + std::to_string(poly.size() - 1) +
                     " exceeds the limit " + std::to_string(max_degree()) +
                     " (--max-degree; docs/limits.md)");
  AlgebraicForm form;
  for (std::size_t i = 0; i < poly.size(); ++i) {
    std::string at = where + ".root_of[" + std::to_string(i) + "]";
    mpq_class c =
        poly[i].is_number_integer() ? mpq_class(poly[i].dump()) : rational_from_string(poly[i], at);
    if (c.get_den() != 1) fail(at, "coefficients must be integers");
    form.coefficients.push_back(c.get_num());
  }
  form.lower = rational_from_string(in[0], where + ".in[0]");
  form.upper = rational_from_string(in[1], where + ".in[1]");
  const Polynomial p(form.coefficients.begin(), form.coefficients.end());
  if (degree(p) < 1) fail(where, "not an isolated root: the polynomial is constant");
  if (form.lower >= form.upper) fail(where, "not an isolated root: empty isolating interval");
  if (const unsigned n = count_roots(p, form.lower, form.upper); n != 1)
    fail(where, std::string("not an isolated root: ") +
                    (n == 0 ? "the polynomial has no root in the interval"
                            : "the interval holds more than one root"));
  return form;
}

namespace {

Real algebraic_from_json(const nlohmann::json& value, const std::string& where) {
  return Real::from_algebraic_form(algebraic_form_from_json(value, where));
}

}  // namespace

nlohmann::ordered_json real_to_json(const Real& value) {
  if (value.is_rational()) return to_string(value.rational());
  AlgebraicForm form = value.algebraic_form();
  nlohmann::ordered_json poly = nlohmann::ordered_json::array();
  for (const auto& c : form.coefficients) poly.push_back(c.get_str());
  return {{"root_of", poly}, {"in", {to_string(form.lower), to_string(form.upper)}}};
}

Real real_from_json(const nlohmann::json& value, const std::string& where) {
  if (value.is_string()) return Real(rational_from_string(value, where));
  if (value.is_number_integer()) return Real(mpq_class(value.dump()));
  if (value.is_number_float())
    fail(where, "JSON floating-point number " + value.dump() +
                    " is not exact; write it as a string (\"0.1\", \"1/3\")");
  if (value.is_object()) return algebraic_from_json(value, where);
  fail(where, "expected an exact real: a string \"p/q\" or {\"root_of\": [...], \"in\": [lo, hi]}");
}

}  // namespace etr2nn::numeric
