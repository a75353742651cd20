#include "layout/layout.hpp"

#include <algorithm>
#include <stdexcept>

namespace etr2nn::layout {
namespace {

using geometry::Normal;
using geometry::Point;
using geometry::Strip;

// The fresh directions of a column, one per line of the constraint point kind.
// Pairwise non-parallel and none parallel to the canonical (0,1).
const Normal fresh_normals[3] = {{1, 0}, {1, 1}, {1, -1}};
const Normal canonical_normal{0, 1};

// The largest measuring-line position any fresh gadget uses at a column's
// point (t = 8 of the I gadget); bounds how far its strip reaches sideways.
const mpq_class max_position{8};

class Builder {
 public:
  Builder(const etrinv::Instance& instance, const Options& options)
      : options_(options), width_(gadgets::strip_width) {
    a_.instance = instance;
    a_.parameters = options.parameters;
    a_.points_per_line = options.points_per_line;
  }

  Arrangement run() {
    validate();
    compute_spacing();
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
  const Parameters& p() const { return a_.parameters; }

  void validate() const {
    if (options_.points_per_line == 0)
      throw std::invalid_argument("layout: points per line must be at least 1");
    // Canonical strips must not touch, constraint points must sit below the
    // stack with room for the diagonal strips to move away from the column,
    // and fresh home points must lie where the column's strips have separated.
    if (p().period <= width_) throw std::invalid_argument("layout: period must exceed 19");
    if (p().drop < 60) throw std::invalid_argument("layout: drop must be at least 60");
    if (p().home_depth <= 2 * width_)
      throw std::invalid_argument("layout: home depth must exceed 38");
    if (p().home_spacing <= 0) throw std::invalid_argument("layout: home spacing must be positive");
    for (const auto& c : a_.instance.constraints)
      for (std::size_t i = 0; i < c.arity(); ++i)
        if (c.vars[i] >= a_.instance.variables.size())
          throw std::invalid_argument("layout: constraint names an unknown variable");
  }

  // Everything a column owns within the heights where any point lives,
  // [-drop - home extent, stack top], lies within `reach_` of x_c: its
  // vertical strip within [-8, 19], its diagonals at distance h + 19 at height
  // h above or below its point. Columns 2 * reach_ + margin apart never meet.
  void compute_spacing() {
    const std::size_t n = a_.instance.variables.size();
    stack_top_ = n == 0 ? mpq_class(0) : p().period * mpq_class(n - 1) + width_;
    const mpq_class home_extent =
        p().home_depth + p().home_spacing * (options_.points_per_line - 1);
    reach_ = std::max(mpq_class(p().drop + stack_top_), home_extent) + width_ + max_position + 1;
    a_.parameters.column_spacing = 2 * reach_ + 20;
  }

  // Exact sizes up front: the data points are most of the memory, and
  // growing the vector would copy millions of rationals.
  void reserve() {
    std::size_t gadgets = a_.instance.variables.size(), points = 0, links = 0;
    points += gadgets * gadgets::inversion_gadget().data_lines().size();
    for (const auto& c : a_.instance.constraints) {
      for (const auto& line : constraint_point_kind(c).lines) {
        ++gadgets;
        points += line.kind->data_lines().size();
        if (line.kind == &gadgets::inversion_gadget()) ++links;
      }
    }
    a_.gadgets.reserve(gadgets);
    a_.data_points.reserve(points * options_.points_per_line);
    a_.constraint_points.reserve(a_.instance.constraints.size() + links);
  }

  std::size_t add_gadget(const gadgets::GadgetKind& kind, Normal n, mpq_class offset,
                         etrinv::VariableIndex variable, Gadget::Role role,
                         std::size_t constraint) {
    a_.gadgets.push_back(
        Gadget{&kind, Strip{n, std::move(offset), width_}, variable, role, constraint});
    return a_.gadgets.size() - 1;
  }

  void place_canonical(etrinv::VariableIndex v) {
    const std::size_t g =
        add_gadget(gadgets::inversion_gadget(), canonical_normal, p().period * mpq_class(v), v,
                   Gadget::Role::Canonical, no_constraint);
    a_.canonical.push_back(g);
    // Far left of every column: column 0's reach ends at -reach_.
    const mpq_class right = -reach_ - 20;
    const auto& lines = gadgets::inversion_gadget().data_lines();
    for (std::size_t l = 0; l < lines.size(); ++l) {
      const mpq_class y = a_.gadgets[g].strip.offset + lines[l].position;
      for (unsigned j = 0; j < options_.points_per_line; ++j)
        a_.data_points.push_back({Point{right - p().home_spacing * j, y}, g, l});
    }
  }

  // One column: the constraint's point, its fresh gadgets through it, their
  // home points below it, and the copy links of the fresh I copies.
  void place_column(std::size_t c) {
    const auto& constraint = a_.instance.constraints[c];
    const gadgets::ConstraintPointKind* kind = &constraint_point_kind(constraint);
    const std::vector<etrinv::VariableIndex> vars = line_variables(constraint);
    const mpq_class x_c = a_.parameters.column_spacing * mpq_class(c);
    const Point point{x_c, -p().drop};

    ConstraintPoint cp{kind, point, {}, c};
    std::vector<std::size_t> fresh;
    for (std::size_t i = 0; i < kind->lines.size(); ++i) {
      const auto& line = kind->lines[i];
      const Normal n = fresh_normals[i];
      const auto role =
          line.kind == &gadgets::diagonal_gadget() ? Gadget::Role::Diagonal : Gadget::Role::Copy;
      // Offset so that t(point) = line.position.
      const std::size_t g =
          add_gadget(*line.kind, n, geometry::level(n, point) - line.position, vars[i], role, c);
      cp.gadgets.push_back(g);
      fresh.push_back(g);
      place_fresh_home(g);
    }
    a_.constraint_points.push_back(std::move(cp));
    for (std::size_t i = 0; i < fresh.size(); ++i)
      if (a_.gadgets[fresh[i]].role == Gadget::Role::Copy) link(fresh[i], kind->lines[i].position);
  }

  // Data points of a fresh gadget: on each data line, at depths home_depth,
  // home_depth + spacing, ... below the column's point.
  void place_fresh_home(std::size_t g) {
    const Strip& s = a_.gadgets[g].strip;
    const auto& lines = a_.gadgets[g].kind->data_lines();
    for (std::size_t l = 0; l < lines.size(); ++l)
      for (unsigned j = 0; j < options_.points_per_line; ++j) {
        const mpq_class y = -p().drop - p().home_depth - p().home_spacing * j;
        // n.a * x + n.b * y = offset + t, and n.a = 1 for every fresh normal.
        mpq_class x = s.offset + lines[l].position;
        geometry::add_multiple(x, -s.normal.b, y);
        if (s.normal.a != 1) x /= s.normal.a;
        a_.data_points.push_back({Point{x, y}, g, l});
      }
  }

  // Ties fresh I copy g to its variable's canonical gadget: a copy point
  // (A at t = 5, B at t = 3) where a measuring line of the copy other than
  // `used` (the one through the column's point) crosses the canonical gadget's
  // other measuring line. A point cannot lie on two lines of one gadget, so a
  // copy read at t = 5 links through its t = 3 line and vice versa.
  void link(std::size_t g, const mpq_class& used) {
    const auto& kind = gadgets::copy_point();
    const mpq_class& pos_a = kind.lines[0].position;  // 5
    const mpq_class& pos_b = kind.lines[1].position;  // 3
    const bool copy_is_a = used != pos_a;
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
  mpq_class width_;
  mpq_class stack_top_;
  mpq_class reach_;
  Arrangement a_;
};

}  // namespace

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
