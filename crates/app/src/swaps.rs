//! The swap's journey from proposal to confirmation: propose, accept or decline, approve (both
//! sides of every leg), the bodies' consent, the agreement and its signatures, withdrawal and
//! cancellation; what each person sees of a swap; and the deadline worker.
//!
//! A decision is a [`Command`]. [`act`] loads the swap, asks `domain::swap` (which decides who
//! may do what), and lets [`crate::journey`] write the new state with its audit records, inbox
//! messages and mails in one transaction over the version the person saw.

use crate::names::Names;
use crate::{Account, App, Download, Error, Result, today};
use domain::access::{Actor, OrgRole, Part, Relation, may_read};
use domain::swap::{BodyStatus, DeclineReason, EndReason, Swap, SwapState};
use domain::values::IsoWeek;
use domain::{OrgId, Reason, SwapId, UserId};
use store::contacts::Contact;
use store::rounds::LegNote;
use store::{AuditEntry, Effects};

/// The longest private message a proposal carries.
pub const MESSAGE_MAX: usize = 2000;

/// Who may see a swap: its members, network organisers, and those who hold a role (approvers,
/// admins, body members) in an organisation whose person in the swap has said yes. Until a
/// person accepts, a proposal to them stays hidden from their own employer; the proposer has
/// said yes by proposing.
pub fn can_view(swap: &Swap, actor: &Actor) -> bool {
    swap.is_member(actor.user_id)
        || actor.organiser
        || (!actor.roles.is_empty()
            && actor.org_id.is_some_and(|o| swap.members.iter().any(|m| m.org == o && m.accepted)))
}

/// Who `actor` is to `swap`, as far as the swap alone tells (deputies are the week's business).
pub fn relations(swap: &Swap, actor: &Actor) -> Vec<Relation> {
    let mut r = Vec::new();
    if swap.is_member(actor.user_id) {
        r.push(Relation::Member);
    }
    if actor.organiser {
        r.push(Relation::Organiser);
    }
    if actor.org_id.is_some_and(|o| swap.organisations().contains(&o)) {
        if actor.has(OrgRole::Approver) {
            r.push(Relation::Approver);
        }
        if actor.has(OrgRole::OrgAdmin) {
            r.push(Relation::Admin);
        }
        if actor.roles.iter().any(|role| role.body().is_some()) {
            r.push(Relation::Body);
        }
    }
    r
}

/// Loads a swap the actor may see, whole; one they may not see is "not found".
async fn load(app: &App, actor: &Actor, id: SwapId) -> Result<Swap> {
    let swap = store::swaps::get(&app.db, id).await?;
    if can_view(&swap, actor) { Ok(swap) } else { Err(Error::NotFound) }
}

/// What `actor` may read of a swap: the private message of a proposal is for its members.
fn as_seen_by(mut swap: Swap, actor: &Actor) -> Swap {
    if !may_read(&relations(&swap, actor), Part::Message) {
        swap.message = None;
    }
    swap
}

/// A swap the actor may see, as they may see it; one they may not see is "not found".
pub async fn get(app: &App, actor: &Actor, id: SwapId) -> Result<Swap> {
    Ok(as_seen_by(load(app, actor, id).await?, actor))
}

/// The swaps `me` is a member of, newest first.
pub async fn mine(app: &App, me: &Account) -> Result<Vec<Swap>> {
    Ok(store::swaps::of_member(&app.db, me.id).await?)
}

/// A proposal as typed.
#[derive(Debug, Clone, Default)]
pub struct ProposalInput {
    /// The user id of the person to swap with.
    pub partner: String,
    /// ISO week such as `2030-W10`.
    pub week: String,
    pub message: String,
}

/// Proposes a swap from `me` to a partner for a week.
pub async fn propose(app: &App, me: &Account, input: &ProposalInput) -> Result<SwapId> {
    let mut errs = domain::error::Errors::default();
    let week = errs.take(IsoWeek::parse("week", &input.week));
    let partner: Option<UserId> = match input.partner.trim().parse() {
        Ok(p) => Some(p),
        Err(_) => {
            errs.push(domain::FieldError::new("partner", Reason::UnknownChoice));
            None
        }
    };
    if input.message.chars().count() > MESSAGE_MAX {
        errs.push(domain::FieldError::new("message", Reason::TooLong { max: MESSAGE_MAX }));
    }
    let (Some(week), Some(partner)) = (week, partner) else { return Err(errs.into_error().into()) };
    errs.into_result()?;
    let my_org = me.org_id.ok_or(Error::Forbidden("no-organisation"))?;
    let other =
        store::users::account(&app.db, partner).await.map_err(|_| Error::field("partner", Reason::UnknownChoice))?;
    let other_org = other.org_id.filter(|_| other.verified).ok_or(Error::field("partner", Reason::UnknownChoice))?;
    for user in [me.id, partner] {
        let theirs = store::swaps::of_member(&app.db, user).await?;
        Swap::ensure_free(user, week, &theirs, None)?;
    }
    let (swap, event) = Swap::propose(
        SwapId::new(),
        week,
        vec![(me.id, my_org), (partner, other_org)],
        Some(input.message.clone()),
        today(),
        store::now(),
    )?;
    let effects =
        crate::notify::for_events(app, &swap, Some((me.id, &me.display_name)), &[event], &Default::default()).await?;
    store::swaps::create(&app.db, &swap, &effects).await?;
    Ok(swap.id)
}

/// What a person decides about a swap. Indexes count from 0, in the order the swap lists its
/// approvals and co-determination steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Accept,
    Decline {
        reason: EndReason,
    },
    Withdraw {
        reason: EndReason,
    },
    Approve {
        approval: usize,
        comment: String,
    },
    /// `kind`: `no_management_approval`, `staffing` or `other`.
    DeclineApproval {
        approval: usize,
        kind: String,
        text: String,
    },
    /// `to`: another approver of the same organisation.
    Delegate {
        approval: usize,
        to: UserId,
    },
    Consent {
        step: usize,
    },
    Refuse {
        step: usize,
        reason: EndReason,
    },
    /// `hash`: the SHA-256 of the agreement the signer read; `confirmation`: that it is them.
    Sign {
        confirmation: crate::account::Confirmation,
        hash: String,
    },
    Cancel {
        reason: EndReason,
    },
}

impl Command {
    /// Whether carrying it out ends the swap for good (the pages ask for a confirmation first).
    pub fn ends_the_swap(&self) -> bool {
        matches!(
            self,
            Command::Decline { .. }
                | Command::Withdraw { .. }
                | Command::DeclineApproval { .. }
                | Command::Refuse { .. }
                | Command::Cancel { .. }
        )
    }
}

/// Carries out `command` on the version of the swap the person saw (`seen_version`): when
/// someone else changed the swap meanwhile, it is refused rather than applied to a state the
/// person did not see.
pub async fn act(app: &App, me: &Account, id: SwapId, seen_version: Option<i64>, command: Command) -> Result<Swap> {
    let (swap, events) = apply(app, me, id, seen_version, command).await?;
    crate::journey::record(app, swap, Some(me), events).await
}

/// What a decision that ends a swap would do, for the step that asks the person to confirm it.
#[derive(Debug, Clone)]
pub struct Preview {
    /// The swap as it would be afterwards (its end reason set).
    pub swap: Swap,
    pub names: Names,
    /// Who would be told, by name.
    pub told: Vec<String>,
}

/// Works out what `command`, a decision that ends the swap, would do, without doing it: refused
/// for the same reasons as [`act`] (nothing chosen, not theirs to decide, changed meanwhile).
pub async fn preview(
    app: &App,
    me: &Account,
    id: SwapId,
    seen_version: Option<i64>,
    command: Command,
) -> Result<Preview> {
    if !command.ends_the_swap() {
        return Err(Error::Conflict("invalid-transition"));
    }
    let (swap, events) = apply(app, me, id, seen_version, command).await?;
    let by = Some((me.id, me.display_name.as_str()));
    let effects = crate::notify::for_events(app, &swap, by, &events, &std::collections::HashMap::new()).await?;
    let mut ids: Vec<UserId> = effects.inbox.iter().map(|n| n.user).collect();
    ids.sort();
    ids.dedup();
    let mut told: Vec<String> = store::contacts::of(&app.db, &ids).await?.into_iter().map(|c| c.name).collect();
    told.sort();
    let names = Names::of_swap(app, &swap).await?;
    Ok(Preview { swap, names, told })
}

/// Applies `command` to the swap as stored, in memory: the swap afterwards and what happened.
async fn apply(
    app: &App,
    me: &Account,
    id: SwapId,
    seen_version: Option<i64>,
    command: Command,
) -> Result<(Swap, Vec<domain::swap::Event>)> {
    let actor = me.actor();
    let mut swap = load(app, &actor, id).await?;
    if seen_version.is_some_and(|v| v != swap.version) {
        return Err(Error::Conflict("changed-meanwhile"));
    }
    let now = store::now();
    let events = match command {
        Command::Accept => {
            let mine = store::swaps::of_member(&app.db, me.id).await?;
            Swap::ensure_free(me.id, swap.week, &mine, Some(swap.id))?;
            let mut policies = Vec::new();
            for org in swap.organisations() {
                policies.push((org, store::orgs::get(&app.db, org).await?.policy));
            }
            swap.accept(&actor, &policies, now)?
        }
        Command::Decline { reason } => swap.decline(&actor, &reason)?,
        Command::Withdraw { reason } => swap.withdraw(&actor, &reason)?,
        Command::Approve { approval, comment } => swap.approve(&actor, approval, &comment, now)?,
        Command::DeclineApproval { approval, kind, text } => {
            let reason = DeclineReason::parse(&kind, &text).map_err(|_| Error::field("reason", Reason::Required))?;
            swap.decline_approval(&actor, approval, reason, now)?
        }
        Command::Delegate { approval, to } => {
            let delegate = store::users::account(&app.db, to)
                .await
                .map_err(|_| Error::field("delegate", Reason::UnknownChoice))?;
            let is_approver = delegate.roles.contains(&OrgRole::Approver);
            swap.delegate(&actor, approval, to, delegate.org_id, is_approver)?
        }
        Command::Consent { step } => swap.consent(&actor, step, now)?,
        Command::Refuse { step, reason } => swap.refuse(&actor, step, &reason, now)?,
        Command::Sign { confirmation, hash } => {
            // Whether the swap can be signed now is decided before the password is looked at,
            // so that a signature that could not count is no way to try passwords.
            let events = swap.sign(&actor, &hash, now)?;
            crate::account::confirm(app, me, &confirmation).await?;
            events
        }
        Command::Cancel { reason } => swap.cancel(&actor, &reason, today())?,
    };
    Ok((swap, events))
}

/// The deadline worker: swaps whose approval deadline passed end; approvers get a reminder two
/// days before a deadline. Returns how many swaps ended.
pub async fn run_deadlines(app: &App) -> Result<usize> {
    let now = store::now();
    let mut ended = 0;
    for id in store::swaps::with_expired_approvals(&app.db, now).await? {
        let mut swap = store::swaps::get(&app.db, id).await?;
        match swap.expire(now) {
            Ok(events) => match crate::journey::record(app, swap, None, events).await {
                Ok(_) => ended += 1,
                // Someone decided meanwhile: the next round sees the new state.
                Err(Error::Conflict(_)) => {}
                Err(e) => return Err(e),
            },
            Err(_) => continue,
        }
    }
    for (id, approval, org, delegate) in
        store::swaps::approvals_to_remind(&app.db, now, chrono::Duration::days(2)).await?
    {
        let swap = store::swaps::get(&app.db, id).await?;
        let people: Vec<Contact> = match delegate {
            Some(d) => store::contacts::of(&app.db, &[d]).await?,
            // Four eyes: a member of the swap who holds the role is not reminded to decide on it.
            None => crate::notify::deciders(app, &swap, org, "approver").await?,
        };
        let names = Names::of_swap(app, &swap).await?;
        let mut effects =
            Effects::audit(AuditEntry::new(None, "swap.reminded", "swap", id).detail(approval.to_string()));
        for p in &people {
            crate::notify::swap(app, &mut effects, p, &swap, "reminder", &names, None);
        }
        store::swaps::mark_reminded(&app.db, id, approval, &effects).await?;
    }
    Ok(ended)
}

/// The swaps a person sees on their overview.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    /// The person's own swaps.
    pub mine: Vec<Swap>,
    /// Swaps with an approval the person may decide now.
    pub to_approve: Vec<Swap>,
    /// Swaps waiting for the consent of a body the person belongs to.
    pub to_consent: Vec<Swap>,
    /// Every swap of the person's organisation (for those who hold a role there).
    pub of_org: Vec<Swap>,
    pub names: Names,
}

pub async fn overview(app: &App, me: &Account) -> Result<Overview> {
    let actor = me.actor();
    let mine = store::swaps::of_member(&app.db, me.id).await?;
    let of_org: Vec<Swap> = match me.org_id {
        Some(o) if !me.roles.is_empty() => store::swaps::of_organisation(&app.db, o)
            .await?
            .into_iter()
            .filter(|s| can_view(s, &actor))
            .map(|s| as_seen_by(s, &actor))
            .collect(),
        _ => Vec::new(),
    };
    let all: Vec<&Swap> = mine.iter().chain(of_org.iter()).collect();
    let names = Names::of(app, &all).await?;
    let to_approve = of_org
        .iter()
        .filter(|s| s.state == SwapState::ApprovalsPending)
        .filter(|s| (0..s.approvals.len()).any(|i| s.approvals[i].is_pending() && s.may_decide(&actor, i)))
        .cloned()
        .collect();
    let to_consent = of_org
        .iter()
        .filter(|s| s.state == SwapState::ApprovalsPending && !consent_steps(s, me).is_empty())
        .cloned()
        .collect();
    Ok(Overview { mine, to_approve, to_consent, of_org, names })
}

/// The co-determination steps of a swap that `me` may decide now.
pub(crate) fn consent_steps(s: &Swap, me: &Account) -> Vec<usize> {
    (0..s.bodies.len())
        .filter(|&i| {
            let b = &s.bodies[i];
            b.status == BodyStatus::Pending
                && me.org_id == Some(b.org)
                && me.roles.iter().any(|r| r.body() == Some(b.body))
        })
        .collect()
}

/// One entry of a swap's history, as its page shows it.
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub at: chrono::DateTime<chrono::Utc>,
    /// Who did it; `None`: the system.
    pub actor: Option<String>,
    /// The audit action, such as `swap.approved`.
    pub action: String,
}

/// A swap as one person sees it, with what they may do now.
#[derive(Debug, Clone)]
pub struct SwapView {
    pub swap: Swap,
    pub names: Names,
    /// Why a matching round proposed this swap, per leg (empty otherwise).
    pub matched: Vec<LegNote>,
    /// For each organisation, the other approvers an approval may be handed to.
    pub delegates: Vec<(OrgId, Vec<(UserId, String)>)>,
    pub history: Vec<HistoryEntry>,
    /// Approvals (by index) the viewer may decide now.
    pub may_decide: Vec<usize>,
    /// Co-determination steps (by index) the viewer may decide now.
    pub may_consent: Vec<usize>,
    pub may_accept: bool,
    pub may_withdraw: bool,
    pub may_cancel: bool,
    pub may_sign: bool,
    /// The week has a plan to show.
    pub has_week: bool,
    /// Decisions nobody may take (organisation, role): every holder of the role is part of
    /// the swap, or there is none. Someone must be named.
    pub missing_deciders: Vec<(OrgId, String)>,
    /// Whether the viewer may read the agreement (once there is one).
    pub may_read_agreement: bool,
}

/// The swap `id` as `me` sees it.
pub async fn view(app: &App, me: &Account, id: SwapId) -> Result<SwapView> {
    let actor = me.actor();
    let s = load(app, &actor, id).await?;
    let mut names = Names::of_swap(app, &s).await?;
    let deciders = crate::notify::deciders_by_org(app, &s).await?;
    let delegates = s
        .organisations()
        .into_iter()
        .map(|o| {
            let holders = deciders.get(&(o, "approver".to_owned())).map(Vec::as_slice).unwrap_or_default();
            (o, holders.iter().filter(|c| c.id != me.id).map(|c| (c.id, c.name.clone())).collect())
        })
        .collect();
    let n = s.members.len();
    let matched = match s.round {
        Some(_) => store::rounds::notes(&app.db, s.id).await?.into_iter().filter(|note| note.position < n).collect(),
        None => Vec::new(), // proposed by a person: no round's notes
    };
    let records = store::audit::for_object(&app.db, "swap", &s.id.to_string()).await?;
    // People outside the swap (approvers, council members) are looked up once each.
    names.include(app, records.iter().filter_map(|r| r.actor_id.map(UserId))).await?;
    let history = records
        .into_iter()
        .map(|r| HistoryEntry { at: r.at, actor: r.actor_id.map(|a| names.person(UserId(a))), action: r.action })
        .collect();
    let me_member = s.members.iter().find(|m| m.user == me.id);
    let pending = s.state == SwapState::ApprovalsPending;
    let missing_deciders = crate::notify::missing_among(&s, &deciders);
    Ok(SwapView {
        may_decide: (0..s.approvals.len())
            .filter(|&i| pending && s.approvals[i].is_pending() && s.may_decide(&actor, i))
            .collect(),
        may_consent: if pending { consent_steps(&s, me) } else { Vec::new() },
        may_accept: s.state == SwapState::Proposed && me_member.is_some_and(|m| !m.accepted),
        may_withdraw: s.proposer == me.id
            && matches!(s.state, SwapState::Proposed | SwapState::ApprovalsPending | SwapState::AgreementPending),
        may_cancel: !s.state.is_ended() && s.may_cancel(&actor) && s.week.monday() > today(),
        may_sign: s.state == SwapState::AgreementPending
            && me_member.is_some()
            && !s.signatures.iter().any(|g| g.user == me.id),
        has_week: crate::plan::has_plan(&s),
        missing_deciders,
        may_read_agreement: may_read(&relations(&s, &actor), Part::Agreement),
        swap: as_seen_by(s, &actor),
        names,
        matched,
        delegates,
        history,
    })
}

/// The agreement as a PDF: the signed version with its signature page once everyone signed.
/// For members, network organisers, and the approvers and admins of the organisations
/// concerned.
pub async fn agreement(app: &App, me: &Account, id: SwapId) -> Result<Download> {
    let actor = me.actor();
    let s = get(app, &actor, id).await?;
    if !may_read(&relations(&s, &actor), Part::Agreement) {
        return Err(Error::Forbidden("agreement-readers-only"));
    }
    let agreement = store::agreements::of_swap(&app.db, s.id).await?.ok_or(Error::NotFound)?;
    // Signed by everyone: from confirmation on, through the week and after it.
    let all_signed = s.members.iter().all(|m| s.signatures.iter().any(|g| g.user == m.user));
    let (bytes, name) = if all_signed && s.agreement_hash.is_some() {
        (
            crate::agreement::signed_pdf(app, &s, &agreement).await?,
            format!("vereinbarung-{}-unterschrieben.pdf", s.week),
        )
    } else {
        (agreement.pdf, format!("vereinbarung-{}.pdf", s.week))
    };
    Ok(Download { name, media_type: "application/pdf", bytes })
}

/// The agreement document of a swap that reached the agreement step, made as the journey
/// makes it. Only for records of swaps whose week is already over (the demo's history), which
/// cannot go through the journey any more; everything else gets its agreement from [`act`].
pub async fn agreement_document(app: &App, swap: &Swap) -> Result<store::agreements::NewAgreement> {
    crate::agreement::generate(app, swap).await
}
