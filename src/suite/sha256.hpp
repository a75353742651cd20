// SHA-256 of files, for the suite manifest: Nettle's implementation (Debian's
// nettle-dev), not ours.
#pragma once

#include <string>

namespace etr2nn::suite {

// The lower-case hex digest of the file's bytes, read in blocks. Throws
// std::runtime_error "cannot read PATH: <cause>".
std::string sha256_file(const std::string& path);

}  // namespace etr2nn::suite
