use crate::fixtures::{effects, org, profile, user};
use chrono::{Duration, Utc};
use domain::round::{GeoPoint, OrgMatching, Period, RoundFigures};
use domain::swap::Swap;
use domain::values::{IsoWeek, Place};
use domain::{RoundId, SwapId};
use store::rounds::{LegNote, Proposal, RoundState};
use store::{Db, on_both_backends};

on_both_backends!(org_matching_settings_round_trip, rounds_queue_claim_candidates_and_finish);

fn week(days: i64) -> IsoWeek {
    IsoWeek::of(Utc::now().date_naive() + Duration::days(days))
}

async fn org_matching_settings_round_trip(db: Db) {
    let (a, b) = (org(&db, "Stadt A", "a.example").await, org(&db, "Aufsicht B", "b.example").await);
    assert_eq!(store::orgs::matching(&db, a).await.unwrap(), OrgMatching::default());
    let m = OrgMatching {
        place: Some(Place::parse("place", "Dresden").unwrap()),
        location: Some(GeoPoint::parse("c", "51.0504, 13.7373").unwrap()),
        blocked: vec![b],
    };
    store::orgs::set_matching(&db, a, &m, &effects("org.matching")).await.unwrap();
    assert_eq!(store::orgs::matching(&db, a).await.unwrap(), m);
    assert_eq!(store::rounds::blocks(&db).await.unwrap(), vec![(a, b)]);
    // Replacing clears the old blocks.
    store::orgs::set_matching(&db, a, &OrgMatching::default(), &effects("org.matching")).await.unwrap();
    assert!(store::rounds::blocks(&db).await.unwrap().is_empty());
}

async fn rounds_queue_claim_candidates_and_finish(db: Db) {
    let (a, b) = (org(&db, "Stadt A", "a.example").await, org(&db, "Stadt B", "b.example").await);
    let (w1, w2) = (week(60), week(67));
    let period = Period::parse(&w1.to_string(), &w2.to_string(), Utc::now().date_naive()).unwrap();
    let anna = user(&db, "anna@a.example", Some(a)).await;
    let bernd = user(&db, "bernd@b.example", Some(b)).await;
    let closed = user(&db, "zu@b.example", Some(b)).await;
    let later = user(&db, "spaet@b.example", Some(b)).await;
    let weeks = format!("{w1}, {w2}");
    store::profiles::save(&db, anna, &profile("Open Data", &weeks, true, false), &effects("p")).await.unwrap();
    store::profiles::save(&db, bernd, &profile("KI", &w1.to_string(), true, false), &effects("p")).await.unwrap();
    store::profiles::save(&db, closed, &profile("KI", &weeks, false, false), &effects("p")).await.unwrap();
    let outside = week(200).to_string();
    store::profiles::save(&db, later, &profile("KI", &outside, true, false), &effects("p")).await.unwrap();
    let organiser = user(&db, "orga@a.example", None).await;

    let id = RoundId::new();
    let other = RoundId::new();
    store::rounds::create(&db, id, &period, 3, 30, organiser, &effects("round.started")).await.unwrap();
    store::rounds::create(&db, other, &period, 2, 30, organiser, &effects("round.started")).await.unwrap();
    let claimed = store::rounds::claim(&db).await.unwrap().expect("the queued round");
    assert_eq!((claimed.id, claimed.state, claimed.period()), (id, RoundState::Running, period.clone()));
    assert!(
        store::rounds::claim(&db).await.unwrap().is_none(),
        "a running round is not claimed twice, and the next waits for it"
    );

    // Only people who opted in and are free within the period take part.
    let cands = store::rounds::candidates(&db, &period, id).await.unwrap();
    let mut users: Vec<_> = cands.iter().map(|c| c.user).collect();
    users.sort();
    let mut expected = vec![anna, bernd];
    expected.sort();
    assert_eq!(users, expected);
    let c_anna = cands.iter().find(|c| c.user == anna).unwrap();
    assert_eq!((c_anna.weeks.clone(), c_anna.wants.len()), (vec![w1, w2], 1));

    let (swap, _) = Swap::propose_matched(
        SwapId::new(),
        w1,
        vec![(anna, a), (bernd, b)],
        id,
        organiser,
        Utc::now().date_naive(),
        store::now(),
    )
    .unwrap();
    let notes = vec![
        LegNote { position: 0, topics: vec!["KI".into()], distance_km: Some(40), weight: 16 },
        LegNote { position: 1, topics: vec!["KI".into(), "E-Akte".into()], distance_km: None, weight: 26 },
    ];
    let figures = RoundFigures { candidates: 2, people_matched: 2, pairs: 1, optimal: true, ..Default::default() };
    let proposal = Proposal { swap: swap.clone(), notes: notes.clone() };
    let claim = claimed.claimed_at.unwrap();
    // A worker whose claim went to another cannot write the result.
    let stale = claim - chrono::Duration::seconds(1);
    let taken =
        store::rounds::write_proposals(&db, id, stale, std::slice::from_ref(&proposal), &effects("swap.proposed"))
            .await;
    assert!(matches!(taken, Err(store::StoreError::Conflict)), "{taken:?}");
    assert!(matches!(store::swaps::get(&db, swap.id).await, Err(store::StoreError::NotFound)), "nothing written");
    let renewed = store::rounds::write_proposals(&db, id, claim, &[proposal], &effects("swap.proposed")).await.unwrap();
    assert!(renewed >= claim, "each batch renews the claim");
    // The round's own worker finishes with the renewed claim; the old one no longer counts.
    let old = store::rounds::finish(&db, id, claim, &figures, &effects("round.finished")).await;
    assert!(matches!(old, Err(store::StoreError::Conflict)), "{old:?}");
    assert_eq!(store::rounds::get(&db, id).await.unwrap().state, RoundState::Running);
    // A worker taking the round over after a crash between batches proposes nobody twice:
    // Anna and Bernd are proposed in this round already.
    assert!(store::rounds::candidates(&db, &period, id).await.unwrap().is_empty());
    store::rounds::finish(&db, id, renewed, &figures, &effects("round.finished")).await.unwrap();

    let round = store::rounds::get(&db, id).await.unwrap();
    assert_eq!((round.state, round.figures), (RoundState::Finished, Some(figures)));
    let stored = store::swaps::get(&db, swap.id).await.unwrap();
    assert_eq!(stored, swap);
    assert_eq!(stored.round, Some(id));
    assert!(stored.members.iter().all(|m| !m.accepted), "every member of a matched swap decides");
    assert_eq!(store::rounds::notes(&db, swap.id).await.unwrap(), notes);
    assert_eq!(store::rounds::proposal_states(&db, id).await.unwrap(), vec![("proposed".to_owned(), 1)]);
    // A week with an open proposal is no longer free.
    let again = store::rounds::candidates(&db, &period, other).await.unwrap();
    let anna_again = again.iter().find(|c| c.user == anna).unwrap();
    assert_eq!(anna_again.weeks, vec![w2]);
    assert!(!again.iter().any(|c| c.user == bernd));
    assert_eq!(store::rounds::list(&db).await.unwrap().len(), 2);
    assert_eq!(store::rounds::claim(&db).await.unwrap().map(|r| r.id), Some(other), "now the next one");
}
