// From a dataset's meta back to the arrangement it was emitted from.
//
// The witness builder works on an Arrangement; with this it can work on a
// dataset file too (etr2nn witness DATASET.json ...), and decode can find the
// canonical gadget of each variable.
#pragma once

#include "dataset/detail/dataset.hpp"
#include "layout/layout.hpp"

namespace etr2nn::dataset {

// Gadgets and constraint points from the meta, data points from each
// gadget's point range (the data line of each found by its coordinate t).
// Throws std::invalid_argument when the dataset has no meta or a data point
// lies on none of its gadget's data lines.
layout::Arrangement arrangement_of(const Dataset& dataset);

}  // namespace etr2nn::dataset
