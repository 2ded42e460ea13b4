#!/usr/bin/env python3
"""The peer for `corroborate eval extraction|metadata --data ../shared/data/trafilatura-eval`:
Python trafilatura's extract() scored by snippets, and extract_metadata() scored on title,
authors and date, with the same comparisons as crates/eval (whitespace folded, lowercased;
authors as sets of name words; date as the same day). Benchmark-only; never on the product's path.

Usage: target/bench-venv/bin/python scripts/peer_trafilatura_eval.py [DATA_DIR]
(scripts/bench creates that virtualenv)."""
import gzip, json, re, sys
from pathlib import Path

import trafilatura

data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/trafilatura-eval")


def fold(s):
    return " ".join((s or "").split())


def name_words(names):
    words = set()
    for name in names:
        for w in re.split(r"[^\w'\-]+", name.lower()):
            if w and w not in {"and", "und", "by", "von", "et", "y", "par", "por"}:
                words.add(w)
    return words


tp = fn = fp = tn = 0
meta = {"title (exact)": [0, 0], "title (either contains other)": [0, 0], "authors (same names)": [0, 0], "date (same day)": [0, 0]}
for line in open(data / "gold.jsonl", encoding="utf-8"):
    page = json.loads(line)
    raw = gzip.open(data / page["html"]).read()
    try:
        text = fold(trafilatura.extract(raw) or "")
    except Exception:
        text = ""
    for s in map(fold, page.get("with") or []):
        if s:
            tp, fn = (tp + 1, fn) if s in text else (tp, fn + 1)
    for s in map(fold, page.get("without") or []):
        if s:
            fp, tn = (fp + 1, tn) if s in text else (fp, tn + 1)

    gold_title = fold(page.get("title")).lower()
    gold_authors = page.get("author") or []
    if isinstance(gold_authors, str):
        gold_authors = gold_authors.split(";")
    gold_authors = [fold(a).lower() for a in gold_authors if fold(a)]
    gold_date = fold(page.get("date"))
    if not (gold_title or gold_authors or gold_date):
        continue
    m = trafilatura.extract_metadata(raw)
    title = fold(m.title if m else "").lower()
    author = fold(m.author if m else "").lower()
    date = (m.date if m else "") or ""
    if gold_title:
        for key, hit in (("title (exact)", title == gold_title),
                         ("title (either contains other)", bool(title) and (title in gold_title or gold_title in title))):
            meta[key][0] += 1
            meta[key][1] += hit
    if gold_authors:
        meta["authors (same names)"][0] += 1
        meta["authors (same names)"][1] += name_words(author.split(";")) == name_words(gold_authors)
    if gold_date:
        meta["date (same day)"][0] += 1
        meta["date (same day)"][1] += date[:10] == gold_date[:10]

p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
print(f"python trafilatura {trafilatura.__version__} on {data}")
print(f"extraction: precision {p:.3f}  recall {r:.3f}  accuracy {(tp + tn) / max(tp + tn + fp + fn, 1):.3f}  F1 {2 * p * r / (p + r):.3f}")
for key, (n, hits) in meta.items():
    print(f"{key:<32} n = {n:>4}  accuracy = {hits / max(n, 1):.3f}")
