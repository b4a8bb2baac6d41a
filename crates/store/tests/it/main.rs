//! Store conformance: every story runs on SQLite and on PostgreSQL.

mod copy;
mod fixtures;
mod orgs;
mod outbox;
mod profiles;
mod schema;
mod users;
