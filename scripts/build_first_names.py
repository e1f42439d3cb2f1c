#!/usr/bin/env python3
"""Builds data/names/first-names.tsv: English given names that are clearly
male or clearly female, which the entities and quotes stages use to keep
"she said" from going to a man.

Source (pip install names==0.3.0): the package's `dist.male.first` and
`dist.female.first`, the US Census Bureau's 1990 first-name frequencies
(public domain; the package itself is MIT). A name is kept when one gender's
frequency is at least RATIO times the other's, so "Kim", "Robin", "Taylor"
and "Jordan" are left out, and when it is less common as a given name than as
a surname (`dist.all.last`), so family names written first ("Li Qiang",
"Moon Jae-in") are not read as given names. US-centric: most names from
elsewhere are simply absent, and an absent name says nothing.
Deterministic: sorted by name.
"""
import sys
from pathlib import Path

import names

RATIO = 20.0


def read(path):
    freq = {}
    for line in Path(path).read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            freq[parts[0].lower()] = float(parts[1])
    return freq


def main(out):
    base = Path(names.__file__).parent
    male = read(base / "dist.male.first")
    female = read(base / "dist.female.first")
    last = read(base / "dist.all.last")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if last.get(name, 0.0) > max(m, f):
            continue
        if m >= RATIO * f and m > 0:
            rows.append(f"{name}\tM")
        elif f >= RATIO * m and f > 0:
            rows.append(f"{name}\tF")
    header = (
        "# given name\tM or F  (built by scripts/build_first_names.py from the US Census 1990 "
        "first-name lists in PyPI names 0.3.0; public domain)\n"
    )
    Path(out).write_text(header + "\n".join(rows) + "\n")
    print(f"{out}: {len(rows)} names", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/names/first-names.tsv")
