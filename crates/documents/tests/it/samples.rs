//! Inputs as the web layer will pass them: German, with umlauts and ß.

use documents::{AgreementInput, CertificateInput, Party, SignatureLine, SignaturePage};

pub fn agreement() -> AgreementInput {
    AgreementInput {
        lang: "de".into(),
        title: "Gegenseitige Verschwiegenheitserklärung".into(),
        heading_parties: "Beteiligte".into(),
        heading_terms: "Vereinbarung".into(),
        parties: vec![
            Party {
                name: "Jürgen Weiß".into(),
                organisation: "Stadt Beispielhausen".into(),
                role_title: "Sachbearbeiter Straßenverkehrsbehörde".into(),
                destination: "Arbeitsplatz bei Landratsamt Musterkreis".into(),
            },
            Party {
                name: "Zoë Öztürk-Müller".into(),
                organisation: "Landratsamt Musterkreis".into(),
                role_title: "Referentin für Öffentlichkeitsarbeit".into(),
                destination: "Arbeitsplatz bei Stadt Beispielhausen".into(),
            },
        ],
        week_text: "Kalenderwoche 10/2030 (4. bis 8. März 2030)".into(),
        paragraphs: vec![
            "Die Beteiligten tauschen für die oben genannte Woche ihre Arbeitsplätze. Sie \
             verpflichten sich gegenseitig, über alle dienstlichen Angelegenheiten, die ihnen \
             während des Tausches bekannt werden, Verschwiegenheit zu wahren."
                .into(),
            "Die Pflicht zur Verschwiegenheit gilt auch nach dem Ende des Tausches fort. Sie \
             umfasst insbesondere personenbezogene Daten, Betriebs- und Geschäftsgeheimnisse \
             sowie Vorgänge, die ihrer Natur nach vertraulich sind."
                .into(),
            "Unterlagen und Datenträger der gastgebenden Stelle werden nicht mitgenommen; \
             Zugänge zu IT-Systemen werden nur im Umfang erteilt, den die Tätigkeit erfordert."
                .into(),
            "Verstöße können dienst- oder arbeitsrechtliche Folgen haben; strafrechtliche \
             Vorschriften (§ 203 StGB, § 353b StGB) bleiben unberührt."
                .into(),
        ],
        footer: "Vorlage Version 3 · Stadt Musterstadt".into(),
        created: made(),
    }
}

/// The sample with so many paragraphs that the terms run onto further pages.
pub fn long_agreement() -> AgreementInput {
    let mut input = agreement();
    let base = input.paragraphs.clone();
    input.paragraphs = (1..=40).map(|i| format!("{i}. {}", base[i % base.len()])).collect();
    input
}

pub fn signatures(document_hash: &str) -> SignaturePage {
    SignaturePage {
        heading: "Unterschriften".into(),
        intro: "Die Beteiligten haben diese Erklärung elektronisch unterzeichnet. Jede \
                Unterschrift bezieht sich auf das Dokument mit dem angegebenen SHA-256-Prüfwert."
            .into(),
        lines: vec![
            SignatureLine {
                name: "Jürgen Weiß".into(),
                signed_at: "2. März 2030, 09:14 Uhr (UTC)".into(),
                document_hash: document_hash.into(),
            },
            SignatureLine {
                name: "Zoë Öztürk-Müller".into(),
                signed_at: "2. März 2030, 11:02 Uhr (UTC)".into(),
                // A different hash per line, so the test can find each one.
                document_hash: documents::sha256_hex(document_hash.as_bytes()),
            },
        ],
        label_signed_at: "Unterzeichnet am".into(),
        label_hash: "Prüfwert (SHA-256) des unterzeichneten Dokuments".into(),
    }
}

pub fn certificate() -> CertificateInput {
    CertificateInput {
        lang: "de".into(),
        title: "Teilnahmebescheinigung".into(),
        name: "Jürgen Weiß".into(),
        lines: vec![
            "hat vom 4. bis 8. März 2030 am Jobtausch teilgenommen und in dieser Woche beim \
             Landratsamt Musterkreis gearbeitet."
                .into(),
            "Stadt Beispielhausen, im März 2030".into(),
        ],
        footer: "Jobtausch · Stadt Musterstadt".into(),
        created: made(),
    }
}

/// When the samples were made: 1 March 2030, 08:30:15 UTC.
pub fn made() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339("2030-03-01T08:30:15Z").expect("a date").to_utc()
}
