//! A report of headed sections (the record of processing activities is one).

use documents::{Bar, BarChart, BarRow, ReportInput, ReportSection, report_pdf};

use crate::tools::{PdfFile, info_field, pages, pdfinfo, pdftotext, qdf, qpdf_check};

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
            ..ReportSection::default()
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

fn chart_section(heading: &str, optional: bool) -> ReportSection {
    let bar = |value: Option<u64>, text: &str| Bar { value, text: text.into() };
    ReportSection {
        heading: heading.into(),
        chart: Some(BarChart {
            alt: format!("{heading}. vorgeschlagen: 12; abgeschlossen: < 5."),
            rows: vec![
                BarRow { label: "vorgeschlagen".into(), bars: vec![bar(Some(12), "12")] },
                BarRow { label: "abgeschlossen".into(), bars: vec![bar(None, "< 5")] },
            ],
        }),
        optional,
        ..ReportSection::default()
    }
}

#[test]
fn a_chart_is_one_figure_with_its_numbers_in_words_and_optional_sections_give_way_to_one_page() {
    let created = "2026-12-06T10:00:00Z".parse().unwrap();
    let mut sections = vec![chart_section("Tausche nach Stand", false)];
    // Far more than one page holds: the optional ones are left out from the last.
    sections.extend((1..=20).map(|i| chart_section(&format!("Zusatz {i}"), true)));
    let input = ReportInput {
        lang: "de".into(),
        title: "Jahresbericht 2026: Stadt Musterstadt".into(),
        lead: "Werte von 1 bis 4 stehen als „< 5“.".into(),
        sections,
        footer: "Erstellt mit Jobtausch".into(),
        created,
    };
    let pdf = PdfFile::new(&report_pdf(&input).expect("report"));
    qpdf_check(&pdf);
    assert_eq!(pages(&pdf), 1);
    let text = pdftotext(&pdf);
    assert!(text.contains("Tausche nach Stand") && text.contains("Zusatz 1"), "{text}");
    assert!(!text.contains("Zusatz 20"), "the last optional section gave way: {text}");
    // The numbers are written beside the bars, not only drawn.
    assert!(text.contains("12") && text.contains("< 5"), "{text}");
    let file = qdf(&pdf);
    assert!(file.contains("/S /Figure"), "the chart is a figure in the structure");
    assert!(file.contains("/Alt (Tausche nach Stand. vorgeschlagen: 12; abgeschlossen: < 5.)"), "its words");

    // Required sections take the pages they need.
    let required: Vec<_> = (1..=20).map(|i| chart_section(&format!("Pflicht {i}"), false)).collect();
    let long = ReportInput { sections: required, ..input };
    let pdf = PdfFile::new(&report_pdf(&long).expect("report"));
    assert!(pages(&pdf) > 1);
    assert!(pdftotext(&pdf).contains("Pflicht 20"));
}
