// End to end: what the tool does with output targets (streams, directories,
// wrong names, its own inputs), write errors, signals, progress and timing
// lines, and the errors a new user meets first.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "dataset/dataset.hpp"
#include "diagnostic/diagnostic.hpp"
#include "network/network.hpp"
#include "tool_test.hpp"

namespace etr2nn {
namespace {

namespace fs = std::filesystem;
using testing::sample;
using testing::slurp;
using Outcome = testing::ToolOutcome;

class SafetyCli : public testing::ToolTest {
 protected:
  // Runs `etr2nn ARGS` inside the test directory (so a stray file named "-"
  // would show), stdout to `stdout_to` unless empty (then captured).
  Outcome run_here(const std::string& args, const std::string& stdout_to = "") const {
    const fs::path out = dir.parent_path() / (dir.filename().string() + ".here.stdout");
    const fs::path err = dir.parent_path() / (dir.filename().string() + ".here.stderr");
    const std::string command = "cd '" + dir.string() + "' && '" + ETR2NN_BINARY + "' " + args +
                                " >'" + (stdout_to.empty() ? out.string() : stdout_to) + "' 2>'" +
                                err.string() + "'";
    const int raw = std::system(command.c_str());
    Outcome r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    if (stdout_to.empty()) r.out = slurp(out);
    r.err = slurp(err);
    fs::remove(out);
    fs::remove(err);
    return r;
  }

  std::string path(const std::string& name) const { return (dir / name).string(); }

  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    return path(name);
  }

  // A small dataset and its witness network, made by the tool.
  void make_dataset_and_network() const {
    ASSERT_EQ(run("compile " + sample("inv_rational_sat.etr") + " -o " + path("d.json") +
                  " --witness " + path("n.json") + " --assign " +
                  write("a.json", R"({"x": "1", "y": "1/2", "z": "2"})") + " --quiet")
                  .status,
              0);
  }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// --- output targets -------------------------------------------------------------

TEST_F(SafetyCli, OutputToAFifoStreamsAndKeepsTheFifo) {
  make_dataset_and_network();
  const std::string fifo = path("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Held open read-write so neither side blocks in open(); closing it after
  // the run gives the reader its end of file.
  const int keep = ::open(fifo.c_str(), O_RDWR);
  ASSERT_GE(keep, 0);
  std::string received;
  std::thread reader([&] {
    const int fd = ::open(fifo.c_str(), O_RDONLY);
    char buffer[1 << 14];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
      received.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
  });
  const Outcome r = run("render " + path("d.json") + " -o " + fifo + " --quiet");
  ::close(keep);
  reader.join();
  EXPECT_EQ(r.status, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced by a regular file";
  EXPECT_TRUE(contains(received, "<svg")) << received.substr(0, 200);
  EXPECT_TRUE(contains(received, "</svg>"));
}

TEST_F(SafetyCli, OutputToADirectoryIsRefusedBeforeTheWork) {
  fs::create_directories(dir / "out");
  for (const std::string& command :
       {"compile " + sample("inv_rational_sat.etr") + " -o " + path("out"),
        "render --profile I --x 1 -o " + path("out"),
        "normalize " + sample("sqrt2.etr") + " -o " + path("out")}) {
    const Outcome r = run(command);
    EXPECT_EQ(r.status, 1) << command;
    EXPECT_TRUE(
        contains(r.err, path("out") + ": error: cannot write: it is a directory [file-unwritable]"))
        << r.err;
    EXPECT_TRUE(fs::is_empty(dir / "out"));
  }
}

// `-o -` writes the file to standard output, for every command that writes
// one; the summary moves to stderr, and no file named "-" appears.
TEST_F(SafetyCli, DashWritesToStandardOutput) {
  make_dataset_and_network();
  Outcome r = run_here("compile " + sample("inv_rational_sat.etr") + " -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream dataset_text(r.out);
  EXPECT_EQ(dataset::read_dataset(dataset_text, "stdout").points.size(),
            dataset::read_dataset(path("d.json")).points.size());
  EXPECT_TRUE(contains(r.err, "compiled ")) << r.err;

  r = run_here("witness " + path("d.json") + " --assign " + path("a.json") + " -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(network::network_from_json(nlohmann::json::parse(r.out), "stdout").neurons.size(),
            network::read_network(path("n.json")).neurons.size());

  r = run_here("render --profile D --x 3/4 -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("<svg", 0) == 0 || r.out.rfind("<?xml", 0) == 0, true)
      << r.out.substr(0, 80);

  r = run_here("normalize " + sample("sqrt2.etr") + " --bound-exponent 1 -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "exists")) << r.out.substr(0, 200);
  EXPECT_TRUE(contains(r.err, "wrote standard output")) << r.err;

  r = run_here("decode " + path("d.json") + " " + path("n.json") + " --assign-out -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out).at("y"), "1/2");

  r = run_here("smt " + path("d.json") + " -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "(check-sat)")) << r.out.substr(0, 200);
  EXPECT_TRUE(contains(r.err, "QF_NRA")) << r.err;

  EXPECT_FALSE(fs::exists(dir / "-"));
  // Two outputs cannot share standard output.
  r = run_here("compile " + sample("inv_rational_sat.etr") + " -o - --witness -");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.out.empty());
}

// The name says the format: a mismatch is refused, before any work.
TEST_F(SafetyCli, WrongOutputExtensionsAreRefused) {
  make_dataset_and_network();
  const std::size_t before = entries();
  struct Case {
    std::string command, message;
  };
  const std::string formula = sample("inv_rational_sat.etr");
  const std::vector<Case> cases = {
      {"render " + path("d.json") + " -o " + path("x.jpg"), "must end in .svg"},
      {"render --profile I --x 1 -o " + path("x.json"), "must end in .svg"},
      {"compile " + formula + " -o " + path("out.etr"), "must end in .json"},
      {"compile " + formula + " -o " + path("out.gz"), "compressed output (.gz)"},
      {"compile " + formula + " -o " + path("out.zst"), "compressed output (.zst)"},
      {"compile " + formula + " -o " + path("out.json.bz2"), "compressed output (.bz2)"},
      {"render " + path("d.json") + " -o " + path("x.svg.gz"), "compressed output (.gz)"},
      {"compile " + formula + " -o " + path("o.json") + " --witness " + path("w.txt"), "--witness"},
      {"normalize " + formula + " -o " + path("x.json"), "must end in .etr"},
      {"witness " + path("d.json") + " --assign " + path("a.json") + " -o " + path("n.etr"),
       "must end in .json"},
      {"decode " + path("d.json") + " " + path("n.json") + " --assign-out " + path("a.etr"),
       "must end in .json"},
      {"smt " + path("d.json") + " -o " + path("d.json.smt"), "must end in .smt2"},
      {"certify --json " + path("c.txt"), "must end in .json"},
  };
  for (const auto& c : cases) {
    const Outcome r = run(c.command);
    EXPECT_EQ(r.status, 2) << c.command << "\n" << r.err;
    EXPECT_TRUE(contains(r.err, c.message)) << c.command << "\n" << r.err;
  }
  EXPECT_EQ(entries(), before);
}

// Same file by device and inode: a hard link or a symlink is caught too.
TEST_F(SafetyCli, AnOutputThatIsAnInputIsRefused) {
  const std::string formula = write("f.etr", slurp(sample("inv_rational_sat.etr")));
  const std::string original = slurp(formula);
  fs::create_hard_link(formula, dir / "hard.json");
  fs::create_symlink(formula, dir / "soft.json");
  for (const std::string& output : {path("hard.json"), path("soft.json")}) {
    const Outcome r = run("compile " + formula + " -o " + output);
    EXPECT_EQ(r.status, 2) << output << "\n" << r.err;
    EXPECT_TRUE(contains(r.err, "is the input")) << r.err;
    EXPECT_EQ(slurp(formula), original);
  }
  // Both outputs the same file, by two spellings of its name.
  Outcome r = run_here("compile f.etr -o y.json --witness ./y.json");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "the same file")) << r.err;
  EXPECT_FALSE(fs::exists(dir / "y.json"));
  // A dataset rendered onto itself: the extension already says no; a network
  // written over its own assignment input is caught by inode.
  make_dataset_and_network();
  const std::string assignment = slurp(path("a.json"));
  r = run("witness " + path("d.json") + " --assign " + path("a.json") + " -o " + path("a.json"));
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(slurp(path("a.json")), assignment);
}

TEST_F(SafetyCli, WriteErrorsNameThePathAndTheCause) {
  Outcome r = run("compile " + sample("inv_rational_sat.etr") + " -o " + path("no/such/d.json"));
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(
      contains(r.err, path("no/such/d.json") + ": error: cannot write: " + std::strerror(ENOENT)))
      << r.err;
  r = run("compile " + sample("inv_rational_sat.etr") + " -o /dev/full");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(
      contains(r.err, std::string("/dev/full: error: cannot write: ") + std::strerror(ENOSPC)))
      << r.err;
  r = run("compile " + sample("inv_rational_sat.etr") + " -o ''");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "empty")) << r.err;
  EXPECT_EQ(entries(), 0u);
}

TEST_F(SafetyCli, StandardOutputWriteErrorsAreReported) {
  const Outcome r = run_here("check " + sample("inv_rational_sat.etr"), "/dev/full");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(
      contains(r.err, std::string("cannot write standard output: ") + std::strerror(ENOSPC)))
      << r.err;
}

// SIGTERM in the middle of writing a large dataset: the process dies of the
// signal and leaves no temporary. The run is long enough (a general sentence
// at a large K) that the temporary is seen well before the write ends.
TEST_F(SafetyCli, SigtermDuringCompileLeavesNoTemporary) {
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const int null_fd = ::open((dir / "child.log").c_str(), O_WRONLY | O_CREAT, 0600);
    ::dup2(null_fd, 1);
    ::dup2(null_fd, 2);
    ::execl(ETR2NN_BINARY, ETR2NN_BINARY, "compile", sample("sqrt2.etr").c_str(), "-o",
            (dir / "big.json").c_str(), "--quiet", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  auto temporary_present = [&] {
    for (const auto& e : fs::directory_iterator(dir))
      if (contains(e.path().filename().string(), ".big.json.tmp.")) return true;
    return false;
  };
  // Waiting for an event, not timing anything: the poll ends when the child
  // has its temporary or has exited.
  int status = 0;
  bool seen = false;
  while (!(seen = temporary_present())) {
    if (::waitpid(child, &status, WNOHANG) == child) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_TRUE(seen) << "the compile ended before its temporary was seen: " << status;
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // mid-write
  ::kill(child, SIGTERM);
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << status;
  EXPECT_FALSE(temporary_present());
  EXPECT_FALSE(fs::exists(dir / "big.json"));
}

// --- progress and timings ---------------------------------------------------------

// stderr is a file here, not a terminal: no timing line unless --verbose.
TEST_F(SafetyCli, TimingLinesFollowOnePolicy) {
  make_dataset_and_network();
  const std::string pair = path("d.json") + " " + path("n.json");
  Outcome r = run("verify " + pair);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  r = run("verify " + pair + " --verbose");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err.rfind("time: read ", 0), 0u) << r.err;
  r = run("verify " + pair + " --quiet");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(run("verify " + pair + " --quiet --verbose").status, 2);
  r = run("decode " + pair);
  EXPECT_EQ(r.err, "");
  // witness D.json streams the points past the checker with a progress line
  // on a terminal only; the summary goes to stdout either way.
  for (const char* quiet : {"", " --quiet"}) {
    r = run("witness " + path("d.json") + " --assign " + path("a.json") + " -o " + path("w.json") +
            quiet);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "") << quiet;
    EXPECT_TRUE(contains(r.out, "verified exactly on 478 points")) << r.out;
  }
}

// --- friendlier errors ----------------------------------------------------------------

TEST_F(SafetyCli, VerifyWithSwappedArguments) {
  make_dataset_and_network();
  for (const char* command : {"verify", "decode"}) {
    const Outcome r = run(std::string(command) + " " + path("n.json") + " " + path("d.json"));
    EXPECT_EQ(r.status, 2) << command;
    EXPECT_TRUE(contains(r.err, "arguments swapped?")) << r.err;
  }
  const Outcome both_networks = run("verify " + path("n.json") + " " + path("n.json"));
  EXPECT_EQ(both_networks.status, 1);
  EXPECT_TRUE(contains(both_networks.err, path("n.json") + ":1:1: error: this is a network file"))
      << both_networks.err;
}

TEST_F(SafetyCli, AJsonFileGivenAsAFormula) {
  make_dataset_and_network();
  for (const char* command : {"compile", "check", "normalize"}) {
    const std::string output = std::string(command) == "normalize" ? " -o " + path("x.etr")
                               : std::string(command) == "compile" ? " -o " + path("x.json")
                                                                   : "";
    const Outcome r = run(std::string(command) + " " + path("d.json") + output);
    EXPECT_EQ(r.status, 1) << command;
    EXPECT_TRUE(contains(r.err, path("d.json") + ":1:1: error: this looks like a JSON dataset, "
                                                 "not a formula"))
        << r.err;
  }
}

TEST_F(SafetyCli, AFormulaGivenAsADataset) {
  for (const char* command : {"inspect", "render"}) {
    const Outcome r = run(std::string(command) + " " + sample("sqrt2.etr") +
                          (std::string(command) == "render" ? " -o " + path("x.svg") : ""));
    EXPECT_EQ(r.status, 1) << command;
    EXPECT_TRUE(contains(r.err, sample("sqrt2.etr") + ":1:1: error: expected a JSON dataset"))
        << r.err;
    EXPECT_FALSE(contains(r.err, "json.exception")) << r.err;
  }
  // Broken JSON: file, line and column, and the line with a caret.
  const std::string broken =
      write("broken.json", "{\n  \"format\": \"etr2nn-dataset\",\n  oops\n}\n");
  const Outcome r = run("inspect " + broken);
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.err, broken + ":3:")) << r.err;
  EXPECT_TRUE(contains(r.err, "not valid JSON")) << r.err;
  EXPECT_TRUE(contains(r.err, "  oops\n")) << r.err;
  EXPECT_FALSE(contains(r.err, "json.exception")) << r.err;
}

TEST_F(SafetyCli, InputsThatAreNotFilesAreNamed) {
  fs::create_directories(dir / "sub");
  const Outcome r = run_here("verify sub n.json");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "sub: error: cannot open file: it is a directory [file-unreadable]\n");
  const Outcome missing = run_here("verify missing.json n.json");
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(missing.err, "missing.json: error: cannot open file: " +
                             std::string(std::strerror(ENOENT)) + " [file-unreadable]\n");
}

TEST_F(SafetyCli, UnknownOptionsGetASuggestion) {
  Outcome r = run("compile " + sample("sqrt2.etr") + " --witnes w.json -o y.json");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "unknown option --witnes (did you mean --witness?)")) << r.err;
  r = run("verify a b --quite");
  EXPECT_TRUE(contains(r.err, "(did you mean --quiet?)")) << r.err;
  r = run("verify a b --frobnicate");
  EXPECT_TRUE(contains(r.err, "etr2nn verify: error: unknown option --frobnicate [usage]\n"))
      << r.err;
}

TEST_F(SafetyCli, HelpCommandAndVersion) {
  for (const char* command : {"compile", "verify", "render"}) {
    const Outcome help = run(std::string("help ") + command);
    const Outcome direct = run(std::string(command) + " --help");
    EXPECT_EQ(help.status, 0);
    EXPECT_EQ(help.out, direct.out) << command;
  }
  EXPECT_EQ(run("help frobnicate").status, 2);
  const Outcome version = run("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out, std::string("etr2nn ") + ETR2NN_VERSION + "\n");
}

// An error at the end of a very long line quotes a window around the caret,
// not the line (which was printed twice: the line and the caret's padding).
TEST_F(SafetyCli, ErrorsOnAVeryLongLineQuoteOnlyAWindow) {
  std::string formula = "exists x in [0, 1]: x";
  for (int i = 0; i < 200000; ++i) formula += " + x";
  formula += " + (";
  const Outcome r = run("check " + write("long.etr", formula));
  EXPECT_EQ(r.status, 1);
  EXPECT_LT(r.err.size(), 1000u) << r.err.substr(0, 300);
  EXPECT_TRUE(contains(r.err, "...")) << r.err;
  // The caret sits under the end of the quoted window's text.
  const std::size_t caret_line = r.err.rfind('\n', r.err.rfind('^'));
  const std::size_t quoted_line = r.err.rfind('\n', caret_line - 1);
  const std::string quoted = r.err.substr(quoted_line + 1, caret_line - quoted_line - 1);
  const std::size_t caret_column = r.err.rfind('^') - caret_line - 1;
  ASSERT_LE(caret_column, quoted.size());
  // The error is at the end of the input, just after the final "(".
  EXPECT_EQ(caret_column, quoted.size()) << r.err;
  EXPECT_EQ(quoted.substr(quoted.size() - 3), "+ (") << quoted;
  EXPECT_LE(quoted.size(), etr2nn::Diagnostic::kQuotedColumns + 2 + 3) << quoted;
}

}  // namespace
}  // namespace etr2nn
