"""Reading Open English WordNet's YAML release (shared by build_synonyms.py and
build_cue_verbs.py)."""
import glob

import yaml


def load(pattern):
    """The entries of every YAML file matching `pattern`, merged, in file-name order."""
    out = {}
    for path in sorted(glob.glob(pattern)):
        with open(path) as f:
            out.update(yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    return out
