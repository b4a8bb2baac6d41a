//! Web tests: the router over a real socket with a cookie-keeping client, on SQLite and on
//! PostgreSQL.
#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

mod accessibility;
mod api;
mod api_week;
mod app;
mod calendar;
mod erasure;
mod events;
mod figures;
mod journey;
mod legal;
mod matrix;
mod my_data;
mod network;
mod ops;
mod orgs;
mod outage;
mod rounds;
mod router;
mod security;
mod session_end;
mod sso;
mod stories;
mod swaps;
mod trust;
mod week;

/// This crate's folder, as cargo tells the running test: a test binary reused from another
/// checkout (a shared target directory) still reads the files of this one.
pub fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR")
}
