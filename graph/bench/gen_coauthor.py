#!/usr/bin/python3
"""Writes a synthetic weighted co-authorship edge list ("u v shared_papers")
with lab structure, heavy-tailed productivity and team sizes (mean ~3.5,
rare large teams). Fixed seed: the same file every run.

    /usr/bin/python3 gen_coauthor.py AUTHORS PAPERS > graph.txt
"""
import random
import sys
from collections import Counter


def main():
    authors = int(sys.argv[1]) if len(sys.argv) > 1 else 25000
    papers = int(sys.argv[2]) if len(sys.argv) > 2 else 30000
    rng = random.Random(20261126)
    # Labs of heavy-tailed size; productivity weights Pareto.
    labs, start = [], 0
    while start < authors:
        size = min(authors - start, max(3, int(rng.paretovariate(1.5) * 20)))
        labs.append(list(range(start, start + size)))
        start += size
    weight = [rng.paretovariate(1.2) for _ in range(authors)]
    lab_weights = [[weight[a] for a in lab] for lab in labs]
    pairs = Counter()
    for _ in range(papers):
        li = rng.randrange(len(labs))
        lab = labs[li]
        if rng.random() < 0.01:
            team = rng.randint(20, 100)
        else:
            team = 1
            while rng.random() < 0.6 and team < 40:
                team += 1
        members = set()
        for _ in range(team):
            if rng.random() < 0.85:
                members.add(rng.choices(lab, lab_weights[li])[0])
            else:
                members.add(rng.randrange(authors))
        members = sorted(members)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pairs[(a, b)] += 1
    for (a, b), w in sorted(pairs.items()):
        print(a, b, w)


if __name__ == "__main__":
    main()
