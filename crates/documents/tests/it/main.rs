//! The documents crate checked with the real tools: poppler-utils (pdfinfo, pdffonts, pdftotext,
//! pdftoppm) and qpdf for the PDFs, PyPI icalendar (scripts/check_ics.py) for the calendars. A
//! missing tool fails the test and says what to install or start.

mod agreement;
mod calendar;
mod certificate;
mod report;
mod samples;
mod tools;

#[test]
fn sha256_hex_matches_the_fips_vectors() {
    assert_eq!(documents::sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_eq!(documents::sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/// This crate's folder, as cargo tells the running test: a test binary reused from another
/// checkout (a shared target directory) still reads the files of this one.
pub fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR")
}
