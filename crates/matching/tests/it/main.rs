//! Integration tests of the matching crate (one test binary, modules per topic).

mod parse;
