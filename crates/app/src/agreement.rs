//! The swap's confidentiality agreement: made from the current template of every organisation
//! the swap concerns (or the network's default), filled in with the names, organisations, roles
//! and week, rendered as a tagged PDF by the `documents` crate, and kept with its SHA-256.
//! What went into the document is kept beside it, so the signed version (with its signature
//! page) is the same document plus one page, even after templates change.

use crate::i18n::{local_datetime, t, t_args, week_label};
use crate::{App, Error, Result};
use chrono::{DateTime, Utc};
use domain::swap::Swap;
use domain::values::Locale;
use fluent_templates::fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};
use store::agreements::{Agreement, NewAgreement};

/// The language agreements are made in: German, the language of the public service here.
const LANG: Locale = Locale::De;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct PartySource {
    name: String,
    organisation: String,
    role_title: String,
    destination: String,
}

/// Everything the document is made of, stored with it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Source {
    lang: String,
    title: String,
    heading_parties: String,
    heading_terms: String,
    parties: Vec<PartySource>,
    week_text: String,
    paragraphs: Vec<String>,
    footer: String,
    templates: Vec<String>,
    /// When the agreement was made, to the second: the PDF's creation date. Agreements made
    /// before it was kept carry the fixed date their files were made with.
    #[serde(default)]
    created: Option<DateTime<Utc>>,
}

impl Source {
    fn input(&self) -> documents::AgreementInput {
        documents::AgreementInput {
            lang: self.lang.clone(),
            title: self.title.clone(),
            heading_parties: self.heading_parties.clone(),
            heading_terms: self.heading_terms.clone(),
            parties: self
                .parties
                .iter()
                .map(|p| documents::Party {
                    name: p.name.clone(),
                    organisation: p.organisation.clone(),
                    role_title: p.role_title.clone(),
                    destination: p.destination.clone(),
                })
                .collect(),
            week_text: self.week_text.clone(),
            paragraphs: self.paragraphs.clone(),
            footer: self.footer.clone(),
            created: self.created.unwrap_or_else(legacy_created),
        }
    }
}

/// The fixed date agreements' files carried before each kept its own: 1 January 1980, 00:00 UTC
/// (the epoch of reproducible ZIP files), 3,652 days after the Unix epoch.
fn legacy_created() -> DateTime<Utc> {
    DateTime::UNIX_EPOCH + chrono::Duration::days(3652)
}

fn pdf_error(e: impl std::fmt::Display) -> Error {
    Error::internal("agreement PDF", e)
}

/// Makes the agreement of a swap that reached the agreement step.
pub(crate) async fn generate(app: &App, swap: &Swap) -> Result<NewAgreement> {
    let db = &app.db;
    let mut parties = Vec::new();
    let mut org_names = Vec::new();
    for leg in swap.legs() {
        let person = store::users::account(db, leg.person).await?;
        let from = store::orgs::get(db, leg.from).await?;
        let to = store::orgs::get(db, leg.to).await?;
        let role_title =
            store::profiles::get(db, leg.person).await?.map(|p| p.role_title.to_string()).unwrap_or_else(|| "–".into());
        parties.push(PartySource {
            name: person.display_name,
            destination: t_args(LANG, "agreement-destination", &[("org", FluentValue::from(to.name.clone()))]),
            organisation: from.name.clone(),
            role_title,
        });
        if !org_names.contains(&from.name) {
            org_names.push(from.name);
        }
    }
    let week_text = week_label(LANG, swap.week);
    let names = crate::i18n::list(LANG, &parties.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
    let orgs = crate::i18n::list(LANG, &org_names);
    let mut templates = Vec::new();
    let mut refs = Vec::new();
    let mut footer_parts = Vec::new();
    for org in swap.organisations() {
        let tpl = store::agreements::current(db, org, LANG.as_str()).await?;
        if templates.iter().any(|(id, _): &(uuid::Uuid, _)| *id == tpl.id) {
            continue;
        }
        let owner = match tpl.org_id {
            Some(_) => store::orgs::get(db, org).await?.name,
            None => t(LANG, "agreement-network-default"),
        };
        refs.push(format!(
            "{}:{}:{}",
            tpl.org_id.map(|o| o.to_string()).unwrap_or_else(|| "network".into()),
            tpl.lang,
            tpl.version
        ));
        footer_parts.push(t_args(
            LANG,
            "agreement-template-ref",
            &[("owner", FluentValue::from(owner)), ("version", FluentValue::from(tpl.version))],
        ));
        templates.push((tpl.id, tpl));
    }
    let title = templates.first().map(|(_, t)| t.title.clone()).unwrap_or_else(|| t(LANG, "agreement-title"));
    let fill =
        |text: &str| text.replace("{week}", &week_text).replace("{organisations}", &orgs).replace("{names}", &names);
    let paragraphs: Vec<String> = templates
        .iter()
        .flat_map(|(_, tpl)| {
            tpl.body.split("\n\n").map(|p| fill(p.trim())).filter(|p| !p.is_empty()).collect::<Vec<_>>()
        })
        .collect();
    let source = Source {
        lang: LANG.as_str().into(),
        title,
        heading_parties: t(LANG, "agreement-parties"),
        heading_terms: t(LANG, "agreement-terms"),
        parties,
        week_text,
        paragraphs,
        footer: footer_parts.join(" · "),
        templates: refs,
        created: Some(chrono::SubsecRound::trunc_subsecs(store::now(), 0)),
    };
    let input = source.input();
    // Laying out and validating a PDF takes a while; keep it off the async workers.
    let pdf = tokio::task::spawn_blocking(move || documents::agreement_pdf(&input))
        .await
        .map_err(pdf_error)?
        .map_err(pdf_error)?;
    Ok(NewAgreement {
        lang: source.lang.clone(),
        hash: documents::sha256_hex(&pdf),
        pdf,
        templates: serde_json::to_string(&source).map_err(pdf_error)?,
    })
}

/// A kept agreement made again with `pseudonym` where `name` stood (an erased member), and a
/// closing paragraph saying so: its source and document. The hash the members signed stays
/// with the agreement (and on its signature page); this copy no longer matches it, by design.
pub(crate) async fn pseudonymised(source: &str, name: &str, pseudonym: &str) -> Result<(String, Vec<u8>)> {
    let mut source: Source = serde_json::from_str(source).map_err(pdf_error)?;
    // Only the pseudonym and the organisation stay: the job title would point at the person.
    for party in source.parties.iter_mut().filter(|p| p.name == name) {
        party.name = pseudonym.to_owned();
        party.role_title = "–".to_owned();
    }
    // A template may name the parties in its text ("{names}").
    for paragraph in &mut source.paragraphs {
        *paragraph = paragraph.replace(name, pseudonym);
    }
    let note = t_args(
        LANG,
        "agreement-pseudonymised",
        &[
            ("pseudonym", FluentValue::from(pseudonym.to_owned())),
            ("date", FluentValue::from(crate::i18n::local_date(store::now()))),
        ],
    );
    source.paragraphs.push(note);
    let input = source.input();
    let pdf = tokio::task::spawn_blocking(move || documents::agreement_pdf(&input))
        .await
        .map_err(pdf_error)?
        .map_err(pdf_error)?;
    Ok((serde_json::to_string(&source).map_err(pdf_error)?, pdf))
}

/// The agreement with a signature page listing who signed, when, and the hash they confirmed.
pub(crate) async fn signed_pdf(app: &App, swap: &Swap, agreement: &Agreement) -> Result<Vec<u8>> {
    let source: Source = serde_json::from_str(&agreement.templates).map_err(pdf_error)?;
    let users: Vec<_> = swap.signatures.iter().map(|s| s.user).collect();
    let people = store::contacts::of(&app.db, &users).await?;
    let lines = swap
        .signatures
        .iter()
        .map(|s| documents::SignatureLine {
            name: people.iter().find(|p| p.id == s.user).map(|p| p.name.clone()).unwrap_or_default(),
            signed_at: format!("{} ({})", local_datetime(s.at), t(LANG, "agreement-local-time")),
            document_hash: s.document_hash.clone(),
        })
        .collect();
    let page = documents::SignaturePage {
        heading: t(LANG, "agreement-signatures"),
        intro: t(LANG, "agreement-signatures-intro"),
        lines,
        label_signed_at: t(LANG, "agreement-signed-at"),
        label_hash: t(LANG, "agreement-hash"),
    };
    let input = source.input();
    tokio::task::spawn_blocking(move || documents::signed_agreement_pdf(&input, &page))
        .await
        .map_err(pdf_error)?
        .map_err(pdf_error)
}
