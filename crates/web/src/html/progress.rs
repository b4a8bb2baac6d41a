//! Where a swap stands, in words: whom it waits for ("wartet auf die Zustimmung des
//! Personalrats (Stadt Lindenfeld)"), its progress line, and a person's tasks as the start page
//! lists them.

use super::ctx::Ctx;
use super::forms::local_datetime;
use app::i18n::{arg, count, t_args, week_label};
use app::names::Names;
use app::tasks::Task;
use domain::swap::{Stage, StageStatus, Swap, Waiting};

/// Whom the swap waits for, as one sentence ("wartet auf die Genehmigung von Stadt Musterstadt
/// und die Zustimmung des Personalrats (Verband)"); past the decisions, what stands next.
pub fn waiting_text(ctx: &Ctx, swap: &Swap, names: &Names) -> String {
    waiting_sentence(ctx, swap, names, |_| true)
}

/// The sentence for the waits `at` selects (those of one stage).
fn waiting_sentence(ctx: &Ctx, swap: &Swap, names: &Names, at: impl Fn(&Waiting) -> bool) -> String {
    let l = ctx.lang;
    let and = format!(" {} ", ctx.t("and"));
    let (mut answers, mut approvals, mut signatures, mut parts) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for w in swap.waiting_for().into_iter().filter(|w| at(w)) {
        match w {
            Waiting::Answer(u) => answers.push(names.person(u)),
            Waiting::Approval(o) => approvals.push(names.org(o)),
            Waiting::Delegate(u) => approvals.push(names.person(u)),
            Waiting::Signature(u) => signatures.push(names.person(u)),
            Waiting::Consent(body, o) => parts.push(t_args(
                l,
                "waiting-consent",
                &[("body", arg(ctx.t(&format!("body-of-{}", body.code())))), ("org", arg(names.org(o)))],
            )),
            Waiting::WeekAhead => return ctx.t("waiting-week-ahead"),
            Waiting::WeekRunning => return ctx.t("waiting-week-running"),
            Waiting::Afterwards => return ctx.t("waiting-afterwards"),
            Waiting::Nobody => return ctx.t(&format!("state-{}", swap.state.code())),
        }
    }
    let mut awaited = Vec::new();
    for (key, who) in [("waiting-answer", answers), ("waiting-approval", approvals), ("waiting-signature", signatures)]
    {
        if !who.is_empty() {
            awaited.push(t_args(l, key, &[("who", arg(who.join(&and))), ("count", count(who.len()))]));
        }
    }
    awaited.extend(parts);
    t_args(l, "waiting-for", &[("what", arg(awaited.join(&and)))])
}

/// One stage of the progress line.
pub struct StageLine {
    pub code: &'static str,
    pub label: String,
    /// `done`, `current`, `upcoming` or `skipped` (a CSS class and a word for screen readers).
    pub status: &'static str,
    pub status_text: String,
    /// Who acts now, at the current stage.
    pub who: Option<String>,
}

/// The swap's stages, with who acts at the current one.
pub fn progress(ctx: &Ctx, swap: &Swap, names: &Names) -> Vec<StageLine> {
    swap.stages()
        .into_iter()
        .map(|(stage, status)| {
            let status = match status {
                StageStatus::Done => "done",
                StageStatus::Current => "current",
                StageStatus::Upcoming => "upcoming",
                StageStatus::Skipped => "skipped",
            };
            StageLine {
                code: stage.code(),
                label: ctx.t(&format!("stage-{}", stage.code())),
                status,
                status_text: ctx.t(&format!("stage-status-{status}")),
                who: (status == "current").then(|| waiting_sentence(ctx, swap, names, |w| waits_at(w, stage))),
            }
        })
        .collect()
}

/// Whether a wait belongs to a stage of the progress line.
fn waits_at(w: &Waiting, stage: Stage) -> bool {
    match w {
        Waiting::Answer(_) => stage == Stage::Accepted,
        Waiting::Approval(_) | Waiting::Delegate(_) => stage == Stage::Approvals,
        Waiting::Consent(..) => stage == Stage::Councils,
        Waiting::Signature(_) => stage == Stage::Agreement,
        Waiting::WeekAhead | Waiting::WeekRunning => stage == Stage::Week,
        Waiting::Afterwards => stage == Stage::Afterwards,
        Waiting::Nobody => false,
    }
}

/// One task as the start page lists it: what to do, about what, and where.
pub struct TaskLine {
    pub kind: &'static str,
    pub text: String,
    pub detail: String,
    pub href: String,
}

/// The start page's line for a task.
pub fn task_line(ctx: &Ctx, task: &Task, swaps: &[&Swap], names: &Names) -> TaskLine {
    let l = ctx.lang;
    let swap = task.swap().and_then(|id| swaps.iter().find(|s| s.id == id));
    let about = swap.map(|s| format!("{} · {}", week_label(l, s.week), names.member_names(s))).unwrap_or_default();
    let to_swap = |suffix: &str| swap.map(|s| format!("/swaps/{}{suffix}", s.id)).unwrap_or_else(|| "/".into());
    let (kind, text, detail, href) = match task {
        Task::Answer { .. } => ("answer", ctx.t("task-answer"), about, to_swap("")),
        Task::Approve { org, deadline, .. } => (
            "approve",
            t_args(l, "task-approve", &[("org", arg(names.org(*org)))]),
            format!("{about} · {}", t_args(l, "task-deadline", &[("date", arg(local_datetime(*deadline)))])),
            to_swap(""),
        ),
        Task::Consent { body, org, .. } => (
            "consent",
            t_args(
                l,
                "task-consent",
                &[("body", arg(ctx.t(&format!("body-{}", body.code())))), ("org", arg(names.org(*org)))],
            ),
            about,
            to_swap(""),
        ),
        Task::Sign { .. } => ("sign", ctx.t("task-sign"), about, to_swap("#agreement-heading")),
        Task::PlanWeek { .. } => ("plan", ctx.t("task-plan"), about, to_swap("/week")),
        Task::CheckIn { .. } => ("checkin", ctx.t("task-checkin"), about, to_swap("/week")),
        Task::Reflect { .. } => ("reflect", ctx.t("task-reflect"), about, to_swap("/week")),
        Task::NameDecider { org, role, .. } => (
            "name-decider",
            t_args(
                l,
                "task-name-decider",
                &[("role", arg(ctx.t(&format!("role-{}", role.replace(':', "-"))))), ("org", arg(names.org(*org)))],
            ),
            about,
            format!("/orgs/{org}/members"),
        ),
        Task::SetUp { org, missing } => (
            "setup",
            ctx.t("task-setup"),
            missing.iter().map(|s| ctx.t(&format!("setup-{}", s.code()))).collect::<Vec<_>>().join(" · "),
            format!("/orgs/{org}"),
        ),
        Task::EnterLegal => ("legal", ctx.t("task-legal"), ctx.t("task-legal-detail"), "/admin/legal".into()),
        Task::ApproveStories { count: n } => {
            ("stories", t_args(l, "home-task-stories", &[("count", count(*n))]), String::new(), "/stories".into())
        }
        Task::ModerateComments { count: n } => (
            "comments",
            t_args(l, "home-task-comments", &[("count", count(*n))]),
            String::new(),
            "/admin/comments".into(),
        ),
        Task::AnswerHelp { count: n } => {
            ("help", t_args(l, "task-help", &[("count", count(*n))]), String::new(), "/help-requests".into())
        }
    };
    TaskLine { kind, text, detail, href }
}
