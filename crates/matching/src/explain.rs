//! An answer in words: what the bound proves about it, and why each swap is possible (who
//! takes whose place, the weight of each leg, and the weeks all members are free).

use std::fmt::Write as _;

use crate::graph::Graph;
use crate::solution::Solution;

/// A readable explanation of `s`, an answer for `g`: a summary (people, swaps by length,
/// weight, what the bound proves), then one line per swap.
pub fn explain(g: &Graph, s: &Solution) -> String {
    let mut out = String::new();
    let mut by_len = [0usize; 5];
    for sw in &s.swaps {
        by_len[sw.members.len().min(4)] += 1;
    }
    let kinds: Vec<String> =
        [(2, "pair", "pairs"), (3, "ring of three", "rings of three"), (4, "ring of four", "rings of four")]
            .iter()
            .filter(|(k, _, _)| by_len[*k] > 0)
            .map(|&(k, one, many)| {
                format!("{} {}", thousands(by_len[k] as i64), if by_len[k] == 1 { one } else { many })
            })
            .collect();
    let _ = writeln!(
        out,
        "{} people in {} swap{}{}, total weight {}.",
        thousands(s.people as i64),
        thousands(s.swaps.len() as i64),
        if s.swaps.len() == 1 { "" } else { "s" },
        if kinds.is_empty() { String::new() } else { format!(" ({})", kinds.join(", ")) },
        thousands(s.weight)
    );
    let (bp, bw) = (thousands(s.bound.people as i64), thousands(s.bound.weight));
    let _ = if s.optimal {
        writeln!(out, "Optimal: no set of swaps has more people, and none with {bp} people weighs more than {bw}.")
    } else if let Some(w) = s.gap.weight {
        writeln!(
            out,
            "Most people possible ({bp}: no set of swaps has more), but not proven best in weight: \
             a set with {bp} people weighs at most {bw}, {} more than this one.",
            thousands(w)
        )
    } else {
        writeln!(
            out,
            "Not proven optimal: no set of swaps has more than {bp} people, so at most {} more \
             people could be matched; a set with {bp} people would weigh at most {bw}.",
            thousands(s.gap.people as i64)
        )
    };
    for (i, sw) in s.swaps.iter().enumerate() {
        let k = sw.members.len();
        let legs: Vec<String> = (0..k)
            .map(|j| {
                let (u, v) = (sw.members[j], sw.members[(j + 1) % k]);
                match g.weight(u, v) {
                    Some(w) => format!("{u} takes the place of {v} (weight {w})"),
                    None => format!("{u} -> {v} is not an edge of the graph"),
                }
            })
            .collect();
        let free = g.common_weeks(&sw.members);
        let weeks: Vec<String> = (0..64).filter(|w| free >> w & 1 == 1).map(|w| w.to_string()).collect();
        let _ = writeln!(
            out,
            "Swap {}, week {}: {}; all free in week{} {}.",
            i + 1,
            sw.week,
            legs.join(", "),
            if weeks.len() == 1 { "" } else { "s" },
            weeks.join(", ")
        );
    }
    out
}

/// 1234567 -> "1,234,567".
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn large_numbers_get_thousands_separators() {
        assert_eq!(thousands(-1_234_567), "-1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
