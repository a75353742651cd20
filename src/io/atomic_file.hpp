// Output files: all or nothing where the target allows it, streamed where not.
//
// What happens depends on the target, looked at (following symlinks) when the
// writer is made:
//   - absent or a regular file: content goes to a temporary file made with
//     mkstemp (O_EXCL, so a planted symlink or file is never followed or
//     reused) beside the target, is fsync'ed, and renamed over the target on
//     commit(). If the writer is destroyed without commit() (an exception, an
//     error path), the temporary file is removed and the target is untouched.
//     SIGINT, SIGTERM and SIGHUP remove every live temporary before the
//     process dies of the signal, so an interrupted run leaves nothing behind.
//   - "-": standard output, written directly.
//   - a character device or a FIFO: opened and written directly (streamed, no
//     temporary: renaming onto /dev/null or a pipe would replace it).
//   - a directory or anything else: refused.
// A name ending in .gz or .zst (not "-") makes the content a gzip or zstd
// stream (compress.hpp), written the same way.
// Every failure is a std::runtime_error "cannot write PATH: <cause>", the cause
// from errno (no such directory, permission denied, no space left, ...).
#pragma once

#include <memory>
#include <ostream>
#include <string>

namespace etr2nn::io {

class CompressingBuffer;

// How a target will be written: the decision AtomicFile makes, exposed so
// commands can tell the user (and so tests can check it) before any work.
enum class TargetKind { Replace, StandardOutput, Stream };
// Throws std::runtime_error "cannot write PATH: <cause>" for a directory, an
// empty name, or a file type that is neither replaceable nor streamable.
TargetKind target_kind(const std::string& target);

class AtomicFile {
 public:
  // Throws std::runtime_error when the target cannot be written.
  explicit AtomicFile(std::string target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream();
  // Flushes and checks for write errors (throws, leaving no temporary, on a
  // failure), without committing: what was written can then be read back
  // from readable_path() before the target is replaced. A compressed file
  // ends its frame here, so what is read back is a complete stream.
  void flush();
  // The temporary holding the content until commit(); empty for a stream,
  // which cannot be read back.
  std::string readable_path() const;
  // Flushes, checks for write errors, and (for a temporary) fsyncs and renames
  // it into place. Throws on failure, and then leaves no temporary behind.
  void commit();

  TargetKind kind() const { return kind_; }

 private:
  class Buffer;
  std::string target_;     // the path the user named
  std::string final_;      // where the rename goes (a symlink's target)
  std::string temporary_;  // empty unless kind_ == Replace
  TargetKind kind_;
  int fd_ = -1;
  int slot_ = -1;  // index in the signal handler's table, -1 when none
  std::unique_ptr<Buffer> buffer_;
  std::unique_ptr<CompressingBuffer> compressor_;  // null for plain output
  std::unique_ptr<std::ostream> out_;
  bool finished_ = false;

  [[noreturn]] void fail(int error);
  void discard();
};

// Convenience: writes the whole string through an AtomicFile.
void write_file_atomically(const std::string& target, const std::string& content);

}  // namespace etr2nn::io
