// From a dataset's meta back to the arrangement it was emitted from.
//
// The witness builder works on an Arrangement; with this it can work on a
// dataset file too (etr2nn witness DATASET.json ...), and decode can find the
// canonical gadget of each variable.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "dataset/detail/dataset.hpp"
#include "layout/layout.hpp"

namespace etr2nn::dataset {

// Gadgets and constraint points from the meta, data points from each
// gadget's point range (the data line of each found by its coordinate t).
// Throws std::invalid_argument when the dataset has no meta or a data point
// lies on none of its gadget's data lines.
layout::Arrangement arrangement_of(const Dataset& dataset);

// The arrangement a meta describes with its data points generated from the
// gadgets (layout::DataPoints), as compile makes it, so that its memory grows
// with the gadgets only: for a meta read without the points
// (read_dataset_head). nullopt unless the meta records the order compile
// writes (gadget g's 39 data points at [39g, 39g + 39), then the constraint
// points in order); the generated points are then where the file's should
// be, which a caller must still confirm against the file (the witness flow
// verifies its network on the file's own points).
std::optional<layout::Arrangement> generated_arrangement_of(const Meta& meta);

// Checks N1-N7 (layout::find_violations) on the arrangement a dataset's meta
// describes, with the file's hidden_neurons: the hardness proof applies to
// the file only if they pass. Throws the unsound-layout Diagnostic naming the
// file (`name`) and the first violation.
void require_sound_layout(const layout::Arrangement& arrangement, std::size_t hidden_neurons,
                          const std::string& name);

}  // namespace etr2nn::dataset
