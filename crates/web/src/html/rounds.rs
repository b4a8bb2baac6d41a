//! Matching rounds for network organisers: start one for a period, follow its figures (people
//! matched, pairs, rings, the proven bound) and how its proposals stand.

use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::{Field, FormErrors, Kind, local_datetime};
use super::page::{render, render_form};
use crate::error::HttpResult;
use crate::extract::{CsrfForm, Id};
use app::App;
use app::rounds::{Round, RoundInput};
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum_extra::extract::CookieJar;
use domain::RoundId;
use domain::values::IsoWeek;
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new().route("/rounds", get(list).post(create)).route("/rounds/{id}", get(show))
}

#[derive(Template)]
#[template(path = "rounds.html")]
struct RoundsPage {
    ctx: Ctx,
    rounds: Vec<Round>,
    errors: FormErrors,
    fields: Vec<Field>,
}

impl RoundsPage {
    fn when(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        local_datetime(*t)
    }
    fn state_label(&self, r: &Round) -> String {
        self.ctx.t(&format!("round-state-{}", r.state.code()))
    }
}

/// The form that starts a round, as sent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct RoundForm {
    from: String,
    to: String,
    max_cycle: String,
    time_limit: String,
}

async fn page(app: &App, ctx: Ctx, me: &app::Account, form: &RoundForm, errors: FormErrors) -> HttpResult<Response> {
    let rounds = app::rounds::list(app, &me.actor()).await?;
    let l = ctx.lang;
    let cycles = vec![("3".to_owned(), ctx.t("round-cycle-3")), ("2".to_owned(), ctx.t("round-cycle-2"))];
    // A round plans weeks of the coming year, each a choice in the list.
    let weeks: Vec<(String, String)> = IsoWeek::ahead(app::today(), app::profiles::WEEKS_AHEAD)
        .into_iter()
        .map(|w| (w.to_string(), app::i18n::week_choice(l, w)))
        .collect();
    let fields = vec![
        Field::new(l, &errors, "from", Kind::Select, &form.from).options(weeks.clone()).required(),
        Field::new(l, &errors, "to", Kind::Select, &form.to).options(weeks).required(),
        Field::new(l, &errors, "max_cycle", Kind::Select, &form.max_cycle).options(cycles),
        Field::new(l, &errors, "time_limit", Kind::Number, &form.time_limit),
    ];
    let failed = !errors.is_empty();
    Ok(render_form(&RoundsPage { ctx, rounds, errors, fields }, failed))
}

async fn list(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    let form = RoundForm { time_limit: "60".into(), max_cycle: "3".into(), ..Default::default() };
    page(&app, ctx, &me, &form, FormErrors::default()).await
}

async fn create(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<RoundForm>,
) -> HttpResult<Response> {
    let input = RoundInput {
        from: form.from.clone(),
        to: form.to.clone(),
        max_cycle: form.max_cycle.clone(),
        time_limit: form.time_limit.clone(),
    };
    match app::rounds::start(&app, &me.actor(), &input).await {
        Ok(id) => Ok(flash::redirect(&app, jar, "flash-round-started", &format!("/rounds/{id}"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            page(&app, ctx, &me, &form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "round.html")]
struct RoundPage {
    ctx: Ctx,
    round: Round,
    /// (translated swap state, count) of the round's proposals.
    proposals: Vec<(String, i64)>,
}

impl RoundPage {
    fn when(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        local_datetime(*t)
    }
    fn state_label(&self) -> String {
        self.ctx.t(&format!("round-state-{}", self.round.state.code()))
    }
    fn gap(&self) -> String {
        self.round.figures.map(|f| f.bound_people.saturating_sub(f.people_matched).to_string()).unwrap_or_default()
    }
}

async fn show(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<RoundId>) -> HttpResult<Response> {
    let (round, states) = app::rounds::get(&app, &me.actor(), id).await?;
    let proposals = states.into_iter().map(|(s, n)| (ctx.t(&format!("state-{s}")), n)).collect();
    Ok(render(&RoundPage { ctx, round, proposals }))
}
