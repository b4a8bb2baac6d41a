//! A report of headed sections (the record of processing activities is one).

use documents::{ReportInput, ReportSection, report_pdf};

use crate::tools::{PdfFile, info_field, pdfinfo, pdftotext, qdf, qpdf_check};

#[test]
fn a_report_is_tagged_with_its_headings_and_items() {
    let created = "2026-12-06T10:00:00Z".parse().unwrap();
    let sections = (1..=12)
        .map(|i| ReportSection {
            heading: format!("{i}. Abschnitt"),
            paragraphs: vec!["Personenbezogene Daten werden nur verarbeitet, soweit es erforderlich ist. ".repeat(4)],
            items: vec![
                ("Sitzungen".into(), "bis zu ihrem Ende".into()),
                ("Gesendete E-Mails".into(), "30 Tage nach dem Versand".into()),
            ],
        })
        .collect();
    let input = ReportInput {
        lang: "de".into(),
        title: "Verzeichnis von Verarbeitungstätigkeiten".into(),
        lead: "Stand: 06.12.2026".into(),
        sections,
        footer: "Jobtausch · Stadt Musterstadt".into(),
        created,
    };
    let bytes = report_pdf(&input).expect("report");
    let pdf = PdfFile::new(&bytes);
    qpdf_check(&pdf);
    let info = pdfinfo(&pdf);
    assert_eq!(info_field(&info, "Title"), "Verzeichnis von Verarbeitungstätigkeiten");
    assert_eq!(info_field(&info, "Tagged"), "yes");
    // Each item's label stands in bold above its text.
    let text = pdftotext(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    for words in ["Stand: 06.12.2026", "12. Abschnitt", "Sitzungen: bis zu ihrem Ende", "Gesendete E-Mails: 30 Tage"] {
        assert!(text.contains(words), "{words} missing:\n{text}");
    }
    let file = qdf(&pdf);
    assert!(file.contains("/S /H2") && file.contains("/S /L") && file.contains("/S /LI"), "headings and lists");

    let empty = ReportInput { sections: vec![], ..input };
    assert_eq!(report_pdf(&empty), Err(documents::DocumentError::Missing { field: "sections" }));
}
