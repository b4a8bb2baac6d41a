//! What the network has achieved, in figures: for an organisation (its admins), for an
//! umbrella association and its members in aggregate (the association's admins), for the whole
//! network (the organisers), and the network's headline figures for everyone ([`public`]).
//!
//! The store hands over one row per swap and per person in a swap ([`store::figures`]); here
//! they are counted by quarter of the proposal, by federal state and by kind of organisation,
//! and every count goes through [`domain::disclosure`] before it leaves: counts 1–4 are shown
//! as "< 5", and what would give them away is withheld. The measures ([`Measure`]) are
//! cumulative stages (a completed swap was also proposed, approved and confirmed), so each
//! measure is its own list with its total, suppressed on its own.
//!
//! Start at [`figures`]; [`story_excerpts`] is the hook for the stories' consent-bound
//! excerpts in the yearly report.

use crate::i18n::{t, t_args};
use crate::{App, Download, Result};
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use domain::OrgId;
use domain::access::Actor;
use domain::disclosure::{self, Shown, publish_list, publish_one};
use domain::org::OrgKind;
use domain::values::Locale;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use store::figures::{Scope, Span, SwapFact};

/// How many learning topics a figure names at most.
pub const TOPICS: i64 = 10;

/// Whose figures a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "organisation", rename_all = "snake_case")]
pub enum Whose {
    Network,
    Org(OrgId),
    /// An association with the organisations that name it their umbrella.
    Umbrella(OrgId),
}

impl Whose {
    fn scope(self) -> Scope {
        match self {
            Whose::Network => Scope::Network,
            Whose::Org(o) => Scope::Org(o),
            Whose::Umbrella(o) => Scope::Umbrella(o),
        }
    }
}

/// A stage a swap reaches; each is counted by the swaps (or people) that reached it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Proposed,
    /// Every approval of both employers given.
    Approved,
    Confirmed,
    Completed,
    /// Declined, withdrawn or cancelled: it did not (or will not) take place.
    Ended,
}

impl Measure {
    pub const ALL: [Measure; 5] =
        [Measure::Proposed, Measure::Approved, Measure::Confirmed, Measure::Completed, Measure::Ended];

    pub fn code(self) -> &'static str {
        match self {
            Measure::Proposed => "proposed",
            Measure::Approved => "approved",
            Measure::Confirmed => "confirmed",
            Measure::Completed => "completed",
            Measure::Ended => "ended",
        }
    }

    fn holds(self, s: &SwapFact) -> bool {
        let confirmed = s.confirmed_at.is_some()
            || matches!(s.state.as_str(), "confirmed" | "in_progress" | "completed" | "evaluated");
        match self {
            Measure::Proposed => true,
            Measure::Approved => s.approvals > 0 && s.approved == s.approvals,
            Measure::Confirmed => confirmed,
            Measure::Completed => matches!(s.state.as_str(), "completed" | "evaluated"),
            Measure::Ended => matches!(s.state.as_str(), "declined" | "withdrawn" | "cancelled"),
        }
    }
}

/// A quarter of a year, as the figures count time (by the date a swap was proposed, in
/// Germany).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub quarter: u32,
}

impl Quarter {
    pub fn of(at: DateTime<Utc>) -> Self {
        let d = at.with_timezone(&Berlin).date_naive();
        Quarter { year: d.year(), quarter: d.month0() / 3 + 1 }
    }

    fn next(self) -> Self {
        if self.quarter == 4 {
            Quarter { year: self.year + 1, quarter: 1 }
        } else {
            Quarter { quarter: self.quarter + 1, ..self }
        }
    }

    /// `2027-Q1`: the machine-readable code (CSV, API); pages say "1. Quartal 2027".
    pub fn code(self) -> String {
        format!("{}-Q{}", self.year, self.quarter)
    }
}

/// Counts of the measures by some row (a quarter, a federal state, a kind of organisation):
/// `cells[row][column]` with the column's total, each column suppressed as a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    /// Row codes: `2027-Q1`, `BY`, `city`.
    pub rows: Vec<String>,
    pub columns: Vec<Measure>,
    pub cells: Vec<Vec<Shown>>,
    pub totals: Vec<Shown>,
}

impl Breakdown {
    fn of(rows: Vec<String>, counts: &[[u64; 5]]) -> Self {
        let columns: Vec<_> =
            (0..Measure::ALL.len()).map(|m| publish_list(&counts.iter().map(|r| r[m]).collect::<Vec<_>>())).collect();
        Breakdown {
            cells: (0..rows.len()).map(|r| columns.iter().map(|c| c.items[r]).collect()).collect(),
            totals: columns.iter().map(|c| c.total).collect(),
            columns: Measure::ALL.to_vec(),
            rows,
        }
    }

    /// The total of one measure.
    pub fn total(&self, m: Measure) -> Shown {
        self.columns.iter().position(|&c| c == m).map(|i| self.totals[i]).unwrap_or(Shown::Value(0))
    }
}

/// Counts by reason (or answer), disjoint, with their total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reasons {
    /// `(code, count)`: the codes are translated by the faces (`figures-reason-{code}`).
    pub items: Vec<(String, Shown)>,
    pub total: Shown,
}

impl Reasons {
    fn of(codes: &[&str], counts: &HashMap<String, u64>) -> Self {
        let values: Vec<u64> = codes.iter().map(|c| counts.get(*c).copied().unwrap_or(0)).collect();
        let p = publish_list(&values);
        Reasons { items: codes.iter().map(|c| (*c).to_owned()).zip(p.items).collect(), total: p.total }
    }

    pub fn get(&self, code: &str) -> Option<Shown> {
        self.items.iter().find(|(c, _)| c == code).map(|(_, s)| *s)
    }
}

/// The time from proposal to confirmation of the confirmed swaps, in days; not said of fewer
/// than five swaps (one swap's time would be its own).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Durations {
    pub swaps: Shown,
    pub median_days: Option<f64>,
    pub p90_days: Option<f64>,
}

/// A finished matching round: people matched against the proven upper bound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundLine {
    pub first_week: String,
    pub last_week: String,
    pub finished_at: Option<DateTime<Utc>>,
    pub matched: Shown,
    pub bound: Shown,
    pub optimal: bool,
}

/// A topic people went to learn, with how many named it (never fewer than five).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Topic {
    pub topic: String,
    pub people: u64,
}

/// All figures of one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub whose: Whose,
    /// The organisation's name (none for the network).
    pub name: Option<String>,
    /// The year of the proposals counted (none: all years).
    pub year: Option<i32>,
    /// Swaps by the quarter they were proposed in.
    pub by_quarter: Breakdown,
    /// People in swaps, by their organisation's federal state.
    pub by_region: Breakdown,
    /// People in swaps, by their organisation's kind.
    pub by_kind: Breakdown,
    pub time_to_confirm: Durations,
    /// Why swaps ended without taking place.
    pub end_reasons: Reasons,
    /// Why approvers declined.
    pub decline_reasons: Reasons,
    /// Reflections: `yes` would recommend a swap, `no` would not.
    pub recommend: Reasons,
    pub topics: Vec<Topic>,
    /// The network's finished matching rounds, newest first (network and umbrella pages).
    pub rounds: Vec<RoundLine>,
}

/// Why a swap ended, as the figures name it (the first part of `swaps.end_reason`).
pub const END_REASONS: [&str; 8] = [
    "week_unsuitable",
    "workload",
    "personal",
    "no_management_approval",
    "staffing",
    "approval-deadline-passed",
    "account-erased",
    "other",
];

/// Why approvers declined (`swap_approvals.reason_kind`).
pub const DECLINE_REASONS: [&str; 3] = ["no_management_approval", "staffing", "other"];

/// The figures an organisation's page shows: the organisation's own, or for an association
/// its own and its members' together. For its admins and the organisers.
pub async fn of_org(app: &App, actor: &Actor, org: OrgId, year: Option<i32>) -> Result<Figures> {
    actor.ensure_org_admin(org)?;
    let o = store::orgs::get(&app.db, org).await?;
    let whose = if o.kind == OrgKind::Association { Whose::Umbrella(org) } else { Whose::Org(org) };
    let mut f = figures(app, whose, year).await?;
    f.name = Some(o.name);
    Ok(f)
}

/// The network's figures, for its organisers.
pub async fn of_network(app: &App, actor: &Actor, year: Option<i32>) -> Result<Figures> {
    actor.ensure_organiser()?;
    figures(app, Whose::Network, year).await
}

/// The network's figures as everyone may see them, without signing in: the same suppressed
/// counts as the organisers see (the public page shows a part of them). Counting every swap
/// takes a while at network scale, so they are kept for a minute (`cache`).
pub async fn public(app: &App) -> Result<Figures> {
    app.cache.public_figures(|| figures(app, Whose::Network, None)).await
}

/// The first year the figures can be asked for.
pub const FIRST_YEAR: i32 = 2020;

/// The years that can be chosen, newest first: from [`FIRST_YEAR`] to this one.
pub fn years() -> Vec<i32> {
    (FIRST_YEAR..=crate::today().year()).rev().collect()
}

/// The year as typed (`year=2027`); empty means all years.
pub fn parse_year(s: &str) -> Result<Option<i32>> {
    let last = crate::today().year() + 1;
    match s.trim() {
        "" => Ok(None),
        y => match y.parse::<i32>() {
            Ok(y) if (FIRST_YEAR..=last).contains(&y) => Ok(Some(y)),
            _ => Err(crate::Error::field(
                "year",
                domain::Reason::OutOfRange { min: i64::from(FIRST_YEAR), max: i64::from(last) },
            )),
        },
    }
}

fn span(year: Option<i32>) -> Span {
    let start = |y: i32| {
        let d = NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default().and_hms_opt(0, 0, 0).unwrap_or_default();
        Berlin.from_local_datetime(&d).earliest().map(|t| t.with_timezone(&Utc)).unwrap_or_default()
    };
    match year {
        Some(y) => Span { from: start(y), until: start(y + 1) },
        None => Span { from: start(2000), until: start(2200) },
    }
}

/// Counts and suppresses every figure of `whose` (no authorisation: callers above ask first).
pub async fn figures(app: &App, whose: Whose, year: Option<i32>) -> Result<Figures> {
    let (scope, span) = (whose.scope(), span(year));
    let swaps = store::figures::swaps(&app.db, scope, span).await?;
    let members = store::figures::members(&app.db, scope, span).await?;
    let declines = store::figures::decline_reasons(&app.db, scope, span).await?;
    let (yes, no) = store::figures::recommendations(&app.db, scope, span).await?;
    let at_least = i64::try_from(disclosure::THRESHOLD).unwrap_or(5);
    let topics = store::figures::learned_topics(&app.db, scope, span, at_least, TOPICS).await?;
    let rounds = match whose {
        Whose::Org(_) => Vec::new(),
        Whose::Network | Whose::Umbrella(_) => rounds(app).await?,
    };

    let stages = |s: &SwapFact| Measure::ALL.map(|m| u64::from(m.holds(s)));
    let by_quarter = {
        let mut counts: BTreeMap<Quarter, [u64; 5]> = BTreeMap::new();
        if let Some(y) = year {
            for q in 1..=4 {
                counts.insert(Quarter { year: y, quarter: q }, [0; 5]);
            }
        }
        for s in &swaps {
            add(counts.entry(Quarter::of(s.created_at)).or_default(), stages(s));
        }
        // Quarters without proposals stay in the series, so that time runs evenly.
        if let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) {
            let mut q = first;
            while q < last {
                counts.entry(q).or_default();
                q = q.next();
            }
        }
        let (rows, counts): (Vec<_>, Vec<_>) = counts.into_iter().map(|(q, c)| (q.code(), c)).unzip();
        Breakdown::of(rows, &counts)
    };
    let by_swap: HashMap<uuid::Uuid, [u64; 5]> = swaps.iter().map(|s| (s.id, stages(s))).collect();
    let people_by = |key: &dyn Fn(&store::figures::MemberFact) -> &str| {
        let mut counts: BTreeMap<String, [u64; 5]> = BTreeMap::new();
        for m in &members {
            if let Some(st) = by_swap.get(&m.swap_id) {
                add(counts.entry(key(m).to_owned()).or_default(), *st);
            }
        }
        let (rows, counts): (Vec<_>, Vec<_>) = counts.into_iter().unzip();
        Breakdown::of(rows, &counts)
    };

    let mut ends: HashMap<String, u64> = HashMap::new();
    for s in swaps.iter().filter(|s| Measure::Ended.holds(s)) {
        let code = s.end_reason.as_deref().unwrap_or("other").split(':').next().unwrap_or("other").trim();
        let code = if END_REASONS.contains(&code) { code } else { "other" };
        *ends.entry(code.to_owned()).or_default() += 1;
    }
    let declines: HashMap<String, u64> = declines
        .into_iter()
        .map(|(k, n)| (if DECLINE_REASONS.contains(&k.as_str()) { k } else { "other".to_owned() }, count(n)))
        .fold(HashMap::new(), |mut m, (k, n)| {
            *m.entry(k).or_default() += n;
            m
        });
    let answers = HashMap::from([("yes".to_owned(), count(yes)), ("no".to_owned(), count(no))]);

    Ok(Figures {
        whose,
        name: None,
        year,
        by_quarter,
        by_region: people_by(&|m| m.region.as_str()),
        by_kind: people_by(&|m| m.kind.as_str()),
        time_to_confirm: durations(&swaps),
        end_reasons: Reasons::of(&END_REASONS, &ends),
        decline_reasons: Reasons::of(&DECLINE_REASONS, &declines),
        recommend: Reasons::of(&["yes", "no"], &answers),
        topics: topics.into_iter().map(|(topic, n)| Topic { topic, people: count(n) }).collect(),
        rounds,
    })
}

fn add(to: &mut [u64; 5], stages: [u64; 5]) {
    for (t, s) in to.iter_mut().zip(stages) {
        *t += s;
    }
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// Median and 90th percentile (nearest rank) of the days from proposal to confirmation.
fn durations(swaps: &[SwapFact]) -> Durations {
    let mut days: Vec<f64> = swaps
        .iter()
        .filter_map(|s| s.confirmed_at.map(|c| (c - s.created_at).num_seconds() as f64 / 86_400.0))
        .collect();
    days.sort_by(f64::total_cmp);
    let n = days.len();
    let shown = publish_one(n as u64);
    if n < disclosure::THRESHOLD as usize {
        return Durations { swaps: shown, median_days: None, p90_days: None };
    }
    let median = if n % 2 == 1 { days[n / 2] } else { (days[n / 2 - 1] + days[n / 2]) / 2.0 };
    let p90 = days[(n * 9).div_ceil(10) - 1];
    Durations { swaps: shown, median_days: Some(median), p90_days: Some(p90) }
}

/// The finished rounds, newest first, with people matched against the proven bound.
async fn rounds(app: &App) -> Result<Vec<RoundLine>> {
    let rounds = store::rounds::list(&app.db).await?;
    Ok(rounds
        .into_iter()
        .filter_map(|r| {
            let f = r.figures?;
            Some(RoundLine {
                first_week: r.first_week.to_string(),
                last_week: r.last_week.to_string(),
                finished_at: r.finished_at,
                matched: publish_one(f.people_matched as u64),
                bound: publish_one(f.bound_people as u64),
                optimal: f.optimal,
            })
        })
        .collect())
}

/// An excerpt of a published story for the yearly report: only stories that every member and
/// each organisation's press contact approved for publication, as the stories module decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryExcerpt {
    pub title: String,
    /// A few sentences, plain text.
    pub excerpt: String,
    /// The organisations of the swap, by name.
    pub organisations: Vec<String>,
    pub published_on: NaiveDate,
}

/// The story excerpts an organisation's yearly report may quote: its published stories of the
/// year, with consent (published means every member and each organisation's press contact
/// approved it); none, and the report leaves its stories section out.
pub async fn story_excerpts(app: &App, actor: &Actor, org: OrgId, year: i32) -> Result<Vec<StoryExcerpt>> {
    actor.ensure_org_admin(org)?;
    Ok(crate::stories::published_of(app, org)
        .await?
        .into_iter()
        .filter_map(|s| {
            let published_on = Berlin.from_utc_datetime(&s.published_at?.naive_utc()).date_naive();
            (published_on.year() == year).then(|| {
                let mut organisations: Vec<String> = Vec::new();
                for m in &s.members {
                    if !organisations.contains(&m.org_name) {
                        organisations.push(m.org_name.clone());
                    }
                }
                StoryExcerpt {
                    excerpt: domain::story::excerpt(&s.body, 280),
                    title: s.title,
                    organisations,
                    published_on,
                }
            })
        })
        .collect())
}

/// One figure as a chart and as a table, in words of `lang`: the page, the SVG, the CSV and
/// the PDF all draw from this, so they show the same numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chart {
    /// Stable, for addresses: `swaps`, `quarters`, `regions`, `kinds`, `end-reasons`,
    /// `decline-reasons`, `recommend`, `topics`, `rounds`.
    pub id: &'static str,
    pub title: String,
    /// What the chart shows, in a sentence (the SVG's description).
    pub desc: String,
    /// The heading of the rows' column.
    pub row_header: String,
    pub series: Vec<String>,
    pub rows: Vec<ChartRow>,
    /// The series' totals, where the rows add up.
    pub total: Option<Vec<Shown>>,
    /// The series drawn as bars (the table has all of them).
    pub plotted: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChartRow {
    pub label: String,
    pub values: Vec<Shown>,
}

/// The chart ids, in the order of the page.
pub const CHARTS: [&str; 9] =
    ["swaps", "quarters", "regions", "kinds", "end-reasons", "decline-reasons", "recommend", "topics", "rounds"];

/// A count as the figures print it: `3.000` (German) or `3,000`, `< 5`, or the word for
/// withheld.
pub fn shown_text(lang: Locale, s: Shown) -> String {
    match s {
        Shown::Value(v) => number(lang, v),
        Shown::Few => "< 5".to_owned(),
        Shown::Withheld => t(lang, "figures-withheld"),
    }
}

/// A whole number with the thousands separator of `lang`.
pub fn number(lang: Locale, v: u64) -> String {
    let sep = match lang {
        Locale::De => '.',
        Locale::En => ',',
    };
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Days with one decimal: `4,5` (German) or `4.5`.
pub fn days(lang: Locale, d: f64) -> String {
    let s = format!("{d:.1}");
    match lang {
        Locale::De => s.replace('.', ","),
        Locale::En => s,
    }
}

/// A quarter as German offices write it, "1. Quartal 2027" ("Q1 2027" in English), from its
/// code `2027-Q1`.
pub fn quarter_label(lang: Locale, code: &str) -> String {
    let (year, q) = code.split_once("-Q").unwrap_or((code, ""));
    t_args(lang, "figures-quarter", &[("quarter", crate::i18n::arg(q)), ("year", crate::i18n::arg(year))])
}

/// The charts of `f`, in words of `lang`.
pub fn charts(f: &Figures, lang: Locale) -> Vec<Chart> {
    let tr = |k: &str| t(lang, k);
    let measures: Vec<String> = Measure::ALL.iter().map(|m| tr(&format!("figures-measure-{}", m.code()))).collect();
    let chart =
        |id: &'static str, series: Vec<String>, rows: Vec<ChartRow>, total: Option<Vec<Shown>>, plotted: Vec<usize>| {
            let title = tr(&format!("figures-chart-{id}"));
            let largest = rows
                .iter()
                .filter_map(|r| {
                    plotted.first().and_then(|&i| r.values.get(i)).and_then(|v| v.value()).map(|v| (v, &r.label))
                })
                .max_by_key(|(v, _)| *v);
            let desc = match largest {
                Some((v, label)) if v > 0 => t_args(
                    lang,
                    "figures-chart-desc",
                    &[
                        ("title", crate::i18n::arg(&title)),
                        ("series", crate::i18n::arg(series.get(plotted[0]).cloned().unwrap_or_default())),
                        ("label", crate::i18n::arg(label)),
                        ("value", crate::i18n::arg(number(lang, v))),
                    ],
                ),
                // Counts there are, but all below five or withheld: say so, not "nothing".
                _ if rows.iter().any(|r| r.values.iter().any(|v| v.is_suppressed())) => {
                    t_args(lang, "figures-chart-desc-suppressed", &[("title", crate::i18n::arg(&title))])
                }
                _ => t_args(lang, "figures-chart-desc-empty", &[("title", crate::i18n::arg(&title))]),
            };
            Chart { id, title, desc, row_header: tr(&format!("figures-rows-{id}")), series, rows, total, plotted }
        };
    let breakdown = |b: &Breakdown, label: &dyn Fn(&str) -> String| -> Vec<ChartRow> {
        b.rows.iter().zip(&b.cells).map(|(r, c)| ChartRow { label: label(r), values: c.clone() }).collect()
    };
    let reasons = |r: &Reasons, prefix: &str| -> Vec<ChartRow> {
        r.items.iter().map(|(c, v)| ChartRow { label: tr(&format!("{prefix}{c}")), values: vec![*v] }).collect()
    };
    let one = |key: &str| vec![tr(key)];
    let mut out = vec![
        chart(
            "swaps",
            one("figures-series-swaps"),
            Measure::ALL
                .iter()
                .zip(&measures)
                .map(|(&m, l)| ChartRow { label: l.clone(), values: vec![f.by_quarter.total(m)] })
                .collect(),
            None,
            vec![0],
        ),
        chart(
            "quarters",
            measures.clone(),
            breakdown(&f.by_quarter, &|c| quarter_label(lang, c)),
            Some(f.by_quarter.totals.clone()),
            vec![0, 3],
        ),
        chart(
            "regions",
            measures.clone(),
            breakdown(&f.by_region, &|c| tr(&format!("region-{c}"))),
            Some(f.by_region.totals.clone()),
            vec![0],
        ),
        chart(
            "kinds",
            measures.clone(),
            breakdown(&f.by_kind, &|c| tr(&format!("kind-{c}"))),
            Some(f.by_kind.totals.clone()),
            vec![0],
        ),
        chart(
            "end-reasons",
            one("figures-series-swaps"),
            reasons(&f.end_reasons, "end-"),
            Some(vec![f.end_reasons.total]),
            vec![0],
        ),
        chart(
            "decline-reasons",
            one("figures-series-declines"),
            reasons(&f.decline_reasons, "decline-"),
            Some(vec![f.decline_reasons.total]),
            vec![0],
        ),
        chart(
            "recommend",
            one("figures-series-people"),
            reasons(&f.recommend, "figures-recommend-"),
            Some(vec![f.recommend.total]),
            vec![0],
        ),
        chart(
            "topics",
            one("figures-series-people"),
            f.topics
                .iter()
                .map(|x| ChartRow { label: x.topic.clone(), values: vec![Shown::Value(x.people)] })
                .collect(),
            None,
            vec![0],
        ),
    ];
    if !f.rounds.is_empty() {
        out.push(chart(
            "rounds",
            vec![tr("figures-series-matched"), tr("figures-series-bound")],
            f.rounds
                .iter()
                .map(|r| ChartRow {
                    label: format!("{} – {}", r.first_week, r.last_week),
                    values: vec![r.matched, r.bound],
                })
                .collect(),
            None,
            vec![0, 1],
        ));
    }
    out
}

/// The numbers of the charts `only` names (all when empty) as one CSV (chart, row, series,
/// value), in words of `lang`; cells neutralised against formulas like every export.
pub fn csv(f: &Figures, lang: Locale, only: &[&str]) -> Download {
    use crate::orgs::csv_field;
    let header = ["figures-csv-figure", "figures-csv-row", "figures-csv-series", "figures-csv-value"]
        .map(|k| csv_field(&t(lang, k)))
        .join(",");
    let mut out = format!("{header}\r\n");
    for c in charts(f, lang).into_iter().filter(|c| only.is_empty() || only.contains(&c.id)) {
        let total = c.total.clone().map(|tot| ChartRow { label: t(lang, "figures-total"), values: tot });
        for row in c.rows.iter().chain(total.as_ref()) {
            for (series, v) in c.series.iter().zip(&row.values) {
                let line = [&c.title, &row.label, series, &shown_text(lang, *v)].map(|x| csv_field(x)).join(",");
                out.push_str(&line);
                out.push_str("\r\n");
            }
        }
    }
    Download { name: file_name(f, "csv"), media_type: "text/csv; charset=utf-8", bytes: out.into_bytes() }
}

/// `kennzahlen-2027.csv`, `kennzahlen.svg`: the figures' files, by year.
pub fn file_name(f: &Figures, ext: &str) -> String {
    match f.year {
        Some(y) => format!("kennzahlen-{y}.{ext}"),
        None => format!("kennzahlen.{ext}"),
    }
}

/// An organisation's year as a one-page tagged PDF (PDF/A-2a, PDF/UA-1) for its admins: the
/// swaps by stage, quarter and reasons as bar charts (each a figure whose alternative text names
/// its numbers), the time to confirmation, what people went to learn, and the story excerpts of
/// [`story_excerpts`]. What does not fit on the page is left out from the end: the stories,
/// then the topics, then the quarters.
pub async fn report(app: &App, actor: &Actor, org: OrgId, year: i32, lang: Locale) -> Result<Download> {
    let f = of_org(app, actor, org, Some(year)).await?;
    let stories = story_excerpts(app, actor, org, year).await?;
    let tr = |k: &str| t(lang, k);
    let all = charts(&f, lang);
    let section_of = |id: &str, optional: bool| {
        all.iter().find(|c| c.id == id).map(|c| {
            let chart = bar_chart(c, lang);
            documents::ReportSection {
                heading: c.title.clone(),
                paragraphs: if chart.is_none() { vec![tr("figures-report-none")] } else { Vec::new() },
                chart,
                optional,
                ..documents::ReportSection::default()
            }
        })
    };
    let time = match (f.time_to_confirm.median_days, f.time_to_confirm.p90_days) {
        (Some(m), Some(p)) => t_args(
            lang,
            "figures-time-values",
            &[
                ("median", crate::i18n::arg(days(lang, m))),
                ("p90", crate::i18n::arg(days(lang, p))),
                ("swaps", crate::i18n::arg(shown_text(lang, f.time_to_confirm.swaps))),
            ],
        ),
        _ => tr("figures-time-few"),
    };
    let mut sections: Vec<documents::ReportSection> = Vec::new();
    sections.extend(section_of("swaps", false));
    sections.push(documents::ReportSection {
        heading: tr("figures-time"),
        paragraphs: vec![time],
        ..documents::ReportSection::default()
    });
    sections.extend(section_of("end-reasons", false));
    sections.extend(section_of("decline-reasons", false));
    sections.extend(section_of("recommend", false));
    sections.extend(section_of("quarters", true));
    if !f.topics.is_empty() {
        sections.extend(section_of("topics", true));
    }
    if !stories.is_empty() {
        sections.push(documents::ReportSection {
            heading: tr("figures-report-stories"),
            paragraphs: stories.iter().map(|s| format!("{}: {}", s.title, s.excerpt)).collect(),
            optional: true,
            ..documents::ReportSection::default()
        });
    }
    let now = store::now();
    let name = f.name.clone().unwrap_or_default();
    let input = documents::ReportInput {
        lang: lang.as_str().to_owned(),
        title: t_args(
            lang,
            "figures-report-title",
            &[("year", crate::i18n::arg(year)), ("name", crate::i18n::arg(&name))],
        ),
        lead: tr("figures-privacy"),
        sections,
        footer: t_args(lang, "figures-report-footer", &[("date", crate::i18n::arg(crate::i18n::local_date(now)))]),
        created: chrono::SubsecRound::trunc_subsecs(now, 0),
    };
    let bytes = tokio::task::spawn_blocking(move || documents::report_pdf(&input))
        .await
        .map_err(|e| crate::Error::internal("figures PDF", e))?
        .map_err(|e| crate::Error::internal("figures PDF", e))?;
    Ok(Download { name: format!("jahresbericht-{year}.pdf"), media_type: "application/pdf", bytes })
}

/// A chart's plotted series as the PDF draws them, without the rows that are 0 in every series
/// (on one page they say nothing; the page online lists them); none when nothing is left. Its
/// alternative text is the chart's title with every number drawn.
fn bar_chart(c: &Chart, lang: Locale) -> Option<documents::BarChart> {
    let rows: Vec<documents::BarRow> = c
        .rows
        .iter()
        .filter(|r| c.plotted.iter().any(|&i| r.values.get(i).is_some_and(|v| *v != Shown::Value(0))))
        .map(|r| documents::BarRow {
            label: r.label.clone(),
            bars: c
                .plotted
                .iter()
                .filter_map(|&i| {
                    let v = *r.values.get(i)?;
                    let text = if c.plotted.len() > 1 {
                        format!("{} {}", shown_text(lang, v), c.series.get(i).cloned().unwrap_or_default())
                    } else {
                        shown_text(lang, v)
                    };
                    Some(documents::Bar { value: v.value(), text })
                })
                .collect(),
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let said: Vec<String> = rows
        .iter()
        .map(|r| format!("{}: {}", r.label, r.bars.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join(", ")))
        .collect();
    Some(documents::BarChart { alt: format!("{}. {}.", c.title, said.join("; ")), rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(days: Option<f64>) -> SwapFact {
        let created = Utc.with_ymd_and_hms(2027, 1, 4, 9, 0, 0).unwrap();
        SwapFact {
            id: uuid::Uuid::now_v7(),
            state: "confirmed".into(),
            created_at: created,
            confirmed_at: days.map(|d| created + chrono::Duration::seconds((d * 86_400.0) as i64)),
            end_reason: None,
            approvals: 4,
            approved: 4,
        }
    }

    #[test]
    fn median_and_ninetieth_percentile_by_nearest_rank() {
        let swaps: Vec<_> = (1..=10).map(|d| fact(Some(f64::from(d)))).collect();
        let d = durations(&swaps);
        assert_eq!((d.median_days, d.p90_days), (Some(5.5), Some(9.0)));
        let few: Vec<_> = (1..=4).map(|d| fact(Some(f64::from(d)))).collect();
        assert_eq!(durations(&few), Durations { swaps: Shown::Few, median_days: None, p90_days: None });
    }

    #[test]
    fn numbers_and_quarters_as_germans_write_them() {
        assert_eq!((number(Locale::De, 3000), number(Locale::En, 1_234_567)), ("3.000".into(), "1,234,567".into()));
        assert_eq!(number(Locale::De, 999), "999");
        assert_eq!(days(Locale::De, 4.25), "4,2");
        assert_eq!(quarter_label(Locale::De, "2027-Q1"), "1. Quartal 2027");
        assert_eq!(quarter_label(Locale::En, "2027-Q3"), "Q3 2027");
        assert_eq!(shown_text(Locale::De, Shown::Few), "< 5");
    }

    #[test]
    fn quarters_are_counted_in_german_time() {
        let new_year = Utc.with_ymd_and_hms(2026, 12, 31, 23, 30, 0).unwrap();
        assert_eq!(Quarter::of(new_year).code(), "2027-Q1");
        assert_eq!(Quarter { year: 2027, quarter: 4 }.next().code(), "2028-Q1");
    }
}
