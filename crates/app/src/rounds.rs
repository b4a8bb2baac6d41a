//! Matching rounds as organisers start them and the worker runs them.
//!
//! An organiser queues a round for a period ([`start`]); a worker claims it and runs it
//! ([`run_queued`]): the candidates and blocked organisations come from the store, the graph
//! from `domain::round` (who may take whose place, and the documented weight), the answer from
//! the `matching` engine. Every swap the engine chooses becomes a proposal that all its members
//! accept or decline like any other swap, with a note per leg saying why; the round's figures
//! are kept for the organisers. The proposals are written in batches of [`WRITE_BATCH`], each
//! with its mails in one transaction, so that a round of 100,000 people neither holds all its
//! mails in memory nor writes them in one transaction that blocks everything else.

use crate::names::Names;
use crate::{App, Error, Result, today};
use domain::access::Actor;
use domain::round::{Blocks, Candidate, Period, RoundFigures, compatibility, fit};
use domain::swap::Swap;
use domain::{OrgId, Reason, RoundId, SwapId, UserId};
use matching::{GraphBuilder, SolveOptions};
use std::time::{Duration, Instant};
use store::rounds::{LegNote, Proposal};
use store::{AuditEntry, Effects};

/// Proposals written (with their notifications and mails) per transaction.
pub const WRITE_BATCH: usize = 500;

/// Longest a round may search (the engine returns its best answer and proven bound then).
pub const MAX_TIME_LIMIT_SECONDS: u64 = 600;

pub use store::rounds::{Round, RoundState};

/// A round as typed: its period, the longest ring and the time the engine may search.
#[derive(Debug, Clone, Default)]
pub struct RoundInput {
    /// First week, such as `2027-W10`.
    pub from: String,
    /// Last week (inclusive).
    pub to: String,
    /// `2` for pairs only, `3` for pairs and rings of three (empty: 3).
    pub max_cycle: String,
    /// Seconds the engine may search, 1 to 600 (empty: 60).
    pub time_limit: String,
}

/// Parses the form, queues the round and wakes a worker of this instance.
pub async fn start(app: &App, actor: &Actor, input: &RoundInput) -> Result<RoundId> {
    let id = queue(app, actor, input).await?;
    let worker = app.clone();
    tokio::spawn(async move {
        if let Err(e) = run_queued(&worker).await {
            tracing::error!("matching round: {e:?}");
        }
    });
    Ok(id)
}

/// Parses the form and queues the round (for a worker to run).
pub async fn queue(app: &App, actor: &Actor, input: &RoundInput) -> Result<RoundId> {
    actor.ensure_organiser()?;
    let mut errs = domain::error::Errors::default();
    let period = match Period::parse(&input.from, &input.to, today()) {
        Ok(p) => Some(p),
        Err(e) => {
            e.fields().iter().cloned().for_each(|f| errs.push(f));
            None
        }
    };
    let max_cycle = match input.max_cycle.trim() {
        "2" => Some(2),
        "3" | "" => Some(3),
        _ => {
            errs.push(domain::FieldError::new("max_cycle", Reason::UnknownChoice));
            None
        }
    };
    let limit_range = Reason::OutOfRange { min: 1, max: MAX_TIME_LIMIT_SECONDS as i64 };
    let time_limit = match input.time_limit.trim() {
        "" => Some(60),
        raw => match raw.parse::<u64>() {
            Ok(s) if (1..=MAX_TIME_LIMIT_SECONDS).contains(&s) => Some(s),
            _ => {
                errs.push(domain::FieldError::new("time_limit", limit_range));
                None
            }
        },
    };
    let (Some(period), Some(max_cycle), Some(time_limit)) = (period, max_cycle, time_limit) else {
        return Err(errs.into_error().into());
    };
    let id = RoundId::new();
    let detail = format!(
        "{}..{} k={max_cycle}",
        period.first().map(|w| w.to_string()).unwrap_or_default(),
        period.last().map(|w| w.to_string()).unwrap_or_default()
    );
    let effects = Effects::audit(AuditEntry::new(Some(actor.user_id), "round.started", "round", id).detail(detail));
    store::rounds::create(&app.db, id, &period, max_cycle, time_limit, actor.user_id, &effects).await?;
    Ok(id)
}

/// Runs queued rounds (and rounds whose worker died) until none is left; the number run.
pub async fn run_queued(app: &App) -> Result<usize> {
    let mut ran = 0;
    while let Some(round) = store::rounds::claim(&app.db).await? {
        ran += 1;
        match run(app, &round).await {
            Ok(_) => {}
            // Another worker re-claimed it after a stall and owns its result now.
            Err(Error::Conflict(_)) => tracing::warn!(round = %round.id, "matching round taken over"),
            Err(e) => {
                tracing::error!(round = %round.id, "matching round failed: {e:?}");
                let effects = Effects::audit(AuditEntry::new(None, "round.failed", "round", round.id));
                if !store::rounds::fail(&app.db, round.id, round.claimed_at, &format!("{e:?}"), &effects).await? {
                    tracing::warn!(round = %round.id, "matching round left running: batches of it are written");
                }
            }
        }
    }
    Ok(ran)
}

/// Runs one claimed round and writes its result.
pub async fn run(app: &App, round: &Round) -> Result<RoundFigures> {
    let t0 = Instant::now();
    let period = round.period();
    let mut candidates = store::rounds::candidates(&app.db, &period, round.id).await?;
    // A round that runs late (queued behind another, or taken over after a stall) neither
    // proposes nor counts a week that has begun: the weeks are gone before the places are.
    let today = today();
    for c in &mut candidates {
        c.weeks.retain(|w| w.monday() > today);
    }
    let blocks =
        Blocks::new(store::rounds::blocks(&app.db).await?).with_declined(store::rounds::declined_pairs(&app.db).await?);
    let (max_cycle, limit) = (round.max_cycle, Duration::from_secs(round.time_limit_seconds));
    let solve_period = period.clone();
    // Graph building and solving are CPU work: keep them off the request threads.
    let (candidates, blocks, solution, edges) = tokio::task::spawn_blocking(move || {
        let mut g = GraphBuilder::new();
        for c in &candidates {
            g.add_person(solve_period.mask(&c.weeks)).map_err(|e| e.to_string())?;
        }
        // The places are gone before the engine starts: it needs only the graph.
        for (i, list) in compatibility(&candidates, &blocks).into_iter().enumerate() {
            for (j, weight) in list {
                g.add_edge(i, j, weight).map_err(|e| e.to_string())?;
            }
        }
        let g = g.build();
        let edges = g.m();
        let opts = SolveOptions { max_cycle, time_limit: Some(limit) };
        let solution = matching::solve(&g, &opts, &mut |_| {});
        Ok::<_, String>((candidates, blocks, solution, edges))
    })
    .await
    .map_err(|e| e.to_string())
    .and_then(|r| r)
    .map_err(|e| Error::internal("matching round", e))?;

    let figures = RoundFigures {
        candidates: candidates.len(),
        edges,
        people_matched: solution.people,
        pairs: solution.swaps.iter().filter(|s| s.members.len() == 2).count(),
        rings: solution.swaps.iter().filter(|s| s.members.len() > 2).count(),
        weight: solution.weight,
        bound_people: solution.bound.people,
        bound_weight: solution.bound.weight,
        optimal: solution.optimal,
        milliseconds: u64::try_from(t0.elapsed().as_millis()).unwrap_or(u64::MAX),
    };
    let mut claimed_at = round.claimed_at.ok_or(Error::Conflict("round-not-claimed"))?;
    let mut names = Names::default().with_orgs(store::orgs::list(&app.db).await?.into_iter().map(|o| (o.id, o.name)));
    let now = store::now();
    let mut written = 0;
    for batch in solution.swaps.chunks(WRITE_BATCH) {
        let mut proposals = Vec::with_capacity(batch.len());
        for s in batch {
            let Some(week) = period.weeks().get(s.week as usize).copied() else { continue };
            let members: Vec<(UserId, OrgId)> =
                s.members.iter().map(|&i| (candidates[i].user, candidates[i].org)).collect();
            let (swap, _) =
                Swap::propose_matched(SwapId::new(), week, members, round.id, round.started_by, today, now)?;
            let notes = leg_notes(&s.members, &candidates, &blocks);
            proposals.push(Proposal { swap, notes });
        }
        let effects = proposal_effects(app, round, &proposals, &mut names).await?;
        claimed_at = store::rounds::write_proposals(&app.db, round.id, claimed_at, &proposals, &effects).await?;
        written += proposals.len();
    }
    let finished = Effects::audit(
        AuditEntry::new(None, "round.finished", "round", round.id)
            .detail(format!("candidates={} swaps={written}", candidates.len(),)),
    );
    store::rounds::finish(&app.db, round.id, claimed_at, &figures, &finished).await?;
    tracing::info!(round = %round.id, people = figures.people_matched, swaps = written, "matching round finished");
    Ok(figures)
}

/// Why each leg was proposed: member `i` learns at member `i + 1`'s place.
fn leg_notes(members: &[usize], candidates: &[Candidate], blocks: &Blocks) -> Vec<LegNote> {
    let n = members.len();
    (0..n)
        .filter_map(|i| {
            let (from, to) = (members[i], members[(i + 1) % n]);
            fit(&candidates[from], &candidates[to], blocks).map(|leg| LegNote {
                position: i,
                topics: leg.learns.iter().map(ToString::to_string).collect(),
                distance_km: leg.distance_km,
                weight: leg.weight,
            })
        })
        .collect()
}

/// The audit records and every member's notification of a batch of a round's proposals;
/// `names` gathers the members' names batch by batch.
async fn proposal_effects(app: &App, round: &Round, proposals: &[Proposal], names: &mut Names) -> Result<Effects> {
    let swaps: Vec<&Swap> = proposals.iter().map(|p| &p.swap).collect();
    let people: Vec<UserId> = swaps.iter().flat_map(|s| s.members.iter().map(|m| m.user)).collect();
    names.include(app, people).await?;
    let mut effects = Effects::default();
    for swap in swaps {
        effects
            .audit
            .push(AuditEntry::new(None, "swap.proposed", "swap", swap.id).detail(format!("round={}", round.id)));
        for c in names.members(swap) {
            crate::notify::swap(app, &mut effects, &c, swap, "matched", names, None);
        }
    }
    Ok(effects)
}

/// The rounds, newest first (network organisers only).
pub async fn list(app: &App, actor: &Actor) -> Result<Vec<Round>> {
    actor.ensure_organiser()?;
    Ok(store::rounds::list(&app.db).await?)
}

/// One round with its figures once finished, and how many of its proposals are in which state
/// (network organisers only).
pub async fn get(app: &App, actor: &Actor, id: RoundId) -> Result<(Round, Vec<(String, i64)>)> {
    actor.ensure_organiser()?;
    let round = store::rounds::get(&app.db, id).await?;
    let states = store::rounds::proposal_states(&app.db, id).await?;
    Ok((round, states))
}
