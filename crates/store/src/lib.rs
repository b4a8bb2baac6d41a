//! Jobtausch's persistence: the only crate that knows SQL.
//!
//! [`Db`] is either an SQLite or a PostgreSQL pool. Each query is written once with `$n`
//! placeholders and expanded per backend by [`on_db!`] or [`write_tx!`], so both drivers
//! type-check their copy. Every state change writes its audit record and its outbox mails in
//! the same transaction ([`Effects`]). Start reading at [`db`], then one module per aggregate.

pub mod accessibility;
pub mod agreements;
pub mod audit;
pub mod contacts;
pub mod copy;
pub mod db;
pub mod erasure;
pub mod error;
pub mod events;
pub mod feeds;
pub mod figures;
pub mod inbox;
pub mod network;
pub mod orgs;
pub mod outbox;
pub mod privacy;
pub mod profiles;
pub mod retention;
pub mod rounds;
pub mod settings;
pub mod sso;
pub mod stories;
pub mod swaps;
pub mod synthetic;
pub mod users;
pub mod week;

pub use audit::AuditEntry;
pub use db::{Backend, Db, now};
pub use error::StoreError;
pub use outbox::{Effects, InboxItem, MailAttachment, OutboxMail};
#[cfg(feature = "test-support")]
pub mod testing;
