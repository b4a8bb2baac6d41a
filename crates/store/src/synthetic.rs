//! Bulk loading of generated organisations and people, for benchmarks of the matching rounds
//! at network scale (`jobtausch admin seed-synthetic`). Rows go in with multi-row inserts in
//! one transaction; the people cannot log in (their password hash matches no password).

use crate::{Db, StoreError, insert_rows, now, write_tx};
use domain::{OrgId, UserId};

pub struct SyntheticOrg {
    pub id: OrgId,
    pub name: String,
    pub kind: &'static str,
    pub region: &'static str,
    pub lat_e6: i32,
    pub lon_e6: i32,
}

pub struct SyntheticPerson {
    pub id: UserId,
    pub org: OrgId,
    pub name: String,
    pub email: String,
    pub pay_grade: String,
    pub radius_km: i64,
    pub topics: Vec<String>,
    pub wants: Vec<String>,
    pub weeks: Vec<String>,
}

const ROLE: &str = "Sachbearbeitung";
const UNIT: &str = "Digitales";

/// What the search finds a generated person by, as [`domain::search::profile_text`] would
/// have it (they have no text about themselves).
fn search_text(p: &SyntheticPerson) -> String {
    let words = [ROLE, UNIT].into_iter().chain(p.topics.iter().chain(&p.wants).map(String::as_str));
    domain::search::fold(&words.collect::<Vec<_>>().join(" "))
}

pub async fn insert(db: &Db, orgs: &[SyntheticOrg], people: &[SyntheticPerson]) -> Result<(), StoreError> {
    let at = now();
    let topics: Vec<(UserId, &'static str, usize, &String)> = people
        .iter()
        .flat_map(|p| {
            let job = p.topics.iter().enumerate().map(move |(i, t)| (p.id, "job", i, t));
            job.chain(p.wants.iter().enumerate().map(move |(i, t)| (p.id, "learn", i, t)))
        })
        .collect();
    let weeks: Vec<(UserId, &String)> = people.iter().flat_map(|p| p.weeks.iter().map(move |w| (p.id, w))).collect();
    let pos = |i: usize| i64::try_from(i).unwrap_or(i64::MAX);
    write_tx!(db, tx => {
        insert_rows!(tx, "organisations", &["id", "name", "name_norm", "kind", "region", "created_at", "place", "lat_e6", "lon_e6"],
            orgs, |q, o| q.bind(o.id.0).bind(&o.name).bind(o.name.to_lowercase()).bind(o.kind).bind(o.region).bind(at)
                .bind(&o.name).bind(o.lat_e6).bind(o.lon_e6));
        insert_rows!(tx, "users", &["id", "email", "email_norm", "display_name", "password_hash", "org_id", "locale", "organiser",
            "email_verified_at", "created_at"],
            people, |q, p| q.bind(p.id.0).bind(&p.email).bind(p.email.to_lowercase()).bind(&p.name).bind("!synthetic")
                .bind(p.org.0).bind("de").bind(false).bind(at).bind(at));
        insert_rows!(tx, "profiles", &["user_id", "role_title", "unit", "pay_grade", "languages", "travel_radius_km", "open_to_swap",
            "shared_with_own_org", "updated_at", "search_text"],
            people, |q, p| q.bind(p.id.0).bind(ROLE).bind(UNIT).bind(&p.pay_grade).bind("de")
                .bind(p.radius_km).bind(true).bind(false).bind(at).bind(search_text(p)));
        insert_rows!(tx, "profile_topics", &["user_id", "kind", "position", "topic", "topic_norm"],
            topics, |q, t| q.bind(t.0.0).bind(t.1).bind(pos(t.2)).bind(t.3).bind(t.3.to_lowercase()));
        insert_rows!(tx, "profile_weeks", &["user_id", "week"], weeks, |q, w| q.bind(w.0.0).bind(w.1));
    });
    Ok(())
}
