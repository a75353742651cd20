#include "suite/detail/sha256.hpp"

#include <nettle/sha2.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::suite {

std::string sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Diagnostic(errors::file_unreadable, SourceLocation{path},
                     std::string("cannot read: ") + std::strerror(errno));
  sha256_ctx context;
  sha256_init(&context);
  std::vector<char> block(1 << 16);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got) sha256_update(&context, got, reinterpret_cast<const std::uint8_t*>(block.data()));
  }
  if (in.bad())
    throw Diagnostic(errors::file_unreadable, SourceLocation{path}, "cannot read: read error");
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context, SHA256_DIGEST_SIZE, digest);
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (auto byte : digest) {
    out += hex[byte >> 4];
    out += hex[byte & 15];
  }
  return out;
}

}  // namespace etr2nn::suite
