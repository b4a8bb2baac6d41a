//! Erasure of a person (Art. 17 DSGVO): their personal rows go, what they wrote for others
//! goes with them, and their name and address are taken out of every text the database keeps
//! (found by walking the schema, so a new table is covered without being named here). What the
//! employers must keep (a confirmed swap's agreement and audit trail) stays, naming a
//! pseudonymised tombstone: a pseudonym, a placeholder address and the organisation, with the
//! reason and the date until which it is kept. An account nothing kept points at goes entirely.

use crate::privacy::PERSON_COLUMNS;
use crate::{Backend, Db, Effects, StoreError, on_db, write_effects, write_tx};
use chrono::{DateTime, Utc};
use domain::{SwapId, UserId};
use uuid::Uuid;

/// Where the placeholder addresses of erased accounts point: nowhere (RFC 2606).
const PLACEHOLDER_DOMAIN: &str = "@erased.invalid";

/// The placeholder address of the erased account `id` (unique, as addresses must be).
pub(crate) fn placeholder(id: Uuid) -> String {
    format!("erased-{}{PLACEHOLDER_DOMAIN}", id.simple())
}

/// Whether `address` is an erased account's placeholder (which no mail goes to).
pub fn is_placeholder(address: &str) -> bool {
    address.to_ascii_lowercase().ends_with(PLACEHOLDER_DOMAIN)
}

/// An agreement of a confirmed swap, to be kept with a pseudonym instead of the person's name.
#[derive(Debug, Clone)]
pub struct KeptAgreement {
    pub swap: SwapId,
    /// What the document was made of (JSON), as stored.
    pub source: String,
}

/// The agreements of confirmed swaps of `user` (every member signed): what the employers keep.
pub async fn kept_agreements(db: &Db, user: UserId) -> Result<Vec<KeptAgreement>, StoreError> {
    let q = "SELECT a.swap_id, a.templates FROM agreements a JOIN swaps s ON s.id = a.swap_id \
             WHERE a.swap_id IN (SELECT swap_id FROM swap_members WHERE user_id = $1) \
             AND (SELECT COUNT(*) FROM swap_signatures g WHERE g.swap_id = a.swap_id) \
                 = (SELECT COUNT(*) FROM swap_members m WHERE m.swap_id = a.swap_id) \
             ORDER BY s.week";
    let rows: Vec<(Uuid, String)> = on_db!(db, pool => sqlx::query_as(q).bind(user.0).fetch_all(pool).await?);
    Ok(rows.into_iter().map(|(swap, source)| KeptAgreement { swap: SwapId(swap), source }).collect())
}

/// When each swap `user` is part of (as member or proposer) last changed: until the retention
/// of those that never became an agreement ends, they name the tombstone.
pub async fn swap_ends(db: &Db, user: UserId) -> Result<Vec<DateTime<Utc>>, StoreError> {
    let q = "SELECT s.updated_at FROM swaps s WHERE (s.id IN (SELECT swap_id FROM swap_members WHERE user_id = $1) \
             OR s.proposer_id = $1) AND s.pseudonymised_at IS NULL";
    Ok(on_db!(db, pool => sqlx::query_scalar(q).bind(user.0).fetch_all(pool).await?))
}

/// What an erasure writes instead of the person.
#[derive(Debug, Clone)]
pub struct Erasure {
    pub user: UserId,
    /// Shown where the name was, e.g. "Person 4F2A91".
    pub pseudonym: String,
    /// A stable code: `own-request`, `left-organisation`, `unverified`.
    pub reason: &'static str,
    /// Until when what is kept about the person stays (then it is erased by the retention worker).
    pub keep_until: Option<DateTime<Utc>>,
    /// Kept agreements made again: the agreement as read, its source and document with the
    /// pseudonym.
    pub reissued: Vec<Reissued>,
}

/// A kept agreement made again with a pseudonym.
#[derive(Debug, Clone)]
pub struct Reissued {
    pub swap: SwapId,
    /// The source it was made from, as read: it is replaced only if still the same (two members
    /// erased at once would otherwise bring back the first one's name).
    pub read: String,
    pub source: String,
    pub pdf: Vec<u8>,
}

/// Whether the person's account stayed as a tombstone (something kept points at it) or went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Tombstone,
    Deleted,
}

/// What a condition of [`OWN_ROWS`] is bound to: the person's id, their normalised address
/// (each as `$1`), or both (`$1` and `$2`).
#[derive(Clone, Copy)]
enum By {
    Id,
    Address,
    Both,
}

/// Rows that are the person's own, deleted whole: (table, condition, what it names). What
/// others keep about the person's part stays, naming the tombstone: an organisation's feedback
/// they wrote, the host's appointments and access for them (whose revocation is still due),
/// the deputy they were for a colleague.
const OWN_ROWS: &[(&str, &str, By)] = &[
    ("profile_topics", "user_id = $1", By::Id),
    ("profile_weeks", "user_id = $1", By::Id),
    ("profiles", "user_id = $1", By::Id),
    ("user_roles", "user_id = $1", By::Id),
    ("external_identities", "user_id = $1", By::Id),
    ("sso_attempts", "link_user_id = $1 OR LOWER(email) = $2", By::Both),
    ("sessions", "user_id = $1", By::Id),
    ("api_tokens", "user_id = $1", By::Id),
    ("calendar_feeds", "user_id = $1", By::Id),
    ("email_tokens", "user_id = $1", By::Id),
    ("notifications", "user_id = $1", By::Id),
    ("outbox", "LOWER(recipient) = $1", By::Address),
    ("login_failures", "email_norm = $1", By::Address),
    ("invitations", "email_norm = $1", By::Address),
    ("swap_checkins", "user_id = $1", By::Id),
    ("swap_reflections", "user_id = $1", By::Id),
    ("swap_handovers", "author_id = $1", By::Id),
    ("swap_deputies", "member_id = $1", By::Id),
    ("event_registrations", "user_id = $1", By::Id),
    ("event_round_members", "user_id = $1", By::Id),
    // The stories of the person's swaps name them: they go whole, with their parts.
    (
        "story_comments",
        "author_id = $1 OR story_id IN (SELECT s.id FROM stories s JOIN swap_members m ON m.swap_id = s.swap_id WHERE m.user_id = $1)",
        By::Id,
    ),
    (
        "story_quotes",
        "story_id IN (SELECT s.id FROM stories s JOIN swap_members m ON m.swap_id = s.swap_id WHERE m.user_id = $1)",
        By::Id,
    ),
    (
        "story_topics",
        "story_id IN (SELECT s.id FROM stories s JOIN swap_members m ON m.swap_id = s.swap_id WHERE m.user_id = $1)",
        By::Id,
    ),
    (
        "story_photos",
        "story_id IN (SELECT s.id FROM stories s JOIN swap_members m ON m.swap_id = s.swap_id WHERE m.user_id = $1)",
        By::Id,
    ),
    (
        "story_approvals",
        "story_id IN (SELECT s.id FROM stories s JOIN swap_members m ON m.swap_id = s.swap_id WHERE m.user_id = $1)",
        By::Id,
    ),
    ("stories", "swap_id IN (SELECT swap_id FROM swap_members WHERE user_id = $1)", By::Id),
    // Signatures and documents of swaps that were never confirmed: nobody must keep them.
    (
        "swap_signatures",
        "swap_id IN (SELECT swap_id FROM swap_members WHERE user_id = $1) AND \
         (SELECT COUNT(*) FROM swap_signatures g WHERE g.swap_id = swap_signatures.swap_id) \
         < (SELECT COUNT(*) FROM swap_members m WHERE m.swap_id = swap_signatures.swap_id)",
        By::Id,
    ),
    (
        "agreements",
        "swap_id IN (SELECT swap_id FROM swap_members WHERE user_id = $1) AND \
         (SELECT COUNT(*) FROM swap_signatures g WHERE g.swap_id = agreements.swap_id) \
         < (SELECT COUNT(*) FROM swap_members m WHERE m.swap_id = agreements.swap_id)",
        By::Id,
    ),
];

/// Tables whose texts are not the person's to scrub: other accounts (a namesake keeps their
/// name), the organisations' own names and domains, the installation's legal details and
/// agreement templates (documents the organisers and admins keep on purpose), and agreements
/// (the person's kept ones are made again whole, other swaps' are not theirs).
const NOT_SCRUBBED: &[&str] = &[
    "users",
    "organisations",
    "org_domains",
    "identity_provider_domains",
    "installation_settings",
    "agreement_templates",
    "agreements",
];

/// Columns whose reference the database sets to NULL when the account goes: they keep no
/// tombstone alive.
const NULLED_WITH_THE_ACCOUNT: &[(&str, &str)] = &[
    ("invitations", "invited_by"),
    ("agreement_templates", "created_by"),
    ("installation_settings", "updated_by"),
    ("identity_providers", "updated_by"),
    ("accessibility_reports", "answered_by"),
    ("events", "created_by"),
];

/// The swaps a person had a part in (as a member, proposer, decider, host, guest, deputy or
/// feedback's author): texts tied to other swaps are not searched for their name, so that a
/// namesake elsewhere keeps theirs.
const TIED_SWAPS: &str = "SELECT swap_id FROM swap_members WHERE user_id = $1 \
    UNION SELECT id FROM swaps WHERE proposer_id = $1 \
    UNION SELECT swap_id FROM swap_approvals WHERE decided_by = $1 OR delegate_id = $1 \
    UNION SELECT swap_id FROM swap_bodies WHERE decided_by = $1 \
    UNION SELECT swap_id FROM swap_appointments WHERE created_by = $1 OR guest_id = $1 \
    UNION SELECT swap_id FROM swap_access_items WHERE owner_id = $1 OR guest_id = $1 \
    UNION SELECT swap_id FROM swap_deputies WHERE member_id = $1 OR deputy_id = $1 \
    UNION SELECT swap_id FROM swap_feedback WHERE author_id = $1 \
    UNION SELECT swap_id FROM swap_handovers WHERE author_id = $1";

/// States of a swap that still needs its members (not ended, not done).
const LIVE_STATES: &str =
    "'proposed', 'accepted', 'approvals_pending', 'agreement_pending', 'confirmed', 'in_progress'";

/// The columns (other than the account itself and the audit log, which names ids without
/// keys) through which kept records point at a person by id.
pub(crate) fn references() -> impl Iterator<Item = (&'static str, &'static str)> {
    PERSON_COLUMNS
        .iter()
        .filter(|(t, c, _)| *t != "users" && *t != "audit_log" && (c.ends_with("_id") || c.ends_with("_by")))
        .map(|(t, c, _)| (*t, *c))
        .filter(|r| !NULLED_WITH_THE_ACCOUNT.contains(r))
}

/// Erases the person in one transaction, with `effects` (the audit entry).
pub async fn erase(db: &Db, erasure: &Erasure, effects: &Effects) -> Result<Outcome, StoreError> {
    let id = erasure.user.0;
    let placeholder = placeholder(id);
    let backend = db.backend();
    let outcome = write_tx!(db, tx => {
        let person: Option<(String, String, String)> =
            sqlx::query_as("SELECT display_name, email, email_norm FROM users WHERE id = $1 AND erased_at IS NULL")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((name, email, email_norm)) = person else { return Err(StoreError::NotFound) };
        // A swap proposed or accepted since the erasure was planned still needs them.
        let live: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM swaps s JOIN swap_members m ON m.swap_id = s.id \
             WHERE m.user_id = $1 AND s.state IN ({LIVE_STATES})"
        ))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if live > 0 {
            return Err(StoreError::Conflict);
        }
        let tied: Vec<Uuid> = sqlx::query_scalar(TIED_SWAPS).bind(id).fetch_all(&mut *tx).await?;
        for (table, condition, by) in OWN_ROWS {
            let sql = format!("DELETE FROM {table} WHERE {condition}");
            let delete = match by {
                By::Id => sqlx::query(&sql).bind(id),
                By::Address => sqlx::query(&sql).bind(&email_norm),
                By::Both => sqlx::query(&sql).bind(id).bind(&email_norm),
            };
            delete.execute(&mut *tx).await?;
        }
        sqlx::query("UPDATE swaps SET message = NULL WHERE proposer_id = $1").bind(id).execute(&mut *tx).await?;
        // An approval handed to them goes back to their organisation's approvers.
        sqlx::query("UPDATE swap_approvals SET delegate_id = NULL WHERE delegate_id = $1 AND status = 'pending'")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE accessibility_reports SET email = NULL WHERE LOWER(email) = $1")
            .bind(&email_norm)
            .execute(&mut *tx)
            .await?;
        for r in &erasure.reissued {
            let done = sqlx::query("UPDATE agreements SET templates = $2, pdf = $3 WHERE swap_id = $1 AND templates = $4")
                .bind(r.swap.0)
                .bind(&r.source)
                .bind(&r.pdf)
                .bind(&r.read)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::Conflict);
            }
        }

        // The name and the address, wherever a text keeps them.
        let needles = [
            Needle::name(&name, &erasure.pseudonym),
            Needle::address(&email, &placeholder),
            Needle::address(&email_norm, &placeholder),
        ];
        let columns_sql = match backend {
            Backend::Sqlite => {
                "SELECT m.name, p.name, UPPER(p.type) = 'TEXT' FROM pragma_table_list m, pragma_table_info(m.name) p \
                 WHERE m.schema = 'main' AND m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'"
            }
            Backend::Postgres => {
                "SELECT table_name::text, column_name::text, data_type = 'text' FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'"
            }
        };
        let columns: Vec<(String, String, bool)> = sqlx::query_as(columns_sql).fetch_all(&mut *tx).await?;
        let (row_id, by_row_id) = match backend {
            Backend::Sqlite => ("CAST(rowid AS TEXT)", "rowid = CAST($2 AS INTEGER)"),
            Backend::Postgres => ("ctid::text", "ctid = $2::tid"),
        };
        // Texts tied to a swap are searched only among the swaps the person had a part in.
        let tied_list = if tied.is_empty() {
            "NULL".to_owned()
        } else {
            (4..4 + tied.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
        };
        let texts = columns.iter().filter(|(t, _, text)| *text && !NOT_SCRUBBED.contains(&t.as_str()));
        for (table, column, _) in texts {
            let mut only = String::new();
            if columns.iter().any(|(t, c, _)| t == table && c == "swap_id") {
                only.push_str(&format!(" AND (swap_id IS NULL OR swap_id IN ({tied_list}))"));
            }
            // A mail sent is in its recipient's mailbox: the copy kept here goes; one still
            // waiting goes out with the pseudonym.
            let passes: &[(&str, bool)] = if table == "outbox" {
                &[(" AND sent_at IS NOT NULL", true), (" AND sent_at IS NULL", false)]
            } else {
                &[("", false)]
            };
            for (pass, delete) in passes {
                let select = format!(
                    "SELECT {row_id}, {column} FROM {table} WHERE ({column} LIKE $1 ESCAPE '\\' \
                     OR LOWER({column}) LIKE $2 ESCAPE '\\' OR LOWER({column}) LIKE $3 ESCAPE '\\'){only}{pass}"
                );
                let mut query = sqlx::query_as(&select)
                    .bind(needles[0].pattern())
                    .bind(needles[1].pattern())
                    .bind(needles[2].pattern());
                for swap in &tied {
                    query = query.bind(swap);
                }
                let rows: Vec<(String, String)> = query.fetch_all(&mut *tx).await?;
                for (row, text) in rows {
                    let scrubbed = scrub(&text, &needles);
                    if scrubbed == text {
                        continue;
                    }
                    if *delete {
                        let sql = format!("DELETE FROM {table} WHERE {}", by_row_id.replace("$2", "$1"));
                        sqlx::query(&sql).bind(row).execute(&mut *tx).await?;
                    } else {
                        let sql = format!("UPDATE {table} SET {column} = $1 WHERE {by_row_id}");
                        sqlx::query(&sql).bind(scrubbed).bind(row).execute(&mut *tx).await?;
                    }
                }
            }
        }

        let mut referenced = false;
        for (table, column) in references() {
            let q = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE {column} = $1)");
            referenced = sqlx::query_scalar(&q).bind(id).fetch_one(&mut *tx).await?;
            if referenced {
                break;
            }
        }
        let outcome = if referenced {
            sqlx::query(
                "UPDATE users SET display_name = $2, email = $3, email_norm = $3, password_hash = '!', \
                 organiser = FALSE, email_verified_at = NULL, mail_digest = FALSE, digest_sent_at = NULL, \
                 erased_at = $4, erasure_reason = $5, keep_until = $6 WHERE id = $1",
            )
            .bind(id)
            .bind(&erasure.pseudonym)
            .bind(&placeholder)
            .bind(crate::now())
            .bind(erasure.reason)
            .bind(erasure.keep_until)
            .execute(&mut *tx)
            .await?;
            Outcome::Tombstone
        } else {
            // The audit entries about the account go with it (the record of its erasure follows).
            sqlx::query(&crate::retention::audit_of("user"))
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM users WHERE id = $1").bind(id).execute(&mut *tx).await?;
            Outcome::Deleted
        };
        write_effects!(tx, effects);
        if backend == Backend::Sqlite {
            // The full-text index keeps removed words in older segments until they are merged.
            sqlx::query("INSERT INTO profile_search (profile_search) VALUES ('optimize')").execute(&mut *tx).await?;
        }
        outcome
    });
    Ok(outcome)
}

/// `text` with every needle replaced. A calendar's folded lines (RFC 5545: a line break and a
/// space) are joined first, so that a name split across two lines is found, and folded again.
fn scrub(text: &str, needles: &[Needle]) -> String {
    let folded = text.contains("\r\n ");
    let joined = if folded { text.replace("\r\n ", "") } else { text.to_owned() };
    let replaced = needles.iter().fold(joined.clone(), |t, n| n.replace_in(&t));
    match (replaced == joined, folded) {
        (true, _) => text.to_owned(),
        (false, true) => fold_lines(&replaced),
        (false, false) => replaced,
    }
}

/// Folds calendar lines longer than 75 octets at character boundaries (RFC 5545, 3.1).
fn fold_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    for (i, line) in text.split("\r\n").enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        let mut width = 0;
        for c in line.chars() {
            if width + c.len_utf8() > 75 {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += c.len_utf8();
        }
    }
    out
}

/// One text to take out of the database and what replaces it.
struct Needle {
    find: String,
    replace: String,
    /// A name matches in its exact case; an address in any (ASCII) case.
    any_case: bool,
}

impl Needle {
    fn name(name: &str, pseudonym: &str) -> Self {
        Self { find: name.to_owned(), replace: pseudonym.to_owned(), any_case: false }
    }

    fn address(address: &str, placeholder: &str) -> Self {
        Self { find: address.to_ascii_lowercase(), replace: placeholder.to_owned(), any_case: true }
    }

    /// The `LIKE` pattern that finds candidate rows (a name's column as is, an address's lowered).
    fn pattern(&self) -> String {
        let escaped = self.find.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        format!("%{escaped}%")
    }

    /// `text` with every whole occurrence replaced: not inside a longer word or address
    /// ("Anna" stays in "Annahme").
    fn replace_in(&self, text: &str) -> String {
        if self.find.is_empty() {
            return text.to_owned();
        }
        let haystack = if self.any_case { text.to_ascii_lowercase() } else { text.to_owned() };
        let part_of_word = |c: char| c.is_alphanumeric() || (self.any_case && "._%+-".contains(c));
        let mut out = String::with_capacity(text.len());
        let mut from = 0;
        while let Some(at) = haystack[from..].find(&self.find).map(|i| i + from) {
            let end = at + self.find.len();
            let before = text[..at].chars().next_back();
            let after = text[end..].chars().next();
            let whole = !before.is_some_and(part_of_word) && !after.is_some_and(|c| c.is_alphanumeric());
            out.push_str(&text[from..at]);
            out.push_str(if whole { &self.replace } else { &text[at..end] });
            from = end;
        }
        out.push_str(&text[from..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Needle;

    #[test]
    fn whole_names_and_addresses_are_replaced() {
        let name = Needle::name("Anna Schmidt", "Person 4F2A91");
        assert_eq!(
            name.replace_in("Anna Schmidt hat abgesagt. (Anna Schmidtke bleibt, Annahme auch.)"),
            "Person 4F2A91 hat abgesagt. (Anna Schmidtke bleibt, Annahme auch.)"
        );
        let short = Needle::name("Anna", "Person 1");
        assert_eq!(short.replace_in("Annahme von Anna."), "Annahme von Person 1.");
        let address = Needle::address("anna@stadt.example", "erased-1@jobtausch.invalid");
        assert_eq!(
            address.replace_in("An: Anna@Stadt.Example, jo.anna@stadt.example"),
            "An: erased-1@jobtausch.invalid, jo.anna@stadt.example"
        );
        assert_eq!(address.pattern(), "%anna@stadt.example%");
        assert_eq!(Needle::address("a_b@x.example", "p").pattern(), "%a\\_b@x.example%");
    }

    #[test]
    fn a_name_split_across_folded_calendar_lines_is_found_and_folded_again() {
        let needles = [Needle::name("Anna-Lena Schmidt-Weißenberger", "Person 4F2A91")];
        let line =
            format!("SUMMARY:Jobtausch-Briefing mit Eva Nowak und Anna-Lena Schmidt-Weißenberger{}", " x".repeat(30));
        let folded = super::fold_lines(&format!("BEGIN:VEVENT\r\n{line}\r\nEND:VEVENT"));
        assert!(!folded.contains("Anna-Lena Schmidt-Weißenberger"), "the name is split: {folded:?}");
        let scrubbed = super::scrub(&folded, &needles);
        assert!(scrubbed.replace("\r\n ", "").contains("mit Eva Nowak und Person 4F2A91 x"), "{scrubbed:?}");
        assert!(scrubbed.split("\r\n").all(|l| l.len() <= 75), "folded again: {scrubbed:?}");
        assert_eq!(super::scrub("Guten Tag", &needles), "Guten Tag");
    }
}
