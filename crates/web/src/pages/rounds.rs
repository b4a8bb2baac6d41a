//! Matching rounds for network organisers: start one for a period, follow its figures (people
//! matched, pairs, rings, the proven bound) and how its proposals stand.

use super::render_form;
use crate::AppState;
use crate::auth::{Ctx, SignedIn};
use crate::error::{AppError, AppResult};
use crate::forms::{Field, FormErrors, Kind, local_datetime};
use crate::rounds::{RoundForm, start};
use crate::security::{CsrfForm, flash_redirect};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use axum_extra::extract::CookieJar;
use domain::RoundId;
use store::rounds::Round;

pub fn routes() -> Router<AppState> {
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

async fn page(state: &AppState, ctx: Ctx, form: &RoundForm, errors: FormErrors) -> AppResult<Response> {
    let rounds = store::rounds::list(&state.db).await?;
    let l = ctx.lang;
    let cycles = vec![("3".to_owned(), ctx.t("round-cycle-3")), ("2".to_owned(), ctx.t("round-cycle-2"))];
    let fields = vec![
        Field::new(l, &errors, "from", Kind::Text, &form.from).required(),
        Field::new(l, &errors, "to", Kind::Text, &form.to).required(),
        Field::new(l, &errors, "max_cycle", Kind::Select, &form.max_cycle).options(cycles),
        Field::new(l, &errors, "time_limit", Kind::Number, &form.time_limit),
    ];
    let failed = !errors.is_empty();
    Ok(render_form(&RoundsPage { ctx, rounds, errors, fields }, failed))
}

async fn list(State(state): State<AppState>, SignedIn(ctx, me): SignedIn) -> AppResult<Response> {
    me.actor().ensure_organiser()?;
    let form = RoundForm { time_limit: "60".into(), max_cycle: "3".into(), ..Default::default() };
    page(&state, ctx, &form, FormErrors::default()).await
}

async fn create(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<RoundForm>,
) -> AppResult<Response> {
    match start(&state, &me.actor(), &form).await {
        Ok(id) => Ok(flash_redirect(&state, jar, "flash-round-started", &format!("/rounds/{id}"))),
        Err(AppError::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            page(&state, ctx, &form, errors).await
        }
        Err(e) => Err(e),
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

async fn show(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    me.actor().ensure_organiser()?;
    let id: RoundId = id.parse().map_err(|_| AppError::NotFound)?;
    let round = store::rounds::get(&state.db, id).await?;
    let proposals = store::rounds::proposal_states(&state.db, id)
        .await?
        .into_iter()
        .map(|(s, n)| (ctx.t(&format!("state-{s}")), n))
        .collect();
    Ok(super::render(&RoundPage { ctx, round, proposals }))
}
