//! Integration tests of the matching crate (one test binary, modules per topic).

mod brute;
mod common;
mod explain;
mod json;
mod parse;
mod props;
mod reference;
