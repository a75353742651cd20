#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <streambuf>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "io/compress.hpp"

namespace etr2nn::io {
namespace {

std::string shown(const std::string& target) {
  return target == "-" ? std::string("standard output") : target;
}

[[noreturn]] void refuse(const std::string& target, const std::string& cause) {
  throw Diagnostic(errors::file_unwritable, SourceLocation{target.empty() ? "''" : shown(target)},
                   "cannot write: " + cause);
}

// --- the live temporaries, for the signal handler -----------------------------
//
// A signal handler may only call async-signal-safe functions: no allocation,
// no locks. So the paths of live temporaries sit in a fixed table of
// character arrays; `live` says which entries the handler may unlink. A writer
// that finds no free entry still works, only without cleanup on a signal.

struct Slot {
  std::atomic<bool> taken{false};  // owned by a writer
  std::atomic<bool> live{false};   // path holds a temporary to remove
  char path[PATH_MAX];
};
constexpr int kSlots = 16;
Slot slots[kSlots];
static_assert(std::atomic<bool>::is_always_lock_free, "the handler needs lock-free flags");

const int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temporaries_and_die(int signal_number) {
  for (Slot& s : slots)
    if (s.live.load()) ::unlink(s.path);
  // Die of the same signal, so the parent sees what happened. The signal is
  // blocked while the handler runs; it is delivered when the handler returns.
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int s : kCleanupSignals) {
      struct sigaction old {};
      if (::sigaction(s, nullptr, &old) != 0) continue;
      // Ignored (nohup) or handled by someone else: leave it so.
      if (old.sa_handler != SIG_DFL || (old.sa_flags & SA_SIGINFO)) continue;
      struct sigaction action {};
      action.sa_handler = remove_temporaries_and_die;
      sigemptyset(&action.sa_mask);
      for (int t : kCleanupSignals) sigaddset(&action.sa_mask, t);
      ::sigaction(s, &action, nullptr);
    }
  });
}

// Blocks the cleanup signals for a scope, so that creating (or renaming) a
// temporary and recording it in the table happen as one step for the handler.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : kCleanupSignals) sigaddset(&set, s);
    ::pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalsHeld() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t old_;
};

int claim_slot(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (slots[i].taken.compare_exchange_strong(expected, true)) {
      std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
      slots[i].live.store(true);
      return i;
    }
  }
  return -1;
}

void release_slot(int slot) {
  if (slot < 0) return;
  slots[slot].live.store(false);
  slots[slot].taken.store(false);
}

mode_t creation_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

// --- an ostream buffer over a file descriptor -----------------------------------
//
// Not std::ofstream: a write error must say why (errno), and standard output
// and an already open descriptor must be writable the same way.
class AtomicFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd), data_(1 << 16) {
    setp(data_.data(), data_.data() + data_.size());
  }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    if (error_ != 0) return false;
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      p += n;
    }
    setp(data_.data(), data_.data() + data_.size());
    return true;
  }

  int fd_;
  int error_ = 0;
  std::vector<char> data_;
};

TargetKind target_kind(const std::string& target) {
  if (target.empty()) refuse(target, "the file name is empty");
  if (target == "-") return TargetKind::StandardOutput;
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    if (errno == ENOENT) return TargetKind::Replace;  // a missing directory shows at creation
    refuse(target, std::strerror(errno));
  }
  if (S_ISREG(st.st_mode)) return TargetKind::Replace;
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) return TargetKind::Stream;
  if (S_ISDIR(st.st_mode)) refuse(target, "it is a directory");
  refuse(target, "not a regular file, character device or FIFO");
}

AtomicFile::AtomicFile(std::string target)
    : target_(std::move(target)), final_(target_), kind_(target_kind(target_)) {
  namespace fs = std::filesystem;
  if (kind_ == TargetKind::StandardOutput) {
    // What was printed before comes first.
    std::cout.flush();
    std::fflush(stdout);
    fd_ = STDOUT_FILENO;
  } else if (kind_ == TargetKind::Stream) {
    fd_ = ::open(target_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd_ < 0) fail(errno);
  } else {
    // Replace the file a symlink points to, not the symlink.
    struct stat st {};
    const bool exists = ::stat(target_.c_str(), &st) == 0;
    if (exists) {
      if (char* real = ::realpath(target_.c_str(), nullptr)) {
        final_ = real;
        std::free(real);
      }
    }
    const fs::path where(final_);
    const fs::path directory = where.has_parent_path() ? where.parent_path() : fs::path(".");
    std::string pattern = (directory / ("." + where.filename().string() + ".tmp.XXXXXX")).string();
    install_handlers();
    {
      const SignalsHeld held;
      fd_ = ::mkstemp(pattern.data());
      if (fd_ < 0) {
        const int error = errno;
        // The directory missing is about the target, not the temporary.
        fail(error);
      }
      temporary_ = pattern;
      slot_ = claim_slot(temporary_);
    }
    ::fchmod(fd_, exists ? (st.st_mode & 07777) : creation_mode());
  }
  buffer_ = std::make_unique<Buffer>(fd_);
  // Standard output has no name to go by: plain.
  if (const Compression c = compression_for_name(target_);
      c != Compression::None && kind_ != TargetKind::StandardOutput)
    compressor_ = std::make_unique<CompressingBuffer>(c, *buffer_);
  out_ = std::make_unique<std::ostream>(
      compressor_ ? static_cast<std::streambuf*>(compressor_.get()) : buffer_.get());
}

AtomicFile::~AtomicFile() {
  if (!finished_) discard();
}

std::ostream& AtomicFile::stream() {
  return *out_;
}

void AtomicFile::discard() {
  finished_ = true;
  if (fd_ >= 0 && fd_ != STDOUT_FILENO) ::close(fd_);
  fd_ = -1;
  if (!temporary_.empty()) {
    const SignalsHeld held;
    ::unlink(temporary_.c_str());
    release_slot(slot_);
    slot_ = -1;
  }
}

void AtomicFile::fail(int error) {
  discard();
  refuse(target_, std::strerror(error));
}

void AtomicFile::flush() {
  if (finished_) throw std::logic_error("AtomicFile::flush() after commit()");
  out_->flush();
  const bool finished = !compressor_ || compressor_->finish();
  // The file's own error (no space left, ...) says more than the compressor's.
  if (buffer_->error() != 0) fail(buffer_->error());
  if (!finished) {
    const std::string cause = compressor_->error();
    discard();
    refuse(target_, cause);
  }
  if (!*out_) fail(EIO);
}

std::string AtomicFile::readable_path() const {
  return kind_ == TargetKind::Replace && !finished_ ? temporary_ : std::string();
}

void AtomicFile::commit() {
  if (finished_) throw std::logic_error("AtomicFile::commit() called twice");
  flush();
  if (kind_ == TargetKind::StandardOutput) {
    finished_ = true;
    return;
  }
  // The data on disk before the name points at it: a crash after the rename
  // must not leave an empty or partial file under the target's name.
  if (kind_ == TargetKind::Replace && ::fsync(fd_) != 0) fail(errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno);
  if (kind_ == TargetKind::Replace) {
    const SignalsHeld held;
    if (::rename(temporary_.c_str(), final_.c_str()) != 0) fail(errno);
    release_slot(slot_);
    slot_ = -1;
  }
  finished_ = true;
}

void write_file_atomically(const std::string& target, const std::string& content) {
  AtomicFile file(target);
  file.stream() << content;
  file.commit();
}

}  // namespace etr2nn::io
