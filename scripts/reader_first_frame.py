#!/usr/bin/env python3
"""The reader's first frame as a whole process: starts `brief` on a pseudo-terminal
(160x45) and times, from just before the fork, the first frame (the article pane's title
drawn) and the analysed frame (the review count in the status bar), then quits with q.
Prints the median and fastest of RUNS runs.
usage: scripts/reader_first_frame.py BRIEF [BRIEFING] [RUNS]   (Linux)"""

import os
import select
import statistics
import sys
import tempfile
import time

from reader_peak import spawn


def run(brief, briefing, data):
    """One run: seconds to the first frame and to the analysed frame."""
    start = time.perf_counter()
    argv = [brief, "--no-config"] + ([briefing] if briefing else [])
    pid, fd = spawn(argv, {"BRIEF_DATA_DIR": data})
    seen, first, analysed = b"", None, None
    while analysed is None and time.perf_counter() - start < 60:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            seen += os.read(fd, 1 << 16)
        except OSError:
            break
        now = time.perf_counter() - start
        if first is None and b"Article" in seen:
            first = now
        if b"claims reviewed" in seen:
            analysed = now
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    if first is None or analysed is None:
        sys.exit("brief did not draw its panes within 60 s")
    return first, analysed


def main():
    brief = sys.argv[1]
    briefing = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    with tempfile.TemporaryDirectory() as data:
        times = [run(brief, briefing, data) for _ in range(runs)]
    for name, values in (("first frame", [t[0] for t in times]),
                         ("analysed frame", [t[1] for t in times])):
        ms = [v * 1000 for v in values]
        print(f"  reader, {briefing or 'the sample'}, {name}:"
              f" median {statistics.median(ms):.1f} ms, fastest {min(ms):.1f} ms ({runs} runs)")


if __name__ == "__main__":
    main()
