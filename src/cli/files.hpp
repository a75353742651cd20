// The files a command reads and writes, checked before any work starts.
//
// Each check fails the way a user can act on: a UsageError (exit 2) for a
// wrong argument (empty name, wrong extension, an output that is an input),
// an Diagnostic or std::runtime_error (exit 1) naming the path and the
// cause for a file that cannot be read or written, or is of the wrong kind.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/subcommand.hpp"

namespace etr2nn::cli {

// The value of -o / --output (the last one given), or nullptr when absent.
// An empty value is a UsageError.
const std::string* output_option(const Arguments& args);

// An output path's name against what the command writes: `extension` such as
// ".json", `format` for the message ("a JSON dataset"). "-", character devices
// and FIFOs are exempt (no name to go by). Where ".json" is expected,
// ".json.gz" and ".json.zst" are accepted too (written compressed); other
// compressed names (.gz, .zst, .bz2, ...) and .png are refused. `option` names the option in
// messages ("-o", "--witness"). Also checks the target can be written at all
// (a directory is refused here, before the work).
void check_output(const std::string& option, const std::string& path, const std::string& extension,
                  const std::string& format);

// Refuses (UsageError) an output that is one of the inputs (same device and
// inode: a symlink or another spelling of the name does not hide it), two
// outputs that are the same file, and two outputs on standard output.
void check_distinct(const std::vector<std::string>& inputs,
                    const std::vector<std::string>& outputs);

// What a file looks like from its first bytes; "-" is Unknown (not peeked).
enum class InputKind { Formula, Dataset, Network, OtherJson, Unknown };
InputKind sniff(const std::string& path);

// A file to read: "-", or something that exists and is not a directory;
// otherwise an Diagnostic "PATH: error: cannot open file: <cause>".
void check_input(const std::string& path);
// An input that must be a formula: also refuses JSON ("this looks like a JSON
// dataset, not a formula") with the file, line and column.
void check_formula_input(const std::string& path);
// An input that must be a dataset: also refuses a formula or a network file,
// with file, line and column. `swapped_hint`: the command takes a dataset and
// a network, so a network here probably means swapped arguments.
void check_dataset_input(const std::string& path, bool swapped_hint = false);
// verify and decode: both inputs readable, in the order DATASET NETWORK (a
// swapped pair is named as such), the first a dataset.
void check_dataset_and_network(const std::string& dataset_path, const std::string& network_path);

// An error message that quotes the JSON library ("FILE: error: not valid JSON:
// [json.exception.parse_error.101] parse error at line 3, column 5: ...")
// rewritten as "FILE:3:5: error: not valid JSON: ..." with the source line and
// a caret; any other message is returned as it is.

// A file size for a summary line: "812 B", "38.8 KiB", "132.4 MiB".
std::string human_bytes(std::uintmax_t bytes);

}  // namespace etr2nn::cli
