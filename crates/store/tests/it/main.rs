//! Store conformance: every story runs on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

mod copy;
mod feeds;
mod fixtures;
mod orgs;
mod outbox;
mod privacy;
mod profiles;
mod rounds;
mod schema;
mod sso;
mod swaps;
mod users;

/// This crate's folder, as cargo tells the running test: a test binary reused from another
/// checkout (a shared target directory) still reads the files of this one.
pub fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR")
}
