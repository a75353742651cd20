#include "pipeline/detail/origin.hpp"

#include <algorithm>
#include <stdexcept>

#include "diagnostic/diagnostic.hpp"
#include "etr/etr.hpp"
#include "etrinv/etrinv.hpp"
#include "network/network.hpp"

namespace etr2nn::pipeline {

bool from_general_sentence(const dataset::Meta& meta) {
  return meta.origin && !meta.origin->passed_through;
}

std::optional<Solution> sentence_values(const dataset::Meta& meta,
                                        const etrinv::Assignment& values) {
  if (!from_general_sentence(meta) || !meta.origin->epsilon) return std::nullopt;
  return etrinv::backward(meta.origin->carrier, meta.origin->epsilon, values);
}

etr::Sentence recorded_sentence(const dataset::Meta& meta) {
  if (!from_general_sentence(meta))
    throw Diagnostic(
        errors::missing_meta,
        "the dataset was not compiled from a general sentence: its variables are those of "
        "meta.instance");
  if (!meta.origin->sentence)
    throw Diagnostic(
        errors::missing_meta,
        "the dataset's meta does not record the sentence it was compiled from (an older file, "
        "or a sentence longer than " +
            std::to_string(max_recorded_sentence_bytes) +
            " bytes); give the formula instead: etr2nn witness FORMULA --assign ...");
  try {
    return etr::parse(*meta.origin->sentence, etr::Language::Etr, "meta.reduction.sentence");
  } catch (const Diagnostic& d) {
    throw Diagnostic(errors::sentence_mismatch,
                     "meta.reduction.sentence does not parse: " + d.message());
  }
}

etrinv::Assignment instance_values(const dataset::Meta& meta, const Solution& solution) {
  const etr::Sentence sentence = recorded_sentence(meta);
  try {
    check_solution(sentence, solution);
  } catch (const Diagnostic& e) {
    std::string names;
    for (const auto& b : sentence.variables) names += (names.empty() ? "" : ", ") + b.name;
    throw e.prefixed("the values do not name all " +
                     std::to_string(meta.instance.variables.size()) +
                     " variables of meta.instance, so they are read as a solution of the "
                     "sentence the dataset was compiled from (variables " +
                     names + "): ");
  }
  etrinv::ChainOptions options;
  options.bound_exponent = meta.origin->bound_exponent;
  // The instance exists already; the limit only guards against a wrong record.
  options.max_constraints =
      std::max(etrinv::default_max_chain_constraints, meta.instance.constraints.size());
  const etrinv::ChainResult chain = etrinv::normalize(sentence, options);
  if (!(chain.instance == meta.instance))
    throw Diagnostic(
        errors::sentence_mismatch,
        "the chain run on meta.reduction.sentence with K = " +
            std::to_string(meta.origin->bound_exponent) +
            " does not give meta.instance, so the sentence's values cannot be mapped onto this "
            "dataset; give the formula instead: etr2nn witness FORMULA --assign ...");
  try {
    return etrinv::forward(chain, sentence, solution);
  } catch (const Diagnostic& e) {
    // The solution is checked above, so what fails here is the scale: this
    // dataset's K is too large to write.
    throw e.prefixed("the values cannot be mapped onto this dataset: ");
  } catch (const std::logic_error& e) {
    // ... or too small for these values.
    throw Diagnostic(errors::not_a_solution,
                     "the values cannot be mapped onto this dataset: " + std::string(e.what()));
  }
}

etrinv::Assignment solve_instance(const dataset::Meta& meta, std::chrono::milliseconds limit) {
  if (from_general_sentence(meta) && meta.origin->sentence)
    return instance_values(meta, find_solution(recorded_sentence(meta), limit));
  return find_assignment(meta.instance, limit);
}

}  // namespace etr2nn::pipeline
