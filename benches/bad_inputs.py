#!/usr/bin/env python3
"""Time and memory of `wirecheck check` on the hostile inputs of tests/bad_input.rs.

    cargo build --release && python3 benches/bad_inputs.py [target/release/wirecheck]

Each case is written to a temporary folder and checked as the French side against
the benchmark dispatch's English (and the reverse where the case is symmetric);
prints exit code, wall time, peak resident memory (GNU time, /usr/bin/time) and
the first line of stderr.
The tests assert the outcomes; this only measures them.
"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARGS = [a for a in sys.argv[1:] if not a.startswith("--timeout=")]
BIN = ARGS[0] if ARGS else os.path.join(ROOT, "target/release/wirecheck")
# --timeout=SECONDS: a run still going then is killed and shown as such (for
# measuring an old build on the cases it does not finish)
TIMEOUT = next((float(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--timeout=")), None)
FR = open(os.path.join(ROOT, "benches/data/dispatch/fr.txt"), encoding="utf-8").read()
EN = open(os.path.join(ROOT, "benches/data/dispatch/en.txt"), encoding="utf-8").read()


def cases():
    yield "empty", b"", None
    yield "whitespace only", b"  \n\t\n \r\n", None
    yield "binary", bytes(range(256)) * 64, None
    yield "invalid UTF-8", b"caf\xe9 \xff\xfe texte\n", None
    big = (FR + "\n") * ((50 << 20) // (len(FR.encode()) + 1) + 1)
    yield "50 MB file", big.encode(), None
    line = "le port a traité 3,2 millions de conteneurs " * ((5 << 20) // 44)
    yield "single 5 MB line", (line + "\n").encode(), None
    line15 = "le port a traité 3,2 millions de conteneurs " * ((15 << 20) // 44)
    yield "single 15 MB line", (line15 + "\n").encode(), None
    en_line = "the port handled 3.2 million containers " * ((5 << 20) // 40)
    yield "5 MB lines, both sides", (line + "\n").encode(), (en_line + "\n").encode()
    # a day of month and a figure, 230,000 times
    yield "5 MB line of dates", ("le 3 mai 12 personnes, " * ((5 << 20) // 23) + "\n").encode(), None
    # no figure in common: every French figure against every English one
    en_other = "the port handled 4.7 million containers " * ((5 << 20) // 40)
    yield "5 MB lines, no figure in common", (line + "\n").encode(), (en_other + "\n").encode()
    fr = ["Titre\n\n"]
    en = ["Title\n\n"]
    for k in range(10_000):
        fr.append(f"« Citation numéro {k} », a dit Petra Valsen. ")
        en.append(f'"Quote number {k}," Petra Valsen said. ')
        if k % 50 == 49:
            fr.append("\n\n")
            en.append("\n\n")
    yield "10,000 quotations (200 paragraphs)", "".join(fr).encode(), "".join(en).encode()
    yield "10,000 quotations (one paragraph)", "".join(fr).replace("\n\n", " ").encode(), "".join(en).replace("\n\n", " ").encode()
    # giant paragraphs: the sentence stage is bounded (sentences per group, clauses
    # per sentence, clause comparisons per pair) and says so in a finding
    yield "one sentence of 800 clauses", ("Titre\n\n" + "le port, a traité des conteneurs, " * 400 + "fin.\n").encode(), \
        ("Title\n\n" + "the port, handled containers, " * 400 + "end.\n").encode()
    yield "100 paragraphs of 60 long sentences", ("Titre\n\n" + "\n\n".join([("Le port, " * 29 + "fin. ") * 60] * 100) + "\n").encode(), \
        ("Title\n\n" + "\n\n".join([("The port, " * 29 + "end. ") * 60] * 100) + "\n").encode()
    yield "unbalanced quotes and brackets", ("Titre (sans fin\n\nPARIS, 3 mai (Reuters) - « Il a dit \"non [vraiment » ) ] (((\n\n"
        "\"\"\" « « » » » ) ( [ { } \u201couvert \u2018\n\n(Reportage Jean Dupont à Paris; édité par (Marie [Curie\n").encode(), None
    yield "control characters", FR.replace("port", "po\u0007rt\u001b[31m").replace(", ", ",\u0008 ").encode(), None
    yield "terminal escapes in every paragraph", "\n\n".join(
        f"\u001b]0;PASS {k}\u0007\u001b[2J\u001b[1;32m{p}\u001b[0m\u009b5m" for k, p in enumerate(FR.strip().split("\n\n"))).encode(), None
    yield "dense control characters", bytes((k % 31) + 1 for k in range(3000)), None
    yield "mixed scripts", ("Заголовок 標題 عنوان\n\nМОСКВА, 3 мая (Reuters) - Путин 東京 تقول 15 % שלום \u202einverse\u202c 👩\u200d👩\u200d👧 e\u0301te\u0301\n\n"
        "\u200f«اقتباس» said 李明, «цитата».\n\n(Reportage Жан Дюпон à Moscou; édité par 山田 太郎)\n").encode(), None
    body_fr = FR.strip().rsplit("\n\n", 1)[0]
    body_en = EN.strip().rsplit("\n\n", 1)[0]
    names_fr = ", ".join(f"Nom{k} Prénom{k} à Ville{k % 17}" for k in range(500))
    names_en = ", ".join(f"Nom{k} Prénom{k} in Ville{k % 17}" for k in range(500))
    yield "credits block of 500 names", f"{body_fr}\n\n(Reportage {names_fr}; édité par Paul Mercier)\n".encode(), \
        f"{body_en}\n\n(Reporting by {names_en}; Editing by Helen Ashby)\n".encode()
    # issue 16
    utf16 = b"\xff\xfe" + FR.encode("utf-16-le")
    yield "UTF-16 with a BOM", utf16, None
    yield "zero-width spaces only", "\u200b\u200b\n\ufeff\u200d\n".encode(), None
    yield "formula and bullet cells", (FR + "\n\n- un déficit de 5,4 %\n\n=HYPERLINK(\"x\")\n").encode(), None


def special_cases(d):
    """(name, fr path, en path) for inputs that are not plain files."""
    en_ok = os.path.join(d, "en_ok.txt")
    yield "/dev/zero as the French", "/dev/zero", en_ok
    for n in (10_000, 100_000):
        h = os.path.join(d, f"deep{n}.html")
        open(h, "w").write("<html><body>" + "<div>" * n + "<p>The port reopened on Tuesday.</p>" + "</div>" * n + "</body></html>")
        yield f"{n:,} nested divs (en.html)", os.path.join(d, "fr_ok.txt"), h
    para = "<p>The port reopened on Tuesday.</p>"
    storms = {
        "200,000 unclosed divs (en.html)": "<div>" * 200_000 + para,
        "100,000 nested spans (en.html)": "<span>" * 100_000 + para + "</span>" * 100_000,
        "50,000 nested tables (en.html)": "<table><tr><td>" * 50_000 + para,
        "50,000 <b><i> misnestings (en.html)": "<b><i>x</b></i>" * 50_000 + "<a><p><a>" * 20_000 + para,
        "100,000 attributes on one tag": "<p " + " ".join(f"a{i}=1" for i in range(100_000)) + ">x</p>" + para,
    }
    for name, body in storms.items():
        h = os.path.join(d, f"storm{len(name)}.html")
        open(h, "w").write("<html><body>" + body + "</body></html>")
        yield name, os.path.join(d, "fr_ok.txt"), h
    # the lede alone, 300 divs deep, as the French: checked (a report, exit 0 or 1), not "no text" (exit 2)
    h = os.path.join(d, "fr_deep.html")
    open(h, "w").write("<html><body>" + "<div>" * 300 + "<p>" + FR.split("\n\n")[1] + "</p>" + "</div>" * 300 + "</body></html>")
    yield "French paragraph 300 divs deep", h, en_ok


def run(fr_path, en_path, d):
    """Exit code, wall seconds, peak RSS in KB (GNU time), first stderr line."""
    rss_file = os.path.join(d, "rss")
    t = time.monotonic()
    p = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%M", "-o", rss_file,
                          BIN, "check", "--fr", fr_path, "--en", en_path, "--format", "json"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, stderr = p.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        p.communicate()
        return "-", time.monotonic() - t, 0, f"killed after {TIMEOUT:.0f} s"
    p.stderr = stderr
    wall = time.monotonic() - t
    peak = int(open(rss_file).read().split()[-1])
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    return p.returncode, wall, peak, err[0][:90] if err else ""


def main():
    print(f"{'case':38} {'side':5} {'exit':>4} {'wall':>8} {'peak RSS':>9}  message")
    with tempfile.TemporaryDirectory() as d:
        en_ok = os.path.join(d, "en_ok.txt")
        fr_ok = os.path.join(d, "fr_ok.txt")
        open(en_ok, "w", encoding="utf-8").write(EN)
        open(fr_ok, "w", encoding="utf-8").write(FR)
        for name, fr_bytes, en_bytes in cases():
            f = os.path.join(d, "fr_case.txt")
            open(f, "wb").write(fr_bytes)
            runs = []
            if en_bytes is None:
                runs.append(("fr", f, en_ok))
                e = os.path.join(d, "en_case.txt")
                open(e, "wb").write(fr_bytes)
                runs.append(("en", fr_ok, e))
            else:
                e = os.path.join(d, "en_case.txt")
                open(e, "wb").write(en_bytes)
                runs.append(("both", f, e))
            for side, a, b in runs:
                code, wall, peak, msg = run(a, b, d)
                print(f"{name:38} {side:5} {code:>4} {wall * 1000:>6.0f}ms {peak / 1024:>6.0f} MB  {msg}")
        for name, a, b in special_cases(d):
            code, wall, peak, msg = run(a, b, d)
            print(f"{name:38} {'':5} {code:>4} {wall * 1000:>6.0f}ms {peak / 1024:>6.0f} MB  {msg}")


if __name__ == "__main__":
    main()
