// The output writer: atomic replace for files, streaming for FIFOs and
// devices, refusal for directories, no symlink followed, no temporary left
// behind by an error or by SIGINT, SIGTERM or SIGHUP.
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class AtomicFileTest : public ::testing::Test {
 protected:
  fs::path dir;

  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir = fs::temp_directory_path() /
          ("etr2nn_io_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  // Files in the directory whose name says they are temporaries.
  std::size_t temporaries() const {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir))
      n += e.path().filename().string().find(".tmp.") != std::string::npos;
    return n;
  }

  std::string error_of(const std::string& target, const std::string& content = "x") {
    try {
      io::write_file_atomically(target, content);
    } catch (const etr2nn::Diagnostic& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(AtomicFileTest, ReplacesARegularFileAndLeavesNoTemporary) {
  const fs::path target = dir / "out.json";
  std::ofstream(target) << "old";
  io::write_file_atomically(target.string(), "new\n");
  EXPECT_EQ(slurp(target), "new\n");
  EXPECT_EQ(temporaries(), 0u);
  EXPECT_EQ(io::target_kind(target.string()), io::TargetKind::Replace);
}

TEST_F(AtomicFileTest, AnAbandonedWriterLeavesTheTargetUntouched) {
  const fs::path target = dir / "out.json";
  std::ofstream(target) << "old";
  {
    io::AtomicFile file(target.string());
    file.stream() << "half of it";
    EXPECT_EQ(temporaries(), 1u);
  }  // no commit: an error path
  EXPECT_EQ(slurp(target), "old");
  EXPECT_EQ(temporaries(), 0u);
}

// A FIFO is written through, not replaced by a regular file.
TEST_F(AtomicFileTest, StreamsIntoAFifo) {
  const fs::path fifo = dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // A non-blocking reader lets the writer open without a second thread; the
  // content fits in the pipe's buffer.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  EXPECT_EQ(io::target_kind(fifo.string()), io::TargetKind::Stream);
  io::write_file_atomically(fifo.string(), "through the pipe\n");
  char buffer[64] = {};
  const ssize_t n = ::read(reader, buffer, sizeof buffer);
  ::close(reader);
  EXPECT_EQ(std::string(buffer, n > 0 ? static_cast<std::size_t>(n) : 0), "through the pipe\n");
  struct stat st {};
  ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced";
  EXPECT_EQ(temporaries(), 0u);
}

TEST_F(AtomicFileTest, RefusesADirectoryWithAClearError) {
  const fs::path sub = dir / "sub";
  fs::create_directories(sub);
  EXPECT_EQ(error_of(sub.string()),
            sub.string() + ": error: cannot write: it is a directory [file-unwritable]");
  EXPECT_TRUE(fs::is_directory(sub));
  EXPECT_TRUE(fs::is_empty(sub));
  EXPECT_EQ(temporaries(), 0u);
}

// The cause is named: errno's text, with the path.
TEST_F(AtomicFileTest, ErrorsNameThePathAndTheCause) {
  const fs::path missing = dir / "no" / "such" / "out.json";
  EXPECT_EQ(error_of(missing.string()), missing.string() + ": error: cannot write: " +
                                            std::strerror(ENOENT) + " [file-unwritable]");
  // /dev/full: every write fails with ENOSPC (a character device: streamed).
  EXPECT_EQ(error_of("/dev/full", std::string(1 << 17, 'x')),
            std::string("/dev/full: error: cannot write: ") + std::strerror(ENOSPC) +
                " [file-unwritable]");
  EXPECT_NE(error_of("").find("the file name is empty"), std::string::npos);
}

// The old writer opened ".NAME.tmp.PID" with O_TRUNC and followed a symlink
// planted there, overwriting the symlink's target.
TEST_F(AtomicFileTest, APlantedSymlinkAtTheOldTemporaryNameIsNotFollowed) {
  const fs::path victim = dir / "victim";
  std::ofstream(victim) << "precious";
  const fs::path target = dir / "out.json";
  const fs::path planted = dir / (".out.json.tmp." + std::to_string(::getpid()));
  fs::create_symlink(victim, planted);
  io::write_file_atomically(target.string(), "new");
  EXPECT_EQ(slurp(victim), "precious");
  EXPECT_EQ(slurp(target), "new");
  EXPECT_FALSE(fs::is_symlink(target));
  EXPECT_TRUE(fs::is_symlink(planted));
}

// A symlink as the target: the file it points to is replaced, the link stays.
TEST_F(AtomicFileTest, ASymlinkTargetReplacesTheFileItPointsTo) {
  const fs::path real = dir / "real.json";
  std::ofstream(real) << "old";
  const fs::path link = dir / "link.json";
  fs::create_symlink(real, link);
  io::write_file_atomically(link.string(), "new");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(slurp(real), "new");
}

// A new file gets the usual permissions (umask), not mkstemp's 0600.
TEST_F(AtomicFileTest, ANewFileHasTheUmaskPermissions) {
  const mode_t mask = ::umask(022);
  const fs::path target = dir / "new.json";
  io::write_file_atomically(target.string(), "x");
  ::umask(mask);
  struct stat st {};
  ASSERT_EQ(::stat(target.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

// A child process writes half a file, then waits for a signal; after the
// signal the directory holds no temporary and the child died of the signal.
TEST_F(AtomicFileTest, SignalsRemoveTheLiveTemporary) {
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) {
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(ready[0]);
      io::AtomicFile file((dir / "big.json").string());
      file.stream() << std::string(1 << 20, 'x');
      file.stream().flush();
      const char byte = 'r';
      if (::write(ready[1], &byte, 1) != 1) ::_exit(3);
      for (;;) ::pause();
    }
    ::close(ready[1]);
    char byte = 0;
    ASSERT_EQ(::read(ready[0], &byte, 1), 1);
    ::close(ready[0]);
    EXPECT_EQ(temporaries(), 1u) << "the child has its temporary";
    ::kill(child, signal_number);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signal_number)
        << "signal " << signal_number << ", status " << status;
    EXPECT_EQ(temporaries(), 0u) << "signal " << signal_number;
    EXPECT_FALSE(fs::exists(dir / "big.json"));
  }
}

}  // namespace
}  // namespace etr2nn
