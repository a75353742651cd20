#!/usr/bin/env python3
"""The module rules of docs/architecture.md, checked on the source tree.

1. Every module directory under src/ (all but the support layers and the
   command line, listed below) has exactly one header at its top, src/M/M.hpp,
   its public contract; the rest of its headers live in src/M/detail/.
2. Code outside src/M/ and its tests (tests/M/) never includes src/M/detail/.
3. grammar/ is the parse arrow's grammar: only src/etr (and the etr tests and
   the parser fuzzer) include it.
4. The checker (src/check/) includes nothing from the producer: only itself
   and the layers it is linked with (numeric, json_io, io/decompress,
   diagnostic, terminal).

usage: check_modules.py SOURCE_DIR     check the tree, list every violation
       check_modules.py --self-test    plant one violation of each rule in a
                                       scratch tree and require each is found
"""
import os
import re
import sys
import tempfile

# Toolkits used piecemeal (numeric keeps its z3 bridge in its own header so
# that z3 stays confined), and the command line, which is not a library.
SUPPORT = {'numeric', 'json_io', 'io', 'diagnostic', 'terminal', 'geometry', 'cli'}
CHECK_MAY_USE = ('check/', 'numeric/', 'json_io/', 'io/decompress.hpp', 'diagnostic/',
                 'terminal/')
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def sources(root):
    for top in ('src', 'tests', 'bench', 'gadgets', 'grammar'):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                if name.endswith(('.cpp', '.hpp')):
                    path = os.path.join(dirpath, name)
                    yield os.path.relpath(path, root).replace(os.sep, '/'), path


def violations(root):
    found = []
    src = os.path.join(root, 'src')
    modules = sorted(d for d in os.listdir(src)
                     if os.path.isdir(os.path.join(src, d)) and d not in SUPPORT)
    for m in modules:
        top = sorted(f for f in os.listdir(os.path.join(src, m)) if f.endswith('.hpp'))
        if top != [f'{m}.hpp']:
            found.append(f'src/{m}/: headers at the top are {top}, expected only {m}.hpp '
                         f'(the rest belongs in src/{m}/detail/)')
    for rel, path in sources(root):
        parts = rel.split('/')
        owner = parts[1] if parts[0] in ('src', 'tests') and len(parts) > 2 else None
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for match in INCLUDE.finditer(text):
            header = match.group(1)
            line = text.count('\n', 0, match.start()) + 1
            where = f'{rel}:{line}: #include "{header}"'
            pieces = header.split('/')
            if len(pieces) >= 3 and pieces[0] in modules and pieces[1] == 'detail' \
                    and owner != pieces[0]:
                found.append(f'{where}: another module\'s detail header; include '
                             f'"{pieces[0]}/{pieces[0]}.hpp"')
            if pieces[0] == 'grammar' and not (
                    parts[0] == 'grammar' or owner == 'etr' or rel.startswith('tests/fuzz/')):
                found.append(f'{where}: only src/etr uses the grammar')
            if rel.startswith('src/check/') and '/' in header and \
                    not header.startswith(CHECK_MAY_USE):
                found.append(f'{where}: the checker must not depend on the producer')
    return found


def self_test():
    def write(root, rel, text):
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)

    clean = {
        'src/alpha/alpha.hpp': '#include "alpha/detail/part.hpp"\n',
        'src/alpha/detail/part.hpp': '#pragma once\n',
        'src/alpha/part.cpp': '#include "alpha/detail/part.hpp"\n',
        'src/etr/etr.hpp': '#include "grammar/etr.hpp"\n',
        'src/check/check.hpp': '#include "numeric/real.hpp"\n#include "io/decompress.hpp"\n',
        'src/numeric/real.hpp': '', 'src/numeric/rational.hpp': '',
        'tests/alpha/part_test.cpp': '#include "alpha/detail/part.hpp"\n',
        'bench/b.cpp': '#include "alpha/alpha.hpp"\n',
        'grammar/etr.hpp': '',
    }
    planted = {
        'a second header at the top': ('src/alpha/extra.hpp', ''),
        'another module\'s detail': ('bench/c.cpp', '#include "alpha/detail/part.hpp"\n'),
        'grammar outside etr': ('src/alpha/g.cpp', '#include "grammar/etr.hpp"\n'),
        'checker uses the producer': ('src/check/bad.cpp', '#include "alpha/alpha.hpp"\n'),
    }
    with tempfile.TemporaryDirectory() as root:
        for rel, text in clean.items():
            write(root, rel, text)
        if violations(root):
            print('self-test: the clean tree was reported:', violations(root))
            return 1
    for what, (rel, text) in planted.items():
        with tempfile.TemporaryDirectory() as root:
            for r, t in clean.items():
                write(root, r, t)
            write(root, rel, text)
            found = violations(root)
            if len(found) != 1:
                print(f'self-test: planting "{what}" gave {found}, expected one violation')
                return 1
    print(f'self-test: the clean tree passes and each of {len(planted)} planted violations is found')
    return 0


def main():
    if sys.argv[1:] == ['--self-test']:
        return self_test()
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    found = violations(sys.argv[1])
    for v in found:
        print(v)
    if found:
        print(f'{len(found)} violation(s) of the module rules (docs/architecture.md)')
        return 1
    print('module rules hold: one public header per module, no detail header used '
          'from outside, grammar only in src/etr, the checker independent')
    return 0


if __name__ == '__main__':
    sys.exit(main())
