// The one public header of src/etr/: code outside the module includes only
// this file; the parts it gathers live in src/etr/detail/.
//
// The parse arrow: formula text -> etr::Sentence, and what a sentence is.
//   parse      .etr and SMT-LIB 2 text to a Sentence (grammar/ is its Spirit X3
//              grammar), with positioned Diagnostics (file:line:col, caret, notes)
//   sentence   the AST: variables, polynomial constraints, connectives
//   print      a Sentence back to text that parses to the same Sentence
//   evaluate   etr::satisfies: the exact truth value of a Sentence at a point
//   summary    facts about a Sentence that `etr2nn check` reports
#pragma once

#include "etr/detail/evaluate.hpp"
#include "etr/detail/parse.hpp"
#include "etr/detail/print.hpp"
#include "etr/detail/sentence.hpp"
#include "etr/detail/summary.hpp"
