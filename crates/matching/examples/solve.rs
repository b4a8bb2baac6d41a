//! `solve FILE K [TIME_LIMIT_SECONDS]`: prints the solution JSON (bench helper).

use std::time::Duration;

use matching::{Graph, SolveOptions, solve};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: solve FILE K [TIME_LIMIT_SECONDS]");
        std::process::exit(2);
    }
    let text = match std::fs::read_to_string(&args[1]) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {e}", args[1]);
            std::process::exit(1);
        }
    };
    let g = match Graph::parse(&text) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{}: {e}", args[1]);
            std::process::exit(1);
        }
    };
    let max_cycle = args[2].parse().unwrap_or(3);
    let time_limit = args.get(3).and_then(|s| s.parse::<f64>().ok()).map(Duration::from_secs_f64);
    let opts = SolveOptions { max_cycle, time_limit };
    let verbose = std::env::var_os("SOLVE_VERBOSE").is_some();
    let sol = solve(&g, &opts, &mut |p| {
        if verbose {
            eprintln!(
                "[{:8.3}s] {:?}: people {} weight {} bound {}/{}",
                p.elapsed.as_secs_f64(),
                p.phase,
                p.people,
                p.weight,
                p.bound.people,
                p.bound.weight
            );
        }
    });
    println!("{}", sol.to_json());
}
