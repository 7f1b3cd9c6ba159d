#!/usr/bin/env python3
"""Peak memory of the reader as a whole process: opens a briefing in `brief` on a
pseudo-terminal (160x45) under `/usr/bin/time -v`, waits for the analysis, presses G, a
search (`/the` unless another QUERY is given), n, g and q one a second, and prints the peak
resident set and CPU time.
usage: scripts/reader_peak.py BRIEF BRIEFING [SECONDS_TO_WAIT [QUERY]]   (Linux; GNU time)"""

import fcntl
import os
import pty
import select
import struct
import sys
import tempfile
import termios
import time


def drain(fd, seconds):
    """Reads (and drops) what the reader draws for `seconds`."""
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                os.read(fd, 1 << 16)
            except OSError:
                return


def spawn(argv, env=None):
    """Runs `argv` on a new pseudo-terminal of 160x45 with TERM (and `env`) set: its pid
    and the terminal's fd."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.update(env or {})
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 160, 0, 0))
    return pid, fd


def main():
    brief, briefing = sys.argv[1], sys.argv[2]
    wait = float(sys.argv[3]) if len(sys.argv) > 3 else 10
    query = sys.argv[4].encode() if len(sys.argv) > 4 else b"the"
    report = tempfile.NamedTemporaryFile(suffix=".txt", delete=False).name
    pid, fd = spawn(["/usr/bin/time", "-v", "-o", report, brief, "--no-config", briefing])
    drain(fd, wait)
    for key in [b"G", b"/", query, b"\r", b"n", b"g", b"q"]:
        os.write(fd, key)
        drain(fd, 1)
    os.waitpid(pid, 0)
    fields = {}
    for line in open(report):
        name, _, value = line.strip().rpartition(": ")
        fields[name] = value
    os.unlink(report)
    peak = int(fields["Maximum resident set size (kbytes)"]) // 1024
    print(f"  reader, {os.path.getsize(briefing)} bytes, /{query.decode()}:"
          f" {fields['User time (seconds)']} s user CPU,"
          f" peak {peak} MB")


if __name__ == "__main__":
    main()
