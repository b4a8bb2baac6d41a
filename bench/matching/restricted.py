"""Is there a packing with at least T people? HiGHS on the cycles that could be in one.

By LP duality, a packing with T people loses at most LP - T against the LP bound: the cycles it
uses have reduced cost at least -(LP - T), and the people it leaves out have duals summing to at
most LP - T (so everyone whose dual exceeds that must be covered). This script solves the LP of
the cycle formulation, keeps only those cycles, forces those people, and lets HiGHS search
for a packing of T people or prove there is none. It prints the best packing HiGHS found (it may
be below T) and its bound.

    python restricted.py INSTANCE T [TIME_LIMIT_SECONDS] [K]

Needs numpy and highspy (see README.md); reads and enumerates with shared/bench/solve_ref.py.
"""
import sys
import time

import highspy
import numpy as np

from bench import find_shared

sys.path.insert(0, find_shared())
import solve_ref as sr  # noqa: E402


def model(num_col, num_row, cost, start, index, col_lower, row_lower):
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = num_col, num_row
    lp.col_cost_ = cost
    lp.col_lower_, lp.col_upper_ = col_lower, np.ones(num_col)
    lp.row_lower_, lp.row_upper_ = row_lower, np.ones(num_row)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_, lp.a_matrix_.index_ = start, index
    lp.a_matrix_.value_ = np.ones(len(index))
    lp.sense_ = highspy.ObjSense.kMaximize
    return lp


def main():
    path, target = sys.argv[1], int(sys.argv[2])
    time_limit = float(sys.argv[3]) if len(sys.argv) > 3 else 600.0
    k = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    n, avail, us, vs, ws = sr.read_instance(path)
    cycles, _ = sr.enumerate_cycles(n, avail, us, vs, ws, k)
    start, index, lens = sr.colwise(cycles)
    nc = len(cycles)
    free_rows = np.full(n, -highspy.kHighsInf)

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.passModel(model(nc, n, lens.astype(float), start, index, np.zeros(nc), free_rows))
    t = time.time()
    h.run()
    y = np.array(h.getSolution().row_dual)
    reduced = lens - np.add.reduceat(y[index], start[:-1])
    # Cycles with positive reduced cost sit at their upper bound 1 in the LP.
    lp_bound = y.sum() + np.maximum(reduced, 0).sum()
    print(f"LP bound {lp_bound:.3f} people ({nc} cycles, {time.time() - t:.1f} s)", flush=True)

    slack = lp_bound - target
    keep = np.nonzero(reduced >= -slack - 1e-7)[0]
    must_cover = np.nonzero(y > slack + 1e-7)[0]
    must_use = reduced[keep] > slack + 1e-7
    sub_start = np.zeros(len(keep) + 1, dtype=np.int32)
    np.cumsum(lens[keep], out=sub_start[1:])
    sub_index = index[np.concatenate([np.arange(start[j], start[j + 1]) for j in keep])]
    row_lower = free_rows.copy()
    row_lower[must_cover] = 1.0

    mip = model(len(keep), n, lens[keep].astype(float), sub_start, sub_index, must_use.astype(float), row_lower)
    mip.integrality_ = [highspy.HighsVarType.kInteger] * len(keep)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", time_limit)
    h.setOptionValue("mip_abs_gap", 0.5)
    h.passModel(mip)
    t = time.time()
    h.run()
    info = h.getInfo()
    print(
        f"T {target}: {len(keep)} cycles kept, {len(must_cover)} people forced, {int(must_use.sum())} cycles forced; "
        f"{h.modelStatusToString(h.getModelStatus())}, best {info.objective_function_value:.0f}, "
        f"bound {info.mip_dual_bound:.2f}, {info.mip_node_count} nodes, {time.time() - t:.1f} s",
        flush=True,
    )


if __name__ == "__main__":
    main()
