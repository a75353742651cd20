#include "cli/files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <string_view>

#include "diagnostic/diagnostic.hpp"
#include "io/atomic_file.hpp"
#include "io/decompress.hpp"

namespace etr2nn::cli {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The first bytes of a file, decompressed if it is compressed: enough to see
// its kind, never the whole file. A file that cannot be opened or read has no
// head here; the reader that follows says why.
std::string head(const std::string& path, std::size_t bytes = 4096) {
  std::string text(bytes, '\0');
  try {
    const std::unique_ptr<std::istream> in = io::open_input(path);
    in->read(text.data(), static_cast<std::streamsize>(bytes));
    text.resize(static_cast<std::size_t>(in->gcount()));
  } catch (const Diagnostic& e) {
    // A compressed file broken within its first bytes: the same error the
    // reader would give, before any work.
    if (e.kind().id == errors::compressed_data.id) throw;
    text.clear();
  }
  return text;
}

// Line and column (from 1, bytes) of the first non-blank byte of `text`.
SourceLocation first_token(const std::string& path, const std::string& text) {
  SourceLocation where{path, 1, 1};
  for (char c : text) {
    if (c == '\n') {
      ++where.line;
      where.column = 1;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++where.column;
    } else {
      break;
    }
  }
  return where;
}

std::string line_of(const std::string& text, unsigned line) {
  std::size_t start = 0;
  for (unsigned l = 1; l < line && start != std::string::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos) return {};
  std::size_t end = text.find('\n', start);
  std::string s = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

[[noreturn]] void wrong_kind(const std::string& path, const std::string& message) {
  const std::string text = head(path);
  const SourceLocation where = first_token(path, text);
  throw Diagnostic(errors::file_kind, where, message, line_of(text, where.line));
}

}  // namespace

const std::string* output_option(const Arguments& args) {
  const std::string* output = nullptr;
  // "-o" and "--output" are one option: the later one wins.
  for (const auto& [name, value] : args.options())
    if (name == "-o" || name == "--output") output = &value;
  if (output && output->empty()) throw UsageError{"the output file name is empty"};
  return output;
}

void check_output(const std::string& option, const std::string& path, const std::string& extension,
                  const std::string& format) {
  if (path.empty()) throw UsageError{option + ": the output file name is empty"};
  // Throws "cannot write PATH: it is a directory" and the like, before the work.
  const io::TargetKind kind = io::target_kind(path);
  if (kind != io::TargetKind::Replace) return;  // "-", a device, a FIFO: no name to judge
  const std::string name = lower(path);
  // JSON may be written compressed (the name chooses how: io/compress.hpp).
  if (extension == ".json" && (ends_with(name, ".json.gz") || ends_with(name, ".json.zst"))) return;
  for (const char* compressed : {".gz", ".zst", ".xz", ".bz2", ".zip"})
    if (ends_with(name, compressed))
      throw UsageError{option + " " + path + ": compressed output (" + compressed +
                       ") is not supported" +
                       (extension == ".json"
                            ? std::string("; the name must end in .json, .json.gz or .json.zst")
                            : "; write " + extension + " and compress it, or use '-' and a pipe")};
  if (ends_with(name, ".png") && !ends_with(extension, ".png"))
    throw UsageError{option + " " + path +
                     ": PNG output is not supported yet; this command writes " + format + " (" +
                     extension + ")"};
  if (!ends_with(name, extension))
    throw UsageError{option + " " + path + ": this command writes " + format +
                     ", so the name must end in " + extension +
                     (extension == ".json" ? " (or .json.gz, .json.zst)" : "") +
                     " (or be '-' for standard output)"};
}

void check_distinct(const std::vector<std::string>& inputs,
                    const std::vector<std::string>& outputs) {
  namespace fs = std::filesystem;
  struct stat in_st {
  }, out_st{};
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const std::string& out = outputs[i];
    if (out == "-") {
      for (std::size_t j = i + 1; j < outputs.size(); ++j)
        if (outputs[j] == "-") throw UsageError{"only one output can go to standard output ('-')"};
      continue;
    }
    const bool exists = ::stat(out.c_str(), &out_st) == 0;
    if (exists && !S_ISREG(out_st.st_mode)) continue;  // a device or FIFO is no input's file
    for (const std::string& in : inputs) {
      if (in == "-" || !exists || ::stat(in.c_str(), &in_st) != 0) continue;
      if (in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino)
        throw UsageError{"the output " + out + " is the input " + in +
                         "; writing it would destroy the input: choose another output name"};
    }
    for (std::size_t j = i + 1; j < outputs.size(); ++j) {
      if (outputs[j] == "-") continue;
      struct stat other {};
      bool same;
      if (exists && ::stat(outputs[j].c_str(), &other) == 0)
        same = other.st_dev == out_st.st_dev && other.st_ino == out_st.st_ino;
      else
        same = fs::weakly_canonical(fs::absolute(out)) ==
               fs::weakly_canonical(fs::absolute(outputs[j]));
      if (same)
        throw UsageError{"two outputs are the same file (" + out + ", " + outputs[j] +
                         "): the second would replace the first"};
    }
  }
}

InputKind sniff(const std::string& path) {
  if (path == "-") return InputKind::Unknown;
  const std::string text = head(path);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return InputKind::Unknown;
  if (text[first] != '{' && text[first] != '[') return InputKind::Formula;
  // The writers put "format" first; a reader from elsewhere may not, and then
  // the full reader decides.
  static const std::regex format(R"re("format"\s*:\s*"([^"]*)")re");
  std::smatch m;
  if (std::regex_search(text, m, format)) {
    if (m[1] == "etr2nn-dataset") return InputKind::Dataset;
    if (m[1] == "etr2nn-network") return InputKind::Network;
  }
  return InputKind::OtherJson;
}

void check_input(const std::string& path) {
  if (path == "-") return;
  if (path.empty()) throw UsageError{"an input file name is empty"};
  // The parser's own wording, so every command says it alike.
  const auto fail = [&](const std::string& why) {
    throw Diagnostic(errors::file_unreadable, SourceLocation{path}, why);
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    fail(std::string("cannot open file: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) fail("cannot open file: it is a directory");
  std::ifstream probe(path, std::ios::binary);
  if (!probe) fail(std::string("cannot open file: ") + std::strerror(errno));
}

void check_formula_input(const std::string& path) {
  check_input(path);
  const InputKind kind = sniff(path);
  if (kind == InputKind::Dataset || kind == InputKind::Network || kind == InputKind::OtherJson)
    wrong_kind(path, std::string("this looks like a JSON ") +
                         (kind == InputKind::Network ? "network file" : "dataset") +
                         ", not a formula (.etr or .smt2)");
}

void check_dataset_and_network(const std::string& dataset_path, const std::string& network_path) {
  check_input(dataset_path);
  check_input(network_path);
  if (sniff(dataset_path) == InputKind::Network && sniff(network_path) == InputKind::Dataset)
    throw UsageError{"arguments swapped? " + dataset_path + " is a network and " + network_path +
                     " a dataset; the order is DATASET.json NETWORK.json"};
  check_dataset_input(dataset_path, true);
}

void check_dataset_input(const std::string& path, bool swapped_hint) {
  check_input(path);
  const InputKind kind = sniff(path);
  if (kind == InputKind::Formula)
    wrong_kind(path,
               "expected a JSON dataset, but this looks like a formula (etr2nn compile turns a "
               "formula into a dataset)");
  if (kind == InputKind::Network)
    wrong_kind(path, std::string("this is a network file, not a dataset") +
                         (swapped_hint ? " (arguments swapped? the dataset comes first)" : ""));
}

std::string human_bytes(std::uintmax_t bytes) {
  char buffer[32];
  if (bytes < 10 * 1024) return std::to_string(bytes) + " B";
  if (bytes < 10 * 1024 * 1024)
    std::snprintf(buffer, sizeof buffer, "%.1f KiB", bytes / 1024.0);
  else
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", bytes / (1024.0 * 1024.0));
  return buffer;
}

}  // namespace etr2nn::cli
