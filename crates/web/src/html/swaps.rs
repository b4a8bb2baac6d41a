//! The swap pages: the overview with one's swaps and what awaits one's decision, one swap with
//! every action its viewer may take, the agreement download, the inbox, and the organisation's
//! audit export.

use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::Empty;
use super::forms::{Field, FormErrors, Kind, choice, local_datetime};
use super::page::{render, render_form};
use crate::error::{HttpError, HttpResult};
use crate::extract::{CsrfForm, Id, IdAnd};
use app::account::{Confirmation, SignedInAt};
use app::i18n::week_label;
use app::names::Names;
use app::swaps::{Command, ProposalInput, SwapView};
use app::{Account, App};
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::swap::{ApprovalStatus, BodyStatus, DeclineReason, EndKind, EndReason, Swap};
use domain::{OrgId, SwapId, UserId};
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/swaps", get(overview).post(propose))
        .route("/swaps/{id}", get(show))
        .route("/swaps/{id}/agreement.pdf", get(agreement_pdf))
        .route("/swaps/{id}/{action}", post(act))
        .route("/inbox", get(inbox).post(inbox_read))
        .route("/inbox/mail-settings", post(mail_settings))
        .route("/orgs/{id}/audit.csv", get(audit_csv))
}

/// One line of a swap list.
struct SwapLine {
    id: SwapId,
    week: String,
    people: String,
    state: String,
}

fn line(ctx: &Ctx, s: &Swap, names: &Names) -> SwapLine {
    SwapLine {
        id: s.id,
        week: week_label(ctx.lang, s.week),
        people: s
            .members
            .iter()
            .map(|m| format!("{} ({})", names.person(m.user), names.org(m.org)))
            .collect::<Vec<_>>()
            .join(" ⇄ "),
        state: ctx.t(&format!("state-{}", s.state.code())),
    }
}

#[derive(Template)]
#[template(path = "swaps.html")]
struct OverviewPage {
    ctx: Ctx,
    mine: Vec<SwapLine>,
    to_approve: Vec<SwapLine>,
    to_consent: Vec<SwapLine>,
    of_org: Vec<SwapLine>,
}

async fn overview(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    let o = app::swaps::overview(&app, &me).await?;
    let lines = |swaps: &[Swap]| swaps.iter().map(|s| line(&ctx, s, &o.names)).collect::<Vec<_>>();
    let page = OverviewPage {
        mine: lines(&o.mine),
        of_org: lines(&o.of_org),
        to_approve: lines(&o.to_approve),
        to_consent: lines(&o.to_consent),
        ctx,
    };
    Ok(render(&page))
}

async fn propose(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<super::people::ProposeForm>,
) -> HttpResult<Response> {
    let input = ProposalInput { partner: form.partner.clone(), week: form.week.clone(), message: form.message.clone() };
    match app::swaps::propose(&app, &me, &input).await {
        Ok(id) => Ok(flash::redirect(&app, jar, "flash-swap-proposed", &format!("/swaps/{id}"))),
        Err(app::Error::Invalid(errs)) => {
            // Back to the partner's page, with the errors at the proposal form.
            let partner: UserId = form.partner.parse().map_err(|_| app::Error::Invalid(errs.clone()))?;
            super::people::person_page(
                &app,
                ctx,
                &me,
                partner,
                FormErrors::in_form(me.locale, &errs, "propose-"),
                &form,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

struct MemberRow {
    name: String,
    org: String,
    accepted: bool,
    signed: bool,
}

struct ApprovalRow {
    idx: usize,
    leg: String,
    side: String,
    org: String,
    deadline: String,
    status: String,
    detail: String,
    can_decide: bool,
    delegates: Vec<(String, String)>,
}

struct BodyRow {
    idx: usize,
    org: String,
    body: String,
    rule: String,
    status: String,
    can_decide: bool,
}

struct AuditRow {
    at: String,
    actor: String,
    action: String,
}

#[derive(Template)]
#[template(path = "swap.html")]
struct SwapPage {
    ctx: Ctx,
    id: SwapId,
    version: i64,
    week: String,
    state: String,
    state_code: &'static str,
    /// The stages, with who acts at the current one.
    progress: Vec<super::progress::StageLine>,
    /// Whom the swap waits for, or what stands next.
    next: String,
    message: Option<String>,
    proposer: String,
    end_reason: Option<String>,
    members: Vec<MemberRow>,
    legs: Vec<String>,
    /// Why a matching round proposed this swap: one sentence per leg (empty otherwise).
    matched: Vec<String>,
    approvals: Vec<ApprovalRow>,
    bodies: Vec<BodyRow>,
    /// The week has a plan to show.
    has_week: bool,
    /// For a member after the week: the story's page, or the form to tell it (address, words).
    story: Option<(String, String)>,
    /// Who must be named because nobody may decide (in words).
    missing_deciders: Vec<String>,
    can_accept: bool,
    can_withdraw: bool,
    can_cancel: bool,
    can_sign: bool,
    has_agreement: bool,
    agreement_hash: String,
    audit: Vec<AuditRow>,
    errors: FormErrors,
    failed: String,
    /// The kinds of reason to decline an approval, after an empty choice (none is preselected).
    decline_kinds: Vec<(String, String)>,
    /// The kinds of reason to decline, withdraw, refuse or cancel, likewise.
    end_kinds: Vec<(String, String)>,
}

impl SwapPage {
    fn field(&self, form: &str, name: &'static str, kind: Kind) -> Field {
        let errs = if self.failed == form { self.errors.clone() } else { FormErrors::default() };
        let f = Field::new(self.ctx.lang, &errs, name, kind, "").in_form(&format!("{form}-"));
        // The words of a reason are owed only with "another reason" (the server says so).
        match name {
            "password" => f.required().autocomplete("current-password").without_hint(),
            "reason" => f.max_len(DeclineReason::MAX_TEXT),
            _ => f,
        }
    }

    /// The kind of reason to decline an approval.
    fn reason_kind(&self, form: &str) -> Field {
        self.kind_field(form, &self.decline_kinds)
    }

    /// The kind of reason to decline, withdraw, refuse or cancel.
    fn end_kind(&self, form: &str) -> Field {
        self.kind_field(form, &self.end_kinds)
    }

    fn kind_field(&self, form: &str, kinds: &[(String, String)]) -> Field {
        let errs = if self.failed == form { self.errors.clone() } else { FormErrors::default() };
        Field::new(self.ctx.lang, &errs, "reason_kind", Kind::Select, "")
            .in_form(&format!("{form}-"))
            .options(kinds.to_vec())
            .required()
    }
}

/// Renders the swap page for `me`, optionally with the errors of the form `failed`.
async fn swap_page(
    app: &App,
    ctx: Ctx,
    me: &Account,
    id: SwapId,
    errors: FormErrors,
    failed: &str,
) -> HttpResult<Response> {
    let SwapView {
        swap: s,
        names,
        matched,
        delegates,
        history,
        may_decide,
        may_consent,
        may_accept,
        may_withdraw,
        may_cancel,
        may_sign,
        has_week,
        missing_deciders,
        may_read_agreement,
    } = app::swaps::view(app, me, id).await?;
    let story = match app::stories::told(app, me, &s).await? {
        Some(Some(story)) => Some((app::stories::path(story), ctx.t("story-see"))),
        Some(None) => Some((format!("/swaps/{id}/story"), ctx.t("story-tell"))),
        None => None,
    };
    let l = &ctx;
    let approvers: Vec<(OrgId, Vec<(String, String)>)> = delegates
        .into_iter()
        .map(|(o, people)| (o, people.into_iter().map(|(id, name)| (id.to_string(), name)).collect()))
        .collect();
    let legs = s.legs();
    let approvals = s
        .approvals
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let leg = legs[a.leg];
            let (status, detail) = match &a.status {
                ApprovalStatus::Pending => (
                    l.t("approval-pending"),
                    a.delegate.map(|d| l.ta("approval-delegated-to", "name", names.person(d))).unwrap_or_default(),
                ),
                ApprovalStatus::Approved { by, at, comment } => (
                    l.t("approval-approved"),
                    format!(
                        "{} · {}{}",
                        names.person(*by),
                        local_datetime(*at),
                        comment.as_ref().map(|c| format!(" · „{c}“")).unwrap_or_default()
                    ),
                ),
                ApprovalStatus::Declined { by, at, reason } => (
                    l.t("approval-declined"),
                    format!(
                        "{} · {} · {} {}",
                        names.person(*by),
                        local_datetime(*at),
                        l.t(&format!("decline-{}", reason.code())),
                        reason.text()
                    ),
                ),
            };
            ApprovalRow {
                idx: i,
                leg: l.ta("leg-text", "name", names.person(leg.person)) + " → " + &names.org(leg.to),
                side: l.t(&format!("side-{}", a.side.code())),
                org: names.org(a.org),
                deadline: local_datetime(a.deadline),
                status,
                detail,
                can_decide: may_decide.contains(&i),
                delegates: approvers.iter().find(|(o, _)| *o == a.org).map(|(_, v)| v.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let bodies = s
        .bodies
        .iter()
        .enumerate()
        .map(|(i, b)| BodyRow {
            idx: i,
            org: names.org(b.org),
            body: l.t(&format!("body-{}", b.body.code())),
            rule: l.t(&format!("rule-{}", b.rule.code())),
            status: match &b.status {
                BodyStatus::Pending => l.t("body-status-pending"),
                BodyStatus::Informed { at } => format!("{} · {}", l.t("body-status-informed"), local_datetime(*at)),
                BodyStatus::Consented { by, at } => {
                    format!("{} · {} · {}", l.t("body-status-consented"), names.person(*by), local_datetime(*at))
                }
                BodyStatus::Refused { by, at, reason } => {
                    format!(
                        "{} · {} · {} · {reason}",
                        l.t("body-status-refused"),
                        names.person(*by),
                        local_datetime(*at)
                    )
                }
            },
            can_decide: may_consent.contains(&i),
        })
        .collect();
    let members = s
        .members
        .iter()
        .map(|m| MemberRow {
            name: names.person(m.user),
            org: names.org(m.org),
            accepted: m.accepted,
            signed: s.signatures.iter().any(|g| g.user == m.user),
        })
        .collect();
    let n = s.members.len();
    let matched = matched
        .into_iter()
        .map(|note| {
            let host = s.members[(note.position + 1) % n].user;
            let mut text = app::i18n::t_args(
                ctx.lang,
                "swap-matched-leg",
                &[
                    ("person", app::i18n::arg(names.person(s.members[note.position].user))),
                    ("topics", app::i18n::arg(note.topics.join(", "))),
                    ("host", app::i18n::arg(names.person(host))),
                ],
            );
            if let Some(km) = note.distance_km {
                text.push(' ');
                text.push_str(&ctx.ta("swap-matched-distance", "km", km));
            }
            text
        })
        .collect();
    let audit = history
        .into_iter()
        .map(|h| AuditRow {
            at: local_datetime(h.at),
            actor: h.actor.unwrap_or_else(|| l.t("audit-system")),
            action: l.t(&format!("audit-{}", h.action.replace('.', "-"))),
        })
        .collect();
    let choose = || (String::new(), l.t("choose-one"));
    let decline_kinds = std::iter::once(choose())
        .chain(
            ["no_management_approval", "staffing", "other"]
                .iter()
                .map(|k| ((*k).to_owned(), l.t(&format!("decline-{k}")))),
        )
        .collect();
    let end_kinds = std::iter::once(choose())
        .chain(EndKind::ALL.iter().map(|k| (k.code().to_owned(), l.t(&format!("end-{}", k.code())))))
        .collect();
    let page = SwapPage {
        id: s.id,
        version: s.version,
        week: week_label(ctx.lang, s.week),
        state: l.t(&format!("state-{}", s.state.code())),
        state_code: s.state.code(),
        progress: super::progress::progress(&ctx, &s, &names),
        next: super::progress::waiting_text(&ctx, &s, &names),
        message: s.message.clone(),
        proposer: names.person(s.proposer),
        end_reason: s.end_reason.clone().filter(|r| !r.is_empty()).map(|r| app::i18n::end_reason(ctx.lang, &r)),
        members,
        legs: legs
            .iter()
            .map(|g| format!("{} ({}) → {}", names.person(g.person), names.org(g.from), names.org(g.to)))
            .collect(),
        matched,
        approvals,
        bodies,
        has_week,
        story,
        missing_deciders: missing_deciders
            .iter()
            .map(|(org, role)| {
                app::i18n::t_args(
                    ctx.lang,
                    "swap-decider-missing",
                    &[
                        ("org", app::i18n::arg(names.org(*org))),
                        ("role", app::i18n::arg(ctx.t(&format!("role-{}", role.replace(':', "-"))))),
                    ],
                )
            })
            .collect(),
        can_accept: may_accept,
        can_withdraw: may_withdraw,
        can_cancel: may_cancel,
        can_sign: may_sign,
        has_agreement: s.agreement_hash.is_some() && may_read_agreement,
        agreement_hash: s.agreement_hash.clone().unwrap_or_default(),
        audit,
        failed: failed.to_owned(),
        errors: errors.clone(),
        decline_kinds,
        end_kinds,
        ctx,
    };
    Ok(render_form(&page, !errors.is_empty()))
}

async fn show(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<SwapId>) -> HttpResult<Response> {
    swap_page(&app, ctx, &me, id, FormErrors::default(), "").await
}

/// The fields of the swap page's forms (one form per decision).
#[derive(Deserialize, Default, Debug, Clone)]
#[serde(default)]
struct ActionForm {
    /// The swap's version the person saw; a changed swap refuses the action.
    version: Option<i64>,
    reason: String,
    reason_kind: String,
    comment: String,
    approval: String,
    step: String,
    delegate: String,
    password: String,
    hash: String,
    /// `yes` once the person confirmed a decision that ends the swap.
    confirm: String,
    /// `sign-in`: a signature confirmed by the fresh sign-in through the provider.
    confirm_by: String,
}

/// The decision named in the path, with its form's fields.
fn command(name: &str, f: &ActionForm, signed_in: Option<SignedInAt>) -> HttpResult<Command> {
    let index = |raw: &str, field: &'static str| choice::<usize>(raw, field);
    let reason = || EndReason::parse(&f.reason_kind, &f.reason);
    Ok(match name {
        "accept" => Command::Accept,
        "decline" => Command::Decline { reason: reason()? },
        "withdraw" => Command::Withdraw { reason: reason()? },
        "approve" => Command::Approve { approval: index(&f.approval, "approval")?, comment: f.comment.clone() },
        "decline-approval" => Command::DeclineApproval {
            approval: index(&f.approval, "approval")?,
            kind: f.reason_kind.clone(),
            text: f.reason.clone(),
        },
        "delegate" => {
            Command::Delegate { approval: index(&f.approval, "approval")?, to: choice(&f.delegate, "delegate")? }
        }
        "consent" => Command::Consent { step: index(&f.step, "step")? },
        "refuse" => Command::Refuse { step: index(&f.step, "step")?, reason: reason()? },
        "sign" => {
            // A fresh sign-in through the provider confirms, where the form offered it.
            let confirmation = match signed_in.filter(|s| f.confirm_by == "sign-in" && s.via_provider()) {
                Some(s) => Confirmation::SignIn(s),
                None => Confirmation::Password(f.password.clone()),
            };
            Command::Sign { confirmation, hash: f.hash.clone() }
        }
        "cancel" => Command::Cancel { reason: reason()? },
        _ => return Err(HttpError::App(app::Error::NotFound)),
    })
}

async fn act(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    IdAnd(id, action): IdAnd<SwapId>,
    CsrfForm(fields): CsrfForm<ActionForm>,
) -> HttpResult<Response> {
    let result = match command(&action, &fields, ctx.signed_in) {
        // One click never ends a swap: first a page that says what will happen and who will be
        // told, and asks to confirm.
        Ok(c) if c.ends_the_swap() && fields.confirm != "yes" => {
            match app::swaps::preview(&app, &me, id, fields.version, c).await {
                Ok(preview) => return Ok(confirm_page(ctx, &action, &fields, preview)),
                Err(e) => Err(HttpError::from(e)),
            }
        }
        Ok(c) => app::swaps::act(&app, &me, id, fields.version, c).await.map_err(HttpError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => {
            let key = match action.as_str() {
                "sign" => "flash-swap-signed",
                "cancel" | "withdraw" | "decline" => "flash-swap-ended",
                _ => "flash-swap-saved",
            };
            Ok(flash::redirect(&app, jar, key, &format!("/swaps/{id}")))
        }
        Err(HttpError::App(app::Error::Invalid(errs))) => {
            // Forms that repeat per approval or body step carry its index in their name.
            let form = match action.as_str() {
                "approve" | "decline-approval" | "delegate" => format!("{action}-{}", fields.approval.trim()),
                "consent" | "refuse" => format!("{action}-{}", fields.step.trim()),
                _ => action.clone(),
            };
            let errors = FormErrors::in_form(ctx.lang, &errs, &format!("{form}-"));
            swap_page(&app, ctx, &me, id, errors, &form).await
        }
        // Someone changed the swap meanwhile: back to it, as it is now.
        Err(HttpError::App(app::Error::Conflict("changed-meanwhile"))) => {
            Ok(flash::redirect(&app, jar, "flash-changed-meanwhile", &format!("/swaps/{id}")))
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "swap_confirm.html")]
struct ConfirmPage {
    ctx: Ctx,
    id: SwapId,
    action: String,
    title: String,
    button: String,
    consequence: String,
    reason: String,
    told: Vec<String>,
    /// The decision's fields, sent again with the confirmation.
    fields: Vec<(&'static str, String)>,
}

/// Asks to confirm a decision that ends the swap.
fn confirm_page(ctx: Ctx, action: &str, f: &ActionForm, preview: app::swaps::Preview) -> Response {
    let s = &preview.swap;
    let names = preview.names.member_names(s);
    let consequence = app::i18n::t_args(
        ctx.lang,
        "confirm-consequence",
        &[("week", app::i18n::arg(week_label(ctx.lang, s.week))), ("names", app::i18n::arg(names))],
    );
    let reason = app::i18n::end_reason(ctx.lang, s.end_reason.as_deref().unwrap_or_default());
    let version = f.version.map(|v| v.to_string()).unwrap_or_default();
    let fields = [
        ("version", version),
        ("reason_kind", f.reason_kind.clone()),
        ("reason", f.reason.clone()),
        ("approval", f.approval.clone()),
        ("step", f.step.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect();
    render(&ConfirmPage {
        title: ctx.t(&format!("confirm-{action}-title")),
        button: ctx.t(&format!("confirm-{action}")),
        ctx,
        id: s.id,
        action: action.to_owned(),
        consequence,
        reason,
        told: preview.told.clone(),
        fields,
    })
}

async fn agreement_pdf(State(app): State<App>, SignedIn(_, me): SignedIn, Id(id): Id<SwapId>) -> HttpResult<Response> {
    Ok(crate::respond::download(app::swaps::agreement(&app, &me, id).await?))
}

#[derive(Template)]
#[template(path = "inbox.html")]
struct InboxPage {
    ctx: Ctx,
    items: Vec<(String, String, Option<String>, bool)>,
    /// Whether notices that need no action come as one mail a day.
    digest: bool,
}

async fn inbox(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    let items = app::notify::inbox(&app, &me)
        .await?
        .into_iter()
        .map(|n| (local_datetime(n.created_at), n.text, n.swap_id.map(|s| s.to_string()), n.read_at.is_none()))
        .collect();
    let digest = app::account::takes_digest(&app, &me).await?;
    Ok(render(&InboxPage { ctx, items, digest }))
}

#[derive(Deserialize)]
struct MailSettingsForm {
    /// `daily` or `each`.
    mails: String,
}

async fn mail_settings(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<MailSettingsForm>,
) -> HttpResult<Response> {
    let daily = match form.mails.as_str() {
        "daily" => true,
        "each" => false,
        _ => return Err(HttpError::BadRequest("mails".into())),
    };
    app::account::set_digest(&app, &me, daily).await?;
    Ok(flash::redirect(&app, jar, "flash-mail-settings-saved", "/inbox#mail-settings"))
}

async fn inbox_read(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    app::notify::mark_read(&app, &me).await?;
    Ok(flash::redirect(&app, jar, "flash-inbox-read", "/inbox"))
}

async fn audit_csv(State(app): State<App>, SignedIn(_, me): SignedIn, Id(org): Id<OrgId>) -> HttpResult<Response> {
    Ok(crate::respond::download(app::orgs::audit_export(&app, &me.actor(), org).await?))
}
