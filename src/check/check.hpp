// The one public header of src/check/: code outside the module includes only
// this file; the parts it gathers live in src/check/detail/.
//
// The verify arrow, independent of the producer: dataset file + network file ->
// exact verdict. It has its own point, label and network types and links only
// numeric/, json_io/, io/decompress and diagnostic/ (etr2nn_check), so a bug in
// the producer cannot hide itself from the check.
//   model          the checker's own types (RationalNetwork: rational_network.cpp)
//   read_dataset   streaming reader of a dataset's points, labels and m
//   read_network   reader of a network file (the one reader of that format);
//                  read_network_lean streams a large rational one
//   evaluate       exact evaluation, fast paths checked against evaluate_naive
//   verify         the verdict: every point fitted exactly, or the misses
#pragma once

#include "check/detail/evaluate.hpp"
#include "check/detail/model.hpp"
#include "check/detail/read_dataset.hpp"
#include "check/detail/read_network.hpp"
#include "check/detail/verify.hpp"
