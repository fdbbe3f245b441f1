#!/usr/bin/env python3
"""kmap beside the peers of shared/bench, in one run, one table.

    Scripts/bench/bench.py KMAP [--runs 5] [--frames 100] [--only NAME,NAME] [--bench DIR]

DIR is a built copy of shared/bench (Scripts/bench/run makes it). Every command is timed as a whole process by
the bench's own tools/proctime.py (median of --runs, one warm-up), once with 1 frame and once with --frames;
per-frame = wall(N)/N. kmap runs its own frame (changes panel, inset, legend...: more work than the peers) and
the benchmark's reference frame (`--scene reference`: the C ceiling's work), both through `kmap-bench` (the
Benchmarks package), which renders N frames in one process as a sequence does. Ratios divide medians taken in
this same run.
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kmap")
    ap.add_argument("--bench", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--frames", type=int, default=100)
    ap.add_argument("--only", default="")
    ap.add_argument("--jobs", type=int, default=1, help="also time kmap's fast reference frames with this many jobs")
    a = ap.parse_args()
    sys.path.insert(0, a.bench)
    sys.path.insert(0, os.path.join(a.bench, "tools"))
    import run          # the bench's peer list
    from proctime import measure
    os.chdir(a.bench)
    campaign = os.path.join(HERE, "campaign")
    k = [os.path.abspath(a.kmap), "--campaign", campaign, "--theme", os.path.join(HERE, "theme.yaml")]
    peers = [p for p in run.PEERS]
    peers[4:4] = [
        ("kmap frame", "png", k + ["--format", "png"]),
        ("kmap reference", "png", k + ["--scene", "reference", "--format", "png"]),
    ]
    if a.jobs > 1:
        peers.insert(6, ("kmap reference, %d jobs" % a.jobs, "png", k + ["--scene", "reference", "--jobs", str(a.jobs)]))
    peers += [
        ("kmap frame SVG (kmap writer)", "svg", k + ["--format", "svg"]),
        ("kmap reference SVG (kmap writer)", "svg", k + ["--scene", "reference", "--format", "svg"]),
        ("kmap reference SVG (cairo)", "svg", k + ["--scene", "reference", "--format", "svg", "--svg-engine", "cairo"]),
    ]
    if a.only:
        keep = [s.strip().lower() for s in a.only.split(",")]
        peers = [p for p in peers if any(x in p[0].lower() for x in keep)]
    tmp = tempfile.mkdtemp(prefix="kmap-bench-")
    rows, firsts = [], {}
    try:
        for name, fmt, argv in peers:
            out = os.path.join(tmp, "o")
            shutil.rmtree(out, ignore_errors=True)
            try:
                one = measure(argv + ["--frames", "1", "--out", out], a.runs, 1)
            except SystemExit as e:
                print("skipped %s: %s" % (name, e), file=sys.stderr)
                continue
            files = sorted(glob.glob(os.path.join(out, "*")))
            size = os.path.getsize(files[0]) if files else float("nan")
            if files and fmt == "png":
                firsts[name] = os.path.join(tmp, "%d.png" % len(firsts))
                shutil.copy(files[0], firsts[name])
            shutil.rmtree(out, ignore_errors=True)
            seq = measure(argv + ["--frames", str(a.frames), "--out", out], max(3, a.runs // 2), 1)
            n = len(glob.glob(os.path.join(out, "*")))
            w1, wn = statistics.median(one["A"]["wall"]), statistics.median(seq["A"]["wall"])
            rows.append(dict(name=name, fmt=fmt, w1=w1, wn=wn, per=wn / a.frames, size=size, ok=n == a.frames,
                             peak=statistics.median(seq["A"]["peak_mib"])))
            print("done: %s" % name, file=sys.stderr)

        def ref(prefix):
            return next((r for r in rows if r["name"].startswith(prefix)), None)
        refs = [("x C ceiling", ref("C scene (cairo")), ("x C ceiling libdeflate", ref("C scene (libdeflate")),
                ("x Mapnik AGG", ref("Mapnik AGG png32")), ("x C SVG", ref("C scene SVG"))]
        print("| peer | 1 frame, ms | %d frames, s | ms/frame (seq) | %s | 1 frame x C ceiling | 1 frame x Mapnik AGG | file bytes | peak MiB |"
              % (a.frames, " | ".join(r[0] + " (seq)" for r in refs)))
        print("|---|---:|---:|---:|%s---:|---:|---:|---:|" % ("---:|" * len(refs)))
        for r in rows:
            cells = []
            for label, base in refs:
                ok = base and ((r["fmt"] == "svg") == (label == "x C SVG"))
                cells.append("%.2f" % (r["per"] / base["per"]) if ok else "-")
            c1, m1 = ref("C scene (cairo"), ref("Mapnik AGG png32")
            x1 = "%.2f" % (r["w1"] / c1["w1"]) if c1 and r["fmt"] == "png" else "-"
            xm = "%.2f" % (r["w1"] / m1["w1"]) if m1 and r["fmt"] == "png" else "-"
            print("| %s%s | %.1f | %.2f | %.1f | %s | %s | %s | %s | %.0f |" % (
                r["name"], "" if r["ok"] else " (WRONG FILE COUNT)", r["w1"] * 1e3, r["wn"], r["per"] * 1e3,
                " | ".join(cells), x1, xm, "{:,}".format(int(r["size"])) if r["size"] == r["size"] else "-", r["peak"]))
        c = firsts.get("C scene (cairo PNG writer)")
        for name in ("kmap reference",):
            if c and name in firsts:
                p = subprocess.run([run.PY, "tools/pixdiff.py", firsts[name], c], capture_output=True, text=True)
                print("\n%s frame 0 vs C ceiling frame 0 (decoded): %s" % (name, (p.stdout + p.stderr).strip()))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
