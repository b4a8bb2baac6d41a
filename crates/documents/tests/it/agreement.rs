//! The agreement and its signed version.

use documents::{DocumentError, agreement_pdf, sha256_hex, signed_agreement_pdf};

use crate::samples;
use crate::tools::{
    PdfFile, info_field, pages, pdffonts, pdfinfo, pdftotext, qdf, qpdf_check, render_page, word_boxes,
};

/// The right margin in points (A4 width minus 25 mm), plus a little for rounding.
const RIGHT_EDGE: f32 = 595.276 - 70.866 + 0.5;

fn sample_pdf() -> PdfFile {
    PdfFile::new(&agreement_pdf(&samples::agreement()).expect("agreement"))
}

#[test]
fn pdfinfo_shows_title_tagging_version_and_a4() {
    let info = pdfinfo(&sample_pdf());
    println!("{info}");
    assert_eq!(info_field(&info, "Title"), "Gegenseitige Verschwiegenheitserklärung");
    assert_eq!(info_field(&info, "Tagged"), "yes");
    assert_eq!(info_field(&info, "PDF version"), "1.7");
    assert!(info_field(&info, "Page size").contains("(A4)"), "{info}");
    assert_eq!(info_field(&info, "Pages"), "1");
}

#[test]
fn every_font_is_embedded() {
    let fonts = pdffonts(&sample_pdf());
    println!("{fonts}");
    // Two header lines, then one row per font; the "emb" column is the third from the right.
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 2, "regular and bold expected:\n{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
        assert!(row.contains("DejaVuSans"), "unexpected font: {row}");
    }
}

#[test]
fn text_holds_parties_week_and_umlauts() {
    let input = samples::agreement();
    let text = pdftotext(&sample_pdf());
    for party in &input.parties {
        for value in [&party.name, &party.organisation, &party.role_title, &party.destination] {
            assert!(text.contains(value.as_str()), "missing {value:?} in:\n{text}");
        }
    }
    for value in [&input.title, &input.week_text, &input.footer] {
        assert!(text.contains(value.as_str()), "missing {value:?} in:\n{text}");
    }
    assert!(text.contains("Verschwiegenheitserklärung"));
    assert!(text.contains("Weiß"));
    assert!(text.contains("Öztürk"));
    assert!(text.contains("§ 203 StGB"));
}

#[test]
fn qpdf_finds_no_errors() {
    qpdf_check(&sample_pdf());
    let input = samples::agreement();
    let unsigned = agreement_pdf(&input).expect("agreement");
    let signed = signed_agreement_pdf(&input, &samples::signatures(&sha256_hex(&unsigned))).expect("signed");
    qpdf_check(&PdfFile::new(&signed));
}

#[test]
fn catalog_declares_language_title_display_tagging_and_conformance() {
    let file = qdf(&sample_pdf());
    for expected in [
        "/Lang (de)",
        "/DisplayDocTitle true",
        "/Marked true",
        "/StructTreeRoot",
        "/S /H1",
        "/S /H2",
        "/S /P",
        "/S /L",
        "/S /LI",
        "/S /Lbl",
        "/S /LBody",
        "/ListNumbering /Decimal",
        // Footer and page number are artifacts in the content streams.
        "/Artifact<</Attached[/Bottom]/Subtype/Footer/Type/Pagination>>BDC",
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>A</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "/FontFile2",
    ] {
        assert!(file.contains(expected), "{expected:?} not in the file");
    }
}

#[test]
fn long_terms_flow_onto_further_pages_within_the_margins() {
    let input = samples::long_agreement();
    let pdf = PdfFile::new(&agreement_pdf(&input).expect("long agreement"));
    let count = pages(&pdf);
    assert!(count >= 2, "40 paragraphs on {count} page(s)");

    let boxes = word_boxes(&pdf);
    let overflow: Vec<_> = boxes.iter().filter(|(_, _, x_max, _)| *x_max > RIGHT_EDGE).collect();
    assert!(overflow.is_empty(), "words beyond the right margin: {overflow:?}");
    assert!(boxes.iter().any(|(page, ..)| *page == count), "last page is empty");

    // Nothing lost or cut in wrapping: the words come out in order, the last one included.
    let text = pdftotext(&pdf);
    let words: Vec<&str> = text.split_whitespace().collect();
    let last = input.paragraphs.last().expect("paragraphs");
    let last_words: Vec<&str> = last.split_whitespace().collect();
    assert!(words.windows(last_words.len()).any(|w| w == last_words.as_slice()), "last paragraph not found intact");
    // Each page carries the footer, with its own page number.
    // (pdftotext drops the narrow spaces around the slash.)
    let squeezed: String = text.split_whitespace().collect();
    assert!(squeezed.contains(&format!("{count}/{count}")), "no page number {count}/{count}");
    assert_eq!(text.matches(&input.footer).count(), count);
}

#[test]
fn a_long_hash_like_word_is_broken_not_clipped() {
    let mut input = samples::agreement();
    input.paragraphs.push("x".repeat(300));
    let pdf = PdfFile::new(&agreement_pdf(&input).expect("agreement"));
    let boxes = word_boxes(&pdf);
    assert!(boxes.iter().all(|(_, _, x_max, _)| *x_max <= RIGHT_EDGE));
    let xs: usize = pdftotext(&pdf).matches('x').count();
    assert!(xs >= 300, "only {xs} of 300 characters came out");
}

#[test]
fn signed_version_has_one_more_page_with_each_hash() {
    let input = samples::agreement();
    let unsigned = agreement_pdf(&input).expect("agreement");
    let signatures = samples::signatures(&sha256_hex(&unsigned));
    let signed = PdfFile::new(&signed_agreement_pdf(&input, &signatures).expect("signed"));
    assert_eq!(pages(&signed), pages(&PdfFile::new(&unsigned)) + 1);

    let text = pdftotext(&signed);
    assert!(text.contains(&signatures.heading));
    for line in &signatures.lines {
        assert!(text.contains(&line.document_hash), "hash {} missing", line.document_hash);
        assert!(text.contains(&line.name));
        assert!(text.contains(&line.signed_at));
    }
    let info = pdfinfo(&signed);
    assert_eq!(info_field(&info, "Tagged"), "yes");
    assert_eq!(info_field(&info, "Title"), "Gegenseitige Verschwiegenheitserklärung");
}

#[test]
fn same_input_gives_the_same_bytes() {
    let input = samples::agreement();
    let first = agreement_pdf(&input).expect("first");
    let second = agreement_pdf(&input).expect("second");
    assert!(first == second, "two runs differ");
    assert_eq!(sha256_hex(&first), sha256_hex(&second));

    let signatures = samples::signatures(&sha256_hex(&first));
    let signed_first = signed_agreement_pdf(&input, &signatures).expect("signed");
    let signed_second = signed_agreement_pdf(&input, &signatures).expect("signed");
    assert!(signed_first == signed_second, "two signed runs differ");

    // And a different input gives a different hash.
    let mut other = input.clone();
    other.week_text = "Kalenderwoche 11/2030 (11. bis 15. März 2030)".into();
    assert_ne!(sha256_hex(&agreement_pdf(&other).expect("other")), sha256_hex(&first));
}

/// The sample's hash, pinned across processes, machines and builds. Signatures refer to a
/// document's SHA-256; when layout, fonts or krilla change on purpose, update this, knowing
/// that documents made before can no longer be regenerated byte for byte.
#[test]
fn sample_hash_is_pinned() {
    let bytes = agreement_pdf(&samples::agreement()).expect("agreement");
    assert_eq!(sha256_hex(&bytes), "bc0d1abb6f0002da5ceda2dc4027d56dc194205b4cdf7c7cf6fb5d05b9ed0d05");
}

#[test]
fn refuses_what_it_cannot_print() {
    let mut input = samples::agreement();
    input.parties[1].name = "王小明".into();
    assert!(matches!(
        agreement_pdf(&input),
        Err(DocumentError::UnsupportedCharacter { field, character: '王' })
            if field == "parties[1].name"
    ));

    let mut input = samples::agreement();
    input.paragraphs[0].push('\u{E000}');
    assert!(matches!(agreement_pdf(&input), Err(DocumentError::UnsupportedCharacter { .. })));

    let mut input = samples::agreement();
    input.title = " ".into();
    assert_eq!(agreement_pdf(&input), Err(DocumentError::Missing { field: "title" }));

    let mut input = samples::agreement();
    input.parties.clear();
    assert_eq!(agreement_pdf(&input), Err(DocumentError::Missing { field: "parties" }));

    let mut input = samples::agreement();
    input.lang = "de_DE".into();
    assert!(matches!(agreement_pdf(&input), Err(DocumentError::InvalidLanguage { .. })));

    let mut signatures = samples::signatures("0");
    signatures.lines.clear();
    assert_eq!(
        signed_agreement_pdf(&samples::agreement(), &signatures),
        Err(DocumentError::Missing { field: "signatures.lines" })
    );
}

#[test]
fn english_documents_declare_english() {
    let mut input = samples::agreement();
    input.lang = "en".into();
    input.title = "Mutual confidentiality agreement".into();
    let pdf = PdfFile::new(&agreement_pdf(&input).expect("agreement"));
    assert!(qdf(&pdf).contains("/Lang (en)"));
    assert_eq!(info_field(&pdfinfo(&pdf), "Title"), "Mutual confidentiality agreement");
}

/// Renders page 1 of the sample (and the signature page) to PNGs in the temp dir, for eyes.
#[test]
fn renders_to_png() {
    let input = samples::agreement();
    let unsigned = agreement_pdf(&input).expect("agreement");
    let signed = signed_agreement_pdf(&input, &samples::signatures(&sha256_hex(&unsigned))).expect("signed");
    let dir = std::env::temp_dir();
    let pdf = PdfFile::new(&signed);
    for (page, stem) in [(1, "documents-agreement-p1"), (2, "documents-agreement-p2")] {
        let png = render_page(&pdf, page, 60, &dir.join(stem));
        let size = std::fs::metadata(&png).expect("png written").len();
        assert!(size > 1000, "{} is only {size} bytes", png.display());
    }
}
