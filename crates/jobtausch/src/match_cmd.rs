//! `jobtausch match`: solves a `jobswap-v1` instance and prints the answer as one JSON object
//! (people, weight, optimal, bound, gap, seconds, swaps; the gap's weight is null while people
//! are missing to the bound), or with `--explain` in words (what the bound proves, each swap's
//! legs and common weeks). Progress goes to stderr for runs over a second; a malformed file is
//! reported with its line number. The time limit and `seconds`
//! count from the start of the command, reading the file included.

use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::time::{Duration, Instant};

/// Longest swap the command accepts: rings of four are the most the engine is built for (a
/// large graph already has tens of millions of them).
pub const MAX_CYCLE: usize = 4;

/// Longest time limit accepted: a year.
const MAX_TIME_LIMIT_SECONDS: f64 = 365.0 * 24.0 * 3600.0;

/// Why the command could not answer.
#[derive(Debug, thiserror::Error)]
pub enum MatchError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: std::io::Error },
    #[error("{path}: {reason}")]
    Parse { path: String, reason: matching::ParseError },
    #[error("--max-cycle must be 2 (pairs), 3 (rings of three) or {MAX_CYCLE}, not {0}")]
    MaxCycle(usize),
    #[error("--time-limit must be a positive number of seconds up to a year ({MAX_TIME_LIMIT_SECONDS}), not {0}")]
    TimeLimit(f64),
    #[error("the solver failed on {0} (an internal error; please report it with the file)")]
    Solver(String),
}

/// How the answer is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The JSON object of `shared/bench/README.md` (with the gap besides).
    Json,
    /// Sentences: see [`matching::explain`].
    Explained,
}

/// Solves the instance in `path`; returns the answer as `output` asks.
pub fn run(
    path: &Path,
    max_cycle: usize,
    time_limit: Option<f64>,
    output: Output,
    progress: &mut dyn Write,
) -> Result<String, MatchError> {
    let t0 = Instant::now();
    if !(2..=MAX_CYCLE).contains(&max_cycle) {
        return Err(MatchError::MaxCycle(max_cycle));
    }
    let time_limit = match time_limit {
        Some(t) if t.is_finite() && t > 0.0 && t <= MAX_TIME_LIMIT_SECONDS => Some(Duration::from_secs_f64(t)),
        Some(t) => return Err(MatchError::TimeLimit(t)),
        None => None,
    };
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|reason| MatchError::Read { path: shown.clone(), reason })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
        let reason = matching::ParseError { line, message: "not UTF-8 text".into() };
        MatchError::Parse { path: shown.clone(), reason }
    })?;
    let graph = matching::Graph::parse(text).map_err(|reason| MatchError::Parse { path: shown.clone(), reason })?;
    let read = t0.elapsed();
    // The solver's clock starts now: what reading took comes off its limit.
    let opts = matching::SolveOptions { max_cycle, time_limit: time_limit.map(|t| t.saturating_sub(read)) };
    let solved = std::panic::catch_unwind(AssertUnwindSafe(|| {
        matching::solve(&graph, &opts, &mut |p| {
            let elapsed = read + p.elapsed;
            if elapsed >= Duration::from_secs(1) {
                // A failed write to stderr must not stop the solver.
                let _ = writeln!(
                    progress,
                    "[{:>7.1}s] {:?}: {} people, weight {}; bound {} people, weight {}; gap {} people",
                    elapsed.as_secs_f64(),
                    p.phase,
                    p.people,
                    p.weight,
                    p.bound.people,
                    p.bound.weight,
                    matching::Gap::between(p.people, p.weight, p.bound).people,
                );
            }
        })
    }));
    let mut solution = solved.map_err(|_| MatchError::Solver(shown))?;
    solution.seconds = t0.elapsed().as_secs_f64();
    Ok(match output {
        Output::Json => solution.to_json(),
        Output::Explained => matching::explain(&graph, &solution),
    })
}
