//! Store conformance: every story runs on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

mod copy;
mod feeds;
mod fixtures;
mod orgs;
mod outbox;
mod profiles;
mod rounds;
mod schema;
mod swaps;
mod users;
