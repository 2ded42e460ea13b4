#!/usr/bin/env python3
"""The peer for scripts/bench: Python trafilatura's extract() on the same pages, one process,
best of N passes after a warm-up. Benchmark-only; never on the product's path."""
import gzip, sys, time
from pathlib import Path

import trafilatura

folder = Path(sys.argv[1])
passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
pages = [gzip.open(p, "rt", encoding="utf-8", errors="replace").read() for p in sorted(folder.glob("*.html.gz"))]
for html in pages:
    trafilatura.extract(html)
best = float("inf")
for _ in range(passes):
    t = time.perf_counter()
    for html in pages:
        trafilatura.extract(html)
    best = min(best, time.perf_counter() - t)
n = len(pages)
print(f"python trafilatura {trafilatura.__version__}: {n / best:8.1f} pages/s {best * 1e3 / n:7.2f} ms/page")
print(f"RESULT trafilatura_pages_per_s={n / best:.2f}")
