#include "gadgets/diagonal_gadget.hpp"

#include <stdexcept>

namespace etr2nn::gadgets {
namespace {

DataLine line(int t, int out1, int out2) { return {mpq_class(t), Label{out1, out2}}; }

}  // namespace

DiagonalGadget::DiagonalGadget()
    : data_lines_{line(0, 0, 0),  line(1, 0, 0),  line(2, 0, 0),  line(4, 3, 3),  line(7, 6, 6),
                  line(9, 6, 6),  line(10, 6, 6), line(11, 6, 6), line(13, 4, 4), line(15, 2, 2),
                  line(17, 0, 0), line(18, 0, 0), line(19, 0, 0)},
      measuring_{{3, "3 - s on both outputs"}, {5, "3 + s on both outputs"}} {}

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
  Real s = x + 1;
  Real w = Real(3) / s;
  return {{Real(4) - w, s, s}, {Real(4) + w, -s, -s}, {Real(11), -1, -1}, {Real(17), 1, 1}};
}

}  // namespace etr2nn::gadgets
