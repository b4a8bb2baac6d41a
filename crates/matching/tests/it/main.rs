//! Integration tests of the matching crate (one test binary, modules per topic).

mod brute;
mod common;
mod explain;
mod json;
mod parse;
mod props;
mod reference;

/// This crate's folder, as cargo tells the running test: a test binary reused from another
/// checkout (a shared target directory) still reads the files of this one.
pub fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR")
}
