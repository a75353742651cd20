// The one public header of src/dataset/: code outside the module includes only
// this file; the parts it gathers live in src/dataset/detail/.
//
// The emit and write arrows: Arrangement -> Dataset (points, labels, m) ->
// JSON file, and the producer's reader of such files.
//   dataset     the model: points, labels, m, meta
//   emit        the points and labels of an arrangement, in file order
//   compile     ETR-INV instance -> dataset file: layout, invariant check, write
//   write       the JSON file (plain, .json.zst, .json.gz), written atomically;
//               point_text (with layout's GadgetPoints) is its fast path for data points
//               (integers and std::to_chars, the general formatter's bytes)
//   read        the producer's reader (meta included; the checker has its own)
//   meta        the meta block that lets decode/inspect/render read a dataset
//   statistics  counts per label and per gadget, for reports
#pragma once

#include "dataset/detail/compile.hpp"
#include "dataset/detail/dataset.hpp"
#include "dataset/detail/emit.hpp"
#include "dataset/detail/meta.hpp"
#include "dataset/detail/point_text.hpp"
#include "dataset/detail/read.hpp"
#include "dataset/detail/statistics.hpp"
#include "dataset/detail/write.hpp"
