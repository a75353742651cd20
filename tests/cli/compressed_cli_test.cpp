// End to end: compressed datasets and networks. compile writes .json.zst and
// .json.gz (byte for byte the plain output, compressed); every command that
// reads a dataset or a network takes them and prints what it prints for the
// plain files; broken compressed input is a clear error with no output left;
// a compressed output that fails midway leaves nothing; other compressed
// names stay refused.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../io/reference_codecs.hpp"
#include "tool_test.hpp"

namespace etr2nn {
namespace {

namespace fs = std::filesystem;
using testing::gzip_decode;
using testing::gzip_write;
using testing::put_bytes;
using testing::raw_bytes;
using testing::sample;
using testing::zstd_decode;
using testing::zstd_encode;
using Outcome = testing::ToolOutcome;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
    text.replace(at, from.size(), to);
  return text;
}

class CompressedCli : public testing::ToolTest {
 protected:
  std::string path(const std::string& name) const { return (dir / name).string(); }

  // Runs a shell command line (not the tool's arguments), stderr captured.
  Outcome run_shell(const std::string& line) const {
    const fs::path err = dir.parent_path() / (dir.filename().string() + ".shell.stderr");
    const int raw = std::system(("(" + line + ") 2>'" + err.string() + "'").c_str());
    Outcome r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.err = testing::slurp(err);
    fs::remove(err);
    return r;
  }

  // d.json / n.json and their compressed twins, by compile with a witness.
  void compile_all() const {
    std::ofstream(dir / "a.json") << R"({"x": "1", "y": "1/2", "z": "2"})";
    for (const std::string ext : {".json", ".json.zst", ".json.gz"}) {
      const Outcome r =
          run("compile " + sample("inv_rational_sat.etr") + " -o " + path("d" + ext) +
              " --witness " + path("n" + ext) + " --assign " + path("a.json") + " --quiet");
      ASSERT_EQ(r.status, 0) << ext << "\n" << r.err;
    }
  }

  // What `command` prints with the compressed files, file names made plain,
  // next to what it prints with the plain ones.
  void expect_same_output(const std::string& command_with_ext, const std::string& ext) const {
    const std::string plain_command = replaced(command_with_ext, "EXT", ".json");
    const std::string command = replaced(command_with_ext, "EXT", ext);
    const Outcome plain = run(plain_command), r = run(command);
    EXPECT_EQ(plain.status, 0) << plain_command << "\n" << plain.err;
    EXPECT_EQ(r.status, plain.status) << command << "\n" << r.err;
    EXPECT_EQ(replaced(r.out, ext, ".json"), plain.out) << command;
    EXPECT_EQ(replaced(r.err, ext, ".json"), plain.err) << command;
  }
};

TEST_F(CompressedCli, CompileWritesThePlainBytesCompressed) {
  compile_all();
  const std::string dataset = raw_bytes(dir / "d.json"), network = raw_bytes(dir / "n.json");
  ASSERT_FALSE(dataset.empty());
  EXPECT_EQ(zstd_decode(raw_bytes(dir / "d.json.zst")), dataset);
  EXPECT_EQ(zstd_decode(raw_bytes(dir / "n.json.zst")), network);
  EXPECT_EQ(gzip_decode(dir / "d.json.gz"), dataset);
  EXPECT_EQ(gzip_decode(dir / "n.json.gz"), network);
  EXPECT_LT(fs::file_size(dir / "d.json.zst"), dataset.size() / 3);
  EXPECT_LT(fs::file_size(dir / "d.json.gz"), dataset.size() / 3);
}

TEST_F(CompressedCli, EveryReaderTakesCompressedFiles) {
  compile_all();
  for (const std::string ext : {".json.zst", ".json.gz"}) {
    const std::string d = path("dEXT"), n = path("nEXT");
    expect_same_output("verify " + d + " " + n, ext);
    expect_same_output("decode " + d + " " + n, ext);
    expect_same_output("inspect " + d + " --labels --instance", ext);
    expect_same_output("render " + d + " -o - --quiet", ext);
    expect_same_output("smt " + d + " -o - --quiet", ext);
    expect_same_output("witness " + d + " --assign " + path("a.json") + " -o -", ext);
    // verify with one plain and one compressed file.
    expect_same_output("verify " + path("d.json") + " " + n, ext);
  }
}

TEST_F(CompressedCli, WitnessWritesACompressedNetwork) {
  compile_all();
  ASSERT_EQ(run("witness " + path("d.json.gz") + " --assign " + path("a.json") + " -o " +
                path("w.json.zst"))
                .status,
            0);
  ASSERT_EQ(
      run("witness " + path("d.json") + " --assign " + path("a.json") + " -o " + path("w.json"))
          .status,
      0);
  // The network names its source dataset: the only difference.
  EXPECT_EQ(replaced(zstd_decode(raw_bytes(dir / "w.json.zst")), "d.json.gz", "d.json"),
            raw_bytes(dir / "w.json"));
}

// Broken compressed datasets: each command says what is wrong, names the
// file, fails, and leaves no output file behind.
TEST_F(CompressedCli, BrokenCompressedInputIsAClearError) {
  compile_all();
  const std::string zst = raw_bytes(dir / "d.json.zst"), gz = raw_bytes(dir / "d.json.gz");
  std::string corrupt_zst = zst, corrupt_gz = gz;
  corrupt_zst[zst.size() / 2] = static_cast<char>(corrupt_zst[zst.size() / 2] ^ 0x55);
  corrupt_gz[gz.size() / 2] = static_cast<char>(corrupt_gz[gz.size() / 2] ^ 0x55);
  struct Case {
    std::string name, bytes, message;
  };
  const std::vector<Case> cases = {
      {"cut.json.zst", zst.substr(0, zst.size() / 2),
       "the zstd stream ends before its last frame is complete"},
      {"cut.json.gz", gz.substr(0, gz.size() / 2),
       "the gzip stream ends before its last member is complete"},
      {"bad.json.zst", corrupt_zst, "corrupt zstd data: "},
      {"bad.json.gz", corrupt_gz, "corrupt gzip data: "},
      {"tail.json.zst", zst + "junk", "trailing data after the end of the zstd stream"},
      {"tail.json.gz", gz + "junk", "trailing data after the end of the gzip stream"},
  };
  for (const Case& c : cases) {
    put_bytes(dir / c.name, c.bytes);
    const std::size_t before = entries();
    for (const std::string& command :
         {"verify " + path(c.name) + " " + path("n.json"),
          "witness " + path(c.name) + " --assign " + path("a.json") + " -o " + path("out.json"),
          "render " + path(c.name) + " -o " + path("out.svg"), "inspect " + path(c.name),
          "decode " + path(c.name) + " " + path("n.json"),
          "smt " + path(c.name) + " -o " + path("out.smt2"),
          "verify " + path("d.json") + " " + path(c.name)}) {
      const Outcome r = run(command);
      EXPECT_NE(r.status, 0) << command;
      EXPECT_TRUE(contains(r.err, path(c.name) + ": error: " + c.message)) << command << "\n"
                                                                           << r.err;
      EXPECT_TRUE(contains(r.err, "[compressed-data]")) << r.err;
      EXPECT_EQ(entries(), before) << command << ": an output was left behind";
    }
  }
}

// Valid compression around invalid JSON: the position is the JSON's.
TEST_F(CompressedCli, JsonErrorsInCompressedFilesHaveLineAndColumn) {
  compile_all();
  std::string text = raw_bytes(dir / "d.json");
  const std::size_t at = text.find("\"points\"");
  ASSERT_NE(at, std::string::npos);
  text.insert(at, "\"oops\" ");  // a key without a colon: a syntax error mid-file
  put_bytes(dir / "broken.json", text);
  put_bytes(dir / "broken.json.zst", zstd_encode(text));
  gzip_write(dir / "broken.json.gz", text);
  const Outcome plain = run("verify " + path("broken.json") + " " + path("n.json"));
  ASSERT_NE(plain.status, 0);
  ASSERT_TRUE(contains(plain.err, path("broken.json") + ":")) << plain.err;
  ASSERT_TRUE(contains(plain.err, "[json-syntax]")) << plain.err;
  for (const std::string ext : {".json.zst", ".json.gz"}) {
    for (const std::string& command : {"verify " + path("broken" + ext) + " " + path("n.json"),
                                       "inspect " + path("broken" + ext)}) {
      const Outcome r = run(command);
      const Outcome p = run(replaced(command, ext, ".json"));
      EXPECT_NE(r.status, 0);
      EXPECT_EQ(replaced(r.err, ext, ".json"), p.err) << command;
      // line:column, then the quoted line of the decompressed JSON
      EXPECT_TRUE(contains(r.err, path("broken" + ext) + ":")) << r.err;
      EXPECT_TRUE(contains(r.err, "\"oops\"")) << r.err;
    }
  }
}

// A compressed output that fails midway (the file size limit: write() fails
// with EFBIG) leaves no file and no temporary.
TEST_F(CompressedCli, AFailedCompressedWriteLeavesNothing) {
  for (const std::string ext : {".json.zst", ".json.gz"}) {
    // One block of 512 bytes; SIGXFSZ ignored so that write() reports it.
    const Outcome r =
        run_shell("trap '' XFSZ; ulimit -f 1; '" + std::string(ETR2NN_BINARY) + "' compile " +
                  sample("inv_rational_sat.etr") + " -o " + path("e" + ext) + " --quiet");
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_TRUE(contains(r.err, path("e" + ext) + ": error: cannot write: ")) << r.err;
    EXPECT_EQ(entries(), 0u) << ext << ": a file or temporary was left behind";
  }
}

// A device or a FIFO is written directly, compressed when its name says so.
TEST_F(CompressedCli, DevicesAndFifosAreWrittenDirectly) {
  fs::create_symlink("/dev/full", dir / "full.json.zst");
  const Outcome full =
      run("compile " + sample("inv_rational_sat.etr") + " -o " + path("full.json.zst"));
  EXPECT_EQ(full.status, 1);
  EXPECT_TRUE(
      contains(full.err, path("full.json.zst") + ": error: cannot write: " + std::strerror(ENOSPC)))
      << full.err;
  EXPECT_TRUE(fs::is_symlink(dir / "full.json.zst"));

  const std::string fifo = path("pipe.json.zst");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int keep = ::open(fifo.c_str(), O_RDWR);  // neither side blocks in open()
  ASSERT_GE(keep, 0);
  std::string received;
  std::thread reader([&] {
    const int fd = ::open(fifo.c_str(), O_RDONLY);
    char buffer[1 << 14];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
      received.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
  });
  const Outcome r = run("compile " + sample("inv_rational_sat.etr") + " -o " + fifo + " --quiet");
  ::close(keep);
  reader.join();
  ASSERT_EQ(r.status, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  ASSERT_EQ(run("compile " + sample("inv_rational_sat.etr") + " -o " + path("d.json") + " --quiet")
                .status,
            0);
  EXPECT_EQ(zstd_decode(received), raw_bytes(dir / "d.json"));
}

TEST_F(CompressedCli, OtherCompressedNamesAreRefused) {
  const std::string formula = sample("inv_rational_sat.etr");
  for (const std::string& command :
       {"compile " + formula + " -o " + path("d.zst"), "compile " + formula + " -o " + path("d.gz"),
        "compile " + formula + " -o " + path("d.json.bz2"),
        "compile " + formula + " -o " + path("d.json.xz"),
        "compile " + formula + " -o " + path("d.json") + " --witness " + path("n.zst"),
        "render --profile I --x 1 -o " + path("x.svg.zst")}) {
    const Outcome r = run(command);
    EXPECT_EQ(r.status, 2) << command << "\n" << r.err;
    EXPECT_TRUE(contains(r.err, "compressed output")) << command << "\n" << r.err;
    EXPECT_EQ(entries(), 0u) << command;
  }
}

}  // namespace
}  // namespace etr2nn
