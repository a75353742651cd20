#include "json_io/field.hpp"

#include <optional>

#include "json_io/real.hpp"
#include "numeric/number_field.hpp"
#include "numeric/rational.hpp"

namespace etr2nn::json_io {
namespace {

using numeric::AlgebraicForm;
using numeric::degree;
using numeric::Interval;
using numeric::primitive_integer_form;
using numeric::to_string;
using numeric::value_of;

nlohmann::ordered_json rationals_to_json(const std::vector<mpq_class>& x) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& c : x) out.push_back(to_string(c));
  return out;
}

}  // namespace

const NumberField* common_field(const std::vector<const Real*>& values) {
  // The anchor: a field whose base has the largest degree, since values with
  // quadratic bases can move into any chain, and values of a cubic base into
  // a compositum made with it (a base of degree 9 for ∛2 and ∛3).
  std::optional<Real> anchor;
  auto base_degree = [](const NumberField* f) { return degree(f->base_field().base_polynomial()); };
  for (const Real* v : values) {
    if (v->is_rational()) continue;
    const NumberField* f = v->field();
    if (!f) return nullptr;  // a z3 numeral: no field to state
    if (!anchor || base_degree(f) > base_degree(anchor->field())) anchor = *v;
  }
  if (!anchor) return nullptr;
  // Values of two bases that no operation has joined yet (the weights of x
  // in Q(∛2) and of y in Q(∛3)): one sum makes their compositum, a chain
  // both move into, and the search starts again from it. Each join raises
  // the anchor's degree, so this ends.
  for (;;) {
    const NumberField* top = anchor->field();
    const Real* apart = nullptr;
    for (const Real* v : values) {
      if (v->is_rational()) continue;
      const Real moved = v->in_chain_of(*anchor->field());
      const NumberField* f = moved.field();
      if (!f) continue;  // rational after all
      if (&f->base_field() != &anchor->field()->base_field()) {
        apart = v;
        break;
      }
      if (f->contains(*top)) top = f;
    }
    if (!apart) return top;
    const Real joined = *anchor + *apart;
    if (!joined.field() || base_degree(joined.field()) <= base_degree(anchor->field()))
      return nullptr;  // two fields that stay apart (a z3 numeral)
    anchor = joined;
  }
}

nlohmann::ordered_json field_to_json(const NumberField& field) {
  const std::vector<const NumberField*> tower = field.tower();
  const NumberField& base = *tower.front();
  const Interval theta = base.base_interval();
  AlgebraicForm form{primitive_integer_form(base.base_polynomial()), theta.lo, theta.hi};
  if (theta.lo == theta.hi) {  // θ turned out rational: any interval around it isolates
    form.lower -= 1;
    form.upper += 1;
  }
  nlohmann::ordered_json roots = nlohmann::ordered_json::array();
  for (std::size_t i = 1; i < tower.size(); ++i)
    roots.push_back(rationals_to_json(tower[i]->radicand()));
  nlohmann::ordered_json theta_json = {{"root_of", nlohmann::ordered_json::array()},
                                       {"in", {to_string(form.lower), to_string(form.upper)}}};
  for (const auto& c : form.coefficients) theta_json["root_of"].push_back(c.get_str());
  return {{"theta", theta_json}, {"square_roots", roots}};
}

nlohmann::ordered_json coordinates_to_json(const NumberField& field, const Real& value) {
  const Real moved = value.in_chain_of(field);
  if (moved.is_rational()) return rationals_to_json(field.constant(moved.rational()));
  return rationals_to_json(field.embed(*moved.field(), moved.coordinates()));
}

FieldReader::FieldReader(const Value& description) {
  description.object();
  if (!description.find("theta") || !description.find("square_roots"))
    description.fail(errors::missing_key, "a field needs the keys \"theta\" and \"square_roots\"");
  const Value theta = description.at("theta");
  if (!theta.raw().is_object())
    theta.fail(errors::wrong_type, "expected {\"root_of\": [...], \"in\": [lo, hi]}");
  generators_.push_back(real_from_json(theta));
  const Value roots = description.at("square_roots");
  for (const Value& root : roots.array({}, "an array of coordinate arrays")) {
    const Real r = value(root);
    if (r.sign() <= 0)
      root.fail(errors::bad_number, "a square root of a value that is not positive");
    generators_.push_back(Real::root(r, 2));
  }
}

Real FieldReader::value(const Value& coordinates) const {
  // Coordinates of the field below the one being built: height = known roots.
  const std::size_t height = generators_.size() - 1;
  const auto elements = coordinates.array({}, "an array of rational coordinates");
  const std::size_t blocks = std::size_t(1) << height;
  if (elements.empty() || elements.size() % blocks != 0)
    coordinates.fail(errors::wrong_type, "expected a multiple of " + std::to_string(blocks) +
                                             " coordinates, got " +
                                             std::to_string(elements.size()));
  NumberField::Coordinates x;
  for (const Value& c : elements) x.push_back(c.rational());
  return value_of(x, generators_);
}

Real real_from_json(const Value& value, const FieldReader* reader) {
  const auto coordinates = value.raw().is_object() ? value.find("field") : std::nullopt;
  if (!coordinates) return real_from_json(value);
  if (!reader) coordinates->fail(errors::inconsistent, "coordinates, but the file states no field");
  nlohmann::json self_contained = value.raw();
  self_contained.erase("field");
  const AlgebraicForm form =
      algebraic_form_from_json(Value(self_contained, value.file(), value.path()));
  const Real x = reader->value(*coordinates);
  // Both forms name one number when x is a root of the polynomial inside the
  // interval, which holds only one root.
  Real p(0);
  for (std::size_t i = form.coefficients.size(); i-- > 0;)
    p = p * x + Real(mpq_class(form.coefficients[i]));
  if (p.sign() != 0 || x <= Real(form.lower) || x >= Real(form.upper))
    value.fail(errors::inconsistent,
               "its field coordinates and its root_of form are different numbers");
  return x;
}

}  // namespace etr2nn::json_io
