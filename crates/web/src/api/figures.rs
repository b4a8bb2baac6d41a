//! The figures as JSON and CSV: the network's headline figures for everyone (no token), the
//! network's for its organisers, an organisation's for its admins (an association's with its
//! members in aggregate). The same charts as the pages, with their labels in the request's
//! language; a suppressed count is `null` with the reason (`few`: 1 to 4, `withheld`: it would
//! give a small one away).

use crate::error::HttpResult;
use crate::extract::{ApiUser, Id, Lang};
use app::App;
use app::figures::{Chart, Figures, Whose};
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use domain::OrgId;
use domain::disclosure::Shown;
use domain::values::Locale;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/figures", get(public))
        .route("/network/figures", get(network))
        .route("/network/figures.csv", get(network_csv))
        .route("/organisations/{id}/figures", get(organisation))
        .route("/organisations/{id}/figures.csv", get(organisation_csv))
}

#[derive(OpenApi)]
#[openapi(paths(public, network, network_csv, organisation, organisation_csv))]
pub struct Doc;

/// The charts of the public headline figures.
const PUBLIC: [&str; 5] = ["swaps", "quarters", "regions", "kinds", "recommend"];

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct FiguresQuery {
    /// The year of the proposals counted (empty: all years).
    pub year: String,
}

/// One count: its value, or `null` with why it is not shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct FigureCountJson {
    pub value: Option<u64>,
    /// `few` (1 to 4) or `withheld` (it would give a small count away); absent when shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<&'static str>,
}

impl From<Shown> for FigureCountJson {
    fn from(s: Shown) -> Self {
        let suppressed = match s {
            Shown::Value(_) => None,
            Shown::Few => Some("few"),
            Shown::Withheld => Some("withheld"),
        };
        FigureCountJson { value: s.value(), suppressed }
    }
}

/// One row of a figure.
#[derive(Debug, Serialize, ToSchema)]
pub struct FigureRowJson {
    pub label: String,
    /// One count per series.
    pub values: Vec<FigureCountJson>,
}

/// One figure: what its chart and table show.
#[derive(Debug, Serialize, ToSchema)]
pub struct FigureChartJson {
    /// `swaps`, `quarters`, `regions`, `kinds`, `end-reasons`, `decline-reasons`, `recommend`,
    /// `topics`, `rounds`.
    pub id: String,
    pub title: String,
    pub description: String,
    pub row_header: String,
    pub series: Vec<String>,
    pub rows: Vec<FigureRowJson>,
    /// The series' totals, where the rows add up.
    pub total: Option<Vec<FigureCountJson>>,
}

/// The time from proposal to confirmation (not said of fewer than five swaps).
#[derive(Debug, Serialize, ToSchema)]
pub struct FigureTimeJson {
    pub swaps: FigureCountJson,
    pub median_days: Option<f64>,
    pub p90_days: Option<f64>,
}

/// The figures of the network or an organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct FiguresJson {
    /// `network`, `organisation` or `umbrella` (an association with its members).
    pub whose: String,
    pub organisation: Option<String>,
    pub name: Option<String>,
    pub year: Option<i32>,
    pub time_to_confirm: FigureTimeJson,
    pub figures: Vec<FigureChartJson>,
}

fn chart_json(c: Chart) -> FigureChartJson {
    FigureChartJson {
        id: c.id.to_owned(),
        title: c.title,
        description: c.desc,
        row_header: c.row_header,
        series: c.series,
        rows: c
            .rows
            .into_iter()
            .map(|r| FigureRowJson { label: r.label, values: r.values.into_iter().map(Into::into).collect() })
            .collect(),
        total: c.total.map(|t| t.into_iter().map(Into::into).collect()),
    }
}

fn json(f: &Figures, lang: Locale, only: &[&str]) -> FiguresJson {
    let (whose, organisation) = match f.whose {
        Whose::Network => ("network", None),
        Whose::Org(o) => ("organisation", Some(o.to_string())),
        Whose::Umbrella(o) => ("umbrella", Some(o.to_string())),
    };
    let t = &f.time_to_confirm;
    FiguresJson {
        whose: whose.to_owned(),
        organisation,
        name: f.name.clone(),
        year: f.year,
        time_to_confirm: FigureTimeJson { swaps: t.swaps.into(), median_days: t.median_days, p90_days: t.p90_days },
        figures: app::figures::charts(f, lang)
            .into_iter()
            .filter(|c| only.is_empty() || only.contains(&c.id))
            .map(chart_json)
            .collect(),
    }
}

/// The network's headline figures, for everyone.
#[utoipa::path(get, path = "/api/figures", responses((status = 200, body = FiguresJson)))]
async fn public(State(app): State<App>, Lang(lang): Lang) -> HttpResult<Json<FiguresJson>> {
    Ok(Json(json(&app::figures::public(&app).await?, lang, &PUBLIC)))
}

/// The network's figures (its organisers).
#[utoipa::path(get, path = "/api/network/figures", params(FiguresQuery), security(("bearer" = [])),
    responses((status = 200, body = FiguresJson)))]
async fn network(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Lang(lang): Lang,
    Query(q): Query<FiguresQuery>,
) -> HttpResult<Json<FiguresJson>> {
    let year = app::figures::parse_year(&q.year)?;
    Ok(Json(json(&app::figures::of_network(&app, &me.actor(), year).await?, lang, &[])))
}

/// The network's figures as CSV (its organisers; cells neutralised against formulas).
#[utoipa::path(get, path = "/api/network/figures.csv", params(FiguresQuery), security(("bearer" = [])),
    responses((status = 200, description = "All numbers of the figures", content_type = "text/csv")))]
async fn network_csv(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Lang(lang): Lang,
    Query(q): Query<FiguresQuery>,
) -> HttpResult<Response> {
    let year = app::figures::parse_year(&q.year)?;
    let f = app::figures::of_network(&app, &me.actor(), year).await?;
    Ok(crate::respond::download(app::figures::csv(&f, lang, &[])))
}

/// An organisation's figures (its admins and the organisers); an association's include its
/// members' in aggregate.
#[utoipa::path(get, path = "/api/organisations/{id}/figures", params(("id" = Uuid, Path, description = "organisation id"), FiguresQuery),
    security(("bearer" = [])), responses((status = 200, body = FiguresJson)))]
async fn organisation(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Lang(lang): Lang,
    Id(id): Id<OrgId>,
    Query(q): Query<FiguresQuery>,
) -> HttpResult<Json<FiguresJson>> {
    let year = app::figures::parse_year(&q.year)?;
    Ok(Json(json(&app::figures::of_org(&app, &me.actor(), id, year).await?, lang, &[])))
}

/// An organisation's figures as CSV (cells neutralised against formulas).
#[utoipa::path(get, path = "/api/organisations/{id}/figures.csv", params(("id" = Uuid, Path, description = "organisation id"), FiguresQuery),
    security(("bearer" = [])), responses((status = 200, description = "All numbers of the figures", content_type = "text/csv")))]
async fn organisation_csv(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    Lang(lang): Lang,
    Id(id): Id<OrgId>,
    Query(q): Query<FiguresQuery>,
) -> HttpResult<Response> {
    let year = app::figures::parse_year(&q.year)?;
    let f = app::figures::of_org(&app, &me.actor(), id, year).await?;
    Ok(crate::respond::download(app::figures::csv(&f, lang, &[])))
}
