//! "Barriere melden": the form on every page (no sign-in needed), and the list in which the
//! organisers answer for the installation's accessibility contact.

use super::account::MessagePage;
use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::{Field, FormErrors, Kind};
use super::page::{render, render_form};
use crate::error::{HttpError, HttpResult};
use crate::extract::CsrfForm;
use app::App;
use app::accessibility::{AccessibilityReport, MAX_PAGE, MAX_TEXT, ReportInput};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/accessibility/report", get(form).post(send))
        .route("/accessibility/reports", get(list))
        .route("/accessibility/reports/{id}/answered", post(answered))
}

#[derive(Template)]
#[template(path = "accessibility_report.html")]
struct FormPage {
    ctx: Ctx,
    errors: FormErrors,
    fields: Vec<Field>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReportForm {
    #[serde(alias = "page")]
    barrier_page: String,
    barrier_description: String,
    reply_email: String,
}

fn form_page(ctx: Ctx, f: &ReportForm, errors: FormErrors) -> Response {
    let l = ctx.lang;
    let fields = vec![
        Field::new(l, &errors, "barrier_page", Kind::Text, &f.barrier_page)
            .required()
            .max_len(MAX_PAGE)
            .autocomplete("url"),
        Field::new(l, &errors, "barrier_description", Kind::TextArea, &f.barrier_description)
            .required()
            .max_len(MAX_TEXT),
        Field::new(l, &errors, "reply_email", Kind::Email, &f.reply_email).autocomplete("email"),
    ];
    let failed = !errors.is_empty();
    render_form(&FormPage { ctx, errors, fields }, failed)
}

/// The form, with the page the person came from filled in.
async fn form(ctx: Ctx, Query(q): Query<ReportForm>) -> Response {
    form_page(ctx, &ReportForm { barrier_page: q.barrier_page, ..Default::default() }, FormErrors::default())
}

async fn send(State(app): State<App>, ctx: Ctx, CsrfForm(f): CsrfForm<ReportForm>) -> HttpResult<Response> {
    let input = ReportInput {
        page: f.barrier_page.clone(),
        description: f.barrier_description.clone(),
        email: f.reply_email.clone(),
    };
    match app::accessibility::report(&app, ctx.lang, &input).await {
        Ok(deadline) => {
            let key = if f.reply_email.trim().is_empty() { "a11y-thanks-anonymous" } else { "a11y-thanks-text" };
            let title = ctx.t("a11y-thanks-title");
            let text = ctx.ta(key, "deadline", app::i18n::local_date(deadline));
            let link = Some(("/accessibility".to_owned(), ctx.t("legal-accessibility")));
            Ok(render(&MessagePage { ctx, title, text, link }))
        }
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(form_page(ctx, &f, errors))
        }
        Err(e) => Err(HttpError::App(e)),
    }
}

/// A report as the list shows it.
struct Row {
    report: AccessibilityReport,
    received: String,
    age: String,
    deadline: String,
    overdue: bool,
}

#[derive(Template)]
#[template(path = "accessibility_reports.html")]
struct ListPage {
    ctx: Ctx,
    open: Vec<Row>,
    answered: Vec<Row>,
    note: Field,
}

async fn list(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    let reports = app::accessibility::list(&app, &me.actor()).await?;
    let now = chrono::Utc::now();
    let (open, answered): (Vec<Row>, Vec<Row>) = reports
        .into_iter()
        .map(|r| {
            let days = (now - r.created_at).num_days();
            Row {
                received: app::i18n::local_datetime(r.created_at),
                age: app::i18n::t_args(
                    ctx.lang,
                    "a11y-age",
                    &[("days", app::i18n::count(usize::try_from(days).unwrap_or(0)))],
                ),
                deadline: app::i18n::local_date(r.deadline),
                overdue: r.answered_at.is_none() && r.deadline < now,
                report: r,
            }
        })
        .partition(|row| row.report.answered_at.is_none());
    let note = Field::new(ctx.lang, &FormErrors::default(), "answer_note", Kind::Text, "").max_len(MAX_TEXT);
    Ok(render(&ListPage { ctx, open, answered, note }))
}

impl ListPage {
    fn when(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        app::i18n::local_datetime(*t)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AnsweredForm {
    answer_note: String,
}

async fn answered(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Path(id): Path<Uuid>,
    CsrfForm(f): CsrfForm<AnsweredForm>,
) -> HttpResult<Response> {
    app::accessibility::mark_answered(&app, &me.actor(), id, &f.answer_note).await?;
    Ok(flash::redirect(&app, jar, "flash-a11y-answered", "/accessibility/reports"))
}
