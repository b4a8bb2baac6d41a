//! "Meine Daten": everything the installation keeps about the signed-in person, to read on a
//! page and to download as a file.

use super::ctx::{Ctx, SignedIn};
use super::forms::Empty;
use super::page::render;
use crate::error::HttpResult;
use crate::extract::CsrfForm;
use app::App;
use app::privacy::Cell;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};

pub fn routes() -> Router<App> {
    Router::new().route("/me/data", get(page)).route("/me/data/export", post(export))
}

/// Columns whose values are stable codes: shown as words, not as `snake_case`.
const CODE_COLUMNS: &[&str] =
    &["role", "state", "status", "kind", "purpose", "side", "body", "action", "object_type", "reason_kind"];

/// One section, ready to show.
struct SectionView {
    key: &'static str,
    title: String,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

#[derive(Template)]
#[template(path = "my_data.html")]
struct DataPage {
    ctx: Ctx,
    sections: Vec<SectionView>,
}

impl DataPage {
    fn count(&self, s: &SectionView) -> String {
        app::i18n::t_args(self.ctx.lang, "mydata-rows", &[("count", app::i18n::count(s.rows.len()))])
    }
}

/// A cell as people read it: dates in German time, yes and no in words, codes as words.
fn shown(ctx: &Ctx, column: &str, cell: &Cell) -> String {
    match cell {
        Cell::Text(t) if CODE_COLUMNS.contains(&column) => t.replace(['_', '-', '.'], " "),
        Cell::Text(t) => t.clone(),
        Cell::Time(t) => app::i18n::local_datetime(*t),
        Cell::Flag(true) => ctx.t("yes"),
        Cell::Flag(false) => ctx.t("no"),
        Cell::Number(n) => n.to_string(),
        Cell::Empty => "–".to_owned(),
    }
}

async fn page(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    let data = app::privacy::my_data(&app, &me).await?;
    let sections = data
        .sections
        .iter()
        .map(|s| SectionView {
            key: s.key,
            title: ctx.t(&format!("data-section-{}", s.key)),
            columns: s.columns.iter().map(|c| ctx.t(&format!("data-col-{c}"))).collect(),
            rows: s
                .rows
                .iter()
                .map(|row| s.columns.iter().zip(row).map(|(c, v)| shown(&ctx, c, v)).collect())
                .collect(),
        })
        .collect();
    Ok(render(&DataPage { ctx, sections }))
}

/// The download: a form's button, since taking the data away is recorded.
async fn export(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    Ok(crate::respond::download(app::privacy::export(&app, &me).await?))
}
