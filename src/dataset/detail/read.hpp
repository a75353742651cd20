// Reading datasets written by dataset/detail/write.hpp (or by anyone following
// docs/dataset-format.md).
//
// Points are converted as they are parsed (SAX), never held as JSON, so memory
// is the dataset itself plus its meta. Every problem is an Diagnostic
// naming the file and what is wrong ("points[12].x[1]: not a rational: ...").
#pragma once

#include <istream>
#include <optional>
#include <string>

#include "dataset/detail/dataset.hpp"

namespace etr2nn::dataset {

// Reads and checks a dataset: format name and version, inputs = outputs = 2,
// target error 0, exact rationals everywhere, labels consistent with the
// points; the meta, when present, consistent with the points (ranges, kinds).
Dataset read_dataset(const std::string& path);
// The same from a stream; `name` stands for the file in messages.
Dataset read_dataset(std::istream& in, const std::string& name);

// What comes before the points, for a file too large to hold: the header and
// the meta (compile writes the meta first), with the same checks and errors
// as read_dataset except those that need the points, which are not read:
// `points` stays empty, `labels` is the file's list, gadget and constraint
// point indices are checked against the count meta.statistics.points claims
// (kept in meta->statistics.points, the rest of the statistics left zero),
// each constraint point's position is where its gadgets' measuring lines
// meet, and N1-N7 are not checked (require_sound_layout). nullopt when the
// meta or a header key does not come before "points"; read_dataset then.
std::optional<Dataset> read_dataset_head(const std::string& path);

}  // namespace etr2nn::dataset
