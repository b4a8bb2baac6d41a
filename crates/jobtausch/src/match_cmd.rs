//! `jobtausch match`: solves a `jobswap-v1` instance and prints the answer as one JSON object
//! (people, weight, optimal, bound, seconds, swaps). Progress goes to stderr for runs over a
//! second; a malformed file is reported with its line number.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// Why the command could not answer.
#[derive(Debug, thiserror::Error)]
pub enum MatchError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path}: {source}")]
    Parse { path: String, source: matching::ParseError },
    #[error("--max-cycle must be between 2 and 6, not {0}")]
    MaxCycle(usize),
    #[error("--time-limit must be a positive number of seconds, not {0}")]
    TimeLimit(f64),
}

/// Solves the instance in `path`; returns the JSON answer.
pub fn run(
    path: &Path,
    max_cycle: usize,
    time_limit: Option<f64>,
    progress: &mut dyn Write,
) -> Result<String, MatchError> {
    if !(2..=6).contains(&max_cycle) {
        return Err(MatchError::MaxCycle(max_cycle));
    }
    let time_limit = match time_limit {
        Some(t) if t.is_finite() && t > 0.0 => Some(Duration::from_secs_f64(t)),
        Some(t) => return Err(MatchError::TimeLimit(t)),
        None => None,
    };
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| MatchError::Read { path: shown.clone(), source })?;
    let graph = matching::Graph::parse(&text).map_err(|source| MatchError::Parse { path: shown, source })?;
    let opts = matching::SolveOptions { max_cycle, time_limit };
    let solution = matching::solve(&graph, &opts, &mut |p| {
        if p.elapsed >= Duration::from_secs(1) {
            // A failed write to stderr must not stop the solver.
            let _ = writeln!(
                progress,
                "[{:>7.1}s] {:?}: {} people, weight {}; bound {} people, weight {}",
                p.elapsed.as_secs_f64(),
                p.phase,
                p.people,
                p.weight,
                p.bound.people,
                p.bound.weight
            );
        }
    });
    Ok(solution.to_json())
}
