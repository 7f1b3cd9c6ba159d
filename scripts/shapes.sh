#!/usr/bin/env bash
# Every pathological shape of benches/shapes/mod.rs timed at n, 2n and 4n bytes through the
# release binary (`brief extract`, or `extract --jsonl` for batch shapes), with its peak
# memory (GNU time). Time is CPU time (user + system), not wall-clock time, so that other
# work on the machine does not pass for growth. Fails when a doubling takes more than 2.6 times as long (worse than
# linear; times under 0.05 s are taken as 0.05 s, below which the process start dominates),
# or when peak memory passes 10 times the input + 50 MB: issue 18's bound, the language models
# included (the program and its models are about 24 MB of read-only pages mapped from the binary,
# shared by every brief running; the working memory's own bound is 10x + 30 MB).
# usage: scripts/shapes.sh [N]   (default N = 1000000 bytes; SKIP_BUILD=1 uses the binaries
# already built)
# Needs /usr/bin/time (Debian: apt-get install time).
set -euo pipefail

cd "$(dirname "$0")/.."
n=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -n "${SKIP_BUILD:-}" ] || cargo build --release --quiet --bin brief --example shapes
brief=target/release/brief
shapes=target/release/examples/shapes

failed=0
printf '%-24s %10s %9s %9s %7s %s\n' shape bytes 'CPU s' 'peak MB' ratio verdict
while read -r name kind; do
  previous=""
  for size in "$n" $((2 * n)) $((4 * n)); do
    input="$work/$name.$kind"
    "$shapes" "$name" "$size" > "$input"
    bytes=$(stat -c %s "$input")
    case $kind in
      batch) command=("$brief" extract --no-config --jsonl) ;;
      *) command=("$brief" extract --no-config "$input") ;;
    esac
    if [ "$kind" = batch ]; then
      /usr/bin/time -f '%U %S %M' -o "$work/time" "${command[@]}" < "$input" > /dev/null 2> "$work/err" || true
    else
      /usr/bin/time -f '%U %S %M' -o "$work/time" "${command[@]}" < /dev/null > /dev/null 2> "$work/err" || true
    fi
    read -r user sys kb < <(tail -n 1 "$work/time")
    seconds=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    verdict=ok
    limit_kb=$(( bytes * 10 / 1024 + 50 * 1024 ))
    if [ "$kb" -gt "$limit_kb" ]; then verdict="MEMORY over $((limit_kb / 1024)) MB"; failed=1; fi
    ratio=""
    if [ -n "$previous" ]; then
      ratio=$(awk -v a="$previous" -v b="$seconds" 'BEGIN { if (a < 0.05) a = 0.05; if (b < 0.05) b = 0.05; printf "%.2f", b / a }')
      if awk -v r="$ratio" 'BEGIN { exit !(r > 2.6) }'; then verdict="SLOW: worse than linear"; failed=1; fi
    fi
    printf '%-24s %10d %9s %9d %7s %s\n' "$name" "$bytes" "$seconds" $((kb / 1024)) "$ratio" "$verdict"
    previous=$seconds
  done
done < <("$shapes" --list)
exit $failed
