// Values of a dataset's ETR-INV instance <-> values of the sentence it was
// compiled from, using only what the file's meta.reduction records
// (dataset::Origin, docs/dataset-format.md). This lets `decode` report the
// user's own variables and `witness D.json --assign` take them, without the
// input file.
#pragma once

#include <chrono>
#include <optional>

#include "dataset/dataset.hpp"
#include "etr/etr.hpp"
#include "etrinv/etrinv.hpp"
#include "pipeline/detail/reduction.hpp"

namespace etr2nn::pipeline {

// True when the meta records a general sentence (the chain ran), so that the
// sentence's variables differ from the instance's.
bool from_general_sentence(const dataset::Meta& meta);

// Backward map: the sentence's variables x = (X - 1)/(E - 1) from values of
// the instance. nullopt when the dataset was not compiled from a general
// sentence or its meta predates the record of E. Throws std::domain_error when
// the values have E = 1.
std::optional<Solution> sentence_values(const dataset::Meta& meta,
                                        const etrinv::Assignment& values);

// The recorded sentence, parsed. Throws a Diagnostic when the meta
// records none (ETR-INV input, an older file, or a sentence too long to record).
etr::Sentence recorded_sentence(const dataset::Meta& meta);

// Forward map: values of the instance from a solution of the recorded
// sentence. The chain is re-run on the recorded sentence with the recorded K
// and must give meta.instance exactly; the solution is checked against the
// sentence first (check_solution) and the result against every constraint.
// Throws a Diagnostic when any of this fails, naming what.
etrinv::Assignment instance_values(const dataset::Meta& meta, const Solution& solution);

// An assignment of the instance found by z3: on the recorded sentence mapped
// forward when there is one (far smaller than the scaled instance), else on
// the instance itself (find_assignment).
etrinv::Assignment solve_instance(const dataset::Meta& meta, std::chrono::milliseconds limit);

}  // namespace etr2nn::pipeline
