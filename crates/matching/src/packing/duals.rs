//! Lagrangian bounds: LP multipliers (from the dense simplex or by PDHG), rounded to a
//! fixed-point grid and evaluated in exact integer arithmetic, so every bound is a proven
//! upper bound whatever the floating-point error (see the module comment of `packing`).

use std::time::Instant;

use crate::component::Comp;
use crate::simplex::Lp;

/// Components with at most this many rows (people and cuts) get their root LPs solved
/// exactly by the dense simplex (its inverse is `rows^2` floats: 72 MB at 3000).
pub(super) const SIMPLEX_MAX_ROWS: usize = 3000;

/// Fixed-point scale of the multipliers in the exact bound evaluation.
pub(super) const SCALE: f64 = 1_048_576.0; // 2^20

/// Multipliers of one stage: `y` per vertex and `lam` for the people constraint
/// (`lam` stays 0 in stage 1).
#[derive(Clone)]
pub(super) struct Duals {
    pub(super) y: Vec<f64>,
    pub(super) lam: f64,
}

/// Stage description: objective `c_j = base_j + lam * len_j`, minus `lam * people_floor`.
pub(super) struct Stage<'a> {
    pub(super) base: &'a [i64],
    /// `Some(P)`: stage 2 with the constraint people >= P; `None`: stage 1.
    pub(super) people_floor: Option<i64>,
}

/// Fixed-point multipliers used for exact evaluation.
#[derive(Clone)]
pub(super) struct FixedDuals {
    pub(super) y: Vec<i64>,
    pub(super) lam: i64,
}

pub(super) fn to_fixed(d: &Duals) -> FixedDuals {
    let f = |x: f64| {
        if x.is_finite() && x > 0.0 { (x * SCALE).floor().min(1e17) as i64 } else { 0 }
    };
    FixedDuals { y: d.y.iter().map(|&x| f(x)).collect(), lam: f(d.lam) }
}

/// Scaled reduced cost `S*c_j + lam*len_j - sum y` of cycle `j` (exact).
pub(super) fn rc_fixed(c: &Comp, st: &Stage<'_>, fd: &FixedDuals, j: usize) -> i128 {
    let mut rc = st.base[j] as i128 * SCALE as i128 + fd.lam as i128 * c.len[j] as i128;
    for &v in c.members(j) {
        rc -= fd.y[v as usize] as i128;
    }
    rc
}

/// Exact scaled Lagrangian value; the bound on the stage objective is `floor(value / S)`.
fn lagr_exact(c: &Comp, st: &Stage<'_>, fd: &FixedDuals) -> i128 {
    let mut val: i128 = fd.y.iter().map(|&y| y as i128).sum();
    if let Some(p) = st.people_floor {
        val -= fd.lam as i128 * p as i128;
    }
    for j in 0..c.nc() {
        val += rc_fixed(c, st, fd, j).max(0);
    }
    val
}

pub(super) fn floor_div_scale(v: i128) -> i64 {
    v.div_euclid(SCALE as i128) as i64
}

/// Exact bound of the multipliers of an optimal simplex basis, with its primal solution.
pub(super) fn lp_bound(c: &Comp, st: &Stage<'_>, lp: &Lp<'_>) -> (FixedDuals, i64, Vec<f64>) {
    let (y, lam) = lp.duals();
    let lam = if st.people_floor.is_some() { lam } else { 0.0 };
    let fd = to_fixed(&Duals { y, lam });
    let b = floor_div_scale(lagr_exact(c, st, &fd));
    let x = lp.primal();
    if std::env::var_os("MATCHING_DEBUG_LP").is_some() {
        let mut row = vec![0.0f64; c.nv];
        let (mut z, mut people) = (0.0, 0.0);
        for j in 0..c.nc() {
            for &v in c.members(j) {
                row[v as usize] += x[j];
            }
            z += x[j] * st.base[j] as f64;
            people += x[j] * c.len[j] as f64;
        }
        let viol = row.iter().fold(0.0f64, |a, &r| a.max(r - 1.0));
        eprintln!("    lp check: primal {z:.4} people {people:.4} max row violation {viol:.2e}, exact dual bound {b}");
    }
    (fd, b, x)
}

/// LP relaxation by PDHG (primal-dual hybrid gradient with restarts to the average):
///   max sum_j c_j x_j  s.t. each person in at most one cycle, 0 <= x <= 1
///   [stage 2 also: sum_j |j| x_j >= P].
/// Returns the best dual multipliers found (fixed point), their exact bound (`floor`), and
/// the primal iterate (for rounding heuristics). Stops early once the bound is `<= stop_at`.
pub(super) fn pdhg(
    c: &Comp,
    st: &Stage<'_>,
    max_iter: usize,
    stop_at: i64,
    deadline: Option<Instant>,
    warm: Option<(&[f64], f64)>,
) -> (FixedDuals, i64, Vec<f64>) {
    pdhg_x(c, st, max_iter, stop_at, deadline, warm, None)
}

/// [`pdhg`] with an optional primal warm start.
#[allow(clippy::too_many_arguments)]
pub(super) fn pdhg_x(
    c: &Comp,
    st: &Stage<'_>,
    max_iter: usize,
    stop_at: i64,
    deadline: Option<Instant>,
    warm: Option<(&[f64], f64)>,
    warm_x: Option<&[f64]>,
) -> (FixedDuals, i64, Vec<f64>) {
    let nc = c.nc();
    let nv = c.nv;
    let scale = st.base.iter().map(|b| b.abs()).max().unwrap_or(1).max(1) as f64;
    let obj: Vec<f64> = st.base.iter().map(|&b| b as f64 / scale).collect();
    // People row, normalised: -(len_j / r) x <= -(P / r).
    let (prow, prhs) = match st.people_floor {
        Some(p) => {
            let r = c.len.iter().map(|&l| (l * l) as f64).sum::<f64>().sqrt().max(1.0);
            (Some(1.0 / r), p as f64 / r)
        }
        None => (None, 0.0),
    };
    // Diagonal preconditioning (Pock-Chambolle, alpha = 1): per-column primal steps and
    // per-row dual steps from the absolute column and row sums.
    let theta = 1.0;
    let tau: Vec<f64> = (0..nc)
        .map(|j| {
            let col = c.len[j] as f64 * (1.0 + prow.unwrap_or(0.0));
            0.95 / (theta * col)
        })
        .collect();
    let sigma: Vec<f64> = (0..nv).map(|u| 0.95 * theta / (c.vstart[u + 1] - c.vstart[u]).max(1) as f64).collect();
    let sigma_p = match prow {
        Some(k) => 0.95 * theta / (k * c.len.iter().sum::<i64>() as f64).max(1e-12),
        None => 0.0,
    };
    let mut x = match warm_x {
        Some(wx) if wx.len() == nc => wx.to_vec(),
        _ => vec![0.0; nc],
    };
    let mut xn = vec![0.0; nc];
    let mut y = vec![0.0; nv];
    let mut lam = 0.0f64;
    if let Some((wy, wl)) = warm {
        for (t, &u) in y.iter_mut().zip(wy) {
            *t = u / scale;
        }
        if let Some(k) = prow {
            lam = wl / (k * scale);
        }
    }
    let mut xs = vec![0.0; nc];
    let mut ys = vec![0.0; nv];
    let mut lams = 0.0;
    let mut cnt = 0.0;
    let mut ax = vec![0.0; nv];
    // Dual (Lagrangian) value in the scaled objective units.
    let dual_value = |y: &[f64], lam: f64| -> f64 {
        let mut val: f64 = y.iter().sum::<f64>() - lam * prhs;
        for j in 0..nc {
            let mut rc = obj[j] + prow.map_or(0.0, |k| lam * k * c.len[j] as f64);
            for &u in c.members(j) {
                rc -= y[u as usize];
            }
            val += rc.max(0.0);
        }
        val
    };
    let to_duals = |y: &[f64], lam: f64| Duals {
        y: y.iter().map(|&t| t * scale).collect(),
        lam: prow.map_or(0.0, |k| lam * k * scale),
    };
    let mut best_val = f64::INFINITY;
    let mut best = (y.clone(), lam);
    let mut restart_val = f64::INFINITY;
    // Short runs (node re-solves) check often and give up early; long runs are patient.
    let (mut period, stale_limit) = if max_iter <= 2000 { (32usize, 4usize) } else { (64, 12) };
    let mut since = 0usize;
    let mut best_floor = i64::MAX;
    let mut stale = 0usize;
    for it in 0..max_iter {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        // Primal ascent step.
        for j in 0..nc {
            let mut g = obj[j];
            for &u in c.members(j) {
                g -= y[u as usize];
            }
            if let Some(k) = prow {
                g += lam * k * c.len[j] as f64;
            }
            xn[j] = (x[j] + tau[j] * g).clamp(0.0, 1.0);
        }
        // Dual descent step on the extrapolated primal.
        ax.iter_mut().for_each(|t| *t = 0.0);
        let mut pa = 0.0;
        for j in 0..nc {
            let t = 2.0 * xn[j] - x[j];
            for &u in c.members(j) {
                ax[u as usize] += t;
            }
            if let Some(k) = prow {
                pa -= k * c.len[j] as f64 * t;
            }
        }
        for u in 0..nv {
            y[u] = (y[u] + sigma[u] * (ax[u] - 1.0)).max(0.0);
        }
        if prow.is_some() {
            lam = (lam + sigma_p * (pa + prhs)).max(0.0);
        }
        std::mem::swap(&mut x, &mut xn);
        for j in 0..nc {
            xs[j] += x[j];
        }
        for u in 0..nv {
            ys[u] += y[u];
        }
        lams += lam;
        cnt += 1.0;
        since += 1;
        if since >= period || it + 1 == max_iter {
            since = 0;
            let yavg: Vec<f64> = ys.iter().map(|t| t / cnt).collect();
            let lavg = lams / cnt;
            let v_cur = dual_value(&y, lam);
            let v_avg = dual_value(&yavg, lavg);
            let (v_best_now, use_avg) = if v_avg < v_cur { (v_avg, true) } else { (v_cur, false) };
            if v_best_now < best_val {
                best_val = v_best_now;
                best = if use_avg { (yavg.clone(), lavg) } else { (y.clone(), lam) };
                let fd = to_fixed(&to_duals(&best.0, best.1));
                let b = floor_div_scale(lagr_exact(c, st, &fd));
                if b <= stop_at {
                    return (fd, b, x);
                }
                if b < best_floor {
                    best_floor = b;
                    stale = 0;
                }
            }
            if std::env::var_os("MATCHING_DEBUG_LP").is_some() {
                eprintln!(
                    "    pdhg it={it} period={period} cur={:.4} avg={:.4} best={:.4} floor={best_floor} scale={scale}",
                    v_cur * scale,
                    v_avg * scale,
                    best_val * scale
                );
            }
            // Stop when the integer bound has not moved for a while.
            stale += 1;
            if stale >= stale_limit {
                break;
            }
            // Restart from the average when it made good progress.
            if use_avg && v_avg < restart_val {
                for j in 0..nc {
                    x[j] = xs[j] / cnt;
                }
                y = yavg;
                lam = lavg;
                restart_val = v_avg;
            } else {
                period = (period * 2).min(4096);
            }
            xs.iter_mut().for_each(|t| *t = 0.0);
            ys.iter_mut().for_each(|t| *t = 0.0);
            lams = 0.0;
            cnt = 0.0;
            if deadline.is_some_and(|d| Instant::now() >= d) {
                break;
            }
        }
    }
    let fd = to_fixed(&to_duals(&best.0, best.1));
    let b = floor_div_scale(lagr_exact(c, st, &fd));
    (fd, b, x)
}

/// Weight bound for packings with at least `p` people using the stage-2 multipliers.
pub(super) fn w_ub_for(c: &Comp, st: &Stage<'_>, fd: &FixedDuals, p: i64) -> i64 {
    let st = Stage { base: st.base, people_floor: Some(p) };
    floor_div_scale(lagr_exact(c, &st, fd))
}
