//! Stories of completed swaps ([`create`], [`update`], [`approve`], [`withdraw`]) and their
//! comments ([`comment`], [`moderate`], [`delete_comment`]): the rules are `domain::story`'s;
//! here every change becomes one transaction with its audit entry and the mails it causes.
//!
//! Who sees what: a published story everybody, its page, list and feed without signing in; a
//! draft only its members and the press contacts of the organisations involved (to everyone
//! else it does not exist); comments their author until the organisers approved them.

use crate::i18n::{Arg, arg, t};
use crate::{Account, App, Download, Error, Result};
use domain::access::OrgRole;
use domain::org::{OrgKind, Region};
use domain::story::{
    Approval, Capacity, CommentId, CommentState, Parties, Review, StoryDraft, StoryFields, StoryId, StoryState,
    ensure_pending,
};
use domain::swap::SwapState;
use domain::values::{CommentText, RejectReason, Topic};
use domain::{OrgId, SwapId, UserId};
use store::contacts::Contact;
use store::stories::{PhotoChange, StoryFilter};
use store::{AuditEntry, Effects, OutboxMail};

pub use store::stories::{NewPhoto, StoredComment as Comment, StoredStory as Story, StoryMember};

/// The most stories a list shows.
const LIST_LIMIT: i64 = 50;
/// The entries of the Atom feed.
const FEED_LIMIT: i64 = 20;
/// The most comments the moderation queue shows at once.
const QUEUE_LIMIT: i64 = 100;

/// The path of a story's page.
pub fn path(id: StoryId) -> String {
    format!("/stories/{id}")
}

fn parties(s: &Story) -> Parties {
    Parties { members: s.members.iter().map(|m| (m.user, m.org)).collect() }
}

fn review(s: &Story) -> Review {
    Review { state: s.state, version: s.version, approvals: s.approvals.clone() }
}

/// The story if `viewer` may see it: published ones everybody, drafts their parties; to anyone
/// else (and once withdrawn) it does not exist.
async fn visible(app: &App, viewer: Option<&Account>, id: StoryId) -> Result<Story> {
    let s = store::stories::get(&app.db, id).await?;
    let seen = match s.state {
        StoryState::Published => true,
        StoryState::Draft => viewer.is_some_and(|a| parties(&s).may_read_draft(&a.actor())),
        StoryState::Withdrawn => false,
    };
    if seen { Ok(s) } else { Err(Error::NotFound) }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// A party whose approval the current version still needs, in words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Missing {
    pub capacity: Capacity,
    /// "Karl Berger" or "Pressestelle: Stadt Musterstadt".
    pub label: String,
    /// For an organisation: whether it has a press contact who could approve (if not, its
    /// admins must name one first).
    pub has_press_contact: bool,
}

/// A story as `viewer` sees it.
#[derive(Debug, Clone)]
pub struct StoryView {
    pub story: Story,
    /// Who still has to approve the current version (drafts only).
    pub missing: Vec<Missing>,
    /// The capacity in which the viewer approves now, if they still have to.
    pub may_approve: Option<Capacity>,
    pub may_edit: bool,
    /// Whether the viewer was part of the swap (their page links back to it).
    pub is_member: bool,
    pub may_withdraw: bool,
    /// Approved comments, and the viewer's own waiting or rejected ones.
    pub comments: Vec<Comment>,
    pub may_comment: bool,
}

pub async fn view(app: &App, viewer: Option<&Account>, id: StoryId) -> Result<StoryView> {
    let story = visible(app, viewer, id).await?;
    let p = parties(&story);
    let r = review(&story);
    let actor = viewer.map(Account::actor);
    let mut missing = Vec::new();
    if story.state == StoryState::Draft {
        let press = store::contacts::role_holders_in(&app.db, &p.orgs(), &[OrgRole::Press.code().to_owned()]).await?;
        for c in r.missing(&p) {
            let (label, has_press_contact) = match c {
                Capacity::Member(u) => (story.members.iter().find(|m| m.user == u).map(|m| m.name.clone()), true),
                Capacity::Press(org) => {
                    let name = story.members.iter().find(|m| m.org == org).map(|m| m.org_name.clone());
                    let lang = viewer.map(|v| v.locale).unwrap_or_default();
                    let has = press.iter().any(|(o, _, contact)| *o == org && !p.is_member(contact.id));
                    (name.map(|n| format!("{}: {n}", t(lang, "story-press-contact"))), has)
                }
            };
            missing.push(Missing { capacity: c, label: label.unwrap_or_default(), has_press_contact });
        }
    }
    let may_approve = actor.as_ref().and_then(|a| p.capacity(a)).filter(|c| missing.iter().any(|m| m.capacity == *c));
    let published = story.state == StoryState::Published;
    Ok(StoryView {
        missing,
        may_approve: may_approve.filter(|_| story.state == StoryState::Draft),
        may_edit: story.state == StoryState::Draft && viewer.is_some_and(|a| p.is_member(a.id)),
        is_member: viewer.is_some_and(|a| p.is_member(a.id)),
        may_withdraw: actor.as_ref().is_some_and(|a| p.may_withdraw(a)),
        comments: if published {
            store::stories::comments_of(&app.db, id, viewer.map(|a| a.id)).await?
        } else {
            vec![]
        },
        may_comment: published && viewer.is_some_and(|a| a.verified),
        story,
    })
}

/// What the public list is narrowed to, as typed (each empty: all).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ListFields {
    pub region: String,
    pub kind: String,
    pub topic: String,
}

/// The published stories, with the topics they are filed under (for the filter).
#[derive(Debug, Clone)]
pub struct StoryList {
    pub stories: Vec<Story>,
    pub topics: Vec<(String, String)>,
}

/// The published stories narrowed by `fields`; a filter value that means nothing is refused.
pub async fn list(app: &App, fields: &ListFields) -> Result<StoryList> {
    let mut errs = domain::error::Errors::default();
    let pick = |raw: &str| (!raw.trim().is_empty()).then(|| raw.trim().to_owned());
    let region = pick(&fields.region).and_then(|r| errs.take(Region::parse("region", &r)).map(|r| r.code().to_owned()));
    let kind = pick(&fields.kind).and_then(|k| errs.take(OrgKind::parse("kind", &k)).map(|k| k.code().to_owned()));
    let topic = pick(&fields.topic).and_then(|t| errs.take(Topic::parse("topic", &t)).map(|t| t.normalised()));
    errs.into_result()?;
    let filter = StoryFilter { region, kind, topic };
    Ok(StoryList {
        stories: store::stories::published(&app.db, &filter, LIST_LIMIT).await?,
        topics: store::stories::published_topics(&app.db).await?,
    })
}

/// The latest published stories, for the feed.
pub async fn feed(app: &App) -> Result<Vec<Story>> {
    Ok(store::stories::published(&app.db, &StoryFilter::default(), FEED_LIMIT).await?)
}

/// The stories that concern `me` and are not withdrawn: theirs, and as a press contact their
/// organisation's; drafts first.
pub async fn mine(app: &App, me: &Account) -> Result<Vec<Story>> {
    let press_for = me.org_id.filter(|_| me.roles.contains(&OrgRole::Press));
    Ok(store::stories::of_party(&app.db, me.id, press_for, LIST_LIMIT).await?)
}

/// The drafts that wait for `me`'s approval (the start page's task).
pub async fn awaiting(app: &App, me: &Account) -> Result<Vec<Story>> {
    let actor = me.actor();
    Ok(mine(app, me)
        .await?
        .into_iter()
        .filter(|s| {
            s.state == StoryState::Draft
                && parties(s).capacity(&actor).is_some_and(|c| review(s).missing(&parties(s)).contains(&c))
        })
        .collect())
}

/// The photo of a story `viewer` may see.
pub async fn photo(app: &App, viewer: Option<&Account>, id: StoryId) -> Result<Download> {
    let s = visible(app, viewer, id).await?;
    let (content_type, bytes) = store::stories::photo(&app.db, s.id).await?;
    let (media_type, ext) = if content_type == "image/png" { ("image/png", "png") } else { ("image/jpeg", "jpg") };
    Ok(Download { name: format!("jobtausch-geschichte-{id}.{ext}"), media_type, bytes })
}

// ---------------------------------------------------------------------------------------------
// Drafting, approving, withdrawing

/// What the form for a new story needs: the swap's members (who may be quoted).
#[derive(Debug, Clone)]
pub struct NewStory {
    pub swap: SwapId,
    pub members: Vec<(UserId, String)>,
}

/// The swap `me` may tell the story of: completed, theirs, without a story yet.
pub async fn new_story(app: &App, me: &Account, swap: SwapId) -> Result<NewStory> {
    let s = store::swaps::get(&app.db, swap).await?;
    if !s.members.iter().any(|m| m.user == me.id) {
        return Err(Error::NotFound);
    }
    if !matches!(s.state, SwapState::Completed | SwapState::Evaluated) {
        return Err(Error::Conflict("story-swap-not-completed"));
    }
    if store::stories::of_swap(&app.db, swap).await?.is_some() {
        return Err(Error::Conflict("story-exists"));
    }
    let ids: Vec<UserId> = s.members.iter().map(|m| m.user).collect();
    let contacts = store::contacts::of(&app.db, &ids).await?;
    Ok(NewStory { swap, members: contacts.into_iter().map(|c| (c.id, c.name)).collect() })
}

/// For a member of a swap after its week: its story (`Some(Some(id))`) or none told yet
/// (`Some(None)`); `None` when there is nothing to tell (yet) or `me` is not a member.
pub async fn told(app: &App, me: &Account, swap: &domain::swap::Swap) -> Result<Option<Option<StoryId>>> {
    if !matches!(swap.state, SwapState::Completed | SwapState::Evaluated)
        || !swap.members.iter().any(|m| m.user == me.id)
    {
        return Ok(None);
    }
    Ok(Some(store::stories::of_swap(&app.db, swap.id).await?))
}

/// A photo sent with a story, cleaned of its metadata, or why the photo field refuses it.
pub fn checked_photo(raw: &[u8]) -> std::result::Result<NewPhoto, domain::FieldError> {
    use domain::error::{FieldError, Reason};
    let clean = documents::photo::clean(raw).map_err(|e| {
        let reason = match e {
            documents::photo::PhotoError::TooLarge => Reason::TooLong { max: documents::photo::MAX_BYTES },
            documents::photo::PhotoError::NotAPhoto => Reason::NotAPhoto,
            documents::photo::PhotoError::TooManyPixels => Reason::TooLong { max: documents::photo::MAX_SIDE },
        };
        FieldError::new("photo", reason)
    })?;
    Ok(NewPhoto {
        content_type: clean.content_type.to_owned(),
        bytes: clean.bytes,
        width: clean.width as i64,
        height: clean.height as i64,
    })
}

/// Drafts the story of a completed swap; the author approves it by writing it, and everyone
/// else it needs hears of it.
pub async fn create(
    app: &App,
    me: &Account,
    swap: SwapId,
    fields: &StoryFields,
    photo: Option<NewPhoto>,
) -> Result<StoryId> {
    let form = new_story(app, me, swap).await?;
    let s = store::swaps::get(&app.db, swap).await?;
    let p = Parties { members: s.members.iter().map(|m| (m.user, m.org)).collect() };
    Review::drafted(&p, &me.actor())?;
    let members: Vec<UserId> = form.members.iter().map(|(u, _)| *u).collect();
    let draft = StoryDraft::parse(fields, &members, photo.is_some())?;
    let id = StoryId::new();
    let effects = Effects::audit(AuditEntry::new(Some(me.id), "story.drafted", "story", id))
        .with_mails(ask_mails(app, &p, me, id, &draft.title.to_string(), 1).await?);
    let change = photo.map_or(PhotoChange::Keep, PhotoChange::Replace);
    store::stories::create(&app.db, id, swap, me.id, &draft, &change, store::now(), &effects).await.map_err(
        |e| match e {
            store::StoreError::Taken(_) => Error::Conflict("story-exists"),
            e => e.into(),
        },
    )?;
    Ok(id)
}

/// What a change does to the photo, as the form says it.
#[derive(Debug, Clone)]
pub enum PhotoEdit {
    Keep,
    Replace(NewPhoto),
    Remove,
}

/// A member changes the draft seen at version `seen`: everyone else is asked again.
pub async fn update(
    app: &App,
    me: &Account,
    id: StoryId,
    seen: i64,
    fields: &StoryFields,
    photo: PhotoEdit,
) -> Result<()> {
    let s = visible(app, Some(me), id).await?;
    let p = parties(&s);
    review(&s).edit(&p, &me.actor(), seen)?;
    let has_photo = match &photo {
        PhotoEdit::Keep => s.photo.is_some(),
        PhotoEdit::Replace(_) => true,
        PhotoEdit::Remove => false,
    };
    let members: Vec<UserId> = s.members.iter().map(|m| m.user).collect();
    let draft = StoryDraft::parse(fields, &members, has_photo)?;
    let effects =
        Effects::audit(AuditEntry::new(Some(me.id), "story.changed", "story", id).detail(format!("v{}", seen + 1)))
            .with_mails(ask_mails(app, &p, me, id, &draft.title.to_string(), seen + 1).await?);
    let change = match photo {
        PhotoEdit::Keep => PhotoChange::Keep,
        PhotoEdit::Replace(p) => PhotoChange::Replace(p),
        PhotoEdit::Remove => PhotoChange::Remove,
    };
    store::stories::update(&app.db, id, seen, me.id, &draft, &change, store::now(), &effects).await.map_err(conflict)
}

fn conflict(e: store::StoreError) -> Error {
    match e {
        store::StoreError::Conflict => Error::Conflict("story-changed"),
        e => e.into(),
    }
}

/// The mails asking everyone but `by` to approve version `version`; an organisation without a
/// press contact (other than its members) asks its admins to name one.
async fn ask_mails(
    app: &App,
    p: &Parties,
    by: &Account,
    id: StoryId,
    title: &str,
    version: i64,
) -> Result<Vec<OutboxMail>> {
    let link = app.config.link(&path(id));
    let args = |to: &Contact| {
        vec![("name", arg(&to.name)), ("by", arg(&by.display_name)), ("title", arg(title)), ("link", arg(&link))]
    };
    let mut mails = Vec::new();
    let others: Vec<UserId> = p.members.iter().map(|(u, _)| *u).filter(|u| *u != by.id).collect();
    let kind = if version == 1 { "story-drafted" } else { "story-changed" };
    for c in store::contacts::of(&app.db, &others).await? {
        mails.push(crate::notify::event(kind, &c, &args(&c), None));
    }
    let roles = [OrgRole::Press.code().to_owned(), OrgRole::OrgAdmin.code().to_owned()];
    let holders = store::contacts::role_holders_in(&app.db, &p.orgs(), &roles).await?;
    for org in p.orgs() {
        let press: Vec<&Contact> = holders
            .iter()
            .filter(|(o, role, c)| *o == org && role == OrgRole::Press.code() && !p.is_member(c.id))
            .map(|(_, _, c)| c)
            .collect();
        if press.is_empty() {
            for (_, _, admin) in holders.iter().filter(|(o, role, _)| *o == org && role == OrgRole::OrgAdmin.code()) {
                mails.push(crate::notify::event("story-no-press", admin, &args(admin), None));
            }
        } else {
            for c in press {
                mails.push(crate::notify::event(kind, c, &args(c), None));
            }
        }
    }
    Ok(mails)
}

/// Everyone a story concerns: its members and the press contacts of its organisations.
async fn everyone(app: &App, s: &Story) -> Result<Vec<Contact>> {
    let p = parties(s);
    let members: Vec<UserId> = s.members.iter().map(|m| m.user).collect();
    let mut all = store::contacts::of(&app.db, &members).await?;
    for (_, _, c) in store::contacts::role_holders_in(&app.db, &p.orgs(), &[OrgRole::Press.code().to_owned()]).await? {
        if !all.iter().any(|a| a.id == c.id) {
            all.push(c);
        }
    }
    Ok(all)
}

/// `me` approves the version they saw; the last approval publishes the story, and everyone
/// it concerns hears of it. Returns whether it was published.
pub async fn approve(app: &App, me: &Account, id: StoryId, seen: i64) -> Result<bool> {
    let s = visible(app, Some(me), id).await?;
    let p = parties(&s);
    let mut r = review(&s);
    r.approve(&p, &me.actor(), seen)?;
    let approval: Approval = r.approvals.last().cloned().ok_or(Error::Internal)?;
    let link = app.config.link(&path(id));
    let people = everyone(app, &s).await?;
    let audit = AuditEntry::new(Some(me.id), "story.approved", "story", id).detail(format!("v{seen}"));
    store::stories::approve(&app.db, id, &approval, store::now(), |all| {
        let check = Review { state: StoryState::Draft, version: seen, approvals: all.to_vec() };
        let publish = check.missing(&p).is_empty();
        let mut fx = Effects::audit(audit);
        if publish {
            fx.audit.push(AuditEntry::new(Some(me.id), "story.published", "story", id));
            for c in &people {
                let args: [(&str, Arg); 3] = [("name", arg(&c.name)), ("title", arg(&s.title)), ("link", arg(&link))];
                fx.mails.push(crate::notify::event("story-published", c, &args, None));
            }
        }
        (publish, fx)
    })
    .await
    .map_err(conflict)
}

/// Withdraws a story for good (any member, or a press contact or admin of an organisation
/// involved); everyone it concerns hears of it.
pub async fn withdraw(app: &App, me: &Account, id: StoryId) -> Result<()> {
    let s = store::stories::get(&app.db, id).await?;
    let p = parties(&s);
    // Someone who cannot see a draft learns nothing of it, not even that it exists.
    if s.state == StoryState::Draft && !p.may_read_draft(&me.actor()) && !p.may_withdraw(&me.actor()) {
        return Err(Error::NotFound);
    }
    review(&s).withdraw(&p, &me.actor())?;
    let mut fx = Effects::audit(AuditEntry::new(Some(me.id), "story.withdrawn", "story", id));
    for c in everyone(app, &s).await?.iter().filter(|c| c.id != me.id) {
        let args: [(&str, Arg); 3] = [("name", arg(&c.name)), ("title", arg(&s.title)), ("by", arg(&me.display_name))];
        fx.mails.push(crate::notify::event("story-withdrawn", c, &args, None));
    }
    store::stories::withdraw(&app.db, id, store::now(), &fx).await.map_err(|e| match e {
        store::StoreError::Conflict => Error::Conflict("story-withdrawn"),
        e => e.into(),
    })
}

// ---------------------------------------------------------------------------------------------
// Comments

/// A signed-in person comments on a published story; it waits for moderation.
pub async fn comment(app: &App, me: &Account, id: StoryId, text: &str) -> Result<CommentId> {
    if !me.verified {
        return Err(Error::Forbidden("not-verified"));
    }
    let s = visible(app, Some(me), id).await?;
    if s.state != StoryState::Published {
        return Err(Error::Conflict("story-not-published"));
    }
    let body = CommentText::parse("comment", text)?;
    let cid = CommentId::new();
    let fx = Effects::audit(AuditEntry::new(Some(me.id), "comment.written", "story", id).detail(cid.to_string()));
    store::stories::add_comment(&app.db, cid, id, me.id, body.as_str(), store::now(), &fx).await.map_err(
        |e| match e {
            store::StoreError::Conflict => Error::Conflict("story-not-published"),
            e => e.into(),
        },
    )?;
    Ok(cid)
}

/// The author deletes their own comment (any state).
pub async fn delete_comment(app: &App, me: &Account, id: CommentId) -> Result<StoryId> {
    let c = store::stories::comment(&app.db, id).await?;
    if c.author != me.id {
        return Err(Error::NotFound);
    }
    let fx =
        Effects::audit(AuditEntry::new(Some(me.id), "comment.deleted", "story", c.story_id).detail(id.to_string()));
    store::stories::delete_comment(&app.db, id, me.id, &fx).await?;
    Ok(c.story_id)
}

/// The comments waiting for moderation (organisers only).
pub async fn moderation_queue(app: &App, me: &Account) -> Result<Vec<Comment>> {
    me.actor().ensure_organiser()?;
    Ok(store::stories::pending_comments(&app.db, QUEUE_LIMIT).await?)
}

/// An organiser's decision on a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moderation {
    Approve,
    Reject { reason: String },
}

/// An organiser approves or rejects (with a reason its author receives) a waiting comment;
/// never their own.
pub async fn moderate(app: &App, me: &Account, id: CommentId, decision: &Moderation) -> Result<StoryId> {
    me.actor().ensure_organiser()?;
    let c = store::stories::comment(&app.db, id).await?;
    if c.author == me.id {
        return Err(Error::Forbidden("own-comment"));
    }
    ensure_pending(c.state)?;
    let (state, reason) = match decision {
        Moderation::Approve => (CommentState::Approved, None),
        Moderation::Reject { reason } => (CommentState::Rejected, Some(RejectReason::parse("reason", reason)?)),
    };
    let action = if state == CommentState::Approved { "comment.approved" } else { "comment.rejected" };
    let mut fx = Effects::audit(AuditEntry::new(Some(me.id), action, "story", c.story_id).detail(id.to_string()));
    if let Some(reason) = &reason {
        for to in store::contacts::of(&app.db, &[c.author]).await? {
            let args: [(&str, Arg); 4] = [
                ("name", arg(&to.name)),
                ("title", arg(&c.story_title)),
                ("reason", arg(reason.as_str())),
                ("link", arg(app.config.link(&path(c.story_id)))),
            ];
            fx.mails.push(crate::notify::event("comment-rejected", &to, &args, None));
        }
    }
    store::stories::decide_comment(&app.db, id, state, reason.as_ref().map(|r| r.as_str()), me.id, store::now(), &fx)
        .await
        .map_err(|e| match e {
            store::StoreError::Conflict => Error::Conflict("comment-decided"),
            e => e.into(),
        })?;
    Ok(c.story_id)
}

/// Published stories that name `org` among their swap's organisations: excerpts for its
/// report (published means every member and the organisation's press contact agreed).
pub async fn published_of(app: &App, org: OrgId) -> Result<Vec<Story>> {
    let all = store::stories::published(&app.db, &StoryFilter::default(), LIST_LIMIT).await?;
    Ok(all.into_iter().filter(|s| s.members.iter().any(|m| m.org == org)).collect())
}
