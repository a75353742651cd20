// libFuzzer target: both front-ends on arbitrary bytes.
//
// Any input may be rejected, but only with a Diagnostic; crashes, sanitizer
// reports, other exceptions and stack overflows are findings. Accepted inputs
// must also print to text that parses back to the same sentence.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "etr/etr.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace etr2nn::etr;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (Language language : {Language::Etr, Language::SmtLib}) {
    Sentence sentence;
    try {
      sentence = parse(text, language, "fuzz");
    } catch (const etr2nn::Diagnostic&) {
      continue;
    }
    // Round trip. SMT-LIB 'let' can expand a small input to millions of
    // nodes (parse() allows up to max_expanded_nodes); printing those is
    // slow, not wrong, so such inputs skip this check instead of timing out.
    if (summarize(sentence).atoms > 10000) continue;
    std::string printed = print(sentence);
    try {
      if (!(parse(printed, Language::Etr, "printed") == sentence)) std::abort();
    } catch (const etr2nn::Diagnostic&) {
      std::abort();  // printed text must always parse
    }
  }
  return 0;
}
