//! The swap: one mutual, dated arrangement with legs, all or nothing.
//!
//! Members stand in cycle order: member `i` goes to the workplace of member `i + 1` (the last
//! to that of the first), so a pair has two legs and a ring of three has three. For every leg
//! the sending and the receiving organisation approve; the co-determination bodies are
//! informed or consent as each organisation's policy says; then every member signs the
//! confidentiality agreement. Every transition is a method that names its actor and refuses
//! anyone else with a specific [`SwapError`]; the shell persists the new state with a version
//! check, so two concurrent decisions cannot both win.
//!
//! ```text
//! proposed -> accepted -> approvals_pending -> agreement_pending -> confirmed
//!     \            \               \                    \              \
//!      +-> declined / withdrawn / cancelled (with a reason; cancelled also after confirmed,
//!          before the week)
//!
//! confirmed -> in_progress (the worker, on the week's Monday) -> completed (the worker, after
//! its Friday) -> evaluated (when every member has written a reflection)
//!
//! in_progress -> cancelled (only when a member's account is erased)
//! ```

use crate::access::{Actor, OrgRole};
use crate::ids::{OrgId, RoundId, SwapId, UserId};
use crate::org::{Body, Policy, PolicyRule, choice};
use crate::values::IsoWeek;
use crate::{FieldError, Reason};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;
use std::fmt;

/// Where a swap stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SwapState {
    Proposed,
    Accepted,
    ApprovalsPending,
    AgreementPending,
    Confirmed,
    InProgress,
    Completed,
    Evaluated,
    Declined,
    Withdrawn,
    Cancelled,
}

impl SwapState {
    pub const ALL: &'static [SwapState] = &[
        SwapState::Proposed,
        SwapState::Accepted,
        SwapState::ApprovalsPending,
        SwapState::AgreementPending,
        SwapState::Confirmed,
        SwapState::InProgress,
        SwapState::Completed,
        SwapState::Evaluated,
        SwapState::Declined,
        SwapState::Withdrawn,
        SwapState::Cancelled,
    ];

    pub fn code(&self) -> &'static str {
        match self {
            SwapState::Proposed => "proposed",
            SwapState::Accepted => "accepted",
            SwapState::ApprovalsPending => "approvals_pending",
            SwapState::AgreementPending => "agreement_pending",
            SwapState::Confirmed => "confirmed",
            SwapState::InProgress => "in_progress",
            SwapState::Completed => "completed",
            SwapState::Evaluated => "evaluated",
            SwapState::Declined => "declined",
            SwapState::Withdrawn => "withdrawn",
            SwapState::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| s.code() == code)
    }

    /// A swap that ended without taking place.
    pub fn is_ended(&self) -> bool {
        matches!(self, SwapState::Declined | SwapState::Withdrawn | SwapState::Cancelled)
    }

    /// Whether a member who accepted a swap in this state has their week taken by it.
    pub fn holds_week(&self) -> bool {
        !self.is_ended()
    }

    /// Whether a transition from `self` to `to` is an edge of the state machine.
    pub fn may_become(&self, to: SwapState) -> bool {
        use SwapState::*;
        matches!(
            (self, to),
            (Proposed, Accepted)
                | (Accepted, ApprovalsPending)
                | (ApprovalsPending, AgreementPending)
                | (AgreementPending, Confirmed)
                | (Proposed | Accepted | ApprovalsPending | AgreementPending, Declined | Withdrawn | Cancelled)
                | (Confirmed, Cancelled)
                | (Confirmed, InProgress)
                | (InProgress, Cancelled)
                | (InProgress, Completed)
                | (Completed, Evaluated)
        )
    }
}

impl fmt::Display for SwapState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why a transition was refused. `code()` is the stable key for messages and the API.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SwapError {
    #[error("a swap needs at least two people")]
    TooFewMembers,
    #[error("a person appears twice in the swap")]
    DuplicateMember,
    #[error("a swap within one organisation is not a swap")]
    SameOrganisation,
    #[error("the week has already begun")]
    WeekBegun,
    #[error("the person is already in a swap that week")]
    Overlap,
    #[error("only a member of the swap may do this")]
    NotMember,
    #[error("only the proposer may withdraw")]
    NotProposer,
    #[error("only an approver of the organisation may decide")]
    NotApprover,
    #[error("only the body's members may decide")]
    NotBodyMember,
    #[error("only a member or an approver of a concerned organisation may cancel")]
    MayNotCancel,
    #[error("this was decided already")]
    AlreadyDecided,
    #[error("no such approval or body step")]
    NoSuchStep,
    #[error("this is not possible while the swap is {from}")]
    InvalidTransition { from: SwapState },
    #[error("a reason is needed")]
    ReasonRequired,
    #[error("the agreement changed; please read it again")]
    AgreementChanged,
    #[error("the delegate must be another approver of the same organisation")]
    BadDelegate,
    #[error("it is too early for this")]
    NotYet,
    #[error("nobody decides on a swap they are part of")]
    OwnSwap,
}

impl SwapError {
    pub fn code(&self) -> &'static str {
        match self {
            SwapError::TooFewMembers => "too-few-members",
            SwapError::DuplicateMember => "duplicate-member",
            SwapError::SameOrganisation => "same-organisation",
            SwapError::WeekBegun => "week-begun",
            SwapError::Overlap => "overlap",
            SwapError::NotMember => "not-member",
            SwapError::NotProposer => "not-proposer",
            SwapError::NotApprover => "not-approver",
            SwapError::NotBodyMember => "not-body-member",
            SwapError::MayNotCancel => "may-not-cancel",
            SwapError::AlreadyDecided => "already-decided",
            SwapError::NoSuchStep => "no-such-step",
            SwapError::InvalidTransition { .. } => "invalid-transition",
            SwapError::ReasonRequired => "reason-required",
            SwapError::AgreementChanged => "agreement-changed",
            SwapError::BadDelegate => "bad-delegate",
            SwapError::NotYet => "not-yet",
            SwapError::OwnSwap => "own-swap",
        }
    }

    /// Whether the refusal is about who asks (403) rather than about the swap's state (409).
    pub fn is_forbidden(&self) -> bool {
        matches!(
            self,
            SwapError::NotMember
                | SwapError::NotProposer
                | SwapError::NotApprover
                | SwapError::NotBodyMember
                | SwapError::MayNotCancel
                | SwapError::OwnSwap
        )
    }
}

/// A reason for a decline, as approvers give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum DeclineReason {
    NoManagementApproval,
    Staffing,
    Other(String),
}

impl DeclineReason {
    pub const MAX_TEXT: usize = 500;

    /// `kind` is `no_management_approval`, `staffing` or `other`; `other` needs a text.
    pub fn parse(kind: &str, text: &str) -> Result<Self, SwapError> {
        let text = text.trim();
        match kind.trim() {
            "no_management_approval" => Ok(DeclineReason::NoManagementApproval),
            "staffing" => Ok(DeclineReason::Staffing),
            "other" if !text.is_empty() => Ok(DeclineReason::Other(text.chars().take(Self::MAX_TEXT).collect())),
            _ => Err(SwapError::ReasonRequired),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            DeclineReason::NoManagementApproval => "no_management_approval",
            DeclineReason::Staffing => "staffing",
            DeclineReason::Other(_) => "other",
        }
    }

    pub fn text(&self) -> &str {
        match self {
            DeclineReason::Other(t) => t,
            _ => "",
        }
    }
}

choice! {
    /// Why a person declines or withdraws a proposal, refuses consent or cancels a swap: chosen
    /// from this list on purpose (nothing is chosen for them).
    EndKind {
        WeekUnsuitable = "week_unsuitable",
        Workload = "workload",
        Personal = "personal",
        Other = "other",
    }
}

/// A person's reason to end a swap: a kind from the list, and their own words, which "other"
/// needs. Stored, and carried by events, as `kind` or `kind: words`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndReason {
    kind: EndKind,
    words: String,
}

impl EndReason {
    /// `kind` from [`EndKind`] (field `reason_kind`); `words` (field `reason`) required for
    /// `other`, optional otherwise, cut at [`DeclineReason::MAX_TEXT`] characters.
    pub fn parse(kind: &str, words: &str) -> Result<Self, FieldError> {
        let kind = EndKind::parse("reason_kind", kind)?;
        let words: String = words.trim().chars().take(DeclineReason::MAX_TEXT).collect();
        if kind == EndKind::Other && words.is_empty() {
            return Err(FieldError::new("reason", Reason::Required));
        }
        Ok(Self { kind, words })
    }

    pub fn kind(&self) -> EndKind {
        self.kind
    }

    /// The form kept with the swap: `kind` or `kind: words`.
    pub fn stored(&self) -> String {
        if self.words.is_empty() {
            self.kind.code().to_owned()
        } else {
            format!("{}: {}", self.kind.code(), self.words)
        }
    }
}

/// A person in the swap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub user: UserId,
    pub org: OrgId,
    pub accepted: bool,
}

/// One leg: `person` goes from `from` to the workplace at `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Leg {
    pub index: usize,
    pub person: UserId,
    pub from: OrgId,
    pub to: OrgId,
}

/// Which side of a leg an approval is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The person's own organisation lets them go for the week.
    Sending,
    /// The host organisation takes the guest in.
    Receiving,
}

impl Side {
    pub fn code(&self) -> &'static str {
        match self {
            Side::Sending => "sending",
            Side::Receiving => "receiving",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "sending" => Some(Side::Sending),
            "receiving" => Some(Side::Receiving),
            _ => None,
        }
    }
}

/// A decision on an approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ApprovalStatus {
    Pending,
    Approved { by: UserId, at: DateTime<Utc>, comment: Option<String> },
    Declined { by: UserId, at: DateTime<Utc>, reason: DeclineReason },
}

/// One approval: an organisation's yes or no to one side of one leg.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approval {
    pub leg: usize,
    pub side: Side,
    pub org: OrgId,
    pub deadline: DateTime<Utc>,
    pub delegate: Option<UserId>,
    pub status: ApprovalStatus,
}

impl Approval {
    pub fn is_pending(&self) -> bool {
        matches!(self.status, ApprovalStatus::Pending)
    }
}

/// A co-determination body's part in a swap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum BodyStatus {
    Pending,
    Informed { at: DateTime<Utc> },
    Consented { by: UserId, at: DateTime<Utc> },
    Refused { by: UserId, at: DateTime<Utc>, reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BodyStep {
    pub org: OrgId,
    pub body: Body,
    pub rule: PolicyRule,
    pub status: BodyStatus,
}

/// A member's signature of the agreement with the hash of the document they confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signature {
    pub user: UserId,
    pub at: DateTime<Utc>,
    pub document_hash: String,
}

/// What happened, for the audit trail and the notifications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    Proposed { by: UserId },
    Accepted { by: UserId },
    ApprovalsRequested,
    BodyInformed { org: OrgId, body: Body },
    Approved { by: UserId, approval: usize },
    ApprovalDeclined { by: UserId, approval: usize },
    Delegated { by: UserId, approval: usize, to: UserId },
    BodyConsented { by: UserId, step: usize },
    BodyRefused { by: UserId, step: usize },
    AgreementRequested,
    AgreementGenerated { hash: String },
    Signed { by: UserId },
    Confirmed,
    Declined { by: Option<UserId>, reason: String },
    Withdrawn { by: UserId, reason: String },
    Cancelled { by: UserId, reason: String },
    Expired { approval: usize },
    WeekBegan,
    WeekCompleted,
    Evaluated,
}

impl Event {
    /// The stable name of the event in the audit log.
    pub fn action(&self) -> &'static str {
        match self {
            Event::Proposed { .. } => "swap.proposed",
            Event::Accepted { .. } => "swap.accepted",
            Event::ApprovalsRequested => "swap.approvals_requested",
            Event::BodyInformed { .. } => "swap.body_informed",
            Event::Approved { .. } => "swap.approved",
            Event::ApprovalDeclined { .. } => "swap.approval_declined",
            Event::Delegated { .. } => "swap.delegated",
            Event::BodyConsented { .. } => "swap.body_consented",
            Event::BodyRefused { .. } => "swap.body_refused",
            Event::AgreementRequested => "swap.agreement_requested",
            Event::AgreementGenerated { .. } => "swap.agreement_generated",
            Event::Signed { .. } => "swap.signed",
            Event::Confirmed => "swap.confirmed",
            Event::Declined { .. } => "swap.declined",
            Event::Withdrawn { .. } => "swap.withdrawn",
            Event::Cancelled { .. } => "swap.cancelled",
            Event::Expired { .. } => "swap.expired",
            Event::WeekBegan => "swap.week_began",
            Event::WeekCompleted => "swap.week_completed",
            Event::Evaluated => "swap.evaluated",
        }
    }
}

/// The swap aggregate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Swap {
    pub id: SwapId,
    pub week: IsoWeek,
    pub proposer: UserId,
    pub message: Option<String>,
    pub members: Vec<Member>,
    pub state: SwapState,
    /// Raised by every change; the store writes only over the version it read.
    pub version: i64,
    pub approvals: Vec<Approval>,
    pub bodies: Vec<BodyStep>,
    pub agreement_hash: Option<String>,
    pub signatures: Vec<Signature>,
    pub end_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    /// The matching round that proposed this swap; `None` when a person proposed it.
    pub round: Option<RoundId>,
}

/// How long approvers have to decide, at most (never past the start of the week).
pub const APPROVAL_PERIOD: Duration = Duration::days(14);

impl Swap {
    /// A new proposal: `members` in cycle order, the proposer first (and accepted).
    pub fn propose(
        id: SwapId,
        week: IsoWeek,
        members: Vec<(UserId, OrgId)>,
        message: Option<String>,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(Swap, Event), SwapError> {
        let proposer = members.first().map(|m| m.0).ok_or(SwapError::TooFewMembers)?;
        let mut swap = Self::new_proposal(id, week, members, message, today, now, proposer)?;
        swap.members[0].accepted = true;
        Ok((swap, Event::Proposed { by: proposer }))
    }

    /// A proposal of a matching round: `members` in cycle order, none accepted yet, so every
    /// member decides. The organiser who started the round stands as proposer (and may
    /// withdraw it).
    pub fn propose_matched(
        id: SwapId,
        week: IsoWeek,
        members: Vec<(UserId, OrgId)>,
        round: RoundId,
        organiser: UserId,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(Swap, Event), SwapError> {
        let mut swap = Self::new_proposal(id, week, members, None, today, now, organiser)?;
        swap.round = Some(round);
        Ok((swap, Event::Proposed { by: organiser }))
    }

    fn new_proposal(
        id: SwapId,
        week: IsoWeek,
        members: Vec<(UserId, OrgId)>,
        message: Option<String>,
        today: NaiveDate,
        now: DateTime<Utc>,
        proposer: UserId,
    ) -> Result<Swap, SwapError> {
        if members.len() < 2 {
            return Err(SwapError::TooFewMembers);
        }
        for (i, (u, _)) in members.iter().enumerate() {
            if members[..i].iter().any(|(v, _)| v == u) {
                return Err(SwapError::DuplicateMember);
            }
        }
        // Every leg must cross organisations (a ring may come back to an organisation only
        // through another one).
        let n = members.len();
        if (0..n).any(|i| members[i].1 == members[(i + 1) % n].1) {
            return Err(SwapError::SameOrganisation);
        }
        if week.monday() <= today {
            return Err(SwapError::WeekBegun);
        }
        let members = members.into_iter().map(|(user, org)| Member { user, org, accepted: false }).collect();
        Ok(Swap {
            id,
            week,
            proposer,
            message: message.map(|m| m.trim().chars().take(2000).collect::<String>()).filter(|m| !m.is_empty()),
            members,
            state: SwapState::Proposed,
            version: 0,
            approvals: Vec::new(),
            bodies: Vec::new(),
            agreement_hash: None,
            signatures: Vec::new(),
            end_reason: None,
            created_at: now,
            round: None,
        })
    }

    pub fn legs(&self) -> Vec<Leg> {
        let n = self.members.len();
        (0..n)
            .map(|i| Leg {
                index: i,
                person: self.members[i].user,
                from: self.members[i].org,
                to: self.members[(i + 1) % n].org,
            })
            .collect()
    }

    /// Every organisation the swap concerns, each once, in member order.
    pub fn organisations(&self) -> Vec<OrgId> {
        let mut out: Vec<OrgId> = Vec::new();
        for m in &self.members {
            if !out.contains(&m.org) {
                out.push(m.org);
            }
        }
        out
    }

    pub fn is_member(&self, user: UserId) -> bool {
        self.members.iter().any(|m| m.user == user)
    }

    /// A ring has three or more members.
    pub fn is_ring(&self) -> bool {
        self.members.len() > 2
    }

    fn ensure_state(&self, allowed: &[SwapState]) -> Result<(), SwapError> {
        if allowed.contains(&self.state) { Ok(()) } else { Err(SwapError::InvalidTransition { from: self.state }) }
    }

    fn goto(&mut self, to: SwapState) {
        debug_assert!(self.state.may_become(to), "{} -> {}", self.state, to);
        self.state = to;
    }

    /// A proposed member accepts. When everyone has, the approvals are requested at once:
    /// both sides of every leg, and the bodies per each organisation's policy (`policies` has
    /// one entry per concerned organisation).
    pub fn accept(
        &mut self,
        actor: &Actor,
        policies: &[(OrgId, Policy)],
        now: DateTime<Utc>,
    ) -> Result<Vec<Event>, SwapError> {
        self.ensure_state(&[SwapState::Proposed])?;
        let member = self.members.iter_mut().find(|m| m.user == actor.user_id).ok_or(SwapError::NotMember)?;
        if member.accepted {
            return Err(SwapError::AlreadyDecided);
        }
        member.accepted = true;
        let mut events = vec![Event::Accepted { by: actor.user_id }];
        if self.members.iter().all(|m| m.accepted) {
            self.goto(SwapState::Accepted);
            events.extend(self.request_approvals(policies, now));
        }
        Ok(events)
    }

    fn request_approvals(&mut self, policies: &[(OrgId, Policy)], now: DateTime<Utc>) -> Vec<Event> {
        let week_start = self.week.monday().and_hms_opt(0, 0, 0).map(|t| t.and_utc()).unwrap_or(now);
        let deadline = (now + APPROVAL_PERIOD).min(week_start).max(now);
        self.approvals = self
            .legs()
            .iter()
            .flat_map(|leg| {
                [(Side::Sending, leg.from), (Side::Receiving, leg.to)].map(|(side, org)| Approval {
                    leg: leg.index,
                    side,
                    org,
                    deadline,
                    delegate: None,
                    status: ApprovalStatus::Pending,
                })
            })
            .collect();
        let mut events = vec![Event::ApprovalsRequested];
        self.bodies.clear();
        for org in self.organisations() {
            let policy = policies.iter().find(|(o, _)| *o == org).map(|(_, p)| p.clone()).unwrap_or_default();
            for (body, rule) in policy.rules() {
                let status = match rule {
                    PolicyRule::NotNeeded => continue,
                    PolicyRule::Inform => {
                        events.push(Event::BodyInformed { org, body: *body });
                        BodyStatus::Informed { at: now }
                    }
                    PolicyRule::Consent => BodyStatus::Pending,
                };
                self.bodies.push(BodyStep { org, body: *body, rule: *rule, status });
            }
        }
        self.goto(SwapState::ApprovalsPending);
        events.extend(self.advance_if_cleared());
        events
    }

    /// Every approval given and every needed consent in: the agreement is next.
    fn advance_if_cleared(&mut self) -> Vec<Event> {
        let approved = self.approvals.iter().all(|a| matches!(a.status, ApprovalStatus::Approved { .. }));
        let consented =
            self.bodies.iter().all(|b| !matches!(b.status, BodyStatus::Pending | BodyStatus::Refused { .. }));
        if self.state == SwapState::ApprovalsPending && approved && consented {
            self.goto(SwapState::AgreementPending);
            vec![Event::AgreementRequested]
        } else {
            Vec::new()
        }
    }

    fn end(&mut self, to: SwapState, reason: &str) {
        self.goto(to);
        self.end_reason = Some(reason.to_owned());
    }

    /// A proposed member who has not accepted declines, with a reason; the swap ends.
    pub fn decline(&mut self, actor: &Actor, reason: &EndReason) -> Result<Vec<Event>, SwapError> {
        self.ensure_state(&[SwapState::Proposed])?;
        let member = self.members.iter().find(|m| m.user == actor.user_id).ok_or(SwapError::NotMember)?;
        if member.accepted {
            return Err(SwapError::AlreadyDecided);
        }
        let reason = reason.stored();
        self.end(SwapState::Declined, &reason);
        Ok(vec![Event::Declined { by: Some(actor.user_id), reason }])
    }

    /// The proposer takes the proposal back, until the swap is confirmed.
    pub fn withdraw(&mut self, actor: &Actor, reason: &EndReason) -> Result<Vec<Event>, SwapError> {
        if actor.user_id != self.proposer {
            return Err(if self.is_member(actor.user_id) { SwapError::NotProposer } else { SwapError::NotMember });
        }
        self.ensure_state(&[
            SwapState::Proposed,
            SwapState::Accepted,
            SwapState::ApprovalsPending,
            SwapState::AgreementPending,
        ])?;
        let reason = reason.stored();
        self.end(SwapState::Withdrawn, &reason);
        Ok(vec![Event::Withdrawn { by: actor.user_id, reason }])
    }

    /// Whether the actor may decide this approval (an approver of its organisation, or the
    /// approver it was delegated to).
    pub fn may_decide(&self, actor: &Actor, approval: usize) -> bool {
        // Four eyes: nobody decides on a swap they are part of, whatever roles they hold.
        !self.is_member(actor.user_id)
            && self.approvals.get(approval).is_some_and(|a| {
                a.delegate == Some(actor.user_id)
                    || (actor.org_id == Some(a.org) && actor.has(OrgRole::Approver) && a.delegate.is_none())
            })
    }

    fn pending_approval(&self, actor: &Actor, approval: usize) -> Result<(), SwapError> {
        self.ensure_state(&[SwapState::ApprovalsPending])?;
        let a = self.approvals.get(approval).ok_or(SwapError::NoSuchStep)?;
        if self.is_member(actor.user_id) {
            return Err(SwapError::OwnSwap);
        }
        if !self.may_decide(actor, approval) {
            return Err(SwapError::NotApprover);
        }
        if !a.is_pending() {
            return Err(SwapError::AlreadyDecided);
        }
        Ok(())
    }

    pub fn approve(
        &mut self,
        actor: &Actor,
        approval: usize,
        comment: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<Event>, SwapError> {
        self.pending_approval(actor, approval)?;
        let comment =
            Some(comment.trim().chars().take(DeclineReason::MAX_TEXT).collect::<String>()).filter(|c| !c.is_empty());
        self.approvals[approval].status = ApprovalStatus::Approved { by: actor.user_id, at: now, comment };
        let mut events = vec![Event::Approved { by: actor.user_id, approval }];
        events.extend(self.advance_if_cleared());
        Ok(events)
    }

    /// A declined approval ends the whole swap: all or nothing.
    pub fn decline_approval(
        &mut self,
        actor: &Actor,
        approval: usize,
        reason: DeclineReason,
        now: DateTime<Utc>,
    ) -> Result<Vec<Event>, SwapError> {
        self.pending_approval(actor, approval)?;
        let text = match &reason {
            DeclineReason::Other(t) => format!("{}: {t}", reason.code()),
            r => r.code().to_owned(),
        };
        self.approvals[approval].status = ApprovalStatus::Declined { by: actor.user_id, at: now, reason };
        self.end(SwapState::Declined, &text);
        Ok(vec![
            Event::ApprovalDeclined { by: actor.user_id, approval },
            Event::Declined { by: Some(actor.user_id), reason: text },
        ])
    }

    /// Hands a pending approval to another approver of the same organisation; `to_is_approver`
    /// is what the shell knows of the delegate.
    pub fn delegate(
        &mut self,
        actor: &Actor,
        approval: usize,
        to: UserId,
        to_org: Option<OrgId>,
        to_is_approver: bool,
    ) -> Result<Vec<Event>, SwapError> {
        self.pending_approval(actor, approval)?;
        let a = &mut self.approvals[approval];
        if to == actor.user_id || to_org != Some(a.org) || !to_is_approver || self.members.iter().any(|m| m.user == to)
        {
            return Err(SwapError::BadDelegate);
        }
        a.delegate = Some(to);
        Ok(vec![Event::Delegated { by: actor.user_id, approval, to }])
    }

    fn pending_body(&self, actor: &Actor, step: usize) -> Result<(), SwapError> {
        self.ensure_state(&[SwapState::ApprovalsPending])?;
        let s = self.bodies.get(step).ok_or(SwapError::NoSuchStep)?;
        if self.is_member(actor.user_id) {
            return Err(SwapError::OwnSwap);
        }
        let holds = actor.roles.iter().any(|r| r.body() == Some(s.body));
        if actor.org_id != Some(s.org) || !holds {
            return Err(SwapError::NotBodyMember);
        }
        if s.status != BodyStatus::Pending {
            return Err(SwapError::AlreadyDecided);
        }
        Ok(())
    }

    pub fn consent(&mut self, actor: &Actor, step: usize, now: DateTime<Utc>) -> Result<Vec<Event>, SwapError> {
        self.pending_body(actor, step)?;
        self.bodies[step].status = BodyStatus::Consented { by: actor.user_id, at: now };
        let mut events = vec![Event::BodyConsented { by: actor.user_id, step }];
        events.extend(self.advance_if_cleared());
        Ok(events)
    }

    /// A refused consent ends the swap.
    pub fn refuse(
        &mut self,
        actor: &Actor,
        step: usize,
        reason: &EndReason,
        now: DateTime<Utc>,
    ) -> Result<Vec<Event>, SwapError> {
        self.pending_body(actor, step)?;
        let text = reason.stored();
        self.bodies[step].status = BodyStatus::Refused { by: actor.user_id, at: now, reason: text.clone() };
        self.end(SwapState::Declined, &text);
        Ok(vec![
            Event::BodyRefused { by: actor.user_id, step },
            Event::Declined { by: Some(actor.user_id), reason: text },
        ])
    }

    /// The shell generated the agreement document; its hash is what members sign.
    pub fn attach_agreement(&mut self, hash: String) -> Result<Vec<Event>, SwapError> {
        self.ensure_state(&[SwapState::AgreementPending])?;
        if self.agreement_hash.is_some() {
            return Err(SwapError::AlreadyDecided);
        }
        self.agreement_hash = Some(hash.clone());
        Ok(vec![Event::AgreementGenerated { hash }])
    }

    /// A member signs the agreement whose hash they were shown; when all signed, confirmed.
    pub fn sign(&mut self, actor: &Actor, document_hash: &str, now: DateTime<Utc>) -> Result<Vec<Event>, SwapError> {
        self.ensure_state(&[SwapState::AgreementPending])?;
        if !self.is_member(actor.user_id) {
            return Err(SwapError::NotMember);
        }
        if self.agreement_hash.as_deref() != Some(document_hash) {
            return Err(SwapError::AgreementChanged);
        }
        if self.signatures.iter().any(|s| s.user == actor.user_id) {
            return Err(SwapError::AlreadyDecided);
        }
        self.signatures.push(Signature { user: actor.user_id, at: now, document_hash: document_hash.to_owned() });
        let mut events = vec![Event::Signed { by: actor.user_id }];
        if self.members.iter().all(|m| self.signatures.iter().any(|s| s.user == m.user)) {
            self.goto(SwapState::Confirmed);
            events.push(Event::Confirmed);
        }
        Ok(events)
    }

    /// Whether the actor may cancel: a member (as a member), or an approver of a concerned
    /// organisation who is not part of the swap.
    pub fn may_cancel(&self, actor: &Actor) -> bool {
        self.is_member(actor.user_id)
            || (actor.has(OrgRole::Approver) && actor.org_id.is_some_and(|o| self.organisations().contains(&o)))
    }

    /// Cancels the swap, with a reason, from any state before the week begins.
    pub fn cancel(&mut self, actor: &Actor, reason: &EndReason, today: NaiveDate) -> Result<Vec<Event>, SwapError> {
        if !self.may_cancel(actor) {
            return Err(SwapError::MayNotCancel);
        }
        if self.state.is_ended() {
            return Err(SwapError::InvalidTransition { from: self.state });
        }
        if self.week.monday() <= today {
            return Err(SwapError::WeekBegun);
        }
        let reason = reason.stored();
        self.end(SwapState::Cancelled, &reason);
        Ok(vec![Event::Cancelled { by: actor.user_id, reason }])
    }

    /// A member's account is erased: a swap that is not over ends at once (cancelled, reason
    /// `account-erased`), a week under way too (everyone concerned is told) and a stale proposal
    /// whose week passed; a finished swap stays as it is.
    pub fn end_for_erasure(&mut self, member: UserId) -> Result<Vec<Event>, SwapError> {
        if !self.is_member(member) {
            return Err(SwapError::NotMember);
        }
        match self.state {
            s if s.is_ended() => Ok(Vec::new()),
            SwapState::Completed | SwapState::Evaluated => Ok(Vec::new()),
            _ => {
                let reason = "account-erased".to_owned();
                self.end(SwapState::Cancelled, &reason);
                Ok(vec![Event::Cancelled { by: member, reason }])
            }
        }
    }

    /// The worker ends a swap whose approval passed its deadline undecided.
    pub fn expire(&mut self, now: DateTime<Utc>) -> Result<Vec<Event>, SwapError> {
        self.ensure_state(&[SwapState::ApprovalsPending])?;
        let Some(i) = self.approvals.iter().position(|a| a.is_pending() && a.deadline <= now) else {
            return Err(SwapError::NoSuchStep);
        };
        let reason = "approval-deadline-passed".to_owned();
        self.end(SwapState::Declined, &reason);
        Ok(vec![Event::Expired { approval: i }, Event::Declined { by: None, reason }])
    }

    /// The worker: the swap week has begun (`today`, in Germany, is its Monday or later).
    pub fn begin_week(&mut self, today: NaiveDate) -> Result<Vec<Event>, SwapError> {
        self.ensure_state(&[SwapState::Confirmed])?;
        if today < self.week.monday() {
            return Err(SwapError::NotYet);
        }
        self.goto(SwapState::InProgress);
        Ok(vec![Event::WeekBegan])
    }

    /// The worker: the swap week is over (`today` is after its Friday).
    pub fn complete_week(&mut self, today: NaiveDate) -> Result<Vec<Event>, SwapError> {
        self.ensure_state(&[SwapState::InProgress])?;
        if today <= self.week.friday() {
            return Err(SwapError::NotYet);
        }
        self.goto(SwapState::Completed);
        Ok(vec![Event::WeekCompleted])
    }

    /// Every member has written a reflection (`reflected` are those who have): evaluated.
    pub fn evaluate(&mut self, reflected: &[UserId]) -> Result<Vec<Event>, SwapError> {
        self.ensure_state(&[SwapState::Completed])?;
        if !self.members.iter().all(|m| reflected.contains(&m.user)) {
            return Err(SwapError::NotYet);
        }
        self.goto(SwapState::Evaluated);
        Ok(vec![Event::Evaluated])
    }

    /// Whether the swap week is on or behind it (in progress, completed, evaluated).
    pub fn week_reached(&self) -> bool {
        matches!(self.state, SwapState::InProgress | SwapState::Completed | SwapState::Evaluated)
    }

    /// Whether the person has committed to this swap for `week`: they accepted it (the
    /// proposer by proposing) and it has not ended. A person may receive several proposals for
    /// a week but commit to only one swap in it.
    pub fn occupies(&self, user: UserId, week: IsoWeek) -> bool {
        self.state.holds_week() && self.week == week && self.members.iter().any(|m| m.user == user && m.accepted)
    }

    /// Refuses when `user` has committed to another swap of `week` (`others` are the person's
    /// swaps as the store knows them).
    pub fn ensure_free(user: UserId, week: IsoWeek, others: &[Swap], except: Option<SwapId>) -> Result<(), SwapError> {
        if others.iter().any(|o| Some(o.id) != except && o.occupies(user, week)) {
            Err(SwapError::Overlap)
        } else {
            Ok(())
        }
    }
}

/// The stages of a swap, in order, as its page draws them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Proposed,
    Accepted,
    Approvals,
    Councils,
    Agreement,
    Confirmed,
    Week,
    Afterwards,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::Proposed,
        Stage::Accepted,
        Stage::Approvals,
        Stage::Councils,
        Stage::Agreement,
        Stage::Confirmed,
        Stage::Week,
        Stage::Afterwards,
    ];

    pub fn code(&self) -> &'static str {
        match self {
            Stage::Proposed => "proposed",
            Stage::Accepted => "accepted",
            Stage::Approvals => "approvals",
            Stage::Councils => "councils",
            Stage::Agreement => "agreement",
            Stage::Confirmed => "confirmed",
            Stage::Week => "week",
            Stage::Afterwards => "afterwards",
        }
    }
}

/// Where a swap stands at one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageStatus {
    Done,
    /// Someone acts at this stage now.
    Current,
    Upcoming,
    /// Not needed for this swap (no body's consent is asked).
    Skipped,
}

/// Whom a swap waits for now: each entry one person or body that must act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Waiting {
    /// A proposed member's answer.
    Answer(UserId),
    /// An organisation's approval (any of its approvers may give it).
    Approval(OrgId),
    /// An approval handed to one approver.
    Delegate(UserId),
    /// A body's consent.
    Consent(Body, OrgId),
    /// A member's signature of the agreement.
    Signature(UserId),
    /// The week lies ahead: the people plan it.
    WeekAhead,
    /// The week runs.
    WeekRunning,
    /// The week is over: reflections and the certificate.
    Afterwards,
    /// Nothing more: the swap is evaluated or ended.
    Nobody,
}

impl Swap {
    /// Each stage and where the swap stands there. An ended swap has no current stage; its
    /// stages show how far it came.
    pub fn stages(&self) -> Vec<(Stage, StageStatus)> {
        use StageStatus::{Current, Done, Skipped, Upcoming};
        let all_accepted = self.members.iter().all(|m| m.accepted);
        let approvals_done = self.approvals.iter().all(|a| matches!(a.status, ApprovalStatus::Approved { .. }));
        let consents: Vec<&BodyStep> = self.bodies.iter().filter(|b| b.rule == PolicyRule::Consent).collect();
        let consents_done = consents.iter().all(|b| matches!(b.status, BodyStatus::Consented { .. }));
        let signed = self.members.iter().all(|m| self.signatures.iter().any(|g| g.user == m.user));
        let reached = |after: &[SwapState]| after.contains(&self.state);
        let from_confirmed = [SwapState::Confirmed, SwapState::InProgress, SwapState::Completed, SwapState::Evaluated];
        let status = |stage: Stage| -> StageStatus {
            let ended = self.state.is_ended();
            let done_if = |done: bool| if done { Done } else { Upcoming };
            match stage {
                Stage::Proposed => Done,
                Stage::Accepted if ended => done_if(all_accepted),
                Stage::Accepted => {
                    if self.state == SwapState::Proposed {
                        Current
                    } else {
                        Done
                    }
                }
                Stage::Approvals if ended => done_if(!self.approvals.is_empty() && approvals_done),
                Stage::Approvals => match self.state {
                    SwapState::Proposed => Upcoming,
                    SwapState::Accepted | SwapState::ApprovalsPending if !approvals_done => Current,
                    _ => Done,
                },
                Stage::Councils if consents.is_empty() => Skipped,
                Stage::Councils if ended => done_if(consents_done),
                Stage::Councils => match self.state {
                    SwapState::Proposed => Upcoming,
                    SwapState::Accepted | SwapState::ApprovalsPending if !consents_done => Current,
                    _ => Done,
                },
                Stage::Agreement if ended => done_if(signed && !self.signatures.is_empty()),
                Stage::Agreement if self.state == SwapState::AgreementPending => Current,
                Stage::Agreement => done_if(reached(&from_confirmed)),
                Stage::Confirmed => done_if(reached(&from_confirmed)),
                Stage::Week if matches!(self.state, SwapState::Confirmed | SwapState::InProgress) => Current,
                Stage::Week => done_if(reached(&[SwapState::Completed, SwapState::Evaluated])),
                Stage::Afterwards if self.state == SwapState::Completed => Current,
                Stage::Afterwards => done_if(self.state == SwapState::Evaluated),
            }
        };
        Stage::ALL.iter().map(|s| (*s, status(*s))).collect()
    }

    /// Whom the swap waits for now, in the order they are asked.
    pub fn waiting_for(&self) -> Vec<Waiting> {
        match self.state {
            SwapState::Proposed => {
                self.members.iter().filter(|m| !m.accepted).map(|m| Waiting::Answer(m.user)).collect()
            }
            SwapState::Accepted | SwapState::ApprovalsPending => {
                let mut out: Vec<Waiting> = Vec::new();
                for a in self.approvals.iter().filter(|a| a.is_pending()) {
                    let w = a.delegate.map_or(Waiting::Approval(a.org), Waiting::Delegate);
                    if !out.contains(&w) {
                        out.push(w);
                    }
                }
                for b in self.bodies.iter().filter(|b| b.rule == PolicyRule::Consent && b.status == BodyStatus::Pending)
                {
                    out.push(Waiting::Consent(b.body, b.org));
                }
                out
            }
            SwapState::AgreementPending => self
                .members
                .iter()
                .filter(|m| !self.signatures.iter().any(|g| g.user == m.user))
                .map(|m| Waiting::Signature(m.user))
                .collect(),
            SwapState::Confirmed => vec![Waiting::WeekAhead],
            SwapState::InProgress => vec![Waiting::WeekRunning],
            SwapState::Completed => vec![Waiting::Afterwards],
            SwapState::Evaluated | SwapState::Declined | SwapState::Withdrawn | SwapState::Cancelled => {
                vec![Waiting::Nobody]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reason in one's own words.
    fn why(words: &str) -> EndReason {
        EndReason::parse(if words.trim().is_empty() { "workload" } else { "other" }, words).unwrap()
    }
    use crate::access::OrgRole;

    fn week() -> IsoWeek {
        IsoWeek::parse("w", "2030-W10").unwrap()
    }
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2030, 1, 7).unwrap()
    }
    fn now() -> DateTime<Utc> {
        today().and_hms_opt(9, 0, 0).unwrap().and_utc()
    }

    struct World {
        a: Actor,
        b: Actor,
        approver_a: Actor,
        approver_b: Actor,
        council_b: Actor,
        stranger: Actor,
    }

    fn world() -> World {
        let (oa, ob) = (OrgId::new(), OrgId::new());
        let actor =
            |org, roles: Vec<OrgRole>| Actor { user_id: UserId::new(), org_id: Some(org), roles, organiser: false };
        World {
            a: actor(oa, vec![]),
            b: actor(ob, vec![]),
            approver_a: actor(oa, vec![OrgRole::Approver]),
            approver_b: actor(ob, vec![OrgRole::Approver]),
            council_b: actor(ob, vec![OrgRole::StaffCouncil]),
            stranger: actor(OrgId::new(), vec![OrgRole::Approver]),
        }
    }

    fn pair(w: &World) -> Swap {
        let members = vec![(w.a.user_id, w.a.org_id.unwrap()), (w.b.user_id, w.b.org_id.unwrap())];
        Swap::propose(SwapId::new(), week(), members, Some("Hallo".into()), today(), now()).unwrap().0
    }

    fn policies(w: &World, b_rule: PolicyRule) -> Vec<(OrgId, Policy)> {
        vec![
            (w.a.org_id.unwrap(), Policy::from_rules([(Body::StaffCouncil, PolicyRule::Inform)])),
            (w.b.org_id.unwrap(), Policy::from_rules([(Body::StaffCouncil, b_rule)])),
        ]
    }

    /// The progress line and whom the swap waits for follow the journey.
    #[test]
    fn stages_and_who_acts_follow_the_journey() {
        let w = world();
        let mut s = pair(&w);
        let status = |s: &Swap, stage: Stage| s.stages().into_iter().find(|(st, _)| *st == stage).unwrap().1;
        assert_eq!(status(&s, Stage::Accepted), StageStatus::Current);
        assert_eq!(s.waiting_for(), vec![Waiting::Answer(w.b.user_id)]);
        s.accept(&w.b, &policies(&w, PolicyRule::Consent), now()).unwrap();
        assert_eq!(status(&s, Stage::Accepted), StageStatus::Done);
        assert_eq!(
            (status(&s, Stage::Approvals), status(&s, Stage::Councils)),
            (StageStatus::Current, StageStatus::Current)
        );
        for i in 0..s.approvals.len() {
            let who = if s.approvals[i].org == w.a.org_id.unwrap() { &w.approver_a } else { &w.approver_b };
            s.approve(who, i, "", now()).unwrap();
        }
        // Only the council is left: the swap waits for it alone.
        assert_eq!(status(&s, Stage::Approvals), StageStatus::Done);
        assert_eq!(s.waiting_for(), vec![Waiting::Consent(Body::StaffCouncil, w.b.org_id.unwrap())]);
        let step = s.bodies.iter().position(|b| b.rule == PolicyRule::Consent).unwrap();
        s.consent(&w.council_b, step, now()).unwrap();
        s.attach_agreement("h".repeat(64)).unwrap();
        assert_eq!(status(&s, Stage::Agreement), StageStatus::Current);
        assert_eq!(s.waiting_for(), vec![Waiting::Signature(w.a.user_id), Waiting::Signature(w.b.user_id)]);
        s.cancel(&w.a, &why("Umzug"), today()).unwrap();
        assert!(s.stages().iter().all(|(_, st)| *st != StageStatus::Current), "an ended swap acts no more");
        assert_eq!(status(&s, Stage::Approvals), StageStatus::Done, "it shows how far it came");
        assert_eq!(status(&s, Stage::Agreement), StageStatus::Upcoming);

        // Without a body's consent, that stage is not needed.
        let mut t = pair(&w);
        t.accept(&w.b, &policies(&w, PolicyRule::Inform), now()).unwrap();
        assert_eq!(status(&t, Stage::Councils), StageStatus::Skipped);
    }

    /// Four eyes: a member who holds every role still decides nothing on their own swap.
    #[test]
    fn nobody_decides_on_their_own_swap() {
        let w = world();
        let mut s = pair(&w);
        s.accept(&w.b, &policies(&w, PolicyRule::Consent), now()).unwrap();
        let all_roles = OrgRole::ALL.to_vec();
        let a_as_everything = Actor { roles: all_roles, ..w.a.clone() };
        let mine = s.approvals.iter().position(|x| x.org == w.a.org_id.unwrap()).unwrap();
        assert!(!s.may_decide(&a_as_everything, mine));
        assert_eq!(s.approve(&a_as_everything, mine, "", now()), Err(SwapError::OwnSwap));
        let reason = DeclineReason::parse("staffing", "").unwrap();
        assert_eq!(s.decline_approval(&a_as_everything, mine, reason, now()), Err(SwapError::OwnSwap));
        assert_eq!(s.consent(&a_as_everything, 0, now()), Err(SwapError::OwnSwap));
        assert_eq!(
            s.delegate(&w.approver_a, mine, w.a.user_id, w.a.org_id, true),
            Err(SwapError::BadDelegate),
            "nor is the decision handed to a member"
        );
        assert!(SwapError::OwnSwap.is_forbidden());
        assert!(s.approvals.iter().all(|x| x.is_pending()), "nothing was decided");
    }

    #[test]
    fn happy_path_of_a_pair() {
        let w = world();
        let mut s = pair(&w);
        assert_eq!(s.legs().len(), 2);
        assert_eq!(s.legs()[0].to, w.b.org_id.unwrap());
        let ev = s.accept(&w.b, &policies(&w, PolicyRule::Consent), now()).unwrap();
        assert!(ev.contains(&Event::ApprovalsRequested));
        assert_eq!(s.state, SwapState::ApprovalsPending);
        assert_eq!(s.approvals.len(), 4, "both sides of both legs");
        assert_eq!(s.bodies.len(), 2);
        assert!(matches!(s.bodies[0].status, BodyStatus::Informed { .. }));
        let b_side = s.approvals.iter().position(|a| a.org == w.b.org_id.unwrap()).unwrap();
        assert_eq!(
            s.approve(&w.approver_a, b_side, "", now()),
            Err(SwapError::NotApprover),
            "not A's approval to give"
        );
        assert_eq!(s.approve(&w.a, 0, "", now()), Err(SwapError::OwnSwap), "a participant decides nothing");
        for i in 0..4 {
            let approver = if s.approvals[i].org == w.a.org_id.unwrap() { &w.approver_a } else { &w.approver_b };
            s.approve(approver, i, "gern", now()).unwrap();
        }
        assert_eq!(s.approve(&w.approver_a, 0, "", now()), Err(SwapError::AlreadyDecided));
        assert_eq!(s.state, SwapState::ApprovalsPending, "the staff council of B must still consent");
        assert_eq!(s.consent(&w.council_b, 0, now()), Err(SwapError::NotBodyMember), "step 0 is A's council");
        let ev = s.consent(&w.council_b, 1, now()).unwrap();
        assert!(ev.contains(&Event::AgreementRequested));
        assert_eq!(
            s.sign(&w.a, "h", now()),
            Err(SwapError::AgreementChanged),
            "nothing to sign before the document exists"
        );
        s.attach_agreement("h".into()).unwrap();
        assert_eq!(s.sign(&w.stranger, "h", now()), Err(SwapError::NotMember));
        s.sign(&w.a, "h", now()).unwrap();
        assert_eq!(s.sign(&w.a, "h", now()), Err(SwapError::AlreadyDecided));
        assert_eq!(s.sign(&w.b, "other", now()), Err(SwapError::AgreementChanged));
        let ev = s.sign(&w.b, "h", now()).unwrap();
        assert!(ev.contains(&Event::Confirmed));
        assert_eq!(s.state, SwapState::Confirmed);
    }

    #[test]
    fn refusals_name_the_reason() {
        let w = world();
        let members = |x: &Actor, y: &Actor| vec![(x.user_id, x.org_id.unwrap()), (y.user_id, y.org_id.unwrap())];
        assert_eq!(
            Swap::propose(SwapId::new(), week(), members(&w.a, &w.approver_a), None, today(), now()).unwrap_err(),
            SwapError::SameOrganisation
        );
        assert_eq!(
            Swap::propose(SwapId::new(), week(), members(&w.a, &w.a), None, today(), now()).unwrap_err(),
            SwapError::DuplicateMember
        );
        let past = IsoWeek::of(today());
        assert_eq!(
            Swap::propose(SwapId::new(), past, members(&w.a, &w.b), None, today(), now()).unwrap_err(),
            SwapError::WeekBegun
        );

        let mut s = pair(&w);
        assert_eq!(s.accept(&w.a, &[], now()), Err(SwapError::AlreadyDecided), "the proposer accepted by proposing");
        assert_eq!(s.accept(&w.stranger, &[], now()), Err(SwapError::NotMember));
        assert_eq!(EndReason::parse("", "Keine Zeit").unwrap_err().field, "reason_kind", "a kind is chosen");
        assert_eq!(EndReason::parse("other", "  ").unwrap_err().field, "reason", "\"other\" needs words");
        assert_eq!(EndReason::parse("workload", "").unwrap().stored(), "workload");
        assert_eq!(s.withdraw(&w.b, &why("")), Err(SwapError::NotProposer));
        assert_eq!(
            s.approve(&w.approver_a, 0, "", now()),
            Err(SwapError::InvalidTransition { from: SwapState::Proposed })
        );
        s.decline(&w.b, &why("Keine Zeit")).unwrap();
        assert_eq!(s.state, SwapState::Declined);
        assert_eq!(s.end_reason.as_deref(), Some("other: Keine Zeit"));
        assert!(s.cancel(&w.a, &why("x"), today()).is_err(), "an ended swap stays ended");
    }

    #[test]
    fn one_declined_approval_ends_everything() {
        let w = world();
        let mut s = pair(&w);
        s.accept(&w.b, &policies(&w, PolicyRule::NotNeeded), now()).unwrap();
        let i = s.approvals.iter().position(|a| a.org == w.b.org_id.unwrap()).unwrap();
        s.decline_approval(&w.approver_b, i, DeclineReason::Staffing, now()).unwrap();
        assert_eq!(s.end_reason.as_deref(), Some("staffing"));
        assert_eq!(s.state, SwapState::Declined);
        assert_eq!(DeclineReason::parse("other", " "), Err(SwapError::ReasonRequired));
        assert_eq!(
            s.approve(&w.approver_a, 0, "", now()),
            Err(SwapError::InvalidTransition { from: SwapState::Declined })
        );
    }

    #[test]
    fn delegation_moves_the_decision() {
        let w = world();
        let mut s = pair(&w);
        s.accept(&w.b, &policies(&w, PolicyRule::NotNeeded), now()).unwrap();
        let i = s.approvals.iter().position(|a| a.org == w.a.org_id.unwrap()).unwrap();
        let other = Actor { user_id: UserId::new(), ..w.approver_a.clone() };
        assert_eq!(
            s.delegate(&w.approver_a, i, w.approver_b.user_id, w.approver_b.org_id, true),
            Err(SwapError::BadDelegate)
        );
        s.delegate(&w.approver_a, i, other.user_id, other.org_id, true).unwrap();
        assert_eq!(s.approve(&w.approver_a, i, "", now()), Err(SwapError::NotApprover), "handed on");
        s.approve(&other, i, "", now()).unwrap();
    }

    #[test]
    fn cancel_and_expire() {
        let w = world();
        let mut s = pair(&w);
        s.accept(&w.b, &policies(&w, PolicyRule::NotNeeded), now()).unwrap();
        assert_eq!(s.cancel(&w.stranger, &why("x"), today()), Err(SwapError::MayNotCancel));
        let later = s.approvals[0].deadline + Duration::seconds(1);
        let mut expired = s.clone();
        expired.expire(later).unwrap();
        assert_eq!(expired.state, SwapState::Declined);
        assert_eq!(s.clone().expire(now()), Err(SwapError::NoSuchStep), "nothing is due yet");
        assert_eq!(s.cancel(&w.approver_b, &why("Umzug"), week().monday()), Err(SwapError::WeekBegun));
        s.cancel(&w.approver_b, &why("Umzug"), today()).unwrap();
        assert_eq!(s.state, SwapState::Cancelled);
    }

    #[test]
    fn an_erased_member_ends_a_swap_that_is_not_over() {
        let w = world();
        let stranger = w.stranger.user_id;
        let s = pair(&w);
        assert_eq!(s.clone().end_for_erasure(stranger), Err(SwapError::NotMember));
        for state in [SwapState::Proposed, SwapState::Confirmed, SwapState::InProgress] {
            let mut t = s.clone();
            t.state = state;
            let events = t.end_for_erasure(w.b.user_id).unwrap();
            assert_eq!((t.state, t.end_reason.as_deref()), (SwapState::Cancelled, Some("account-erased")), "{state:?}");
            assert!(matches!(events.as_slice(), [Event::Cancelled { .. }]), "everyone concerned is told");
            assert_eq!(t.end_for_erasure(w.b.user_id), Ok(vec![]), "an ended swap stays ended");
        }
        let mut done = s.clone();
        done.state = SwapState::Completed;
        assert_eq!(done.end_for_erasure(w.a.user_id), Ok(vec![]));
        assert_eq!(done.state, SwapState::Completed, "what happened stays as it was");
    }

    #[test]
    fn a_ring_has_three_legs_and_six_approvals() {
        let w = world();
        let c = Actor { user_id: UserId::new(), org_id: Some(OrgId::new()), roles: vec![], organiser: false };
        let members = vec![
            (w.a.user_id, w.a.org_id.unwrap()),
            (w.b.user_id, w.b.org_id.unwrap()),
            (c.user_id, c.org_id.unwrap()),
        ];
        let (mut s, _) = Swap::propose(SwapId::new(), week(), members, None, today(), now()).unwrap();
        assert!(s.is_ring());
        assert_eq!(s.legs()[2].to, w.a.org_id.unwrap(), "the last member goes to the first one's workplace");
        s.accept(&w.b, &[], now()).unwrap();
        assert_eq!(s.state, SwapState::Proposed);
        s.accept(&c, &[], now()).unwrap();
        assert_eq!(s.approvals.len(), 6);
    }

    mod state_machine {
        use super::*;
        use proptest::prelude::*;

        /// A small network: three organisations, each with two participants, an approver and
        /// a staff-council member; the staff council of the second one must consent.
        struct Net {
            people: Vec<Actor>,
            approvers: Vec<Actor>,
            councils: Vec<Actor>,
            policies: Vec<(OrgId, Policy)>,
        }

        fn net() -> Net {
            let orgs: Vec<OrgId> = (0..3).map(|_| OrgId::new()).collect();
            let actor = |org: OrgId, roles: Vec<OrgRole>| Actor {
                user_id: UserId::new(),
                org_id: Some(org),
                roles,
                organiser: false,
            };
            Net {
                people: orgs.iter().flat_map(|o| [actor(*o, vec![]), actor(*o, vec![])]).collect(),
                approvers: orgs.iter().map(|o| actor(*o, vec![OrgRole::Approver])).collect(),
                councils: orgs.iter().map(|o| actor(*o, vec![OrgRole::StaffCouncil])).collect(),
                policies: orgs
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        (
                            *o,
                            Policy::from_rules([(
                                Body::StaffCouncil,
                                if i == 1 { PolicyRule::Consent } else { PolicyRule::Inform },
                            )]),
                        )
                    })
                    .collect(),
            }
        }

        #[derive(Debug, Clone)]
        enum Op {
            Propose { members: Vec<usize>, week: u8 },
            Accept { swap: usize, person: usize },
            Decline { swap: usize, person: usize },
            Withdraw { swap: usize, person: usize },
            Approve { swap: usize, approval: usize, approver: usize },
            DeclineApproval { swap: usize, approval: usize, approver: usize },
            Consent { swap: usize, step: usize, council: usize },
            Refuse { swap: usize, step: usize, council: usize },
            Attach { swap: usize },
            Sign { swap: usize, person: usize, right_hash: bool },
            Cancel { swap: usize, person: usize },
            Expire { swap: usize },
        }

        fn op() -> impl Strategy<Value = Op> {
            let s = 0..6usize;
            prop_oneof![
                (proptest::collection::vec(0..6usize, 2..=3), 0..2u8)
                    .prop_map(|(members, week)| Op::Propose { members, week }),
                (s.clone(), 0..6usize).prop_map(|(swap, person)| Op::Accept { swap, person }),
                (s.clone(), 0..6usize).prop_map(|(swap, person)| Op::Decline { swap, person }),
                (s.clone(), 0..6usize).prop_map(|(swap, person)| Op::Withdraw { swap, person }),
                (s.clone(), 0..6usize, 0..3usize).prop_map(|(swap, approval, approver)| Op::Approve {
                    swap,
                    approval,
                    approver
                }),
                (s.clone(), 0..6usize, 0..3usize).prop_map(|(swap, approval, approver)| Op::DeclineApproval {
                    swap,
                    approval,
                    approver
                }),
                (s.clone(), 0..6usize, 0..3usize).prop_map(|(swap, step, council)| Op::Consent { swap, step, council }),
                (s.clone(), 0..6usize, 0..3usize).prop_map(|(swap, step, council)| Op::Refuse { swap, step, council }),
                s.clone().prop_map(|swap| Op::Attach { swap }),
                (s.clone(), 0..6usize, any::<bool>()).prop_map(|(swap, person, right_hash)| Op::Sign {
                    swap,
                    person,
                    right_hash
                }),
                (s.clone(), 0..6usize).prop_map(|(swap, person)| Op::Cancel { swap, person }),
                s.prop_map(|swap| Op::Expire { swap }),
            ]
        }

        fn apply(n: &Net, swaps: &mut Vec<Swap>, op: &Op) -> Result<Vec<Event>, SwapError> {
            let weeks = [IsoWeek::parse("w", "2030-W10").unwrap(), IsoWeek::parse("w", "2030-W11").unwrap()];
            let late = now() + Duration::days(30);
            let pick =
                |swaps: &mut Vec<Swap>, i: usize| -> Option<usize> { (!swaps.is_empty()).then(|| i % swaps.len()) };
            match op {
                Op::Propose { members, week } => {
                    let week = weeks[usize::from(*week)];
                    let ms: Vec<(UserId, OrgId)> =
                        members.iter().map(|i| (n.people[*i].user_id, n.people[*i].org_id.unwrap())).collect();
                    for (u, _) in &ms {
                        Swap::ensure_free(*u, week, swaps, None)?;
                    }
                    let (s, e) = Swap::propose(SwapId::new(), week, ms, None, today(), now())?;
                    swaps.push(s);
                    Ok(vec![e])
                }
                Op::Accept { swap, person } => {
                    let Some(i) = pick(swaps, *swap) else { return Ok(vec![]) };
                    let p = &n.people[*person];
                    Swap::ensure_free(p.user_id, swaps[i].week, swaps, Some(swaps[i].id))?;
                    swaps[i].accept(p, &n.policies, now())
                }
                Op::Decline { swap, person } => match pick(swaps, *swap) {
                    Some(i) => swaps[i].decline(&n.people[*person], &why("nein")),
                    None => Ok(vec![]),
                },
                Op::Withdraw { swap, person } => match pick(swaps, *swap) {
                    Some(i) => swaps[i].withdraw(&n.people[*person], &why("")),
                    None => Ok(vec![]),
                },
                Op::Approve { swap, approval, approver } => match pick(swaps, *swap) {
                    Some(i) => swaps[i].approve(&n.approvers[*approver], *approval, "", now()),
                    None => Ok(vec![]),
                },
                Op::DeclineApproval { swap, approval, approver } => match pick(swaps, *swap) {
                    Some(i) => {
                        swaps[i].decline_approval(&n.approvers[*approver], *approval, DeclineReason::Staffing, now())
                    }
                    None => Ok(vec![]),
                },
                Op::Consent { swap, step, council } => match pick(swaps, *swap) {
                    Some(i) => swaps[i].consent(&n.councils[*council], *step, now()),
                    None => Ok(vec![]),
                },
                Op::Refuse { swap, step, council } => match pick(swaps, *swap) {
                    Some(i) => swaps[i].refuse(&n.councils[*council], *step, &why("nein"), now()),
                    None => Ok(vec![]),
                },
                Op::Attach { swap } => match pick(swaps, *swap) {
                    Some(i) => {
                        let hash = format!("hash-{}", swaps[i].id);
                        swaps[i].attach_agreement(hash)
                    }
                    None => Ok(vec![]),
                },
                Op::Sign { swap, person, right_hash } => match pick(swaps, *swap) {
                    Some(i) => {
                        let hash = if *right_hash { format!("hash-{}", swaps[i].id) } else { "forged".into() };
                        swaps[i].sign(&n.people[*person], &hash, now())
                    }
                    None => Ok(vec![]),
                },
                Op::Cancel { swap, person } => match pick(swaps, *swap) {
                    Some(i) => swaps[i].cancel(&n.people[*person], &why("Grund"), today()),
                    None => Ok(vec![]),
                },
                Op::Expire { swap } => match pick(swaps, *swap) {
                    Some(i) => swaps[i].expire(late),
                    None => Ok(vec![]),
                },
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]

            #[test]
            fn random_actors_only_move_along_allowed_edges(ops in proptest::collection::vec(op(), 1..60)) {
                let n = net();
                let mut swaps: Vec<Swap> = Vec::new();
                for op in &ops {
                    let before = swaps.clone();
                    let result = apply(&n, &mut swaps, op);
                    if result.is_err() {
                        // A refusal changes nothing.
                        prop_assert_eq!(&before, &swaps);
                        continue;
                    }
                    for (old, new) in before.iter().zip(&swaps) {
                        prop_assert!(old.state == new.state || old.state.may_become(new.state) ||
                            (old.state == SwapState::Proposed && new.state == SwapState::ApprovalsPending) ||
                            (old.state == SwapState::Proposed && new.state == SwapState::AgreementPending),
                            "{} -> {}", old.state, new.state);
                        // Decisions, once made, stay made.
                        for (a, b) in old.approvals.iter().zip(&new.approvals) {
                            prop_assert!(a.is_pending() || a.status == b.status);
                        }
                        for (a, b) in old.bodies.iter().zip(&new.bodies) {
                            prop_assert!(a.status == BodyStatus::Pending || a.status == b.status);
                        }
                        prop_assert!(new.signatures.starts_with(&old.signatures));
                    }
                    for s in &swaps {
                        if s.state == SwapState::Confirmed {
                            let all_approved = s.approvals.iter().all(|a| matches!(a.status, ApprovalStatus::Approved { .. }));
                            prop_assert!(all_approved);
                            prop_assert!(s.members.iter().all(|m| s.signatures.iter().any(|g| g.user == m.user)));
                        }
                    }
                    // Nobody is committed to two swaps of one week, so nobody is in two
                    // confirmed ones either.
                    for p in &n.people {
                        for w in ["2030-W10", "2030-W11"] {
                            let week = IsoWeek::parse("w", w).unwrap();
                            prop_assert!(swaps.iter().filter(|s| s.occupies(p.user_id, week)).count() <= 1);
                        }
                    }
                }
            }
        }
    }
}
