#include "gadgets/registry.hpp"

#include "gadgets/diagonal_gadget.hpp"
#include "gadgets/inversion_gadget.hpp"

namespace etr2nn::gadgets {

const GadgetKind& inversion_gadget() {
  static const InversionGadget kind;
  return kind;
}

const GadgetKind& diagonal_gadget() {
  static const DiagonalGadget kind;
  return kind;
}

std::vector<const GadgetKind*> all_gadget_kinds() {
  return {&inversion_gadget(), &diagonal_gadget()};
}

const GadgetKind* gadget_kind(const std::string& name) {
  for (const auto* k : all_gadget_kinds())
    if (k->name() == name) return k;
  return nullptr;
}

const ConstraintPointKind& copy_point() {
  static const ConstraintPointKind kind{
      "copy",
      "A = B",
      {{"A", &inversion_gadget(), 5, "A"}, {"B", &inversion_gadget(), 3, "B"}},
      {6, 0}};
  return kind;
}

const ConstraintPointKind& add_point() {
  static const ConstraintPointKind kind{"add",
                                        "X + Y = Z",
                                        {{"X", &inversion_gadget(), 5, "X"},
                                         {"Y", &inversion_gadget(), 5, "Y"},
                                         {"Z", &inversion_gadget(), 3, "Z"}},
                                        {10, 0}};
  return kind;
}

const ConstraintPointKind& inv_point() {
  static const ConstraintPointKind kind{"inv",
                                        "X * Y = 1",
                                        {{"D", &diagonal_gadget(), 3, ""},
                                         {"Y", &inversion_gadget(), 5, "Y"},
                                         {"X", &inversion_gadget(), 8, "X"}},
                                        {12, 6}};
  return kind;
}

const ConstraintPointKind& one_point() {
  // Two copies of X in the roles of inv's Y and X: X * X = 1 on [1/2, 2].
  static const ConstraintPointKind kind{"one",
                                        "X = 1",
                                        {{"D", &diagonal_gadget(), 3, ""},
                                         {"Y", &inversion_gadget(), 5, "X"},
                                         {"X", &inversion_gadget(), 8, "X"}},
                                        {12, 6}};
  return kind;
}

std::vector<const ConstraintPointKind*> all_constraint_point_kinds() {
  return {&copy_point(), &add_point(), &inv_point(), &one_point()};
}

}  // namespace etr2nn::gadgets
