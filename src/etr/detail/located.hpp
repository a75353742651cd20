// Building AST nodes that remember where they came from.
//
// sentence.hpp's convenience constructors make location-free nodes; the
// front-ends use these instead, so later passes can point back at the source.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "etr/detail/sentence.hpp"

namespace etr2nn::etr {

TermPtr located_constant(const mpq_class& value, SourceLocation where);
TermPtr located_variable(std::string name, SourceLocation where);
TermPtr located_term(Term::Kind kind, std::vector<TermPtr> operands, SourceLocation where);
TermPtr located_power(TermPtr base, unsigned long exponent, SourceLocation where);
FormulaPtr located_atom(TermPtr lhs, Relation relation, TermPtr rhs, SourceLocation where);
FormulaPtr located_formula(Formula::Kind kind, std::vector<FormulaPtr> operands,
                           SourceLocation where);

// Exact value of an unsigned decimal literal "12" or "0.125"; nullopt unless
// the text is digits, optionally followed by '.' and digits.
std::optional<mpq_class> decimal_value(const std::string& text);

}  // namespace etr2nn::etr
