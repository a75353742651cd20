// The one public header of src/suite/: code outside the module includes only
// this file; the parts it gathers live in src/suite/detail/.
//
// `etr2nn suite`: a directory of benchmark instances (formula, dataset, witness)
// with a manifest of their answers and SHA-256 sums, and the re-check of one.
#pragma once

#include "suite/detail/suite.hpp"
