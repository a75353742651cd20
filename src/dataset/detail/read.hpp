// Reading datasets written by dataset/detail/write.hpp (or by anyone following
// docs/dataset-format.md).
//
// Points are converted as they are parsed (SAX), never held as JSON, so memory
// is the dataset itself plus its meta. Every problem is an Diagnostic
// naming the file and what is wrong ("points[12].x[1]: not a rational: ...").
#pragma once

#include <istream>
#include <string>

#include "dataset/detail/dataset.hpp"

namespace etr2nn::dataset {

// Reads and checks a dataset: format name and version, inputs = outputs = 2,
// target error 0, exact rationals everywhere, labels consistent with the
// points; the meta, when present, consistent with the points (ranges, kinds).
Dataset read_dataset(const std::string& path);
// The same from a stream; `name` stands for the file in messages.
Dataset read_dataset(std::istream& in, const std::string& name);

}  // namespace etr2nn::dataset
