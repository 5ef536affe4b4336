#!/bin/sh
# Makes the fixtures of render's DOT reader (TestReadPositions) from
# small.dot: what native Graphviz (2.43.0, Debian's graphviz
# 2.42.2-7+deb12u1) writes after laying it out with dot, neato and circo
# (small.ENGINE.dot), what cmd/coauthor-graphviz writes for sfdp
# (small.sfdp-helper.dot, Graphviz 12.1.2 in WebAssembly), and for each the
# node centres as Graphviz's own -Tplain prints them (inches, the reader's
# oracle; neato -n2 keeps the positions it is given).
#   cd render/testdata/graphviz && sh gen.sh
set -eu
for e in dot neato circo; do
	$e -Tdot small.dot >small.$e.dot
done
go run ../../../cmd/coauthor-graphviz sfdp <small.dot >small.sfdp-helper.dot
for f in small.dot.dot small.neato.dot small.circo.dot small.sfdp-helper.dot; do
	neato -n2 -Tplain "$f" | awk '$1 == "node" { print $2, $3, $4 }' >"${f%.dot}.plain"
done
