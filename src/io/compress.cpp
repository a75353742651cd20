#include "io/compress.hpp"

#include <algorithm>
#include <cctype>
#include <new>
#include <stdexcept>

namespace etr2nn::io {
namespace {

// Large buffers: one compressor call per megabyte, not per line.
constexpr std::size_t kBufferSize = std::size_t{1} << 20;
// zstd's default level: about 14x on a dataset at several hundred MB/s.
constexpr int kZstdLevel = 3;

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Compression compression_for_name(const std::string& path) {
  std::string name = path;
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ends_with(name, ".zst")) return Compression::Zstd;
  if (ends_with(name, ".gz")) return Compression::Gzip;
  return Compression::None;
}

CompressingBuffer::CompressingBuffer(Compression compression, std::streambuf& sink)
    : compression_(compression), sink_(sink), in_(kBufferSize), out_(kBufferSize) {
  if (compression_ == Compression::Zstd) {
    zstd_ = ZSTD_createCCtx();
    if (zstd_ == nullptr) throw std::bad_alloc();
    ZSTD_CCtx_setParameter(zstd_, ZSTD_c_compressionLevel, kZstdLevel);
    // A checksum per frame, as the zstd tool writes: a corrupt byte is then
    // an error on reading, never silently different data.
    ZSTD_CCtx_setParameter(zstd_, ZSTD_c_checksumFlag, 1);
  } else if (compression_ == Compression::Gzip) {
    // 15 + 16: the largest window, with a gzip header and trailer.
    if (deflateInit2(&zlib_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
      throw std::bad_alloc();
    zlib_ready_ = true;
  } else {
    throw std::logic_error("CompressingBuffer without a compression");
  }
  setp(in_.data(), in_.data() + in_.size());
}

CompressingBuffer::~CompressingBuffer() {
  if (zstd_ != nullptr) ZSTD_freeCCtx(zstd_);
  if (zlib_ready_) deflateEnd(&zlib_);
}

CompressingBuffer::int_type CompressingBuffer::overflow(int_type c) {
  if (!compress(Step::Continue)) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int CompressingBuffer::sync() {
  return compress(Step::Continue) && sink_.pubsync() == 0 ? 0 : -1;
}

bool CompressingBuffer::finish() {
  const bool open = frame_open_ || pptr() > pbase();
  if (!compress(open ? Step::End : Step::Continue)) return false;
  if (sink_.pubsync() != 0) {
    error_ = "the file refused the compressed data";
    return false;
  }
  return true;
}

bool CompressingBuffer::compress(Step step) {
  if (!error_.empty()) return false;
  // Nothing to add: no compressor call, which after a finished frame would
  // start a new one (deflate writes a gzip header even without input).
  if (pptr() == pbase() && step == Step::Continue) return true;
  if (pptr() > pbase()) frame_open_ = true;
  const bool ok = compression_ == Compression::Zstd ? compress_zstd(step) : compress_gzip(step);
  setp(in_.data(), in_.data() + in_.size());
  if (ok && step == Step::End) frame_open_ = false;
  return ok;
}

bool CompressingBuffer::compress_zstd(Step step) {
  ZSTD_inBuffer in{pbase(), static_cast<std::size_t>(pptr() - pbase()), 0};
  const ZSTD_EndDirective mode = step == Step::End ? ZSTD_e_end : ZSTD_e_continue;
  for (;;) {
    ZSTD_outBuffer out{out_.data(), out_.size(), 0};
    const std::size_t left = ZSTD_compressStream2(zstd_, &out, &in, mode);
    if (ZSTD_isError(left)) {
      error_ = std::string("zstd compression failed: ") + ZSTD_getErrorName(left);
      return false;
    }
    if (!emit(out_.data(), out.pos)) return false;
    // e_continue: done when the input is taken; e_end: when nothing is left
    // to flush either.
    if (mode == ZSTD_e_end ? left == 0 : in.pos == in.size) return true;
  }
}

bool CompressingBuffer::compress_gzip(Step step) {
  zlib_.next_in = reinterpret_cast<Bytef*>(pbase());
  zlib_.avail_in = static_cast<uInt>(pptr() - pbase());
  const int flush = step == Step::End ? Z_FINISH : Z_NO_FLUSH;
  for (;;) {
    zlib_.next_out = reinterpret_cast<Bytef*>(out_.data());
    zlib_.avail_out = static_cast<uInt>(out_.size());
    const int status = deflate(&zlib_, flush);
    if (status == Z_STREAM_ERROR) {
      error_ = "gzip compression failed";
      return false;
    }
    if (!emit(out_.data(), out_.size() - zlib_.avail_out)) return false;
    if (flush == Z_FINISH) {
      if (status == Z_STREAM_END) {
        // The next bytes start a new gzip member.
        deflateReset(&zlib_);
        return true;
      }
    } else if (zlib_.avail_in == 0 && zlib_.avail_out != 0) {
      return true;
    }
  }
}

bool CompressingBuffer::emit(const char* data, std::size_t size) {
  if (size == 0) return true;
  if (static_cast<std::size_t>(sink_.sputn(data, static_cast<std::streamsize>(size))) != size) {
    error_ = "the file refused the compressed data";
    return false;
  }
  return true;
}

}  // namespace etr2nn::io
