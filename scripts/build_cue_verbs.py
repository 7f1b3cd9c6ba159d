#!/usr/bin/env python3
"""Build assets/lexicon/claim_verbs.tsv, the learned verbs of saying and thinking the claims
reader takes as cues when the parse gives them a complement clause (src/analysis/claims/),
from Open English WordNet (CC BY 4.0; see assets/ATTRIBUTION.md) and the training treebanks
(UD English EWT train and the free GUM documents, CC BY-SA 4.0 / CC BY).

Rerun (from the repository root, with WordNet's YAML source folder src/yaml, commit
d94538ad0df3d7a4c77837bde6af69d7a6592c32 of globalwordnet/english-wordnet, and the
treebanks' CoNLL-U files):

    pip install pyyaml
    python3 scripts/build_cue_verbs.py WORDNET_YAML_DIR TRAIN.conllu [MORE.conllu ...]

A verb is a candidate when WordNet gives it a sense among the verbs of communication
(lexicographer file 32) or cognition (31) with the frame "Somebody ----s that CLAUSE"
(via-that). It is kept when the treebanks show it governing a complement clause (ccomp) in at
least MIN_SHARE of its uses as a verb, or, when they never show it as a verb (most verbs of
saying are rare: "opine", "retort", "surmise"), when that sense is its first, the commonest,
in WordNet. The reader still takes one only where the parse gives it a complement clause.
Its kind: an assessment when its senses with that frame are of cognition only, else an
assertion. Its forms: WordNet's irregular forms, the regular -s, -ed and -ing forms, and the
treebanks' forms of it that begin with its stem (their typos, "here" for "hear", left out);
but not a form the treebanks show MIN_FORM_USES times or more and with a complement clause in
less than MIN_SHARE of them (mostly a noun or another sense: "states", "rules"), since every
sentence holding a cue is parsed; nor a form the hand-made cues (claim_cues.tsv) already list,
which keep their own kind and frame in the reader, so the entry would never take effect.
Lines:
  kind<TAB>lemma<TAB>forms (comma-separated)
"""
import collections
import os
import sys

from wordnet_yaml import load

MIN_SHARE = 0.05
MIN_FORM_USES = 5
LEXFILES = {"32": "assertion", "31": "assessment"}
LEXICON = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "lexicon")
OUT = os.path.join(LEXICON, "claim_verbs.tsv")
HAND_MADE = os.path.join(LEXICON, "claim_cues.tsv")


def candidates(root):
    """lemma -> (kinds, irregular forms, whether the first sense is one) for verbs with a
    via-that sense of saying or thinking."""
    out = {}
    for word, by in load(os.path.join(root, "entries-*.yaml")).items():
        if not isinstance(word, str) or not word.isascii() or not word.isalpha() or not word.islower():
            continue
        verb = by.get("v")
        if not verb:
            continue
        kinds, first = set(), False
        for n, sense in enumerate(verb.get("sense", [])):
            lexfile = sense["id"].split("%")[1].split(":")[1]
            if lexfile in LEXFILES and "via-that" in sense.get("subcat", []):
                kinds.add(LEXFILES[lexfile])
                first |= n == 0
        if kinds:
            out[word] = (kinds, [f for f in verb.get("form", []) if f.isalpha()], first)
    return out


def hand_made_forms(path):
    """The forms the hand-made cue list gives (kind <TAB> frame <TAB> forms), lower-cased."""
    forms = set()
    with open(path) as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 3:
                continue
            forms.update(form.strip().lower() for form in cols[2].split(","))
    return forms


def treebank_counts(paths):
    """lemma -> uses as a verb, and uses with a ccomp; lemma -> forms seen of it as a verb;
    form -> uses in any part of speech, and uses as a verb with a ccomp."""
    uses, ccomp = collections.Counter(), collections.Counter()
    form_uses, form_ccomp = collections.Counter(), collections.Counter()
    forms = collections.defaultdict(set)
    for path in paths:
        rows = []
        with open(path) as f:
            for line in f:
                line = line.rstrip("\n")
                if line and not line.startswith("#"):
                    cols = line.split("\t")
                    if cols[0].isdigit():
                        rows.append(cols)
                    continue
                if not line and rows:
                    governs = {int(c[6]) for c in rows if c[7].split(":")[0] == "ccomp"}
                    for c in rows:
                        form = c[1].lower()
                        form_uses[form] += 1
                        if c[3] == "VERB":
                            lemma = c[2].lower()
                            uses[lemma] += 1
                            ccomp[lemma] += int(c[0]) in governs
                            form_ccomp[form] += int(c[0]) in governs
                            forms[lemma].add(form)
                    rows = []
    return uses, ccomp, forms, form_uses, form_ccomp


def regular(lemma, irregular):
    """The regular -s, -ing and (unless WordNet lists irregular forms) -ed forms; a final
    consonant doubled after one short vowel in a word of one syllable ("bet", "betting")."""
    vowels = "aeiou"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        s, ed, ing = lemma + "s", lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in vowels:
        s, ed, ing = lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    else:
        s = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
        syllables = sum(1 for a, b in zip(" " + lemma, lemma) if b in vowels and a not in vowels)
        short = syllables == 1 and lemma[-1] not in vowels + "wxy" and lemma[-2] in vowels
        double = lemma[-1] if short and lemma[-3:-2] not in vowels else ""
        ed, ing = lemma + double + "ed", lemma + double + "ing"
    return [s, ing] + ([] if irregular else [ed])


def main(root, treebanks):
    verbs = candidates(root)
    uses, ccomp, seen, form_uses, form_ccomp = treebank_counts(treebanks)

    def reports(form):
        # a form seen often enough and seldom taking a clause is mostly a noun or another
        # sense ("states", "rules", "question", "mind"): each sentence holding a cue is parsed
        return form_uses[form] < MIN_FORM_USES or form_ccomp[form] >= MIN_SHARE * form_uses[form]

    hand_made = hand_made_forms(HAND_MADE)
    rows = []
    for lemma, (kinds, irregular, first) in sorted(verbs.items()):
        seen_taking = ccomp[lemma] > 0 and ccomp[lemma] >= MIN_SHARE * uses[lemma]
        if not (seen_taking or uses[lemma] == 0 and first):
            continue
        kind = "assessment" if kinds == {"assessment"} else "assertion"
        # the treebanks' forms that begin as the lemma does ("admittedly" no, "here" for "hear" no)
        stem = lemma[:-1] if lemma.endswith(("e", "y")) else lemma
        own = {f for f in seen[lemma] if f.isalpha() and f.startswith(stem) and f != stem + "ly"}
        every = {lemma, *irregular, *regular(lemma, irregular), *own}
        forms = sorted(f for f in every if reports(f) and f not in hand_made)
        if not forms:
            continue
        rows.append(f"{kind}\t{lemma}\t{', '.join(forms)}")
    with open(OUT, "w") as f:
        f.write(
            "# Learned cues: verbs of saying (assertion) and thinking (assessment) from Open English\n"
            "# WordNet (CC BY 4.0, see ATTRIBUTION.md) that take a complement clause in the training\n"
            "# treebanks; made by scripts/build_cue_verbs.py, do not edit. kind <TAB> lemma <TAB> forms.\n"
        )
        f.write("\n".join(rows) + "\n")
    print(f"{len(rows)} verbs -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
