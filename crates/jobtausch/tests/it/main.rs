//! The binary's parts with real neighbours: mail over a real SMTP server, the CLI commands on
//! real SQLite and PostgreSQL databases, the demo data.
#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

mod cli;
mod demo;
mod deploy;
mod erasure;
mod faults;
mod mail;
mod mail_tls;
mod match_cli;
mod my_data;
mod outage;
mod privacy;
mod relay;
mod retention;

/// This crate's folder, as cargo tells the running test: a test binary reused from another
/// checkout (a shared target directory) still reads the files of this one.
pub fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR")
}
