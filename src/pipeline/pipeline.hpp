// The one public header of src/pipeline/: code outside the module includes only
// this file; the parts it gathers live in src/pipeline/detail/.
//
// The flows the commands run. Each keeps its outputs uncommitted until
// everything that must hold has been checked, so a failure leaves the user's
// files as they were.
//   compile        formula -> dataset (+ witness network, read back and verified)
//   witness        dataset + assignment -> network
//   normalize      formula -> ETR-INV instance (+ mapped assignment)
//   reduction      the value maps recorded in meta.reduction
//   origin         what a dataset was compiled from
//   size_estimate  the size of a dataset before it is written
#pragma once

#include "pipeline/detail/compile.hpp"
#include "pipeline/detail/normalize.hpp"
#include "pipeline/detail/origin.hpp"
#include "pipeline/detail/reduction.hpp"
#include "pipeline/detail/size_estimate.hpp"
#include "pipeline/detail/witness.hpp"
