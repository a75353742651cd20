// Statistics of a dataset: what compile prints and inspect reports.
#pragma once

#include <ostream>

#include "dataset/detail/dataset.hpp"
#include "layout/layout.hpp"

namespace etr2nn::dataset {

// Counts of an arrangement's dataset (gadgets and point kinds included).
Statistics statistics_of(const layout::Arrangement& arrangement);

// Counts of any dataset; the gadget and point-kind counts come from its meta
// when it has one, and are empty otherwise.
Statistics statistics_of(const Dataset& dataset);

// A few human-readable lines ("points 478 (468 data, 10 constraint)" ...).
void print_statistics(std::ostream& out, const Statistics& statistics);

}  // namespace etr2nn::dataset
