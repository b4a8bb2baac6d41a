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

/// What the installation holds about `me`, to read (a read: nothing is written).
pub async fn my_data(app: &App, me: &store::users::Account) -> Result<PersonalData> {
    Ok(PersonalData { generated_at: store::now(), sections: store::privacy::of_person(&app.db, me.id).await? })
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
