//! The data protection duties towards one person: "Meine Daten" (everything the installation
//! holds about them, to read and to download, Art. 15 and 20 DSGVO).

use crate::{App, Download, Result};
use chrono::{DateTime, Utc};
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_secrets_of_links_are_left_out() {
        let mail = "Link: https://jt.example/password/reset?token=3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2 (1 h)";
        assert_eq!(super::without_secrets(mail), "Link: https://jt.example/password/reset?token=[entfernt] (1 h)");
        assert_eq!(super::without_secrets("Guten Tag Anna-Lena Müller,"), "Guten Tag Anna-Lena Müller,");
    }
}
