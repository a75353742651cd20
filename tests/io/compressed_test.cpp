// Compressed files below the command line: what AtomicFile writes under a
// .gz or .zst name is a gzip or zstd stream of exactly the bytes written;
// io::open_input reads compressed and plain files alike (by content, not by
// name) and refuses truncated, corrupt or trailing data with a
// compressed-data Diagnostic naming the file; JSON errors inside a
// compressed file keep the line and column of the JSON text.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "diagnostic/diagnostic.hpp"
#include "io/atomic_file.hpp"
#include "io/compress.hpp"
#include "io/decompress.hpp"
#include "json_io/value.hpp"
#include "reference_codecs.hpp"

namespace etr2nn {
namespace {

namespace fs = std::filesystem;
using testing::gzip_decode;
using testing::put_bytes;
using testing::raw_bytes;
using testing::zstd_decode;

// Through istream::read, as a reader would (operator<<(streambuf*) would
// swallow the error into the output stream's failbit).
std::string read_all(const std::string& path) {
  const auto in = io::open_input(path);
  std::string text, chunk(1 << 15, '\0');
  while (in->read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in->gcount() > 0)
    text.append(chunk.data(), static_cast<std::size_t>(in->gcount()));
  return text;
}

// A text long enough to span several buffers of the reader and the writer.
std::string sample_text() {
  std::string text = "{\"format\": \"etr2nn-dataset\", \"points\": [\n";
  for (int i = 0; i < 200000; ++i)
    text += "  {\"x\": [\"" + std::to_string(i) + "/7\", \"" + std::to_string(i * 31 % 977) +
            "\"], \"y\": [\"1\", \"0\"]},\n";
  text += "  {}\n]}\n";
  return text;
}

class Compressed : public ::testing::Test {
 protected:
  fs::path dir;
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir = fs::temp_directory_path() /
          ("etr2nn_compressed_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string path(const std::string& name) const { return (dir / name).string(); }

  // The error open_input + reading everything gives, or "" when none.
  std::string read_error(const std::string& file) const {
    try {
      read_all(file);
    } catch (const Diagnostic& e) {
      EXPECT_EQ(e.kind().id, errors::compressed_data.id) << e.what();
      return e.what();
    }
    return "";
  }
};

TEST_F(Compressed, TheNameChoosesTheCompression) {
  EXPECT_EQ(io::compression_for_name("d.json.zst"), io::Compression::Zstd);
  EXPECT_EQ(io::compression_for_name("D.JSON.GZ"), io::Compression::Gzip);
  EXPECT_EQ(io::compression_for_name("d.json"), io::Compression::None);
  EXPECT_EQ(io::compression_for_name("-"), io::Compression::None);
}

TEST_F(Compressed, AtomicFileWritesAStreamTheLibrariesDecode) {
  const std::string text = sample_text();
  io::write_file_atomically(path("d.json.zst"), text);
  io::write_file_atomically(path("d.json.gz"), text);
  io::write_file_atomically(path("d.json"), text);
  const std::string zst = raw_bytes(path("d.json.zst")), gz = raw_bytes(path("d.json.gz"));
  ASSERT_GE(zst.size(), 4u);
  EXPECT_EQ(zst.substr(0, 4), std::string("\x28\xB5\x2F\xFD", 4));
  EXPECT_EQ(gz.substr(0, 2), std::string("\x1F\x8B", 2));
  EXPECT_LT(zst.size(), text.size() / 4);
  EXPECT_LT(gz.size(), text.size() / 4);
  EXPECT_EQ(zstd_decode(zst), text);
  EXPECT_EQ(gzip_decode(path("d.json.gz")), text);
  EXPECT_EQ(raw_bytes(path("d.json")), text);
}

TEST_F(Compressed, OpenInputDetectsCompressionByContent) {
  const std::string text = sample_text();
  io::write_file_atomically(path("a.json.zst"), text);
  io::write_file_atomically(path("b.json.gz"), text);
  fs::rename(path("a.json.zst"), path("a.json"));  // the name no longer says it
  fs::rename(path("b.json.gz"), path("b.txt"));
  io::write_file_atomically(path("c.json"), text);
  EXPECT_EQ(read_all(path("a.json")), text);
  EXPECT_EQ(read_all(path("b.txt")), text);
  EXPECT_EQ(read_all(path("c.json")), text);
  // Short plain files (fewer bytes than a magic number) and empty ones.
  io::write_file_atomically(path("short.json"), "1");
  EXPECT_EQ(read_all(path("short.json")), "1");
  io::write_file_atomically(path("empty.json"), "");
  EXPECT_EQ(read_all(path("empty.json")), "");
}

TEST_F(Compressed, FlushEndsTheFrameAndLaterWritesAddFrames) {
  for (const std::string name : {"f.json.zst", "f.json.gz"}) {
    io::AtomicFile file(path(name));
    file.stream() << "first part\n";
    file.flush();
    // Readable before the commit: a complete stream.
    EXPECT_EQ(read_all(file.readable_path()), "first part\n") << name;
    file.flush();  // nothing new: no empty frame or lone header is added
    EXPECT_EQ(read_all(file.readable_path()), "first part\n") << name;
    file.stream() << "second part\n";
    file.commit();
    EXPECT_EQ(read_all(path(name)), "first part\nsecond part\n") << name;
    EXPECT_EQ(name == "f.json.zst" ? zstd_decode(raw_bytes(path(name))) : gzip_decode(path(name)),
              "first part\nsecond part\n");
    // Flushed after the last write and committed: no lone header at the end.
    io::AtomicFile again(path(name));
    again.stream() << "only\n";
    again.flush();
    again.commit();
    EXPECT_EQ(read_all(path(name)), "only\n") << name;
  }
}

TEST_F(Compressed, StandardOutputIsNeverCompressed) {
  // "-" has no extension; a named device with one is compressed.
  io::AtomicFile out("-");
  EXPECT_EQ(out.kind(), io::TargetKind::StandardOutput);
  out.commit();
  EXPECT_EQ(io::compression_for_name("-"), io::Compression::None);
}

TEST_F(Compressed, TruncatedStreamsAreRefused) {
  const std::string text = sample_text();
  for (const std::string name : {"t.json.zst", "t.json.gz"}) {
    io::write_file_atomically(path(name), text);
    const std::string bytes = raw_bytes(path(name));
    put_bytes(path(name), bytes.substr(0, bytes.size() / 2));
    const std::string error = read_error(path(name));
    EXPECT_NE(error.find(path(name) + ": error: the "), std::string::npos) << error;
    EXPECT_NE(error.find("ends before its last"), std::string::npos) << error;
    // Cut inside the magic number's frame header too.
    put_bytes(path(name), bytes.substr(0, 6));
    EXPECT_NE(read_error(path(name)), "") << name;
  }
}

TEST_F(Compressed, CorruptBytesAreRefused) {
  const std::string text = sample_text();
  for (const std::string name : {"c.json.zst", "c.json.gz"}) {
    io::write_file_atomically(path(name), text);
    std::string bytes = raw_bytes(path(name));
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x55);
    put_bytes(path(name), bytes);
    const std::string error = read_error(path(name));
    EXPECT_NE(error.find(path(name) + ": error: "), std::string::npos) << error;
    EXPECT_NE(error.find("corrupt"), std::string::npos) << error;
  }
}

TEST_F(Compressed, TrailingGarbageIsRefused) {
  for (const std::string name : {"g.json.zst", "g.json.gz"}) {
    io::write_file_atomically(path(name), "{}\n");
    put_bytes(path(name), raw_bytes(path(name)) + "garbage\n");
    const std::string error = read_error(path(name));
    EXPECT_NE(error.find(path(name) + ": error: trailing data after the end"), std::string::npos)
        << error;
  }
}

TEST_F(Compressed, JsonErrorsKeepTheLineAndColumnOfTheJson) {
  const std::string broken = "{\n  \"a\": [1, 2,\n  3 4]\n}\n";
  io::write_file_atomically(path("b.json"), broken);
  io::write_file_atomically(path("b.json.zst"), broken);
  io::write_file_atomically(path("b.json.gz"), broken);
  const auto error_of = [](const std::string& file) {
    try {
      json_io::parse_file(file, "the file");
    } catch (const Diagnostic& e) {
      EXPECT_EQ(e.kind().id, errors::json_syntax.id);
      return std::string(e.what());
    }
    return std::string();
  };
  const std::string plain = error_of(path("b.json"));
  ASSERT_NE(plain.find(path("b.json") + ":3:"), std::string::npos) << plain;
  for (const std::string name : {"b.json.zst", "b.json.gz"}) {
    std::string error = error_of(path(name));
    const std::size_t at = error.find(path(name));
    ASSERT_NE(at, std::string::npos) << error;
    error.replace(at, path(name).size(), path("b.json"));
    EXPECT_EQ(error, plain);
  }
}

TEST_F(Compressed, AMissingFileIsUnreadable) {
  try {
    io::open_input(path("absent.json.zst"), "the dataset");
    FAIL() << "no error";
  } catch (const Diagnostic& e) {
    EXPECT_EQ(e.kind().id, errors::file_unreadable.id);
    EXPECT_NE(std::string(e.what()).find("cannot open the dataset: "), std::string::npos);
  }
}

}  // namespace
}  // namespace etr2nn
