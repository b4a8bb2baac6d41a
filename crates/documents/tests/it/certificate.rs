//! The participation certificate.

use documents::certificate_pdf;

use crate::samples;
use crate::tools::{PdfFile, info_field, pages, pdffonts, pdfinfo, pdftotext, qdf, qpdf_check};

#[test]
fn certificate_is_a_tagged_one_page_document() {
    let input = samples::certificate();
    let bytes = certificate_pdf(&input).expect("certificate");
    assert!(bytes == certificate_pdf(&input).expect("again"), "not reproducible");
    let pdf = PdfFile::new(&bytes);
    qpdf_check(&pdf);

    let info = pdfinfo(&pdf);
    assert_eq!(info_field(&info, "Title"), "Teilnahmebescheinigung");
    assert_eq!(info_field(&info, "Tagged"), "yes");
    assert_eq!(pages(&pdf), 1);
    assert!(pdffonts(&pdf).lines().skip(2).all(|row| row.contains(" yes ")));

    let text = pdftotext(&pdf);
    for value in [&input.title, &input.name, &input.footer] {
        assert!(text.contains(value.as_str()), "missing {value:?}");
    }
    assert!(text.contains("Landratsamt Musterkreis"));
    let file = qdf(&pdf);
    assert!(file.contains("/S /H1") && file.contains("/Lang (de)"));
    assert!(file.contains("/CreationDate (D:20300301083015"), "the file says when it was made");
}
