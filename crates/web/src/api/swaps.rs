//! Swaps: the caller's swaps, a proposal, one swap, the decisions on it, and its agreement.

use super::common::Created;
use crate::error::{HttpError, HttpResult};
use crate::extract::{ApiJson, ApiUser, Id, IdAnd};
use app::App;
use app::account::Confirmation;
use app::swaps::{Command, ProposalInput};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::swap::{ApprovalStatus, BodyStatus, EndReason, Swap};
use domain::{Reason, SwapId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use uuid::Uuid;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/swaps", get(list_swaps).post(propose_swap))
        .route("/swaps/{id}", get(get_swap))
        .route("/swaps/{id}/agreement.pdf", get(swap_agreement))
        .route("/swaps/{id}/{action}", post(swap_action))
}

#[derive(OpenApi)]
#[openapi(paths(list_swaps, propose_swap, get_swap, swap_action, swap_agreement))]
pub struct Doc;

/// A swap as the API shows it to those who may see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SwapJson {
    pub id: Uuid,
    /// ISO week such as "2030-W10".
    pub week: String,
    /// `proposed`, `approvals_pending`, `agreement_pending`, `confirmed`, `in_progress`,
    /// `completed`, `evaluated`, `declined`, `withdrawn`, `cancelled`, `expired`.
    pub state: String,
    /// Send it back with an action; a changed swap refuses actions on an older version.
    pub version: i64,
    pub proposer_id: Uuid,
    pub message: Option<String>,
    /// In cycle order: each member goes to the workplace of the next, the last to the first's.
    pub members: Vec<SwapMemberJson>,
    pub approvals: Vec<ApprovalJson>,
    pub bodies: Vec<BodyStepJson>,
    pub agreement_hash: Option<String>,
    pub signatures: Vec<SignatureJson>,
    /// Why the swap ended: the kind of reason, with the words given after a colon
    /// (`workload: …`), or a reason of the system (`approval-deadline-passed`).
    pub end_reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SwapMemberJson {
    pub user_id: Uuid,
    pub organisation_id: Uuid,
    pub accepted: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApprovalJson {
    /// What an action names as `approval`.
    pub index: usize,
    pub leg: usize,
    /// `sending` or `receiving`.
    pub side: String,
    pub organisation_id: Uuid,
    pub deadline: chrono::DateTime<chrono::Utc>,
    pub delegate_id: Option<Uuid>,
    /// `pending`, `approved` or `declined`.
    pub status: String,
    pub decided_by: Option<Uuid>,
    pub comment: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BodyStepJson {
    /// What an action names as `step`.
    pub index: usize,
    pub organisation_id: Uuid,
    pub body: String,
    /// `inform` or `consent`.
    pub rule: String,
    /// `pending`, `informed`, `consented` or `refused`.
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignatureJson {
    pub user_id: Uuid,
    pub signed_at: chrono::DateTime<chrono::Utc>,
    pub document_hash: String,
}

impl From<&Swap> for SwapJson {
    fn from(s: &Swap) -> Self {
        Self {
            id: s.id.0,
            week: s.week.to_string(),
            state: s.state.code().into(),
            version: s.version,
            proposer_id: s.proposer.0,
            message: s.message.clone(),
            members: s
                .members
                .iter()
                .map(|m| SwapMemberJson { user_id: m.user.0, organisation_id: m.org.0, accepted: m.accepted })
                .collect(),
            approvals: s
                .approvals
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let (status, by, comment, reason) = match &a.status {
                        ApprovalStatus::Pending => ("pending", None, None, None),
                        ApprovalStatus::Approved { by, comment, .. } => ("approved", Some(by.0), comment.clone(), None),
                        ApprovalStatus::Declined { by, reason, .. } => (
                            "declined",
                            Some(by.0),
                            None,
                            Some(format!("{} {}", reason.code(), reason.text()).trim().to_owned()),
                        ),
                    };
                    ApprovalJson {
                        index: i,
                        leg: a.leg,
                        side: a.side.code().into(),
                        organisation_id: a.org.0,
                        deadline: a.deadline,
                        delegate_id: a.delegate.map(|d| d.0),
                        status: status.into(),
                        decided_by: by,
                        comment,
                        reason,
                    }
                })
                .collect(),
            bodies: s
                .bodies
                .iter()
                .enumerate()
                .map(|(i, b)| BodyStepJson {
                    index: i,
                    organisation_id: b.org.0,
                    body: b.body.code().into(),
                    rule: b.rule.code().into(),
                    status: match b.status {
                        BodyStatus::Pending => "pending",
                        BodyStatus::Informed { .. } => "informed",
                        BodyStatus::Consented { .. } => "consented",
                        BodyStatus::Refused { .. } => "refused",
                    }
                    .into(),
                })
                .collect(),
            agreement_hash: s.agreement_hash.clone(),
            signatures: s
                .signatures
                .iter()
                .map(|g| SignatureJson { user_id: g.user.0, signed_at: g.at, document_hash: g.document_hash.clone() })
                .collect(),
            end_reason: s.end_reason.clone(),
        }
    }
}

/// The caller's swaps, newest first.
#[utoipa::path(get, path = "/api/swaps", security(("bearer" = [])), responses((status = 200, body = Vec<SwapJson>)))]
async fn list_swaps(State(app): State<App>, ApiUser(me): ApiUser) -> HttpResult<Json<Vec<SwapJson>>> {
    Ok(Json(app::swaps::mine(&app, &me).await?.iter().map(Into::into).collect()))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ProposeRequest {
    /// The user id of the person to swap with.
    pub partner: String,
    /// ISO week such as "2030-W10".
    pub week: String,
    pub message: String,
}

/// Proposes a swap to another person.
#[utoipa::path(post, path = "/api/swaps", request_body = ProposeRequest, security(("bearer" = [])),
    responses((status = 201, body = Created)))]
async fn propose_swap(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<ProposeRequest>,
) -> HttpResult<(StatusCode, Json<Created>)> {
    let input = ProposalInput { partner: body.partner, week: body.week, message: body.message };
    let id = app::swaps::propose(&app, &me, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}

#[utoipa::path(get, path = "/api/swaps/{id}", params(("id" = Uuid, Path, description = "swap id")), security(("bearer" = [])),
    responses((status = 200, body = SwapJson)))]
async fn get_swap(State(app): State<App>, ApiUser(me): ApiUser, Id(id): Id<SwapId>) -> HttpResult<Json<SwapJson>> {
    Ok(Json((&app::swaps::get(&app, &me.actor(), id).await?).into()))
}

/// The fields of a decision; which ones it needs depends on the action.
#[derive(Deserialize, Default, Debug, Clone, ToSchema)]
#[serde(default)]
pub struct ActionRequest {
    /// The swap's version the caller saw; a changed swap refuses the action.
    pub version: Option<i64>,
    /// Why, in words (decline, withdraw, refuse, cancel: required with the kind `other`;
    /// decline-approval: required with `other`).
    pub reason: String,
    /// The kind of reason. Decline, withdraw, refuse, cancel: `week_unsuitable`, `workload`,
    /// `personal` or `other` (left out with words in `reason`: `other`). Decline-approval:
    /// `no_management_approval`, `staffing` or `other`.
    pub reason_kind: String,
    /// A comment with an approval.
    pub comment: String,
    /// The `index` of the approval (approve, decline-approval, delegate).
    #[schema(minimum = 0, maximum = 1000)]
    pub approval: Option<usize>,
    /// The `index` of the co-determination step (consent, refuse).
    #[schema(minimum = 0, maximum = 1000)]
    pub step: Option<usize>,
    /// The approver to hand the approval to (delegate).
    pub delegate: Option<Uuid>,
    /// The signer's password (sign).
    pub password: String,
    /// The SHA-256 of the agreement the signer read (sign).
    pub hash: String,
}

impl ActionRequest {
    fn command(self, action: &str) -> HttpResult<Command> {
        // A script that gives only words gives a reason of its own ("other").
        let kind = if self.reason_kind.trim().is_empty() && !self.reason.trim().is_empty() {
            "other"
        } else {
            self.reason_kind.as_str()
        };
        let end_reason = || EndReason::parse(kind, &self.reason);
        let approval = self.approval.ok_or(app::Error::field("approval", Reason::Required));
        let step = self.step.ok_or(app::Error::field("step", Reason::Required));
        Ok(match action {
            "accept" => Command::Accept,
            "decline" => Command::Decline { reason: end_reason()? },
            "withdraw" => Command::Withdraw { reason: end_reason()? },
            "approve" => Command::Approve { approval: approval?, comment: self.comment },
            "decline-approval" => {
                Command::DeclineApproval { approval: approval?, kind: self.reason_kind, text: self.reason }
            }
            "delegate" => Command::Delegate {
                approval: approval?,
                to: UserId(self.delegate.ok_or(app::Error::field("delegate", Reason::Required))?),
            },
            "consent" => Command::Consent { step: step? },
            "refuse" => Command::Refuse { step: step?, reason: end_reason()? },
            "sign" => Command::Sign { confirmation: Confirmation::Password(self.password), hash: self.hash },
            "cancel" => Command::Cancel { reason: end_reason()? },
            _ => return Err(HttpError::App(app::Error::NotFound)),
        })
    }
}

/// Acts on a swap: `accept`, `decline`, `withdraw`, `approve`, `decline-approval`, `delegate`,
/// `consent`, `refuse`, `sign` or `cancel`, with the fields that action needs.
#[utoipa::path(post, path = "/api/swaps/{id}/{action}", request_body = ActionRequest,
    params(("id" = Uuid, Path, description = "swap id"), ("action" = String, Path, description = "the action")),
    security(("bearer" = [])), responses((status = 200, body = SwapJson),
        (status = 429, description = "Too many wrong passwords when signing; try again later")))]
async fn swap_action(
    State(app): State<App>,
    ApiUser(me): ApiUser,
    IdAnd(id, action): IdAnd<SwapId>,
    ApiJson(body): ApiJson<ActionRequest>,
) -> HttpResult<Json<SwapJson>> {
    let version = body.version;
    let command = body.command(&action)?;
    let swap = app::swaps::act(&app, &me, id, version, command).await?;
    Ok(Json((&swap).into()))
}

/// The agreement of a swap as PDF (with its signature page once confirmed).
#[utoipa::path(get, path = "/api/swaps/{id}/agreement.pdf", params(("id" = Uuid, Path, description = "swap id")),
    security(("bearer" = [])), responses((status = 200, description = "The agreement", content_type = "application/pdf")))]
async fn swap_agreement(State(app): State<App>, ApiUser(me): ApiUser, Id(id): Id<SwapId>) -> HttpResult<Response> {
    Ok(crate::respond::download(app::swaps::agreement(&app, &me, id).await?))
}
