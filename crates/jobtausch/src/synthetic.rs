//! Generated organisations, people and swaps for benchmarks of matching rounds and of the
//! figures at network scale: deterministic from a seed, spread over Germany, with topics from
//! a shared pool so that wishes and jobs meet.

use chrono::{DateTime, Duration, Utc};
use domain::values::IsoWeek;
use domain::{OrgId, SwapId, UserId};
use matching::rng::Rng;
use store::synthetic::{SyntheticApproval, SyntheticOrg, SyntheticPerson, SyntheticSwap};

const REGIONS: &[&str] =
    &["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"];
const KINDS: &[&str] = &["city", "district", "it_service_provider", "state_agency"];
const TOPICS_PER_PERSON: usize = 2;
const TOPIC_POOL: usize = 200;

/// `people` people in `people / 40` organisations, free in 2 to 4 of `weeks`.
pub fn generate(people: usize, seed: u64, weeks: &[IsoWeek]) -> (Vec<SyntheticOrg>, Vec<SyntheticPerson>) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let org_count = (people / 40).max(2);
    let orgs: Vec<SyntheticOrg> = (0..org_count)
        .map(|i| SyntheticOrg {
            id: OrgId::new(),
            name: format!("Synthetische Behörde {i:05}"),
            kind: KINDS[rng.below(KINDS.len())],
            region: REGIONS[rng.below(REGIONS.len())],
            // Germany lies within about 47.3–55.0 °N and 5.9–15.0 °E.
            lat_e6: rng.between(47_300_000, 55_000_000) as i32,
            lon_e6: rng.between(5_900_000, 15_000_000) as i32,
            parent: None,
        })
        .collect();
    let topic = |i: usize| format!("Thema {i:03}");
    let persons = (0..people)
        .map(|i| {
            let org = orgs[rng.below(orgs.len())].id;
            let pick = |rng: &mut Rng, n: usize| -> Vec<String> {
                let mut out: Vec<String> = Vec::new();
                while out.len() < n {
                    let t = topic(rng.below(TOPIC_POOL));
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
                out
            };
            let topics = pick(&mut rng, TOPICS_PER_PERSON);
            let wants = pick(&mut rng, TOPICS_PER_PERSON);
            let mut free: Vec<String> = Vec::new();
            let n_weeks = 2 + rng.below(3);
            while free.len() < n_weeks.min(weeks.len()) {
                let w = weeks[rng.below(weeks.len())].to_string();
                if !free.contains(&w) {
                    free.push(w);
                }
            }
            SyntheticPerson {
                id: UserId::new(),
                org,
                name: format!("Person {i:06}"),
                email: format!("person{i:06}@synthetisch.invalid"),
                pay_grade: format!("E {}", rng.between(9, 15)),
                radius_km: rng.between(100, 700),
                topics,
                wants,
                weeks: free,
            }
        })
        .collect();
    (orgs, persons)
}

/// `count` swaps of two people of different organisations among `people` (each person in one
/// swap at most, so `count` is at most about half of them), proposed over the two years before
/// `now`, with the outcomes a network sees: still proposed, declined by an approver (with a
/// reason), withdrawn, approved, confirmed, completed (with both reflections) or cancelled.
/// They are facts for the figures, not whole journeys: no agreements, signatures or plans.
pub fn generate_swaps(people: &[SyntheticPerson], count: usize, seed: u64, now: DateTime<Utc>) -> Vec<SyntheticSwap> {
    let mut rng = Rng(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
    let mut order: Vec<usize> = (0..people.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut swaps = Vec::with_capacity(count);
    let mut next = order.into_iter();
    while swaps.len() < count {
        let (Some(a), Some(b)) = (next.next(), next.next()) else { break };
        let (a, b) = (&people[a], &people[b]);
        if a.org == b.org {
            continue;
        }
        let members = vec![(a.id, a.org), (b.id, b.org)];
        let outcome = rng.below(10);
        let created_at = now - Duration::minutes(rng.between(60, 2 * 365 * 24 * 60));
        // Sending and receiving side of the first leg, then of the second.
        let approval = |k: usize, status: &'static str, reason_kind: Option<&'static str>| {
            let m = if k < 2 { members[k] } else { members[(k + 1) % 2] };
            SyntheticApproval { org: m.1, status, reason_kind, by: (status != "pending").then_some(m.0) }
        };
        // "other" would need the approver's words, which generated data has none of.
        const DECLINED: [&str; 2] = ["no_management_approval", "staffing"];
        let reason = DECLINED[rng.below(DECLINED.len())];
        let approvals = match outcome {
            0 | 3 => (0..4).map(|k| approval(k, "pending", None)).collect(),
            1 => (0..4)
                .map(|k| if k == 0 { approval(k, "declined", Some(reason)) } else { approval(k, "pending", None) })
                .collect(),
            _ => (0..4).map(|k| approval(k, "approved", None)).collect(),
        };
        let confirmed_at = (outcome >= 5).then(|| created_at + Duration::hours(rng.between(12, 24 * 30)));
        let completed_at = matches!(outcome, 7 | 8).then(|| created_at + Duration::days(45));
        const ENDED: [&str; 4] = ["week_unsuitable", "workload", "personal: Umzug", "other: anderer Grund"];
        let (state, end_reason) = match outcome {
            0 => ("proposed", None),
            1 => ("declined", Some(reason.to_owned())),
            2 | 3 => ("withdrawn", Some(ENDED[rng.below(ENDED.len())].to_owned())),
            4 => ("agreement_pending", None),
            5 | 6 => ("confirmed", None),
            7 | 8 => ("completed", None),
            _ => ("cancelled", Some(ENDED[rng.below(ENDED.len())].to_owned())),
        };
        let reflections = if completed_at.is_some() {
            members.iter().map(|m| (m.0, rng.below(5) != 0)).collect()
        } else {
            Vec::new()
        };
        let week = IsoWeek::of((created_at + Duration::days(40)).date_naive()).to_string();
        swaps.push(SyntheticSwap {
            id: SwapId::new(),
            week,
            state,
            created_at,
            confirmed_at,
            completed_at,
            end_reason,
            members,
            approvals,
            reflections,
        });
    }
    swaps
}
