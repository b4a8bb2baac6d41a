//! Deleting an account: one's own (after confirming it is them), or, for an organisation's
//! admins, the account of someone who left. Both pages say first what will happen: which swaps
//! are called off (and who is told), what the employers keep under a pseudonym and until when.

use super::account::MessagePage;
use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::{Field, FormErrors, Kind};
use super::page::{render, render_form};
use crate::cookies;
use crate::error::HttpResult;
use crate::extract::{CsrfForm, Ids};
use app::account::{Confirmation, SignedInAt};
use app::privacy::ErasurePlan;
use app::{App, Error};
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::CookieJar;
use domain::{OrgId, UserId};
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/me/delete", get(own_form).post(erase_own))
        .route("/orgs/{id}/members/{user}/erase", get(member_form).post(erase_member))
}

/// One swap as the page names it: its week and the other people in it.
struct SwapLine {
    week: String,
    with: String,
    /// Until when its agreement is kept (for kept ones).
    until: String,
}

#[derive(Template)]
#[template(path = "erase.html")]
struct ErasePage {
    ctx: Ctx,
    errors: FormErrors,
    /// The person's own account (else an admin erases someone who left).
    own: bool,
    name: String,
    /// Where the form posts, and the way back without deleting.
    action: String,
    back: String,
    ending: Vec<SwapLine>,
    kept: Vec<SwapLine>,
    /// The week under way that holds the erasure back.
    under_way: Option<String>,
    fields: Vec<Field>,
}

fn page(ctx: Ctx, plan: &ErasurePlan, own: bool, errors: FormErrors) -> Response {
    let line = |swap: &domain::swap::Swap, until: String| SwapLine {
        week: ctx.week(&swap.week),
        with: swap
            .members
            .iter()
            .filter(|m| m.user != plan.person.id)
            .map(|m| format!("{} ({})", plan.names.person(m.user), plan.names.org(m.org)))
            .collect::<Vec<_>>()
            .join(", "),
        until,
    };
    let ending = plan.ending.iter().map(|s| line(s, String::new())).collect();
    let kept = plan.kept.iter().map(|(s, until)| line(s, app::i18n::local_date(*until))).collect();
    let under_way = plan.under_way.as_ref().map(|s| ctx.week(&s.week));
    let l = ctx.lang;
    let fields = if own {
        if ctx.fresh_sign_in() {
            Vec::new()
        } else {
            vec![
                Field::new(l, &errors, "password", Kind::Password, "")
                    .required()
                    .autocomplete("current-password")
                    .without_hint(),
            ]
        }
    } else {
        vec![Field::new(l, &errors, "left", Kind::Checkbox, "").required()]
    };
    let failed = !errors.is_empty();
    let name = plan.person.display_name.clone();
    let (action, back) = match (own, plan.person.org_id) {
        (false, Some(org)) => (format!("/orgs/{org}/members/{}/erase", plan.person.id), format!("/orgs/{org}/members")),
        _ => ("/me/delete".to_owned(), "/me/data".to_owned()),
    };
    render_form(&ErasePage { ctx, errors, own, name, action, back, ending, kept, under_way, fields }, failed)
}

async fn own_form(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    let plan = app::privacy::my_erasure_plan(&app, &me).await?;
    Ok(page(ctx, &plan, true, FormErrors::default()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OwnForm {
    password: String,
    /// `sign-in`: confirmed by the fresh sign-in through the provider.
    confirm_by: String,
}

fn confirmation(form: &OwnForm, signed_in: Option<SignedInAt>) -> Confirmation {
    match signed_in.filter(|s| form.confirm_by == "sign-in" && s.via_provider()) {
        Some(s) => Confirmation::SignIn(s),
        None => Confirmation::Password(form.password.clone()),
    }
}

async fn erase_own(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<OwnForm>,
) -> HttpResult<Response> {
    match app::privacy::erase_me(&app, &me, &confirmation(&form, ctx.signed_in)).await {
        Ok(()) => {
            let title = ctx.t("erase-done-title");
            let text = ctx.t("erase-done-text");
            let link = Some(("/".to_owned(), ctx.t("erase-done-link")));
            let ctx = Ctx::anonymous(ctx.lang);
            Ok((jar.add(cookies::removal(cookies::SESSION)), render(&MessagePage { ctx, title, text, link }))
                .into_response())
        }
        Err(Error::Invalid(errs)) => {
            let plan = app::privacy::my_erasure_plan(&app, &me).await?;
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(page(ctx, &plan, true, errors))
        }
        Err(e) => Err(e.into()),
    }
}

async fn member_form(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    Ids(org, user): Ids<OrgId, UserId>,
) -> HttpResult<Response> {
    let plan = app::privacy::member_erasure_plan(&app, &me, org, user).await?;
    Ok(page(ctx, &plan, false, FormErrors::default()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MemberForm {
    #[serde(deserialize_with = "super::forms::checkbox")]
    left: bool,
}

async fn erase_member(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Ids(org, user): Ids<OrgId, UserId>,
    CsrfForm(form): CsrfForm<MemberForm>,
) -> HttpResult<Response> {
    if !form.left {
        let plan = app::privacy::member_erasure_plan(&app, &me, org, user).await?;
        let errors = FormErrors::new(ctx.lang, &[domain::FieldError::new("left", domain::Reason::Required)]);
        return Ok(page(ctx, &plan, false, errors));
    }
    app::privacy::erase_member(&app, &me, org, user).await?;
    let jar = flash::set(jar, "flash-member-erased", app.config.behind_tls);
    Ok((jar, Redirect::to(&format!("/orgs/{org}/members"))).into_response())
}
