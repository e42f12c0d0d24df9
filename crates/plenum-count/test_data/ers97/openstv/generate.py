#!/usr/bin/env python3
"""Writes random elections as BLT files and counts each with OpenSTV's ERS97 STV, an
independent implementation of the ERS97 rules, storing what it reports in expected.jsonl.

OpenSTV is not part of plenum and none of its code is copied here: this script runs it,
from a checkout given on the command line, under Python 2.7 (OpenSTV 1.7 is Python 2).
The data it wrote is committed beside it, so the test in tests/ers97_openstv.rs needs
neither OpenSTV nor Python. To write it again (the output must not change):

    git clone https://github.com/Conservatory/openstv /tmp/openstv
    git -C /tmp/openstv checkout 2a267a4fe8c4d59310170f66c257ada2a1ebe0cd
    python3 generate.py --openstv /tmp/openstv --python2 python2.7

run from this folder. Each election is drawn from a seeded generator (Python's random, seed
= the election's number), so the files are the same every time.
"""

import argparse
import json
import os
import random
import subprocess
import sys

ELECTIONS = 150


def draw(number):
    """Candidates, seats and merged ballots of election `number`: candidates of unequal
    popularity, rankings of random length; some elections have many short ballots, so that
    exclusions in parts and deferred surpluses come up."""
    rng = random.Random(number)
    n = rng.randint(3, 9)
    seats = rng.randint(1, n - 1)
    popularity = [rng.randint(1, 100) for _ in range(n)]
    ballots = {}
    for _ in range(rng.randint(15, 250)):
        left = list(range(n))
        ranking = []
        for _ in range(rng.randint(1, n)):
            weights = [popularity[c] for c in left]
            pick = rng.choices(left, weights)[0]
            left.remove(pick)
            ranking.append(pick)
        key = tuple(ranking)
        ballots[key] = ballots.get(key, 0) + rng.randint(1, 3)
    return n, seats, sorted(ballots.items())


def blt(n, seats, ballots, title):
    lines = ["%d %d" % (n, seats)]
    for ranking, weight in ballots:
        lines.append("%d %s 0" % (weight, " ".join(str(c + 1) for c in ranking)))
    lines.append("0")
    lines.extend('"C%d"' % (c + 1) for c in range(n))
    lines.append('"%s"' % title)
    return "\n".join(lines) + "\n"


def run(args, report, path):
    command = [
        args.python2,
        os.path.join(args.openstv, "openstv", "runElection.py"),
        "-r",
        report,
        "ERS97STV",
        path,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--openstv", required=True, help="a checkout of OpenSTV")
    parser.add_argument("--python2", default="python2.7")
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    records = []
    for number in range(ELECTIONS):
        n, seats, ballots = draw(number)
        name = "e%03d.blt" % number
        path = os.path.join(here, name)
        with open(path, "w") as out:
            out.write(blt(n, seats, ballots, "random election %d" % number))
        text = run(args, "TextReport", path)
        minimal = run(args, "MinimalReport", path).strip().splitlines()
        winners = sorted(int(c) + 1 for c in minimal[0].split(","))
        rounds = [row.split(",")[1:] for row in minimal[1:]]
        # OpenSTV says when it had to break a tie; such counts are not compared.
        tie = "tie" in text.lower()
        records.append(
            {"file": name, "seats": seats, "winners": winners, "rounds": rounds, "tie": tie}
        )
        print(name, winners, "tie" if tie else "", file=sys.stderr)
    with open(os.path.join(here, "expected.jsonl"), "w") as out:
        for record in records:
            out.write(json.dumps(record, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
