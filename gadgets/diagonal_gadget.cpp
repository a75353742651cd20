#include "gadgets/diagonal_gadget.hpp"

#include <stdexcept>

#include "gadgets/symbolic_witness.hpp"

namespace etr2nn::gadgets {
namespace {

DataLine line(int t, int out1, int out2) { return {mpq_class(t), Label{out1, out2}}; }

Reading reads(int constant, int coefficient) { return {mpq_class(constant), mpq_class(coefficient), 0}; }

// The witness, once, for both number types. With s = X + 1:
//   a = 4 - 3/s            (s, s)        both outputs start rising with slope s
//   b = 4 + 6/(s + 1)      (-s-1, m - s) out1 turns onto the line 13 - t,
//                                        out2 onto slope m = -2s/X through (7, 3)
//   e = 7 + 3X/(2s)        (0, -m)       out2 reaches 0 and stays there
//   13                     (1, 0)        out1 reaches 0 and stays there
// b is where the rise 3 + s(t - 4) meets 13 - t; e in [15/2, 8] for X in [1/2, 2].
template <class Number>
std::vector<BreakpointOf<Number>> witness_formula(const Number& x) {
  auto c = [&x](int v) { return constant_like(x, v); };
  Number s = x + c(1);
  Number m = c(-2) * s / x;
  return {{c(4) - c(3) / s, s, s},
          {c(4) + c(6) / (s + c(1)), -s - c(1), m - s},
          {c(7) + c(3) * x / (c(2) * s), c(0), -m},
          {c(13), c(1), c(0)}};
}

}  // namespace

DiagonalGadget::DiagonalGadget()
    : data_lines_{line(0, 0, 0),  line(1, 0, 0),  line(2, 0, 0),  line(4, 3, 3),
                  line(7, 6, 3),  line(8, 5, 0),  line(10, 3, 0), line(13, 0, 0),
                  line(15, 0, 0), line(17, 0, 0), line(18, 0, 0), line(19, 0, 0)},
      measuring_{{3, "3 - s on both outputs", reads(3, -1), reads(3, -1)},
                 {5, "3 + s on both outputs", reads(3, 1), reads(3, 1)}} {}

std::string DiagonalGadget::description() const {
  return "diagonal: both outputs share one slope s in [3/2, 3]";
}

std::pair<mpq_class, mpq_class> DiagonalGadget::admitted_range() const {
  // s = X + 1 in [3/2, 3]: a = 4 - 3/s must not pass t = 2 (out 0 there), and
  // e = 7 + 3X/(2s) must not pass t = 8 (out2 = 0 there).
  return {mpq_class(1, 2), mpq_class(2)};
}

std::vector<Breakpoint> DiagonalGadget::witness(const Real& x) const {
  auto [lo, hi] = admitted_range();
  if (x < Real(lo) || x > Real(hi)) throw std::domain_error("D gadget: X outside [1/2, 2]");
  return to_breakpoints(witness_formula(x));
}

std::vector<SymbolicBreakpoint> DiagonalGadget::symbolic_witness(const z3::expr& x) const {
  return to_symbolic(witness_formula(x));
}

}  // namespace etr2nn::gadgets
