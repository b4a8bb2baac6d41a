//! The figures' pages: an organisation's (its admins; an association's shows its members in
//! aggregate), the network's for its organisers, and the public page with the network's
//! headline figures (no sign-in, no JavaScript). Each chart is inline SVG with the same numbers
//! as a table below it; all numbers download as CSV, each chart as SVG, and an organisation's
//! year as a one-page PDF report.

use super::ctx::{Ctx, SignedIn};
use super::page::render;
use crate::charts;
use crate::error::HttpResult;
use crate::extract::{Id, IdAnd};
use app::App;
use app::figures::{Chart, Figures, Whose, shown_text};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use domain::OrgId;
use domain::disclosure::Shown;
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/figures", get(public_page))
        .route("/figures/{file}", get(public_file))
        .route("/admin/figures", get(network_page))
        .route("/admin/figures/{file}", get(network_file))
        .route("/orgs/{id}/figures", get(org_page))
        .route("/orgs/{id}/figures/{file}", get(org_file))
        .route("/orgs/{id}/report.pdf", get(org_report))
}

/// The charts the public page shows: the headline figures.
const PUBLIC_CHARTS: [&str; 5] = ["swaps", "quarters", "regions", "kinds", "recommend"];

#[derive(Debug, Default, Deserialize)]
struct YearQuery {
    #[serde(default)]
    year: String,
}

impl YearQuery {
    /// The year asked for, or all years with the message why the typed one was refused.
    fn year(&self, ctx: &Ctx) -> (Option<i32>, Option<String>) {
        match app::figures::parse_year(&self.year) {
            Ok(y) => (y, None),
            Err(app::Error::Invalid(errs)) => {
                let why = errs.first().map(|e| app::i18n::reason_text(ctx.lang, &e.reason)).unwrap_or_default();
                (None, Some(format!("{}: {why}", ctx.t("figures-year"))))
            }
            Err(_) => (None, None),
        }
    }
}

/// A chart as the page shows it.
struct ChartView {
    chart: Chart,
    svg: String,
    /// The table's cells: the rows, then the total row if any.
    rows: Vec<(String, Vec<String>)>,
    total: Option<Vec<String>>,
    href: String,
}

#[derive(Template)]
#[template(path = "figures.html")]
struct FiguresPage {
    ctx: Ctx,
    title: String,
    public: bool,
    /// Where the year form and the files are (`/orgs/…/figures`, `/admin/figures`, `/figures`).
    base: String,
    year: Option<i32>,
    years: Vec<i32>,
    time: String,
    charts: Vec<ChartView>,
    all_small: bool,
    /// The yearly report's address, for an organisation with a year chosen.
    report: Option<String>,
    /// Why the year typed was refused.
    error: Option<String>,
}

impl FiguresPage {
    fn is_year(&self, y: &i32) -> bool {
        self.year == Some(*y)
    }
}

fn page(ctx: Ctx, f: &Figures, base: String, public: bool, error: Option<String>) -> Response {
    let lang = ctx.lang;
    let title = match (f.whose, &f.name) {
        (Whose::Network, _) if public => ctx.t("figures-public-title"),
        (Whose::Network, _) => ctx.t("figures-title-network"),
        (Whose::Umbrella(_), Some(n)) => ctx.ta("figures-title-umbrella", "name", n),
        (_, Some(n)) => ctx.ta("figures-title-org", "name", n),
        (_, None) => ctx.t("figures-title"),
    };
    let query = f.year.map(|y| format!("?year={y}")).unwrap_or_default();
    let charts: Vec<ChartView> = app::figures::charts(f, lang)
        .into_iter()
        .filter(|c| !public || PUBLIC_CHARTS.contains(&c.id))
        .map(|chart| {
            let text = |v: &[Shown]| v.iter().map(|s| shown_text(lang, *s)).collect::<Vec<_>>();
            ChartView {
                svg: charts::svg(&chart, lang),
                rows: chart.rows.iter().map(|r| (r.label.clone(), text(&r.values))).collect(),
                total: chart.total.as_deref().map(text),
                href: format!("{base}/{}.svg{query}", chart.id),
                chart,
            }
        })
        .collect();
    // "Almost all values are below 5": more cells suppressed than shown above 0.
    let cells = charts.iter().flat_map(|c| c.chart.rows.iter().flat_map(|r| r.values.iter()));
    let (suppressed, shown) = cells.fold((0, 0), |(s, n), v| match v {
        Shown::Value(0) => (s, n),
        Shown::Value(_) => (s, n + 1),
        Shown::Few | Shown::Withheld => (s + 1, n),
    });
    let report = match (f.whose, f.year) {
        (Whose::Org(o) | Whose::Umbrella(o), Some(y)) if !public => Some(format!("/orgs/{o}/report.pdf?year={y}")),
        _ => None,
    };
    let t = &f.time_to_confirm;
    let time = match (t.median_days, t.p90_days) {
        (Some(m), Some(p)) => app::i18n::t_args(
            lang,
            "figures-time-values",
            &[
                ("median", app::i18n::arg(app::figures::days(lang, m))),
                ("p90", app::i18n::arg(app::figures::days(lang, p))),
                ("swaps", app::i18n::arg(shown_text(lang, t.swaps))),
            ],
        ),
        _ => ctx.t("figures-time-few"),
    };
    let refused = error.is_some();
    let mut res = render(&FiguresPage {
        error,
        title,
        public,
        base,
        year: f.year,
        years: app::figures::years(),
        time,
        charts,
        all_small: suppressed > shown,
        report,
        ctx,
    });
    if refused {
        *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    res
}

/// A chart as SVG, or all numbers as CSV: `quarters.svg`, `kennzahlen.csv`.
fn file(ctx: &Ctx, f: &Figures, name: &str, allowed: &[&str]) -> HttpResult<Response> {
    if name.ends_with(".csv") {
        return Ok(crate::respond::download(app::figures::csv(f, ctx.lang, allowed)));
    }
    let id = name.strip_suffix(".svg").ok_or(app::Error::NotFound)?;
    let chart = app::figures::charts(f, ctx.lang)
        .into_iter()
        .find(|c| c.id == id && (allowed.is_empty() || allowed.contains(&c.id)))
        .ok_or(app::Error::NotFound)?;
    let mut res = charts::svg(&chart, ctx.lang).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml; charset=utf-8"));
    if let Ok(v) =
        HeaderValue::from_str(&format!("attachment; filename=\"{}\"", app::figures::file_name(f, &format!("{id}.svg"))))
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

async fn public_page(State(app): State<App>, ctx: Ctx) -> HttpResult<Response> {
    let f = app::figures::public(&app).await?;
    Ok(page(ctx, &f, "/figures".into(), true, None))
}

async fn public_file(State(app): State<App>, ctx: Ctx, Path(name): Path<String>) -> HttpResult<Response> {
    let f = app::figures::public(&app).await?;
    file(&ctx, &f, &name, &PUBLIC_CHARTS)
}

async fn network_page(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    Query(q): Query<YearQuery>,
) -> HttpResult<Response> {
    let (year, error) = q.year(&ctx);
    let f = app::figures::of_network(&app, &me.actor(), year).await?;
    Ok(page(ctx, &f, "/admin/figures".into(), false, error))
}

async fn network_file(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    Path(name): Path<String>,
    Query(q): Query<YearQuery>,
) -> HttpResult<Response> {
    let year = app::figures::parse_year(&q.year)?;
    let f = app::figures::of_network(&app, &me.actor(), year).await?;
    file(&ctx, &f, &name, &[])
}

async fn org_page(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    Id(id): Id<OrgId>,
    Query(q): Query<YearQuery>,
) -> HttpResult<Response> {
    let (year, error) = q.year(&ctx);
    let f = app::figures::of_org(&app, &me.actor(), id, year).await?;
    Ok(page(ctx, &f, format!("/orgs/{id}/figures"), false, error))
}

async fn org_file(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    IdAnd(id, name): IdAnd<OrgId>,
    Query(q): Query<YearQuery>,
) -> HttpResult<Response> {
    let year = app::figures::parse_year(&q.year)?;
    let f = app::figures::of_org(&app, &me.actor(), id, year).await?;
    file(&ctx, &f, &name, &[])
}

/// The organisation's year as a one-page PDF (its admins); the year is required.
async fn org_report(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    Id(id): Id<OrgId>,
    Query(q): Query<YearQuery>,
) -> HttpResult<Response> {
    let year = app::figures::parse_year(&q.year)?.ok_or(app::Error::field("year", domain::Reason::Required))?;
    Ok(crate::respond::download(app::figures::report(&app, &me.actor(), id, year, ctx.lang).await?))
}
