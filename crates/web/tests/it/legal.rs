//! The installation's legal pages come from the details its organisers enter; until then the
//! pages say so and the organisers' start page asks for them.

use crate::app::TestApp;
use domain::access::OrgRole;
use store::{Db, on_both_backends};

on_both_backends!(legal_pages_come_from_the_organisers_details, the_api_reads_and_keeps_the_legal_details);

const DETAILS: &[(&str, &str)] = &[
    ("operator_name", "Stadt Lindenfeld"),
    ("operator_address", "Rathausplatz 1\r\n12345 Lindenfeld"),
    ("represented_by", "Oberbürgermeisterin Dr. Petra Lind"),
    ("contact_email", "jobtausch@lindenfeld.example"),
    ("contact_phone", "0123 45678-0"),
    ("content_responsible", "Amt für Digitalisierung, Rathausplatz 1, 12345 Lindenfeld"),
    ("dpo_name", "Max Datenschutz"),
    ("dpo_contact", "datenschutz@lindenfeld.example"),
    ("legal_basis", "§ 3 Landesdatenschutzgesetz"),
    ("supervisory_authority", "Landesbeauftragte für Datenschutz, Postfach 1, 40000 Landeshauptstadt"),
    ("conformance", "partial"),
    ("limitations", "Eine Fassung in Gebärdensprache fehlt."),
    ("statement_date", "2027-01-19"),
    ("accessibility_email", "barrierefrei@lindenfeld.example"),
    ("accessibility_phone", ""),
    ("enforcement_body", "Durchsetzungsstelle des Landes"),
];

async fn legal_pages_come_from_the_organisers_details(db: Db) {
    let app = TestApp::start(db).await;
    app.user("koordination@netz.example", None, &[], true).await;
    app.user("admin@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;

    // Before: each page says the details are missing; the organiser's start page asks for them.
    let visitor = app.browser();
    for path in ["/imprint", "/privacy", "/accessibility"] {
        let page = visitor.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(page.body.contains("id=\"legal-missing\""), "{path} does not say the details are missing");
        assert!(!page.body.contains("Demo"), "{path} shows demo texts");
    }
    let organiser = app.browser();
    organiser.login("koordination@netz.example").await;
    let home = organiser.get("/").await;
    assert!(home.body.contains("href=\"/admin/legal\""), "no task on the organiser's start page");
    assert!(home.body.contains("Impressum, Datenschutzerklärung und Erklärung zur Barrierefreiheit ausfüllen"));

    // An organisation's admin may not keep them.
    let admin = app.browser();
    admin.login("admin@musterstadt.example").await;
    assert_eq!(admin.get("/admin/legal").await.status, 403);
    assert!(!admin.get("/").await.body.contains("href=\"/admin/legal\""));

    // Missing and wrong details are refused at their fields, and nothing is stored.
    let form = organiser.get("/admin/legal").await;
    assert_eq!(form.status, 200);
    let mut wrong: Vec<(&str, &str)> = DETAILS.to_vec();
    wrong.retain(|(k, _)| *k != "operator_name");
    wrong.iter_mut().filter(|(k, _)| *k == "contact_email").for_each(|f| f.1 = "keine-adresse");
    let refused = organiser.post_form("/admin/legal", "/admin/legal", &wrong).await;
    assert_eq!(refused.status, 422);
    for field in ["operator_name", "contact_email"] {
        assert!(refused.body.contains(&format!("id=\"{field}-error\"")), "no error at {field}");
    }
    assert!(refused.body.contains("Durchsetzungsstelle des Landes"), "what was typed is kept");
    assert_eq!(app.count("installation_settings").await, 0);

    let saved = organiser.post_form("/admin/legal", "/admin/legal", DETAILS).await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    // After: the pages carry the details in the product's wording, for everyone.
    let imprint = visitor.get("/imprint").await.body;
    for text in [
        "Stadt Lindenfeld",
        "Rathausplatz 1",
        "Oberbürgermeisterin Dr. Petra Lind",
        "0123 45678-0",
        "Amt für Digitalisierung",
    ] {
        assert!(imprint.contains(text), "imprint lacks {text}");
    }
    assert!(!imprint.contains("legal-missing"));
    assert!(imprint.contains("GeoNames"), "the place data's licence is named");
    let privacy = visitor.get("/privacy").await.body;
    for text in [
        "Max Datenschutz",
        "datenschutz@lindenfeld.example",
        "§ 3 Landesdatenschutzgesetz",
        "Landesbeauftragte für Datenschutz",
        "Art. 6 Abs. 1 Buchst. e DSGVO",
        "Art. 15 DSGVO",
    ] {
        assert!(privacy.contains(text), "privacy statement lacks {text}");
    }
    let accessibility = visitor.get("/accessibility").await.body;
    for text in [
        "teilweise vereinbar",
        "Gebärdensprache",
        "19.01.2027",
        "barrierefrei@lindenfeld.example",
        "Durchsetzungsstelle des Landes",
    ] {
        assert!(accessibility.contains(text), "accessibility statement lacks {text}");
    }
    // The form shows what is stored, and the task is gone.
    let again = organiser.get("/admin/legal").await.body;
    assert!(again.contains("value=\"2027-01-19\"") && again.contains("Stadt Lindenfeld"));
    assert!(!organiser.get("/").await.body.contains("href=\"/admin/legal\""));

    // The record of processing activities is made from the details and the settings: to read,
    // and as a PDF for the data protection officer's files (organisers only).
    assert!(again.contains("href=\"/admin/privacy-record\""));
    assert_eq!(admin.get("/admin/privacy-record").await.status, 403);
    assert_eq!(admin.get("/admin/privacy-record.pdf").await.status, 403);
    let record = organiser.get("/admin/privacy-record").await;
    assert_eq!(record.status, 200);
    for text in [
        "Verzeichnis von Verarbeitungstätigkeiten",
        "Stadt Lindenfeld",
        "Max Datenschutz",
        "§ 3 Landesdatenschutzgesetz",
        "7 Tage nach der Registrierung",
        "30 Tage nach dem Versand",
        "6 Jahre nach der Tauschwoche",
        "ein Jahr nach dem Ende",
        "Ende nach 30 Minuten ohne Aktivität",
    ] {
        assert!(record.body.contains(text), "the record lacks {text}");
    }
    let pdf = organiser.client.get(app.url("/admin/privacy-record.pdf")).send().await.unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let text = crate::swaps::pdftotext(&pdf.bytes().await.unwrap());
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in ["Verzeichnis von Verarbeitungstätigkeiten", "Stadt Lindenfeld", "90 Tage nach der Tauschwoche"] {
        assert!(text.contains(words), "the PDF lacks {words}:\n{text}");
    }
}

async fn the_api_reads_and_keeps_the_legal_details(db: Db) {
    let app = TestApp::start(db).await;
    app.user("koordination@netz.example", None, &[], true).await;
    app.user("admin@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;
    let (organiser, admin) = (
        crate::api::token_for(&app, "koordination@netz.example").await,
        crate::api::token_for(&app, "admin@musterstadt.example").await,
    );
    let c = reqwest::Client::new();
    let url = app.url("/api/installation/legal");
    assert_eq!(c.get(&url).bearer_auth(&organiser).send().await.unwrap().status(), 404);

    let body: serde_json::Map<String, serde_json::Value> =
        DETAILS.iter().map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v))).collect();
    let refused = c.put(&url).bearer_auth(&admin).json(&body).send().await.unwrap();
    assert_eq!(refused.status(), 403);
    let mut wrong = body.clone();
    wrong.insert("conformance".into(), "bald".into());
    let refused = c.put(&url).bearer_auth(&organiser).json(&wrong).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "conformance", "{problem}");
    assert_eq!(app.count("installation_settings").await, 0);

    assert_eq!(c.put(&url).bearer_auth(&organiser).json(&body).send().await.unwrap().status(), 204);
    let got: serde_json::Value = c.get(&url).bearer_auth(&admin).send().await.unwrap().json().await.unwrap();
    assert_eq!(got["operator_name"], "Stadt Lindenfeld");
    assert_eq!(got["statement_date"], "2027-01-19");
    assert_eq!(got["conformance"], "partial");
}
