//! Jobtausch's documents: the mutual confidentiality agreement of a job swap (with or without
//! its signature page) and the participation certificate, as tagged, accessible PDFs.
//!
//! The crate is pure: plain strings in, PDF bytes (or iCalendar text) out. It has no texts of its own; headings,
//! labels and paragraphs come from the caller's (versioned, translated) templates. Start
//! reading at [`agreement_pdf`]; `compose` says what goes where, `layout` wraps and paginates,
//! `pdf` draws with krilla and writes the structure.
//!
//! Every file is PDF 1.7, conforms to PDF/A-2a and PDF/UA-1 as far as krilla validates them
//! (export fails otherwise), embeds subsets of DejaVu Sans, and is byte-reproducible: the same
//! input gives the same bytes, hence the same [`sha256_hex`].
//!
//! [`calendar`] writes the iCalendar files of the swap week (a person's feed, a swap's
//! download, a mail's attachment) from plain events in UTC; the same rule holds there.

pub mod calendar;
mod compose;
mod fonts;
mod layout;
mod pdf;
pub mod photo;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

pub use calendar::{CalendarEvent, EventStatus, calendar_ics};

use fonts::Fonts;
use layout::Flow;

/// One side of the swap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub organisation: String,
    pub role_title: String,
    /// Where this person works during the swap, e.g. "Arbeitsplatz bei Stadt Beispielhausen".
    pub destination: String,
}

/// The agreement's content, already localised and with the template's placeholders filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgreementInput {
    /// `"de"` or `"en"` (any RFC 3066 tag is accepted); becomes the document's `/Lang`.
    pub lang: String,
    /// The document title, e.g. "Gegenseitige Verschwiegenheitserklärung"; shown in the
    /// viewer's title bar and as the first-level heading.
    pub title: String,
    pub heading_parties: String,
    pub heading_terms: String,
    pub parties: Vec<Party>,
    /// e.g. "Kalenderwoche 10/2030 (4. bis 8. März 2030)".
    pub week_text: String,
    /// The template's paragraphs. A line feed inside one forces a line break.
    pub paragraphs: Vec<String>,
    /// On every page, e.g. "Vorlage Version 3 · Stadt Musterstadt".
    pub footer: String,
    /// When the agreement was made: the file's creation date (the same for the signed copy, so
    /// that it stays the same document plus one page).
    pub created: DateTime<Utc>,
}

/// One signature as recorded: who, when, and the SHA-256 of the unsigned document they signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureLine {
    pub name: String,
    pub signed_at: String,
    pub document_hash: String,
}

/// The final page of the signed download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignaturePage {
    pub heading: String,
    pub intro: String,
    pub lines: Vec<SignatureLine>,
    /// Printed as "{label_signed_at}: {signed_at}".
    pub label_signed_at: String,
    /// Printed as "{label_hash}:" with the hash on the line below.
    pub label_hash: String,
}

/// The participation certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateInput {
    pub lang: String,
    pub title: String,
    pub name: String,
    /// One paragraph each.
    pub lines: Vec<String>,
    pub footer: String,
    /// When the certificate was issued: the file's creation date.
    pub created: DateTime<Utc>,
}

/// A document of headed sections (a record for the files, a report): each section has
/// paragraphs and, below them, a list of items, each a label in bold above its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportInput {
    pub lang: String,
    pub title: String,
    /// Below the title, e.g. "Stand: 06.12.2026".
    pub lead: String,
    pub sections: Vec<ReportSection>,
    pub footer: String,
    pub created: DateTime<Utc>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportSection {
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// A bar chart below the paragraphs.
    pub chart: Option<BarChart>,
    /// (label, text): "Sitzungen: bis zu ihrem Ende".
    pub items: Vec<(String, String)>,
    /// Left out, the last first, while the report would take more than one page; a report
    /// whose sections are all required takes the pages it needs.
    pub optional: bool,
}

/// A horizontal bar chart: one row per label, one bar per series in each row, every bar with
/// its number written beside it (so that no colour has to be told apart). It is one figure in
/// the structure, and `alt` is what a screen reader says instead: name every number in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarChart {
    pub alt: String,
    pub rows: Vec<BarRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarRow {
    pub label: String,
    pub bars: Vec<Bar>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// The bar's length on the common scale; none draws no bar (a count not shown, "< 5").
    pub value: Option<u64>,
    /// Written after the bar: "12 vorgeschlagen", "< 5".
    pub text: String,
}

/// Why no document was made.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// A value the document cannot do without is empty (the title, the parties, the signatures).
    #[error("{field} must not be empty")]
    Missing { field: &'static str },
    /// `/Lang` must be a language tag such as `de` or `en-GB`.
    #[error("not a language tag: {lang:?}")]
    InvalidLanguage { lang: String },
    /// The text holds a character the embedded fonts cannot show (it would print as an empty
    /// box), a control character, or a private-use code point.
    #[error("{field} contains {character:?} (U+{:04X}), which the document cannot show", u32::from(*.character))]
    UnsupportedCharacter { field: String, character: char },
    /// An embedded font could not be read; a broken build, not bad input.
    #[error("the embedded font {0} could not be read")]
    Font(&'static str),
    /// The file would not conform to PDF/A-2a or PDF/UA-1; krilla's findings.
    #[error("the PDF would not conform to PDF/A-2a and PDF/UA-1: {}", .0.join("; "))]
    Validation(Vec<String>),
    /// A calendar event that would end before it starts.
    #[error("the event {uid} ends before it starts")]
    EndBeforeStart { uid: String },
    /// krilla could not write the file.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// The agreement, ready to sign.
pub fn agreement_pdf(input: &AgreementInput) -> Result<Vec<u8>, DocumentError> {
    build_agreement(input, None)
}

/// The same document plus a final signature page (for the signed download).
pub fn signed_agreement_pdf(input: &AgreementInput, signatures: &SignaturePage) -> Result<Vec<u8>, DocumentError> {
    build_agreement(input, Some(signatures))
}

/// The participation certificate.
pub fn certificate_pdf(input: &CertificateInput) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::load()?;
    check_language(&input.lang)?;
    require("title", &input.title)?;
    require("name", &input.name)?;
    fonts.check("title", &input.title)?;
    fonts.check("name", &input.name)?;
    fonts.check("footer", &input.footer)?;
    for (i, line) in input.lines.iter().enumerate() {
        fonts.check(&format!("lines[{i}]"), line)?;
    }

    let mut flow = Flow::new(&fonts);
    let body = compose::certificate(&mut flow, input);
    let frame = pdf::Frame { lang: &input.lang, title: &input.title, footer: &input.footer, created: input.created };
    pdf::render(&fonts, &body, flow.pages(), &frame)
}

/// A report of headed sections.
pub fn report_pdf(input: &ReportInput) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::load()?;
    check_language(&input.lang)?;
    require("title", &input.title)?;
    if input.sections.is_empty() {
        return Err(DocumentError::Missing { field: "sections" });
    }
    for (field, text) in [("title", &input.title), ("lead", &input.lead), ("footer", &input.footer)] {
        fonts.check(field, text)?;
    }
    for (i, section) in input.sections.iter().enumerate() {
        fonts.check(&format!("sections[{i}].heading"), &section.heading)?;
        for (j, p) in section.paragraphs.iter().enumerate() {
            fonts.check(&format!("sections[{i}].paragraphs[{j}]"), p)?;
        }
        for (j, (label, text)) in section.items.iter().enumerate() {
            fonts.check(&format!("sections[{i}].items[{j}]"), &format!("{label} {text}"))?;
        }
        if let Some(chart) = &section.chart {
            require("chart.alt", &chart.alt)?;
            fonts.check(&format!("sections[{i}].chart.alt"), &chart.alt)?;
            for (j, row) in chart.rows.iter().enumerate() {
                let texts: Vec<&str> = row.bars.iter().map(|b| b.text.as_str()).collect();
                fonts
                    .check(&format!("sections[{i}].chart.rows[{j}]"), &format!("{} {}", row.label, texts.join(" ")))?;
            }
        }
    }
    // Lay out all sections, then without the optional ones from the last, until one page holds
    // them (or none is left to drop).
    let mut sections: Vec<&ReportSection> = input.sections.iter().collect();
    loop {
        let mut flow = Flow::new(&fonts);
        let body = compose::report(&mut flow, input, &sections);
        let last_optional = sections.iter().rposition(|s| s.optional);
        match last_optional {
            Some(i) if flow.pages() > 1 => {
                sections.remove(i);
            }
            _ => {
                let frame = pdf::Frame {
                    lang: &input.lang,
                    title: &input.title,
                    footer: &input.footer,
                    created: input.created,
                };
                return pdf::render(&fonts, &body, flow.pages(), &frame);
            }
        }
    }
}

/// SHA-256 of `bytes` as 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}

fn build_agreement(input: &AgreementInput, signatures: Option<&SignaturePage>) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::load()?;
    check_agreement(&fonts, input)?;
    if let Some(signatures) = signatures {
        check_signatures(&fonts, signatures)?;
    }

    let mut flow = Flow::new(&fonts);
    let body = compose::agreement(&mut flow, input, signatures);
    let frame = pdf::Frame { lang: &input.lang, title: &input.title, footer: &input.footer, created: input.created };
    pdf::render(&fonts, &body, flow.pages(), &frame)
}

fn check_agreement(fonts: &Fonts, input: &AgreementInput) -> Result<(), DocumentError> {
    check_language(&input.lang)?;
    require("title", &input.title)?;
    if input.parties.is_empty() {
        return Err(DocumentError::Missing { field: "parties" });
    }
    for (field, text) in [
        ("title", &input.title),
        ("heading_parties", &input.heading_parties),
        ("heading_terms", &input.heading_terms),
        ("week_text", &input.week_text),
        ("footer", &input.footer),
    ] {
        fonts.check(field, text)?;
    }
    for (i, party) in input.parties.iter().enumerate() {
        for (field, text) in [
            ("name", &party.name),
            ("organisation", &party.organisation),
            ("role_title", &party.role_title),
            ("destination", &party.destination),
        ] {
            fonts.check(&format!("parties[{i}].{field}"), text)?;
        }
    }
    for (i, paragraph) in input.paragraphs.iter().enumerate() {
        fonts.check(&format!("paragraphs[{i}]"), paragraph)?;
    }
    Ok(())
}

fn check_signatures(fonts: &Fonts, page: &SignaturePage) -> Result<(), DocumentError> {
    require("signatures.heading", &page.heading)?;
    if page.lines.is_empty() {
        return Err(DocumentError::Missing { field: "signatures.lines" });
    }
    for (field, text) in [
        ("signatures.heading", &page.heading),
        ("signatures.intro", &page.intro),
        ("signatures.label_signed_at", &page.label_signed_at),
        ("signatures.label_hash", &page.label_hash),
    ] {
        fonts.check(field, text)?;
    }
    for (i, line) in page.lines.iter().enumerate() {
        for (field, text) in
            [("name", &line.name), ("signed_at", &line.signed_at), ("document_hash", &line.document_hash)]
        {
            fonts.check(&format!("signatures.lines[{i}].{field}"), text)?;
        }
    }
    Ok(())
}

fn require(field: &'static str, text: &str) -> Result<(), DocumentError> {
    if text.trim().is_empty() { Err(DocumentError::Missing { field }) } else { Ok(()) }
}

/// A plausible RFC 3066 tag: a primary subtag of 2 to 8 letters, then subtags of 1 to 8
/// letters or digits, joined by hyphens. Enough to keep garbage out of `/Lang`.
fn check_language(lang: &str) -> Result<(), DocumentError> {
    let mut subtags = lang.split('-');
    let primary_ok =
        subtags.next().is_some_and(|s| (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic()));
    let rest_ok = subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if primary_ok && rest_ok { Ok(()) } else { Err(DocumentError::InvalidLanguage { lang: lang.to_owned() }) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for ok in ["de", "en", "en-GB", "de-CH-1996"] {
            assert!(check_language(ok).is_ok(), "{ok}");
        }
        for bad in ["", "d", "de_DE", "de-", "deutsch!", "en-GB-toolongsubtag"] {
            assert!(check_language(bad).is_err(), "{bad}");
        }
    }
}
