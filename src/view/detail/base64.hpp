// Base64 (RFC 4648, with padding) for embedding typed arrays in the viewer's
// page: the browser turns it back into bytes with atob(), no library needed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace etr2nn::view {

std::string base64(const std::uint8_t* bytes, std::size_t size);

// The bytes of a vector of plain numbers (little-endian, as typed arrays read
// them on every platform Chromium runs on).
template <typename T>
std::string base64(const std::vector<T>& values) {
  return base64(reinterpret_cast<const std::uint8_t*>(values.data()), values.size() * sizeof(T));
}

// The inverse, for the tests; throws std::invalid_argument on a bad character.
std::vector<std::uint8_t> from_base64(const std::string& text);

}  // namespace etr2nn::view
