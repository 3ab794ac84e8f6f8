#!/usr/bin/env python3
"""Recall and precision of `sentence-omitted` on generated cases: a sentence or a
clause dropped from a multi-sentence French paragraph of a real translation.

    python3 benches/sentence_drop.py                    # build first: cargo build --release
    python3 benches/sentence_drop.py --seed 7 --per-doc 2 --out /tmp/sentence_drop
    python3 benches/sentence_drop.py --list             # every case, found or missed

The clean pairs of `../shared/dev/clean` and `../shared/dev13/clean` are read in
place; the perturbed pairs are written under --out, OUTSIDE the repository (never
into it: the texts are not ours). For each doc and each kind (`sentence`,
`clause`), --per-doc cases are drawn with a seeded generator (same seed, same
cases):

- sentence: one sentence of six words or more is removed from a body paragraph
  (not the headline, the credits, or the sentence carrying the dateline) that has
  two sentences or more;
- clause: from such a paragraph, one comma-delimited piece of five words or more
  of a sentence (not the whole sentence) is removed, with its comma.

The sentence split here is a plain one of its own (end mark, space, capital), so
the measure does not lean on the tool's splitter.

Each case is run and compared with the run on its clean pair: a case is found
when a `sentence-omitted` finding that the clean run does not have names the
French paragraph the text was dropped from. Any other finding the perturbed run
gains is counted against precision (gen. precision = found / (found + other
gained sentence-omitted findings)). Precision on the faithful texts themselves is
the harness's (benches/realtext.py, adjudicated labels).
"""

import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = {"dev": "../shared/dev/clean", "dev13": "../shared/dev13/clean"}
CHECK = "sentence-omitted"
# a paragraph cut so short that it no longer pairs: reported as omitted instead
PARA = "paragraph-omitted"

SENT_END = re.compile(r"(?<=[.!?…])[»\"”)]*\s+(?=[«\"“(]?[A-ZÀ-Ý0-9])")
ABBREV = re.compile(r"(?:\b[A-Z]|\bM|\bMM|\bMme|\bDr|\bSt|\bav|\bJ\.-C)\.$")


def split_sentences(text):
    out, start = [], 0
    for m in SENT_END.finditer(text):
        head = text[start : m.start()].rstrip("»\"”) ")
        if ABBREV.search(head):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def paragraphs(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read().rstrip("\n").split("\n\n")


def candidates(paras, kind):
    """(paragraph, start, end) of every droppable piece of the French."""
    out = []
    last = len(paras) - 1
    for p, text in enumerate(paras):
        if p == 0 or p == last:
            continue
        sents = split_sentences(text)
        if len(sents) < 2:
            continue
        for k, (a, b) in enumerate(sents):
            if p == 1 and k == 0:
                continue  # the dateline's sentence
            if kind == "sentence":
                if len(text[a:b].split()) >= 6:
                    out.append((p, a, b))
                continue
            s = text[a:b]
            cuts = [0] + [m.end() for m in re.finditer(r",\s", s)] + [len(s)]
            if len(cuts) < 3:
                continue
            for x, y in zip(cuts, cuts[1:]):
                if len(s[x:y].split()) >= 5 and (x, y) != (0, len(s)):
                    out.append((p, a + x, a + y))
    return out


def drop(text, a, b, kind):
    head, tail = text[:a], text[b:]
    if kind == "sentence":
        return (head.rstrip() + " " + tail.lstrip()).strip()
    piece = text[a:b]
    if piece.rstrip().endswith(","):
        # a middle or first clause: remove it with its comma
        return head + tail.lstrip()
    # the last clause: remove it and the comma before, keep the end mark
    end = piece.rstrip()[-1:] if piece.rstrip()[-1:] in ".!?…»\"" else ""
    return head.rstrip().rstrip(",") + end + tail


def make_cases(seed, per_doc, out_dir):
    rng = random.Random(seed)
    cases = []
    for set_name, rel in SETS.items():
        base = os.path.normpath(os.path.join(ROOT, rel))
        if not os.path.isdir(base):
            print(f"notice: {base} not found, skipped", file=sys.stderr)
            continue
        for folder in sorted(os.listdir(base)):
            src = os.path.join(base, folder)
            if not os.path.isfile(os.path.join(src, "fr.txt")):
                continue
            paras = paragraphs(os.path.join(src, "fr.txt"))
            for kind in ("sentence", "clause"):
                cands = candidates(paras, kind)
                for n, (p, a, b) in enumerate(rng.sample(cands, min(per_doc, len(cands)))):
                    name = f"{set_name}-{folder}-{kind}-{n}"
                    d = os.path.join(out_dir, name)
                    os.makedirs(d, exist_ok=True)
                    new = list(paras)
                    new[p] = drop(paras[p], a, b, kind)
                    with open(os.path.join(d, "fr.txt"), "w", encoding="utf-8") as fh:
                        fh.write("\n\n".join(new) + "\n")
                    shutil.copy(os.path.join(src, "en.txt"), os.path.join(d, "en.txt"))
                    cases.append(
                        {"name": name, "set": set_name, "clean": src, "dir": d,
                         "kind": kind, "para": p, "dropped": paras[p][a:b]}
                    )
    return cases


def gold_en(clean, fr_para):
    """English paragraphs the gold pairs with a French one."""
    out = set()
    with open(os.path.join(clean, "gold.tsv"), encoding="utf-8") as fh:
        for line in fh:
            a, b = line.split()
            if int(a) == fr_para:
                out.add(int(b))
    return out


def findings(tool, path):
    p = subprocess.run([tool, "check", path, "--format", "json"], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"error: {tool} failed on {path}: {p.stderr.strip()}")
    return [f for f in json.loads(p.stdout)["findings"] if f["id"] in (CHECK, PARA)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tool", default=os.path.join(ROOT, "target/release/wirecheck"))
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--per-doc", type=int, default=1)
    ap.add_argument("--out", default="/tmp/sentence_drop")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--list", action="store_true", help="print every case")
    args = ap.parse_args()
    out_dir = os.path.abspath(args.out)
    if out_dir == ROOT or out_dir.startswith(ROOT + os.sep):
        sys.exit("error: --out must be outside the repository")
    if not os.path.isfile(args.tool):
        sys.exit(f"error: {args.tool} not found (cargo build --release)")
    shutil.rmtree(out_dir, ignore_errors=True)
    cases = make_cases(args.seed, args.per_doc, out_dir)
    if not cases:
        sys.exit("error: no case could be made (no clean set found)")
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        clean_dirs = sorted({c["clean"] for c in cases})
        base = dict(zip(clean_dirs, ex.map(lambda d: findings(args.tool, d), clean_dirs)))
        runs = list(ex.map(lambda c: findings(args.tool, c["dir"]), cases))
    stats = {}
    for c, got in zip(cases, runs):
        before = {(f["id"], tuple(f["fr"]), tuple(f["en"]), f["en_text"]) for f in base[c["clean"]]}
        gained = [f for f in got if (f["id"], tuple(f["fr"]), tuple(f["en"]), f["en_text"]) not in before]
        ens = gold_en(c["clean"], c["para"])
        hit = [f for f in gained if f["id"] == CHECK and c["para"] in f["fr"]]
        para_hit = [f for f in gained if f["id"] == PARA and ens & set(f["en"])]
        s = stats.setdefault((c["set"], c["kind"]), [0, 0, 0, 0, 0])
        s[0] += 1
        s[1] += bool(hit)
        s[2] += len([f for f in gained if f["id"] == CHECK]) - len(hit)
        s[3] += bool(hit or para_hit)
        s[4] += any(f["severity"] != "info" for f in hit)
        if args.list:
            mark = "found " if any(f["severity"] != "info" for f in hit) else "info  " if hit else "para  " if para_hit else "MISSED"
            print(f"{mark} {c['name']} fr¶{c['para']}: {c['dropped'][:90]!r}")
            for f in hit[:1]:
                print(f"         -> en {f['en']}: {f['en_text'][:90]!r}")
    print(f"sentence-omitted on generated drops (seed {args.seed}, {args.per_doc} per doc and kind, cases in {out_dir})")
    print("found: a gained sentence-omitted on the paragraph; other: gained sentence-omitted elsewhere;")
    print("+para: found, or a gained paragraph-omitted on the English paragraph (the cut paragraph no longer pairs)")
    print("warn: found at warning level (the rest are information: no name or number of the text is gone)")
    print(f"{'set':6} {'kind':9} {'cases':>5} {'found':>5} {'recall':>6} {'other':>5} {'precision':>9} {'+para':>6} {'warn':>6}")
    tot = {}
    for (set_name, kind), row in sorted(stats.items()):
        tot.setdefault(kind, [0, 0, 0, 0, 0])
        tot[kind] = [a + b for a, b in zip(tot[kind], row)]
    rows = sorted(stats.items()) + [(("all", k), v) for k, v in sorted(tot.items())]
    for (set_name, kind), (n, found, other, anyf, warn) in rows:
        prec = found / (found + other) if found + other else 0.0
        print(f"{set_name:6} {kind:9} {n:5} {found:5} {found / n:6.3f} {other:5} {prec:9.3f} {anyf / n:6.3f} {warn / n:6.3f}")


if __name__ == "__main__":
    main()
