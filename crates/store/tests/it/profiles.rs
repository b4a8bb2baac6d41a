use crate::fixtures::{effects, org, profile, user};
use domain::org::OrgKind;
use domain::search::SearchWords;
use domain::values::IsoWeek;
use domain::{OrgId, UserId};
use store::profiles::{self, PersonCard, SearchCursor, SearchFilter};
use store::synthetic::{SyntheticOrg, SyntheticPerson};
use store::{Db, on_both_backends};

on_both_backends!(
    profile_round_trip,
    search_respects_privacy_and_filters,
    words_find_profiles_by_the_beginnings_of_their_words,
    pages_follow_one_another_without_gaps_or_repeats,
    every_variant_of_the_search_uses_the_indexes
);

async fn profile_round_trip(db: Db) {
    let a = org(&db, "Stadt A", "a.example").await;
    let u = user(&db, "p@a.example", Some(a)).await;
    assert_eq!(profiles::get(&db, u).await.unwrap(), None);
    let p = profile("Open Data, E-Akte", "2027-W07, 2027-W09", true, false);
    profiles::save(&db, u, &p, &effects("profile")).await.unwrap();
    assert_eq!(profiles::get(&db, u).await.unwrap(), Some(p.clone()));
    let p2 = profile("KI", "", false, false);
    profiles::save(&db, u, &p2, &effects("profile")).await.unwrap();
    assert_eq!(profiles::get(&db, u).await.unwrap(), Some(p2));
}

async fn search_respects_privacy_and_filters(db: Db) {
    let a = org(&db, "Stadt A", "a.example").await;
    let b = org(&db, "Stadt B", "b.example").await;
    let me = user(&db, "me@a.example", Some(a)).await;
    let colleague_hidden = user(&db, "hidden@a.example", Some(a)).await;
    let colleague_shared = user(&db, "shared@a.example", Some(a)).await;
    let stranger = user(&db, "open@b.example", Some(b)).await;
    let closed = user(&db, "closed@b.example", Some(b)).await;
    profiles::save(&db, colleague_hidden, &profile("Open Data", "2027-W07", true, false), &effects("p")).await.unwrap();
    profiles::save(&db, colleague_shared, &profile("Open Data", "2027-W08", true, true), &effects("p")).await.unwrap();
    profiles::save(&db, stranger, &profile("Open Data, KI", "2027-W07", true, false), &effects("p")).await.unwrap();
    profiles::save(&db, closed, &profile("Open Data", "2027-W07", false, false), &effects("p")).await.unwrap();
    profiles::save(&db, me, &profile("Open Data", "2027-W07", true, false), &effects("p")).await.unwrap();

    let ids = |r: (Vec<PersonCard>, Option<SearchCursor>)| r.0.into_iter().map(|c| c.user_id).collect::<Vec<_>>();
    let all = ids(profiles::search(&db, me, Some(a), &SearchFilter::default()).await.unwrap());
    assert_eq!(all.len(), 2);
    assert!(all.contains(&colleague_shared) && all.contains(&stranger));

    // Someone of the other organisation sees the hidden colleague: hiding is only from one's own.
    let theirs = ids(profiles::search(&db, stranger, Some(b), &SearchFilter::default()).await.unwrap());
    assert!(theirs.contains(&colleague_hidden) && theirs.contains(&me));

    let week = IsoWeek::parse("w", "2027-W08").unwrap();
    let f = SearchFilter { week: Some(week), ..Default::default() };
    assert_eq!(ids(profiles::search(&db, me, Some(a), &f).await.unwrap()), [colleague_shared]);
    let f = SearchFilter { topic: Some("  ki ".into()), ..Default::default() };
    assert_eq!(ids(profiles::search(&db, me, Some(a), &f).await.unwrap()), [stranger]);
    let f = SearchFilter { kind: Some(OrgKind::StateAgency), ..Default::default() };
    assert!(ids(profiles::search(&db, me, Some(a), &f).await.unwrap()).is_empty());

    let page = profiles::person(&db, me, Some(a), colleague_hidden).await.unwrap();
    assert!(!page.open_to_swap, "the colleague's interest stays hidden from their own organisation");
    assert!(!page.profile.unwrap().open_to_swap);
    let page = profiles::person(&db, stranger, Some(b), colleague_hidden).await.unwrap();
    assert!(page.open_to_swap);
}

fn words(text: &str) -> Option<SearchWords> {
    SearchWords::parse("q", text).unwrap()
}

async fn words_find_profiles_by_the_beginnings_of_their_words(db: Db) {
    let a = org(&db, "Stadt A", "a.example").await;
    let b = org(&db, "Stadt B", "b.example").await;
    let me = user(&db, "me@a.example", Some(a)).await;
    let open_data = user(&db, "od@b.example", Some(b)).await;
    let procurement = user(&db, "vg@b.example", Some(b)).await;
    let mut p = profile("Open Data, Digitalisierung", "2027-W07", true, false);
    p.about = Some(domain::values::About::parse("about", "Ich leite das Bürgeramt in Münster.").unwrap());
    profiles::save(&db, open_data, &p, &effects("p")).await.unwrap();
    profiles::save(&db, procurement, &profile("Vergabe, Digitalisierung", "2027-W07", true, false), &effects("p"))
        .await
        .unwrap();
    let found = |q: &'static str| {
        let db = db.clone();
        async move {
            let f = SearchFilter { words: words(q), ..Default::default() };
            let mut ids: Vec<UserId> =
                profiles::search(&db, me, Some(a), &f).await.unwrap().0.into_iter().map(|c| c.user_id).collect();
            ids.sort();
            ids
        }
    };
    let mut both = vec![open_data, procurement];
    both.sort();
    assert_eq!(found("digi").await, both, "a word's beginning finds it, in either profile");
    assert_eq!(found("Digi open").await, [open_data], "every word must be found");
    assert_eq!(found("buergeramt").await, [open_data], "the text about a person counts, umlauts spelled out");
    assert_eq!(found("Bürgeramt MÜNSTER").await, [open_data], "and typed with umlauts and capitals");
    assert_eq!(found("data vergabe").await, Vec::<UserId>::new());
    assert_eq!(found("geramt").await, Vec::<UserId>::new(), "beginnings only: 'geramt' is inside 'Bürgeramt'");

    // A changed profile is found by its new words only.
    profiles::save(&db, procurement, &profile("Haushalt", "2027-W07", true, false), &effects("p")).await.unwrap();
    assert_eq!(found("vergabe").await, Vec::<UserId>::new());
    assert_eq!(found("haus").await, [procurement]);
    // Words combine with the other filters.
    let f = SearchFilter { words: words("digi"), topic: Some("open data".into()), ..Default::default() };
    assert_eq!(profiles::search(&db, me, Some(a), &f).await.unwrap().0.len(), 1);
}

/// `n` generated people open to a swap in `orgs` organisations of North Rhine-Westphalia, all
/// saved at the same moment (so that the page order rests on the id as well), each with one
/// of ten topics and free in one of four weeks.
async fn generated(db: &Db, n: usize, orgs: usize) -> Vec<UserId> {
    let orgs: Vec<SyntheticOrg> = (0..orgs)
        .map(|i| SyntheticOrg {
            id: OrgId::new(),
            name: format!("Kommune {i}"),
            kind: if i % 2 == 0 { "city" } else { "district" },
            region: "NW",
            lat_e6: 51_000_000,
            lon_e6: 7_000_000,
            parent: None,
        })
        .collect();
    let people: Vec<SyntheticPerson> = (0..n)
        .map(|i| SyntheticPerson {
            id: UserId::new(),
            org: orgs[i % orgs.len()].id,
            name: format!("Person {i}"),
            email: format!("p{i}@gen.example"),
            pay_grade: "E 11".into(),
            radius_km: 50,
            topics: vec![format!("Thema {}", i % 10)],
            wants: vec!["KI".into()],
            weeks: vec![format!("2027-W{:02}", 10 + i % 4)],
        })
        .collect();
    store::synthetic::insert(db, &orgs, &people).await.unwrap();
    people.into_iter().map(|p| p.id).collect()
}

async fn pages_follow_one_another_without_gaps_or_repeats(db: Db) {
    let people = generated(&db, 60, 3).await;
    let me = user(&db, "me@elsewhere.example", None).await;
    let mut seen: Vec<UserId> = Vec::new();
    let mut after = None;
    let mut pages = Vec::new();
    loop {
        let f = SearchFilter { after, ..Default::default() };
        let (cards, next) = profiles::search(&db, me, None, &f).await.unwrap();
        pages.push(cards.len());
        assert!(cards.iter().all(|c| c.topics.len() == 1), "each hit with its topics");
        seen.extend(cards.iter().map(|c| c.user_id));
        // The cursor travels in links: it must come back as it went.
        after = next.map(|c| SearchCursor::parse(&c.token()).expect("a cursor reads back"));
        if after.is_none() {
            break;
        }
    }
    assert_eq!(pages, [25, 25, 10]);
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), people.len(), "every person once");
    assert_eq!(SearchCursor::parse("12.not-a-uuid"), None);
    assert_eq!(SearchCursor::parse("x"), None);
}

/// Runs `ANALYZE` so that the planner knows the tables' sizes, as it does in a running
/// installation.
async fn analyze(db: &Db) {
    match db {
        Db::Sqlite(pool) => sqlx::query("ANALYZE").execute(pool).await.map(drop).unwrap(),
        Db::Postgres(pool) => sqlx::query("ANALYZE").execute(pool).await.map(drop).unwrap(),
    }
}

async fn every_variant_of_the_search_uses_the_indexes(db: Db) {
    generated(&db, 3000, 40).await;
    analyze(&db).await;
    let me = user(&db, "me@elsewhere.example", None).await;
    let (_, next) = profiles::search(&db, me, None, &SearchFilter::default()).await.unwrap();
    let week = IsoWeek::parse("w", "2027-W11").unwrap();
    let variants = [
        ("no filter", SearchFilter::default()),
        ("words", SearchFilter { words: words("thema 7"), ..Default::default() }),
        ("topic", SearchFilter { topic: Some("thema 3".into()), ..Default::default() }),
        (
            "kind and state",
            SearchFilter {
                kind: Some(OrgKind::District),
                region: Some(domain::org::Region::NordrheinWestfalen),
                ..Default::default()
            },
        ),
        ("week", SearchFilter { week: Some(week), ..Default::default() }),
        ("second page", SearchFilter { after: next, ..Default::default() }),
        (
            "everything",
            SearchFilter {
                words: words("ki"),
                topic: Some("thema 3".into()),
                kind: Some(OrgKind::City),
                week: Some(week),
                after: next,
                ..Default::default()
            },
        ),
    ];
    for (name, f) in variants {
        let [search, topics] = profiles::explain_search(&db, me, None, &f).await.unwrap();
        let (text, topics_text) = (search.join("\n"), topics.join("\n"));
        println!("--- {name} ({:?}):\n{text}\n{topics_text}", db.backend());
        match db {
            Db::Sqlite(_) => {
                // `SCAN p` alone would read every profile; `USE TEMP B-TREE` would sort them. (The
                // topics of one page's 25 hits may be sorted.)
                // (The organisations may be read whole: there are few, and a filter on their kind
                // or state then reads their people through `users_org`.)
                for l in search.iter().chain(&topics) {
                    let full_scan = l.starts_with("SCAN") && !l.contains("INDEX") && !l.starts_with("SCAN o");
                    assert!(!full_scan, "{name}: a full scan:\n{text}\n{topics_text}");
                }
                // Without filters on other tables, hits come in the page's order from
                // `profiles_search_order`; filtered hits are few and may be sorted.
                if f == SearchFilter::default() || name == "second page" {
                    assert!(!text.contains("TEMP B-TREE"), "{name}: sorts instead of reading in order:\n{text}");
                }
                if name == "topic" {
                    assert!(text.contains("profile_topics"), "{name}: the topics' index is not used:\n{text}");
                }
                if name == "words" {
                    assert!(text.contains("VIRTUAL TABLE INDEX"), "{name}: the full-text index is not used:\n{text}");
                }
            }
            Db::Postgres(_) => {
                // (The planner may read the organisations or accounts whole for a hash join when a
                // filter keeps a large share of them; the profiles and their lists never.)
                let both = format!("{text}\n{topics_text}");
                for table in ["profiles", "profile_topics", "profile_weeks"] {
                    assert!(
                        !both.contains(&format!("Seq Scan on {table} ")),
                        "{name}: a full scan of {table}:\n{both}"
                    );
                }
                if f == SearchFilter::default() || name == "second page" {
                    assert!(!text.contains("Sort"), "{name}: sorts instead of reading in order:\n{text}");
                }
                if name == "words" {
                    assert!(text.contains("profiles_search_text"), "{name}: the full-text index is not used:\n{text}");
                }
            }
        }
    }
}
