#include "json_io/real.hpp"

#include "numeric/rational.hpp"
#include "numeric/sturm.hpp"
#include "numeric/work_limit.hpp"

namespace etr2nn::json_io {

AlgebraicForm algebraic_form_from_json(const Value& value) {
  const auto members = value.members();
  if (members.size() != 2 || !value.find("root_of") || !value.find("in"))
    value.fail(errors::wrong_type,
               "an algebraic number needs exactly the keys \"root_of\" and \"in\"");
  const Value poly = value.at("root_of");
  const Value in = value.at("in");
  if (!poly.raw().is_array() || poly.raw().size() < 2)
    poly.fail(errors::wrong_type,
              "expected an array of at least 2 integer coefficients (degree 0 first)");
  // Before any arithmetic: root isolation costs grow steeply with the degree
  // (a degree-5000 root_of kept verify busy past 60 s).
  const std::size_t degree_written = poly.raw().size() - 1;
  if (degree_written > numeric::max_degree())
    poly.fail(errors::limit, "polynomial of degree " + std::to_string(degree_written) +
                                 " exceeds the limit " + std::to_string(numeric::max_degree()) +
                                 " (--max-degree; docs/limits.md)");
  AlgebraicForm form;
  for (const Value& c : poly.array()) {
    const mpq_class q = c.rational();
    if (q.get_den() != 1) c.fail(errors::bad_number, "coefficients must be integers");
    form.coefficients.push_back(q.get_num());
  }
  const auto interval = in.array(2, "[lower, upper] of an open isolating interval");
  form.lower = interval[0].rational();
  form.upper = interval[1].rational();
  const numeric::Polynomial p(form.coefficients.begin(), form.coefficients.end());
  if (numeric::degree(p) < 1)
    value.fail(errors::bad_number, "not an isolated root: the polynomial is constant");
  if (form.lower >= form.upper)
    value.fail(errors::bad_number, "not an isolated root: empty isolating interval");
  if (const unsigned n = numeric::count_roots(p, form.lower, form.upper); n != 1)
    value.fail(errors::bad_number, std::string("not an isolated root: ") +
                                       (n == 0 ? "the polynomial has no root in the interval"
                                               : "the interval holds more than one root"));
  return form;
}

nlohmann::ordered_json real_to_json(const Real& value) {
  if (value.is_rational()) return numeric::to_string(value.rational());
  AlgebraicForm form = value.algebraic_form();
  nlohmann::ordered_json poly = nlohmann::ordered_json::array();
  for (const auto& c : form.coefficients) poly.push_back(c.get_str());
  return {{"root_of", poly},
          {"in", {numeric::to_string(form.lower), numeric::to_string(form.upper)}}};
}

Real real_from_json(const Value& value) {
  if (value.raw().is_object()) return Real::from_algebraic_form(algebraic_form_from_json(value));
  if (value.raw().is_string() || value.raw().is_number()) return Real(value.rational());
  value.fail(errors::wrong_type,
             "expected an exact real: a string \"p/q\" or {\"root_of\": [...], \"in\": [lo, hi]}");
}

}  // namespace etr2nn::json_io
