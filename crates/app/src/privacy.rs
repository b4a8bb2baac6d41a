//! The data protection duties towards one person: "Meine Daten" (everything the installation
//! holds about them, to read and to download, Art. 15 and 20 DSGVO), and the erasure of their
//! account (Art. 17 DSGVO), by themselves or, once they left, by their organisation's admin.

use crate::account::Confirmation;
use crate::names::Names;
use crate::retention::week_end;
use crate::{Account, App, Download, Error, Result};
use chrono::{DateTime, Utc};
use domain::swap::{Swap, SwapState};
use domain::{OrgId, UserId};
use store::erasure::{Erasure, Outcome, Reissued};
use store::privacy::Section;
use store::{AuditEntry, Effects};

pub use store::privacy::Cell;

/// Everything about one person, section by section.
#[derive(Debug, Clone)]
pub struct PersonalData {
    pub generated_at: DateTime<Utc>,
    pub sections: Vec<Section>,
}

impl PersonalData {
    /// The machine-readable form: `{"generated_at": …, "sections": {"account": [{…}], …}}`,
    /// each row an object of its columns.
    pub fn to_json(&self) -> serde_json::Value {
        let sections: serde_json::Map<String, serde_json::Value> = self
            .sections
            .iter()
            .map(|s| {
                let rows = s
                    .rows
                    .iter()
                    .map(|row| {
                        let object: serde_json::Map<String, serde_json::Value> = s
                            .columns
                            .iter()
                            .zip(row)
                            .map(|(c, v)| ((*c).to_owned(), serde_json::to_value(v).unwrap_or_default()))
                            .collect();
                        serde_json::Value::Object(object)
                    })
                    .collect();
                (s.key.to_owned(), serde_json::Value::Array(rows))
            })
            .collect();
        serde_json::json!({ "generated_at": self.generated_at.to_rfc3339(), "sections": sections })
    }
}

/// What the installation holds about `me`, to read (a read: nothing is written). The secrets
/// of links in mails and messages (a password reset, a confirmation, an invitation) are left
/// out: whoever holds a session or an API token must not gain a password from the export.
pub async fn my_data(app: &App, me: &store::users::Account) -> Result<PersonalData> {
    let mut sections = store::privacy::of_person(&app.db, me.id).await?;
    for s in sections.iter_mut().filter(|s| matches!(s.key, "mails" | "inbox")) {
        for cell in s.rows.iter_mut().flatten() {
            if let Cell::Text(t) = cell {
                *t = without_secrets(t);
            }
        }
    }
    Ok(PersonalData { generated_at: store::now(), sections })
}

/// `text` with every run of 32 or more token characters (the secrets in links) replaced.
fn without_secrets(text: &str) -> String {
    let token = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 32 {
            out.push_str("[entfernt]");
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if token(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The same, taken away as a JSON file: the export is recorded in the audit log.
pub async fn export(app: &App, me: &store::users::Account) -> Result<Download> {
    let data = my_data(app, me).await?;
    let bytes = serde_json::to_vec_pretty(&data.to_json()).map_err(|e| crate::Error::internal("export", e))?;
    let effects = Effects::audit(AuditEntry::new(Some(me.id), "data.exported", "user", me.id));
    store::outbox::record(&app.db, &effects).await?;
    let day = crate::i18n::berlin(data.generated_at).format("%Y-%m-%d");
    Ok(Download { name: format!("meine-daten-{day}.json"), media_type: "application/json", bytes })
}

/// Why an account is erased (stored with its tombstone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErasureReason {
    /// The person deleted their account.
    OwnRequest,
    /// Their organisation's admin erased the account of someone who left.
    LeftOrganisation,
    /// The address was never confirmed within its period (the retention worker).
    Unverified,
}

impl ErasureReason {
    pub fn code(self) -> &'static str {
        match self {
            ErasureReason::OwnRequest => "own-request",
            ErasureReason::LeftOrganisation => "left-organisation",
            ErasureReason::Unverified => "unverified",
        }
    }
}

/// What erasing an account would do, for the page that asks to confirm it.
#[derive(Debug, Clone)]
pub struct ErasurePlan {
    /// The person whose account it is.
    pub person: Account,
    /// Swaps not yet under way: they are cancelled, and everyone concerned is told.
    pub ending: Vec<Swap>,
    /// A swap whose week is under way: it ends at once (among `ending`), the hosts are told.
    pub under_way: Option<Swap>,
    /// Confirmed swaps whose agreement and audit trail the employers keep, with a pseudonym
    /// instead of the name, and until when.
    pub kept: Vec<(Swap, DateTime<Utc>)>,
    pub names: Names,
}

/// What deleting their own account would do (for the confirmation page).
pub async fn my_erasure_plan(app: &App, me: &Account) -> Result<ErasurePlan> {
    plan(app, me.clone()).await
}

/// What erasing the account of `user`, who left the organisation `org`, would do: for its
/// admins (and the organisers), never for their own account (which they delete themselves).
pub async fn member_erasure_plan(app: &App, admin: &Account, org: OrgId, user: UserId) -> Result<ErasurePlan> {
    plan(app, member_to_erase(app, admin, org, user).await?).await
}

async fn member_to_erase(app: &App, admin: &Account, org: OrgId, user: UserId) -> Result<Account> {
    admin.actor().ensure_org_admin(org)?;
    if user == admin.id {
        return Err(Error::Forbidden("own-account-erased-by-self"));
    }
    let person = store::users::account(&app.db, user).await.map_err(|_| Error::NotFound)?;
    if person.org_id != Some(org) {
        return Err(Error::NotFound);
    }
    // An organiser serves the whole network: only another organiser removes them. An admin's
    // account goes once the role is taken away (recorded on its own), not in the same stroke.
    if person.organiser && !admin.organiser {
        return Err(Error::Forbidden("organiser-account"));
    }
    if person.roles.contains(&domain::access::OrgRole::OrgAdmin) && !admin.organiser {
        return Err(Error::Forbidden("admin-account"));
    }
    Ok(person)
}

async fn plan(app: &App, person: Account) -> Result<ErasurePlan> {
    let today = crate::today();
    let periods = app.config.retention;
    let kept_ids: Vec<_> =
        store::erasure::kept_agreements(&app.db, person.id).await?.into_iter().map(|k| k.swap).collect();
    let mut plan =
        ErasurePlan { person, ending: Vec::new(), under_way: None, kept: Vec::new(), names: Names::default() };
    let swaps = store::swaps::of_member(&app.db, plan.person.id).await?;
    for swap in &swaps {
        if !swap.clone().end_for_erasure(plan.person.id)?.is_empty() {
            if swap.state == SwapState::InProgress
                || (swap.state == SwapState::Confirmed && swap.week.monday() <= today)
            {
                plan.under_way = Some(swap.clone());
            }
            plan.ending.push(swap.clone());
        }
        if kept_ids.contains(&swap.id) {
            plan.kept.push((swap.clone(), periods.swaps.after(week_end(swap.week))));
        }
    }
    // In the order of their weeks, as people plan them.
    plan.ending.sort_by_key(|s| s.week);
    plan.kept.sort_by_key(|(s, _)| s.week);
    plan.names = Names::of(app, &swaps.iter().collect::<Vec<_>>()).await?;
    Ok(plan)
}

/// Deletes the signed-in person's account, once they confirmed it is them (their password, or
/// a fresh sign-in through their organisation's provider).
pub async fn erase_me(app: &App, me: &Account, how: &Confirmation) -> Result<()> {
    crate::account::confirm(app, me, how).await?;
    erase(app, Some(me), plan(app, me.clone()).await?, ErasureReason::OwnRequest).await
}

/// Erases the account of `user`, who left the organisation `org` (its admins and the
/// organisers), with an entry in the organisation's audit trail.
pub async fn erase_member(app: &App, admin: &Account, org: OrgId, user: UserId) -> Result<()> {
    let person = member_to_erase(app, admin, org, user).await?;
    erase(app, Some(admin), plan(app, person).await?, ErasureReason::LeftOrganisation).await
}

/// Erases an account whose address was never confirmed (the retention worker, nobody acting).
pub(crate) async fn erase_unverified(app: &App, user: UserId) -> Result<()> {
    let person = store::users::account(&app.db, user).await?;
    erase(app, None, plan(app, person).await?, ErasureReason::Unverified).await
}

/// Carries out an erasure: the swaps that are not over end first (each its own step, with its
/// notices), then, in one transaction, the person's data goes and what is kept names a
/// pseudonym.
async fn erase(app: &App, by: Option<&Account>, plan: ErasurePlan, reason: ErasureReason) -> Result<()> {
    let person = plan.person;
    // Kept until the last kept agreement's period ends, or any other swap's that names them.
    let periods = app.config.retention;
    let mut keep_until = plan.kept.iter().map(|(_, until)| *until).max();
    for ended in store::erasure::swap_ends(&app.db, person.id).await? {
        keep_until = keep_until.max(Some(periods.proposals.after(ended)));
    }
    for mut swap in plan.ending {
        let events = swap.end_for_erasure(person.id)?;
        // Recorded as done by whoever erases (the person, or their admin).
        crate::journey::record(app, swap, Some(by.unwrap_or(&person)), events).await?;
    }
    let kept = store::erasure::kept_agreements(&app.db, person.id).await?;
    let pseudonym = pseudonym();
    let mut reissued = Vec::new();
    for k in kept {
        let (source, pdf) = crate::agreement::pseudonymised(&k.source, &person.display_name, &pseudonym).await?;
        reissued.push(Reissued { swap: k.swap, read: k.source, source, pdf });
    }
    let until = keep_until.map(crate::i18n::local_date).unwrap_or_else(|| "–".into());
    let detail = format!("{}; kept until {until}", reason.code());
    let by = by.map(|a| a.id);
    let mut effects = Effects::audit(AuditEntry::new(by, "user.erased", "user", person.id).detail(detail));
    if let (ErasureReason::LeftOrganisation, Some(org)) = (reason, person.org_id) {
        effects.audit.push(AuditEntry::new(by, "member.erased", "organisation", org).detail(person.id.to_string()));
    }
    let erasure = Erasure { user: person.id, pseudonym, reason: reason.code(), keep_until, reissued };
    let outcome = store::erasure::erase(&app.db, &erasure, &effects).await?;
    tracing::info!(tombstone = outcome == Outcome::Tombstone, reason = reason.code(), "account erased");
    Ok(())
}

/// "Person 4F2A91": what stands where an erased person's name stood.
pub(crate) fn pseudonym() -> String {
    format!("Person {}", &crate::secrets::new_secret()[..6].to_uppercase())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_secrets_of_links_are_left_out() {
        let mail = "Link: https://jt.example/password/reset?token=3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2 (1 h)";
        assert_eq!(super::without_secrets(mail), "Link: https://jt.example/password/reset?token=[entfernt] (1 h)");
        assert_eq!(super::without_secrets("Guten Tag Anna-Lena Müller,"), "Guten Tag Anna-Lena Müller,");
    }
}
