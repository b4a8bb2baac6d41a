//! Running poppler-utils and qpdf on a PDF.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A PDF written to a temporary directory, removed on drop.
pub struct PdfFile {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl PdfFile {
    pub fn new(bytes: &[u8]) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("document.pdf");
        std::fs::write(&path, bytes).expect("write pdf");
        Self { _dir: dir, path }
    }
}

fn package_of(tool: &str) -> &'static str {
    match tool {
        "qpdf" => "qpdf",
        _ => "poppler-utils",
    }
}

/// Runs `tool` with `args`, asserting success; returns stdout. Never skips: a missing tool
/// is a failure that names the Debian package.
pub fn run(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{tool}` ({e}); install the Debian package `{}`", package_of(tool)));
    assert!(
        output.status.success(),
        "`{tool} {}` failed with {}:\n{}\n{}",
        args.join(" "),
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("tool output is UTF-8")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

pub fn pdfinfo(pdf: &PdfFile) -> String {
    run("pdfinfo", &[arg(&pdf.path)])
}

/// The value of one `Key: value` line of pdfinfo's output.
pub fn info_field(info: &str, key: &str) -> String {
    info.lines()
        .find_map(|line| line.strip_prefix(&format!("{key}:")))
        .unwrap_or_else(|| panic!("pdfinfo printed no {key}:\n{info}"))
        .trim()
        .to_owned()
}

pub fn pages(pdf: &PdfFile) -> usize {
    info_field(&pdfinfo(pdf), "Pages").parse().expect("page count")
}

pub fn pdffonts(pdf: &PdfFile) -> String {
    run("pdffonts", &[arg(&pdf.path)])
}

pub fn pdftotext(pdf: &PdfFile) -> String {
    run("pdftotext", &["-enc", "UTF-8", arg(&pdf.path), "-"])
}

/// Every word's box as pdftotext -bbox reports it: (page, x_min, x_max, word).
pub fn word_boxes(pdf: &PdfFile) -> Vec<(usize, f32, f32, String)> {
    let html = run("pdftotext", &["-bbox", "-enc", "UTF-8", arg(&pdf.path), "-"]);
    let attribute = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        let end = start + tag[start..].find('"').expect("closing quote");
        tag[start..end].parse().expect("number")
    };
    let mut page = 0;
    let mut words = Vec::new();
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        } else if line.starts_with("<word ") {
            let text = line.split_once('>').and_then(|(_, rest)| rest.strip_suffix("</word>")).expect("word text");
            words.push((page, attribute(line, "xMin"), attribute(line, "xMax"), text.to_owned()));
        }
    }
    words
}

/// The file rewritten by qpdf with uncompressed, readable objects and content streams.
pub fn qdf(pdf: &PdfFile) -> String {
    let out = pdf.path.with_extension("qdf.pdf");
    run("qpdf", &["--qdf", "--object-streams=disable", arg(&pdf.path), arg(&out)]);
    String::from_utf8_lossy(&std::fs::read(out).expect("qdf output")).into_owned()
}

pub fn qpdf_check(pdf: &PdfFile) {
    let report = run("qpdf", &["--check", arg(&pdf.path)]);
    assert!(report.contains("No syntax or stream encoding errors found"), "qpdf --check:\n{report}");
}

/// Renders one page to a PNG at `dpi` and returns its path (kept: it is for looking at).
pub fn render_page(pdf: &PdfFile, page: usize, dpi: u32, stem: &Path) -> PathBuf {
    let page = page.to_string();
    let dpi = dpi.to_string();
    run("pdftoppm", &["-png", "-r", &dpi, "-f", &page, "-l", &page, "-singlefile", arg(&pdf.path), arg(stem)]);
    stem.with_extension("png")
}
