//! The compatibility graph: people with availability masks, directed weighted edges.
//!
//! An edge `u -> v` means "u wants, and may, take v's place". Bit `w` of a person's
//! availability mask means week `w` is available.

use std::collections::HashMap;

/// Largest absolute edge weight accepted. Keeps every sum the solver forms far from `i64`
/// overflow (a swap of `K` edges, a packing of `n` people, and the lexicographic scaling).
pub const MAX_ABS_WEIGHT: i64 = 1_000_000;

/// Largest number of people accepted (vertex ids must fit comfortably in `u32`).
pub const MAX_PEOPLE: usize = 10_000_000;

/// Optional descriptive attributes of a person (not used by the solver).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PersonInfo {
    pub org: Option<u32>,
    pub region: Option<u32>,
    pub grade: Option<u32>,
}

/// A parse error of the `jobswap-v1` format, with the 1-based line it refers to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

/// An error while building a graph in code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    #[error("vertex {0} does not exist")]
    NoSuchVertex(usize),
    #[error("self-loop on vertex {0}")]
    SelfLoop(usize),
    #[error("duplicate edge {0} -> {1}")]
    DuplicateEdge(usize, usize),
    #[error("weight {0} out of range (|w| <= {MAX_ABS_WEIGHT})")]
    WeightOutOfRange(i64),
    #[error("too many people (at most {MAX_PEOPLE})")]
    TooManyPeople,
}

/// A directed edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub weight: i64,
}

/// Immutable compatibility graph with adjacency in compressed form (out-edges sorted by target).
#[derive(Debug, Clone, Default)]
pub struct Graph {
    avail: Vec<u64>,
    info: Vec<PersonInfo>,
    weeks: u32,
    /// `out_start[u]..out_start[u+1]` indexes `out_to`/`out_w`.
    out_start: Vec<usize>,
    out_to: Vec<u32>,
    out_w: Vec<i64>,
}

/// Builds a [`Graph`] in code.
#[derive(Debug, Clone, Default)]
pub struct GraphBuilder {
    avail: Vec<u64>,
    info: Vec<PersonInfo>,
    weeks: u32,
    edges: Vec<Edge>,
    seen: HashMap<(usize, usize), ()>,
}

impl GraphBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a person with the given availability mask; returns its id (0, 1, 2, ...).
    pub fn add_person(&mut self, avail: u64) -> Result<usize, BuildError> {
        self.add_person_with(avail, PersonInfo::default())
    }

    /// Adds a person with availability and descriptive attributes; returns its id.
    pub fn add_person_with(&mut self, avail: u64, info: PersonInfo) -> Result<usize, BuildError> {
        if self.avail.len() >= MAX_PEOPLE {
            return Err(BuildError::TooManyPeople);
        }
        self.avail.push(avail);
        self.info.push(info);
        self.weeks = self.weeks.max(64 - avail.leading_zeros());
        Ok(self.avail.len() - 1)
    }

    /// Adds the directed edge `from -> to` ("from wants to take to's place").
    pub fn add_edge(&mut self, from: usize, to: usize, weight: i64) -> Result<(), BuildError> {
        let n = self.avail.len();
        if from >= n {
            return Err(BuildError::NoSuchVertex(from));
        }
        if to >= n {
            return Err(BuildError::NoSuchVertex(to));
        }
        if from == to {
            return Err(BuildError::SelfLoop(from));
        }
        if !(-MAX_ABS_WEIGHT..=MAX_ABS_WEIGHT).contains(&weight) {
            return Err(BuildError::WeightOutOfRange(weight));
        }
        if self.seen.insert((from, to), ()).is_some() {
            return Err(BuildError::DuplicateEdge(from, to));
        }
        self.edges.push(Edge { from, to, weight });
        Ok(())
    }

    /// Number of people added so far.
    pub fn len(&self) -> usize {
        self.avail.len()
    }

    pub fn is_empty(&self) -> bool {
        self.avail.is_empty()
    }

    pub fn build(self) -> Graph {
        Graph::from_parts(self.avail, self.info, self.weeks, self.edges)
    }
}

impl Graph {
    fn from_parts(avail: Vec<u64>, info: Vec<PersonInfo>, weeks: u32, mut edges: Vec<Edge>) -> Graph {
        let n = avail.len();
        edges.sort_unstable_by_key(|e| (e.from, e.to));
        let mut out_start = vec![0usize; n + 1];
        for e in &edges {
            out_start[e.from + 1] += 1;
        }
        for i in 0..n {
            out_start[i + 1] += out_start[i];
        }
        let out_to = edges.iter().map(|e| e.to as u32).collect();
        let out_w = edges.iter().map(|e| e.weight).collect();
        Graph { avail, info, weeks, out_start, out_to, out_w }
    }

    /// Parses the `jobswap-v1` text format. Never panics; errors name the line.
    pub fn parse(text: &str) -> Result<Graph, ParseError> {
        parse(text)
    }

    /// Number of people (vertices).
    pub fn n(&self) -> usize {
        self.avail.len()
    }

    /// Number of directed edges.
    pub fn m(&self) -> usize {
        self.out_to.len()
    }

    /// Number of weeks (from the `p` line, or the highest week used when built in code).
    pub fn weeks(&self) -> u32 {
        self.weeks
    }

    /// Availability mask of person `v`.
    pub fn avail(&self, v: usize) -> u64 {
        self.avail[v]
    }

    /// Descriptive attributes of person `v`.
    pub fn info(&self, v: usize) -> PersonInfo {
        self.info[v]
    }

    /// Out-edges of `u` as `(target, weight)`, sorted by target.
    pub fn out_edges(&self, u: usize) -> impl Iterator<Item = (usize, i64)> + '_ {
        let r = self.out_start[u]..self.out_start[u + 1];
        self.out_to[r.clone()].iter().map(|&v| v as usize).zip(self.out_w[r].iter().copied())
    }

    /// Out-degree of `u`.
    pub fn out_degree(&self, u: usize) -> usize {
        self.out_start[u + 1] - self.out_start[u]
    }

    /// Weight of edge `u -> v`, if it exists (binary search).
    pub fn weight(&self, u: usize, v: usize) -> Option<i64> {
        if u >= self.n() || v >= self.n() {
            return None;
        }
        let r = self.out_start[u]..self.out_start[u + 1];
        let to = &self.out_to[r.clone()];
        to.binary_search(&(v as u32)).ok().map(|i| self.out_w[r.start + i])
    }

    /// All edges, sorted by `(from, to)`.
    pub fn edges(&self) -> impl Iterator<Item = Edge> + '_ {
        (0..self.n()).flat_map(move |u| self.out_edges(u).map(move |(v, w)| Edge { from: u, to: v, weight: w }))
    }

    /// Common availability of a set of people (AND of their masks).
    pub fn common_weeks(&self, members: &[usize]) -> u64 {
        members.iter().fold(u64::MAX, |m, &v| m & self.avail[v])
    }
}

fn err(line: usize, message: impl Into<String>) -> ParseError {
    ParseError { line, message: message.into() }
}

fn field<T: std::str::FromStr>(
    it: &mut std::str::SplitAsciiWhitespace<'_>,
    line: usize,
    what: &str,
) -> Result<T, ParseError> {
    let tok = it.next().ok_or_else(|| err(line, format!("missing field `{what}`")))?;
    tok.parse::<T>().map_err(|_| err(line, format!("invalid {what} `{tok}`")))
}

fn end(it: &mut std::str::SplitAsciiWhitespace<'_>, line: usize) -> Result<(), ParseError> {
    match it.next() {
        None => Ok(()),
        Some(tok) => Err(err(line, format!("unexpected extra field `{tok}`"))),
    }
}

fn parse(text: &str) -> Result<Graph, ParseError> {
    // (n, m, weeks, line of the p line)
    let mut header: Option<(usize, usize, u32, usize)> = None;
    let mut avail: Vec<u64> = Vec::new();
    let mut info: Vec<PersonInfo> = Vec::new();
    let mut defined: Vec<bool> = Vec::new();
    let mut edges: Vec<Edge> = Vec::new();
    let mut last_line = 0;
    for (idx, raw) in text.lines().enumerate() {
        let line = idx + 1;
        last_line = line;
        let mut it = raw.split_ascii_whitespace();
        let Some(kind) = it.next() else { continue };
        match kind {
            "c" => continue,
            "p" => {
                if header.is_some() {
                    return Err(err(line, "second `p` line"));
                }
                let n: usize = field(&mut it, line, "number of people n")?;
                let m: usize = field(&mut it, line, "number of edges m")?;
                let weeks: u32 = field(&mut it, line, "number of weeks")?;
                end(&mut it, line)?;
                if n > MAX_PEOPLE {
                    return Err(err(line, format!("n = {n} is too large (at most {MAX_PEOPLE})")));
                }
                if weeks > 64 {
                    return Err(err(line, format!("weeks = {weeks} is too large (at most 64)")));
                }
                avail = vec![0; n];
                info = vec![PersonInfo::default(); n];
                defined = vec![false; n];
                edges.reserve(m.min(10_000_000));
                header = Some((n, m, weeks, line));
            }
            "v" => {
                let Some((n, _, weeks, _)) = header else {
                    return Err(err(line, "`v` line before the `p` line"));
                };
                let id: usize = field(&mut it, line, "vertex id")?;
                let org: u32 = field(&mut it, line, "org")?;
                let region: u32 = field(&mut it, line, "region")?;
                let grade: u32 = field(&mut it, line, "grade")?;
                let mask: u64 = field(&mut it, line, "availability mask")?;
                end(&mut it, line)?;
                if id >= n {
                    return Err(err(line, format!("vertex id {id} out of range 0..{n}")));
                }
                if defined[id] {
                    return Err(err(line, format!("vertex {id} defined twice")));
                }
                if weeks < 64 && mask >> weeks != 0 {
                    return Err(err(line, format!("availability mask {mask} uses weeks beyond {weeks}")));
                }
                defined[id] = true;
                avail[id] = mask;
                info[id] = PersonInfo { org: Some(org), region: Some(region), grade: Some(grade) };
            }
            "e" => {
                let Some((n, _, _, _)) = header else {
                    return Err(err(line, "`e` line before the `p` line"));
                };
                let u: usize = field(&mut it, line, "edge source u")?;
                let v: usize = field(&mut it, line, "edge target v")?;
                let w: i64 = field(&mut it, line, "edge weight w")?;
                end(&mut it, line)?;
                if u >= n {
                    return Err(err(line, format!("edge source {u} out of range 0..{n}")));
                }
                if v >= n {
                    return Err(err(line, format!("edge target {v} out of range 0..{n}")));
                }
                if u == v {
                    return Err(err(line, format!("self-loop on vertex {u}")));
                }
                if !(-MAX_ABS_WEIGHT..=MAX_ABS_WEIGHT).contains(&w) {
                    return Err(err(line, format!("weight {w} out of range (|w| <= {MAX_ABS_WEIGHT})")));
                }
                edges.push(Edge { from: u, to: v, weight: w });
            }
            other => {
                return Err(err(line, format!("unknown line type `{other}` (expected c, p, v or e)")));
            }
        }
    }
    let Some((n, m, weeks, pline)) = header else {
        let what = if last_line == 0 { "the file is empty: no `p` line" } else { "no `p` line found" };
        return Err(err(last_line.max(1), what));
    };
    if let Some(missing) = defined.iter().position(|d| !d) {
        return Err(err(pline, format!("vertex {missing} has no `v` line (n = {n})")));
    }
    if edges.len() != m {
        return Err(err(pline, format!("header announces m = {m} edges but the file has {}", edges.len())));
    }
    // Duplicate detection needs the line numbers: sort a permutation, report the later line.
    let mut order: Vec<usize> = (0..edges.len()).collect();
    order.sort_unstable_by_key(|&i| (edges[i].from, edges[i].to, i));
    for pair in order.windows(2) {
        let (a, b) = (edges[pair[0]], edges[pair[1]]);
        if a.from == b.from && a.to == b.to {
            let line = edge_line(text, pair[1]);
            return Err(err(line, format!("duplicate edge {} -> {}", b.from, b.to)));
        }
    }
    Ok(Graph::from_parts(avail, info, weeks, edges))
}

/// Line number (1-based) of the `k`-th `e` line; only used on the error path.
fn edge_line(text: &str, k: usize) -> usize {
    let mut count = 0;
    for (idx, raw) in text.lines().enumerate() {
        if raw.split_ascii_whitespace().next() == Some("e") {
            if count == k {
                return idx + 1;
            }
            count += 1;
        }
    }
    0
}
