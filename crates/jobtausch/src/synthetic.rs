//! Generated organisations and people for benchmarks of matching rounds at network scale:
//! deterministic from a seed, spread over Germany, with topics from a shared pool so that
//! wishes and jobs meet.

use domain::values::IsoWeek;
use domain::{OrgId, UserId};
use matching::rng::Rng;
use store::synthetic::{SyntheticOrg, SyntheticPerson};

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
