//! The figures on generated data with known answers: 10,000 people in 50 authorities (and a
//! small one in Bremen with three people), 3,000 swaps whose history follows from their number,
//! counted through store and app on both databases and compared with the same rules counted
//! here by hand. Who may read which figures is checked on the same data.

use app::figures::{Measure, Whose};
use app::{App, Config};
use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::access::{Actor, OrgRole};
use domain::disclosure::{Shown, publish_list};
use domain::{OrgId, SwapId, UserId};
use std::collections::BTreeMap;
use store::synthetic::{SyntheticApproval, SyntheticOrg, SyntheticPerson, SyntheticSwap};
use store::{Db, on_both_backends};

const PEOPLE: usize = 10_000;
const SWAPS: usize = 3_000;
const ORGS: usize = 50;
const REGIONS: [&str; 4] = ["BY", "NW", "BE", "SN"];
const KINDS: [&str; 2] = ["city", "state_agency"];

/// The generated network, and for each swap number its two people's organisations.
struct Data {
    orgs: Vec<SyntheticOrg>,
    people: Vec<SyntheticPerson>,
    swaps: Vec<SyntheticSwap>,
    umbrella: OrgId,
    bremen: OrgId,
}

/// Person `p < 9,997` works at authority `p % 50`; the last three at the Bremen office.
fn org_of(p: usize) -> usize {
    if p < PEOPLE - 3 { p % ORGS } else { ORGS }
}

/// The people of swap `i`: `2i` and `2i + 1`, except the last three, which pair `2i` with one
/// of the Bremen people.
fn members_of(i: usize) -> (usize, usize) {
    if i < SWAPS - 3 { (2 * i, 2 * i + 1) } else { (2 * i, PEOPLE - 3 + (i - (SWAPS - 3))) }
}

fn created(i: usize) -> DateTime<Utc> {
    let month = 1 + 3 * (i % 4) as u32;
    Utc.with_ymd_and_hms(2027, month, 15, 10, 0, 0).unwrap()
}

/// Hours from proposal to confirmation of a confirmed swap.
fn hours_to_confirm(i: usize) -> i64 {
    24 * (1 + (i % 13) as i64)
}

/// The outcome of swap `i` by its last digit: 0–1 proposed, 2 declined by an approver
/// (staffing), 3 withdrawn (workload), 4 approved, 5–6 confirmed, 7–8 completed, 9 cancelled
/// after confirmation (personal).
fn outcome(i: usize) -> usize {
    i % 10
}

fn recommends(i: usize, member: usize) -> bool {
    !(i + member).is_multiple_of(3)
}

fn data() -> Data {
    let umbrella = OrgId::new();
    let bremen = OrgId::new();
    let mut orgs = vec![SyntheticOrg {
        id: umbrella,
        name: "Verband der Testbehörden".into(),
        kind: "association",
        region: "BE",
        lat_e6: 52_520_000,
        lon_e6: 13_400_000,
        parent: None,
    }];
    for k in 0..ORGS {
        orgs.push(SyntheticOrg {
            id: OrgId::new(),
            name: format!("Testbehörde {k:02}"),
            kind: KINDS[(k / 4) % 2],
            region: REGIONS[k % 4],
            lat_e6: 50_000_000,
            lon_e6: 10_000_000,
            // The first ten are members of the association.
            parent: (k < 10).then_some(umbrella),
        });
    }
    orgs.push(SyntheticOrg {
        id: bremen,
        name: "Kleine Dienststelle Bremen".into(),
        kind: "city",
        region: "HB",
        lat_e6: 53_080_000,
        lon_e6: 8_800_000,
        parent: None,
    });
    let org_id = |k: usize| orgs[k + 1].id;
    let people: Vec<SyntheticPerson> = (0..PEOPLE)
        .map(|p| SyntheticPerson {
            id: UserId::new(),
            org: org_id(org_of(p)),
            name: format!("Person {p:05}"),
            email: format!("p{p:05}@test.invalid"),
            pay_grade: "E 11".into(),
            radius_km: 300,
            topics: vec![format!("Arbeit {}", p % 5)],
            // A rare topic for the Bremen people: it must never be named.
            wants: vec![if org_of(p) == ORGS { "Hafenlogistik".into() } else { format!("Lernthema {}", p % 7) }],
            weeks: vec![],
        })
        .collect();
    let swaps = (0..SWAPS)
        .map(|i| {
            let (a, b) = members_of(i);
            let members = vec![(people[a].id, people[a].org), (people[b].id, people[b].org)];
            let o = outcome(i);
            let approval = |k: usize, status: &'static str, reason: Option<&'static str>| {
                let m = if k < 2 { &members[k % 2] } else { &members[(k + 1) % 2] };
                SyntheticApproval { org: m.1, status, reason_kind: reason, by: (status != "pending").then_some(m.0) }
            };
            let approvals =
                match o {
                    0 | 1 | 3 => (0..4).map(|k| approval(k, "pending", None)).collect(),
                    2 => (0..4)
                        .map(|k| {
                            if k == 0 {
                                approval(k, "declined", Some("staffing"))
                            } else {
                                approval(k, "pending", None)
                            }
                        })
                        .collect(),
                    _ => (0..4).map(|k| approval(k, "approved", None)).collect(),
                };
            let confirmed_at = (o >= 5).then(|| created(i) + Duration::hours(hours_to_confirm(i)));
            let completed_at = matches!(o, 7 | 8).then(|| created(i) + Duration::days(60));
            let (state, reason) = match o {
                0 | 1 => ("proposed", None),
                2 => ("declined", Some("staffing")),
                3 => ("withdrawn", Some("workload")),
                4 => ("agreement_pending", None),
                5 | 6 => ("confirmed", None),
                7 | 8 => ("completed", None),
                _ => ("cancelled", Some("personal: Umzug")),
            };
            let reflections = if completed_at.is_some() {
                (0..2).map(|m| (members[m].0, recommends(i, m))).collect()
            } else {
                vec![]
            };
            SyntheticSwap {
                id: SwapId::new(),
                week: "2027-W40".into(),
                state,
                created_at: created(i),
                confirmed_at,
                completed_at,
                end_reason: reason.map(str::to_owned),
                members,
                approvals,
                reflections,
            }
        })
        .collect();
    Data { orgs, people, swaps, umbrella, bremen }
}

fn holds(m: Measure, i: usize) -> bool {
    let o = outcome(i);
    match m {
        Measure::Proposed => true,
        Measure::Approved => o >= 4,
        Measure::Confirmed => o >= 5,
        Measure::Completed => matches!(o, 7 | 8),
        Measure::Ended => matches!(o, 2 | 3 | 9),
    }
}

/// The expected column of `m` by the rows `key` gives each counted item, suppressed as
/// published.
fn expected_column(rows: &[String], items: &[(String, usize)], m: Measure) -> (Vec<Shown>, Shown) {
    let counts: Vec<u64> =
        rows.iter().map(|r| items.iter().filter(|(k, i)| k == r && holds(m, *i)).count() as u64).collect();
    let p = publish_list(&counts);
    (p.items, p.total)
}

async fn load(db: &Db) -> (App, Data) {
    let d = data();
    store::synthetic::insert(db, &d.orgs, &d.people).await.unwrap();
    store::synthetic::insert_swaps(db, &d.swaps).await.unwrap();
    (App::new(db.clone(), Config::new("https://jobtausch.test")), d)
}

fn organiser() -> Actor {
    Actor { user_id: UserId::new(), org_id: None, roles: vec![], organiser: true }
}

fn admin_of(org: OrgId) -> Actor {
    Actor { user_id: UserId::new(), org_id: Some(org), roles: vec![OrgRole::OrgAdmin], organiser: false }
}

on_both_backends!(the_network_figures_are_the_known_answers, each_sees_only_their_own_figures);

async fn the_network_figures_are_the_known_answers(db: Db) {
    let (app, d) = load(&db).await;
    let f = app::figures::of_network(&app, &organiser(), None).await.unwrap();

    // The funnel, counted by hand: 3,000 proposed; last digit 4-9 approved, 5-9 confirmed,
    // 7-8 completed; 2, 3 and 9 ended.
    let totals: Vec<Shown> = Measure::ALL.iter().map(|&m| f.by_quarter.total(m)).collect();
    let want = [3000, 1800, 1500, 600, 900].map(Shown::Value);
    assert_eq!(totals, want);
    assert_eq!(f.by_quarter.rows, ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]);
    let by_quarter: Vec<(String, usize)> =
        (0..SWAPS).map(|i| (app::figures::Quarter::of(created(i)).code(), i)).collect();
    for (c, &m) in Measure::ALL.iter().enumerate() {
        let (cells, total) = expected_column(&f.by_quarter.rows, &by_quarter, m);
        assert_eq!(f.by_quarter.cells.iter().map(|r| r[c]).collect::<Vec<_>>(), cells, "{m:?}");
        assert_eq!(f.by_quarter.totals[c], total);
    }

    // People in swaps by their organisation's federal state: Bremen's three are "< 5", and one
    // more state is withheld with it in each column where Bremen is suppressed.
    let region = |p: usize| d.orgs.iter().find(|o| o.id == d.people[p].org).unwrap().region.to_owned();
    let kind = |p: usize| d.orgs.iter().find(|o| o.id == d.people[p].org).unwrap().kind.to_owned();
    let people: Vec<(usize, usize)> = (0..SWAPS).flat_map(|i| [(members_of(i).0, i), (members_of(i).1, i)]).collect();
    assert_eq!(f.by_region.rows, ["BE", "BY", "HB", "NW", "SN"]);
    let by_region: Vec<(String, usize)> = people.iter().map(|&(p, i)| (region(p), i)).collect();
    let by_kind: Vec<(String, usize)> = people.iter().map(|&(p, i)| (kind(p), i)).collect();
    for (c, &m) in Measure::ALL.iter().enumerate() {
        let (cells, total) = expected_column(&f.by_region.rows, &by_region, m);
        assert_eq!(f.by_region.cells.iter().map(|r| r[c]).collect::<Vec<_>>(), cells, "{m:?}");
        assert_eq!(f.by_region.totals[c], total);
        let (cells, _) = expected_column(&f.by_kind.rows, &by_kind, m);
        assert_eq!(f.by_kind.cells.iter().map(|r| r[c]).collect::<Vec<_>>(), cells, "{m:?}");
    }
    let bremen = f.by_region.rows.iter().position(|r| r == "HB").unwrap();
    assert_eq!(f.by_region.cells[bremen][0], Shown::Few, "three people of Bremen proposed");
    assert_eq!(f.by_region.cells.iter().filter(|r| r[0] == Shown::Withheld).count(), 1);
    assert_eq!(f.by_region.totals[0], Shown::Value(6000));

    // Time to confirmation: median and 90th percentile of the known hours.
    let mut days: Vec<f64> =
        (0..SWAPS).filter(|&i| outcome(i) >= 5).map(|i| hours_to_confirm(i) as f64 / 24.0).collect();
    days.sort_by(f64::total_cmp);
    let n = days.len();
    assert_eq!(f.time_to_confirm.swaps, Shown::Value(n as u64));
    assert_eq!(f.time_to_confirm.median_days, Some((days[n / 2 - 1] + days[n / 2]) / 2.0));
    assert_eq!(f.time_to_confirm.p90_days, Some(days[(n * 9).div_ceil(10) - 1]));

    // Reasons, in their codes (the faces translate them).
    assert_eq!(f.end_reasons.get("staffing"), Some(Shown::Value(300)));
    assert_eq!(f.end_reasons.get("workload"), Some(Shown::Value(300)));
    assert_eq!(f.end_reasons.get("personal"), Some(Shown::Value(300)), "'personal: Umzug' counts as personal");
    assert_eq!(f.end_reasons.get("week_unsuitable"), Some(Shown::Value(0)));
    assert_eq!(f.end_reasons.total, Shown::Value(900));
    assert_eq!(f.decline_reasons.get("staffing"), Some(Shown::Value(300)));
    assert_eq!(f.decline_reasons.total, Shown::Value(300));

    // Reflections of the 600 completed swaps' 1,200 people.
    let yes = (0..SWAPS).filter(|&i| matches!(outcome(i), 7 | 8)).flat_map(|i| [recommends(i, 0), recommends(i, 1)]);
    let (yes, no) = yes.fold((0, 0), |(y, n), r| if r { (y + 1, n) } else { (y, n + 1) });
    assert_eq!(f.recommend.get("yes"), Some(Shown::Value(yes)));
    assert_eq!(f.recommend.get("no"), Some(Shown::Value(no)));

    // Topics: the seven common ones by how many reflecting people named them; Bremen's rare
    // "Hafenlogistik" (two people) never appears.
    let mut topics: BTreeMap<String, u64> = BTreeMap::new();
    for i in (0..SWAPS).filter(|&i| matches!(outcome(i), 7 | 8)) {
        for p in [members_of(i).0, members_of(i).1] {
            *topics.entry(d.people[p].wants[0].clone()).or_default() += 1;
        }
    }
    assert_eq!(topics.get("Hafenlogistik"), Some(&2), "the data has the rare topic");
    topics.retain(|_, n| *n >= 5);
    let got: BTreeMap<String, u64> = f.topics.iter().map(|t| (t.topic.clone(), t.people)).collect();
    assert_eq!(got, topics);

    // A year counts its own proposals: none in 2026.
    let y = app::figures::of_network(&app, &organiser(), Some(2026)).await.unwrap();
    assert_eq!(y.by_quarter.total(Measure::Proposed), Shown::Value(0));
    assert_eq!(y.by_quarter.rows.len(), 4);
}

async fn each_sees_only_their_own_figures(db: Db) {
    let (app, d) = load(&db).await;
    let first = d.orgs[1].id;
    let f = app::figures::of_org(&app, &admin_of(first), first, Some(2027)).await.unwrap();
    // Authority 00 has persons 0, 50, 100, ...: swap i has one when 2i % 50 == 0.
    let own: Vec<usize> =
        (0..SWAPS).filter(|&i| org_of(members_of(i).0) == 0 || org_of(members_of(i).1) == 0).collect();
    assert_eq!(f.by_quarter.total(Measure::Proposed), Shown::Value(own.len() as u64));
    let completed = own.iter().filter(|&&i| holds(Measure::Completed, i)).count() as u64;
    assert_eq!(f.by_quarter.total(Measure::Completed), Shown::Value(completed));
    assert_eq!(f.name.as_deref(), Some("Testbehörde 00"));
    assert!(f.rounds.is_empty());

    // The association sees its ten members in aggregate.
    let u = app::figures::of_org(&app, &admin_of(d.umbrella), d.umbrella, None).await.unwrap();
    assert_eq!(u.whose, Whose::Umbrella(d.umbrella));
    let members = (0..SWAPS).filter(|&i| org_of(members_of(i).0) < 10 || org_of(members_of(i).1) < 10).count();
    assert_eq!(u.by_quarter.total(Measure::Proposed), Shown::Value(members as u64));

    // Bremen's own figures are all "< 5" or withheld: three swaps.
    let b = app::figures::of_org(&app, &admin_of(d.bremen), d.bremen, None).await.unwrap();
    assert_eq!(b.by_quarter.total(Measure::Proposed), Shown::Few);
    assert!(b.time_to_confirm.median_days.is_none());

    // Refusals: another organisation's admin, a plain member, an admin asking for the network.
    let forbidden = |r: app::Result<app::figures::Figures>| matches!(r, Err(app::Error::Forbidden(_)));
    assert!(forbidden(app::figures::of_org(&app, &admin_of(d.bremen), first, None).await));
    let member = Actor { roles: vec![], ..admin_of(first) };
    assert!(forbidden(app::figures::of_org(&app, &member, first, None).await));
    assert!(forbidden(app::figures::of_network(&app, &admin_of(first), None).await));
    assert!(forbidden(app::figures::story_excerpts(&app, &member, first, 2027).await.map(|_| unreachable!())));
}
