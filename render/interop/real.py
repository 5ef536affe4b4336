#!/usr/bin/python3
"""Read back the exports of the real files, one folder a file, with
readback.py's checks (networkx and python-igraph): run by
TestRealExports (real_test.go), which writes the folders.

    /usr/bin/python3 render/interop/real.py OUT

OUT holds one folder per input file with csv/, g.graphml, g.gexf,
g.json, g.net and vos/ as coauthor export writes them. For each folder
it prints one line (nodes, edges, and "ok" or the checks that failed,
with readback.py's report), and exits 1 when any failed.
"""
import contextlib
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import readback  # noqa: E402


def main():
    out = sys.argv[1]
    failed = 0
    for name in sorted(os.listdir(out)):
        d = os.path.join(out, name)
        report = io.StringIO()
        with contextlib.redirect_stdout(report):
            try:
                ok = readback.check(d, path=name)
            except Exception as e:  # a client that cannot read a file
                print(f"error: {type(e).__name__}: {e}")
                ok = False
        first = report.getvalue().splitlines()[0] if report.getvalue() else ""
        size = first.split(":")[0].split(None, 1)[-1] if first.startswith("csv") else "?"
        print(f"{name}: {size}: {'ok' if ok else 'FAILED'}")
        if not ok:
            failed += 1
            print("    " + report.getvalue().replace("\n", "\n    "))
    print(f"{failed} of {len(os.listdir(out))} folders failed")
    sys.exit(1 if failed else 0)


main()
