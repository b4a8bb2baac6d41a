//! The story of a completed swap, told with everyone's consent: a member drafts it (title, text,
//! topics, quotes of members, an optional photo that must say what it shows); it is published
//! only when every member and, for each organisation involved, one of its press contacts have
//! approved the same version ([`Review`]); a change asks everyone again; any member, press
//! contact or admin of an organisation involved withdraws it at any time, for good. Signed-in
//! people comment on published stories; comments wait for the organisers' moderation.
//!
//! Four eyes: a press contact approves for the organisation only stories they are not part of.

use crate::access::{Actor, OrgRole};
use crate::error::{DomainError, Errors, FieldError, Reason};
use crate::ids::{OrgId, UserId};
use crate::org::choice;
use crate::values::{AltText, QuoteText, StoryText, StoryTitle, Topic};
use serde::Serialize;

pub use crate::ids::{CommentId, StoryId};

choice! {
    /// Where a story stands: a `draft` seen by its parties only, `published` for everyone, or
    /// `withdrawn` (final; its contents are gone).
    StoryState {
        Draft = "draft",
        Published = "published",
        Withdrawn = "withdrawn",
    }
}

choice! {
    /// A comment waits (`pending`) until the organisers approve or reject it.
    CommentState {
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
    }
}

/// The most quotes a story holds.
pub const MAX_QUOTES: usize = 3;
/// The most topics a story is filed under.
pub const MAX_TOPICS: usize = 5;
/// The form fields of the quotes, in order: `quote1`, `quote1_speaker`, ...
pub const QUOTE_FIELDS: [(&str, &str); MAX_QUOTES] =
    [("quote1", "quote1_speaker"), ("quote2", "quote2_speaker"), ("quote3", "quote3_speaker")];

/// A quote as typed: the words and who said them (a member's id, or empty).
#[derive(Debug, Clone, Default)]
pub struct QuoteFields {
    pub text: String,
    pub speaker: String,
}

/// A story as typed (every field a string, as a form or a request sends it).
#[derive(Debug, Clone, Default)]
pub struct StoryFields {
    pub title: String,
    pub body: String,
    /// Comma-separated.
    pub topics: String,
    /// Empty rows are left out.
    pub quotes: Vec<QuoteFields>,
    /// What the photo shows; required when the story has one.
    pub photo_alt: String,
}

/// A member's words in a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub speaker: UserId,
    pub text: QuoteText,
}

/// A story's contents, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryDraft {
    pub title: StoryTitle,
    pub body: StoryText,
    pub topics: Vec<Topic>,
    pub quotes: Vec<Quote>,
    /// The photo's description; present exactly when the story has a photo.
    pub photo_alt: Option<AltText>,
}

impl StoryDraft {
    /// Parses a story whose quotes may name only `members`; `has_photo` says whether a photo
    /// comes with it (then its description is required).
    pub fn parse(f: &StoryFields, members: &[UserId], has_photo: bool) -> Result<Self, DomainError> {
        let mut errs = Errors::default();
        let title = errs.take(StoryTitle::parse("story_title", &f.title));
        let body = errs.take(StoryText::parse("story_body", &f.body));
        let topics = errs.take(Topic::parse_list("story_topics", &f.topics, MAX_TOPICS));
        if f.quotes.len() > MAX_QUOTES {
            errs.push(FieldError::new("quotes", Reason::TooMany { max: MAX_QUOTES }));
        }
        let mut quotes = Vec::new();
        for (q, (text_field, speaker_field)) in f.quotes.iter().zip(QUOTE_FIELDS) {
            if q.text.trim().is_empty() && q.speaker.trim().is_empty() {
                continue;
            }
            let text = errs.take(QuoteText::parse(text_field, &q.text));
            let speaker = match q.speaker.trim().parse::<UserId>() {
                Ok(u) if members.contains(&u) => Some(u),
                _ if q.speaker.trim().is_empty() => {
                    errs.push(FieldError::new(speaker_field, Reason::Required));
                    None
                }
                _ => {
                    errs.push(FieldError::new(speaker_field, Reason::UnknownChoice));
                    None
                }
            };
            if let (Some(text), Some(speaker)) = (text, speaker) {
                quotes.push(Quote { speaker, text });
            }
        }
        let photo_alt =
            if has_photo { errs.take(AltText::parse("photo_alt", &f.photo_alt)).map(Some) } else { Some(None) };
        match (title, body, topics, photo_alt) {
            (Some(title), Some(body), Some(topics), Some(photo_alt)) if errs.is_empty() => {
                Ok(Self { title, body, topics, quotes, photo_alt })
            }
            _ => Err(errs.into_error()),
        }
    }
}

/// Who a story concerns: the members of its swap with their organisations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parties {
    pub members: Vec<(UserId, OrgId)>,
}

/// In what capacity someone approves a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "as", content = "org", rename_all = "snake_case")]
pub enum Capacity {
    /// As a member of the swap, for themselves.
    Member(UserId),
    /// As a press contact, for their organisation.
    Press(OrgId),
}

impl Parties {
    /// The organisations involved, each once, in the members' order.
    pub fn orgs(&self) -> Vec<OrgId> {
        let mut orgs = Vec::new();
        for (_, org) in &self.members {
            if !orgs.contains(org) {
                orgs.push(*org);
            }
        }
        orgs
    }

    pub fn is_member(&self, user: UserId) -> bool {
        self.members.iter().any(|(u, _)| *u == user)
    }

    /// A press contact of an organisation involved who is not a member of the swap.
    fn press_for(&self, actor: &Actor) -> Option<OrgId> {
        actor
            .org_id
            .filter(|org| actor.has(OrgRole::Press) && self.orgs().contains(org) && !self.is_member(actor.user_id))
    }

    /// The capacity in which `actor` approves, if any: a member for themselves; a press
    /// contact of an organisation involved for it (never for a story they are part of).
    pub fn capacity(&self, actor: &Actor) -> Option<Capacity> {
        if self.is_member(actor.user_id) {
            Some(Capacity::Member(actor.user_id))
        } else {
            self.press_for(actor).map(Capacity::Press)
        }
    }

    /// Members and the organisations' press contacts see a draft; nobody else does.
    pub fn may_read_draft(&self, actor: &Actor) -> bool {
        self.capacity(actor).is_some()
    }

    /// Any member, and each organisation involved through its press contacts or admins, may
    /// withdraw the story.
    pub fn may_withdraw(&self, actor: &Actor) -> bool {
        self.is_member(actor.user_id)
            || actor.org_id.is_some_and(|org| {
                self.orgs().contains(&org) && (actor.has(OrgRole::Press) || actor.has(OrgRole::OrgAdmin))
            })
    }
}

/// One approval of one version of a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approval {
    pub user: UserId,
    pub capacity: Capacity,
    pub version: i64,
}

/// The state of a story's approval: which version is current and who approved which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub state: StoryState,
    /// Raised by every change of the contents; approvals count for the version they name.
    pub version: i64,
    pub approvals: Vec<Approval>,
}

impl Review {
    /// A new draft by `author`, a member, who approves what they wrote.
    pub fn drafted(parties: &Parties, author: &Actor) -> Result<Self, DomainError> {
        if !parties.is_member(author.user_id) {
            return Err(DomainError::Forbidden("story-members-only"));
        }
        let author = author.user_id;
        Ok(Self {
            state: StoryState::Draft,
            version: 1,
            approvals: vec![Approval { user: author, capacity: Capacity::Member(author), version: 1 }],
        })
    }

    /// The approvals the current version still needs.
    pub fn missing(&self, parties: &Parties) -> Vec<Capacity> {
        let have = |c: Capacity| self.approvals.iter().any(|a| a.version == self.version && a.capacity == c);
        let members = parties.members.iter().map(|(u, _)| Capacity::Member(*u));
        let orgs = parties.orgs().into_iter().map(Capacity::Press);
        members.chain(orgs).filter(|c| !have(*c)).collect()
    }

    /// A member changes the draft seen at `seen`: a new version, approved by its editor only.
    pub fn edit(&mut self, parties: &Parties, editor: &Actor, seen: i64) -> Result<(), DomainError> {
        if !parties.is_member(editor.user_id) {
            return Err(DomainError::Forbidden("story-members-only"));
        }
        self.ensure_draft()?;
        if seen != self.version {
            return Err(DomainError::Conflict("story-changed"));
        }
        self.version += 1;
        let user = editor.user_id;
        self.approvals.push(Approval { user, capacity: Capacity::Member(user), version: self.version });
        Ok(())
    }

    /// `actor` approves the version they saw (`seen`); the story is published when that was
    /// the last approval missing. Returns whether it was.
    pub fn approve(&mut self, parties: &Parties, actor: &Actor, seen: i64) -> Result<bool, DomainError> {
        let capacity = parties.capacity(actor).ok_or(DomainError::Forbidden("story-not-party"))?;
        self.ensure_draft()?;
        if seen != self.version {
            return Err(DomainError::Conflict("story-changed"));
        }
        if !self.missing(parties).contains(&capacity) {
            return Err(DomainError::Conflict("story-already-approved"));
        }
        self.approvals.push(Approval { user: actor.user_id, capacity, version: self.version });
        if self.missing(parties).is_empty() {
            self.state = StoryState::Published;
            return Ok(true);
        }
        Ok(false)
    }

    /// Withdraws the story, draft or published, for good.
    pub fn withdraw(&mut self, parties: &Parties, actor: &Actor) -> Result<(), DomainError> {
        if !parties.may_withdraw(actor) {
            return Err(DomainError::Forbidden("story-not-party"));
        }
        if self.state == StoryState::Withdrawn {
            return Err(DomainError::Conflict("story-withdrawn"));
        }
        self.state = StoryState::Withdrawn;
        Ok(())
    }

    fn ensure_draft(&self) -> Result<(), DomainError> {
        match self.state {
            StoryState::Draft => Ok(()),
            StoryState::Published => Err(DomainError::Conflict("story-published")),
            StoryState::Withdrawn => Err(DomainError::Conflict("story-withdrawn")),
        }
    }
}

/// The text without its formatting, cut to about `max` characters at a word: the list's and
/// the feed's excerpt.
pub fn excerpt(text: &str, max: usize) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut plain = String::new();
    for e in Parser::new(text) {
        match e {
            Event::Text(t) | Event::Code(t) => plain.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) if !plain.ends_with(' ') => plain.push(' '),
            _ => {}
        }
    }
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    if plain.chars().count() <= max {
        return plain;
    }
    let cut: String = plain.chars().take(max).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{at_word} …")
}

/// Whether a comment in `state` may be decided on by the organisers.
pub fn ensure_pending(state: CommentState) -> Result<(), DomainError> {
    if state == CommentState::Pending { Ok(()) } else { Err(DomainError::Conflict("comment-decided")) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use uuid::Uuid;

    fn user(n: u128) -> UserId {
        UserId(Uuid::from_u128(n))
    }
    fn org(n: u128) -> OrgId {
        OrgId(Uuid::from_u128(1000 + n))
    }

    /// People of up to three organisations: members, press contacts, admins and others.
    #[derive(Debug, Clone)]
    struct World {
        parties: Parties,
        people: Vec<Actor>,
    }

    fn world(members: usize) -> World {
        let parties = Parties { members: (0..members as u128).map(|i| (user(i), org(i % 3))).collect() };
        let mut people: Vec<Actor> = parties
            .members
            .iter()
            .map(|(u, o)| Actor { user_id: *u, org_id: Some(*o), roles: vec![OrgRole::Press], organiser: false })
            .collect();
        for o in 0..4u128 {
            for (k, roles) in
                [vec![OrgRole::Press], vec![OrgRole::Press], vec![OrgRole::OrgAdmin], vec![]].into_iter().enumerate()
            {
                people.push(Actor {
                    user_id: user(100 + o * 10 + k as u128),
                    org_id: Some(org(o)),
                    roles,
                    organiser: false,
                });
            }
        }
        people.push(Actor { user_id: user(999), org_id: None, roles: vec![], organiser: true });
        World { parties, people }
    }

    #[derive(Debug, Clone)]
    enum Step {
        Edit { who: usize, stale: bool },
        Approve { who: usize, stale: bool },
        Withdraw { who: usize },
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            2 => (0..30usize, proptest::bool::weighted(0.2)).prop_map(|(who, stale)| Step::Edit { who, stale }),
            8 => (0..30usize, proptest::bool::weighted(0.2)).prop_map(|(who, stale)| Step::Approve { who, stale }),
            1 => (0..30usize).prop_map(|who| Step::Withdraw { who }),
        ]
    }

    /// Whether everyone the story needs approved `version`, each for the right capacity.
    fn all_approved(p: &Parties, approvals: &[Approval], version: i64) -> bool {
        let of = |c: Capacity| approvals.iter().filter(|a| a.version == version && a.capacity == c).count() == 1;
        p.members.iter().all(|(u, _)| of(Capacity::Member(*u))) && p.orgs().into_iter().all(|o| of(Capacity::Press(o)))
    }

    proptest! {
        /// The rules hold after any sequence of edits, approvals (of the current or an older
        /// version) and withdrawals by anyone: published exactly when every member and one
        /// press contact per organisation approved the current version; a press approval is
        /// never a member's; a change leaves only its editor's approval on the new version;
        /// nothing happens to a withdrawn story; outsiders change nothing.
        #[test]
        fn publication_needs_everyone_on_the_same_version(
            members in 2..=4usize,
            author in 0..4usize,
            steps in proptest::collection::vec(step(), 0..40),
        ) {
            let w = world(members);
            let author = &w.people[author % members];
            let mut r = Review::drafted(&w.parties, author).unwrap();
            for s in steps {
                let before = r.clone();
                match s {
                    Step::Edit { who, stale } => {
                        let a = &w.people[who % w.people.len()];
                        let seen = if stale { r.version - 1 } else { r.version };
                        match r.edit(&w.parties, a, seen) {
                            Ok(()) => {
                                prop_assert!(w.parties.is_member(a.user_id));
                                prop_assert_eq!(before.state, StoryState::Draft);
                                prop_assert_eq!(r.version, before.version + 1);
                                let current: Vec<_> = r.approvals.iter().filter(|x| x.version == r.version).collect();
                                prop_assert_eq!(current.len(), 1);
                                prop_assert_eq!(current[0].user, a.user_id);
                                prop_assert_eq!(r.state, StoryState::Draft);
                            }
                            Err(_) => prop_assert_eq!(&r, &before),
                        }
                    }
                    Step::Approve { who, stale } => {
                        let a = &w.people[who % w.people.len()];
                        let seen = if stale { r.version - 1 } else { r.version };
                        match r.approve(&w.parties, a, seen) {
                            Ok(published) => {
                                prop_assert_eq!(before.state, StoryState::Draft);
                                prop_assert!(!stale);
                                let last = r.approvals.last().unwrap();
                                match last.capacity {
                                    Capacity::Member(u) => prop_assert_eq!(u, a.user_id),
                                    Capacity::Press(o) => {
                                        prop_assert!(a.has(OrgRole::Press) && a.org_id == Some(o));
                                        prop_assert!(!w.parties.is_member(a.user_id));
                                    }
                                }
                                prop_assert_eq!(published, r.state == StoryState::Published);
                            }
                            Err(_) => prop_assert_eq!(&r, &before),
                        }
                    }
                    Step::Withdraw { who } => {
                        let a = &w.people[who % w.people.len()];
                        match r.withdraw(&w.parties, a) {
                            Ok(()) => {
                                prop_assert!(before.state != StoryState::Withdrawn);
                                prop_assert!(w.parties.may_withdraw(a));
                            }
                            Err(_) => prop_assert_eq!(&r, &before),
                        }
                    }
                }
                let approved = all_approved(&w.parties, &r.approvals, r.version);
                match r.state {
                    StoryState::Draft => prop_assert!(!approved),
                    StoryState::Published => prop_assert!(approved),
                    StoryState::Withdrawn => {}
                }
                if before.state == StoryState::Withdrawn {
                    prop_assert_eq!(&r, &before);
                }
            }
        }
    }

    #[test]
    fn a_story_needs_its_members_and_one_press_contact_per_organisation() {
        let w = world(2);
        let (a, b) = (&w.people[0], &w.people[1]);
        let mut r = Review::drafted(&w.parties, a).unwrap();
        assert_eq!(
            r.missing(&w.parties),
            [Capacity::Member(b.user_id), Capacity::Press(org(0)), Capacity::Press(org(1))]
        );
        // A member who is a press contact approves as a member only.
        assert_eq!(r.approve(&w.parties, b, 1), Ok(false));
        assert_eq!(r.approve(&w.parties, b, 1), Err(DomainError::Conflict("story-already-approved")));
        let press0 = w
            .people
            .iter()
            .find(|p| p.org_id == Some(org(0)) && p.has(OrgRole::Press) && !w.parties.is_member(p.user_id))
            .unwrap();
        let press1 = w
            .people
            .iter()
            .find(|p| p.org_id == Some(org(1)) && p.has(OrgRole::Press) && !w.parties.is_member(p.user_id))
            .unwrap();
        assert_eq!(r.approve(&w.parties, press0, 1), Ok(false));
        // A change asks everyone again.
        r.edit(&w.parties, a, 1).unwrap();
        assert_eq!(r.approve(&w.parties, press1, 1), Err(DomainError::Conflict("story-changed")));
        assert_eq!(r.missing(&w.parties).len(), 3);
        for p in [b, press0] {
            assert_eq!(r.approve(&w.parties, p, 2), Ok(false));
        }
        assert_eq!(r.approve(&w.parties, press1, 2), Ok(true));
        assert_eq!(r.state, StoryState::Published);
        assert_eq!(r.edit(&w.parties, a, 2), Err(DomainError::Conflict("story-published")));
        let admin3 = w.people.iter().find(|p| p.org_id == Some(org(3)) && p.has(OrgRole::OrgAdmin)).unwrap();
        assert_eq!(r.withdraw(&w.parties, admin3), Err(DomainError::Forbidden("story-not-party")));
        let admin0 = w.people.iter().find(|p| p.org_id == Some(org(0)) && p.has(OrgRole::OrgAdmin)).unwrap();
        assert!(!w.parties.may_read_draft(admin0));
        r.withdraw(&w.parties, admin0).unwrap();
        assert_eq!(r.withdraw(&w.parties, a), Err(DomainError::Conflict("story-withdrawn")));
    }

    #[test]
    fn an_excerpt_is_the_text_without_its_formatting_cut_at_a_word() {
        let text = "Am **Montagmorgen** stand die Schlange bis vor die Tür.\n\n- [Bericht](https://x.example) lesen";
        assert_eq!(excerpt(text, 200), "Am Montagmorgen stand die Schlange bis vor die Tür. Bericht lesen");
        assert_eq!(excerpt(text, 20), "Am Montagmorgen …");
    }

    #[test]
    fn quotes_name_members_and_a_photo_says_what_it_shows() {
        let members = [user(1), user(2)];
        let fields = StoryFields {
            title: "Eine Woche im Verband".into(),
            body: "x".repeat(60),
            topics: "Digitalisierung, OZG".into(),
            quotes: vec![
                QuoteFields { text: "Ich habe viel gelernt.".into(), speaker: user(1).to_string() },
                QuoteFields::default(),
                QuoteFields { text: "Gern wieder!".into(), speaker: user(7).to_string() },
            ],
            photo_alt: String::new(),
        };
        let err = StoryDraft::parse(&fields, &members, true).unwrap_err();
        let refused: Vec<_> = err.fields().iter().map(|f| f.field).collect();
        assert_eq!(refused, ["quote3_speaker", "photo_alt"]);
        let ok =
            StoryDraft::parse(&StoryFields { quotes: fields.quotes[..2].to_vec(), ..fields.clone() }, &members, false)
                .unwrap();
        assert_eq!(ok.quotes.len(), 1);
        assert_eq!(ok.photo_alt, None);
        assert_eq!(ok.topics.len(), 2);
    }
}
