#include "check/detail/evaluate.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace etr2nn::check {

bool is_rational(const Network& network) {
  auto r = [](const Real& x) { return x.is_rational(); };
  if (!r(network.c[0]) || !r(network.c[1])) return false;
  for (const auto& u : network.neurons)
    if (!r(u.a[0]) || !r(u.a[1]) || !r(u.b) || !r(u.v[0]) || !r(u.v[1])) return false;
  return true;
}

Output evaluate_naive(const Network& network, const Point& x) {
  Output out = network.c;
  const Real x0(x.x), x1(x.y);
  for (const auto& u : network.neurons) {
    const Real z = u.a[0] * x0 + u.a[1] * x1 + u.b;
    if (z.sign() > 0) {
      out[0] += u.v[0] * z;
      out[1] += u.v[1] * z;
    }
  }
  return out;
}

Output evaluate_naive(const RationalNetwork& network, const Point& x) {
  std::array<mpq_class, 2> out = network.c;
  RationalNetwork::Weights u;
  mpq_class z;
  for (std::size_t i = 0; i < network.size(); ++i) {
    network.get(i, u);
    z = u[0] * x.x + u[1] * x.y + u[2];
    if (sgn(z) > 0) {
      out[0] += u[3] * z;
      out[1] += u[4] * z;
    }
  }
  return {Real(out[0]), Real(out[1])};
}

namespace {

// T is mpq_class (all weights rational) or Real. A reference, not a copy:
// setting up a witness network of 10^6 neurons reads five weights each.
template <class T>
const T& number(const Real& r);
template <>
const mpq_class& number<mpq_class>(const Real& r) {
  return r.rational();
}
template <>
const Real& number<Real>(const Real& r) {
  return r;
}

// A double that never contradicts the exact order (a < b implies
// approx(a) <= approx(b): mpq_get_d truncates, which is monotone), so that
// sorting compares doubles first and exact values only on ties. Real has no
// such cheap bound here: 0 sends every comparison to the exact one.
template <class T>
double approx(const T&) {
  return 0;
}
template <>
double approx<mpq_class>(const mpq_class& q) {
  // Beyond a double's range GMP gives ±infinity (or 0 below it): still monotone.
  return q.get_d();
}

template <class T>
int sign_of(const T& value);
template <>
int sign_of<mpq_class>(const mpq_class& value) {
  return sgn(value);
}
template <>
int sign_of<Real>(const Real& value) {
  return value.sign();
}

// f(0), ..., f(n - 1) on two threads (the calling one and one more), in no
// particular order; the first exception is rethrown here. Setting up a
// witness of 10^6 neurons is seconds of GMP work per direction, while the
// other core (the dataset reader) waits for the evaluator anyway.
template <class F>
void for_each_on_two_threads(std::size_t n, const F& f) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  const auto work = [&] {
    try {
      for (std::size_t j; (j = next.fetch_add(1)) < n;) f(j);
    } catch (...) {
      const std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      next.store(n);
    }
  };
  if (n < 2) {
    work();
  } else {
    std::thread helper(work);
    work();
    helper.join();
  }
  if (error) std::rethrow_exception(error);
}

// Only mpq_class groups are set up in parallel: GMP objects are independent,
// while numeric::Real is not known to be safe to use from two threads.
template <class T>
constexpr bool parallel_setup = std::is_same_v<T, mpq_class>;

template <class T>
struct Less {
  bool operator()(const std::array<T, 2>& p, const std::array<T, 2>& q) const {
    if (p[0] != q[0]) return p[0] < q[0];
    return p[1] < q[1];
  }
};

// One direction d: its terms sorted by β with prefix sums.
template <class T>
struct Group {
  std::array<T, 2> d;
  std::vector<T> beta;               // sorted
  std::vector<std::array<T, 2>> w;   // w[k]: Σ_{i<k} w_i
  std::vector<std::array<T, 2>> bw;  // bw[k]: Σ_{i<k} β_i w_i
};

template <class T>
class Kernel {
 public:
  explicit Kernel(const Network& network) {
    constant_ = {number<T>(network.c[0]), number<T>(network.c[1])};
    struct Term {
      double order;  // approx(beta)
      T beta;
      std::array<T, 2> w;
    };
    std::map<std::array<T, 2>, std::vector<Term>, Less<T>> by_direction;
    // Consecutive neurons mostly share a direction (a gadget's breakpoints):
    // the last group is tried before the map.
    std::vector<Term>* last = nullptr;
    std::array<T, 2> last_d;
    for (const auto& u : network.neurons) {
      const std::array<const T*, 2> a = {&number<T>(u.a[0]), &number<T>(u.a[1])};
      const T& b = number<T>(u.b);
      const std::array<const T*, 2> v = {&number<T>(u.v[0]), &number<T>(u.v[1])};
      const int lead = sign_of(*a[0]) != 0 ? 0 : sign_of(*a[1]) != 0 ? 1 : -1;
      if (lead < 0) {  // ReLU(b)·v, whatever x is
        if (sign_of(b) > 0) {
          constant_[0] = constant_[0] + b * *v[0];
          constant_[1] = constant_[1] + b * *v[1];
        }
        continue;
      }
      Term term;
      std::array<T, 2> d;
      if (*a[lead] == 1) {  // λ = 1, the usual case: no divisions
        d = {*a[0], *a[1]};
        term.beta = -b;
        term.w = {*v[0], *v[1]};
      } else {
        const T lambda = sign_of(*a[lead]) > 0 ? *a[lead] : T(-*a[lead]);
        d = {T(*a[0] / lambda), T(*a[1] / lambda)};
        term.beta = -b / lambda;
        term.w = {T(lambda * *v[0]), T(lambda * *v[1])};
      }
      term.order = approx(term.beta);
      if (!last || !(d[0] == last_d[0] && d[1] == last_d[1])) {
        last = &by_direction[d];
        last_d = d;
      }
      last->push_back(std::move(term));
    }
    std::vector<std::pair<const std::array<T, 2>*, std::vector<Term>*>> directions;
    for (auto& [d, terms] : by_direction) directions.emplace_back(&d, &terms);
    groups_.resize(directions.size());
    const auto build = [&](std::size_t j) {
      const std::array<T, 2>& d = *directions[j].first;
      std::vector<Term>& terms = *directions[j].second;
      std::sort(terms.begin(), terms.end(), [](const Term& p, const Term& q) {
        return p.order != q.order ? p.order < q.order : p.beta < q.beta;
      });
      Group<T> g;
      g.d = d;
      g.beta.reserve(terms.size());
      g.w.reserve(terms.size() + 1);
      g.bw.reserve(terms.size() + 1);
      g.w.push_back({T(0), T(0)});
      g.bw.push_back({T(0), T(0)});
      T product;
      for (auto& t : terms) {
        std::array<T, 2> w = g.w.back(), bw = g.bw.back();
        for (int j = 0; j < 2; ++j) {
          w[j] += t.w[j];
          product = t.beta * t.w[j];
          bw[j] += product;
        }
        g.w.push_back(std::move(w));
        g.bw.push_back(std::move(bw));
        g.beta.push_back(std::move(t.beta));
      }
      groups_[j] = std::move(g);
    };
    if constexpr (parallel_setup<T>) {
      for_each_on_two_threads(directions.size(), build);
    } else {
      for (std::size_t j = 0; j < directions.size(); ++j) build(j);
    }
  }

  std::array<T, 2> operator()(const Point& p) const {
    const T x0(p.x), x1(p.y);
    std::array<T, 2> sum = constant_;
    for (const auto& g : groups_) {
      const T t = g.d[0] * x0 + g.d[1] * x1;
      // k = #{i : β_i < t}; terms with β_i = t contribute 0 either way.
      const std::size_t k = std::lower_bound(g.beta.begin(), g.beta.end(), t) - g.beta.begin();
      sum[0] = sum[0] + (t * g.w[k][0] - g.bw[k][0]);
      sum[1] = sum[1] + (t * g.w[k][1] - g.bw[k][1]);
    }
    return sum;
  }

  std::size_t directions() const { return groups_.size(); }

 private:
  std::array<T, 2> constant_;
  std::vector<Group<T>> groups_;
};

// The same sums in machine integers, for the usual case: integer points and
// prefix sums with moderate numerators and denominators (a compiled witness
// has thousands of distinct denominators, so there is no useful common one;
// each prefix gets its own):
//
//   per direction g: D_g = lcm of the denominators of d, e = D_g·d (integers),
//     so t = T/D_g with T = e·x; β_i < t  <=>  floor(D_g·β_i) < T (T an integer);
//   per prefix k of g: E = lcm of the denominators of W_k/D_g and B_k, so
//     t·W_k − B_k = (T·A − B')/E  with A = E·W_k/D_g, B' = E·B_k integers.
//
// A point's value is then a sum of a few such fractions, added exactly in
// __int128 (numerators) over a uint64 denominator with every operation
// checked. A point whose coordinates are not small integers, a prefix that
// did not fit, a |T| >= 2^62 or any overflow gives "no answer" from fits(),
// never an approximate one.
//
// These tables are the whole rational kernel: a breakpoint or prefix that
// does not scale is kept in mpq_class in a side table, and exact() evaluates
// any point from both in mpq_class. So there is no full mpq_class prefix
// table, which held five rationals per neuron (most of the checker's memory
// on a witness of 10^6 neurons), and the tables are built straight from the
// network, one direction at a time. Only a constant or a direction that does
// not scale (enabled() false) leaves the work to Kernel<mpq_class>.
// __extension__: __int128 is GCC's and Clang's, outside ISO C++ (-Wpedantic).
__extension__ typedef __int128 i128;

// What IntKernel reads of a network, whichever way it is held.
std::size_t neuron_count(const Network& n) {
  return n.neurons.size();
}
std::size_t neuron_count(const RationalNetwork& n) {
  return n.size();
}
std::array<mpq_class, 2> constant_of(const Network& n) {
  return {n.c[0].rational(), n.c[1].rational()};
}
std::array<mpq_class, 2> constant_of(const RationalNetwork& n) {
  return n.c;
}
void weights_of(const Network& n, std::size_t i, RationalNetwork::Weights& out) {
  const Neuron& u = n.neurons[i];
  out[0] = u.a[0].rational();
  out[1] = u.a[1].rational();
  out[2] = u.b.rational();
  out[3] = u.v[0].rational();
  out[4] = u.v[1].rational();
}
void weights_of(const RationalNetwork& n, std::size_t i, RationalNetwork::Weights& out) {
  n.get(i, out);
}

class IntKernel {
 public:
  static constexpr std::int64_t limit = std::int64_t(1) << 62;

  template <class N>  // Network (rational) or RationalNetwork
  explicit IntKernel(const N& network) {
    constant_q_ = constant_of(network);
    // Neurons by direction, as (approximate β, index): the exact terms are
    // computed again when a direction is built, so that nothing of the size
    // of the network is held in mpq_class here.
    std::map<std::array<mpq_class, 2>, std::size_t, Less<mpq_class>> index;
    std::vector<std::array<mpq_class, 2>> directions;
    std::vector<std::vector<Entry>> entries;
    std::size_t last = 0;  // consecutive neurons mostly share a direction
    std::array<mpq_class, 2> d;
    RationalNetwork::Weights u;  // a[0], a[1], b, v[0], v[1]
    mpq_class product;
    for (std::size_t i = 0; i < neuron_count(network); ++i) {
      weights_of(network, i, u);
      const int lead = lead_of(u);
      if (lead < 0) {  // ReLU(b)·v, whatever x is
        if (sgn(u[2]) > 0)
          for (int j = 0; j < 2; ++j) {
            product = u[2] * u[3 + j];
            constant_q_[j] += product;
          }
        continue;
      }
      const mpq_class& al = u[lead];
      double order;
      if (al == 1) {            // λ = 1, the usual case: d = a, β = −b
        order = -u[2].get_d();  // truncation is symmetric: still monotone
        if (directions.empty() || !(u[0] == directions[last][0] && u[1] == directions[last][1]))
          last = slot(index, directions, entries, {u[0], u[1]});
      } else {
        const mpq_class lambda = abs(al);
        d = {u[0] / lambda, u[1] / lambda};
        order = mpq_class(-u[2] / lambda).get_d();
        if (directions.empty() || !(d[0] == directions[last][0] && d[1] == directions[last][1]))
          last = slot(index, directions, entries, d);
      }
      entries[last].push_back({order, i});
    }
    index.clear();
    mpz_class cd;
    mpz_lcm(cd.get_mpz_t(), constant_q_[0].get_den_mpz_t(), constant_q_[1].get_den_mpz_t());
    if (!fits(cd)) return;
    for (int j = 0; j < 2; ++j) {
      const mpq_class c = constant_q_[j] * cd;
      if (!fits(c.get_num())) return;
      constant_[j] = c.get_num().get_si();
    }
    constant_den_ = cd.get_ui();
    groups_.resize(directions.size());
    // Every direction scales, or the kernel is not used (enabled_ stays false).
    for (std::size_t gj = 0; gj < groups_.size(); ++gj) {
      mpz_class dz;
      mpz_lcm(dz.get_mpz_t(), directions[gj][0].get_den_mpz_t(), directions[gj][1].get_den_mpz_t());
      if (!fits(dz)) return;
      for (int j = 0; j < 2; ++j) {
        const mpq_class e = directions[gj][j] * dz;
        if (!fits(e.get_num())) return;
        groups_[gj].e[j] = e.get_num().get_si();
      }
      groups_[gj].d = dz.get_si();
    }
    for_each_on_two_threads(groups_.size(), [&](std::size_t gj) {
      build(network, entries[gj], groups_[gj]);
      std::vector<Entry>().swap(entries[gj]);  // freed as soon as it is built
    });
    hints_ = std::make_unique<std::atomic<std::size_t>[]>(groups_.size());
    for (std::size_t j = 0; j < groups_.size(); ++j) hints_[j].store(0);
    enabled_ = true;
  }

  bool enabled() const { return enabled_; }
  std::size_t directions() const { return groups_.size(); }

  // f(x) in mpq_class from the same tables, for any rational point: with
  // T = D·t, the prefix k counts floor(D·β_i) < floor(T) at once and compares
  // the β_i with floor(D·β_i) = floor(T) exactly (a binary search: above the
  // int64 range every breakpoint is clamped to the same value).
  std::array<mpq_class, 2> exact(const Point& p) const {
    std::array<mpq_class, 2> sum = constant_q_;
    mpq_class t, term;  // t is T = D·t here
    mpz_class s, lhs, rhs;
    for (const auto& g : groups_) {
      t = p.x * g.e[0] + p.y * g.e[1];
      mpz_fdiv_q(s.get_mpz_t(), t.get_num_mpz_t(), t.get_den_mpz_t());
      const std::int64_t s64 = s >= limit ? limit : s <= -limit ? -limit : s.get_si();
      const auto range = std::equal_range(g.floor_beta.begin(), g.floor_beta.end(), s64);
      std::size_t k = range.first - g.floor_beta.begin();
      // β_i < t  <=>  D·β_i < T, for i in the range
      std::size_t count = range.second - range.first;
      while (count > 0) {
        const std::size_t step = count / 2, mid = k + step;
        const BetaFraction& b = g.beta[mid];
        bool below;
        if (b.den != 0) {  // βn·D·T.den < T.num·βd  (βd > 0)
          lhs = t.get_den() * b.num;
          lhs *= g.d;
          rhs = t.get_num() * b.den;
          below = lhs < rhs;
        } else {
          below = g.big_beta[static_cast<std::size_t>(b.num)] * g.d < t;
        }
        if (below) {
          k = mid + 1;
          count -= step + 1;
        } else {
          count = step;
        }
      }
      const Prefix& e = g.prefix[k];
      for (int j = 0; j < 2; ++j) {
        if (e.den != 0) {  // (T·A − B') / E
          term = t * e.a[j];
          term -= e.b[j];
          term /= e.den;
        } else {  // T·(W_k/D) − B_k
          const auto& big = g.big_prefix[static_cast<std::size_t>(e.a[0])];
          term = t * big[j];
          term -= big[2 + j];
        }
        sum[j] += term;
      }
    }
    return sum;
  }

  // f(x) == y, or nullopt when the integers cannot decide it. A rational
  // point x = X/q (q the lcm of its denominators) has t = T/(q·D) with
  // T = e·X; its prefix k counts floor(D·β_i) < floor(T/q) at once and
  // compares the few β_i with floor(D·β_i) = floor(T/q) exactly.
  std::optional<bool> fits(const Point& p, const Label& y) const {
    std::int64_t q = 1;
    std::array<std::int64_t, 2> x{};
    if (!scaled(p, x, q)) return std::nullopt;
    // f(x) = num[j] / den, not necessarily in lowest terms.
    std::array<i128, 2> num = {constant_[0], constant_[1]};
    std::uint64_t den = constant_den_;
    for (const auto& g : groups_) {
      const i128 t = i128(g.e[0]) * x[0] + i128(g.e[1]) * x[1];  // |each product| < 2^124
      if (t >= limit || t <= -limit) return std::nullopt;
      const std::int64_t t64 = static_cast<std::int64_t>(t);
      std::int64_t s = t64;  // floor(T/q); integer points (q = 1) skip the division
      if (q != 1) {
        s = t64 / q;
        if (t64 % q != 0 && t64 < 0) --s;
      }
      std::size_t k = lower_bound_near(g.floor_beta, s, hints_[&g - groups_.data()]);
      for (; k < g.floor_beta.size() && g.floor_beta[k] == s; ++k) {
        // β_k < t  <=>  D·βn·q < T·βd  (βd > 0)
        const BetaFraction& b = g.beta[k];
        if (b.den == 0) return std::nullopt;
        i128 lhs;
        if (__builtin_mul_overflow(i128(b.num) * g.d, i128(q), &lhs)) return std::nullopt;
        if (!(lhs < t * b.den)) break;
      }
      const Prefix& e = g.prefix[k];
      if (e.den == 0) return std::nullopt;  // did not fit
      // t·W_k − B_k = (T·A − q·B') / (q·E)
      std::uint64_t term_den;
      if (__builtin_mul_overflow(e.den, static_cast<std::uint64_t>(q), &term_den) ||
          term_den >= std::uint64_t(limit))
        return std::nullopt;
      std::array<i128, 2> term;
      for (int j = 0; j < 2; ++j) term[j] = t * e.a[j] - i128(q) * e.b[j];  // |·| < 2^125
      if (!add(num, den, term, term_den)) return std::nullopt;
    }
    const std::array<const mpq_class*, 2> label = {&y.out1, &y.out2};
    for (int j = 0; j < 2; ++j) {
      // num/den == p/q  <=>  num·q == p·den (no overflow: checked).
      const mpq_class& l = *label[j];
      if (!fits(l.get_num()) || !fits(l.get_den())) return std::nullopt;
      i128 lhs, rhs;
      if (__builtin_mul_overflow(num[j], i128(l.get_den().get_si()), &lhs) ||
          __builtin_mul_overflow(i128(l.get_num().get_si()), i128(den), &rhs))
        return std::nullopt;
      if (lhs != rhs) return false;
    }
    return true;
  }

 private:
  struct Entry {
    double order;  // approx(β), the sort key before the exact one
    std::size_t neuron;
  };
  // A value that does not fit has den 0 and its index in the group's side
  // table in num (a[0] for a prefix).
  struct BetaFraction {
    std::int64_t num = 0, den = 0;
  };
  struct Prefix {
    std::uint64_t den = 0;  // E
    std::array<std::int64_t, 2> a{}, b{};
  };
  struct Group {
    std::array<std::int64_t, 2> e{};
    std::int64_t d = 1;                                // D
    std::vector<BetaFraction> beta;                    // β_i, for the exact comparisons
    std::vector<std::int64_t> floor_beta;              // floor(D·β_i), sorted, clamped to ±limit
    std::vector<Prefix> prefix;                        // per k
    std::vector<mpq_class> big_beta;                   // the β_i that do not fit
    std::vector<std::array<mpq_class, 4>> big_prefix;  // W_k/D and B_k that do not fit
  };

  // The index of the first non-zero coordinate of a, or -1 when a = 0.
  static int lead_of(const RationalNetwork::Weights& u) {
    return sgn(u[0]) != 0 ? 0 : sgn(u[1]) != 0 ? 1 : -1;
  }

  // β = −b/λ and w = λ·v of a neuron with a != 0 (λ = |a[lead]|).
  static void term_of(const RationalNetwork::Weights& u, mpq_class& beta,
                      std::array<mpq_class, 2>& w) {
    const mpq_class& al = u[lead_of(u)];
    if (al == 1) {
      beta = -u[2];
      w = {u[3], u[4]};
      return;
    }
    const mpq_class lambda = abs(al);
    beta = -u[2] / lambda;
    for (int j = 0; j < 2; ++j) w[j] = lambda * u[3 + j];
  }

  static std::size_t slot(std::map<std::array<mpq_class, 2>, std::size_t, Less<mpq_class>>& index,
                          std::vector<std::array<mpq_class, 2>>& directions,
                          std::vector<std::vector<Entry>>& entries,
                          const std::array<mpq_class, 2>& d) {
    const auto [it, added] = index.emplace(d, directions.size());
    if (added) {
      directions.push_back(d);
      entries.emplace_back();
    }
    return it->second;
  }

  // One direction's tables from its neurons: sorted by β (a double first,
  // exactly on ties), then the prefix sums walked once in mpq_class.
  template <class N>
  static void build(const N& network, std::vector<Entry>& entries, Group& h) {
    std::sort(entries.begin(), entries.end(), [&](const Entry& p, const Entry& q) {
      if (p.order != q.order) return p.order < q.order;
      RationalNetwork::Weights u;
      mpq_class bp, bq;
      std::array<mpq_class, 2> w;
      weights_of(network, p.neuron, u);
      term_of(u, bp, w);
      weights_of(network, q.neuron, u);
      term_of(u, bq, w);
      return bp < bq;
    });
    RationalNetwork::Weights u;
    const mpq_class dq(h.d);
    h.beta.reserve(entries.size());
    h.floor_beta.reserve(entries.size());
    h.prefix.reserve(entries.size() + 1);
    std::array<mpq_class, 2> sum_w, sum_bw, w;
    mpq_class beta, r, product;
    mpz_class f;
    h.prefix.push_back(prefix(sum_w, sum_bw, dq, h));
    for (const Entry& entry : entries) {
      weights_of(network, entry.neuron, u);
      term_of(u, beta, w);
      if (h.d == 1) {
        mpz_fdiv_q(f.get_mpz_t(), beta.get_num_mpz_t(), beta.get_den_mpz_t());
      } else {
        r = beta * dq;
        mpz_fdiv_q(f.get_mpz_t(), r.get_num_mpz_t(), r.get_den_mpz_t());
      }
      // Clamping keeps the comparison with |T| < limit exact.
      h.floor_beta.push_back(f >= limit ? limit : f <= -limit ? -limit : f.get_si());
      if (fits(beta.get_num()) && fits(beta.get_den())) {
        h.beta.push_back({beta.get_num().get_si(), beta.get_den().get_si()});
      } else {
        h.beta.push_back({static_cast<std::int64_t>(h.big_beta.size()), 0});
        h.big_beta.push_back(beta);
      }
      for (int j = 0; j < 2; ++j) {
        sum_w[j] += w[j];
        product = beta * w[j];
        sum_bw[j] += product;
      }
      h.prefix.push_back(prefix(sum_w, sum_bw, dq, h));
    }
  }

  static Prefix prefix(const std::array<mpq_class, 2>& w, const std::array<mpq_class, 2>& bw,
                       const mpq_class& d, Group& h) {
    const bool unit = d == 1;  // the usual case: no divisions
    std::array<mpq_class, 2> wd;
    for (int j = 0; j < 2; ++j) wd[j] = unit ? w[j] : mpq_class(w[j] / d);
    mpz_class e = 1;
    for (const mpq_class* v : std::array<const mpq_class*, 4>{&wd[0], &wd[1], &bw[0], &bw[1]})
      mpz_lcm(e.get_mpz_t(), e.get_mpz_t(), v->get_den_mpz_t());
    Prefix out;
    bool scaled = fits(e);
    const mpq_class eq(e);
    for (int j = 0; j < 2 && scaled; ++j) {
      const mpq_class a = wd[j] * eq, b = bw[j] * eq;
      scaled = fits(a.get_num()) && fits(b.get_num());
      if (scaled) {
        out.a[j] = a.get_num().get_si();
        out.b[j] = b.get_num().get_si();
      }
    }
    if (scaled) {
      out.den = e.get_ui();
      return out;
    }
    out = {};
    out.a[0] = static_cast<std::int64_t>(h.big_prefix.size());
    h.big_prefix.push_back({std::move(wd[0]), std::move(wd[1]), bw[0], bw[1]});
    return out;
  }

  // std::lower_bound(a, s), searched outward from the previous answer: the
  // points of a dataset come gadget by gadget, so consecutive points have
  // nearby t and the answer is usually a step or two away, where a binary
  // search over 10^5 breakpoints would miss the cache ~17 times. Any hint
  // gives the exact answer (it only decides where the search starts), so the
  // hints are relaxed atomics: concurrent fits() calls stay correct.
  static std::size_t lower_bound_near(const std::vector<std::int64_t>& a, std::int64_t s,
                                      std::atomic<std::size_t>& hint) {
    const std::size_t n = a.size();
    const std::size_t h = std::min(hint.load(std::memory_order_relaxed), n);
    std::size_t lo = 0, hi = n, step = 1;  // the answer is in [lo, hi]
    if (h < n && a[h] < s) {
      lo = h + 1;  // a[lo - 1] < s
      while (lo + step - 1 < n && a[lo + step - 1] < s) {
        lo += step;
        step *= 2;
      }
      hi = std::min(n, lo + step - 1);  // a[hi] >= s or hi == n
    } else {
      hi = h;  // a[hi] >= s or hi == n
      while (hi >= step && a[hi - step] >= s) {
        hi -= step;
        step *= 2;
      }
      lo = hi >= step ? hi - step + 1 : 0;  // a[lo - 1] < s or lo == 0
    }
    const std::size_t k = std::lower_bound(a.begin() + lo, a.begin() + hi, s) - a.begin();
    hint.store(k, std::memory_order_relaxed);
    return k;
  }

  static std::uint64_t gcd(std::uint64_t u, std::uint64_t v) {  // binary gcd, u, v > 0
    const int shift = __builtin_ctzll(u | v);
    u >>= __builtin_ctzll(u);
    do {
      v >>= __builtin_ctzll(v);
      if (u > v) std::swap(u, v);
      v -= u;
    } while (v != 0);
    return u << shift;
  }

  // num/den += term/e, exactly, or false on overflow.
  static bool add(std::array<i128, 2>& num, std::uint64_t& den, const std::array<i128, 2>& term,
                  std::uint64_t e) {
    if (e == den) {
      for (int j = 0; j < 2; ++j)
        if (__builtin_add_overflow(num[j], term[j], &num[j])) return false;
      return true;
    }
    if (den == 1) {  // the first term after an integer constant: no gcd, nothing to reduce yet
      for (int j = 0; j < 2; ++j) {
        i128 a;
        if (__builtin_mul_overflow(num[j], i128(e), &a) ||
            __builtin_add_overflow(a, term[j], &num[j]))
          return false;
      }
      den = e;
      return true;
    }
    const std::uint64_t g = gcd(den, e);
    const std::uint64_t scale_num = e / g, scale_term = den / g;
    std::uint64_t new_den;
    if (__builtin_mul_overflow(scale_term, e, &new_den) || new_den >= std::uint64_t(limit))
      return false;
    for (int j = 0; j < 2; ++j) {
      i128 a, b;
      if (__builtin_mul_overflow(num[j], i128(scale_num), &a) ||
          __builtin_mul_overflow(term[j], i128(scale_term), &b) ||
          __builtin_add_overflow(a, b, &num[j]))
        return false;
    }
    den = new_den;
    reduce(num, den);
    return true;
  }

  // Divides num and den by their common factor: the terms' denominators
  // mostly cancel (labels are small), and without this their product would
  // soon overflow.
  static void reduce(std::array<i128, 2>& num, std::uint64_t& den) {
    const i128 lowest = -(i128(1) << 126) - (i128(1) << 126);  // -2^127
    std::uint64_t g = den;
    // The sums are usually small: 64-bit remainders and quotients then, as
    // __int128 ones are library calls several times slower.
    const bool small = fits_u64(num[0]) && fits_u64(num[1]);
    for (int j = 0; j < 2 && g > 1; ++j) {
      if (num[j] == lowest) return;  // -num would overflow
      const i128 magnitude = num[j] < 0 ? -num[j] : num[j];
      const auto rest = small ? static_cast<std::uint64_t>(magnitude) % g
                              : static_cast<std::uint64_t>(magnitude % g);
      if (rest != 0) g = gcd(g, rest);
    }
    if (g <= 1) return;
    den /= g;
    for (int j = 0; j < 2; ++j) {
      if (small) {
        const auto magnitude = static_cast<std::uint64_t>(num[j] < 0 ? -num[j] : num[j]) / g;
        num[j] = num[j] < 0 ? -i128(magnitude) : i128(magnitude);
      } else {
        num[j] /= static_cast<i128>(g);
      }
    }
  }

  // |v| < 2^64, so that |v| is a uint64.
  static bool fits_u64(i128 v) {
    const i128 bound = i128(1) << 64;
    return v < bound && v > -bound;
  }

  // |v| < 2^62 keeps every product above inside __int128.
  static bool fits(const mpz_class& v) {
    if (!mpz_fits_slong_p(v.get_mpz_t())) return false;
    const long x = mpz_get_si(v.get_mpz_t());  // no temporary: this runs per point
    return x < limit && x > -limit;
  }

  // x = X/q with q = lcm of the coordinates' denominators, all below 2^62.
  static bool scaled(const Point& p, std::array<std::int64_t, 2>& x, std::int64_t& q) {
    const mpq_class* c[2] = {&p.x, &p.y};
    std::int64_t den[2];
    for (int j = 0; j < 2; ++j) {
      if (!fits(c[j]->get_num()) || !fits(c[j]->get_den())) return false;
      den[j] = c[j]->get_den().get_si();
    }
    const std::int64_t g =
        den[0] == den[1] ? den[0] : static_cast<std::int64_t>(gcd(den[0], den[1]));
    if (__builtin_mul_overflow(den[0] / g, den[1], &q) || q >= limit) return false;
    for (int j = 0; j < 2; ++j)
      if (__builtin_mul_overflow(c[j]->get_num().get_si(), q / den[j], &x[j]) || x[j] >= limit ||
          x[j] <= -limit)
        return false;
    return true;
  }

  bool enabled_ = false;
  std::array<mpq_class, 2> constant_q_;
  std::array<std::int64_t, 2> constant_{};
  std::uint64_t constant_den_ = 1;
  std::vector<Group> groups_;
  std::unique_ptr<std::atomic<std::size_t>[]> hints_;  // per group: the last prefix found
};

}  // namespace

struct Evaluator::Impl {
  bool rational;
  std::unique_ptr<IntKernel> z;          // rational weights that scale to int64
  std::unique_ptr<Kernel<mpq_class>> q;  // other rational weights
  std::unique_ptr<Kernel<Real>> r;
};

Evaluator::Evaluator(const Network& network) : impl_(std::make_unique<Impl>()) {
  impl_->rational = is_rational(network);
  if (impl_->rational) {
    impl_->z = std::make_unique<IntKernel>(network);
    if (!impl_->z->enabled()) {
      impl_->z.reset();
      impl_->q = std::make_unique<Kernel<mpq_class>>(network);
    }
  } else {
    impl_->r = std::make_unique<Kernel<Real>>(network);
  }
}
Evaluator::Evaluator(const RationalNetwork& network) : impl_(std::make_unique<Impl>()) {
  impl_->rational = true;
  impl_->z = std::make_unique<IntKernel>(network);
  if (!impl_->z->enabled()) {  // rare: held as Reals only while the kernel is set up
    impl_->z.reset();
    impl_->q = std::make_unique<Kernel<mpq_class>>(network.expanded());
  }
}
Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator&&) noexcept = default;
Evaluator& Evaluator::operator=(Evaluator&&) noexcept = default;

Output Evaluator::operator()(const Point& x) const {
  if (impl_->z) {
    const auto out = impl_->z->exact(x);
    return {Real(out[0]), Real(out[1])};
  }
  if (impl_->q) {
    const auto out = (*impl_->q)(x);
    return {Real(out[0]), Real(out[1])};
  }
  return (*impl_->r)(x);
}

bool Evaluator::fits(const Point& x, const Label& y) const {
  if (impl_->z) {
    if (const auto answer = impl_->z->fits(x, y)) return *answer;
    const auto out = impl_->z->exact(x);
    return out[0] == y.out1 && out[1] == y.out2;
  }
  if (impl_->q) {
    const auto out = (*impl_->q)(x);
    return out[0] == y.out1 && out[1] == y.out2;
  }
  const auto out = (*impl_->r)(x);
  return out[0] == Real(y.out1) && out[1] == Real(y.out2);
}

std::size_t Evaluator::directions() const {
  return impl_->z   ? impl_->z->directions()
         : impl_->q ? impl_->q->directions()
                    : impl_->r->directions();
}

bool Evaluator::rational() const {
  return impl_->rational;
}

bool Evaluator::integer_path() const {
  return impl_->z != nullptr;
}

}  // namespace etr2nn::check
