#include "layout/detail/soundness_checks.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>

#include "layout/detail/layout.hpp"
#include "numeric/rational.hpp"

namespace etr2nn::layout {
namespace {

using geometry::Normal;
using geometry::Point;

std::string str(const mpq_class& q) {
  return numeric::to_string(q);
}
std::string str(const Point& p) {
  return "(" + str(p.x) + ", " + str(p.y) + ")";
}
std::string str(const Normal& n) {
  return "(" + std::to_string(n.a) + ", " + std::to_string(n.b) + ")";
}
std::string gadget_name(const Arrangement& a, std::size_t g) {
  return "gadget " + std::to_string(g) + " (" + a.families.at(a.gadgets[g].family).name + " " +
         std::to_string(a.gadgets[g].index) + ")";
}

// u × v for a rational vector u and an integer vector v.
mpq_class cross(const Point& u, const Normal& v) {
  mpq_class r;
  geometry::add_multiple(r, v.b, u.x);
  geometry::add_multiple(r, -v.a, u.y);
  return r;
}

// The indices 0..n-1 sorted by key(i), an exact rational, through a double
// key first: mpq_get_d truncates toward zero, so it is monotone (p < q implies
// d(p) <= d(q)) and only equal doubles need the exact comparison.
template <class Key>
std::vector<std::size_t> exact_order(std::size_t n, const Key& key) {
  std::vector<std::pair<double, std::size_t>> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = {key(i).get_d(), i};
  std::sort(order.begin(), order.end(), [&](const auto& p, const auto& q) {
    if (p.first != q.first) return p.first < q.first;
    if (p.second == q.second) return false;
    return key(p.second) < key(q.second);
  });
  std::vector<std::size_t> sorted(n);
  for (std::size_t i = 0; i < n; ++i) sorted[i] = order[i].second;
  return sorted;
}

// The strips of one normal, sorted by offset, with their closed ranges
// [offset, offset + width] of n·p copied out for a cache-friendly search.
struct Group {
  Normal normal;
  std::vector<std::size_t> gadgets;
  std::vector<mpq_class> starts, ends;
};

class StripIndex {
 public:
  explicit StripIndex(const Arrangement& a) {
    std::map<Normal, std::vector<std::size_t>> by_normal;
    for (std::size_t g = 0; g < a.gadgets.size(); ++g)
      by_normal[a.gadgets[g].strip.normal].push_back(g);
    for (auto& [n, gs] : by_normal) {
      // Named: Clang (the fuzz build) does not let a lambda capture a
      // structured binding before C++20's rules were implemented.
      const std::vector<std::size_t>& ids = gs;
      const auto by_offset = exact_order(ids.size(), [&](std::size_t i) -> const mpq_class& {
        return a.gadgets[ids[i]].strip.offset;
      });
      Group group{n, {}, {}, {}};
      group.gadgets.reserve(gs.size());
      group.starts.reserve(gs.size());
      group.ends.reserve(gs.size());
      for (std::size_t i : by_offset) group.gadgets.push_back(gs[i]);
      for (std::size_t g : group.gadgets) {
        group.starts.push_back(a.gadgets[g].strip.offset);
        group.ends.push_back(a.gadgets[g].strip.offset + a.gadgets[g].strip.width);
      }
      groups_.push_back(std::move(group));
    }
  }

  // In each group, each strip starts strictly after every strip before it
  // ends (closed strips). Sorted by offset, that is one pass.
  void check_disjoint(const Arrangement& a, Violations& out) const {
    for (const auto& group : groups_) {
      std::size_t reach = 0;  // the strip so far that ends last
      for (std::size_t i = 1; i < group.gadgets.size() && !out.full(); ++i) {
        if (group.ends[i - 1] > group.ends[reach]) reach = i - 1;
        if (group.starts[i] <= group.ends[reach])
          out.report(4, "parallel strips of " + gadget_name(a, group.gadgets[reach]) + " and " +
                            gadget_name(a, group.gadgets[i]) + " (normal " + str(group.normal) +
                            ", offsets " + str(group.starts[reach]) + " and " +
                            str(group.starts[i]) + ") overlap");
      }
    }
  }

  // The gadgets whose closed strip contains p (into `result`, sorted); at
  // most one per direction once the parallel strips are known to be
  // disjoint: among the strips with offset <= n·p only the last can contain p.
  void containing(const Point& p, std::vector<std::size_t>& result) const {
    result.clear();
    for (const auto& group : groups_) {
      const mpq_class level = geometry::level(group.normal, p);
      const auto it = std::upper_bound(group.starts.begin(), group.starts.end(), level);
      if (it == group.starts.begin()) continue;
      const std::size_t i = static_cast<std::size_t>(it - group.starts.begin()) - 1;
      if (level <= group.ends[i]) result.push_back(group.gadgets[i]);
    }
    std::sort(result.begin(), result.end());
  }

 private:
  std::vector<Group> groups_;
};

}  // namespace

void Violations::report(int check, std::string message) {
  if (!full()) found_.push_back({check, std::move(message)});
}

bool Violations::any(int check) const {
  return std::any_of(found_.begin(), found_.end(),
                     [&](const Violation& v) { return v.check == check; });
}

void Hull::add(const Window& w) {
  if (empty || w.low < low) low = w.low;
  if (empty || w.high > high) high = w.high;
  empty = false;
}

std::vector<Window> lane_windows(const Arrangement& a, unsigned j) {
  // lane_crossing's τ = (o + t − n·P_j) / (n·d), with n·P_j and n·d computed
  // once per normal rather than once per gadget: the same rationals, cheaper.
  struct PerNormal {
    geometry::Normal normal;
    mpq_class level;  // n·P_j
    long nd;          // n·d
  };
  std::vector<PerNormal> normals;  // a handful: a scan beats a map
  const auto per_normal = [&](const geometry::Normal& n) -> const PerNormal& {
    for (const auto& p : normals)
      if (p.normal == n) return p;
    const long nd = geometry::dot(n, a.lanes.direction);
    if (nd == 0) throw std::logic_error("lane_windows: strip parallel to the lanes");
    return normals.emplace_back(PerNormal{n, geometry::level(n, a.lanes.start(j)), nd});
  };
  std::vector<Window> w;
  w.reserve(a.gadgets.size());
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    const auto& s = a.gadgets[g].strip;
    const PerNormal& n = per_normal(s.normal);
    mpq_class low = s.offset - n.level;
    mpq_class high = low + s.width;
    low /= n.nd;
    high /= n.nd;
    if (high < low) mpq_swap(low.get_mpq_t(), high.get_mpq_t());
    w.push_back({std::move(low), std::move(high), g});
  }
  std::vector<std::size_t> order =
      exact_order(w.size(), [&](std::size_t i) -> const mpq_class& { return w[i].low; });
  // Sorted by `low`. Put window order[k] at k in place, cycle by cycle (swapping rationals
  // swaps pointers; copying them would allocate).
  const auto swap_windows = [](Window& p, Window& q) {
    mpq_swap(p.low.get_mpq_t(), q.low.get_mpq_t());
    mpq_swap(p.high.get_mpq_t(), q.high.get_mpq_t());
    std::swap(p.gadget, q.gadget);
  };
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (order[k] == k) continue;
    std::size_t at = k;  // the cycle through k: at takes the window from order[at]
    while (order[at] != k) {
      const std::size_t from = order[at];
      swap_windows(w[at], w[from]);
      order[at] = at;
      at = from;
    }
    order[at] = at;
  }
  return w;
}

LaneWindows lane_windows(const Arrangement& a) {
  LaneWindows windows;
  for (unsigned j = 0; j < lane_count; ++j) windows[j] = lane_windows(a, j);
  return windows;
}

void add_to_hulls(const Arrangement& a, unsigned lane, const std::vector<Window>& windows,
                  FamilyHulls& hulls) {
  for (const auto& w : windows) hulls[a.gadgets[w.gadget].family][lane].add(w);
}

void check_structure(const Arrangement& a, Violations& out) {
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    if (a.gadgets[g].kind == nullptr) out.report(1, "gadget " + std::to_string(g) + " has no kind");
    if (a.gadgets[g].family >= a.families.size())
      out.report(1, "gadget " + std::to_string(g) + " names family " +
                        std::to_string(a.gadgets[g].family) + ", but there are " +
                        std::to_string(a.families.size()));
  }
  for (std::size_t i = 0; i < a.data_points.size() && !out.full(); ++i) {
    if (a.data_points.generated()) break;  // their references are the gadgets themselves
    const auto d = a.data_points[i];
    if (d.gadget >= a.gadgets.size() || a.gadgets[d.gadget].kind == nullptr ||
        d.line >= a.gadgets[d.gadget].kind->data_lines().size() || d.lane >= lane_count)
      out.report(
          2, "data point " + std::to_string(i) + " refers to a missing gadget, data line or lane");
  }
  for (std::size_t i = 0; i < a.constraint_points.size() && !out.full(); ++i) {
    const auto& c = a.constraint_points[i];
    bool ok = c.kind != nullptr && c.gadgets.size() == c.kind->lines.size();
    for (std::size_t k = 0; ok && k < c.gadgets.size(); ++k)
      ok = c.gadgets[k] < a.gadgets.size() && a.gadgets[c.gadgets[k]].kind == c.kind->lines[k].kind;
    if (!ok)
      out.report(4, "constraint point " + std::to_string(i) +
                        " does not have one gadget of the right kind per line of its kind");
  }
}

void check_lane_directions(const Arrangement& a, Violations& out) {
  const Normal& d = a.lanes.direction;
  if (d == Normal{0, 0}) out.report(1, "the lane direction is (0, 0)");
  if (cross(a.lanes.spacing, d) == 0)
    out.report(1, "the lane spacing " + str(a.lanes.spacing) + " is parallel to the direction " +
                      str(d) + ": the three lanes are one line");
  for (const auto& f : a.families)
    if (geometry::dot(f.normal, d) == 0)
      out.report(1, "family " + f.name + " (normal " + str(f.normal) +
                        ") is parallel to the lanes (n·d = 0)");
  for (std::size_t g = 0; g < a.gadgets.size() && !out.full(); ++g) {
    const auto& gadget = a.gadgets[g];
    if (gadget.strip.normal != a.families[gadget.family].normal)
      out.report(1, gadget_name(a, g) + " has normal " + str(gadget.strip.normal) +
                        ", not its family's " + str(a.families[gadget.family].normal));
    if (gadget.strip.width != gadgets::strip_width)
      out.report(1, gadget_name(a, g) + " has width " + str(gadget.strip.width) + ", not 19");
  }
}

namespace {

// Data point i on its data line and its lane (N2, the part that needs no
// other point).
void check_home_point(const Arrangement& a, std::size_t i, const DataPoint& p, Violations& out) {
  const auto& g = a.gadgets[p.gadget];
  const auto& line = g.kind->data_lines()[p.line];
  // Built only for a report: formatting every point would cost more than checking it.
  const auto name = [&] {
    return "data point " + std::to_string(i) + " at " + str(p.where) + " of " +
           gadget_name(a, p.gadget);
  };
  if (g.strip.coordinate(p.where) != line.position)
    out.report(2, name() + " has t = " + str(g.strip.coordinate(p.where)) +
                      ", not its data line t = " + str(line.position));
  if (a.lanes.lane_of(p.where) != p.lane)
    out.report(2, name() + " is not on lane " + std::to_string(p.lane));
}

// Generated points are one per slot by construction (point i is slot i), so
// they need no count per slot. What is written for them (dataset/write) is,
// per gadget, either GadgetPoints::compute's integers or, where those do not
// fit, home_point's exact values; this check covers exactly those two cases.
// The first is proved once per template (check_home_point_template), the
// second point by point; the gadgets are split between threads, each
// reporting into its own list, merged in gadget order, so the result is that
// of one pass.
void check_generated_home_points(const Arrangement& a, Violations& out,
                                 const CheckProgress& progress) {
  // A strip parallel to the lanes has no home points to generate (N1 says so).
  for (const auto& g : a.gadgets)
    if (geometry::dot(g.strip.normal, a.lanes.direction) == 0) return;
  const GadgetPoints points(a);
  for (const auto& t : points.templates())
    if (t.fits) check_home_point_template(a, t, out);
  const std::size_t gadgets = a.gadgets.size();
  const std::size_t total = a.data_points.size() + a.constraint_points.size();
  const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  const std::size_t part = (gadgets + threads - 1) / threads;
  std::vector<Violations> found(threads, Violations(out.limit()));
  const auto run = [&](unsigned t) {
    GadgetPointBatch batch;
    const std::size_t end = std::min(gadgets, (t + 1) * part);
    for (std::size_t g = t * part; g < end && !found[t].full(); ++g) {
      if (t == 0 && progress && g % 2048 == 0)
        progress(std::min(a.data_points.size(), g * threads * home_points_per_gadget), total);
      if (points.compute(g, batch)) continue;  // its template was checked above
      for (std::size_t k = 0; k < home_points_per_gadget && !found[t].full(); ++k) {
        const std::size_t i = g * home_points_per_gadget + k;
        check_home_point(a, i, a.data_points[i], found[t]);
      }
    }
  };
  std::vector<std::future<void>> others;
  for (unsigned t = 1; t < threads; ++t) others.push_back(std::async(std::launch::async, run, t));
  run(0);
  for (auto& f : others) f.get();
  for (const auto& list : found)
    for (const auto& v : list.found()) out.report(v.check, v.message);
}

}  // namespace

void check_home_point_template(const Arrangement& a, const GadgetPoints::Template& t,
                               Violations& out) {
  // Point k of a gadget with offset o is A_k + s·o (all over t.den). It is on
  // data line l for every o iff n·A_k = t_l and n·s = 1 (t(p) = n·p − o), and
  // on lane j for every o iff A_k is and s is parallel to the lanes.
  const Normal& n = t.normal;
  const Normal& d = a.lanes.direction;
  const auto cross = [&](const mpq_class& x, const mpq_class& y) -> mpq_class {
    return x * d.b - y * d.a;
  };
  const auto name = [&] {
    return "the data points of every " + t.kind->name() + " gadget with normal " + str(n);
  };
  const mpz_class den(t.den);
  // GMP compares only canonical fractions.
  const auto over_den = [&](std::int64_t numerator) {
    mpq_class q(mpz_class(numerator), den);
    q.canonicalize();
    return q;
  };
  const mpq_class sx = over_den(t.slope_x), sy = over_den(t.slope_y);
  if (n.a * sx + n.b * sy != 1)
    out.report(2, name() + " move off their data lines with the offset: n·s = " +
                      str(mpq_class(n.a * sx + n.b * sy)) + ", not 1");
  if (cross(sx, sy) != 0)
    out.report(2, name() + " move off their lanes with the offset: s = " + str(Point{sx, sy}) +
                      " is not parallel to the lanes");
  const auto& lines = t.kind->data_lines();
  const mpq_class step = cross(a.lanes.spacing.x, a.lanes.spacing.y);
  for (std::size_t k = 0; k < home_points_per_gadget && k / lane_count < lines.size(); ++k) {
    const std::size_t l = k / lane_count;
    const unsigned j = static_cast<unsigned>(k % lane_count);
    const Point p{over_den(t.x[k]), over_den(t.y[k])};
    const mpq_class level = geometry::level(n, p);
    if (level != lines[l].position)
      out.report(2, name() + ": point " + std::to_string(k) + " at offset 0, " + str(p) +
                        ", has t = " + str(level) +
                        ", not its data line t = " + str(lines[l].position));
    if (cross(p.x - a.lanes.base.x, p.y - a.lanes.base.y) != step * j)
      out.report(2, name() + ": point " + std::to_string(k) + " at offset 0, " + str(p) +
                        ", is not on lane " + std::to_string(j));
  }
}

void check_home_points(const Arrangement& a, Violations& out, const CheckProgress& progress) {
  if (a.data_points.generated()) return check_generated_home_points(a, out, progress);
  // seen[g * per_gadget + line * 3 + lane]: how many data points claim that slot.
  std::size_t lines = 0;
  for (const auto& g : a.gadgets) lines = std::max(lines, g.kind->data_lines().size());
  const std::size_t per_gadget = lines * lane_count;
  std::vector<unsigned char> seen(a.gadgets.size() * per_gadget, 0);
  const std::size_t total = a.data_points.size() + a.constraint_points.size();
  for (std::size_t i = 0; i < a.data_points.size() && !out.full(); ++i) {
    if (progress && i % 65536 == 0) progress(i, total);
    const auto p = a.data_points[i];
    check_home_point(a, i, p, out);
    auto& slot = seen[p.gadget * per_gadget + p.line * lane_count + p.lane];
    if (slot++ == 1)
      out.report(2, "data point " + std::to_string(i) + " at " + str(p.where) + " of " +
                        gadget_name(a, p.gadget) + ": a second home point on data line " +
                        std::to_string(p.line) + " and lane " + std::to_string(p.lane));
  }
  for (std::size_t g = 0; g < a.gadgets.size() && !out.full(); ++g)
    for (std::size_t l = 0; l < a.gadgets[g].kind->data_lines().size(); ++l)
      for (unsigned j = 0; j < lane_count; ++j)
        if (seen[g * per_gadget + l * lane_count + j] == 0)
          out.report(2, gadget_name(a, g) + " has no home point on data line " + std::to_string(l) +
                            " and lane " + std::to_string(j));
}

void check_lane_windows(const Arrangement& a, unsigned j, const std::vector<Window>& w,
                        Violations& out) {
  std::size_t reach = 0;  // the window so far that ends last
  for (std::size_t i = 1; i < w.size() && !out.full(); ++i) {
    if (w[i - 1].high > w[reach].high) reach = i - 1;
    if (w[i].low <= w[reach].high)
      out.report(3, "on lane " + std::to_string(j) + " the windows of " +
                        gadget_name(a, w[reach].gadget) + " [" + str(w[reach].low) + ", " +
                        str(w[reach].high) + "] and " + gadget_name(a, w[i].gadget) + " [" +
                        str(w[i].low) + ", " + str(w[i].high) + "] overlap");
  }
}

void check_lane_windows(const Arrangement& a, const LaneWindows& windows, Violations& out) {
  for (unsigned j = 0; j < lane_count; ++j) check_lane_windows(a, j, windows[j], out);
}

void check_point_strips(const Arrangement& a, Violations& out) {
  StripIndex index(a);
  const std::size_t before = out.found().size();
  index.check_disjoint(a, out);
  if (out.found().size() != before) return;  // the search below relies on it
  std::vector<std::size_t> inside;
  for (std::size_t i = 0; i < a.constraint_points.size() && !out.full(); ++i) {
    const auto& c = a.constraint_points[i];
    const auto name = [&] {
      return "constraint point " + std::to_string(i) + " (" + c.kind->name + ") at " + str(c.where);
    };
    std::vector<std::size_t> own = c.gadgets;
    std::sort(own.begin(), own.end());
    if (std::adjacent_find(own.begin(), own.end()) != own.end())
      out.report(4, name() + " uses two lines of one gadget");
    for (std::size_t k = 0; k < c.gadgets.size(); ++k) {
      const mpq_class t = a.gadgets[c.gadgets[k]].strip.coordinate(c.where);
      if (t != c.kind->lines[k].position)
        out.report(4, name() + " has t = " + str(t) + " in " + gadget_name(a, c.gadgets[k]) +
                          ", not its measuring line t = " + str(c.kind->lines[k].position));
    }
    index.containing(c.where, inside);
    for (std::size_t other : inside)
      if (!std::binary_search(own.begin(), own.end(), other))
        out.report(4, name() + " lies in the strip of " + gadget_name(a, other));
  }
}

void check_point_roles(const Arrangement& a, Violations& out) {
  const auto& inst = a.instance;
  if (a.canonical.size() != inst.variables.size())
    out.report(4, std::to_string(a.canonical.size()) + " canonical gadgets for " +
                      std::to_string(inst.variables.size()) + " variables");
  for (std::size_t v = 0; v < a.canonical.size() && v < inst.variables.size(); ++v) {
    const std::size_t g = a.canonical[v];
    if (g >= a.gadgets.size() || a.gadgets[g].role != Gadget::Role::Canonical ||
        a.gadgets[g].variable != v || a.gadgets[g].kind != &gadgets::inversion_gadget())
      out.report(4, "variable " + inst.variables[v] + " has no canonical I gadget");
  }
  if (out.any(4)) return;
  std::vector<std::size_t> point_of(inst.constraints.size(), a.constraint_points.size());
  std::vector<unsigned> links(a.gadgets.size(), 0);
  for (std::size_t i = 0; i < a.constraint_points.size() && !out.full(); ++i) {
    const auto& cp = a.constraint_points[i];
    const std::string name = "constraint point " + std::to_string(i) + " (" + cp.kind->name + ")";
    std::vector<etrinv::VariableIndex> vars;
    for (std::size_t g : cp.gadgets) vars.push_back(a.gadgets[g].variable);
    if (cp.constraint == no_constraint) {
      // A copy link: one fresh copy and its variable's canonical gadget.
      const bool shape =
          cp.kind == &gadgets::copy_point() && vars[0] == vars[1] &&
          (cp.gadgets[0] == a.canonical[vars[0]]) != (cp.gadgets[1] == a.canonical[vars[1]]);
      if (!shape) {
        out.report(4, name + " does not link a fresh copy to its variable's canonical gadget");
        continue;
      }
      const std::size_t copy =
          cp.gadgets[0] == a.canonical[vars[0]] ? cp.gadgets[1] : cp.gadgets[0];
      if (a.gadgets[copy].role != Gadget::Role::Copy)
        out.report(4, name + " links gadget " + std::to_string(copy) + ", which is no fresh copy");
      ++links[copy];
      continue;
    }
    if (cp.constraint >= inst.constraints.size()) {
      out.report(4, name + " names constraint " + std::to_string(cp.constraint) +
                        ", but there are " + std::to_string(inst.constraints.size()));
      continue;
    }
    const auto& c = inst.constraints[cp.constraint];
    const auto text = [&] {
      return " constraint " + std::to_string(cp.constraint) + " (" + etrinv::describe(inst, c) +
             ")";
    };
    if (cp.kind != &constraint_point_kind(c))
      out.report(4, name + " is not the kind that enforces" + text());
    else if (vars != line_variables(c))
      out.report(4, name + ": its gadgets do not carry the variables of" + text());
    for (std::size_t g : cp.gadgets)
      if (a.gadgets[g].role == Gadget::Role::Canonical || a.gadgets[g].constraint != cp.constraint)
        out.report(
            4, name + " uses " + gadget_name(a, g) + ", which is not a fresh gadget of" + text());
    if (point_of[cp.constraint] != a.constraint_points.size())
      out.report(4, name + " is a second point for" + text());
    point_of[cp.constraint] = i;
  }
  for (std::size_t c = 0; c < point_of.size() && !out.full(); ++c)
    if (point_of[c] == a.constraint_points.size())
      out.report(4, "no point enforces constraint " + std::to_string(c) + " (" +
                        etrinv::describe(inst, inst.constraints[c]) + ")");
  for (std::size_t g = 0; g < a.gadgets.size() && !out.full(); ++g)
    if (a.gadgets[g].role == Gadget::Role::Copy && links[g] != 1)
      out.report(4, gadget_name(a, g) + " is a fresh copy with " + std::to_string(links[g]) +
                        " copy points, not 1");
}

void check_family_indices(const Arrangement& a, Violations& out) {
  std::vector<std::vector<std::size_t>> members(a.families.size());
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) members[a.gadgets[g].family].push_back(g);
  for (std::size_t f = 0; f < a.families.size(); ++f) {
    const Family& family = a.families[f];
    auto& gs = members[f];
    if (gs.empty()) continue;
    std::sort(gs.begin(), gs.end(), [&](std::size_t p, std::size_t q) {
      return a.gadgets[p].index < a.gadgets[q].index;
    });
    mpq_class low, high;
    for (std::size_t i = 0; i < gs.size() && !out.full(); ++i) {
      const auto& g = a.gadgets[gs[i]];
      if (i > 0 && a.gadgets[gs[i - 1]].index == g.index)
        out.report(5, "family " + family.name + ": gadgets " + std::to_string(gs[i - 1]) + " and " +
                          std::to_string(gs[i]) + " share the index " + std::to_string(g.index));
      if (!is_progression_free_index(g.index))
        out.report(5, gadget_name(a, gs[i]) + ": the index has a base-3 digit 2");
      mpq_class eps = g.strip.offset - family.origin -
                      family.pitch * mpq_class(mpz_class(static_cast<unsigned long>(g.index)));
      if (i == 0 || eps < low) low = eps;
      if (i == 0 || eps > high) high = eps;
    }
    const mpq_class bound = 2 * gadgets::strip_width + 2 * (high - low);
    if (family.pitch <= bound)
      out.report(5, "family " + family.name + ": pitch " + str(family.pitch) +
                        " does not exceed 2·19 + 2·(spread of ε) = " + str(bound));
  }
}

void check_family_hulls(const Arrangement& a, const LaneWindows& windows, Violations& out) {
  FamilyHulls hulls(a.families.size());
  for (unsigned j = 0; j < lane_count; ++j) add_to_hulls(a, j, windows[j], hulls);
  check_family_hulls(a, hulls, out);
}

void check_family_hulls(const Arrangement& a, const FamilyHulls& hull, Violations& out) {
  std::vector<std::size_t> present;
  for (std::size_t f = 0; f < a.families.size(); ++f)
    if (!hull[f][0].empty) present.push_back(f);
  for (std::size_t f0 : present)
    for (std::size_t f1 : present)
      for (std::size_t f2 : present) {
        if (f0 == f1 && f1 == f2) continue;
        const Hull &h0 = hull[f0][0], &h1 = hull[f1][1], &h2 = hull[f2][2];
        if (h0.high + h2.high < 2 * h1.low || h0.low + h2.low > 2 * h1.high) continue;
        out.report(6, "families " + a.families[f0].name + ", " + a.families[f1].name + ", " +
                          a.families[f2].name +
                          ": a line can cross lanes 0, 1, 2 in their "
                          "window hulls [" +
                          str(h0.low) + ", " + str(h0.high) + "], [" + str(h1.low) + ", " +
                          str(h1.high) + "], [" + str(h2.low) + ", " + str(h2.high) + "]");
      }
}

void check_budgets_and_labels(const Arrangement& a, std::size_t hidden_neurons, Violations& out) {
  std::set<gadgets::Label> labels = data_point_labels(a);
  for (const auto& c : a.constraint_points) labels.insert(c.kind->label);
  if (labels.size() > max_labels)
    out.report(7, std::to_string(labels.size()) + " distinct labels, more than " +
                      std::to_string(max_labels));
  std::size_t budgets = 0;
  std::set<const gadgets::GadgetKind*> kinds;
  for (const auto& g : a.gadgets) {
    budgets += g.kind->breakpoint_budget();
    kinds.insert(g.kind);
  }
  for (const auto* k : kinds) {
    // X = 1 is inside every kind's admitted range.
    const std::size_t profile = k->witness(numeric::Real(1)).size();
    if (profile != k->breakpoint_budget())
      out.report(7, "gadget kind " + k->name() + " has budget " +
                        std::to_string(k->breakpoint_budget()) + " but a witness profile of " +
                        std::to_string(profile) + " breakpoints");
  }
  if (budgets != hidden_neurons)
    out.report(7, "m = " + std::to_string(hidden_neurons) +
                      " but the gadgets' breakpoint budgets sum to " + std::to_string(budgets));
}

}  // namespace etr2nn::layout
