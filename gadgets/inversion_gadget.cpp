#include "gadgets/inversion_gadget.hpp"

#include <stdexcept>

#include "gadgets/symbolic_witness.hpp"

namespace etr2nn::gadgets {
namespace {

DataLine line(int t, int out1, int out2) {
  return {mpq_class(t), Label{out1, out2}};
}

// Reading constant + coefficient * s_parameter (parameter 0 = s1, 1 = s2).
Reading reads(int constant, int coefficient, unsigned parameter) {
  return {mpq_class(constant), mpq_class(coefficient), parameter};
}

// The witness, once, for both number types. With s1 = X + 1 and u = 3/s1 in
// [1, 2]: out1 rises with slope s1 on [4 - u, 4 + u] from 0 to 6; out2 rises
// with slope s2 = 3/(3 - u) on [4 + u, 10 - u] from 0 to 6 (the breakpoint
// 4 + u is shared, which is what ties s2 to s1); both fall with slope -1 on
// [11, 17].
template <class Number>
std::vector<BreakpointOf<Number>> witness_formula(const Number& x) {
  auto c = [&x](int v) { return constant_like(x, v); };
  Number s1 = x + c(1);
  Number u = c(3) / s1;
  Number s2 = c(3) / (c(3) - u);
  return {{c(4) - u, s1, c(0)},
          {c(4) + u, -s1, s2},
          {c(10) - u, c(0), -s2},
          {c(11), c(-1), c(-1)},
          {c(17), c(1), c(1)}};
}

}  // namespace

InversionGadget::InversionGadget()
    : data_lines_{line(0, 0, 0),  line(1, 0, 0),  line(2, 0, 0),  line(4, 3, 0),  line(7, 6, 3),
                  line(9, 6, 6),  line(10, 6, 6), line(11, 6, 6), line(13, 4, 4), line(15, 2, 2),
                  line(17, 0, 0), line(18, 0, 0), line(19, 0, 0)},
      measuring_{{3, "3 - s1 on out1, 0 on out2", reads(3, -1, 0), reads(0, 0, 0)},
                 {5, "3 + s1 on out1, 0 on out2", reads(3, 1, 0), reads(0, 0, 0)},
                 {6, "6 on out1, 3 - s2 on out2", reads(6, 0, 0), reads(3, -1, 1)},
                 {8, "6 on out1, 3 + s2 on out2", reads(6, 0, 0), reads(3, 1, 1)}} {}

std::string InversionGadget::description() const {
  return "inversion / variable carrier: out1 slope s1 = X + 1, out2 slope s2 = 1/X + 1";
}

std::pair<mpq_class, mpq_class> InversionGadget::admitted_range() const {
  return {mpq_class(1, 2), mpq_class(2)};
}

std::vector<Breakpoint> InversionGadget::witness(const Real& x) const {
  auto [lo, hi] = admitted_range();
  if (x < Real(lo) || x > Real(hi)) throw std::domain_error("I gadget: X outside [1/2, 2]");
  return to_breakpoints(witness_formula(x));
}

std::vector<SymbolicBreakpoint> InversionGadget::symbolic_witness(const z3::expr& x) const {
  return to_symbolic(witness_formula(x));
}

}  // namespace etr2nn::gadgets
