#!/usr/bin/env python3
"""Times bulk deposits against a running portal (issue 12). Standard library only.

  deposit-bench.py simulate --token T --file f.json [--runs 20]     # p50/p95 of POST /depots/simulation
  deposit-bench.py deposit  --token T --file f.json                 # one POST /depots, its duration
  deposit-bench.py parallel --tokens tokens.txt --files 'dir/*.json' # one deposit per token, all at once

Files come from make-deposit.py (give each supplier its own --first-finess so clients never collide).
Heap: run `jstat -gc <wildfly pid> 1000` beside it and read the old generation after each GC.
"""
import argparse
import glob
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request


def post(base, path, token, body):
    req = urllib.request.Request(base + path, data=body, method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            status, text = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read()
    return status, time.monotonic() - start, json.loads(text or b"{}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["simulate", "deposit", "parallel"])
    p.add_argument("--base", default="http://127.0.0.1:8080/segurnum/api/")
    p.add_argument("--token")
    p.add_argument("--tokens")
    p.add_argument("--file")
    p.add_argument("--files")
    p.add_argument("--runs", type=int, default=20)
    a = p.parse_args()
    if a.mode == "simulate":
        body = open(a.file, "rb").read()
        times = []
        for _ in range(a.runs):
            status, took, report = post(a.base, "depots/simulation", a.token, body)
            assert status == 200, (status, report)
            times.append(took)
        times.sort()
        print("simulate %d runs: p50 %.3f s, p95 %.3f s, errors reported %d" % (
            a.runs, statistics.median(times), times[int(0.95 * (len(times) - 1))], report.get("nombreErreurs")))
    elif a.mode == "deposit":
        status, took, outcome = post(a.base, "depots", a.token, open(a.file, "rb").read())
        print("deposit: HTTP %d in %.2f s, %s requests" % (status, took, outcome.get("nombreDemandes")))
        sys.exit(0 if status in (200, 201) else 1)
    else:
        tokens = [t.strip() for t in open(a.tokens) if t.strip()]
        files = sorted(glob.glob(a.files))
        assert len(files) >= len(tokens), "one file per token"
        results = [None] * len(tokens)

        def run(i):
            results[i] = post(a.base, "depots", tokens[i], open(files[i], "rb").read())

        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(tokens))]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - start
        failures = [r for r in results if r[0] not in (200, 201)]
        numbers = [n for r in results for n in r[2].get("demandes", [])]
        print("parallel: %d deposits in %.1f s wall, %d failures, %d requests, %d distinct" % (
            len(tokens), wall, len(failures), len(numbers), len(set(numbers))))
        sys.exit(1 if failures or len(numbers) != len(set(numbers)) else 0)


if __name__ == "__main__":
    main()
