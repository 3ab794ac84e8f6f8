#!/usr/bin/env python3
"""Real-text harness: run wirecheck on real published translations and match every
warning- and error-level finding against the adjudication file.

    python3 benches/realtext.py                      # build first: cargo build --release
    python3 benches/realtext.py --tool OTHER_BINARY  # another build
    python3 benches/realtext.py --todo todo.tsv      # unlabelled findings, to adjudicate
    python3 benches/realtext.py --json out.json      # the counts, for a diff between builds

The sets are the team's real-text clean sets, `../shared/dev/clean` and
`../shared/dev13/clean` (read in place, never copied; a set that is absent is
skipped with a notice). The labels are `tests/realtext/labels.tsv`: one line per
adjudicated finding, with set, folder, check id, French and English paragraph
indices, a key (the first 8 hex digits of sha256(fr_text + "\\x1f" + en_text), so two
findings of one check on one bead are told apart), the label and a tag naming the
phenomenon. Indices and tags only: no text from the data.

Labels: TP (a real divergence a desk must see), STYLE (same fact, wrong form for a
French reader), FP (the translation is faithful there).

Printed: per check and severity, TP / STYLE / FP / unlabelled counts; the precision
of error-level findings (TP over all labelled); the gate on the clean sets (docs
blocked, and how many of those only by false alarms or style points); the
unlabelled findings (gained since the labels were written) and the labelled ones
no longer produced (lost). Exit status 0, or 2 when the tool cannot run.
"""

import argparse
import collections
import concurrent.futures
import hashlib
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = {"dev": "../shared/dev/clean", "dev13": "../shared/dev13/clean"}


def key_of(f):
    t = (f.get("fr_text", "") + "\x1f" + f.get("en_text", "")).encode("utf-8")
    return hashlib.sha256(t).hexdigest()[:8]


def idx(v):
    return ",".join(str(i) for i in v) if v else "-"


def load_labels(path):
    labels = {}
    if not os.path.exists(path):
        return labels
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 8:
                sys.exit(f"error: {path}:{n}: expected 8 tab-separated columns, got {len(cols)}")
            s, folder, check, fr, en, key, label, tag = cols
            if label not in ("TP", "STYLE", "FP"):
                sys.exit(f"error: {path}:{n}: label must be TP, STYLE or FP, not {label!r}")
            labels[(s, folder, check, fr, en, key)] = (label, tag)
    return labels


def run_one(tool, set_name, folder, path):
    p = subprocess.run(
        [tool, "check", path, "--format", "json"],
        capture_output=True,
        text=True,
    )
    if p.returncode not in (0, 1):
        return set_name, folder, None, p.stderr.strip()
    return set_name, folder, json.loads(p.stdout), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tool", default=os.path.join(ROOT, "target/release/wirecheck"))
    ap.add_argument("--labels", default=os.path.join(ROOT, "tests/realtext/labels.tsv"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--todo", help="write the unlabelled findings here (labels.tsv columns, label empty, message last)")
    ap.add_argument("--json", help="write the counts here")
    ap.add_argument("--quiet", action="store_true", help="do not list gained and lost findings")
    a = ap.parse_args()

    if not os.access(a.tool, os.X_OK):
        print(f"error: {a.tool} is not an executable (cargo build --release first)", file=sys.stderr)
        return 2
    labels = load_labels(a.labels)
    # a looser key for a finding whose texts changed: set, folder, check, fr, en
    loose = collections.defaultdict(set)
    for k, (label, _) in labels.items():
        loose[k[:5]].add(label)

    jobs = []
    present = []
    for s, rel in SETS.items():
        d = os.path.normpath(os.path.join(ROOT, rel))
        if not os.path.isdir(d):
            print(f"notice: {rel} not found; set {s} skipped")
            continue
        present.append(s)
        for folder in sorted(os.listdir(d)):
            p = os.path.join(d, folder)
            if os.path.isdir(p):
                jobs.append((s, folder, p))
    if not jobs:
        print("notice: no real-text set present; nothing to measure")
        return 0

    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        results = list(ex.map(lambda j: run_one(a.tool, *j), jobs))

    counts = collections.defaultdict(collections.Counter)  # (check, sev) -> label -> n
    seen = set()
    gained = []
    docs = collections.Counter()
    blocked = collections.Counter()
    blocked_by_false = collections.Counter()
    errors_per_set = collections.Counter()
    tags = collections.defaultdict(collections.Counter)  # (check, sev) -> tag -> n for FP/STYLE
    for s, folder, report, err in results:
        docs[s] += 1
        if report is None:
            print(f"error: {s}/{folder}: {err}", file=sys.stderr)
            continue
        doc_error_labels = []
        for f in report["findings"]:
            sev = f["severity"]
            if sev not in ("warning", "error"):
                continue
            k = (s, folder, f["id"], idx(f.get("fr")), idx(f.get("en")), key_of(f))
            if k in labels:
                label, tag = labels[k]
                seen.add(k)
            elif len(loose.get(k[:5], ())) == 1:
                label, tag = next(iter(loose[k[:5]])), "(matched without key)"
                for lk in labels:
                    if lk[:5] == k[:5]:
                        seen.add(lk)
            else:
                label, tag = "unlabelled", ""
                gained.append((k, sev, f["message"]))
            counts[(f["id"], sev)][label] += 1
            if label in ("FP", "STYLE"):
                tags[(f["id"], sev)][f"{label}:{tag}"] += 1
            if sev == "error":
                errors_per_set[s] += 1
                doc_error_labels.append(label)
        if report["verdict"] == "fail":
            blocked[s] += 1
            if doc_error_labels and all(l in ("FP", "STYLE") for l in doc_error_labels):
                blocked_by_false[s] += 1
    lost = [(k, labels[k]) for k in labels if k[0] in present and k not in seen]

    print(f"real-text harness: {len(jobs)} docs ({', '.join(f'{s} {docs[s]}' for s in present)}), labels {os.path.relpath(a.labels, ROOT)}")
    print()
    print(f"{'check':<28} {'severity':<8} {'TP':>4} {'STYLE':>5} {'FP':>4} {'unlab':>5}  precision")
    tot = collections.Counter()
    for (check, sev) in sorted(counts, key=lambda x: (x[1] != "error", x[0])):
        c = counts[(check, sev)]
        lab = c["TP"] + c["STYLE"] + c["FP"]
        prec = f"{c['TP'] / lab:.2f}" if lab else "-"
        print(f"{check:<28} {sev:<8} {c['TP']:>4} {c['STYLE']:>5} {c['FP']:>4} {c['unlabelled']:>5}  {prec}")
        if sev == "error":
            tot.update(c)
    lab = tot["TP"] + tot["STYLE"] + tot["FP"]
    print(f"{'all error-level':<28} {'error':<8} {tot['TP']:>4} {tot['STYLE']:>5} {tot['FP']:>4} {tot['unlabelled']:>5}  {tot['TP'] / lab:.2f}" if lab else "all error-level: none")
    print()
    for s in present:
        print(f"{s}/clean: {errors_per_set[s] / docs[s]:.2f} error-level findings per doc; "
              f"gate blocks {blocked[s]}/{docs[s]} docs, {blocked_by_false[s]} of them only by FP/STYLE findings")
    if not a.quiet:
        if any(tags.values()):
            print("\nfalse alarms and style points by phenomenon:")
            for (check, sev), t in sorted(tags.items()):
                print(f"  {check} ({sev}): " + ", ".join(f"{k} {n}" for k, n in t.most_common()))
        print(f"\ngained (unlabelled, to adjudicate): {len(gained)}")
        for k, sev, msg in gained:
            print(f"  {sev:<7} {k[0]}/{k[1]} {k[2]} fr {k[3]} en {k[4]} key {k[5]}: {msg[:140]}")
        print(f"\nlost (labelled, no longer reported): {len(lost)}"
              + (f" ({sum(1 for _, (l, _) in lost if l == 'TP')} TP)" if lost else ""))
        for k, (label, tag) in sorted(lost):
            print(f"  {label:<5} {k[0]}/{k[1]} {k[2]} fr {k[3]} en {k[4]} key {k[5]} [{tag}]")
    if a.todo:
        with open(a.todo, "w", encoding="utf-8") as fh:
            for k, sev, msg in gained:
                fh.write("\t".join(list(k) + ["", "", msg.replace("\t", " ")]) + "\n")
    if a.json:
        out = {
            "checks": {f"{c}/{s}": dict(v) for (c, s), v in counts.items()},
            "error_precision": (tot["TP"] / lab) if lab else None,
            "blocked": dict(blocked),
            "blocked_by_false": dict(blocked_by_false),
            "docs": dict(docs),
            "gained": len(gained),
            "lost": len(lost),
        }
        with open(a.json, "w") as fh:
            json.dump(out, fh, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
