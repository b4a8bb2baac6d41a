//! What the store can refuse. Violated unique constraints become field errors the user can act
//! on; everything else is an internal error that the web layer logs once and never shows.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("{0} is already taken")]
    Taken(&'static str),
    #[error("the object was changed meanwhile")]
    Conflict,
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    /// The database cannot be reached (down, restarting, every connection busy too long).
    #[error("database unavailable: {0}")]
    Unavailable(sqlx::Error),
    #[error("database: {0}")]
    Database(sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("backup: {0}")]
    Backup(String),
    /// The file that keeps two processes from migrating one SQLite database at once.
    #[error("migration lock: {0}")]
    MigrationLock(String),
    #[error("unsupported database URL {0:?}: use sqlite://FILE or postgres://...")]
    UnsupportedUrl(String),
}

/// Unique constraints and the form field each one protects.
const UNIQUE_FIELDS: &[(&str, &str)] = &[
    ("email_norm", "email"),
    ("users_email_unique", "email"),
    ("name_norm", "name"),
    ("organisations_name_unique", "name"),
    ("org_domains", "domains"),
    ("swap_members_one_swap_per_week", "week"),
    ("swap_members.user_id, swap_members.committed_week", "week"),
    // An account is linked to one subject per provider.
    ("external_identities_user", "provider_subject"),
    ("external_identities.user_id, external_identities.org_id", "provider_subject"),
    // Two versions of the framework agreement published at once.
    ("framework_agreements", "version"),
    // A swap has one story that is not withdrawn.
    ("stories_one_per_swap", "swap"),
    ("stories.swap_id", "swap"),
];

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => return StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                // PostgreSQL names the constraint, SQLite names table.column in the message.
                let said = format!("{} {}", db.constraint().unwrap_or_default(), db.message());
                if let Some((_, field)) = UNIQUE_FIELDS.iter().find(|(needle, _)| said.contains(needle)) {
                    return StoreError::Taken(field);
                }
            }
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_) => {
                return StoreError::Unavailable(e);
            }
            _ => {}
        }
        StoreError::Database(e)
    }
}
