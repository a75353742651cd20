// A Train-F2NN instance: labelled points in Q^2 -> Q^2, a number m of hidden
// neurons, target error 0. This is what `compile` writes and `verify` reads.
//
// A dataset made by etr2nn also carries its Meta: the ETR-INV instance and
// where every gadget and constraint point is, so that decode can read each
// variable off its canonical gadget and the arrangement can be rebuilt
// (dataset/detail/meta.hpp). The file format is docs/dataset-format.md.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "etrinv/etrinv.hpp"
#include "gadgets/gadget_kind.hpp"
#include "geometry/plane.hpp"
#include "layout/layout.hpp"

namespace etr2nn::dataset {

struct LabelledPoint {
  geometry::Point x;
  gadgets::Label y;
  friend bool operator==(const LabelledPoint&, const LabelledPoint&) = default;
};

// A gadget and the points that are its data points: points[first_point, end_point).
struct GadgetRecord {
  layout::Gadget gadget;
  std::size_t first_point = 0, end_point = 0;
};

// A constraint point and its index in the dataset's points.
struct ConstraintPointRecord {
  layout::ConstraintPoint point;
  std::size_t index = 0;
};

// Counts, for the summary of compile and inspect and for the meta.
struct Statistics {
  std::size_t points = 0;
  std::size_t data_points = 0;
  std::size_t constraint_points = 0;
  std::size_t neurons = 0;
  std::size_t labels = 0;
  std::map<std::string, std::size_t> gadgets_by_kind;            // "I", "D"
  std::map<std::string, std::size_t> constraint_points_by_kind;  // "copy", "add", ...
  mpq_class points_per_neuron;                                   // 0 when there are no neurons
  friend bool operator==(const Statistics&, const Statistics&) = default;
};

// meta.reduction: how the instance was obtained from the sentence the user
// compiled (docs/dataset-format.md). Enough to map values both ways without
// the input file: backward (decode) needs the carriers and E, forward
// (witness --assign with the sentence's own variables) needs the sentence.
struct Origin {
  std::string input;            // the input file as named to compile
  bool passed_through = true;   // the sentence was ETR-INV already: identity maps
  unsigned bound_exponent = 0;  // K (general sentences)
  // x = (X - 1) / (E - 1) for each input variable x and its carrier X.
  std::map<std::string, etrinv::VariableIndex> carrier;
  std::optional<etrinv::VariableIndex> epsilon;  // E = 1 + eps; absent in older files
  std::optional<std::string> sentence;           // the input, printed; absent in older files
};

struct Meta {
  etrinv::Instance instance;
  layout::Parameters parameters;
  layout::Lanes lanes;
  std::vector<layout::Family> families;
  std::vector<GadgetRecord> gadgets;
  std::vector<ConstraintPointRecord> constraint_points;
  // canonical[v]: index into gadgets of variable v's canonical I gadget, the
  // one decode reads v from (its strip, its home data points).
  std::vector<std::size_t> canonical;
  Statistics statistics;
  std::optional<Origin> origin;  // absent when the file has no meta.reduction
};

struct Dataset {
  std::vector<LabelledPoint> points;
  std::size_t hidden_neurons = 0;
  std::vector<gadgets::Label> labels;  // the distinct labels, sorted
  std::optional<Meta> meta;            // present in datasets made by etr2nn
};

}  // namespace etr2nn::dataset
