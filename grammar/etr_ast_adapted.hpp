// Fusion adaptation of the .etr syntax tree, so Spirit can fill its members.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/etr_ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(etr2nn::grammar::etr_ast::rational, text)
BOOST_FUSION_ADAPT_STRUCT(etr2nn::grammar::etr_ast::identifier, name)
BOOST_FUSION_ADAPT_STRUCT(etr2nn::grammar::etr_ast::operation, oper, right)
BOOST_FUSION_ADAPT_STRUCT(etr2nn::grammar::etr_ast::chain, first, rest)
BOOST_FUSION_ADAPT_STRUCT(etr2nn::grammar::etr_ast::unary, oper, right)
BOOST_FUSION_ADAPT_STRUCT(etr2nn::grammar::etr_ast::interval, lower, upper)
BOOST_FUSION_ADAPT_STRUCT(etr2nn::grammar::etr_ast::group, names, bounds)
BOOST_FUSION_ADAPT_STRUCT(etr2nn::grammar::etr_ast::sentence, groups, matrix)
