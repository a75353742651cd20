// Reading a dataset file (docs/dataset-format.md) for the checker.
//
// Only the members verification needs are read and checked: "format",
// "version" (1 or 2: they differ only in the meta), "inputs" = "outputs" = 2,
// "hidden_neurons", "target_error" = "0", "labels" and "points". Every other
// member, the "meta" of a compiled dataset above all, is skipped unparsed into
// any structure, so a dataset without meta verifies and a wrong meta cannot
// change the verdict.
//
// The "points" array is read with a SAX handler: each point is converted as
// it is parsed and handed on, so a dataset of a gigabyte is never a JSON DOM
// (and, through the streaming overload, never held at all). Points written in
// the writer's own one-per-line form skip even the JSON tokenizer
// (json_io/point_line.hpp): the general parser takes over at the first line
// that is not exactly that form, so points and errors are the same either way.
//
// Every problem is an Diagnostic naming the file and the JSON path, e.g.
// "points[3].y[1]: expected an exact rational as a string (\"p/q\" or \"p\")".
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "check/detail/model.hpp"

namespace etr2nn::check {

// Everything but the points.
struct DatasetHeader {
  std::size_t hidden_neurons = 0;
  std::vector<Label> labels;  // distinct, sorted
  std::size_t points = 0;     // how many were handed to on_point
};

// Streams the points to on_point(index, point) in file order while parsing,
// then checks the header (which may come after the points in the file) and
// that "labels" lists exactly the labels the points carry. `name` stands for
// the file in messages. on_point may throw; the exception propagates.
using PointSink = std::function<void(std::size_t index, const LabelledPoint& point)>;
DatasetHeader read_dataset(std::istream& in, const std::string& name, const PointSink& on_point);
DatasetHeader read_dataset(const std::string& path, const PointSink& on_point);

// The same without the fast path: everything through the general parser.
// The reference the tests compare read_dataset with (points and errors).
DatasetHeader read_dataset_general(std::istream& in, const std::string& name,
                                   const PointSink& on_point);

// The whole dataset in memory (small files, tests).
Dataset read_dataset(std::istream& in, const std::string& name);
Dataset read_dataset(const std::string& path);

}  // namespace etr2nn::check
