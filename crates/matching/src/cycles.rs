//! Enumeration of all feasible swaps: directed cycles of length 2..=K whose members share
//! at least one available week. Each cycle is listed once, starting at its smallest vertex.

use std::time::Instant;

use crate::graph::Graph;

/// All feasible cycles in a flat layout.
#[derive(Debug, Clone, Default)]
pub struct Cycles {
    /// `start[j]..start[j+1]` indexes `members` for cycle `j`.
    pub start: Vec<usize>,
    /// Members of all cycles, in cycle order (each takes the place of the next).
    pub members: Vec<u32>,
    /// Total edge weight of each cycle.
    pub weight: Vec<i64>,
    /// Common availability mask of each cycle (non-zero).
    pub weeks: Vec<u64>,
}

impl Cycles {
    pub fn len(&self) -> usize {
        self.weight.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weight.is_empty()
    }

    pub fn cycle(&self, j: usize) -> &[u32] {
        &self.members[self.start[j]..self.start[j + 1]]
    }

    fn push(&mut self, path: &[u32], weight: i64, weeks: u64) {
        self.members.extend_from_slice(path);
        self.start.push(self.members.len());
        self.weight.push(weight);
        self.weeks.push(weeks);
    }
}

/// Enumerates every cycle of length `2..=max_len` with a common week.
/// `limit` caps the number of cycles; `None` when it is exceeded or the deadline passes
/// (rings of four in a large graph can number tens of millions).
pub fn enumerate(g: &Graph, max_len: usize, limit: usize, deadline: Option<Instant>) -> Option<Cycles> {
    let n = g.n();
    let mut out = Cycles { start: vec![0], ..Default::default() };
    if max_len < 2 || n == 0 {
        return Some(out);
    }
    // closing[x] = weight of x -> a + 1 marker, for the current start vertex a.
    let mut in_start = vec![0usize; n + 1];
    for e in g.edges() {
        in_start[e.to + 1] += 1;
    }
    for i in 0..n {
        in_start[i + 1] += in_start[i];
    }
    let mut fill = in_start.clone();
    let mut in_from = vec![0u32; g.m()];
    let mut in_w = vec![0i64; g.m()];
    for e in g.edges() {
        let p = fill[e.to];
        in_from[p] = e.from as u32;
        in_w[p] = e.weight;
        fill[e.to] += 1;
    }
    let mut closing: Vec<Option<i64>> = vec![None; n];
    let mut on_path = vec![false; n];
    let mut path: Vec<u32> = Vec::with_capacity(max_len);
    for a in 0..n {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return None;
        }
        // Only vertices > a can follow; mark closers x -> a.
        let ins = in_start[a]..in_start[a + 1];
        let mut any_closer = false;
        for p in ins.clone() {
            let x = in_from[p] as usize;
            if x > a {
                closing[x] = Some(in_w[p]);
                any_closer = true;
            }
        }
        if any_closer && g.avail(a) != 0 {
            path.clear();
            path.push(a as u32);
            on_path[a] = true;
            if !dfs(g, a, g.avail(a), 0, max_len, &closing, &mut on_path, &mut path, &mut out, limit) {
                return None;
            }
            on_path[a] = false;
        }
        for p in ins {
            closing[in_from[p] as usize] = None;
        }
    }
    Some(out)
}

#[allow(clippy::too_many_arguments)]
fn dfs(
    g: &Graph,
    a: usize,
    mask: u64,
    weight: i64,
    max_len: usize,
    closing: &[Option<i64>],
    on_path: &mut [bool],
    path: &mut Vec<u32>,
    out: &mut Cycles,
    limit: usize,
) -> bool {
    let Some(&last) = path.last() else {
        return true;
    };
    let last = last as usize;
    let depth = path.len();
    for (b, w) in g.out_edges(last) {
        if b <= a || on_path[b] {
            continue;
        }
        let m = mask & g.avail(b);
        if m == 0 {
            continue;
        }
        let is_last_slot = depth + 1 == max_len;
        if is_last_slot && closing[b].is_none() {
            continue;
        }
        path.push(b as u32);
        if let Some(wc) = closing[b] {
            out.push(path, weight + w + wc, m);
            if out.len() > limit {
                return false;
            }
        }
        if !is_last_slot {
            on_path[b] = true;
            if !dfs(g, a, m, weight + w, max_len, closing, on_path, path, out, limit) {
                return false;
            }
            on_path[b] = false;
        }
        path.pop();
    }
    true
}
