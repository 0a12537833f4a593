"""Whole-process wall time and peak memory of `presseschau digest` vs. sumy LexRank on the same folder.

Each command runs once to warm the file cache, then RUNS times; wall time by time.perf_counter, peak
memory (max resident set) of the child from the operating system's accounting (resource.getrusage).
Usage: python bench/digest_seeds.py [FOLDER] [RUNS]   (default ../shared/seeds, 5 runs)
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path


def measure(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one run of ``cmd`` in a fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"command failed: {' '.join(cmd)}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    here = Path(__file__).resolve().parent
    folder = sys.argv[1] if len(sys.argv) > 1 else str(here.parent.parent / "shared" / "seeds")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    bindir = Path(sys.executable).parent
    commands = {
        "presseschau digest": [str(bindir / "presseschau"), "digest", folder, "--color", "never"],
        "sumy LexRank": [sys.executable, str(here / "sumy_lexrank.py"), folder],
    }
    print(f"# {date.today()} {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, folder {folder}, {runs} runs after 1 warm-up")
    print("| command | wall median (min-max) s | peak RSS median MB |")
    print("|---|---|---|")
    for name, cmd in commands.items():
        measure(cmd)
        results = [measure(cmd) for _ in range(runs)]
        walls = [w for w, _ in results]
        rss = [m for _, m in results]
        print(f"| {name} | {statistics.median(walls):.2f} ({min(walls):.2f}-{max(walls):.2f}) "
              f"| {statistics.median(rss):.0f} |")


if __name__ == "__main__":
    main()
