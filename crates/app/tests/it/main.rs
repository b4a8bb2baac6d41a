//! The application layer's rules, on SQLite and on PostgreSQL, without HTTP: who hears of what
//! in a swap, who may change which part of a week, and how typed input is refused.
#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

mod figures;
mod network;
mod notifications;
mod trust;
mod week;
