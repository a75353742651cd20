#include "gadgets/inversion_gadget.hpp"

#include <stdexcept>

namespace etr2nn::gadgets {
namespace {

DataLine line(int t, int out1, int out2) { return {mpq_class(t), Label{out1, out2}}; }

}  // namespace

InversionGadget::InversionGadget()
    : data_lines_{line(0, 0, 0),  line(1, 0, 0),  line(2, 0, 0),  line(4, 3, 0),  line(7, 6, 3),
                  line(9, 6, 6),  line(10, 6, 6), line(11, 6, 6), line(13, 4, 4), line(15, 2, 2),
                  line(17, 0, 0), line(18, 0, 0), line(19, 0, 0)},
      measuring_{{3, "3 - s1 on out1, 0 on out2"},
                 {5, "3 + s1 on out1, 0 on out2"},
                 {6, "6 on out1, 3 - s2 on out2"},
                 {8, "6 on out1, 3 + s2 on out2"}} {}

std::string InversionGadget::description() const {
  return "inversion / variable carrier: out1 slope s1 = X + 1, out2 slope s2 = 1/X + 1";
}

std::pair<mpq_class, mpq_class> InversionGadget::admitted_range() const {
  return {mpq_class(1, 2), mpq_class(2)};
}

std::vector<Breakpoint> InversionGadget::witness(const Real& x) const {
  auto [lo, hi] = admitted_range();
  if (x < Real(lo) || x > Real(hi)) throw std::domain_error("I gadget: X outside [1/2, 2]");
  Real s1 = x + 1;
  Real u = Real(3) / s1;
  Real s2 = Real(3) / (Real(3) - u);
  return {{Real(4) - u, s1, 0},
          {Real(4) + u, -s1, s2},
          {Real(10) - u, 0, -s2},
          {Real(11), -1, -1},
          {Real(17), 1, 1}};
}

}  // namespace etr2nn::gadgets
