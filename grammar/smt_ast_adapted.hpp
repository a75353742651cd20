// Fusion adaptation of the S-expression tree, so Spirit can fill its members.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/smt_ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(etr2nn::grammar::smt_ast::atom, text)
BOOST_FUSION_ADAPT_STRUCT(etr2nn::grammar::smt_ast::list, items)
