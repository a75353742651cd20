#include "io/decompress.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <streambuf>
#include <vector>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::io {
namespace {

// Large buffers: a dataset is often hundreds of megabytes, and the cost per
// read() call or per decompressor call should vanish against the bytes moved.
constexpr std::size_t kBufferSize = std::size_t{1} << 20;

constexpr std::array<unsigned char, 4> kZstdMagic = {0x28, 0xB5, 0x2F, 0xFD};
constexpr std::array<unsigned char, 2> kGzipMagic = {0x1F, 0x8B};

enum class Format { Plain, Gzip, Zstd };

const char* format_name(Format f) {
  return f == Format::Zstd ? "zstd" : "gzip";
}

// A read-only streambuf over a file descriptor that decompresses what it
// reads when the first bytes say so.
class DecompressingBuffer : public std::streambuf {
 public:
  DecompressingBuffer(int fd, bool owns_fd, std::string name)
      : fd_(fd), owns_fd_(owns_fd), name_(std::move(name)), in_(kBufferSize) {
    while (available() < kZstdMagic.size() && refill()) {
    }
    if (starts_with(kZstdMagic)) {
      format_ = Format::Zstd;
      zstd_ = ZSTD_createDStream();
      if (zstd_ == nullptr) throw std::bad_alloc();
    } else if (starts_with(kGzipMagic)) {
      format_ = Format::Gzip;
      // 15 + 16: the largest window, gzip wrapper only (not raw, not zlib).
      if (inflateInit2(&zlib_, 15 + 16) != Z_OK) throw std::bad_alloc();
      zlib_ready_ = true;
    }
    if (format_ != Format::Plain) out_.resize(kBufferSize);
  }
  ~DecompressingBuffer() override {
    if (zstd_ != nullptr) ZSTD_freeDStream(zstd_);
    if (zlib_ready_) inflateEnd(&zlib_);
    if (owns_fd_) ::close(fd_);
  }
  DecompressingBuffer(const DecompressingBuffer&) = delete;
  DecompressingBuffer& operator=(const DecompressingBuffer&) = delete;

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    switch (format_) {
      case Format::Plain: {
        // The bytes are the content: hand out the input buffer itself.
        if (available() == 0 && !refill()) return traits_type::eof();
        char* begin = in_.data() + in_pos_;
        setg(begin, begin, in_.data() + in_end_);
        in_pos_ = in_end_;
        break;
      }
      case Format::Zstd: {
        const std::size_t n = next_zstd();
        if (n == 0) return traits_type::eof();
        setg(out_.data(), out_.data(), out_.data() + n);
        break;
      }
      case Format::Gzip: {
        const std::size_t n = next_gzip();
        if (n == 0) return traits_type::eof();
        setg(out_.data(), out_.data(), out_.data() + n);
        break;
      }
    }
    return traits_type::to_int_type(*gptr());
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw Diagnostic(errors::compressed_data, SourceLocation{name_}, message);
  }
  [[noreturn]] void truncated() const {
    fail(std::string("the ") + format_name(format_) + " stream ends before its last " +
         (format_ == Format::Zstd ? "frame" : "member") + " is complete (truncated file?)");
  }

  std::size_t available() const { return in_end_ - in_pos_; }

  template <std::size_t N>
  bool starts_with(const std::array<unsigned char, N>& magic) const {
    return available() >= N && std::memcmp(in_.data() + in_pos_, magic.data(), N) == 0;
  }

  // Reads more input behind what is left; false at the end of the file.
  bool refill() {
    if (in_pos_ == in_end_) {
      in_pos_ = in_end_ = 0;
    } else if (in_pos_ > 0) {
      std::memmove(in_.data(), in_.data() + in_pos_, available());
      in_end_ -= in_pos_;
      in_pos_ = 0;
    }
    if (in_end_ == in_.size()) return true;  // full: the caller has enough to go on
    for (;;) {
      const ssize_t n = ::read(fd_, in_.data() + in_end_, in_.size() - in_end_);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0)
        throw Diagnostic(errors::file_unreadable, SourceLocation{name_},
                         std::string("cannot read file: ") + std::strerror(errno));
      in_end_ += static_cast<std::size_t>(n);
      return n > 0;
    }
  }

  // Between frames: true when another frame follows, false at a clean end of
  // the file. Bytes that do not start a frame are refused: a stream with junk
  // behind it was not written by a compressor alone.
  template <std::size_t N>
  bool next_frame(const std::array<unsigned char, N>& magic) {
    while (available() < N && refill()) {
    }
    if (available() == 0) return false;
    if (!starts_with(magic))
      fail(std::string("trailing data after the end of the ") + format_name(format_) +
           " stream (not another " + (format_ == Format::Zstd ? "frame" : "member") + ")");
    return true;
  }

  std::size_t next_zstd() {
    for (;;) {
      if (between_frames_) {
        if (!next_frame(kZstdMagic)) return 0;
        between_frames_ = false;
      }
      ZSTD_inBuffer in{in_.data(), in_end_, in_pos_};
      ZSTD_outBuffer out{out_.data(), out_.size(), 0};
      const std::size_t hint = ZSTD_decompressStream(zstd_, &out, &in);
      in_pos_ = in.pos;
      if (ZSTD_isError(hint)) fail(std::string("corrupt zstd data: ") + ZSTD_getErrorName(hint));
      if (hint == 0) between_frames_ = true;  // the frame is complete
      if (out.pos > 0) return out.pos;
      if (between_frames_) continue;
      if (available() == 0 && !refill()) truncated();
    }
  }

  std::size_t next_gzip() {
    for (;;) {
      if (between_frames_) {
        if (!next_frame(kGzipMagic)) return 0;
        if (inflateReset(&zlib_) != Z_OK) throw std::logic_error("inflateReset failed");
        between_frames_ = false;
      }
      zlib_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      zlib_.avail_in = static_cast<uInt>(available());
      zlib_.next_out = reinterpret_cast<Bytef*>(out_.data());
      zlib_.avail_out = static_cast<uInt>(out_.size());
      const int status = inflate(&zlib_, Z_NO_FLUSH);
      in_pos_ = in_end_ - zlib_.avail_in;
      const std::size_t produced = out_.size() - zlib_.avail_out;
      if (status == Z_STREAM_END) {
        between_frames_ = true;
      } else if (status == Z_DATA_ERROR || status == Z_NEED_DICT) {
        fail(std::string("corrupt gzip data: ") +
             (zlib_.msg != nullptr ? zlib_.msg : "invalid stream"));
      } else if (status == Z_MEM_ERROR) {
        throw std::bad_alloc();
      } else if (status != Z_OK && status != Z_BUF_ERROR) {
        throw std::logic_error("inflate returned " + std::to_string(status));
      }
      if (produced > 0) return produced;
      if (between_frames_) continue;
      if (available() == 0 && !refill()) truncated();
    }
  }

  int fd_;
  bool owns_fd_;
  std::string name_;
  std::vector<char> in_;  // raw bytes from the file, [in_pos_, in_end_) unread
  std::size_t in_pos_ = 0, in_end_ = 0;
  std::vector<char> out_;  // decompressed bytes (unused for a plain file)
  Format format_ = Format::Plain;
  bool between_frames_ = true;
  ZSTD_DStream* zstd_ = nullptr;
  z_stream zlib_{};
  bool zlib_ready_ = false;
};

// An istream that owns its buffer (members are built after the base, hence
// the rdbuf() call in the body).
class InputStream : public std::istream {
 public:
  InputStream(int fd, bool owns_fd, std::string name)
      : std::istream(nullptr), buffer_(fd, owns_fd, std::move(name)) {
    rdbuf(&buffer_);
    exceptions(std::ios::badbit);
  }

 private:
  DecompressingBuffer buffer_;
};

}  // namespace

std::unique_ptr<std::istream> open_input(const std::string& path, std::string_view what) {
  if (path == "-") return std::make_unique<InputStream>(STDIN_FILENO, false, "<stdin>");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw Diagnostic(errors::file_unreadable, SourceLocation{path},
                     "cannot open " + std::string(what) + ": " + std::strerror(errno));
  try {
    return std::make_unique<InputStream>(fd, true, path);
  } catch (...) {
    // The buffer closes the descriptor only once it exists.
    ::close(fd);
    throw;
  }
}

}  // namespace etr2nn::io
