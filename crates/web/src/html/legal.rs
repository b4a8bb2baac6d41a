//! The installation's legal pages (imprint, privacy statement, accessibility statement, easy
//! language), filled from the legal details its organisers keep on `/admin/legal`.

use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::{Field, FormErrors, Kind};
use super::page::{render, render_form};
use crate::error::HttpResult;
use crate::extract::CsrfForm;
use app::App;
use app::legal::{Conformance, Legal, LegalInput};
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum_extra::extract::CookieJar;
use domain::values::{LegalLine, LegalText};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/imprint", get(imprint))
        .route("/privacy", get(privacy))
        .route("/accessibility", get(accessibility))
        .route("/easy-language", get(easy))
        .route("/admin/legal", get(edit).post(save))
        .route("/admin/privacy-record", get(record))
        .route("/admin/privacy-record.pdf", get(record_pdf))
}

/// The record of processing activities, to read and to file (organisers).
#[derive(Template)]
#[template(path = "privacy_record.html")]
struct RecordPage {
    ctx: Ctx,
    record: app::retention::ProcessingRecord,
}

async fn record(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    let record = app::retention::processing_record(&app, &me.actor(), ctx.lang).await?;
    Ok(render(&RecordPage { ctx, record }))
}

async fn record_pdf(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    Ok(crate::respond::download(app::retention::processing_record_pdf(&app, &me.actor(), ctx.lang).await?))
}

#[derive(Template)]
#[template(path = "legal.html")]
struct LegalPage {
    ctx: Ctx,
    /// `imprint`, `privacy` or `accessibility`.
    page: &'static str,
    title: String,
    legal: Option<Legal>,
}

impl LegalPage {
    fn date(&self) -> String {
        self.legal.as_ref().map(|l| l.statement_date.format("%d.%m.%Y").to_string()).unwrap_or_default()
    }
    fn status(&self) -> String {
        self.legal
            .as_ref()
            .map(|l| self.ctx.t(&format!("accessibility-status-{}", l.conformance.code())))
            .unwrap_or_default()
    }
}

async fn legal_page(app: &App, ctx: Ctx, page: &'static str) -> HttpResult<Response> {
    let legal = app::legal::get(app).await?;
    let title = ctx.t(&format!("{page}-title"));
    Ok(render(&LegalPage { ctx, page, title, legal }))
}

async fn imprint(State(app): State<App>, ctx: Ctx) -> HttpResult<Response> {
    legal_page(&app, ctx, "imprint").await
}
async fn privacy(State(app): State<App>, ctx: Ctx) -> HttpResult<Response> {
    legal_page(&app, ctx, "privacy").await
}
async fn accessibility(State(app): State<App>, ctx: Ctx) -> HttpResult<Response> {
    legal_page(&app, ctx, "accessibility").await
}

#[derive(Template)]
#[template(path = "easy_language.html")]
struct EasyPage {
    ctx: Ctx,
    paragraphs: Vec<String>,
}

async fn easy(ctx: Ctx) -> Response {
    let paragraphs = (1..=12).map_while(|i| app::i18n::try_t(ctx.lang, &format!("easy-p{i}"))).collect();
    render(&EasyPage { ctx, paragraphs })
}

/// The form's fields in three sections: imprint, privacy, accessibility.
#[derive(Template)]
#[template(path = "legal_admin.html")]
struct AdminPage {
    ctx: Ctx,
    errors: FormErrors,
    sections: Vec<(String, Vec<Field>)>,
}

fn admin_page(ctx: Ctx, input: &LegalInput, errors: FormErrors) -> Response {
    let l = ctx.lang;
    let line =
        |name: &'static str, value: &str| Field::new(l, &errors, name, Kind::Text, value).max_len(LegalLine::MAX);
    let text =
        |name: &'static str, value: &str| Field::new(l, &errors, name, Kind::TextArea, value).max_len(LegalText::MAX);
    let conformance =
        Conformance::ALL.iter().map(|c| (c.code().to_owned(), ctx.t(&format!("conformance-{}", c.code()))));
    let sections = vec![
        (
            ctx.t("legal-admin-imprint"),
            vec![
                line("operator_name", &input.operator_name).required().autocomplete("organization"),
                text("operator_address", &input.operator_address).required(),
                line("represented_by", &input.represented_by),
                Field::new(l, &errors, "contact_email", Kind::Email, &input.contact_email).required(),
                line("contact_phone", &input.contact_phone),
                line("content_responsible", &input.content_responsible).required(),
            ],
        ),
        (
            ctx.t("legal-admin-privacy"),
            vec![
                line("dpo_name", &input.dpo_name),
                text("dpo_contact", &input.dpo_contact).required(),
                text("legal_basis", &input.legal_basis),
                text("supervisory_authority", &input.supervisory_authority).required(),
            ],
        ),
        (
            ctx.t("legal-admin-accessibility"),
            vec![
                Field::new(l, &errors, "conformance", Kind::Select, &input.conformance)
                    .options(std::iter::once((String::new(), ctx.t("choose-one"))).chain(conformance).collect())
                    .required(),
                text("limitations", &input.limitations),
                Field::new(l, &errors, "statement_date", Kind::Date, &input.statement_date).required(),
                Field::new(l, &errors, "accessibility_email", Kind::Email, &input.accessibility_email).required(),
                line("accessibility_phone", &input.accessibility_phone),
                text("enforcement_body", &input.enforcement_body).required(),
            ],
        ),
    ];
    let failed = !errors.is_empty();
    render_form(&AdminPage { ctx, errors, sections }, failed)
}

async fn edit(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    me.actor().ensure_organiser().map_err(app::Error::from)?;
    let input = app::legal::get(&app).await?.map(|l| l.to_input()).unwrap_or_default();
    Ok(admin_page(ctx, &input, FormErrors::default()))
}

async fn save(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(input): CsrfForm<LegalInput>,
) -> HttpResult<Response> {
    match app::legal::save(&app, &me.actor(), &input).await {
        Ok(_) => Ok(flash::redirect(&app, jar, "flash-legal-saved", "/admin/legal")),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(admin_page(ctx, &input, errors))
        }
        Err(e) => Err(e.into()),
    }
}
