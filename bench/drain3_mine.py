#!/usr/bin/env python3
"""Baseline for Causeway's benchmark: mine the templates of a log file with Drain3 (PyPI `drain3`), the
reference implementation of Drain, with its default configuration, one line at a time as its documentation
shows. Prints the number of lines, clusters and seconds as JSON."""
import json
import sys
import time

from drain3 import TemplateMiner

def main(path):
    miner = TemplateMiner()
    lines = 0
    start = time.perf_counter()
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            miner.add_log_message(line.rstrip("\n"))
            lines += 1
    elapsed = time.perf_counter() - start
    print(json.dumps({"lines": lines, "clusters": len(miner.drain.clusters), "seconds": elapsed}))

if __name__ == "__main__":
    main(sys.argv[1])
