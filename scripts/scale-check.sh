#!/usr/bin/env bash
# The recipes of docs/SCALE.md run as written: the blocks marked `<!-- checked: NAME -->`
# are taken out of the page and run over a few hundred generated JSON lines (bad ones among
# them) against the release binary, and each output compared with a direct run.
# Installs pyspark into target/scale-venv (reused) and GNU parallel (Debian) when missing.
# Needs Java 17 for Spark. usage: scripts/scale-check.sh [LINES]   (default 400)
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
lines=${1:-400}

if ! command -v java > /dev/null; then
  echo "scale check: Spark needs Java 17 and there is no java on PATH (Debian: apt-get install openjdk-17-jre-headless)" >&2
  exit 1
fi
venv=target/scale-venv
if [ ! -x "$venv/bin/spark-submit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'pyspark==4.3.0'
fi
if ! command -v parallel > /dev/null; then
  # a fresh machine's package lists may be stale or empty
  { apt-get update -qq && apt-get install -y -qq parallel; } > /dev/null
fi
cargo build --release --quiet --bin brief

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# brief and the virtual environment's python (which spark-submit looks for) first
export PATH="$root/target/release:$root/$venv/bin:$PATH"
export PYSPARK_PYTHON="$root/$venv/bin/python"

# the checked blocks of docs/SCALE.md, each into its own file
python3 - docs/SCALE.md "$work" <<'EOF'
import re, sys
page = open(sys.argv[1]).read()
blocks = re.findall(r"<!-- checked: (\S+) -->\n```\w*\n(.*?)```", page, re.S)
assert len(blocks) == 3, f"docs/SCALE.md: {len(blocks)} checked blocks, 3 expected"
for name, code in blocks:
    open(f"{sys.argv[2]}/{name}", "w").write(code)
EOF

# articles of our own making; every ninth line bad in one of three ways
python3 - "$lines" > "$work/in.jsonl" <<'EOF'
import json, sys
places = ["Lisbon", "Oslo", "Nairobi", "Lima", "Hanoi", "Quito"]
for i in range(int(sys.argv[1])):
    place = places[i % len(places)]
    if i % 9 == 4:
        print("{not json")
    elif i % 9 == 7:
        print(json.dumps({"id": f"a{i}", "text": ""}))
    else:
        text = (f"Officials in {place} said on Friday that talks over the port had failed, "
                f"according to a statement issued on {i % 28 + 1} March. The minister denied "
                f"that {i} ships had been turned away.")
        print(json.dumps({"id": f"a{i}", "text": text, "published": "2024-11-23"}))
EOF
grep -v '^{not json' "$work/in.jsonl" > "$work/articles.jsonl"

cd "$work"
brief extract --jsonl --no-config < in.jsonl > direct.jsonl
[ "$(wc -l < direct.jsonl)" -eq "$lines" ] || { echo "scale check: the direct run gave $(wc -l < direct.jsonl) lines for $lines" >&2; exit 1; }

failed=0
same() {  # what, file
  if cmp -s direct.jsonl "$2"; then
    echo "scale check: $1: $lines lines, the same as the direct run"
  else
    echo "scale check: $1 differs from the direct run" >&2
    diff <(cut -c1-200 direct.jsonl) <(cut -c1-200 "$2") | head -5 >&2
    failed=1
  fi
}

bash parallel.sh
same "GNU parallel --pipe --keep-order" out.jsonl

spark=(spark-submit --master 'local[2]' --conf spark.ui.enabled=false)
"${spark[@]}" spark_pipe.py in.jsonl pipe-out 2> spark_pipe.log || { tail -20 spark_pipe.log >&2; exit 1; }
cat pipe-out/part-* > pipe.jsonl
same "Spark RDD.pipe (local[2])" pipe.jsonl

"${spark[@]}" spark_dataframe.py articles.jsonl df-out 2> spark_dataframe.log || { tail -20 spark_dataframe.log >&2; exit 1; }
python3 - <<'EOF' || failed=1
import glob, json
direct = {}
for line in open("direct.jsonl"):
    row = json.loads(line)
    if row.get("id") is not None:
        direct[row["id"]] = line.rstrip("\n")
rows = [json.loads(l) for f in sorted(glob.glob("df-out/part-*")) for l in open(f)]
want = {i for i in direct if i is not None}
got = {r["id"]: r["analysis"] for r in rows}
wrong = [i for i in want if got.get(i) != direct[i]]
if wrong or len(rows) != len(want):
    raise SystemExit(f"scale check: Spark DataFrame: {len(wrong)} of {len(want)} ids differ from the direct run, {len(rows)} rows")
print(f"scale check: Spark DataFrame joined by id: {len(rows)} rows, each the direct run's analysis")
EOF
exit $failed
