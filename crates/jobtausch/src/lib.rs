//! The parts of the `jobtausch` binary that tests use too: the server with its mail worker,
//! the demo data and the administration commands.

pub mod admin;
pub mod demo;
pub mod mailer;
pub mod match_cmd;
pub mod server;
pub mod synthetic;
