//! Retention: erasing what is past its period, class by class (the periods, and which accounts
//! to erase, are the application's; the statements are here). Each class is one transaction;
//! a swap past its period keeps only pseudonyms, its figures and its state.

use crate::privacy::PERSON_COLUMNS;
use crate::{Db, StoreError, on_db, write_tx};
use chrono::{DateTime, Utc};
use domain::UserId;
use uuid::Uuid;

/// Sessions past their end (absolute or idle), links in mails and sign-ins under way past
/// their expiry: how many rows went.
pub async fn expired_sessions(db: &Db, now: DateTime<Utc>, idle_since: DateTime<Utc>) -> Result<u64, StoreError> {
    let gone = write_tx!(db, tx => {
        let mut gone = sqlx::query("DELETE FROM sessions WHERE expires_at < $1 OR last_seen_at < $2")
            .bind(now)
            .bind(idle_since)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        for table in ["email_tokens", "sso_attempts"] {
            gone += sqlx::query(&format!("DELETE FROM {table} WHERE expires_at < $1"))
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        gone
    });
    Ok(gone)
}

/// Accounts whose address was never confirmed, made before `before` (to be erased); deleted
/// here: invitations that expired or were accepted before it, and failed sign-ins (with their
/// audit entries, which name the address tried) that began before it: (accounts, rows deleted).
pub async fn unverified(db: &Db, before: DateTime<Utc>) -> Result<(Vec<UserId>, u64), StoreError> {
    let q = "SELECT id FROM users WHERE email_verified_at IS NULL AND erased_at IS NULL AND created_at < $1";
    let ids: Vec<Uuid> = on_db!(db, pool => sqlx::query_scalar(q).bind(before).fetch_all(pool).await?);
    let gone = write_tx!(db, tx => {
        let mut gone = 0;
        for sql in [
            "DELETE FROM invitations WHERE expires_at < $1 OR accepted_at < $1",
            "DELETE FROM login_failures WHERE first_failure_at < $1 AND (locked_until IS NULL OR locked_until < $1)",
            "DELETE FROM audit_log WHERE action = 'login.failed' AND at < $1",
        ] {
            gone += sqlx::query(sql).bind(before).execute(&mut *tx).await?.rows_affected();
        }
        gone
    });
    Ok((ids.into_iter().map(UserId).collect(), gone))
}

/// Daily check-ins (with their notes asking for help) of weeks before `week` (`2027-W11`).
pub async fn check_ins(db: &Db, before_week: &str) -> Result<u64, StoreError> {
    let gone = write_tx!(db, tx => {
        sqlx::query("DELETE FROM swap_checkins WHERE swap_id IN (SELECT id FROM swaps WHERE week < $1)")
            .bind(before_week)
            .execute(&mut *tx)
            .await?
            .rows_affected()
    });
    Ok(gone)
}

/// Who registered for, attended and met whom at events that ended before `before`: the
/// registrations and the places in the Tauschrunden go; the events stay (their organisers'
/// announcements, and how many came is no longer known by name).
pub async fn event_attendance(db: &Db, before: DateTime<Utc>) -> Result<u64, StoreError> {
    let gone = write_tx!(db, tx => {
        let mut gone = 0;
        for sql in [
            "DELETE FROM event_round_members WHERE round_id IN (SELECT r.id FROM event_rounds r \
             JOIN events e ON e.id = r.event_id WHERE e.ends_at < $1)",
            "DELETE FROM event_rounds WHERE event_id IN (SELECT id FROM events WHERE ends_at < $1)",
            "DELETE FROM event_registrations WHERE event_id IN (SELECT id FROM events WHERE ends_at < $1)",
        ] {
            gone += sqlx::query(sql).bind(before).execute(&mut *tx).await?.rows_affected();
        }
        gone
    });
    Ok(gone)
}

/// Mails sent before `before`.
pub async fn sent_mails(db: &Db, before: DateTime<Utc>) -> Result<u64, StoreError> {
    let gone = write_tx!(db, tx => {
        sqlx::query("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?
            .rows_affected()
    });
    Ok(gone)
}

/// A swap counts as confirmed when every member signed its agreement.
const CONFIRMED: &str = "(SELECT COUNT(*) FROM swap_signatures g WHERE g.swap_id = s.id) \
                         = (SELECT COUNT(*) FROM swap_members m WHERE m.swap_id = s.id)";

/// Proposals that ended (declined, withdrawn, cancelled) before `before` without ever being
/// confirmed: deleted with everything that hangs on them, their audit entries included.
pub async fn ended_proposals(db: &Db, before: DateTime<Utc>) -> Result<u64, StoreError> {
    let q = format!(
        "SELECT s.id FROM swaps s WHERE s.state IN ('declined', 'withdrawn', 'cancelled') \
         AND s.updated_at < $1 AND NOT ({CONFIRMED})"
    );
    let ids: Vec<Uuid> = on_db!(db, pool => sqlx::query_scalar(&q).bind(before).fetch_all(pool).await?);
    delete_with_audit(db, "swaps", "swap", &ids).await
}

/// Employers' applications never confirmed (created before `unconfirmed_before`) or refused
/// (before `refused_before`), with their questions and audit entries. An approved one stays
/// with its organisation: it records the framework agreement's version accepted.
pub async fn applications(
    db: &Db,
    unconfirmed_before: DateTime<Utc>,
    refused_before: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let q = "SELECT id FROM org_applications WHERE (state = 'unconfirmed' AND created_at < $1) \
             OR (state = 'refused' AND decided_at < $2)";
    let ids: Vec<Uuid> =
        on_db!(db, pool => sqlx::query_scalar(q).bind(unconfirmed_before).bind(refused_before).fetch_all(pool).await?);
    delete_with_audit(db, "org_applications", "org_application", &ids).await
}

/// The statement that deletes the audit entries about one object of `object_type` (`$1`, its
/// id), but the record of an account's erasure (which names only the id, for accountability,
/// Art. 5 Abs. 2 DSGVO).
pub(crate) fn audit_of(object_type: &str) -> String {
    format!("DELETE FROM audit_log WHERE object_type = '{object_type}' AND object_id = $1 AND action <> 'user.erased'")
}

/// Deletes the rows of `table` with these ids, each with the audit entries about it, one
/// transaction each: how many.
async fn delete_with_audit(db: &Db, table: &str, object_type: &str, ids: &[Uuid]) -> Result<u64, StoreError> {
    let audit = audit_of(object_type);
    let row = format!("DELETE FROM {table} WHERE id = $1");
    for id in ids {
        write_tx!(db, tx => {
            sqlx::query(&audit).bind(id.to_string()).execute(&mut *tx).await?;
            sqlx::query(&row).bind(id).execute(&mut *tx).await?;
        });
    }
    Ok(ids.len() as u64)
}

/// The swap tables' columns that point at a person (other than `swaps` itself).
fn swap_person_columns() -> impl Iterator<Item = (&'static str, &'static str)> {
    PERSON_COLUMNS
        .iter()
        .filter(|(t, c, _)| t.starts_with("swap_") && (c.ends_with("_id") || c.ends_with("_by")))
        .map(|(t, c, _)| (*t, *c))
}

/// What of a swap past its period goes whole: its documents, the week's texts and plans.
const SWAP_DETAILS: &[&str] = &[
    "agreements",
    "swap_signatures",
    "swap_handovers",
    "swap_checkins",
    "swap_feedback",
    "swap_deputies",
    "swap_appointments",
    "swap_access_items",
    "swap_admin_items",
    "swap_plans",
    "swap_briefings",
    "week_reminders",
    "notifications",
];

/// Confirmed swaps whose week was before `before_week`: each keeps its state, week,
/// organisations, decisions' kinds, the topics it was matched on and the reflections'
/// recommendation, with a
/// pseudonym (a tombstone in the member's organisation, `make_pseudonym()`) for every person;
/// its documents, texts, plans and audit entries go. Returns how many swaps.
pub async fn pseudonymise_swaps(
    db: &Db,
    before_week: &str,
    make_pseudonym: impl Fn() -> String,
) -> Result<u64, StoreError> {
    let q = format!("SELECT s.id FROM swaps s WHERE s.week < $1 AND s.pseudonymised_at IS NULL AND {CONFIRMED}");
    let ids: Vec<Uuid> = on_db!(db, pool => sqlx::query_scalar(&q).bind(before_week).fetch_all(pool).await?);
    let now = crate::now();
    let mut done = 0;
    for swap in &ids {
        let took = write_tx!(db, tx => {
            // Another instance's worker may have taken this swap meanwhile.
            let taken = sqlx::query("UPDATE swaps SET pseudonymised_at = $2 WHERE id = $1 AND pseudonymised_at IS NULL")
                .bind(swap)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            if taken.rows_affected() == 1 {
                // Everyone the swap names, with the organisation a pseudonym of theirs belongs to.
                let mut people: Vec<(Uuid, Option<Uuid>)> = sqlx::query_as(
                    "SELECT m.user_id, m.org_id FROM swap_members m WHERE m.swap_id = $1",
                )
                .bind(swap)
                .fetch_all(&mut *tx)
                .await?;
                for (table, column) in swap_person_columns() {
                    let q = format!(
                        "SELECT DISTINCT t.{column}, u.org_id FROM {table} t JOIN users u ON u.id = t.{column} \
                         WHERE t.swap_id = $1"
                    );
                    let more: Vec<(Uuid, Option<Uuid>)> = sqlx::query_as(&q).bind(swap).fetch_all(&mut *tx).await?;
                    people.extend(more);
                }
                people.sort();
                people.dedup_by_key(|(u, _)| *u);
                for table in SWAP_DETAILS {
                    sqlx::query(&format!("DELETE FROM {table} WHERE swap_id = $1")).bind(swap).execute(&mut *tx).await?;
                }
                // Its story names the people: it goes with its parts.
                for table in ["story_comments", "story_quotes", "story_topics", "story_photos", "story_approvals"] {
                    let q = format!("DELETE FROM {table} WHERE story_id IN (SELECT id FROM stories WHERE swap_id = $1)");
                    sqlx::query(&q).bind(swap).execute(&mut *tx).await?;
                }
                sqlx::query("DELETE FROM stories WHERE swap_id = $1").bind(swap).execute(&mut *tx).await?;
                sqlx::query("UPDATE swap_approvals SET comment = NULL, reason_text = NULL WHERE swap_id = $1")
                    .bind(swap)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("UPDATE swap_bodies SET reason = NULL WHERE swap_id = $1").bind(swap).execute(&mut *tx).await?;
                sqlx::query("UPDATE swap_reflections SET learned = '', will_change = '', free_text = NULL WHERE swap_id = $1")
                    .bind(swap)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM audit_log WHERE object_type = 'swap' AND object_id = $1")
                    .bind(swap.to_string())
                    .execute(&mut *tx)
                    .await?;
                for (person, org) in people {
                    let erased: Option<DateTime<Utc>> =
                        sqlx::query_scalar("SELECT erased_at FROM users WHERE id = $1").bind(person).fetch_one(&mut *tx).await?;
                    if erased.is_some() {
                        continue; // a tombstone already
                    }
                    let pseudonym = Uuid::now_v7();
                    sqlx::query(
                        "INSERT INTO users (id, email, email_norm, display_name, password_hash, org_id, locale, organiser, \
                         created_at, erased_at, erasure_reason) VALUES ($1, $2, $2, $3, '!', $4, 'de', FALSE, $5, $5, 'retention')",
                    )
                    .bind(pseudonym)
                    .bind(crate::erasure::placeholder(pseudonym))
                    .bind(make_pseudonym())
                    .bind(org)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("UPDATE swaps SET proposer_id = $1 WHERE id = $2 AND proposer_id = $3")
                        .bind(pseudonym)
                        .bind(swap)
                        .bind(person)
                        .execute(&mut *tx)
                        .await?;
                    for (table, column) in swap_person_columns() {
                        sqlx::query(&format!("UPDATE {table} SET {column} = $1 WHERE swap_id = $2 AND {column} = $3"))
                            .bind(pseudonym)
                            .bind(swap)
                            .bind(person)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                sqlx::query("UPDATE swaps SET message = NULL, agreement_hash = NULL WHERE id = $1")
                    .bind(swap)
                    .execute(&mut *tx)
                    .await?;
            }
            taken.rows_affected() == 1
        });
        done += u64::from(took);
    }
    Ok(done)
}

/// Tombstones past their `keep_until` (or without one) that nothing points at any more:
/// deleted, with the audit entries about them but the record of their erasure.
pub async fn spent_tombstones(db: &Db, now: DateTime<Utc>) -> Result<u64, StoreError> {
    let refs: Vec<String> = crate::erasure::references()
        .map(|(table, column)| format!("NOT EXISTS (SELECT 1 FROM {table} WHERE {table}.{column} = users.id)"))
        .collect();
    let q = format!(
        "SELECT id FROM users WHERE erased_at IS NOT NULL AND (keep_until IS NULL OR keep_until < $1) AND {}",
        refs.join(" AND ")
    );
    let ids: Vec<Uuid> = on_db!(db, pool => sqlx::query_scalar(&q).bind(now).fetch_all(pool).await?);
    delete_with_audit(db, "users", "user", &ids).await
}
