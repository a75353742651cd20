// The tests' own view of compressed bytes: files read and written raw, and
// zstd/gzip decoded and encoded by the libraries' simplest calls (zstd's
// streaming decoder frame by frame, zlib's gzread/gzwrite), never by the code
// under test, so that a round trip through etr2nn is checked against an
// independent codec.
#pragma once

#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace etr2nn::testing {

inline std::string raw_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void put_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The concatenated frames' content, or nullopt when the bytes are not a
// complete, valid zstd stream.
inline std::optional<std::string> zstd_decoded(const std::string& bytes) {
  std::string text, out(1 << 16, '\0');
  for (std::size_t at = 0; at < bytes.size();) {
    const std::size_t frame = ZSTD_findFrameCompressedSize(bytes.data() + at, bytes.size() - at);
    if (ZSTD_isError(frame)) return std::nullopt;
    ZSTD_DCtx* d = ZSTD_createDCtx();
    ZSTD_inBuffer in{bytes.data() + at, frame, 0};
    for (;;) {
      ZSTD_outBuffer o{out.data(), out.size(), 0};
      const std::size_t left = ZSTD_decompressStream(d, &o, &in);
      if (ZSTD_isError(left)) {
        ZSTD_freeDCtx(d);
        return std::nullopt;
      }
      text.append(out.data(), o.pos);
      if (left == 0) break;
    }
    ZSTD_freeDCtx(d);
    at += frame;
  }
  return text;
}

// As zstd_decoded, with "<not zstd>" for bytes that are not: for EXPECT_EQ.
inline std::string zstd_decode(const std::string& bytes) {
  return zstd_decoded(bytes).value_or("<not zstd>");
}

inline std::string gzip_decode(const std::filesystem::path& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  std::string text, chunk(1 << 16, '\0');
  for (int n; (n = gzread(f, chunk.data(), static_cast<unsigned>(chunk.size()))) > 0;)
    text.append(chunk.data(), static_cast<std::size_t>(n));
  gzclose(f);
  return text;
}

inline std::string zstd_encode(const std::string& text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3));
  return out;
}

inline void gzip_write(const std::filesystem::path& path, const std::string& text) {
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
}

}  // namespace etr2nn::testing
