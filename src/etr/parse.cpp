// The parser driver: validates the encoding, runs the grammar of the chosen
// language, turns grammar failures into Diagnostics, and hands the syntax tree
// to the language's semantic pass (etr_lower / smt_lower).
#include "etr/detail/parse.hpp"

#include <pthread.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include "etr/detail/etr_lower.hpp"
#include "etr/detail/smt_lower.hpp"
#include "etr/detail/source.hpp"
#include "etr/detail/syntax_error.hpp"
#include "etr/detail/utf8.hpp"
#include "grammar/error_handler.hpp"
#include "grammar/etr.hpp"
#include "grammar/smt.hpp"

namespace etr2nn::etr {
namespace {

namespace x3 = boost::spirit::x3;

bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Skips blanks and comments starting with any of `comment` (for messages and
// for guessing the language of standard input).
const char* skip_blanks(const char* p, const char* end, const char* comment) {
  while (p < end) {
    if (blank(*p)) {
      ++p;
    } else if (std::strchr(comment, *p) && *p) {
      while (p < end && *p != '\n') ++p;
    } else {
      break;
    }
  }
  return p;
}

// Runs `rule` over the whole source into `tree`. On a syntax error, `refine`
// gets the position and the expected rule's name and may throw a more
// specific Diagnostic; otherwise the generic "expected ..." one is thrown.
template <class Tree, class Rule, class Skipper, class Refine>
void run_grammar(const SourceText& source, grammar::parse_state& state, const Rule& rule,
                 const Skipper& skipper, const char* comment, const char* first_expected,
                 Tree& tree, Refine refine) {
  const char* first = source.begin();
  try {
    bool ok = x3::phrase_parse(first, source.end(), x3::with<grammar::parse_state_tag>(state)[rule],
                               skipper, tree);
    if (!ok)
      throw expected_error(source, skip_blanks(first, source.end(), comment), first_expected);
  } catch (const x3::expectation_failure<grammar::iterator_type>& failure) {
    const char* where = skip_blanks(failure.where(), source.end(), comment);
    refine(where, failure.which());
    throw expected_error(source, where, failure.which());
  } catch (const grammar::nesting_too_deep& failure) {
    throw nesting_error(source, failure.where, max_nesting);
  }
}

std::string read_all(std::istream& in) {
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs `job` on a thread with a large stack and returns (or rethrows) its
// result. The nesting limit bounds the recursion, but an unoptimised,
// sanitised build of Spirit spends tens of kilobytes of stack per nesting
// level, more than a default 8 MB stack holds at max_nesting. The stack is
// reserved, not committed: untouched pages cost nothing.
template <class Job>
auto on_large_stack(Job job) -> decltype(job()) {
  using Result = decltype(job());
  struct Shared {
    Job* job;
    std::optional<Result> result;
    std::exception_ptr error;
  } shared{&job, std::nullopt, nullptr};
  constexpr std::size_t stack_bytes = std::size_t{1} << 30;
  pthread_attr_t attributes;
  pthread_t thread;
  bool started = pthread_attr_init(&attributes) == 0 &&
                 pthread_attr_setstacksize(&attributes, stack_bytes) == 0 &&
                 pthread_create(
                     &thread, &attributes,
                     [](void* p) -> void* {
                       auto* s = static_cast<Shared*>(p);
                       try {
                         s->result.emplace((*s->job)());
                       } catch (...) {
                         s->error = std::current_exception();
                       }
                       return nullptr;
                     },
                     &shared) == 0;
  pthread_attr_destroy(&attributes);
  if (!started) return job();  // no thread available: the caller's stack it is
  pthread_join(thread, nullptr);
  if (shared.error) std::rethrow_exception(shared.error);
  return std::move(*shared.result);
}

// An upper bound on how deeply `text` can nest: every level starts with one
// of these bytes ('(', '-', '!', the first byte of '¬', the 'n' of "not").
std::size_t nesting_bound(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += c == '(' || c == '-' || c == '!' || c == '\xC2' || c == 'n';
  return n;
}

Sentence parse_on_this_stack(std::string_view text, Language language, const std::string& file) {
  SourceText source(text, file);
  if (auto bad = first_invalid_utf8(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
    throw source.error(
        errors::invalid_utf8, source.begin() + *bad,
        std::string("invalid UTF-8: byte ") + hex + " does not start a valid character");
  }
  grammar::parse_state state(source.begin(), source.end(), max_nesting);
  if (language == Language::Etr) {
    grammar::etr_ast::sentence tree;
    // When a complete formula is followed by something that continues no
    // operator ("x ~ 1"), the formula itself is usually what is wrong: if
    // checking it fails exactly where the parser stopped ("expected a relation
    // after 'x'"), that message is the more helpful one.
    auto refine = [&](const char* where, const std::string& expected) {
      if (expected != grammar::etr_end_name) return;
      try {
        lower_etr(tree, state, source);
      } catch (const Diagnostic& d) {
        if (skip_blanks(source.pointer(d.where()), source.end(), "#") == where) throw;
      }
    };
    run_grammar(source, state, grammar::etr_sentence(), grammar::etr_skipper, "#", "'exists'", tree,
                refine);
    return lower_etr(tree, state, source);
  }
  std::vector<grammar::smt_ast::sexpr> script;
  run_grammar(source, state, grammar::smt_script(), grammar::smt_skipper, ";", "a command", script,
              [](const char*, const std::string&) {});
  return lower_smt(script, state, source);
}

}  // namespace

Sentence parse(std::string_view text, Language language, const std::string& file) {
  // Shallow inputs (nearly all) need no thread: a few dozen levels fit any stack.
  if (nesting_bound(text) <= 64) return parse_on_this_stack(text, language, file);
  return on_large_stack([&] { return parse_on_this_stack(text, language, file); });
}

Language language_of(const std::string& path, std::string_view text) {
  auto ends_with = [&](const std::string& suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".smt2")) return Language::SmtLib;
  if (path != "-") return Language::Etr;
  const char* p = skip_blanks(text.data(), text.data() + text.size(), "#;");
  return p < text.data() + text.size() && *p == '(' ? Language::SmtLib : Language::Etr;
}

Sentence parse_file(const std::string& path) {
  std::string text;
  std::string name = path;
  if (path == "-") {
    name = "<stdin>";
    text = read_all(std::cin);
    if (std::cin.bad())
      throw Diagnostic(errors::file_unreadable, {name}, "cannot read standard input");
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
      throw Diagnostic(errors::file_unreadable, {path}, "cannot read file: it is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in)
      throw Diagnostic(errors::file_unreadable, {path},
                       std::string("cannot open file: ") + std::strerror(errno));
    text = read_all(in);
    if (in.bad())
      throw Diagnostic(errors::file_unreadable, {path},
                       std::string("cannot read file: ") + std::strerror(errno));
  }
  return parse(text, language_of(path, text), name);
}

}  // namespace etr2nn::etr
