#include "layout/invariants.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

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

// The strips of one direction, sorted by offset, with their closed ranges
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
      std::sort(gs.begin(), gs.end(), [&](std::size_t p, std::size_t q) {
        return a.gadgets[p].strip.offset < a.gadgets[q].strip.offset;
      });
      Group group{n, std::move(gs), {}, {}};
      for (std::size_t g : group.gadgets) {
        group.starts.push_back(a.gadgets[g].strip.offset);
        group.ends.push_back(a.gadgets[g].strip.offset + a.gadgets[g].strip.width);
      }
      groups_.push_back(std::move(group));
    }
  }

  // Invariant 3: in each group, each strip starts strictly after every strip
  // before it ends (closed strips). Sorted by offset, that is one pass.
  void check_disjoint(std::vector<Violation>& out) const {
    for (const auto& group : groups_) {
      std::size_t reach = 0;  // the strip so far that ends last
      for (std::size_t i = 1; i < group.gadgets.size(); ++i) {
        if (group.ends[i - 1] > group.ends[reach]) reach = i - 1;
        if (group.starts[i] <= group.ends[reach]) {
          std::ostringstream m;
          m << "parallel strips of gadgets " << group.gadgets[reach] << " and " << group.gadgets[i]
            << " (normal (" << group.normal.a << ", " << group.normal.b << "), offsets "
            << str(group.starts[reach]) << " and " << str(group.starts[i]) << ") overlap";
          out.push_back({3, m.str()});
        }
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

class Checker {
 public:
  Checker(const Arrangement& a, std::size_t m, std::size_t limit, const CheckProgress& progress)
      : a_(a), m_(m), limit_(limit), progress_(progress) {}

  std::vector<Violation> run() {
    check_structure();
    if (!out_.empty()) return out_;  // the geometric checks would index out of range
    StripIndex index(a_);
    const std::size_t before = out_.size();
    index.check_disjoint(out_);
    if (out_.size() == before) {
      check_data_points(index);
      check_constraint_points(index);
    }
    check_labels();
    check_neurons();
    if (limit_ > 0 && out_.size() > limit_) out_.resize(limit_);
    std::stable_sort(out_.begin(), out_.end(), [](const Violation& p, const Violation& q) {
      return p.invariant < q.invariant;
    });
    return out_;
  }

 private:
  bool full() const { return limit_ > 0 && out_.size() >= limit_; }
  void report(int invariant, const std::string& message) {
    if (!full()) out_.push_back({invariant, message});
  }

  // References that would make the geometric checks meaningless (a gadget
  // without a kind, a point of a gadget that does not exist).
  void check_structure() {
    for (std::size_t g = 0; g < a_.gadgets.size(); ++g)
      if (a_.gadgets[g].kind == nullptr) report(1, "gadget " + std::to_string(g) + " has no kind");
    for (std::size_t i = 0; i < a_.data_points.size(); ++i) {
      const auto& d = a_.data_points[i];
      if (d.gadget >= a_.gadgets.size() || a_.gadgets[d.gadget].kind == nullptr ||
          d.line >= a_.gadgets[d.gadget].kind->data_lines().size())
        report(1, "data point " + std::to_string(i) + " refers to a missing gadget or data line");
    }
    for (std::size_t i = 0; i < a_.constraint_points.size(); ++i) {
      const auto& c = a_.constraint_points[i];
      bool ok = c.kind != nullptr && c.gadgets.size() == c.kind->lines.size();
      for (std::size_t k = 0; ok && k < c.gadgets.size(); ++k)
        ok = c.gadgets[k] < a_.gadgets.size() &&
             a_.gadgets[c.gadgets[k]].kind == c.kind->lines[k].kind;
      if (!ok)
        report(2, "constraint point " + std::to_string(i) +
                      " does not have one gadget of the right kind per line of its kind");
    }
  }

  void check_data_points(const StripIndex& index) {
    std::vector<std::vector<std::size_t>> per_line(a_.gadgets.size());
    for (std::size_t g = 0; g < a_.gadgets.size(); ++g)
      per_line[g].assign(a_.gadgets[g].kind->data_lines().size(), 0);
    for (std::size_t i = 0; i < a_.data_points.size() && !full(); ++i) {
      tick(i);
      const auto& d = a_.data_points[i];
      const auto& g = a_.gadgets[d.gadget];
      ++per_line[d.gadget][d.line];
      const mpq_class t = g.strip.coordinate(d.where);
      const mpq_class& want = g.kind->data_lines()[d.line].position;
      if (t != want)
        report(1, "data point " + std::to_string(i) + " at " + str(d.where) + " of gadget " +
                      std::to_string(d.gadget) + " has t = " + str(t) +
                      ", not its data line t = " + str(want));
      index.containing(d.where, inside_);
      for (std::size_t other : inside_)
        if (other != d.gadget)
          report(1, "data point " + std::to_string(i) + " at " + str(d.where) + " of gadget " +
                        std::to_string(d.gadget) + " lies in the strip of gadget " +
                        std::to_string(other));
    }
    for (std::size_t g = 0; g < a_.gadgets.size() && !full(); ++g)
      for (std::size_t l = 0; l < per_line[g].size(); ++l)
        if (per_line[g][l] == 0)
          report(1, "data line " + std::to_string(l) + " of gadget " + std::to_string(g) +
                        " carries no data point");
  }

  void check_constraint_points(const StripIndex& index) {
    for (std::size_t i = 0; i < a_.constraint_points.size() && !full(); ++i) {
      tick(a_.data_points.size() + i);
      const auto& c = a_.constraint_points[i];
      const std::string name =
          "constraint point " + std::to_string(i) + " (" + c.kind->name + ") at " + str(c.where);
      std::vector<std::size_t> own = c.gadgets;
      std::sort(own.begin(), own.end());
      if (std::adjacent_find(own.begin(), own.end()) != own.end())
        report(2, name + " uses two lines of one gadget");
      for (std::size_t k = 0; k < c.gadgets.size(); ++k) {
        const mpq_class t = a_.gadgets[c.gadgets[k]].strip.coordinate(c.where);
        if (t != c.kind->lines[k].position)
          report(2, name + " has t = " + str(t) + " in gadget " + std::to_string(c.gadgets[k]) +
                        ", not its measuring line t = " + str(c.kind->lines[k].position));
      }
      index.containing(c.where, inside_);
      for (std::size_t other : inside_)
        if (!std::binary_search(own.begin(), own.end(), other))
          report(2, name + " lies in the strip of gadget " + std::to_string(other));
    }
  }

  void check_labels() {
    std::set<gadgets::Label> labels;
    for (const auto& d : a_.data_points)
      if (d.gadget < a_.gadgets.size() && a_.gadgets[d.gadget].kind &&
          d.line < a_.gadgets[d.gadget].kind->data_lines().size())
        labels.insert(a_.gadgets[d.gadget].kind->data_lines()[d.line].label);
    for (const auto& c : a_.constraint_points)
      if (c.kind) labels.insert(c.kind->label);
    if (labels.size() > max_labels)
      report(4, std::to_string(labels.size()) + " distinct labels, more than " +
                    std::to_string(max_labels));
  }

  void check_neurons() {
    std::size_t budgets = 0;
    std::set<const gadgets::GadgetKind*> kinds;
    for (const auto& g : a_.gadgets)
      if (g.kind) {
        budgets += g.kind->breakpoint_budget();
        kinds.insert(g.kind);
      }
    for (const auto* k : kinds) {
      // X = 1 is inside every kind's admitted range.
      const std::size_t profile = k->witness(numeric::Real(1)).size();
      if (profile != k->breakpoint_budget())
        report(5, "gadget kind " + k->name() + " has budget " +
                      std::to_string(k->breakpoint_budget()) + " but a witness profile of " +
                      std::to_string(profile) + " breakpoints");
    }
    if (budgets != m_)
      report(5, "m = " + std::to_string(m_) + " but the gadgets' breakpoint budgets sum to " +
                    std::to_string(budgets));
  }

  const Arrangement& a_;
  std::size_t m_;
  std::size_t limit_;
  std::vector<Violation> out_;
  std::vector<std::size_t> inside_;  // reused by every point
  const CheckProgress& progress_;

  void tick(std::size_t done) const {
    if (progress_ && done % 4096 == 0)
      progress_(done, a_.data_points.size() + a_.constraint_points.size());
  }
};

}  // namespace

InvariantViolation::InvariantViolation(const Violation& v)
    : std::logic_error("layout invariant " + std::to_string(v.invariant) +
                       " violated: " + v.message + " (a bug in etr2nn's layout; please report it)"),
      invariant_(v.invariant) {}

std::vector<Violation> find_violations(const Arrangement& arrangement, std::size_t hidden_neurons,
                                       std::size_t limit, const CheckProgress& progress) {
  return Checker(arrangement, hidden_neurons, limit, progress).run();
}

void check_invariants(const Arrangement& arrangement, std::size_t hidden_neurons,
                      const CheckProgress& progress) {
  auto violations = find_violations(arrangement, hidden_neurons, 1, progress);
  if (!violations.empty()) throw InvariantViolation(violations.front());
}

}  // namespace etr2nn::layout
