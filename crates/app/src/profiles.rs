//! Profiles: one's own (role, unit, topics, what one wants to learn, free weeks, travel
//! radius, and whether one is open to a swap), the search over people open to a swap, and the
//! page of a person as another member sees it (never their address).

use crate::{Account, App, Error, Result};
use domain::UserId;
use domain::org::{OrgKind, Region};
use domain::search::SearchWords;
use domain::values::{IsoWeek, Topic};
use store::{AuditEntry, Effects};

pub use domain::profile::{Profile, ProfileInput};
pub use store::profiles::{PersonCard, PersonPage, SearchCursor, SearchFilter};

/// The profile of `me`, if they wrote one.
pub async fn mine(app: &App, me: &Account) -> Result<Option<Profile>> {
    Ok(store::profiles::get(&app.db, me.id).await?)
}

/// Parses and stores the profile of `me` (who must belong to an organisation).
pub async fn save(app: &App, me: &Account, input: &ProfileInput) -> Result<Profile> {
    let profile = Profile::parse(input)?;
    if me.org_id.is_none() {
        return Err(Error::Forbidden("no-organisation"));
    }
    let effects = Effects::audit(AuditEntry::new(Some(me.id), "profile.saved", "user", me.id));
    store::profiles::save(&app.db, me.id, &profile, &effects).await?;
    app.cache.profile_changed();
    Ok(profile)
}

/// How far ahead a person can offer free weeks: a year.
pub const WEEKS_AHEAD: usize = 52;

/// Topics offered on every profile, before those the network's people add themselves.
pub const SUGGESTED_TOPICS: &[&str] = &[
    "Barrierefreiheit",
    "Bürgerservice",
    "Datenschutz",
    "Digitalisierung",
    "E-Akte",
    "Haushalt und Finanzen",
    "Informationssicherheit",
    "IT-Betrieb",
    "Künstliche Intelligenz",
    "Onlinezugangsgesetz",
    "Open Data",
    "Organisationsentwicklung",
    "Personalentwicklung",
    "Projektmanagement",
    "Prozessmanagement",
    "Smart City",
    "Vergabe",
    "Wissensmanagement",
];

/// Languages offered as choices (ISO 639-1), those most spoken in German public service first.
pub const LANGUAGES: &[&str] =
    &["de", "en", "fr", "es", "it", "nl", "pl", "cs", "da", "sv", "pt", "el", "tr", "ar", "ru", "uk", "hr", "ro", "hu"];

/// The topics offered as choices: the suggested ones, those most named by people open to a
/// swap, and the person's `own`, each once (compared as [`Topic::normalised`] compares them).
pub async fn topic_choices(app: &App, own: &[Topic]) -> Result<Vec<String>> {
    let common = app.cache.common_topics(&app.db).await?;
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let candidates =
        SUGGESTED_TOPICS.iter().map(|t| (*t).to_owned()).chain(common).chain(own.iter().map(ToString::to_string));
    for t in candidates {
        if let Ok(topic) = Topic::parse("topic", &t)
            && seen.insert(topic.normalised())
        {
            out.push(t);
        }
    }
    out.sort_by_key(|t| t.to_lowercase());
    Ok(out)
}

/// The weeks `user` has committed to a swap in (accepted and not ended).
pub async fn taken_weeks(app: &App, user: UserId) -> Result<Vec<IsoWeek>> {
    let accepted = store::swaps::accepted_weeks(&app.db, user).await?;
    Ok(accepted.into_iter().filter(|(_, state)| state.holds_week()).map(|(week, _)| week).collect())
}

/// The weeks `me` can still offer as free: the coming year's, without those a swap already
/// takes.
pub async fn weeks_to_offer(app: &App, me: &Account) -> Result<Vec<IsoWeek>> {
    Ok(week_choices(app, me).await?.0)
}

/// [`weeks_to_offer`], and the weeks ahead a swap of `me` already takes, in order (for saying
/// why they are not offered), from one reading of their swaps.
pub async fn week_choices(app: &App, me: &Account) -> Result<(Vec<IsoWeek>, Vec<IsoWeek>)> {
    let today = crate::today();
    let mut taken: Vec<IsoWeek> = taken_weeks(app, me.id).await?.into_iter().filter(|w| w.monday() > today).collect();
    taken.sort();
    let offer = IsoWeek::ahead(today, WEEKS_AHEAD).into_iter().filter(|w| !taken.contains(w)).collect();
    Ok((offer, taken))
}

/// The weeks `me` can propose to the person `them` (whose page is `page`): their free weeks
/// still ahead (any week of the coming year when they name none), without those a swap of
/// either already takes.
pub async fn weeks_to_propose(app: &App, me: &Account, them: UserId, page: &PersonPage) -> Result<Vec<IsoWeek>> {
    let theirs = taken_weeks(app, them).await?;
    let named: Vec<IsoWeek> = page.profile.iter().flat_map(|p| p.availability.iter().copied()).collect();
    Ok(weeks_to_offer(app, me)
        .await?
        .into_iter()
        .filter(|w| !theirs.contains(w) && (named.is_empty() || named.contains(w)))
        .collect())
}

/// A search as typed; unknown or malformed values are reported, not ignored.
#[derive(Debug, Clone, Default)]
pub struct SearchInput {
    /// Words to look for in role titles, units, topics and the text about a person.
    pub words: String,
    /// A topic of the person's job, such as "Open Data".
    pub topic: String,
    /// Organisation kind code, such as `city`.
    pub kind: String,
    /// Federal state code, such as `NW`.
    pub region: String,
    /// ISO week, such as `2027-W07`.
    pub week: String,
    /// Where the page starts, as handed out with the previous page; empty for the first.
    pub after: String,
}

impl SearchInput {
    pub fn parse(&self) -> Result<SearchFilter> {
        let mut errs = domain::error::Errors::default();
        let opt = |s: &str| if s.trim().is_empty() { None } else { Some(s.trim().to_owned()) };
        let words = errs.take(SearchWords::parse("q", &self.words)).flatten();
        let kind = opt(&self.kind).and_then(|k| errs.take(OrgKind::parse("kind", &k)));
        let region = opt(&self.region).and_then(|r| errs.take(Region::parse("region", &r)));
        let week = opt(&self.week).and_then(|w| errs.take(IsoWeek::parse("week", &w)));
        let topic = opt(&self.topic);
        if topic.as_ref().is_some_and(|t| t.chars().count() > Topic::MAX) {
            errs.push(domain::FieldError::new("topic", domain::Reason::TooLong { max: Topic::MAX }));
        }
        let after = opt(&self.after).and_then(|a| {
            errs.take(SearchCursor::parse(&a).ok_or(domain::FieldError::new("after", domain::Reason::UnknownChoice)))
        });
        errs.into_result()?;
        Ok(SearchFilter { words, topic, kind, region, week, after })
    }
}

/// One page of people open to a swap whom `me` may see as such, and where the next page
/// starts, if there is one.
pub async fn search(app: &App, me: &Account, filter: &SearchFilter) -> Result<(Vec<PersonCard>, Option<SearchCursor>)> {
    Ok(store::profiles::search(&app.db, me.id, me.org_id, filter).await?)
}

/// Why a search found nobody.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmptySearch {
    /// Others are open to a swap, but none matches the filters.
    NoMatch,
    /// Nobody else `me` may find is open to a swap yet.
    NobodyElseYet,
}

/// Why the search with `filter` found nobody, and whether `me` is open to a swap themselves
/// (others cannot find them otherwise).
pub async fn why_empty(app: &App, me: &Account, filter: &SearchFilter) -> Result<(EmptySearch, bool)> {
    let anyone = filter.narrows()
        && !store::profiles::search(&app.db, me.id, me.org_id, &SearchFilter::default()).await?.0.is_empty();
    let open = mine(app, me).await?.is_some_and(|p| p.open_to_swap);
    Ok((if anyone { EmptySearch::NoMatch } else { EmptySearch::NobodyElseYet }, open))
}

/// Another person as `me` may see them.
pub async fn person(app: &App, me: &Account, id: UserId) -> Result<PersonPage> {
    Ok(store::profiles::person(&app.db, me.id, me.org_id, id).await?)
}
