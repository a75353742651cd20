// Atomic output files: all or nothing.
//
// Content is written to a temporary file beside the target and renamed over it
// on commit(). If the writer is destroyed without commit() (an exception, an
// error path), the temporary file is removed and the target is untouched, so a
// failed run never leaves a partial output file.
#pragma once

#include <fstream>
#include <string>

namespace etr2nn::io {

class AtomicFile {
 public:
  // Throws std::runtime_error when the temporary file cannot be created.
  explicit AtomicFile(std::string target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  // Flushes, checks for write errors, renames into place. Throws on failure
  // (and then leaves nothing behind).
  void commit();

 private:
  std::string target_;
  std::string temporary_;
  std::ofstream out_;
  bool committed_ = false;
};

// Convenience: writes the whole string atomically.
void write_file_atomically(const std::string& target, const std::string& content);

}  // namespace etr2nn::io
