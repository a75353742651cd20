// Writing compressed output: a streambuf that compresses into another one.
//
// The name of an output chooses its compression (compression_for_name):
// "*.gz" is gzip (zlib's deflate, gzip wrapper), "*.zst" is zstd at level 3,
// anything else is written as it is. AtomicFile puts a CompressingBuffer
// between its stream and its file, so atomic replacement, "no partial file"
// and the error messages are the same for compressed output; the commands
// decide which names they accept (src/cli/files.hpp).
//
// Readers do not rely on the name: io::open_input() (decompress.hpp) detects
// compression by content.
#pragma once

#include <zlib.h>
#include <zstd.h>

#include <streambuf>
#include <string>
#include <vector>

namespace etr2nn::io {

enum class Compression { None, Gzip, Zstd };

// By the name's ending, ignoring case; "-" (standard output) is None.
Compression compression_for_name(const std::string& path);

class CompressingBuffer : public std::streambuf {
 public:
  // `sink` receives the compressed bytes; it must outlive this buffer.
  // `compression` must not be None.
  CompressingBuffer(Compression compression, std::streambuf& sink);
  ~CompressingBuffer() override;
  CompressingBuffer(const CompressingBuffer&) = delete;
  CompressingBuffer& operator=(const CompressingBuffer&) = delete;

  // Ends the current zstd frame or gzip member, so that everything written
  // so far is a complete compressed stream (a reader can check it before the
  // file is committed), and syncs the sink. Writing on starts a new frame;
  // readers take the frames one after the other. Without new data since the
  // last finish() this writes nothing. False on a failure: see error().
  bool finish();
  // Why the last operation failed ("" when nothing failed): the sink refused
  // bytes, or the compressor failed.
  const std::string& error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  // Compresses what is buffered and hands the result to the sink, without
  // ending the frame (a flush of the stream must not cost compression).
  int sync() override;

 private:
  enum class Step { Continue, End };
  bool compress(Step step);
  bool compress_zstd(Step step);
  bool compress_gzip(Step step);
  bool emit(const char* data, std::size_t size);

  Compression compression_;
  std::streambuf& sink_;
  std::vector<char> in_, out_;
  ZSTD_CCtx* zstd_ = nullptr;
  z_stream zlib_{};
  bool zlib_ready_ = false;
  bool frame_open_ = false;  // bytes went into the current frame since it began
  std::string error_;
};

}  // namespace etr2nn::io
