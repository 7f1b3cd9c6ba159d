#!/usr/bin/env bash
# Whole-process figures for docs/PERFORMANCE.md, with hyperfine and GNU time:
#   - `brief extract` of the bundled sample;
#   - `extract --jsonl` over about 300 kB of the dev news corpora (read at run time from
#     $BRIEF_EVAL_DATA/dev, default ../shared/eval; the input is built in a temporary folder,
#     nothing is copied into the repository), on one core and on two (taskset);
#   - time and peak memory of `brief extract` on generated briefings of 1, 10 and 50 MB
#     (examples/news.rs) and on a 1 MB briefing that is one line;
#   - the reader's peak memory on 10 MB, in a pseudo-terminal (scripts/reader_peak.py);
#   - the reader's first frame, sample and 10 MB, in a pseudo-terminal (scripts/reader_first_frame.py);
#   - the reader's frames, from the TestBackend benchmarks (benches/reader.rs).
# On a shared machine wall times wait for the CPU: the user CPU times beside them are the
# steadier figure (and `valgrind --tool=callgrind` instruction counts, for before/after).
# usage: scripts/perf.sh [--quick]   (--quick: no 50 MB briefing, no reader benchmarks)
# Needs hyperfine, /usr/bin/time (Debian: apt-get install hyperfine time), taskset, python3.
set -euo pipefail

cd "$(dirname "$0")/.."
quick=${1:-}
data=${BRIEF_EVAL_DATA:-../shared/eval}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin brief --example news
brief=target/release/brief
news=target/release/examples/news

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"

echo "== brief extract of the sample (whole process)"
hyperfine --warmup 5 --runs 50 --style basic --export-json "$work/sample.json" \
    "$brief extract --no-config" >/dev/null
python3 - "$work/sample.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"  wall: mean {r['mean']*1000:.1f} ms, median {r['median']*1000:.1f} ms, min {r['min']*1000:.1f} ms;"
      f" CPU: user {r['user']*1000:.1f} ms, system {r['system']*1000:.1f} ms")
EOF

if [ -d "$data/dev" ]; then
    echo "== extract --jsonl over ~300 kB of dev news"
    python3 - "$data/dev" "$work/dev.jsonl" <<'EOF'
import glob, json, sys
chars, out = 0, open(sys.argv[2], "w", encoding="utf-8")
for path in sorted(glob.glob(sys.argv[1] + "/*.jsonl")):
    for line in open(path, encoding="utf-8"):
        if chars >= 300_000 or not line.strip():
            continue
        d = json.loads(line)
        out.write(json.dumps({"id": d["id"], "text": d["text"], "published": d.get("dct")},
                             ensure_ascii=False) + "\n")
        chars += len(d["text"])
print(f"  {chars} characters")
EOF
    bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])))" "$work/dev.jsonl")
    hyperfine --warmup 2 --runs 10 --style basic --export-json "$work/jsonl.json" \
        -n "1 core" "taskset -c 0 $brief extract --jsonl --no-config < $work/dev.jsonl" \
        -n "2 cores" "taskset -c 0,1 $brief extract --jsonl --no-config < $work/dev.jsonl" >/dev/null
    python3 - "$work/jsonl.json" "$bytes" <<'EOF'
import json, sys
bytes = int(sys.argv[2])
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"  {r['command']}: wall {r['mean']*1000:.0f} ms ({bytes / r['mean'] / 1e6:.1f} MB/s),"
          f" user CPU {r['user']*1000:.0f} ms ({bytes / r['user'] / 1e6:.1f} MB/s)")
EOF
else
    echo "== no $data/dev: skipping the dev news (set BRIEF_EVAL_DATA)"
fi

echo "== brief extract on generated briefings: time and peak memory (/usr/bin/time -v)"
sizes="1000000 10000000 50000000"
[ "$quick" = --quick ] && sizes="1000000 10000000"
measure() {
    /usr/bin/time -v "$brief" extract --no-config "$1" 2>"$work/time.txt" >/dev/null
    local secs user kb
    secs=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
    user=$(grep 'User time' "$work/time.txt" | awk '{print $NF}')
    kb=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
    echo "  $2: $(stat -c %s "$1") bytes, $secs wall, ${user} s user CPU, peak $((kb / 1024)) MB"
}
for size in $sizes; do
    "$news" "$size" >"$work/news.md"
    measure "$work/news.md" "$((size / 1000000)) MB"
done
"$news" 1000000 --one-line >"$work/line.md"
measure "$work/line.md" "1 MB, one line"

echo "== the reader on 10 MB of generated news: peak memory (scripts/reader_peak.py, a pty)"
"$news" 10000000 >"$work/news.md"
python3 scripts/reader_peak.py "$brief" "$work/news.md" 10
echo "== the reader's first frame as a whole process, a pty (scripts/reader_first_frame.py)"
python3 scripts/reader_first_frame.py "$brief" "" 20
python3 scripts/reader_first_frame.py "$brief" "$work/news.md" 5

if [ "$quick" != --quick ]; then
    echo "== the reader's frames on TestBackend (benches/reader.rs)"
    cargo bench --quiet --bench reader 2>/dev/null
fi
