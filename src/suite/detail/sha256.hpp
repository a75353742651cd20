// SHA-256 of files, for the suite manifest: Nettle's implementation (Debian's
// nettle-dev), not ours.
#pragma once

#include <string>

namespace etr2nn::suite {

// The lower-case hex digest of the file's bytes, read in blocks. Throws
// a file-unreadable Diagnostic "PATH: error: cannot read: <cause>".
std::string sha256_file(const std::string& path);

}  // namespace etr2nn::suite
