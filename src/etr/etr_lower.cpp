#include "etr/detail/etr_lower.hpp"

#include <unordered_map>

#include "etr/detail/located.hpp"
#include "etr/detail/parse.hpp"

namespace etr2nn::etr {
namespace {

namespace ast = grammar::etr_ast;
namespace x3 = boost::spirit::x3;
using ast::op;

// A lowered operand: a term or a formula (the grammar does not know which),
// with its depth (checked against max_nesting) and its source range.
struct Value {
  TermPtr term;
  FormulaPtr formula;
  unsigned depth = 1;
  const char* first = nullptr;
  const char* last = nullptr;
};

bool is_relation(op o) {
  return o == op::Equal || o == op::NotEqual || o == op::Less || o == op::LessEqual ||
         o == op::Greater || o == op::GreaterEqual;
}

Relation relation_of(op o) {
  switch (o) {
    case op::NotEqual: return Relation::NotEqual;
    case op::Less: return Relation::Less;
    case op::LessEqual: return Relation::LessEqual;
    case op::Greater: return Relation::Greater;
    case op::GreaterEqual: return Relation::GreaterEqual;
    default: return Relation::Equal;
  }
}

class EtrLowering {
 public:
  EtrLowering(const grammar::parse_state& state, const SourceText& source)
      : state_(state), source_(source) {}

  Sentence sentence(const ast::sentence& tree) {
    Sentence s;
    s.file = source_.file();
    for (const ast::group& group : tree.groups) {
      std::optional<Bound> bounds;
      if (group.bounds) bounds = interval(*group.bounds);
      for (const ast::identifier& name : group.names) {
        const char* at = first(name);
        if (auto it = bound_.find(name.name); it != bound_.end())
          throw source_
              .error(errors::bound_twice, at, "variable '" + name.name + "' is bound twice")
              .add_note(source_.note(it->second, "first bound here"));
        SourceLocation where = source_.location(at);
        bound_.emplace(name.name, where);
        s.variables.push_back({name.name, bounds, where});
      }
    }
    s.matrix = as_formula(operand(tree.matrix));
    return s;
  }

 private:
  const grammar::parse_state& state_;
  const SourceText& source_;
  std::unordered_map<std::string, SourceLocation> bound_;

  // ---- positions ------------------------------------------------------------

  const char* first(const x3::position_tagged& node) const {
    return node.id_first < 0 ? source_.begin() : state_.positions.position_of(node).begin();
  }
  const char* last(const x3::position_tagged& node) const {
    return node.id_last < 0 ? source_.begin() : state_.positions.position_of(node).end();
  }
  const x3::position_tagged& tagged(const ast::operand& o) const {
    struct {
      using result_type = const x3::position_tagged&;
      result_type operator()(const ast::rational& n) const { return n; }
      result_type operator()(const ast::identifier& n) const { return n; }
      result_type operator()(const x3::forward_ast<ast::chain>& n) const { return n.get(); }
      result_type operator()(const x3::forward_ast<ast::unary>& n) const { return n.get(); }
    } visitor;
    return o.apply_visitor(visitor);
  }
  [[noreturn]] void fail(const char* at, std::string message) const {
    throw source_.error(errors::invalid_formula, at, std::move(message));
  }

  // ---- typing ---------------------------------------------------------------

  const TermPtr& as_term(const Value& v) const {
    if (!v.term)
      throw source_.error(errors::syntax, v.first,
                          "expected a term, found the formula '" + quote(v.first, v.last) + "'");
    return v.term;
  }
  const FormulaPtr& as_formula(const Value& v) const {
    if (!v.formula)
      throw source_.error(
          errors::syntax, v.last,
          "expected a relation (=, <, <=, >, >=, !=) after '" + quote(v.first, v.last) + "'");
    return v.formula;
  }
  unsigned deeper(unsigned depth, const char* at) const {
    if (depth >= max_nesting)
      throw source_.error(
          errors::nesting, at,
          "expression nested too deeply: more than " + std::to_string(max_nesting) + " levels");
    return depth + 1;
  }

  // ---- operands ---------------------------------------------------------------

  Value operand(const ast::operand& o) {
    struct {
      EtrLowering& self;
      using result_type = Value;
      Value operator()(const ast::rational& n) const {
        return self.rational(n, false, self.first(n));
      }
      Value operator()(const ast::identifier& n) const { return self.identifier(n); }
      Value operator()(const x3::forward_ast<ast::chain>& n) const { return self.chain(n.get()); }
      Value operator()(const x3::forward_ast<ast::unary>& n) const { return self.unary(n.get()); }
    } visitor{*this};
    return o.apply_visitor(visitor);
  }

  Value leaf(TermPtr term, FormulaPtr formula, const x3::position_tagged& node) const {
    return {std::move(term), std::move(formula), 1, first(node), last(node)};
  }

  Value identifier(const ast::identifier& n) const {
    SourceLocation where = source_.location(first(n));
    if (n.name == "true" || n.name == "false")
      return leaf(
          nullptr,
          located_formula(n.name == "true" ? Formula::Kind::True : Formula::Kind::False, {}, where),
          n);
    if (!bound_.count(n.name))
      throw source_.error(errors::unbound_variable, first(n), "unbound variable '" + n.name + "'");
    return leaf(located_variable(n.name, where), nullptr, n);
  }

  // A numeric literal; `negative` when a unary '-' is part of it, starting at `at`.
  // The text is "N" or "N / D" (blanks or comments may surround the '/').
  Value rational(const ast::rational& n, bool negative, const char* at) const {
    const char* begin = first(n);
    const char* end = begin + n.text.size();
    auto number_end = [&](const char* p) {
      while (p < end && ((*p >= '0' && *p <= '9') || *p == '.')) ++p;
      return p;
    };
    const char* numerator_end = number_end(begin);
    std::string numerator(begin, numerator_end);
    auto value = decimal_value(numerator);
    if (!value) fail(begin, "malformed number '" + numerator + "'");
    if (numerator_end < end) {
      // Past blanks and comments to the '/', then to the denominator.
      const char* slash = numerator_end;
      while (slash < end && *slash != '/') {
        if (*slash == '#')
          while (slash < end && *slash != '\n') ++slash;
        else
          ++slash;
      }
      const char* below = end;
      while (below > slash + 1 && ((below[-1] >= '0' && below[-1] <= '9') || below[-1] == '.'))
        --below;
      std::string denominator_text(below, end);
      auto denominator = decimal_value(denominator_text);
      if (!denominator) fail(below, "malformed number '" + denominator_text + "'");
      if (numerator.find('.') != std::string::npos ||
          denominator_text.find('.') != std::string::npos)
        fail(begin, "a fraction needs integer numerator and denominator, found '" +
                        quote(begin, end) + "'");
      if (*denominator == 0) fail(slash, "division by zero in '" + quote(begin, end) + "'");
      *value /= *denominator;
    }
    if (negative) *value = -*value;
    return {located_constant(*value, source_.location(at)), nullptr, 1, at, end};
  }

  // Is `o` a bare numeric literal (no parentheses, no exponent)? Then a '-'
  // before it belongs to the constant: "-3" is Constant -3, "-(3)" is Negate.
  // (Parentheses are a chain without operators, see etr_ast.hpp.)
  static const ast::rational* bare_literal(const ast::operand& o) {
    return boost::get<ast::rational>(&o.get());
  }

  Value unary(const ast::unary& n) {
    const char* at = first(n);
    if (n.oper == op::Minus)
      if (const ast::rational* r = bare_literal(n.right)) return rational(*r, true, at);
    Value inner = operand(n.right);
    unsigned depth = deeper(inner.depth, at);
    SourceLocation where = source_.location(at);
    if (n.oper == op::Not)
      return {nullptr, located_formula(Formula::Kind::Not, {as_formula(inner)}, where), depth, at,
              last(n)};
    return {located_term(Term::Kind::Negate, {as_term(inner)}, where), nullptr, depth, at, last(n)};
  }

  // ---- chains -------------------------------------------------------------------

  Value chain(const ast::chain& c) {
    // Parentheses (chains without operators) are passed through, not recursed into.
    const ast::chain* level = &c;
    while (level->rest.empty()) {
      const auto* inner = boost::get<x3::forward_ast<ast::chain>>(&level->first.get());
      if (!inner) {
        Value v = operand(level->first);
        v.first = first(c);  // with its parentheses, if any
        v.last = last(c);
        return v;
      }
      level = &inner->get();
    }
    const op kind = level->rest.front().oper;
    Value v;
    if (kind == op::Or || kind == op::And)
      v = connective(*level, kind);
    else if (is_relation(kind))
      v = relation(*level);
    else if (kind == op::Plus || kind == op::Minus)
      v = sum(*level);
    else if (kind == op::Times || kind == op::Divide)
      v = product(*level);
    else
      v = power(*level);
    v.first = first(c);
    v.last = last(c);
    return v;
  }

  Value connective(const ast::chain& c, op kind) {
    Value head = operand(c.first);
    unsigned depth = head.depth;
    std::vector<FormulaPtr> operands{as_formula(head)};
    for (const ast::operation& o : c.rest) {
      Value next = operand(o.right);
      depth = std::max(depth, next.depth);
      operands.push_back(as_formula(next));
    }
    const char* at = first(c);
    depth = deeper(depth, at);
    auto f = located_formula(kind == op::Or ? Formula::Kind::Or : Formula::Kind::And,
                             std::move(operands), source_.location(at));
    return {nullptr, std::move(f), depth, at, last(c)};
  }

  Value relation(const ast::chain& c) {
    if (c.rest.size() > 1)
      fail(first(c.rest[1]), "relations do not chain: write 'a < b and b < c'");
    Value lhs = operand(c.first);
    Value rhs = operand(c.rest[0].right);
    const char* at = first(c);
    unsigned depth = deeper(std::max(lhs.depth, rhs.depth), at);
    return {
        nullptr,
        located_atom(as_term(lhs), relation_of(c.rest[0].oper), as_term(rhs), source_.location(at)),
        depth, at, last(c)};
  }

  // a + b - c - d + e  is  Add[Subtract[Add[a, b], c, d], e]: each run of one
  // operator is one n-ary node, runs fold to the left.
  Value sum(const ast::chain& c) {
    const char* at = first(c);
    SourceLocation where = source_.location(at);
    Value head = operand(c.first);
    TermPtr acc = as_term(head);
    unsigned acc_depth = head.depth;
    std::vector<TermPtr> run;
    unsigned run_depth = 0;
    op run_op = op::Plus;
    auto close = [&] {
      acc_depth = deeper(run_depth, at);
      acc = located_term(run_op == op::Plus ? Term::Kind::Add : Term::Kind::Subtract,
                         std::move(run), where);
      run.clear();
    };
    for (const ast::operation& o : c.rest) {
      Value next = operand(o.right);
      if (!run.empty() && o.oper != run_op) close();
      if (run.empty()) {
        run = {acc};
        run_depth = acc_depth;
        run_op = o.oper;
      }
      run.push_back(as_term(next));
      run_depth = std::max(run_depth, next.depth);
    }
    close();
    return {std::move(acc), nullptr, acc_depth, at, last(c)};
  }

  Value product(const ast::chain& c) {
    for (const ast::operation& o : c.rest)
      if (o.oper == op::Divide)
        fail(first(o), "'/' is only allowed in a fraction of two integer literals, like 1/2");
    Value head = operand(c.first);
    unsigned depth = head.depth;
    std::vector<TermPtr> operands{as_term(head)};
    for (const ast::operation& o : c.rest) {
      Value next = operand(o.right);
      depth = std::max(depth, next.depth);
      operands.push_back(as_term(next));
    }
    const char* at = first(c);
    depth = deeper(depth, at);
    return {located_term(Term::Kind::Multiply, std::move(operands), source_.location(at)), nullptr,
            depth, at, last(c)};
  }

  Value power(const ast::chain& c) {
    if (c.rest.size() > 1) fail(first(c.rest[1]), "'^' does not chain: write (a^m)^n");
    Value base = operand(c.first);
    const ast::operand& e = c.rest[0].right;
    const x3::position_tagged& node = tagged(e);
    const auto* literal = boost::get<ast::rational>(&e.get());
    std::string text = quote(first(node), last(node));
    if (!literal || literal->text.find_first_not_of("0123456789") != std::string::npos)
      fail(first(node), "exponent must be a natural number (0, 1, 2, ...), found '" + text + "'");
    mpz_class n(literal->text, 10);
    if (!n.fits_ulong_p()) fail(first(node), "exponent " + text + " is too large");
    const char* at = first(c);
    unsigned depth = deeper(base.depth, at);
    return {located_power(as_term(base), n.get_ui(), source_.location(at)), nullptr, depth, at,
            last(c)};
  }

  // ---- bounds -----------------------------------------------------------------

  mpq_class bound_value(const ast::operand& o) {
    // The grammar only lets numeric literals, possibly negated, through here.
    Value v = operand(o);
    return as_term(v)->value;
  }

  Bound interval(const ast::interval& i) {
    Bound b{bound_value(i.lower), bound_value(i.upper)};
    if (b.lower > b.upper)
      fail(first(i), "empty interval " + quote(first(i), last(i)) +
                         ": the lower bound is greater than the upper bound");
    return b;
  }
};

}  // namespace

Sentence lower_etr(const grammar::etr_ast::sentence& tree, const grammar::parse_state& state,
                   const SourceText& source) {
  return EtrLowering(state, source).sentence(tree);
}

}  // namespace etr2nn::etr
