#!/usr/bin/env python3
"""Matching benchmark: our engine against the reference solvers, side by side.

For every size: generate the instance with gen_jobswap.py (seed 1), run
  * ours:   the release build of crates/matching/examples/solve.rs (JSON on stdout),
  * nx:     solve_ref.py --method nx     (pairs only, K=2),
  * highs:  solve_ref.py --method highs  (cycle formulation MIP),
each under /usr/bin/time -v (wall seconds, peak memory) with a timeout, and print a table.
people ratio = people / best people found by any method for that instance and K;
time and memory ratios = the method's wall seconds and peak memory / our engine's.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def find_shared():
    for cand in [os.environ.get("JOBSWAP_BENCH_DIR"), os.path.join(ROOT, "..", "shared", "bench"),
                 "/work/shared/bench"]:
        if cand and os.path.exists(os.path.join(cand, "gen_jobswap.py")):
            return os.path.abspath(cand)
    sys.exit("gen_jobswap.py not found: set JOBSWAP_BENCH_DIR")


def timed(cmd, timeout):
    """Runs cmd under /usr/bin/time -v; returns (stdout, wall_s, peak_kb, timed_out)."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "", time.perf_counter() - t0, None, True
    wall = time.perf_counter() - t0
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    if p.returncode != 0:
        sys.stderr.write(p.stderr[-2000:])
    return p.stdout, wall, int(m.group(1)) if m else None, False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--ks", default="2,3")
    ap.add_argument("--methods", default="ours,nx,highs")
    ap.add_argument("--time-limit", type=float, default=60.0, help="our engine's --time-limit (s)")
    ap.add_argument("--ref-timeout", type=float, default=900.0, help="kill a reference run after (s)")
    ap.add_argument("--ref-time-limit", type=float, default=600.0, help="HiGHS time limit (s)")
    ap.add_argument("--nx-max-n", type=int, default=10000, help="skip nx above this size")
    ap.add_argument("--python", default=sys.executable, help="python with numpy (+networkx, highspy)")
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--table-only", action="store_true", help="print the table of out/results.jsonl")
    a = ap.parse_args()
    if a.table_only:
        with open(os.path.join(a.out, "results.jsonl")) as f:
            print_table([json.loads(line) for line in f if line.strip()])
        return
    shared = find_shared()
    os.makedirs(a.out, exist_ok=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    env = dict(os.environ, CARGO_BUILD_JOBS=os.environ.get("CARGO_BUILD_JOBS", "1"))
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "matching", "--example", "solve"],
                   cwd=ROOT, check=True, env=env)
    solver = os.path.join(target, "release", "examples", "solve")
    rows = []
    results = open(os.path.join(a.out, "results.jsonl"), "a")
    for n in [int(x) for x in a.sizes.split(",")]:
        inst = os.path.join(a.out, f"js_{n}_s1.txt")
        if not os.path.exists(inst):
            subprocess.run([a.python, os.path.join(shared, "gen_jobswap.py"), "--n", str(n), "--seed", "1",
                            "--out", inst], check=True)
        for k in [int(x) for x in a.ks.split(",")]:
            for meth in a.methods.split(","):
                if meth == "nx" and (k != 2 or n > a.nx_max_n):
                    continue
                r = {"n": n, "K": k, "method": meth}
                if meth == "ours":
                    out, wall, kb, to = timed([solver, inst, str(k), str(a.time_limit)], a.time_limit * 3 + 120)
                    if out.strip():
                        d = json.loads(out)
                        r.update(people=d["people"], weight=d["weight"], optimal=d["optimal"],
                                 bound=d["bound"], solve_s=d["seconds"])
                else:
                    cmd = [a.python, os.path.join(shared, "solve_ref.py"), inst, "--K", str(k), "--method", meth,
                           "--time-limit", str(a.ref_time_limit)]
                    out, wall, kb, to = timed(cmd, a.ref_timeout)
                    for line in out.splitlines():
                        if line.startswith("{"):
                            d = json.loads(line)
                            if meth == "nx":
                                r.update(people=d["people"], weight=d["weight"], optimal=True)
                            else:
                                r.update(people=d.get("people"), weight=d.get("check_weight"),
                                         optimal=d.get("stage1_status") == "Optimal"
                                         and d.get("stage2_status") == "Optimal",
                                         bound={"people": d.get("stage1_bound"), "weight": d.get("stage2_bound")})
                r.update(wall_s=round(wall, 2), peak_mb=round(kb / 1024, 1) if kb else None, timed_out=to)
                print(json.dumps(r), flush=True)
                results.write(json.dumps(r) + "\n")
                results.flush()
                rows.append(r)
    print_table(rows)


def print_table(rows):
    """people ratio: people / the most people any method found for that instance and K;
    time and memory ratios: this method's / our engine's (2.0 = twice ours)."""
    best, ours = {}, {}
    for r in rows:
        key = (r["n"], r["K"])
        if r.get("people") is not None:
            best[key] = max(best.get(key, 0), r["people"])
        if r["method"] == "ours":
            ours[key] = r
    print("\n| instance | K | method | people | weight | proven | bound | seconds | peak MB "
          "| people ratio | time ratio | memory ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        key = (r["n"], r["K"])
        p = r.get("people")
        b = r.get("bound") or {}
        ratio = f"{p / best[key]:.3f}" if p is not None and best.get(key) else "-"
        o = ours.get(key, {})
        t_ratio = f"{r['wall_s'] / o['wall_s']:.1f}" if o.get("wall_s") else "-"
        if r.get("timed_out") and t_ratio != "-":
            t_ratio = "> " + t_ratio
        m_ratio = f"{r['peak_mb'] / o['peak_mb']:.1f}" if r.get("peak_mb") and o.get("peak_mb") else "-"
        bound = f"{b.get('people')}/{b.get('weight')}" if b else "-"
        status = "timeout" if r.get("timed_out") else ("yes" if r.get("optimal") else "no")
        print(f"| n={r['n']} | {r['K']} | {r['method']} | {p if p is not None else '-'} | "
              f"{r.get('weight') if r.get('weight') is not None else '-'} | {status} | {bound} | "
              f"{r['wall_s']} | {r.get('peak_mb') or '-'} | {ratio} | {t_ratio} | {m_ratio} |")

if __name__ == "__main__":
    main()
