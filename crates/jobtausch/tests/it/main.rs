//! The binary's parts with real neighbours: mail over a real SMTP server, the CLI commands on
//! real SQLite and PostgreSQL databases, the demo data.
#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

mod cli;
mod demo;
mod mail;
mod mail_tls;
mod match_cli;
mod outage;
mod privacy;
mod relay;
