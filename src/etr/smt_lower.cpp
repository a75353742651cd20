#include "etr/detail/smt_lower.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "etr/detail/located.hpp"
#include "etr/detail/parse.hpp"

namespace etr2nn::etr {
namespace {

namespace ast = grammar::smt_ast;
namespace x3 = boost::spirit::x3;

// A lowered S-expression: a Real term or a Boolean formula, with its depth
// and the size of its expansion into a tree (both bounded, see parse.hpp).
struct Value {
  TermPtr term;
  FormulaPtr formula;
  unsigned depth = 1;
  unsigned long size = 1;
};

class SmtLowering {
 public:
  SmtLowering(const grammar::parse_state& state, const SourceText& source)
      : state_(state), source_(source) {}

  Sentence script(const std::vector<ast::sexpr>& commands) {
    for (const ast::sexpr& command : commands)
      if (!this->command(command)) break;
    Sentence s;
    s.file = source_.file();
    s.variables = variables_;
    if (assertions_.empty()) {
      s.matrix = located_formula(Formula::Kind::True, {}, {});
    } else if (assertions_.size() == 1) {
      s.matrix = assertions_.front();
    } else {
      s.matrix = located_formula(Formula::Kind::And, assertions_, assertions_.front()->where);
    }
    return s;
  }

 private:
  const grammar::parse_state& state_;
  const SourceText& source_;
  std::vector<Binding> variables_;
  std::map<std::string, std::size_t> declared_;  // name -> index in variables_
  std::vector<FormulaPtr> assertions_;
  bool checked_ = false;                              // check-sat seen
  std::vector<std::map<std::string, Value>> scopes_;  // let bindings, innermost last

  // ---- positions and messages -------------------------------------------------

  const char* first(const x3::position_tagged& node) const {
    return node.id_first < 0 ? source_.begin() : state_.positions.position_of(node).begin();
  }
  const char* first(const ast::sexpr& e) const {
    if (const auto* a = boost::get<ast::atom>(&e.get())) return first(*a);
    return first(boost::get<x3::forward_ast<ast::list>>(e.get()).get());
  }
  SourceLocation location(const ast::sexpr& e) const { return source_.location(first(e)); }
  [[noreturn]] void fail(const ast::sexpr& at, std::string message) const {
    throw source_.error(errors::invalid_formula, first(at), std::move(message));
  }

  static const ast::atom* as_atom(const ast::sexpr& e) { return boost::get<ast::atom>(&e.get()); }
  static const ast::list* as_list(const ast::sexpr& e) {
    const auto* l = boost::get<x3::forward_ast<ast::list>>(&e.get());
    return l ? &l->get() : nullptr;
  }
  // The symbol an atom spells (|x| spells x), or nullopt for other tokens.
  static std::optional<std::string> symbol(const ast::sexpr& e) {
    const ast::atom* a = as_atom(e);
    if (!a || a->text.empty()) return std::nullopt;
    const std::string& t = a->text;
    if (t.front() == '|') return t.substr(1, t.size() - 2);
    if (t.front() == '"' || t.front() == ':' || t.front() == '#' ||
        (t.front() >= '0' && t.front() <= '9'))
      return std::nullopt;
    return t;
  }
  std::string describe(const ast::sexpr& e) const {
    if (const ast::atom* a = as_atom(e))
      return "'" + quote(a->text.data(), a->text.data() + a->text.size()) + "'";
    const ast::list* l = as_list(e);
    const char* from = first(*l);
    const char* to = l->id_last < 0 ? from : state_.positions.position_of(*l).end();
    return "'" + quote(from, to) + "'";
  }

  // ---- commands -------------------------------------------------------------------

  // Returns false after (exit): the rest of the script is not read.
  bool command(const ast::sexpr& e) {
    const ast::list* l = as_list(e);
    if (!l || l->items.empty() || !as_atom(l->items.front()))
      fail(e, "expected a command such as (assert ...), found " + describe(e));
    const std::string& name = as_atom(l->items.front())->text;
    const auto& args = l->items;
    const std::size_t n = args.size() - 1;
    static const std::set<std::string> supported{
        "set-logic", "set-info", "declare-fun", "declare-const", "assert", "check-sat", "exit"};
    if (!supported.count(name)) fail(args[0], "unsupported SMT-LIB command '" + name + "'");
    if (checked_ && name != "exit" && name != "set-info")
      fail(args[0], "'" + name + "' after 'check-sat' is not supported: one query per file");
    if (name == "set-logic") {
      if (n != 1) fail(args[0], "'set-logic' takes one logic name");
      auto logic = symbol(args[1]);
      if (!logic || (*logic != "QF_NRA" && *logic != "QF_LRA"))
        fail(args[1], "unsupported logic " + describe(args[1]) + ": only QF_NRA and QF_LRA");
    } else if (name == "set-info") {
      // Metadata (:status, :source, ...): accepted and ignored.
    } else if (name == "declare-fun") {
      if (n != 3 || !as_list(args[2])) fail(args[0], "expected (declare-fun NAME () Real)");
      if (!as_list(args[2])->items.empty())
        fail(args[2], "uninterpreted functions are not supported: " + describe(args[1]) +
                          " takes arguments");
      declare(args[1], args[3]);
    } else if (name == "declare-const") {
      if (n != 2) fail(args[0], "expected (declare-const NAME Real)");
      declare(args[1], args[2]);
    } else if (name == "assert") {
      if (n != 1) fail(args[0], "'assert' takes one formula");
      assertions_.push_back(formula(args[1], lower(args[1])));
    } else if (name == "check-sat") {
      if (n != 0) fail(args[0], "'check-sat' takes no arguments");
      checked_ = true;
    } else {  // exit
      return false;
    }
    return true;
  }

  void declare(const ast::sexpr& name_expr, const ast::sexpr& sort) {
    auto name = symbol(name_expr);
    if (!name) fail(name_expr, "expected a symbol to declare, found " + describe(name_expr));
    if (!is_etr_identifier(*name))
      fail(name_expr, "unsupported variable name '" + *name +
                          "': use letters, digits, '_' and ''' (starting with a letter or '_'), "
                          "and not an .etr keyword");
    if (symbol(sort) != std::optional<std::string>("Real"))
      fail(sort, "unsupported sort " + describe(sort) + ": only Real");
    if (auto it = declared_.find(*name); it != declared_.end()) {
      throw source_
          .error(errors::bound_twice, first(name_expr),
                 "variable '" + *name + "' is declared twice")
          .add_note(source_.note(variables_[it->second].where, "first declared here"));
    }
    declared_.emplace(*name, variables_.size());
    variables_.push_back({*name, std::nullopt, location(name_expr)});
  }

  // ---- sorts ----------------------------------------------------------------------

  const TermPtr& term(const ast::sexpr& at, const Value& v) const {
    if (!v.term) fail(at, "expected a Real term, found the Boolean formula " + describe(at));
    return v.term;
  }
  const FormulaPtr& formula(const ast::sexpr& at, const Value& v) const {
    if (!v.formula) fail(at, "expected a Boolean formula, found the Real term " + describe(at));
    return v.formula;
  }

  // Depth and expanded size of a node over `parts`, checked against the limits.
  void measure(Value& v, const std::vector<const Value*>& parts, const ast::sexpr& at) const {
    unsigned depth = 0;
    unsigned long size = 1;
    for (const Value* p : parts) {
      depth = std::max(depth, p->depth);
      size = std::min(size + p->size, max_expanded_nodes + 1);
    }
    if (depth >= max_nesting)
      throw source_.error(
          errors::nesting, first(at),
          "expression nested too deeply: more than " + std::to_string(max_nesting) + " levels");
    if (size > max_expanded_nodes)
      throw source_.error(errors::limit, first(at),
                          "formula too large: more than " + std::to_string(max_expanded_nodes) +
                              " nodes once 'let' is expanded");
    v.depth = depth + 1;
    v.size = size;
  }

  Value make_term(Term::Kind kind, const std::vector<Value>& parts, const ast::sexpr& at) const {
    std::vector<TermPtr> operands;
    std::vector<const Value*> ps;
    for (const Value& p : parts) {
      operands.push_back(p.term);
      ps.push_back(&p);
    }
    Value v;
    measure(v, ps, at);
    v.term = located_term(kind, std::move(operands), location(at));
    return v;
  }
  Value make_formula(Formula::Kind kind, const std::vector<Value>& parts,
                     const ast::sexpr& at) const {
    std::vector<FormulaPtr> operands;
    std::vector<const Value*> ps;
    for (const Value& p : parts) {
      operands.push_back(p.formula);
      ps.push_back(&p);
    }
    Value v;
    measure(v, ps, at);
    v.formula = located_formula(kind, std::move(operands), location(at));
    return v;
  }
  Value make_atom(const Value& lhs, Relation r, const Value& rhs, const ast::sexpr& at) const {
    Value v;
    measure(v, {&lhs, &rhs}, at);
    v.formula = located_atom(lhs.term, r, rhs.term, location(at));
    return v;
  }
  Value negation(const Value& f, const ast::sexpr& at) const {
    return make_formula(Formula::Kind::Not, {f}, at);
  }

  // ---- terms and formulas -------------------------------------------------------

  // One application (f a1 ... an), as the handlers below see it.
  struct Application {
    const ast::sexpr& e;                   // the whole list
    const ast::sexpr& head;                // f
    const std::vector<ast::sexpr>& items;  // f a1 ... an
    const std::string& f;
    std::size_t n;  // number of arguments
  };
  using Handler = Value (SmtLowering::*)(const Application&);

  // The supported function symbols and theirs handlers; anything else is an
  // error naming the symbol.
  static const std::map<std::string, Handler, std::less<>>& handlers() {
    static const std::map<std::string, Handler, std::less<>> table{
        {"let", &SmtLowering::let_application}, {"forall", &SmtLowering::quantifier},
        {"exists", &SmtLowering::quantifier},   {"!", &SmtLowering::annotation},
        {"_", &SmtLowering::indexed},           {"+", &SmtLowering::sum_or_product},
        {"*", &SmtLowering::sum_or_product},    {"-", &SmtLowering::minus},
        {"/", &SmtLowering::division},          {"<", &SmtLowering::comparison},
        {"<=", &SmtLowering::comparison},       {">", &SmtLowering::comparison},
        {">=", &SmtLowering::comparison},       {"=", &SmtLowering::equality},
        {"distinct", &SmtLowering::distinct},   {"and", &SmtLowering::connective},
        {"or", &SmtLowering::connective},       {"not", &SmtLowering::not_},
        {"=>", &SmtLowering::implication},      {"ite", &SmtLowering::if_then_else},
    };
    return table;
  }

  Value lower(const ast::sexpr& e) {
    if (const ast::atom* a = as_atom(e)) return atom(e, *a);
    const ast::list& l = *as_list(e);
    if (l.items.empty()) fail(e, "empty application '()'");
    const ast::sexpr& head = l.items.front();
    auto name = symbol(head);
    if (!name) {
      if (const ast::list* h = as_list(head);
          h && !h->items.empty() && symbol(h->items[0]) == std::optional<std::string>("_"))
        fail(head, "indexed identifiers '(_ ...)' are not supported");
      fail(head, "expected a function symbol, found " + describe(head));
    }
    const Application app{e, head, l.items, *name, l.items.size() - 1};
    if (auto it = handlers().find(app.f); it != handlers().end()) return (this->*(it->second))(app);
    if (declared_.count(app.f) || lookup(app.f))
      fail(head, "'" + app.f +
                     "' is a constant, not a function: uninterpreted functions are not supported");
    fail(head, "unsupported function '" + app.f + "'");
  }

  // ---- the handlers ------------------------------------------------------------

  std::vector<Value> arguments(const Application& a) {
    std::vector<Value> args;
    args.reserve(a.n);
    for (std::size_t i = 1; i <= a.n; ++i) args.push_back(lower(a.items[i]));
    return args;
  }
  void need(const Application& a, std::size_t at_least, const char* what) const {
    if (a.n < at_least) fail(a.head, "'" + a.f + "' needs " + what);
  }
  void all_terms(const Application& a, const std::vector<Value>& args) const {
    for (std::size_t i = 0; i < a.n; ++i) term(a.items[i + 1], args[i]);
  }
  void all_formulas(const Application& a, const std::vector<Value>& args) const {
    for (std::size_t i = 0; i < a.n; ++i) formula(a.items[i + 1], args[i]);
  }

  Value let_application(const Application& a) { return let(a.e, *as_list(a.e)); }
  Value quantifier(const Application& a) {
    fail(a.head, "quantifiers are not supported ('" + a.f + "'): QF_NRA is quantifier-free");
  }
  Value annotation(const Application& a) { fail(a.head, "annotations ('!') are not supported"); }
  Value indexed(const Application& a) {
    fail(a.head, "indexed identifiers '(_ ...)' are not supported");
  }
  Value division(const Application& a) { return divide(a.e, a.items); }

  Value sum_or_product(const Application& a) {
    need(a, 2, "at least two arguments");
    const std::vector<Value> args = arguments(a);
    all_terms(a, args);
    return make_term(a.f == "+" ? Term::Kind::Add : Term::Kind::Multiply, args, a.e);
  }

  Value minus(const Application& a) {
    need(a, 1, "at least one argument");
    // "(- 3)" is the constant -3, as "-3" is in .etr; "(- x)" is Negate.
    if (a.n == 1)
      if (const ast::atom* literal = as_atom(a.items[1]))
        if (auto value = decimal_value(literal->text)) return constant(-*value, a.e);
    const std::vector<Value> args = arguments(a);
    all_terms(a, args);
    return make_term(a.n == 1 ? Term::Kind::Negate : Term::Kind::Subtract, args, a.e);
  }

  Value comparison(const Application& a) {
    need(a, 2, "at least two arguments");
    const std::vector<Value> args = arguments(a);
    all_terms(a, args);
    const Relation r = a.f == "<"    ? Relation::Less
                       : a.f == "<=" ? Relation::LessEqual
                       : a.f == ">"  ? Relation::Greater
                                     : Relation::GreaterEqual;
    return chained(args, r, a.e);
  }

  Value equality(const Application& a) {
    need(a, 2, "at least two arguments");
    const std::vector<Value> args = arguments(a);
    if (args[0].term) {
      all_terms(a, args);
      return chained(args, Relation::Equal, a.e);
    }
    all_formulas(a, args);
    std::vector<Value> links;
    for (std::size_t i = 0; i + 1 < a.n; ++i) links.push_back(iff(args[i], args[i + 1], a.e));
    return links.size() == 1 ? links[0] : make_formula(Formula::Kind::And, links, a.e);
  }

  Value distinct(const Application& a) {
    need(a, 2, "at least two arguments");
    const std::vector<Value> args = arguments(a);
    if (args[0].term)
      all_terms(a, args);
    else
      all_formulas(a, args);
    std::vector<Value> pairs;
    for (std::size_t i = 0; i < a.n; ++i)
      for (std::size_t j = i + 1; j < a.n; ++j)
        pairs.push_back(args[0].term ? make_atom(args[i], Relation::NotEqual, args[j], a.e)
                                     : negation(iff(args[i], args[j], a.e), a.e));
    return pairs.size() == 1 ? pairs[0] : make_formula(Formula::Kind::And, pairs, a.e);
  }

  Value connective(const Application& a) {
    const std::vector<Value> args = arguments(a);
    all_formulas(a, args);
    const bool conj = a.f == "and";
    if (a.n == 0) return boolean(conj, a.e);
    if (a.n == 1) return args[0];
    return make_formula(conj ? Formula::Kind::And : Formula::Kind::Or, args, a.e);
  }

  Value not_(const Application& a) {
    if (a.n != 1) fail(a.head, "'not' takes exactly one argument");
    const std::vector<Value> args = arguments(a);
    all_formulas(a, args);
    return negation(args[0], a.e);
  }

  Value implication(const Application& a) {
    need(a, 2, "at least two arguments");
    const std::vector<Value> args = arguments(a);
    all_formulas(a, args);
    // Right associative: a => b => c is a => (b => c); a => b is (not a) or b.
    Value result = args[a.n - 1];
    for (std::size_t i = a.n - 1; i-- > 0;)
      result = make_formula(Formula::Kind::Or, {negation(args[i], a.e), result}, a.e);
    return result;
  }

  Value if_then_else(const Application& a) {
    if (a.n != 3) fail(a.head, "'ite' takes three arguments");
    const std::vector<Value> args = arguments(a);
    formula(a.items[1], args[0]);
    if (args[1].term || args[2].term)
      fail(args[1].term ? a.items[2] : a.items[3],
           "'ite' over Real terms is not supported, only over formulas");
    // (ite c a b) is (c and a) or (not c and b), with c shared.
    return make_formula(Formula::Kind::Or,
                        {make_formula(Formula::Kind::And, {args[0], args[1]}, a.e),
                         make_formula(Formula::Kind::And, {negation(args[0], a.e), args[2]}, a.e)},
                        a.e);
  }

  Value boolean(bool value, const ast::sexpr& at) const {
    Value v;
    v.formula =
        located_formula(value ? Formula::Kind::True : Formula::Kind::False, {}, location(at));
    return v;
  }

  Value constant(const mpq_class& value, const ast::sexpr& at) const {
    Value v;
    v.term = located_constant(value, location(at));
    return v;
  }

  const Value* lookup(const std::string& name) const {
    for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope)
      if (auto it = scope->find(name); it != scope->end()) return &it->second;
    return nullptr;
  }

  Value atom(const ast::sexpr& e, const ast::atom& a) {
    const std::string& t = a.text;
    if (t.front() >= '0' && t.front() <= '9') {
      auto value = decimal_value(t);
      if (!value) fail(e, "malformed number '" + t + "'");
      return constant(*value, e);
    }
    if (t.front() == '#') fail(e, "hexadecimal and binary literals are not supported: '" + t + "'");
    if (t.front() == '"') fail(e, "string literals are not supported");
    if (t.front() == ':') fail(e, "unexpected keyword '" + t + "'");
    std::string name = *symbol(e);
    if (const Value* bound = lookup(name)) return *bound;  // shared, not copied
    if (auto it = declared_.find(name); it != declared_.end()) {
      Value v;
      v.term = located_variable(name, location(e));
      return v;
    }
    if (name == "true" || name == "false") return boolean(name == "true", e);
    throw source_.error(errors::unbound_variable, first(e),
                        "unbound variable '" + name + "' (not declared)");
  }

  // Left to right: a < b < c is (a < b) and (b < c), sharing b.
  Value chained(const std::vector<Value>& args, Relation r, const ast::sexpr& at) const {
    std::vector<Value> links;
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
      links.push_back(make_atom(args[i], r, args[i + 1], at));
    return links.size() == 1 ? links[0] : make_formula(Formula::Kind::And, links, at);
  }

  // Boolean equality: (a and b) or (not a and not b).
  Value iff(const Value& a, const Value& b, const ast::sexpr& at) const {
    return make_formula(Formula::Kind::Or,
                        {make_formula(Formula::Kind::And, {a, b}, at),
                         make_formula(Formula::Kind::And, {negation(a, at), negation(b, at)}, at)},
                        at);
  }

  // (/ a b c): the divisors must be variable-free and non-zero; a constant
  // dividend folds ((/ 1 2) is 1/2), any other is Multiply[a, 1/(b*c)].
  Value divide(const ast::sexpr& e, const std::vector<ast::sexpr>& items) {
    if (items.size() < 3) fail(items[0], "'/' needs at least two arguments");
    Value dividend = lower(items[1]);
    term(items[1], dividend);
    mpq_class divisor = 1;
    for (std::size_t i = 2; i < items.size(); ++i) {
      Value d = lower(items[i]);
      auto value = evaluate(*term(items[i], d));
      evaluated_.clear();  // keyed by address: valid only while `d` lives
      if (!value)
        fail(items[i],
             "division by a non-constant term " + describe(items[i]) + " is not supported");
      if (*value == 0) fail(items[i], "division by zero");
      divisor *= *value;
    }
    if (dividend.term->kind == Term::Kind::Constant)
      return constant(dividend.term->value / divisor, e);
    return make_term(Term::Kind::Multiply, {dividend, constant(1 / divisor, e)}, e);
  }

  // The exact value of a variable-free term, or nullopt. Memoised: let-bound
  // terms are shared, and a DAG can be exponentially larger as a tree.
  std::map<const Term*, std::optional<mpq_class>> evaluated_;
  std::optional<mpq_class> evaluate(const Term& t) {
    if (auto it = evaluated_.find(&t); it != evaluated_.end()) return it->second;
    auto value = evaluate_once(t);
    evaluated_.emplace(&t, value);
    return value;
  }
  std::optional<mpq_class> evaluate_once(const Term& t) {
    switch (t.kind) {
      case Term::Kind::Constant: return t.value;
      case Term::Kind::Variable: return std::nullopt;
      case Term::Kind::Power: {
        auto base = evaluate(*t.operands[0]);
        if (!base) return std::nullopt;
        mpq_class r = 1;
        for (unsigned long i = 0; i < t.exponent; ++i) r *= *base;
        return r;
      }
      default: break;
    }
    std::vector<mpq_class> values;
    for (const TermPtr& o : t.operands) {
      auto v = evaluate(*o);
      if (!v) return std::nullopt;
      values.push_back(*v);
    }
    mpq_class r = values[0];
    if (t.kind == Term::Kind::Negate) return -r;
    for (std::size_t i = 1; i < values.size(); ++i) {
      if (t.kind == Term::Kind::Add)
        r += values[i];
      else if (t.kind == Term::Kind::Subtract)
        r -= values[i];
      else
        r *= values[i];
    }
    return r;
  }

  // (let ((n1 t1) (n2 t2) ...) body): the ti are lowered in the outer scope
  // (bindings are parallel), then bound while the body is lowered.
  Value let(const ast::sexpr& e, const ast::list& l) {
    if (l.items.size() != 3 || !as_list(l.items[1]))
      fail(e, "expected (let ((name term) ...) body)");
    std::map<std::string, Value> scope;
    for (const ast::sexpr& binding : as_list(l.items[1])->items) {
      const ast::list* pair = as_list(binding);
      if (!pair || pair->items.size() != 2 || !symbol(pair->items[0]))
        fail(binding, "expected a binding (name term) in 'let'");
      std::string name = *symbol(pair->items[0]);
      if (scope.count(name)) fail(pair->items[0], "'" + name + "' is bound twice in this 'let'");
      scope.emplace(name, lower(pair->items[1]));
    }
    scopes_.push_back(std::move(scope));
    Value body = lower(l.items[2]);
    scopes_.pop_back();
    return body;
  }
};

}  // namespace

bool is_etr_identifier(const std::string& name) {
  static const std::set<std::string> keywords{"exists", "in", "and", "or", "not", "true", "false"};
  if (name.empty() || keywords.count(name)) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!letter(name[0])) return false;
  return std::all_of(name.begin(), name.end(),
                     [&](char c) { return letter(c) || (c >= '0' && c <= '9') || c == '\''; });
}

Sentence lower_smt(const std::vector<grammar::smt_ast::sexpr>& script,
                   const grammar::parse_state& state, const SourceText& source) {
  return SmtLowering(state, source).script(script);
}

}  // namespace etr2nn::etr
