//! The installation's legal details: read by everyone (the imprint, privacy and accessibility
//! pages), kept by the organisers. Until they are entered, the pages say so and the organisers'
//! start page asks for them.

use crate::{App, Result};
use domain::access::Actor;
use store::{AuditEntry, Effects};

pub use domain::legal::{Conformance, Legal, LegalInput};

/// The legal details, if the organisers entered them.
pub async fn get(app: &App) -> Result<Option<Legal>> {
    Ok(store::settings::legal(&app.db).await?)
}

/// Parses and stores the legal details (organisers only).
pub async fn save(app: &App, actor: &Actor, input: &LegalInput) -> Result<Legal> {
    actor.ensure_organiser()?;
    let legal = Legal::parse(input)?;
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "installation.legal", "installation", "legal"));
    store::settings::set_legal(&app.db, &legal, Some(actor.user_id), &effects).await?;
    Ok(legal)
}
