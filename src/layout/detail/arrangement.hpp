// The arrangement: gadgets and constraint points placed in the plane, exactly.
//
// Produced by layout (src/layout/layout.hpp) from an ETR-INV instance; consumed
// by the dataset emitter, the witness builder and the SVG renderer, and checked
// by src/layout/detail/invariants.hpp. docs/reduction.md describes the scheme and
// docs/soundness.md why it makes the hardness direction a proof.
//
// The counting-lines layout in one paragraph: every gadget's home (data)
// points lie on three common parallel, equally spaced lanes
// L_j = base + j·spacing + τ·direction, 13 per lane (one per data line). Strips
// come in four families of one normal each; inside a family the offsets are
// origin + pitch·index + ε with indices from a set free of 3-term arithmetic
// progressions, so no line can cross the three lanes in windows of different
// gadgets, and counting breakpoints per lane pins every neuron to one gadget.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "etrinv/etrinv.hpp"
#include "gadgets/registry.hpp"
#include "geometry/plane.hpp"

namespace etr2nn::layout {

inline constexpr std::size_t no_constraint = std::numeric_limits<std::size_t>::max();

// The proof needs exactly three equally spaced lanes: two fix no direction, and
// more would need an index set free of longer progressions.
inline constexpr unsigned lane_count = 3;

// A family of parallel strips: offset(g) = origin + pitch·index(g) + ε(g),
// where ε(g) is small (minus the measuring line the gadget is placed by).
struct Family {
  std::string name;  // "C" canonical, "V", "P", "M" fresh
  geometry::Normal normal;
  mpq_class origin;  // A_F
  mpq_class pitch;   // Q_F
  friend bool operator==(const Family&, const Family&) = default;
};

// The lanes L_j = base + j·spacing + τ·direction, j = 0, 1, 2. τ is measured in
// units of `direction` from each lane's own start, so a line crossing the
// three lanes does so at τ_0, τ_1, τ_2 with τ_1 = (τ_0 + τ_2) / 2.
struct Lanes {
  geometry::Point base;        // P_0
  geometry::Point spacing;     // w, a vector (not parallel to direction)
  geometry::Normal direction;  // d, an integer vector
  friend bool operator==(const Lanes&, const Lanes&) = default;

  geometry::Point start(unsigned lane) const;                     // P_j
  geometry::Point at(unsigned lane, const mpq_class& tau) const;  // P_j + τ·d
  // The lane j that p lies on ((p − P_0) × d = j·(w × d)), or lane_count when
  // p lies on none of the three.
  unsigned lane_of(const geometry::Point& p) const;
};

struct Gadget {
  const gadgets::GadgetKind* kind = nullptr;
  geometry::Strip strip;  // width = gadgets::strip_width
  // The ETR-INV variable whose value X sets the slope s = X + 1 of the witness
  // profile. For the D gadget of X * Y = 1 this is Y (s_D = Y + 1); for the D
  // gadget of X = 1 it is X.
  etrinv::VariableIndex variable = 0;
  enum class Role { Canonical, Copy, Diagonal } role = Role::Canonical;
  std::size_t constraint = no_constraint;  // the column's constraint, or none for canonical
  std::size_t family = 0;                  // index into Arrangement::families
  std::uint64_t index = 0;                 // s_g: base-3 digits all 0 or 1
};

struct ConstraintPoint {
  const gadgets::ConstraintPointKind* kind = nullptr;
  geometry::Point where;
  // gadgets[i] is the gadget of kind->lines[i]; the point lies on its measuring
  // line t = kind->lines[i].position.
  std::vector<std::size_t> gadgets;
  // The ETR-INV constraint it enforces, or no_constraint for a copy link.
  std::size_t constraint = no_constraint;
};

// A data point of gadget `gadget` on its data line number `line`
// (kind->data_lines()[line]) and on lane `lane`; its label is that line's label.
struct DataPoint {
  geometry::Point where;
  std::size_t gadget = 0;
  std::size_t line = 0;
  unsigned lane = 0;
};

// Every gadget kind has 13 data lines (gadgets/registry.hpp), so every gadget
// has 13·3 home points and the i-th data point is found by division.
inline constexpr std::size_t data_lines_per_gadget = 13;
inline constexpr std::size_t home_points_per_gadget = data_lines_per_gadget * lane_count;

struct Arrangement;

// The data points of an arrangement, as a read-only random-access sequence of
// DataPoint values. Normally they are generated on demand: point i is gadget
// i / 39's data line (i % 39) / 3 crossed with lane i % 3, computed exactly
// from the gadget's strip (lane_crossing), so an arrangement's memory grows
// with its gadgets, not with its points (the data points are 39 per gadget
// and mpq pairs each). An arrangement rebuilt from a file, or edited by a
// test, holds an explicit list instead: edit() turns the generated points
// into one, once, and returns it.
class DataPoints {
 public:
  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = DataPoint;
    using difference_type = std::ptrdiff_t;
    using reference = DataPoint;  // by value: there is nothing to refer to
    using pointer = void;

    iterator() = default;
    iterator(const DataPoints* points, std::size_t i) : points_(points), i_(i) {}
    DataPoint operator*() const { return (*points_)[i_]; }
    DataPoint operator[](difference_type n) const { return (*points_)[i_ + n]; }
    iterator& operator++() { return ++i_, *this; }
    iterator operator++(int) { return {points_, i_++}; }
    iterator& operator--() { return --i_, *this; }
    iterator operator--(int) { return {points_, i_--}; }
    iterator& operator+=(difference_type n) { return i_ += n, *this; }
    iterator& operator-=(difference_type n) { return i_ -= n, *this; }
    friend iterator operator+(iterator it, difference_type n) { return it += n; }
    friend iterator operator+(difference_type n, iterator it) { return it += n; }
    friend iterator operator-(iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const iterator& p, const iterator& q) {
      return static_cast<difference_type>(p.i_) - static_cast<difference_type>(q.i_);
    }
    friend bool operator==(const iterator& p, const iterator& q) { return p.i_ == q.i_; }
    friend auto operator<=>(const iterator& p, const iterator& q) { return p.i_ <=> q.i_; }

   private:
    const DataPoints* points_ = nullptr;
    std::size_t i_ = 0;
  };
  using const_iterator = iterator;
  using value_type = DataPoint;
  using size_type = std::size_t;

  explicit DataPoints(const Arrangement& owner) : owner_(&owner) {}
  // Copies take the list (if any), not the owner: Arrangement's copy and
  // move rebind them to the new arrangement.
  DataPoints(const Arrangement& owner, const DataPoints& other)
      : owner_(&owner), explicit_(other.explicit_) {}
  DataPoints(const Arrangement& owner, DataPoints&& other) noexcept
      : owner_(&owner), explicit_(std::move(other.explicit_)) {}
  DataPoints(const DataPoints&) = delete;
  DataPoints& operator=(const DataPoints& other) {
    explicit_ = other.explicit_;
    return *this;
  }
  DataPoints& operator=(DataPoints&& other) noexcept {
    explicit_ = std::move(other.explicit_);
    return *this;
  }

  std::size_t size() const;
  bool empty() const { return size() == 0; }
  // Point i, computed (or copied from the explicit list). Throws
  // std::logic_error for a gadget whose kind has other than 13 data lines.
  DataPoint operator[](std::size_t i) const;
  DataPoint front() const { return (*this)[0]; }
  DataPoint back() const { return (*this)[size() - 1]; }
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, size()}; }

  // True while the points are generated from the gadgets (then point i is
  // gadget i / 39's, line (i % 39) / 3, lane i % 3, and they come grouped by
  // gadget), false once an explicit list was set.
  bool generated() const { return !explicit_.has_value(); }
  // The explicit list, made from the generated points on first use: for
  // rebuilding an arrangement from a file and for tests that break one.
  std::vector<DataPoint>& edit();
  // Replaces the points by an explicit list (hand-placed points of a test).
  std::vector<DataPoint>& assign(std::vector<DataPoint> points) {
    explicit_ = std::move(points);
    return *explicit_;
  }

 private:
  const Arrangement* owner_;
  std::optional<std::vector<DataPoint>> explicit_;
};

// The spacings the layout used, recorded with the arrangement so that the
// dataset's meta says how it was made. The first four are choices; the last
// four are computed from the instance's size by layout().
struct Parameters {
  mpq_class canonical_pitch{40};  // Q_C: canonical offsets are 40·S(v)
  mpq_class column_pitch{45};     // Q_V = Q_P = Q_M: column c sits at x = 45·S(c)
  mpq_class lane_spacing{10};     // |w|: distance between neighbouring lanes
  mpq_class margin{100};          // room between the regions of the lanes
  mpq_class stack_height{0};      // H: canonical strips lie in 0 <= y <= H
  mpq_class column_span{0};       // B: columns lie in 0 <= x <= B
  mpq_class drop{0};              // D = B + margin: constraint points at y = -D
  mpq_class lane_shift{0};        // a: lane 0 starts at (-D - a, 0)
  friend bool operator==(const Parameters&, const Parameters&) = default;
};

struct Arrangement {
  etrinv::Instance instance;
  Parameters parameters;
  Lanes lanes;
  std::vector<Family> families;
  // canonical[v]: index of variable v's canonical I gadget.
  std::vector<std::size_t> canonical;
  std::vector<Gadget> gadgets;
  std::vector<ConstraintPoint> constraint_points;
  DataPoints data_points{*this};

  Arrangement() = default;
  // Member-wise, with data_points bound to the new arrangement.
  Arrangement(const Arrangement& other);
  Arrangement(Arrangement&& other) noexcept;
  Arrangement& operator=(const Arrangement& other);
  Arrangement& operator=(Arrangement&& other) noexcept;

  // Sum of the gadgets' breakpoint budgets: the number of hidden neurons m.
  std::size_t hidden_neurons() const;
};

// The lane parameter τ where lane `lane` meets the line t_g = t of strip s.
// Precondition: the strip's normal is not orthogonal to the lanes' direction.
mpq_class lane_crossing(const Lanes& lanes, unsigned lane, const geometry::Strip& s,
                        const mpq_class& t);

// Gadget g's home point on its data line `line` and lane `lane`: where that
// line of its strip crosses the lane.
DataPoint home_point(const Arrangement& a, std::size_t g, std::size_t line, unsigned lane);

// The labels of the data points, found from the gadgets' kinds while the
// points are generated (without computing a point), else from the list.
std::set<gadgets::Label> data_point_labels(const Arrangement& a);

}  // namespace etr2nn::layout
