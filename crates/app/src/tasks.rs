//! What a person has to do now, by role: the start page lists it before anything else, and each
//! task disappears once it is done. Members answer, sign, plan, check in and reflect; approvers
//! and bodies decide; an organisation's admins name missing deciders and finish its setup;
//! organisers answer calls for help.

use crate::names::Names;
use crate::{Account, App, Result};
use chrono::{DateTime, Utc};
use domain::access::OrgRole;
use domain::org::Body;
use domain::swap::{Swap, SwapState};
use domain::{OrgId, SwapId};

/// One thing to do, with what the start page needs to say it and link to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    /// A proposal waits for the person's answer.
    Answer { swap: SwapId },
    /// An approval the person may give or decline, due by `deadline`.
    Approve { swap: SwapId, org: OrgId, deadline: DateTime<Utc> },
    /// A body the person belongs to is asked for its consent.
    Consent { swap: SwapId, body: Body, org: OrgId },
    /// The agreement waits for the person's signature.
    Sign { swap: SwapId },
    /// The confirmed week lies ahead and the person has written no handover notes yet.
    PlanWeek { swap: SwapId },
    /// The week runs and the person has not checked in today.
    CheckIn { swap: SwapId },
    /// The week is over and the person's reflection is missing.
    Reflect { swap: SwapId },
    /// Nobody of the admin's organisation may take a decision of a swap: someone must be named.
    NameDecider { swap: SwapId, org: OrgId, role: String },
    /// The admin's organisation is not set up yet: the steps still open.
    SetUp { org: OrgId, missing: Vec<SetupStep> },
    /// Calls for help from people in their week (organisers).
    AnswerHelp { count: usize },
    /// Drafts of stories that wait for the person's approval (as a member or press contact).
    ApproveStories { count: usize },
    /// Comments on stories that wait for moderation (organisers).
    ModerateComments { count: usize },
    /// The installation's imprint, privacy and accessibility statements lack their operator's
    /// details (organisers).
    EnterLegal,
}

impl Task {
    /// The swap the task is about, if any.
    pub fn swap(&self) -> Option<SwapId> {
        match self {
            Task::Answer { swap }
            | Task::Approve { swap, .. }
            | Task::Consent { swap, .. }
            | Task::Sign { swap }
            | Task::PlanWeek { swap }
            | Task::CheckIn { swap }
            | Task::Reflect { swap }
            | Task::NameDecider { swap, .. } => Some(*swap),
            Task::SetUp { .. }
            | Task::AnswerHelp { .. }
            | Task::ApproveStories { .. }
            | Task::ModerateComments { .. }
            | Task::EnterLegal => None,
        }
    }
}

/// A step of an organisation's setup, in the order an admin does them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupStep {
    /// The e-mail domains of the organisation's people.
    Domains,
    /// Say which co-determination bodies are informed or asked to consent.
    Policy,
    /// Give the workplace's location, for the matching.
    Location,
    /// Name someone who approves swaps.
    Approvers,
    /// Name people for each body the policy involves (the staff council first of all).
    Bodies,
    /// Write the organisation's own agreement template.
    Template,
    /// Choose what of the organisation is shown in public.
    Public,
    /// Invite more people.
    Invite,
}

impl SetupStep {
    pub const ALL: [SetupStep; 8] = [
        SetupStep::Domains,
        SetupStep::Policy,
        SetupStep::Location,
        SetupStep::Approvers,
        SetupStep::Bodies,
        SetupStep::Template,
        SetupStep::Public,
        SetupStep::Invite,
    ];

    pub fn code(&self) -> &'static str {
        match self {
            SetupStep::Domains => "domains",
            SetupStep::Policy => "policy",
            SetupStep::Location => "location",
            SetupStep::Approvers => "approvers",
            SetupStep::Bodies => "bodies",
            SetupStep::Template => "template",
            SetupStep::Public => "public",
            SetupStep::Invite => "invite",
        }
    }
}

/// A person's tasks, their own swaps (for the list under them) and the swaps of their
/// organisation they may see (which tasks may be about), with the names to show.
#[derive(Debug, Clone)]
pub struct Tasks {
    pub tasks: Vec<Task>,
    pub mine: Vec<Swap>,
    pub of_org: Vec<Swap>,
    pub names: Names,
}

/// The person's open tasks, decisions first.
pub async fn of(app: &App, me: &Account) -> Result<Tasks> {
    let db = &app.db;
    let overview = crate::swaps::overview(app, me).await?;
    let actor = me.actor();
    let today = crate::today();
    let mut tasks = Vec::new();

    for s in &overview.to_approve {
        for (i, a) in s.approvals.iter().enumerate() {
            if a.is_pending() && s.may_decide(&actor, i) {
                let task = Task::Approve { swap: s.id, org: a.org, deadline: a.deadline };
                // One task per organisation's decision, not one per leg.
                if !tasks.iter().any(|t| matches!(t, Task::Approve { swap, org, .. } if *swap == s.id && *org == a.org))
                {
                    tasks.push(task);
                }
            }
        }
    }
    for s in &overview.to_consent {
        for i in crate::swaps::consent_steps(s, me) {
            tasks.push(Task::Consent { swap: s.id, body: s.bodies[i].body, org: s.bodies[i].org });
        }
    }
    for s in &overview.mine {
        let mine = s.members.iter().find(|m| m.user == me.id);
        match s.state {
            SwapState::Proposed if mine.is_some_and(|m| !m.accepted) => tasks.push(Task::Answer { swap: s.id }),
            SwapState::AgreementPending if !s.signatures.iter().any(|g| g.user == me.id) => {
                tasks.push(Task::Sign { swap: s.id })
            }
            SwapState::Confirmed if !store::week::handovers(db, s.id).await?.iter().any(|(u, _)| *u == me.id) => {
                tasks.push(Task::PlanWeek { swap: s.id })
            }
            SwapState::InProgress
                if !store::week::checkins(db, s.id).await?.iter().any(|c| c.user == me.id && c.day == today) =>
            {
                tasks.push(Task::CheckIn { swap: s.id })
            }
            SwapState::Completed if !store::week::reflections(db, s.id).await?.iter().any(|(u, _, _)| *u == me.id) => {
                tasks.push(Task::Reflect { swap: s.id })
            }
            _ => {}
        }
    }
    if let Some(org) = me.org_id.filter(|_| me.roles.contains(&OrgRole::OrgAdmin)) {
        for s in overview.of_org.iter().filter(|s| s.state == SwapState::ApprovalsPending) {
            for (o, role) in crate::notify::missing_deciders(app, s).await? {
                if o == org {
                    tasks.push(Task::NameDecider { swap: s.id, org, role });
                }
            }
        }
        let missing = setup_missing(app, org).await?;
        if !missing.is_empty() {
            tasks.push(Task::SetUp { org, missing });
        }
    }
    let stories = crate::stories::awaiting(app, me).await?.len();
    if stories > 0 {
        tasks.push(Task::ApproveStories { count: stories });
    }
    if me.organiser {
        let comments = store::stories::pending_comments(db, 100).await?.iter().filter(|c| c.author != me.id).count();
        if comments > 0 {
            tasks.push(Task::ModerateComments { count: comments });
        }
        let count = store::week::open_help_requests(db).await?.len();
        if count > 0 {
            tasks.push(Task::AnswerHelp { count });
        }
        if crate::legal::get(app).await?.is_none() {
            tasks.push(Task::EnterLegal);
        }
    }
    Ok(Tasks { tasks, mine: overview.mine, of_org: overview.of_org, names: overview.names })
}

/// The setup steps an organisation has not done yet.
async fn setup_missing(app: &App, org: OrgId) -> Result<Vec<SetupStep>> {
    Ok(setup_state(app, org).await?.into_iter().filter(|(_, done)| !done).map(|(step, _)| step).collect())
}

/// Every step of an organisation's setup, in order, and whether it is done (its admins and
/// the organisers; a new organisation's first admin works through it).
pub async fn setup_checklist(app: &App, actor: &domain::access::Actor, org: OrgId) -> Result<Vec<(SetupStep, bool)>> {
    actor.ensure_org_admin(org)?;
    setup_state(app, org).await
}

async fn setup_state(app: &App, org: OrgId) -> Result<Vec<(SetupStep, bool)>> {
    let db = &app.db;
    let f = store::network::setup_facts(db, org).await?;
    let holds = |role: OrgRole| f.roles.iter().any(|r| r == role.code());
    let policy = store::orgs::get(db, org).await?.policy;
    // Every body the policy involves has someone named for it.
    let bodies_named = OrgRole::ALL
        .iter()
        .filter_map(|r| r.body().map(|b| (*r, b)))
        .all(|(role, body)| policy.rule(body) == domain::org::PolicyRule::NotNeeded || holds(role));
    let done = |step: &SetupStep| match step {
        SetupStep::Domains => f.domains > 0,
        SetupStep::Policy => f.actions.iter().any(|a| a == "org.policy"),
        SetupStep::Location => f.has_place,
        SetupStep::Approvers => holds(OrgRole::Approver),
        SetupStep::Bodies => bodies_named,
        SetupStep::Template => f.own_template,
        SetupStep::Public => f.actions.iter().any(|a| a == "org.public"),
        SetupStep::Invite => f.people > 1 || f.invitations > 1,
    };
    Ok(SetupStep::ALL.into_iter().map(|s| (s, done(&s))).collect())
}
