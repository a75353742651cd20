#include "dataset/detail/json_meta.hpp"

#include "numeric/rational.hpp"

namespace etr2nn::dataset::json_meta {

json rational(const mpq_class& q) {
  return numeric::to_string(q);
}

json label(const gadgets::Label& l) {
  return json::array({rational(l.out1), rational(l.out2)});
}

std::string role_name(layout::Gadget::Role role) {
  switch (role) {
    case layout::Gadget::Role::Canonical: return "canonical";
    case layout::Gadget::Role::Copy: return "copy";
    case layout::Gadget::Role::Diagonal: return "diagonal";
  }
  return "?";
}

std::string constraint_kind_name(etrinv::Constraint::Kind kind) {
  switch (kind) {
    case etrinv::Constraint::Kind::One: return "one";
    case etrinv::Constraint::Kind::Add: return "add";
    case etrinv::Constraint::Kind::Inv: return "inv";
  }
  return "?";
}

json constraint(const etrinv::Instance& instance, const etrinv::Constraint& c) {
  json vars = json::array();
  for (std::size_t i = 0; i < c.arity(); ++i) vars.push_back(c.vars[i]);
  return {{"kind", constraint_kind_name(c.kind)},
          {"variables", vars},
          {"text", etrinv::describe(instance, c)}};
}

json gadget(const layout::Gadget& g, std::size_t first_point, std::size_t end_point,
            const std::vector<layout::Family>& families) {
  return {
      {"kind", g.kind->name()},
      {"family", families.at(g.family).name},
      {"index", g.index},
      {"role", role_name(g.role)},
      {"variable", g.variable},
      {"constraint", g.constraint == layout::no_constraint ? json(nullptr) : json(g.constraint)},
      {"normal", json::array({g.strip.normal.a, g.strip.normal.b})},
      {"offset", rational(g.strip.offset)},
      {"width", rational(g.strip.width)},
      {"points", json::array({first_point, end_point})}};
}

json gadget(const GadgetRecord& r, const Meta& meta) {
  return gadget(r.gadget, r.first_point, r.end_point, meta.families);
}

json constraint_point(const ConstraintPointRecord& r, const Meta& meta) {
  return constraint_point(r.point, r.index,
                          [&](std::size_t g) { return meta.gadgets.at(g).gadget.variable; });
}

json point(const geometry::Point& p) {
  return json::array({rational(p.x), rational(p.y)});
}

json layout(const Meta& meta) {
  return layout(meta.parameters, meta.lanes, meta.families);
}

json layout(const layout::Parameters& p, const layout::Lanes& l,
            const std::vector<layout::Family>& family_list) {
  json families = json::array();
  for (const auto& f : family_list)
    families.push_back({{"name", f.name},
                        {"normal", json::array({f.normal.a, f.normal.b})},
                        {"origin", rational(f.origin)},
                        {"pitch", rational(f.pitch)}});
  return {{"scheme", "counting-lines"},
          {"lanes",
           {{"count", layout::lane_count},
            {"base", point(l.base)},
            {"spacing", point(l.spacing)},
            {"direction", json::array({l.direction.a, l.direction.b})}}},
          {"families", families},
          {"canonical_pitch", rational(p.canonical_pitch)},
          {"column_pitch", rational(p.column_pitch)},
          {"lane_spacing", rational(p.lane_spacing)},
          {"margin", rational(p.margin)},
          {"stack_height", rational(p.stack_height)},
          {"column_span", rational(p.column_span)},
          {"drop", rational(p.drop)},
          {"lane_shift", rational(p.lane_shift)}};
}

json statistics(const Statistics& s) {
  return {{"points", s.points},
          {"data_points", s.data_points},
          {"constraint_points", s.constraint_points},
          {"neurons", s.neurons},
          {"labels", s.labels},
          {"gadgets", s.gadgets_by_kind},
          {"constraint_points_by_kind", s.constraint_points_by_kind},
          {"points_per_neuron", rational(s.points_per_neuron)},
          {"points_per_neuron_float", numeric::to_double(s.points_per_neuron)}};
}

}  // namespace etr2nn::dataset::json_meta
