// The registry of gadget kinds and constraint-point kinds.
//
// Layout, certification and documentation enumerate gadgets and constraint
// points through here, so adding a kind is one file pair plus one line.
#pragma once

#include <string>
#include <vector>

#include "gadgets/gadget_kind.hpp"

namespace etr2nn::gadgets {

const GadgetKind& inversion_gadget();  // "I"
const GadgetKind& diagonal_gadget();   // "D"
std::vector<const GadgetKind*> all_gadget_kinds();
// nullptr when unknown.
const GadgetKind* gadget_kind(const std::string& name);

// One line of a constraint point: the gadget role it belongs to and the
// measuring line (position t) of that gadget it lies on.
struct ConstraintLine {
  std::string role;  // e.g. "X", "Y", "Z", "D", "A", "B"
  const GadgetKind* kind;
  mpq_class position;
  // The equation's variable this gadget carries (its s_0 = variable + 1), or ""
  // for an auxiliary gadget (D) whose slope is free and set by the point
  // itself: for inv and one its witness is D's witness at Y (s_D = Y + 1,
  // which equals 1/X + 1 when X * Y = 1). Two roles may carry the same variable: the "one" point
  // reads two copies of X (tied to X by copy points).
  std::string variable = "";
};

// A constraint-point kind: the lines through the point and its label. In the
// witness regime the label holds iff `equation` holds.
struct ConstraintPointKind {
  std::string name;      // "copy", "add", "inv", "one"
  std::string equation;  // "A = B", "X + Y = Z", "X * Y = 1", "X = 1"
  std::vector<ConstraintLine> lines;
  Label label;
};

const ConstraintPointKind& copy_point();  // I_A t=5, I_B t=3 -> (6, 0)
const ConstraintPointKind& add_point();   // I_X t=5, I_Y t=5, I_Z t=3 -> (10, 0)
const ConstraintPointKind& inv_point();   // D t=3, I_Y t=5, I_X t=8 -> (12, 6)
const ConstraintPointKind& one_point();   // as inv with X = Y -> (12, 6)
std::vector<const ConstraintPointKind*> all_constraint_point_kinds();

}  // namespace etr2nn::gadgets
