//! Jobtausch's application layer: what the product does, written once for every face of it.
//! The pages, the JSON API, the command line and the workers all call the functions here.
//!
//! One module per capability: [`account`] (sign-up, verification, login, sessions, passwords),
//! [`tokens`] (personal API tokens), [`orgs`] (organisations, policy, roles, invitations,
//! agreement templates), [`profiles`] (one's profile, the search, a person's page), [`swaps`]
//! (the journey from proposal to confirmation, with the agreement), [`tasks`] (what a person
//! has to do now), [`week`] (the planned week and what comes after it), [`rounds`] (matching
//! rounds), [`events`] (events and after-work meetups with their Tauschrunden), [`feeds`] (calendars) and [`notify`] (every inbox message and mail). Each function takes the acting person and typed
//! input, asks `domain` whether the change is allowed, and lets `store` write it with its
//! audit record and notifications in one transaction; a refusal is an [`Error`].
//!
//! Start reading at [`swaps::act`]: one decision on a swap from the request to the outbox.

pub mod accessibility;
pub mod account;
mod agreement;
mod cache;
pub mod error;
pub mod events;
pub mod feeds;
pub mod figures;
pub mod i18n;
mod journey;
pub mod legal;
pub mod metrics;
pub mod names;
pub mod network;
pub mod notify;
pub mod orgs;
mod plan;
pub mod privacy;
pub mod profiles;
pub mod retention;
pub mod rounds;
pub mod secrets;
pub mod sso;
pub mod stories;
pub mod swaps;
pub mod tasks;
pub mod tokens;
mod touch;
pub mod week;

pub use error::{Error, Result};
/// The signed-in person as the application knows them (address, organisation, roles).
pub use store::users::Account;
pub use store::{Db, users::SessionLimits};

use chrono::Duration;
use std::sync::Arc;

/// Settings of a running instance.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address people reach the instance at, for links in e-mails (no trailing slash).
    pub base_url: String,
    /// Behind TLS: cookies get `Secure`, responses get `Strict-Transport-Security`.
    pub behind_tls: bool,
    pub sessions: SessionLimits,
    /// How long a verification link or an invitation stays valid.
    pub link_validity: Duration,
    /// Where the mailer sends from.
    pub mail_from: String,
    /// How mail leaves this instance, as `/healthz` reports it.
    pub mail: MailTransport,
    /// The secret a monitoring system shows (`Authorization: Bearer ...`) to read `/metrics`;
    /// without one the page does not exist.
    pub metrics_token: Option<String>,
    /// How long each class of personal data is kept.
    pub retention: retention::Periods,
}

/// How the outbox's mails leave this instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailTransport {
    /// Through an SMTP relay.
    Smtp,
    /// Into the log (the demo, or chosen explicitly with `log:`).
    Log,
    /// Nowhere yet: no relay is configured and mails wait in the outbox.
    QueuedOnly,
}

impl Config {
    pub fn new(base_url: impl Into<String>) -> Self {
        let base_url: String = base_url.into();
        Self {
            behind_tls: base_url.starts_with("https://"),
            base_url: base_url.trim_end_matches('/').to_owned(),
            sessions: SessionLimits::default(),
            link_validity: Duration::hours(48),
            mail_from: "Jobtausch <noreply@jobtausch.invalid>".into(),
            mail: MailTransport::Smtp,
            metrics_token: None,
            retention: retention::Periods::default(),
        }
    }

    /// A link into the instance, for mails and calendars (`path` starts with `/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

/// What every use case works with: the database and the instance's settings.
#[derive(Clone)]
pub struct App {
    pub db: Db,
    pub config: Arc<Config>,
    pub metrics: Arc<metrics::Metrics>,
    cache: Arc<cache::Cache>,
}

impl App {
    pub fn new(db: Db, config: Config) -> Self {
        Self { db, config: Arc::new(config), metrics: Arc::default(), cache: Arc::default() }
    }

    /// Whether the database answers (the health check).
    pub async fn healthy(&self) -> bool {
        self.db.ping().await
    }
}

/// A file handed out (an agreement, a certificate, a calendar, an export).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// The file name the person's browser saves it under.
    pub name: String,
    /// The full MIME type.
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

/// The date in Germany today: a week begins on its Monday there.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::Europe::Berlin).date_naive()
}
