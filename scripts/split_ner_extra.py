#!/usr/bin/env python3
"""Writes fixed train/dev/test splits of ../shared/data/ner-extra for the NER
trainer and ner-eval (data/ner/MODEL.md says which split is used for what).

Usage: python3 scripts/split_ner_extra.py [NER_EXTRA_DIR] [OUT_DIR]
  NER_EXTRA_DIR defaults to ../shared/data/ner-extra, OUT_DIR to target/ner-data
  (build output: never committed, since it is benchmark text).

* wikigold and re3d have no official split: document n (0-based, file order)
  goes to test when n % 5 == 0 (held out: scored once, for the model card),
  to dev when n % 5 == 1 (the modern dev signal), to train otherwise.
  re3d's train part leaves out the BBC documents (CC BY-NC).
* re3d tags pronouns, descriptions and leading determiners; `re3d.*.txt`
  keeps only name-like spans, CoNLL style: a leading "the"/"a"/"an" is cut
  off, and a span left with no capitalised word becomes O.
* WNUT-17 and BTC keep their own splits. Each post becomes its own
  document, so document-level features never join unrelated posts.
* BTC writes a user mention as two tokens "@" and the name; the "@" token
  is dropped, so the name is the entity (news has no @-mentions).
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "ner-extra")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "target", "ner-data")
DOCSTART = "-DOCSTART- -X- -X- O"


def documents(path):
    """Documents as lists of sentences; a sentence is a list of (word, tag)."""
    docs, doc, sent = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if sent:
                    doc.append(sent)
                    sent = []
                if doc:
                    docs.append(doc)
                doc = []
            elif not line.strip():
                if sent:
                    doc.append(sent)
                    sent = []
            else:
                cols = line.split()
                sent.append((cols[0], cols[-1]))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def write(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for doc in docs:
            f.write(DOCSTART + "\n\n")
            for sent in doc:
                for w, t in sent:
                    f.write(f"{w} -X- -X- {t}\n")
                f.write("\n")
    print(f"{path}: {len(docs)} documents, {sum(len(d) for d in docs)} sentences")


def spans(sent):
    out, start = [], None
    for i, (_, t) in enumerate(sent + [("", "O")]):
        if start is not None and not t.startswith("I-"):
            out.append((start, i, sent[start][1][2:]))
            start = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start = i
    return out


def name_like(sent):
    """re3d spans cut to CoNLL-style names (see the module comment)."""
    words = [w for w, _ in sent]
    tags = ["O"] * len(sent)
    for s, e, ty in spans(sent):
        while s < e and words[s].lower() in ("the", "a", "an"):
            s += 1
        if any(w[:1].isupper() for w in words[s:e]):
            tags[s:e] = [f"B-{ty}"] + [f"I-{ty}"] * (e - s - 1)
    return list(zip(words, tags))


def drop_at_signs(sent):
    out = []
    for i, (w, t) in enumerate(sent):
        if w == "@" and i + 1 < len(sent):
            nxt_w, nxt_t = sent[i + 1]
            if t.startswith("B-") and nxt_t.startswith("I-"):
                sent[i + 1] = (nxt_w, "B-" + nxt_t[2:])
            continue
        out.append((w, t))
    return out


def by_fifths(docs):
    parts = {"train": [], "dev": [], "test": []}
    for n, d in enumerate(docs):
        parts["test" if n % 5 == 0 else "dev" if n % 5 == 1 else "train"].append(d)
    return parts


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, parts in by_fifths(documents(os.path.join(SRC, "wikigold", "wikigold.txt"))).items():
        write(os.path.join(OUT, f"wikigold.{name}.txt"), parts)
    re3d = os.path.join(SRC, "re3d")
    with open(os.path.join(re3d, "documents.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    docs = [[name_like(s) for s in d] for d in documents(os.path.join(re3d, "re3d.txt"))]
    assert len(rows) == len(docs), "documents.tsv and re3d.txt disagree"
    parts = by_fifths(list(zip(rows, docs)))
    for name, part in parts.items():
        keep = [d for row, d in part if name != "train" or row[1] != "BBC_Online"]
        write(os.path.join(OUT, f"re3d.{name}.txt"), keep)
    for corpus in ("wnut17", "btc"):
        for name in ("train", "dev", "test"):
            posts = [s for d in documents(os.path.join(SRC, corpus, f"{name}.txt")) for s in d]
            if corpus == "btc":
                posts = [drop_at_signs(list(s)) for s in posts]
            write(os.path.join(OUT, f"{corpus}.{name}.txt"), [[s] for s in posts if s])


if __name__ == "__main__":
    main()
