#!/usr/bin/python3
"""Times `coauthor render` against Debian's native Graphviz (`sfdp -Tsvg`)
on the same pictures and prints medians and the ratio coauthor/native
(below 1: coauthor is faster). Run by hand from the repository root; not
part of CI. Needs Debian's graphviz (apt-get install graphviz).

    /usr/bin/python3 render/bench/compare.py [REPEATS]

coauthor's time is the whole command with its default layout (our force
layout, SVG written by our code, no Graphviz): read, measures, Leiden,
layout, labels and SVG. Native sfdp gets the DOT that `coauthor render
-layout sfdp -to dot` writes for the same picture and does layout and SVG
only. With --engines, coauthor -layout sfdp is timed too, for reference:
it runs the native sfdp (or, when none is on the PATH, coauthor-graphviz,
the WebAssembly one) and then draws its positions, so it cannot be faster
than sfdp alone.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

NET = "../shared/data/networks"
CASES = [
    ("built-in example (86)", []),
    ("netscience whole (1,589)", [NET + "/netscience.gml"]),
    ("netscience -top 300", [NET + "/netscience.gml", "-top", "300"]),
    ("ca-GrQc -top 300", [NET + "/ca-GrQc.txt", "-top", "300"]),
    ("ca-GrQc whole (5,242)", [NET + "/ca-GrQc.txt"]),
]


def timed(cmd, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    args = [a for a in sys.argv[1:] if a != "--engines"]
    engines = "--engines" in sys.argv[1:]
    repeats = int(args[0]) if args else 3
    work = tempfile.mkdtemp()
    exe = os.path.join(work, "coauthor")
    subprocess.run(["go", "build", "-o", exe, "./cmd/coauthor"], check=True)
    version = subprocess.run(["sfdp", "-V"], capture_output=True, text=True).stderr.strip()
    print("native:", version, "| coauthor: default layout (force, own SVG, no Graphviz)")
    print("%-28s %8s %12s %12s %8s" % ("picture", "layout", "coauthor s", "native s", "ratio"))
    for name, args in CASES:
        svg = os.path.join(work, "x.svg")
        dot = os.path.join(work, "x.dot")
        subprocess.run([exe, "render", "-layout", "sfdp", "-to", "dot", "-o", dot] + args,
                       check=True, stderr=subprocess.DEVNULL)
        native = timed(["sfdp", "-Tsvg", dot, "-o", os.path.join(work, "n.svg")], repeats)
        for layout in ("auto", "sfdp") if engines else ("auto",):
            if layout == "sfdp" and "whole (5,242)" in name:
                print("%-28s %8s %12s %12.3f %8s" % (name, layout, "> 600", native, "-"))
                continue
            ours = timed([exe, "render", "-layout", layout, "-o", svg] + args, repeats)
            print("%-28s %8s %12.3f %12.3f %8.2f" % (name, layout, ours, native, ours / native))


if __name__ == "__main__":
    main()
