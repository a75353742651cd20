// Writing datasets as JSON (docs/dataset-format.md, docs/dataset.schema.json).
//
// The writer streams: the header and meta first, then one point per line as it
// is produced, so memory does not grow with a JSON tree of the dataset. Output
// goes through io::AtomicFile: on any error (an exception from the caller's
// progress callback included) no output file is left behind.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "dataset/detail/dataset.hpp"
#include "dataset/detail/emit.hpp"

namespace etr2nn::dataset {

inline constexpr const char* format_name = "etr2nn-dataset";
// 2: the counting-lines layout (lanes, families and indices in the meta).
inline constexpr int format_version = 2;

struct WriteOptions {
  // Called now and then with (points written, total points).
  std::function<void(std::size_t, std::size_t)> progress;
  // Written as meta.reduction when not null: how the instance was obtained
  // from the input sentence (pipeline::describe).
  nlohmann::json reduction;
  // Threads that format point lines (the bytes are the same for any number);
  // 0: one per core, at most 4.
  unsigned threads = 0;
};

// To a stream (the caller owns atomicity and error checks)...
void write_dataset(std::ostream& out, const Emission& emission, const WriteOptions& options = {});
void write_dataset(std::ostream& out, const Dataset& dataset, const WriteOptions& options = {});

// ...or atomically to a file. Throw std::runtime_error when the file cannot be written.
void write_dataset(const std::string& path, const Emission& emission,
                   const WriteOptions& options = {});
void write_dataset(const std::string& path, const Dataset& dataset,
                   const WriteOptions& options = {});

}  // namespace etr2nn::dataset
