//! Bulk loading of generated organisations, people and swaps, for benchmarks of the matching
//! rounds and the figures at network scale (`jobtausch admin seed-synthetic`). Rows go in with
//! multi-row inserts in one transaction; the people cannot log in (their password hash matches
//! no password).

use crate::{Db, StoreError, insert_rows, now, write_tx};
use chrono::{DateTime, Utc};
use domain::{OrgId, UserId};

pub struct SyntheticOrg {
    pub id: OrgId,
    pub name: String,
    pub kind: &'static str,
    pub region: &'static str,
    pub lat_e6: i32,
    pub lon_e6: i32,
    /// The umbrella association it names, if any (listed before it).
    pub parent: Option<OrgId>,
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
        insert_rows!(tx, "organisations", &["id", "name", "name_norm", "kind", "region", "created_at", "place", "lat_e6", "lon_e6", "parent_id"],
            orgs, |q, o| q.bind(o.id.0).bind(&o.name).bind(o.name.to_lowercase()).bind(o.kind).bind(o.region).bind(at)
                .bind(&o.name).bind(o.lat_e6).bind(o.lon_e6).bind(o.parent.map(|p| p.0)));
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

/// A generated swap with its history already decided: its members (the first proposed it),
/// every approval of both sides of every leg, and the members' reflections.
pub struct SyntheticSwap {
    pub id: domain::SwapId,
    pub week: String,
    pub state: &'static str,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub end_reason: Option<String>,
    pub members: Vec<(UserId, OrgId)>,
    pub approvals: Vec<SyntheticApproval>,
    /// `(member, would recommend)`.
    pub reflections: Vec<(UserId, bool)>,
}

pub struct SyntheticApproval {
    pub org: OrgId,
    /// `pending`, `approved` or `declined`.
    pub status: &'static str,
    /// For `declined`: `no_management_approval`, `staffing` or `other`.
    pub reason_kind: Option<&'static str>,
    /// Who decided (a member of `org` will do).
    pub by: Option<UserId>,
}

/// Loads generated swaps (for the figures' benchmark and tests) in one transaction.
pub async fn insert_swaps(db: &Db, swaps: &[SyntheticSwap]) -> Result<(), StoreError> {
    let members: Vec<(&SyntheticSwap, usize, &(UserId, OrgId))> =
        swaps.iter().flat_map(|s| s.members.iter().enumerate().map(move |(i, m)| (s, i, m))).collect();
    let approvals: Vec<(&SyntheticSwap, usize, &SyntheticApproval)> =
        swaps.iter().flat_map(|s| s.approvals.iter().enumerate().map(move |(i, a)| (s, i, a))).collect();
    let reflections: Vec<(&SyntheticSwap, &(UserId, bool))> =
        swaps.iter().flat_map(|s| s.reflections.iter().map(move |r| (s, r))).collect();
    let pos = |i: usize| i64::try_from(i).unwrap_or(i64::MAX);
    let legs = |s: &SyntheticSwap| s.members.len().max(1);
    write_tx!(db, tx => {
        insert_rows!(tx, "swaps", &["id", "week", "proposer_id", "state", "version", "end_reason", "created_at", "updated_at",
            "confirmed_at", "completed_at"],
            swaps, |q, s| q.bind(s.id.0).bind(&s.week).bind(s.members.first().map(|m| m.0.0)).bind(s.state).bind(1_i64)
                .bind(&s.end_reason).bind(s.created_at).bind(s.created_at).bind(s.confirmed_at).bind(s.completed_at));
        insert_rows!(tx, "swap_members", &["swap_id", "position", "user_id", "org_id", "accepted"],
            members, |q, m| q.bind(m.0.id.0).bind(pos(m.1)).bind(m.2.0.0).bind(m.2.1.0).bind(true));
        insert_rows!(tx, "swap_approvals", &["swap_id", "idx", "leg", "side", "org_id", "deadline", "status", "decided_by",
            "decided_at", "reason_kind"],
            approvals, |q, a| q.bind(a.0.id.0).bind(pos(a.1)).bind(pos(a.1 / 2 % legs(a.0))).bind(if a.1 % 2 == 0 { "sending" } else { "receiving" })
                .bind(a.2.org.0).bind(a.0.created_at + chrono::Duration::days(14)).bind(a.2.status).bind(a.2.by.map(|u| u.0))
                .bind((a.2.status != "pending").then_some(a.0.created_at + chrono::Duration::days(2))).bind(a.2.reason_kind));
        insert_rows!(tx, "swap_reflections", &["swap_id", "user_id", "learned", "will_change", "recommend", "created_at"],
            reflections, |q, r| q.bind(r.0.id.0).bind(r.1.0.0).bind("Generiert").bind("Generiert").bind(r.1.1)
                .bind(r.0.completed_at.unwrap_or(r.0.created_at)));
    });
    Ok(())
}
