#include "view/detail/base64.hpp"

#include <stdexcept>

namespace etr2nn::view {
namespace {
const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

std::string base64(const std::uint8_t* bytes, std::size_t size) {
  std::string out;
  out.reserve((size + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= size; i += 3) {
    const std::uint32_t w = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[(w >> 18) & 63];
    out += alphabet[(w >> 12) & 63];
    out += alphabet[(w >> 6) & 63];
    out += alphabet[w & 63];
  }
  if (const std::size_t rest = size - i; rest > 0) {
    const std::uint32_t w = (bytes[i] << 16) | (rest == 2 ? bytes[i + 1] << 8 : 0);
    out += alphabet[(w >> 18) & 63];
    out += alphabet[(w >> 12) & 63];
    out += rest == 2 ? alphabet[(w >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::vector<std::uint8_t> from_base64(const std::string& text) {
  std::vector<std::uint8_t> out;
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    if (c == '=') break;
    const char* at = std::char_traits<char>::find(alphabet, 64, c);
    if (!at) throw std::invalid_argument(std::string("not a base64 character: ") + c);
    bits = (bits << 6) | static_cast<std::uint32_t>(at - alphabet);
    if ((count += 6) >= 8) {
      count -= 8;
      out.push_back(static_cast<std::uint8_t>((bits >> count) & 0xff));
    }
  }
  return out;
}

}  // namespace etr2nn::view
