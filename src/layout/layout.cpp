#include "layout/detail/layout.hpp"

#include <algorithm>
#include <stdexcept>

namespace etr2nn::layout {
namespace {

using geometry::Normal;
using geometry::Point;
using geometry::Strip;

// Family indices into Arrangement::families.
enum FamilyIndex : std::size_t { C = 0, V = 1, P = 2, M = 3 };

// Which family each line of a constraint point kind goes to (the kind's line
// order: add X, Y, Z; inv and one D, Y, X). Chosen so that every family uses
// few measuring lines: V only t = 5, P only t = 3, M t = 5 or 8; the spread of
// ε inside a family is then at most 3, and the column pitch 45 exceeds
// 2·19 + 2·3 (check N5).
const std::size_t add_families[3] = {V, M, P};
const std::size_t inv_families[3] = {P, V, M};

mpq_class ceil(const mpq_class& q) {
  mpz_class z;
  mpz_cdiv_q(z.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
  return mpq_class(z);
}

class Builder {
 public:
  Builder(const etrinv::Instance& instance, const Options& options) : options_(options) {
    a_.instance = instance;
    a_.parameters = options.parameters;
  }

  Arrangement run() {
    validate();
    compute_parameters();
    a_.families = families(a_.parameters);
    a_.lanes = lanes(a_.parameters);
    reserve();
    for (etrinv::VariableIndex v = 0; v < a_.instance.variables.size(); ++v) place_canonical(v);
    const std::size_t columns = a_.instance.constraints.size();
    for (std::size_t c = 0; c < columns; ++c) {
      if (options_.progress && c % 256 == 0) options_.progress(c, columns);
      place_column(c);
    }
    if (options_.progress) options_.progress(columns, columns);
    return std::move(a_);
  }

 private:
  Parameters& p() { return a_.parameters; }

  void validate() const {
    const Parameters& q = a_.parameters;
    const mpq_class w = gadgets::strip_width;
    // N5 needs pitch > 2·19 + 2·(spread of ε): 0 for C, 3 for the fresh families.
    if (q.canonical_pitch <= 2 * w)
      throw std::invalid_argument("layout: the canonical pitch must exceed 38");
    if (q.column_pitch <= 2 * w + 6)
      throw std::invalid_argument("layout: the column pitch must exceed 44");
    if (q.lane_spacing <= 0) throw std::invalid_argument("layout: lane spacing must be positive");
    if (q.margin <= 0) throw std::invalid_argument("layout: the margin must be positive");
    for (const auto& c : a_.instance.constraints)
      for (std::size_t i = 0; i < c.arity(); ++i)
        if (c.vars[i] >= a_.instance.variables.size())
          throw std::invalid_argument("layout: constraint names an unknown variable");
  }

  // H, B, D and a (see layout.hpp): the lanes cross the stack left of every
  // column, so along them the family regions are M < C < P < V with gaps
  // larger than each region.
  void compute_parameters() {
    const std::size_t nv = a_.instance.variables.size(), nc = a_.instance.constraints.size();
    const mpq_class w = gadgets::strip_width;
    p().stack_height = p().canonical_pitch * index_of(nv == 0 ? 0 : nv - 1) + w;
    p().column_span = p().column_pitch * index_of(nc == 0 ? 0 : nc - 1);
    p().drop = p().column_span + p().margin;
    const mpq_class three_h = 3 * p().stack_height;
    p().lane_shift = std::max<mpq_class>(three_h, ceil(three_h / 2) + p().column_span) + p().margin;
  }

  static mpq_class index_of(std::size_t i) {
    return mpq_class(mpz_class(static_cast<unsigned long>(progression_free_index(i))));
  }

  // Exact sizes up front: growing the vectors would copy their rationals.
  // The data points are not stored: Arrangement::data_points generates them.
  void reserve() {
    std::size_t gadgets = a_.instance.variables.size(), links = 0;
    for (const auto& c : a_.instance.constraints)
      for (const auto& line : constraint_point_kind(c).lines) {
        ++gadgets;
        if (line.kind == &gadgets::inversion_gadget()) ++links;
      }
    a_.gadgets.reserve(gadgets);
    a_.constraint_points.reserve(a_.instance.constraints.size() + links);
  }

  std::size_t add_gadget(const gadgets::GadgetKind& kind, std::size_t family, mpq_class offset,
                         std::uint64_t index, etrinv::VariableIndex variable, Gadget::Role role,
                         std::size_t constraint) {
    a_.gadgets.push_back(
        Gadget{&kind, Strip{a_.families[family].normal, std::move(offset), gadgets::strip_width},
               variable, role, constraint, family, index});
    return a_.gadgets.size() - 1;
  }

  void place_canonical(etrinv::VariableIndex v) {
    const std::uint64_t s = progression_free_index(v);
    const mpq_class offset = a_.families[C].origin + a_.families[C].pitch * index_of(v);
    a_.canonical.push_back(add_gadget(gadgets::inversion_gadget(), C, offset, s, v,
                                      Gadget::Role::Canonical, no_constraint));
  }

  // One column: the constraint's point, its fresh gadgets through it and the
  // copy links of the fresh I copies.
  void place_column(std::size_t c) {
    const auto& constraint = a_.instance.constraints[c];
    const gadgets::ConstraintPointKind* kind = &constraint_point_kind(constraint);
    const std::vector<etrinv::VariableIndex> vars = line_variables(constraint);
    const std::size_t* family_of =
        constraint.kind == etrinv::Constraint::Kind::Add ? add_families : inv_families;
    const std::uint64_t s = progression_free_index(c);
    const Point point{p().column_pitch * index_of(c), -p().drop};

    ConstraintPoint cp{kind, point, {}, c};
    cp.gadgets.reserve(kind->lines.size());
    for (std::size_t i = 0; i < kind->lines.size(); ++i) {
      const auto& line = kind->lines[i];
      const Normal n = a_.families[family_of[i]].normal;
      const auto role =
          line.kind == &gadgets::diagonal_gadget() ? Gadget::Role::Diagonal : Gadget::Role::Copy;
      // Offset so that t(point) = line.position.
      cp.gadgets.push_back(add_gadget(*line.kind, family_of[i],
                                      geometry::level(n, point) - line.position, s, vars[i], role,
                                      c));
    }
    // Moved in, not copied: at 10^6 constraints the copies were millions of
    // small allocations. link() appends copy points, so the column's point
    // is found again by index.
    const std::size_t at = a_.constraint_points.size();
    a_.constraint_points.push_back(std::move(cp));
    for (std::size_t i = 0; i < kind->lines.size(); ++i) {
      const std::size_t g = a_.constraint_points[at].gadgets[i];
      if (a_.gadgets[g].role == Gadget::Role::Copy) link(g, kind->lines[i].position);
    }
  }

  // Ties fresh I copy g to its variable's canonical gadget with a copy point
  // (A at t = 5, B at t = 3). A point cannot lie on two lines of one gadget, so
  // a copy that meets the column's point on t = 3 links through its t = 5 line
  // (to the canonical t = 3 line), and one that uses t = 5 or 8 there links
  // through its t = 3 line (to the canonical t = 5 line).
  void link(std::size_t g, const mpq_class& used) {
    const auto& kind = gadgets::copy_point();
    const mpq_class& pos_a = kind.lines[0].position;  // 5
    const mpq_class& pos_b = kind.lines[1].position;  // 3
    const bool copy_is_a = used == pos_b;
    const std::size_t canonical = a_.canonical.at(a_.gadgets[g].variable);
    const Strip& fs = a_.gadgets[g].strip;
    const Strip& cs = a_.gadgets[canonical].strip;
    const mpq_class fresh_t = copy_is_a ? pos_a : pos_b;
    const mpq_class canonical_t = copy_is_a ? pos_b : pos_a;
    const Point where =
        geometry::intersection(fs.normal, fs.offset + fresh_t, cs.normal, cs.offset + canonical_t);
    std::vector<std::size_t> lines =
        copy_is_a ? std::vector<std::size_t>{g, canonical} : std::vector<std::size_t>{canonical, g};
    a_.constraint_points.push_back(ConstraintPoint{&kind, where, std::move(lines), no_constraint});
  }

  Options options_;
  Arrangement a_;
};

}  // namespace

std::uint64_t progression_free_index(std::uint64_t i) {
  std::uint64_t s = 0, power = 1;
  while (i != 0) {
    if (i & 1) {
      if (s > UINT64_MAX - power) throw std::overflow_error("progression_free_index: too large");
      s += power;
    }
    i >>= 1;
    if (i != 0) {
      if (power > UINT64_MAX / 3) throw std::overflow_error("progression_free_index: too large");
      power *= 3;
    }
  }
  return s;
}

bool is_progression_free_index(std::uint64_t s) {
  for (; s != 0; s /= 3)
    if (s % 3 == 2) return false;
  return true;
}

std::vector<Family> families(const Parameters& p) {
  return {Family{"C", {0, 1}, 0, p.canonical_pitch}, Family{"V", {1, 0}, 0, p.column_pitch},
          Family{"P", {1, 1}, -p.drop, p.column_pitch},
          Family{"M", {1, -1}, p.drop, p.column_pitch}};
}

Lanes lanes(const Parameters& p) {
  return Lanes{{-p.drop - p.lane_shift, 0}, {-p.lane_spacing, 0}, {1, 2}};
}

const gadgets::ConstraintPointKind& constraint_point_kind(const etrinv::Constraint& c) {
  switch (c.kind) {
    case etrinv::Constraint::Kind::One: return gadgets::one_point();
    case etrinv::Constraint::Kind::Add: return gadgets::add_point();
    case etrinv::Constraint::Kind::Inv: return gadgets::inv_point();
  }
  throw std::logic_error("layout: unknown constraint kind");
}

std::vector<etrinv::VariableIndex> line_variables(const etrinv::Constraint& c) {
  switch (c.kind) {
    case etrinv::Constraint::Kind::One:
      return {c.vars[0], c.vars[0], c.vars[0]};  // D, I_Y, I_X with Y = X
    case etrinv::Constraint::Kind::Add: return {c.vars[0], c.vars[1], c.vars[2]};  // I_X, I_Y, I_Z
    case etrinv::Constraint::Kind::Inv:
      return {c.vars[1], c.vars[1], c.vars[0]};  // D (slope of Y), I_Y, I_X
  }
  throw std::logic_error("layout: unknown constraint kind");
}

Arrangement layout(const etrinv::Instance& instance, const Options& options) {
  return Builder(instance, options).run();
}

}  // namespace etr2nn::layout
