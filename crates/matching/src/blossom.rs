//! Maximum-weight matching in general graphs (Edmonds' blossom algorithm with duals),
//! a port of Joris van Rantwijk's `mwmatching` (the algorithm networkx uses), O(n^3),
//! in exact integer arithmetic.
//!
//! With `max_cardinality` the result is a maximum-weight matching among the
//! maximum-cardinality matchings, i.e. the lexicographic optimum (cardinality, weight).
//! The duals are an optimality certificate; [`verify_optimum`] checks it.

#![allow(clippy::needless_range_loop)]

const NIL: usize = usize::MAX;

/// Result of [`max_weight_matching`]: `mate[v]` is v's partner or `None`.
#[derive(Debug, Clone)]
pub struct MatchingResult {
    pub mate: Vec<Option<usize>>,
    /// Dual variables (vertices then blossoms) of the final solution, for the certificate.
    pub dual: Vec<i64>,
    /// Blossom structure at the end (for the certificate): for each blossom id >= n that is
    /// in use, its leaves.
    pub blossoms: Vec<(usize, Vec<usize>)>,
}

struct State<'a> {
    n: usize,
    edges: &'a [(usize, usize, i64)],
    endpoint: Vec<usize>,
    neighbend: Vec<Vec<usize>>,
    mate: Vec<usize>,
    label: Vec<u8>,
    labelend: Vec<usize>,
    inblossom: Vec<usize>,
    blossomparent: Vec<usize>,
    blossomchilds: Vec<Vec<usize>>,
    blossombase: Vec<usize>,
    blossomendps: Vec<Vec<usize>>,
    bestedge: Vec<usize>,
    blossombestedges: Vec<Option<Vec<usize>>>,
    unusedblossoms: Vec<usize>,
    dualvar: Vec<i64>,
    allowedge: Vec<bool>,
    queue: Vec<usize>,
    bestedgeto: Vec<usize>,
    /// Indices (vertices and blossoms) whose label, bestedge or blossombestedges were set in
    /// this stage; only these need resetting, and only these can take part in a delta.
    dirty: Vec<usize>,
    is_dirty: Vec<bool>,
    dirty_edges: Vec<usize>,
}

fn idx(j: isize, len: usize) -> usize {
    j.rem_euclid(len as isize) as usize
}

impl State<'_> {
    fn touch(&mut self, i: usize) {
        if !self.is_dirty[i] {
            self.is_dirty[i] = true;
            self.dirty.push(i);
        }
    }

    fn allow(&mut self, k: usize) {
        if !self.allowedge[k] {
            self.allowedge[k] = true;
            self.dirty_edges.push(k);
        }
    }

    fn reset_stage(&mut self) {
        for i in std::mem::take(&mut self.dirty) {
            self.is_dirty[i] = false;
            self.label[i] = 0;
            self.bestedge[i] = NIL;
            if i >= self.n {
                self.blossombestedges[i] = None;
            }
        }
        for k in std::mem::take(&mut self.dirty_edges) {
            self.allowedge[k] = false;
        }
        self.queue.clear();
    }

    fn slack(&self, k: usize) -> i64 {
        let (i, j, wt) = self.edges[k];
        self.dualvar[i] + self.dualvar[j] - 2 * wt
    }

    /// DFS for an augmenting path of tight edges from free single vertex `v` through single
    /// vertices only; augments it and returns true when found.
    fn augment_tight(&mut self, v: usize, visited: &mut [u32], stamp: u32, depth: u32) -> bool {
        visited[v] = stamp;
        for ii in 0..self.neighbend[v].len() {
            let p = self.neighbend[v][ii];
            let w = self.endpoint[p];
            if visited[w] == stamp || self.inblossom[w] != w || self.slack(p / 2) != 0 {
                continue;
            }
            if self.mate[w] == NIL {
                visited[w] = stamp;
                self.mate[v] = p;
                self.mate[w] = p ^ 1;
                return true;
            }
            if depth == 0 {
                continue;
            }
            let u = self.endpoint[self.mate[w]];
            if visited[u] == stamp || self.inblossom[u] != u {
                continue;
            }
            visited[w] = stamp;
            if self.augment_tight(u, visited, stamp, depth - 1) {
                self.mate[v] = p;
                self.mate[w] = p ^ 1;
                return true;
            }
        }
        false
    }

    fn leaves(&self, b: usize, out: &mut Vec<usize>) {
        if b < self.n {
            out.push(b);
            return;
        }
        let mut stack = vec![b];
        while let Some(t) = stack.pop() {
            if t < self.n {
                out.push(t);
            } else {
                for &c in self.blossomchilds[t].iter().rev() {
                    stack.push(c);
                }
            }
        }
    }

    fn leaves_vec(&self, b: usize) -> Vec<usize> {
        let mut v = Vec::new();
        self.leaves(b, &mut v);
        v
    }

    fn assign_label(&mut self, w0: usize, t0: u8, p0: usize) {
        let (mut w, mut t, mut p) = (w0, t0, p0);
        loop {
            let b = self.inblossom[w];
            debug_assert!(self.label[w] == 0 && self.label[b] == 0);
            self.label[w] = t;
            self.label[b] = t;
            self.touch(w);
            self.touch(b);
            self.labelend[w] = p;
            self.labelend[b] = p;
            self.bestedge[w] = NIL;
            self.bestedge[b] = NIL;
            if t == 1 {
                let mut q = std::mem::take(&mut self.queue);
                self.leaves(b, &mut q);
                self.queue = q;
                return;
            }
            // t == 2
            let base = self.blossombase[b];
            let mb = self.mate[base];
            debug_assert!(mb != NIL);
            w = self.endpoint[mb];
            t = 1;
            p = mb ^ 1;
        }
    }

    fn scan_blossom(&mut self, v0: usize, w0: usize) -> usize {
        let (mut v, mut w) = (v0, w0);
        let mut path = Vec::new();
        let mut base = NIL;
        while v != NIL || w != NIL {
            let mut b = self.inblossom[v];
            if self.label[b] & 4 != 0 {
                base = self.blossombase[b];
                break;
            }
            debug_assert!(self.label[b] == 1);
            path.push(b);
            self.label[b] = 5;
            if self.labelend[b] == NIL {
                v = NIL;
            } else {
                v = self.endpoint[self.labelend[b]];
                b = self.inblossom[v];
                debug_assert!(self.label[b] == 2);
                v = self.endpoint[self.labelend[b]];
            }
            if w != NIL {
                std::mem::swap(&mut v, &mut w);
            }
        }
        for b in path {
            self.label[b] = 1;
        }
        base
    }

    fn add_blossom(&mut self, base: usize, k: usize) {
        let (mut v, mut w, _) = self.edges[k];
        let bb = self.inblossom[base];
        let mut bv = self.inblossom[v];
        let mut bw = self.inblossom[w];
        let Some(b) = self.unusedblossoms.pop() else {
            debug_assert!(false, "out of blossom ids");
            return;
        };
        self.blossombase[b] = base;
        self.blossomparent[b] = NIL;
        self.blossomparent[bb] = b;
        let mut path = Vec::new();
        let mut endps = Vec::new();
        while bv != bb {
            self.blossomparent[bv] = b;
            path.push(bv);
            endps.push(self.labelend[bv]);
            v = self.endpoint[self.labelend[bv]];
            bv = self.inblossom[v];
        }
        path.push(bb);
        path.reverse();
        endps.reverse();
        endps.push(2 * k);
        while bw != bb {
            self.blossomparent[bw] = b;
            path.push(bw);
            endps.push(self.labelend[bw] ^ 1);
            w = self.endpoint[self.labelend[bw]];
            bw = self.inblossom[w];
        }
        self.label[b] = 1;
        self.touch(b);
        self.labelend[b] = self.labelend[bb];
        self.dualvar[b] = 0;
        self.blossomchilds[b] = path.clone();
        self.blossomendps[b] = endps;
        for v in self.leaves_vec(b) {
            if self.label[self.inblossom[v]] == 2 {
                self.queue.push(v);
            }
            self.inblossom[v] = b;
        }
        let mut touched: Vec<usize> = Vec::new();
        for &bv in &path {
            let lists: Vec<usize> = match self.blossombestedges[bv].take() {
                None => {
                    let mut ks = Vec::new();
                    for v in self.leaves_vec(bv) {
                        for &p in &self.neighbend[v] {
                            ks.push(p / 2);
                        }
                    }
                    ks
                }
                Some(list) => list,
            };
            for k in lists {
                let (mut i, mut j, _) = self.edges[k];
                if self.inblossom[j] == b {
                    std::mem::swap(&mut i, &mut j);
                }
                let _ = i;
                let bj = self.inblossom[j];
                if bj != b && self.label[bj] == 1 {
                    let cur = self.bestedgeto[bj];
                    if cur == NIL {
                        touched.push(bj);
                        self.bestedgeto[bj] = k;
                    } else if self.slack(k) < self.slack(cur) {
                        self.bestedgeto[bj] = k;
                    }
                }
            }
            self.bestedge[bv] = NIL;
        }
        touched.sort_unstable();
        let mut best = Vec::with_capacity(touched.len());
        for bj in touched {
            best.push(self.bestedgeto[bj]);
            self.bestedgeto[bj] = NIL;
        }
        self.bestedge[b] = NIL;
        for &k in &best {
            if self.bestedge[b] == NIL || self.slack(k) < self.slack(self.bestedge[b]) {
                self.bestedge[b] = k;
            }
        }
        self.touch(b);
        self.blossombestedges[b] = Some(best);
    }

    fn expand_blossom(&mut self, b: usize, endstage: bool) {
        let childs = self.blossomchilds[b].clone();
        for &s in &childs {
            self.blossomparent[s] = NIL;
            if s < self.n {
                self.inblossom[s] = s;
            } else if endstage && self.dualvar[s] == 0 {
                self.expand_blossom(s, endstage);
            } else {
                for v in self.leaves_vec(s) {
                    self.inblossom[v] = s;
                }
            }
        }
        if !endstage && self.label[b] == 2 {
            let len = childs.len();
            let entrychild = self.inblossom[self.endpoint[self.labelend[b] ^ 1]];
            let pos = childs.iter().position(|&c| c == entrychild).unwrap_or(0);
            let mut j = pos as isize;
            let (jstep, endptrick): (isize, usize) = if j & 1 != 0 { (1, 0) } else { (-1, 1) };
            if j & 1 != 0 {
                j -= len as isize;
            }
            let endps = self.blossomendps[b].clone();
            let mut p = self.labelend[b];
            while j != 0 {
                let e1 = self.endpoint[p ^ 1];
                self.label[e1] = 0;
                let q = endps[idx(j - endptrick as isize, len)];
                let e2 = self.endpoint[q ^ endptrick ^ 1];
                self.label[e2] = 0;
                self.assign_label(e1, 2, p);
                self.allow(q / 2);
                j += jstep;
                p = endps[idx(j - endptrick as isize, len)] ^ endptrick;
                self.allow(p / 2);
                j += jstep;
            }
            let bv = childs[idx(j, len)];
            let e = self.endpoint[p ^ 1];
            self.label[e] = 2;
            self.label[bv] = 2;
            self.touch(e);
            self.touch(bv);
            self.labelend[e] = p;
            self.labelend[bv] = p;
            self.bestedge[bv] = NIL;
            j += jstep;
            while childs[idx(j, len)] != entrychild {
                let bv = childs[idx(j, len)];
                if self.label[bv] == 1 {
                    j += jstep;
                    continue;
                }
                let leaves = self.leaves_vec(bv);
                if let Some(&v) = leaves.iter().find(|&&v| self.label[v] != 0) {
                    debug_assert!(self.label[v] == 2 && self.inblossom[v] == bv);
                    self.label[v] = 0;
                    let mb = self.mate[self.blossombase[bv]];
                    self.label[self.endpoint[mb]] = 0;
                    let le = self.labelend[v];
                    self.assign_label(v, 2, le);
                }
                j += jstep;
            }
        }
        self.label[b] = 0;
        self.labelend[b] = NIL;
        self.blossomchilds[b] = Vec::new();
        self.blossomendps[b] = Vec::new();
        self.blossombase[b] = NIL;
        self.blossombestedges[b] = None;
        self.bestedge[b] = NIL;
        self.unusedblossoms.push(b);
    }

    fn augment_blossom(&mut self, b: usize, v: usize) {
        let mut t = v;
        while self.blossomparent[t] != b {
            t = self.blossomparent[t];
        }
        if t >= self.n {
            self.augment_blossom(t, v);
        }
        let len = self.blossomchilds[b].len();
        let i = self.blossomchilds[b].iter().position(|&c| c == t).unwrap_or(0);
        let mut j = i as isize;
        let (jstep, endptrick): (isize, usize) = if i & 1 != 0 { (1, 0) } else { (-1, 1) };
        if i & 1 != 0 {
            j -= len as isize;
        }
        while j != 0 {
            j += jstep;
            let t = self.blossomchilds[b][idx(j, len)];
            let p = self.blossomendps[b][idx(j - endptrick as isize, len)] ^ endptrick;
            if t >= self.n {
                self.augment_blossom(t, self.endpoint[p]);
            }
            j += jstep;
            let t = self.blossomchilds[b][idx(j, len)];
            if t >= self.n {
                self.augment_blossom(t, self.endpoint[p ^ 1]);
            }
            self.mate[self.endpoint[p]] = p ^ 1;
            self.mate[self.endpoint[p ^ 1]] = p;
        }
        self.blossomchilds[b].rotate_left(i);
        self.blossomendps[b].rotate_left(i);
        self.blossombase[b] = self.blossombase[self.blossomchilds[b][0]];
        debug_assert!(self.blossombase[b] == v);
    }

    fn augment_matching(&mut self, k: usize) {
        let (v, w, _) = self.edges[k];
        for (s0, p0) in [(v, 2 * k + 1), (w, 2 * k)] {
            let (mut s, mut p) = (s0, p0);
            loop {
                let bs = self.inblossom[s];
                debug_assert!(self.label[bs] == 1);
                if bs >= self.n {
                    self.augment_blossom(bs, s);
                }
                self.mate[s] = p;
                if self.labelend[bs] == NIL {
                    break;
                }
                let t = self.endpoint[self.labelend[bs]];
                let bt = self.inblossom[t];
                debug_assert!(self.label[bt] == 2);
                s = self.endpoint[self.labelend[bt]];
                let j = self.endpoint[self.labelend[bt] ^ 1];
                if bt >= self.n {
                    self.augment_blossom(bt, j);
                }
                self.mate[j] = self.labelend[bt];
                p = self.labelend[bt] ^ 1;
            }
        }
    }
}

/// Maximum-weight matching of the undirected graph on `n` vertices with the given edges
/// `(i, j, weight)` (no self-loops, no parallel edges). With `max_cardinality`, only
/// maximum-cardinality matchings are considered.
pub fn max_weight_matching(n: usize, edges: &[(usize, usize, i64)], max_cardinality: bool) -> MatchingResult {
    if n == 0 || edges.is_empty() {
        return MatchingResult { mate: vec![None; n], dual: vec![0; 2 * n], blossoms: Vec::new() };
    }
    let nedge = edges.len();
    let maxweight = edges.iter().map(|e| e.2).max().unwrap_or(0).max(0);
    let mut endpoint = Vec::with_capacity(2 * nedge);
    for &(i, j, _) in edges {
        endpoint.push(i);
        endpoint.push(j);
    }
    let mut neighbend = vec![Vec::new(); n];
    for (k, &(i, j, _)) in edges.iter().enumerate() {
        neighbend[i].push(2 * k + 1);
        neighbend[j].push(2 * k);
    }
    let mut dualvar = vec![maxweight; n];
    dualvar.extend(std::iter::repeat_n(0, n));
    let mut s = State {
        n,
        edges,
        endpoint,
        neighbend,
        mate: vec![NIL; n],
        label: vec![0; 2 * n],
        labelend: vec![NIL; 2 * n],
        inblossom: (0..n).collect(),
        blossomparent: vec![NIL; 2 * n],
        blossomchilds: vec![Vec::new(); 2 * n],
        blossombase: (0..n).chain(std::iter::repeat_n(NIL, n)).collect(),
        blossomendps: vec![Vec::new(); 2 * n],
        bestedge: vec![NIL; 2 * n],
        blossombestedges: vec![None; 2 * n],
        unusedblossoms: (n..2 * n).rev().collect(),
        dualvar,
        allowedge: vec![false; nedge],
        queue: Vec::new(),
        bestedgeto: vec![NIL; 2 * n],
        dirty: Vec::new(),
        is_dirty: vec![false; 2 * n],
        dirty_edges: Vec::new(),
    };
    let mut free: Vec<usize> = (0..n).collect();
    let mut visited: Vec<u32> = vec![0; n];
    let mut stamp: u32 = 0;
    let (mut skip_tight, mut backoff) = (0usize, 0usize);
    let stats = std::env::var_os("MATCHING_DEBUG_BLOSSOM").is_some();
    let (mut n_pops, mut n_scans, mut n_delta, mut n_dirty) = (0u64, 0u64, 0u64, 0u64);
    let mut n_stages = 0u64;
    for _stage in 0..n {
        n_stages += 1;
        s.reset_stage();
        free.retain(|&v| s.mate[v] == NIL);
        // Shortcut: any augmenting path of tight edges through single vertices (not in a
        // blossom) can be augmented right away: duals stay, matched edges stay tight, and all
        // free vertices keep equal duals. Find a maximal set of disjoint such paths by DFS
        // (each vertex visited once per pass) instead of one augmentation per stage.
        // The pass costs up to a scan of the tight subgraph; when it keeps finding nothing
        // (late stages), run it exponentially less often.
        if skip_tight == 0 {
            stamp += 1;
            let mut found = 0usize;
            for fi in 0..free.len() {
                let v = free[fi];
                if s.mate[v] == NIL
                    && s.inblossom[v] == v
                    && visited[v] != stamp
                    && s.augment_tight(v, &mut visited, stamp, 64)
                {
                    found += 1;
                }
            }
            if found == 0 {
                backoff = (backoff * 2).clamp(1, 64);
                skip_tight = backoff;
            } else {
                backoff = 0;
            }
        } else {
            skip_tight -= 1;
        }
        free.retain(|&v| s.mate[v] == NIL);
        for &v in &free {
            if s.label[s.inblossom[v]] == 0 {
                s.assign_label(v, 1, NIL);
            }
        }
        let mut augmented = false;
        loop {
            while let Some(v) = s.queue.pop() {
                n_pops += 1;
                n_scans += s.neighbend[v].len() as u64;
                debug_assert!(s.label[s.inblossom[v]] == 1);
                for ii in 0..s.neighbend[v].len() {
                    let p = s.neighbend[v][ii];
                    let k = p / 2;
                    let w = s.endpoint[p];
                    if s.inblossom[v] == s.inblossom[w] {
                        continue;
                    }
                    let mut kslack = 0;
                    if !s.allowedge[k] {
                        kslack = s.slack(k);
                        if kslack <= 0 {
                            s.allow(k);
                        }
                    }
                    if s.allowedge[k] {
                        if s.label[s.inblossom[w]] == 0 {
                            s.assign_label(w, 2, p ^ 1);
                        } else if s.label[s.inblossom[w]] == 1 {
                            let base = s.scan_blossom(v, w);
                            if base != NIL {
                                s.add_blossom(base, k);
                            } else {
                                s.augment_matching(k);
                                augmented = true;
                                break;
                            }
                        } else if s.label[w] == 0 {
                            s.label[w] = 2;
                            s.touch(w);
                            s.labelend[w] = p ^ 1;
                        }
                    } else if s.label[s.inblossom[w]] == 1 {
                        let b = s.inblossom[v];
                        if s.bestedge[b] == NIL || kslack < s.slack(s.bestedge[b]) {
                            s.bestedge[b] = k;
                            s.touch(b);
                        }
                    } else if s.label[w] == 0 && (s.bestedge[w] == NIL || kslack < s.slack(s.bestedge[w])) {
                        s.bestedge[w] = k;
                        s.touch(w);
                    }
                }
                if augmented {
                    break;
                }
            }
            if augmented {
                break;
            }
            // Compute delta.
            n_delta += 1;
            n_dirty += s.dirty.len() as u64;
            let mut deltatype = 0u8;
            let mut delta = 0i64;
            let mut deltaedge = NIL;
            let mut deltablossom = NIL;
            if !max_cardinality {
                deltatype = 1;
                delta = s.dualvar[..n].iter().copied().min().unwrap_or(0);
            }
            // One pass over the touched indices for the three candidate kinds; combined in
            // the original order (type 2, then 3, then 4, each only if strictly smaller).
            let (mut d2, mut e2) = (i64::MAX, NIL);
            let (mut d3, mut e3) = (i64::MAX, NIL);
            let (mut d4, mut b4) = (i64::MAX, NIL);
            for di in 0..s.dirty.len() {
                let b = s.dirty[di];
                let be = s.bestedge[b];
                if b < n && be != NIL && s.label[s.inblossom[b]] == 0 {
                    let d = s.slack(be);
                    if d < d2 {
                        d2 = d;
                        e2 = be;
                    }
                }
                if s.blossomparent[b] != NIL {
                    continue;
                }
                match s.label[b] {
                    1 if be != NIL => {
                        let kslack = s.slack(be);
                        debug_assert!(kslack % 2 == 0);
                        let d = kslack / 2;
                        if d < d3 {
                            d3 = d;
                            e3 = be;
                        }
                    }
                    2 if b >= n && s.blossombase[b] != NIL && s.dualvar[b] < d4 => {
                        d4 = s.dualvar[b];
                        b4 = b;
                    }
                    _ => {}
                }
            }
            if e2 != NIL && (deltatype == 0 || d2 < delta) {
                delta = d2;
                deltatype = 2;
                deltaedge = e2;
            }
            if e3 != NIL && (deltatype == 0 || d3 < delta) {
                delta = d3;
                deltatype = 3;
                deltaedge = e3;
            }
            if b4 != NIL && (deltatype == 0 || d4 < delta) {
                delta = d4;
                deltatype = 4;
                deltablossom = b4;
            }
            if deltatype == 0 {
                deltatype = 1;
                delta = s.dualvar[..n].iter().copied().min().unwrap_or(0).max(0);
            }
            let mut leaves = Vec::new();
            for di in 0..s.dirty.len() {
                let b = s.dirty[di];
                if s.blossomparent[b] != NIL || (b >= n && s.blossombase[b] == NIL) {
                    continue;
                }
                let sign = match s.label[b] {
                    1 => -1,
                    2 => 1,
                    _ => continue,
                };
                if b < n {
                    s.dualvar[b] += sign * delta;
                    continue;
                }
                leaves.clear();
                s.leaves(b, &mut leaves);
                for &v in &leaves {
                    s.dualvar[v] += sign * delta;
                }
                if b >= n {
                    s.dualvar[b] -= sign * delta;
                }
            }
            match deltatype {
                1 => break,
                2 => {
                    s.allow(deltaedge);
                    let (mut i, j, _) = edges[deltaedge];
                    if s.label[s.inblossom[i]] == 0 {
                        i = j;
                    }
                    s.queue.push(i);
                }
                3 => {
                    s.allow(deltaedge);
                    let (i, _, _) = edges[deltaedge];
                    s.queue.push(i);
                }
                _ => s.expand_blossom(deltablossom, false),
            }
        }
        if !augmented {
            break;
        }
        for di in 0..s.dirty.len() {
            let b = s.dirty[di];
            if b >= n && s.blossomparent[b] == NIL && s.blossombase[b] != NIL && s.label[b] == 1 && s.dualvar[b] == 0 {
                s.expand_blossom(b, true);
            }
        }
    }
    if stats {
        eprintln!(
            "blossom n={n} m={nedge} stages={n_stages} pops={n_pops} scans={n_scans} deltas={n_delta} dirty={n_dirty}"
        );
    }
    let mate = s.mate.iter().map(|&p| if p == NIL { None } else { Some(s.endpoint[p]) }).collect();
    let mut blossoms = Vec::new();
    for b in n..2 * n {
        if s.blossombase[b] != NIL {
            blossoms.push((b, s.leaves_vec(b)));
        }
    }
    MatchingResult { mate, dual: s.dualvar, blossoms }
}

/// Checks the dual certificate of a maximum-cardinality maximum-weight matching result:
/// complementary slackness and dual feasibility as in `mwmatching.verifyOptimum`.
/// Returns a description of the first violation.
pub fn verify_optimum(
    n: usize,
    edges: &[(usize, usize, i64)],
    res: &MatchingResult,
    max_cardinality: bool,
) -> Result<(), String> {
    if edges.is_empty() {
        return Ok(());
    }
    let vmin = res.dual[..n].iter().copied().min().unwrap_or(0);
    let offset = if max_cardinality { (-vmin).max(0) } else { 0 };
    if vmin + offset < 0 {
        return Err("negative vertex dual".into());
    }
    if res.dual[n..].iter().any(|&d| d < 0) {
        return Err("negative blossom dual".into());
    }
    let mut in_b: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (b, leaves) in &res.blossoms {
        for &v in leaves {
            in_b[v].push(*b);
        }
    }
    for &(i, j, wt) in edges {
        let mut s = res.dual[i] + res.dual[j] - 2 * wt;
        for b in &in_b[i] {
            if in_b[j].contains(b) {
                s += 2 * res.dual[*b];
            }
        }
        if s < 0 {
            return Err(format!("edge ({i},{j}) has negative slack {s}"));
        }
        if res.mate[i] == Some(j) && s != 0 {
            return Err(format!("matched edge ({i},{j}) has slack {s}"));
        }
    }
    for v in 0..n {
        if res.mate[v].is_none() && res.dual[v] + offset != 0 {
            return Err(format!("unmatched vertex {v} has dual {}", res.dual[v] + offset));
        }
    }
    let mut inside = vec![false; n];
    for (b, leaves) in &res.blossoms {
        if res.dual[*b] > 0 {
            for &v in leaves {
                inside[v] = true;
            }
            let matched = leaves.iter().filter(|&&v| res.mate[v].is_some_and(|m| inside[m])).count();
            for &v in leaves {
                inside[v] = false;
            }
            if matched + 1 != leaves.len() {
                return Err(format!("blossom {b} with positive dual is not full"));
            }
        }
    }
    Ok(())
}
