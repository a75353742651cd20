#include "gadgets/diagonal_gadget.hpp"

#include <stdexcept>

#include "gadgets/symbolic_witness.hpp"

namespace etr2nn::gadgets {
namespace {

DataLine line(int t, int out1, int out2) {
  return {mpq_class(t), Label{out1, out2}};
}

Reading reads(int constant, int coefficient) {
  return {mpq_class(constant), mpq_class(coefficient), 0};
}

// The witness, once, for both number types. With s = X + 1: both outputs rise
// with slope s on [4 - 3/s, 4 + 3/s] from 0 to 6 and fall with slope -1 on
// [11, 17].
template <class Number>
std::vector<BreakpointOf<Number>> witness_formula(const Number& x) {
  auto c = [&x](int v) { return constant_like(x, v); };
  Number s = x + c(1);
  Number w = c(3) / s;
  return {{c(4) - w, s, s}, {c(4) + w, -s, -s}, {c(11), c(-1), c(-1)}, {c(17), c(1), c(1)}};
}

}  // namespace

DiagonalGadget::DiagonalGadget()
    : data_lines_{line(0, 0, 0),  line(1, 0, 0),  line(2, 0, 0),  line(4, 3, 3),  line(7, 6, 6),
                  line(9, 6, 6),  line(10, 6, 6), line(11, 6, 6), line(13, 4, 4), line(15, 2, 2),
                  line(17, 0, 0), line(18, 0, 0), line(19, 0, 0)},
      measuring_{{3, "3 - s on both outputs", reads(3, -1), reads(3, -1)},
                 {5, "3 + s on both outputs", reads(3, 1), reads(3, 1)}} {}

std::string DiagonalGadget::description() const {
  return "diagonal: both outputs share one slope s >= 3/2";
}

std::pair<mpq_class, mpq_class> DiagonalGadget::admitted_range() const {
  // s = X + 1 in [3/2, 3]: the first breakpoint 4 - 3/s must not pass t = 2.
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
