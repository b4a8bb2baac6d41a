//! The swap pages: the overview with one's swaps and what awaits one's decision, one swap with
//! every action its viewer may take, the agreement download, the inbox, and the organisation's
//! audit export.

use super::{render, render_form};
use crate::AppState;
use crate::auth::{Ctx, SignedIn};
use crate::error::{AppError, AppResult};
use crate::forms::{Field, FormErrors, Kind, local_datetime};
use crate::security::{CsrfForm, flash_redirect};
use crate::swaps::{self, Action, week_label};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::access::OrgRole;
use domain::swap::{ApprovalStatus, BodyStatus, Swap, SwapState};
use domain::{OrgId, SwapId, UserId};
use serde::Deserialize;
use std::collections::HashMap;
use store::users::Account;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/swaps", get(overview).post(propose))
        .route("/swaps/{id}", get(show))
        .route("/swaps/{id}/agreement.pdf", get(agreement_pdf))
        .route("/swaps/{id}/{action}", post(act))
        .route("/inbox", get(inbox).post(inbox_read))
        .route("/orgs/{id}/audit.csv", get(audit_csv))
}

fn swap_id(raw: &str) -> AppResult<SwapId> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// Names of people and organisations, looked up once per page.
struct Names {
    people: HashMap<UserId, String>,
    orgs: HashMap<OrgId, String>,
}

impl Names {
    async fn of(state: &AppState, swaps: &[&Swap]) -> AppResult<Names> {
        let mut people = HashMap::new();
        let mut orgs = HashMap::new();
        for s in swaps {
            let mut users: Vec<UserId> = s.members.iter().map(|m| m.user).collect();
            users.extend(s.approvals.iter().filter_map(|a| a.delegate));
            users.extend(s.approvals.iter().filter_map(|a| match &a.status {
                ApprovalStatus::Approved { by, .. } | ApprovalStatus::Declined { by, .. } => Some(*by),
                ApprovalStatus::Pending => None,
            }));
            users.extend(s.bodies.iter().filter_map(|b| match &b.status {
                BodyStatus::Consented { by, .. } | BodyStatus::Refused { by, .. } => Some(*by),
                _ => None,
            }));
            users.sort();
            users.dedup();
            for c in store::swaps::contacts(&state.db, &users).await? {
                people.insert(c.id, c.name);
            }
            for o in s.organisations() {
                if let std::collections::hash_map::Entry::Vacant(e) = orgs.entry(o) {
                    e.insert(store::orgs::get(&state.db, o).await?.name);
                }
            }
        }
        Ok(Names { people, orgs })
    }

    fn person(&self, u: UserId) -> String {
        self.people.get(&u).cloned().unwrap_or_else(|| "–".into())
    }

    fn org(&self, o: OrgId) -> String {
        self.orgs.get(&o).cloned().unwrap_or_else(|| "–".into())
    }
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

async fn overview(State(state): State<AppState>, SignedIn(ctx, me): SignedIn) -> AppResult<Response> {
    let actor = me.actor();
    let mine = store::swaps::of_member(&state.db, me.id).await?;
    let of_org = match me.org_id {
        Some(o) if !me.roles.is_empty() => store::swaps::of_organisation(&state.db, o).await?,
        _ => Vec::new(),
    };
    let all: Vec<&Swap> = mine.iter().chain(of_org.iter()).collect();
    let names = Names::of(&state, &all).await?;
    let to_approve = of_org
        .iter()
        .filter(|s| s.state == SwapState::ApprovalsPending)
        .filter(|s| (0..s.approvals.len()).any(|i| s.approvals[i].is_pending() && s.may_decide(&actor, i)))
        .map(|s| line(&ctx, s, &names))
        .collect();
    let to_consent = of_org
        .iter()
        .filter(|s| s.state == SwapState::ApprovalsPending)
        .filter(|s| {
            s.bodies.iter().any(|b| {
                b.status == BodyStatus::Pending
                    && me.org_id == Some(b.org)
                    && me.roles.iter().any(|r| r.body() == Some(b.body))
            })
        })
        .map(|s| line(&ctx, s, &names))
        .collect();
    let page = OverviewPage {
        mine: mine.iter().map(|s| line(&ctx, s, &names)).collect(),
        of_org: of_org.iter().map(|s| line(&ctx, s, &names)).collect(),
        to_approve,
        to_consent,
        ctx,
    };
    Ok(render(&page))
}

#[derive(Deserialize, Default)]
pub struct ProposeForm {
    #[serde(default)]
    pub partner: String,
    #[serde(default)]
    pub week: String,
    #[serde(default)]
    pub message: String,
}

async fn propose(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<ProposeForm>,
) -> AppResult<Response> {
    match swaps::propose(&state, &me, &form.partner, &form.week, &form.message).await {
        Ok(id) => Ok(flash_redirect(&state, jar, "flash-swap-proposed", &format!("/swaps/{id}"))),
        Err(AppError::Invalid(errs)) => {
            // Back to the partner's page, with the errors at the proposal form.
            let partner: UserId = form.partner.parse().map_err(|_| AppError::Invalid(errs.clone()))?;
            super::people::person_page(
                &state,
                ctx,
                &me,
                partner,
                FormErrors::in_form(me.locale, &errs, "propose-"),
                &form,
            )
            .await
        }
        Err(e) => Err(e),
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
    can_accept: bool,
    can_withdraw: bool,
    can_cancel: bool,
    can_sign: bool,
    has_agreement: bool,
    agreement_hash: String,
    audit: Vec<AuditRow>,
    errors: FormErrors,
    failed: String,
    decline_kinds: Vec<(String, String)>,
}

impl SwapPage {
    fn field(&self, form: &str, name: &'static str, kind: Kind) -> Field {
        let errs = if self.failed == form { self.errors.clone() } else { FormErrors::default() };
        let f = Field::new(self.ctx.lang, &errs, name, kind, "").in_form(&format!("{form}-"));
        // A reason is owed when declining, refusing or cancelling; withdrawing one's own proposal
        // may go without.
        let required = match name {
            "password" => true,
            "reason" => form == "decline" || form == "cancel" || form.starts_with("refuse-"),
            _ => false,
        };
        if required { f.required() } else { f }
    }

    fn reason_kind(&self, form: &str) -> Field {
        let errs = if self.failed == form { self.errors.clone() } else { FormErrors::default() };
        Field::new(self.ctx.lang, &errs, "reason_kind", Kind::Select, "")
            .in_form(&format!("{form}-"))
            .options(self.decline_kinds.clone())
    }
}

/// Renders the swap page for `me`, optionally with the errors of the form `failed`.
async fn swap_page(
    state: &AppState,
    ctx: Ctx,
    me: &Account,
    id: SwapId,
    errors: FormErrors,
    failed: &str,
) -> AppResult<Response> {
    let actor = me.actor();
    let s = swaps::load(state, &actor, id).await?;
    let mut names = Names::of(state, &[&s]).await?;
    let l = &ctx;
    let approvers: Vec<(OrgId, Vec<(String, String)>)> = {
        let mut v = Vec::new();
        for o in s.organisations() {
            let holders = store::swaps::role_holders(&state.db, o, "approver").await?;
            v.push((o, holders.into_iter().filter(|c| c.id != me.id).map(|c| (c.id.to_string(), c.name)).collect()));
        }
        v
    };
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
                can_decide: s.state == SwapState::ApprovalsPending && a.is_pending() && s.may_decide(&actor, i),
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
            can_decide: s.state == SwapState::ApprovalsPending
                && b.status == BodyStatus::Pending
                && me.org_id == Some(b.org)
                && me.roles.iter().any(|r| r.body() == Some(b.body)),
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
    let me_member = s.members.iter().find(|m| m.user == me.id);
    let n = s.members.len();
    let matched = store::rounds::notes(&state.db, s.id)
        .await?
        .into_iter()
        .filter(|note| note.position < n)
        .map(|note| {
            let host = s.members[(note.position + 1) % n].user;
            let mut text = crate::i18n::t_args(
                ctx.lang,
                "swap-matched-leg",
                &[
                    ("person", names.person(s.members[note.position].user).into()),
                    ("topics", note.topics.join(", ").into()),
                    ("host", names.person(host).into()),
                ],
            );
            if let Some(km) = note.distance_km {
                text.push(' ');
                text.push_str(&ctx.ta("swap-matched-distance", "km", km));
            }
            text
        })
        .collect();
    let mut audit = Vec::new();
    for r in store::audit::for_object(&state.db, "swap", &s.id.to_string()).await? {
        let actor_name = match r.actor_id {
            Some(a) => {
                // People outside the swap (approvers, council members) are looked up once each.
                if let std::collections::hash_map::Entry::Vacant(e) = names.people.entry(UserId(a)) {
                    let found = store::swaps::contacts(&state.db, &[UserId(a)]).await?;
                    e.insert(found.first().map(|c| c.name.clone()).unwrap_or_default());
                }
                names.person(UserId(a))
            }
            None => l.t("audit-system"),
        };
        audit.push(AuditRow {
            at: local_datetime(r.at),
            actor: actor_name,
            action: l.t(&format!("audit-{}", r.action.replace('.', "-"))),
        });
    }
    let decline_kinds = ["no_management_approval", "staffing", "other"]
        .iter()
        .map(|k| ((*k).to_owned(), l.t(&format!("decline-{k}"))))
        .collect();
    let page = SwapPage {
        id: s.id,
        version: s.version,
        week: week_label(ctx.lang, s.week),
        state: l.t(&format!("state-{}", s.state.code())),
        state_code: s.state.code(),
        message: s.message.clone(),
        proposer: names.person(s.proposer),
        end_reason: s
            .end_reason
            .clone()
            .filter(|r| !r.is_empty())
            .map(|r| crate::i18n::try_t(ctx.lang, &format!("end-{r}")).unwrap_or(r)),
        members,
        legs: legs
            .iter()
            .map(|g| format!("{} ({}) → {}", names.person(g.person), names.org(g.from), names.org(g.to)))
            .collect(),
        matched,
        approvals,
        bodies,
        has_week: crate::week::has_plan(&s),
        can_accept: s.state == SwapState::Proposed && me_member.is_some_and(|m| !m.accepted),
        can_withdraw: s.proposer == me.id
            && matches!(s.state, SwapState::Proposed | SwapState::ApprovalsPending | SwapState::AgreementPending),
        can_cancel: !s.state.is_ended() && s.may_cancel(&actor) && s.week.monday() > swaps::today(),
        can_sign: s.state == SwapState::AgreementPending
            && me_member.is_some()
            && !s.signatures.iter().any(|g| g.user == me.id),
        has_agreement: s.agreement_hash.is_some(),
        agreement_hash: s.agreement_hash.clone().unwrap_or_default(),
        audit,
        failed: failed.to_owned(),
        errors: errors.clone(),
        decline_kinds,
        ctx,
    };
    Ok(render_form(&page, !errors.is_empty()))
}

async fn show(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    swap_page(&state, ctx, &me, swap_id(&id)?, FormErrors::default(), "").await
}

/// Reads the action named in the path with its form fields.
pub fn parse_action(name: &str, f: &ActionFields) -> AppResult<Action> {
    let index = |raw: &str, field: &'static str| {
        raw.trim().parse::<usize>().map_err(|_| AppError::field(field, domain::Reason::UnknownChoice))
    };
    Ok(match name {
        "accept" => Action::Accept,
        "decline" => Action::Decline { reason: f.reason.clone() },
        "withdraw" => Action::Withdraw { reason: f.reason.clone() },
        "approve" => Action::Approve { approval: index(&f.approval, "approval")?, comment: f.comment.clone() },
        "decline-approval" => Action::DeclineApproval {
            approval: index(&f.approval, "approval")?,
            kind: f.reason_kind.clone(),
            text: f.reason.clone(),
        },
        "delegate" => Action::Delegate { approval: index(&f.approval, "approval")?, to: f.delegate.clone() },
        "consent" => Action::Consent { step: index(&f.step, "step")? },
        "refuse" => Action::Refuse { step: index(&f.step, "step")?, reason: f.reason.clone() },
        "sign" => Action::Sign { password: f.password.clone(), hash: f.hash.clone() },
        "cancel" => Action::Cancel { reason: f.reason.clone() },
        _ => return Err(AppError::NotFound),
    })
}

/// The action fields, as both the form and the API send them.
#[derive(Deserialize, Default, Debug, Clone, utoipa::ToSchema)]
#[serde(default)]
pub struct ActionFields {
    /// The swap's version the person saw; a changed swap refuses the action.
    pub version: Option<i64>,
    pub reason: String,
    /// `no_management_approval`, `staffing` or `other` (declining an approval).
    pub reason_kind: String,
    pub comment: String,
    /// The index of the approval (approve, decline-approval, delegate).
    pub approval: String,
    /// The index of the co-determination step (consent, refuse).
    pub step: String,
    /// The user id of the approver to hand the approval to.
    pub delegate: String,
    /// The signer's password (sign).
    pub password: String,
    /// The SHA-256 of the agreement the signer read (sign).
    pub hash: String,
}

async fn act(
    State(state): State<AppState>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Path((id, action)): Path<(String, String)>,
    CsrfForm(fields): CsrfForm<ActionFields>,
) -> AppResult<Response> {
    let id = swap_id(&id)?;
    let result = match parse_action(&action, &fields) {
        Ok(a) => swaps::act(&state, &me, id, fields.version, a).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => {
            let key = match action.as_str() {
                "sign" => "flash-swap-signed",
                "cancel" | "withdraw" | "decline" => "flash-swap-ended",
                _ => "flash-swap-saved",
            };
            Ok(flash_redirect(&state, jar, key, &format!("/swaps/{id}")))
        }
        Err(AppError::Invalid(errs)) => {
            // Forms that repeat per approval or body step carry its index in their name.
            let form = match action.as_str() {
                "approve" | "decline-approval" | "delegate" => format!("{action}-{}", fields.approval.trim()),
                "consent" | "refuse" => format!("{action}-{}", fields.step.trim()),
                _ => action.clone(),
            };
            let errors = FormErrors::in_form(ctx.lang, &errs, &format!("{form}-"));
            swap_page(&state, ctx, &me, id, errors, &form).await
        }
        Err(e) => Err(e),
    }
}

async fn agreement_pdf(
    State(state): State<AppState>,
    SignedIn(_, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    agreement_download(&state, &me, swap_id(&id)?).await
}

/// The agreement as a PDF download: the signed version with its signature page once the swap
/// is confirmed. For members, and approvers and admins of the organisations concerned.
pub async fn agreement_download(state: &AppState, me: &Account, id: SwapId) -> AppResult<Response> {
    let actor = me.actor();
    let s = swaps::load(state, &actor, id).await?;
    // Members, and the approvers and admins of the organisations concerned.
    let allowed = s.is_member(me.id)
        || actor.organiser
        || (actor.org_id.is_some_and(|o| s.organisations().contains(&o))
            && (actor.has(OrgRole::Approver) || actor.has(OrgRole::OrgAdmin)));
    if !allowed {
        return Err(AppError::Forbidden("agreement-readers-only"));
    }
    let agreement = store::agreements::of_swap(&state.db, s.id).await?.ok_or(AppError::NotFound)?;
    // Signed by everyone: from confirmation on, through the week and after it.
    let all_signed = s.members.iter().all(|m| s.signatures.iter().any(|g| g.user == m.user));
    let (bytes, name) = if all_signed && s.agreement_hash.is_some() {
        (
            crate::agreement::signed_pdf(state, &s, &agreement).await?,
            format!("vereinbarung-{}-unterschrieben.pdf", s.week),
        )
    } else {
        (agreement.pdf, format!("vereinbarung-{}.pdf", s.week))
    };
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

#[derive(Template)]
#[template(path = "inbox.html")]
struct InboxPage {
    ctx: Ctx,
    items: Vec<(String, String, Option<String>, bool)>,
}

async fn inbox(State(state): State<AppState>, SignedIn(ctx, me): SignedIn) -> AppResult<Response> {
    let items = store::swaps::inbox(&state.db, me.id)
        .await?
        .into_iter()
        .map(|n| (local_datetime(n.created_at), n.text, n.swap_id.map(|s| s.to_string()), n.read_at.is_none()))
        .collect();
    Ok(render(&InboxPage { ctx, items }))
}

#[derive(Deserialize)]
struct Empty {}

async fn inbox_read(
    State(state): State<AppState>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    store::swaps::mark_inbox_read(&state.db, me.id).await?;
    Ok(flash_redirect(&state, jar, "flash-inbox-read", "/inbox"))
}

async fn audit_csv(
    State(state): State<AppState>,
    SignedIn(_, me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let org: OrgId = id.parse().map_err(|_| AppError::NotFound)?;
    audit_download(&state, &me, org).await
}

/// The audit trail of an organisation's swaps (and of the organisation) as CSV, for its admins;
/// the export itself is recorded.
pub async fn audit_download(state: &AppState, me: &Account, org: OrgId) -> AppResult<Response> {
    me.actor().ensure_org_admin(org)?;
    let mut csv = String::from("time_utc,actor,action,object_type,object_id,detail\r\n");
    let field = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut records = store::audit::for_object(&state.db, "organisation", &org.to_string()).await?;
    for s in store::swaps::of_organisation(&state.db, org).await? {
        records.extend(store::audit::for_object(&state.db, "swap", &s.id.to_string()).await?);
    }
    records.sort_by_key(|r| r.at);
    let mut names: HashMap<uuid::Uuid, String> = HashMap::new();
    for r in &records {
        let actor = match r.actor_id {
            Some(a) => {
                if let std::collections::hash_map::Entry::Vacant(e) = names.entry(a) {
                    let n = store::swaps::contacts(&state.db, &[UserId(a)])
                        .await?
                        .first()
                        .map(|c| c.name.clone())
                        .unwrap_or_default();
                    e.insert(n);
                }
                names.get(&a).cloned().unwrap_or_default()
            }
            None => String::new(),
        };
        csv.push_str(
            &[
                r.at.to_rfc3339(),
                field(&actor),
                field(&r.action),
                field(&r.object_type),
                field(&r.object_id),
                field(&r.detail),
            ]
            .join(","),
        );
        csv.push_str("\r\n");
    }
    let effects = store::Effects::audit(store::AuditEntry::new(Some(me.id), "audit.exported", "organisation", org));
    store::outbox::record(&state.db, &effects).await?;
    let mut res = csv.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"audit.csv\""));
    Ok(res)
}
