"""Benchmark: how long understanding takes, warm, and how it grows with the size of a source.

    python bench/understand.py

Prints the median time to understand each example report, then a synthetic report made of the
examples' paragraphs repeated (each line tagged in letters, so no copy is a duplicate) to 100 KB,
300 KB and 1 MB (to show the growth is linear): in one process, and with a process pool of the
machine's other cores reading parts of a long source's figures side by side (as `briefing
extract` does; the pool is started once, before timing, as a long-running tool would). The
cycle collector is set as the command line sets it (briefing.cli.tune_collector).
"""

import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.cli import tune_collector
from briefing.read import read_bytes
from briefing.understand import understand
from briefing.understand.places import Gazetteer


def timed(fn, args, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _letters(n: int) -> str:
    """n in base 26 written with a-z: a unique tag that holds no digit."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
        if n == 0:
            return out


def main():
    tune_collector()
    gazetteer = Gazetteer.load()
    examples = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "examples").glob("*.html"))
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    print(f"{'source':40} {'chars':>8} {'read ms':>8} {'understand ms':>14}")
    for path in seeds + examples:
        data = path.read_bytes()
        source = read_bytes(data, path.name)
        understand(source, gazetteer)  # warm
        read_ms = timed(read_bytes, (data, path.name), 5) * 1000
        ms = timed(understand, (source, gazetteer), 5) * 1000
        print(f"{path.name:40} {len(source.text):8} {read_ms:8.1f} {ms:14.1f}")
    body = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "examples").glob("*.txt") if "-tw" not in p.name
    )
    workers = os.cpu_count() or 1
    pool = ProcessPoolExecutor(workers - 1) if workers > 1 else None
    print()
    print(
        f"{'synthetic size':40} {'chars':>8} {'read ms':>8} {'understand ms':>14} {f'{workers} processes':>12}"
    )
    for target in (100_000, 300_000, 1_000_000):
        copies = target // len(body.encode("utf-8")) + 1
        # every line of every copy is made unique, so no copy is skipped as a repeat; the tag is
        # in letters, so the text holds exactly the examples' numbers, no extra ones
        lines = body.splitlines()
        text = "\n".join(
            f"{line}（{_letters(k)}-{_letters(i)}）" if line.strip() else line
            for k in range(copies)
            for i, line in enumerate(lines)
        )
        data = text.encode("utf-8")[:target]
        data = data.decode("utf-8", "ignore").encode("utf-8")
        source = read_bytes(data, "big.txt")
        read_ms = timed(read_bytes, (data, "big.txt"), 2) * 1000
        ms = timed(understand, (source, gazetteer), 3) * 1000
        if pool is not None:
            understand(source, gazetteer, pool, workers)  # warm the pool's workers
            split_ms = f"{timed(understand, (source, gazetteer, pool, workers), 3) * 1000:.1f}"
        else:
            split_ms = "-"
        print(
            f"{f'{len(data) / 1e6:.1f} MB':40} {len(source.text):8} {read_ms:8.1f} {ms:14.1f} {split_ms:>12}"
        )


if __name__ == "__main__":
    main()
