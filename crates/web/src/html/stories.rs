//! Stories of completed swaps: the public list with its filters and Atom feed, a story's page
//! (a draft with who still has to approve it, for its parties), the form with a photo, the
//! approval and withdrawal, the comments, and the organisers' moderation queue.

use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::{Empty, Field, FormErrors, Kind};
use super::page::{render, render_form};
use super::people::{kind_options, region_options};
use crate::error::{HttpError, HttpResult};
use crate::extract::{CsrfForm, CsrfMultipart, Id};
use app::App;
use app::i18n::{local_date, t};
use app::stories::{Comment, ListFields, Moderation, PhotoEdit, Story, StoryView};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::SwapId;
use domain::story::{Capacity, CommentId, QUOTE_FIELDS, QuoteFields, StoryFields, StoryId, StoryState, excerpt};
use domain::values::{AltText, Locale, QuoteText, StoryText, StoryTitle};
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/stories", get(list))
        .route("/stories/feed.atom", get(feed))
        .route("/stories/{id}", get(show))
        .route("/stories/{id}/photo", get(photo))
        .route("/stories/{id}/approve", post(approve))
        .route("/stories/{id}/withdraw", post(withdraw))
        .route("/stories/{id}/comments", post(comment))
        .route("/comments/{id}/delete", post(delete_comment))
        .route("/admin/comments", get(queue))
        .route("/admin/comments/{id}/approve", post(approve_comment))
        .route("/admin/comments/{id}/reject", post(reject_comment))
}

/// The forms that carry a photo, with a body limit of their own (larger than other forms').
pub fn upload_routes() -> Router<App> {
    Router::new()
        .route("/swaps/{id}/story", get(new_form).post(create))
        .route("/stories/{id}/edit", get(edit_form).post(edit))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(crate::error::UPLOAD_LIMIT))
}

// ---------------------------------------------------------------------------------------------
// The text with simple formatting

/// A story's text as HTML: paragraphs, emphasis, lists, quotes and links (http, https and
/// mailto only); raw HTML is shown as text, images as their description, headings start at
/// the third level (the page has the first two).
pub fn formatted(text: &str) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let safe_link = |url: &str| {
        let lower = url.trim().to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
    };
    let demote = |level: HeadingLevel| match level {
        HeadingLevel::H1 | HeadingLevel::H2 | HeadingLevel::H3 => HeadingLevel::H3,
        other => other,
    };
    let mut skipped_links = Vec::new();
    let events = Parser::new(text).filter_map(|e| match e {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::Heading { level, .. }) => {
            Some(Event::Start(Tag::Heading { level: demote(level), id: None, classes: vec![], attrs: vec![] }))
        }
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(demote(level)))),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let ok = safe_link(&dest_url);
            skipped_links.push(!ok);
            ok.then_some(Event::Start(Tag::Link { link_type, dest_url, title, id }))
        }
        Event::End(TagEnd::Link) => (!skipped_links.pop().unwrap_or(false)).then_some(Event::End(TagEnd::Link)),
        Event::Code(c) => Some(Event::Text(c)),
        Event::Start(Tag::CodeBlock(_)) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::CodeBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => None,
        other => Some(other),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

// ---------------------------------------------------------------------------------------------
// Reading

/// A story as lists show it.
struct StoryLine {
    id: StoryId,
    title: String,
    /// "Stadt Musterstadt und Verband kommunaler IT-Dienstleister".
    orgs: String,
    /// "19.01.2027" (published) or the state of a draft.
    date: String,
    excerpt: String,
    topics: String,
    /// The state in words, for the viewer's own list.
    state: String,
}

fn orgs_of(lang: Locale, s: &Story) -> String {
    let mut names: Vec<String> = Vec::new();
    for m in &s.members {
        if !names.contains(&m.org_name) {
            names.push(m.org_name.clone());
        }
    }
    app::i18n::list(lang, &names)
}

fn line(lang: Locale, s: &Story) -> StoryLine {
    StoryLine {
        id: s.id,
        title: s.title.clone(),
        orgs: orgs_of(lang, s),
        date: s.published_at.map(local_date).unwrap_or_default(),
        excerpt: excerpt(&s.body, 240),
        topics: s.topics.join(", "),
        state: t(lang, &format!("story-state-{}", s.state.code())),
    }
}

#[derive(Template)]
#[template(path = "stories.html")]
struct ListPage {
    ctx: Ctx,
    stories: Vec<StoryLine>,
    mine: Vec<StoryLine>,
    filters: Vec<Field>,
    filtered: bool,
    errors: FormErrors,
}

async fn list(State(app): State<App>, ctx: Ctx, Query(q): Query<ListFields>) -> HttpResult<Response> {
    let l = ctx.lang;
    let (found, errors) = match app::stories::list(&app, &q).await {
        Ok(found) => (found, FormErrors::default()),
        Err(app::Error::Invalid(errs)) => {
            (app::stories::list(&app, &ListFields::default()).await?, FormErrors::new(l, &errs))
        }
        Err(e) => return Err(e.into()),
    };
    let mut topics = vec![(String::new(), ctx.t("any"))];
    topics.extend(found.topics.iter().map(|(norm, shown)| (norm.clone(), shown.clone())));
    let filters = vec![
        Field::new(l, &errors, "region", Kind::Select, &q.region).options(region_options(l, true)),
        Field::new(l, &errors, "kind", Kind::Select, &q.kind).options(kind_options(l, true)),
        Field::new(l, &errors, "topic", Kind::Select, q.topic.trim().to_lowercase()).options(topics),
    ];
    let mine = match &ctx.user {
        Some(me) => app::stories::mine(&app, me).await?.iter().map(|s| line(l, s)).collect(),
        None => Vec::new(),
    };
    let filtered = errors.is_empty() && [&q.region, &q.kind, &q.topic].iter().any(|v| !v.trim().is_empty());
    let stories = found.stories.iter().map(|s| line(l, s)).collect();
    let failed = !errors.is_empty();
    Ok(render_form(&ListPage { ctx, stories, mine, filters, filtered, errors }, failed))
}

/// Someone who still has to approve, in words.
struct Pending {
    label: String,
    /// Said of an organisation that has no press contact yet.
    note: Option<String>,
}

/// A comment as the page shows it.
struct CommentLine {
    id: CommentId,
    author: String,
    date: String,
    body: String,
    own: bool,
    /// "wartet auf Freigabe" or "abgelehnt: …" for the author's own.
    status: Option<String>,
}

#[derive(Template)]
#[template(path = "story.html")]
struct StoryPage {
    ctx: Ctx,
    view: StoryView,
    body_html: String,
    people: String,
    date: String,
    pending: Vec<Pending>,
    approved_by: String,
    comments: Vec<CommentLine>,
    errors: FormErrors,
    comment_text: String,
}

impl StoryPage {
    fn is_draft(&self) -> bool {
        self.view.story.state == StoryState::Draft
    }

    fn approve_as(&self) -> Option<String> {
        self.view.may_approve.map(|c| match c {
            Capacity::Member(_) => self.ctx.t("story-approve-member"),
            Capacity::Press(org) => {
                let name = self.view.story.members.iter().find(|m| m.org == org).map(|m| m.org_name.as_str());
                self.ctx.ta("story-approve-press", "org", name.unwrap_or_default())
            }
        })
    }
}

fn comment_line(lang: Locale, me: Option<&app::Account>, c: &Comment) -> CommentLine {
    let own = me.is_some_and(|m| m.id == c.author);
    let status = match c.state {
        domain::story::CommentState::Approved => None,
        domain::story::CommentState::Pending => Some(t(lang, "comment-pending")),
        domain::story::CommentState::Rejected => Some(app::i18n::t_args(
            lang,
            "comment-rejected",
            &[("reason", app::i18n::arg(c.reason.as_deref().unwrap_or_default()))],
        )),
    };
    CommentLine {
        id: c.id,
        author: match &c.author_org {
            Some(org) => format!("{}, {org}", c.author_name),
            None => c.author_name.clone(),
        },
        date: local_date(c.created_at),
        body: c.body.clone(),
        own,
        status,
    }
}

async fn story_page(
    app: &App,
    ctx: Ctx,
    id: StoryId,
    errors: FormErrors,
    comment_text: String,
) -> HttpResult<Response> {
    let view = app::stories::view(app, ctx.user.as_ref(), id).await?;
    let l = ctx.lang;
    let s = &view.story;
    let pending = view
        .missing
        .iter()
        .map(|m| Pending {
            label: m.label.clone(),
            note: (!m.has_press_contact).then(|| t(l, "story-no-press-contact")),
        })
        .collect();
    let approved_by = {
        let names: Vec<String> = s
            .approvals
            .iter()
            .filter(|a| a.version == s.version)
            .filter_map(|a| match a.capacity {
                Capacity::Member(u) => s.members.iter().find(|m| m.user == u).map(|m| m.name.clone()),
                Capacity::Press(org) => s
                    .members
                    .iter()
                    .find(|m| m.org == org)
                    .map(|m| format!("{}: {}", t(l, "story-press-contact"), m.org_name)),
            })
            .collect();
        app::i18n::list(l, &names)
    };
    let people = {
        let names: Vec<String> = s.members.iter().map(|m| format!("{} ({})", m.name, m.org_name)).collect();
        app::i18n::list(l, &names)
    };
    let comments = view.comments.iter().map(|c| comment_line(l, ctx.user.as_ref(), c)).collect();
    let failed = !errors.is_empty();
    let page = StoryPage {
        body_html: formatted(&s.body),
        people,
        date: s.published_at.map(local_date).unwrap_or_default(),
        pending,
        approved_by,
        comments,
        errors,
        comment_text,
        view,
        ctx,
    };
    Ok(if failed { render_form(&page, true) } else { render(&page) })
}

async fn show(State(app): State<App>, ctx: Ctx, Id(id): Id<StoryId>) -> HttpResult<Response> {
    story_page(&app, ctx, id, FormErrors::default(), String::new()).await
}

async fn photo(State(app): State<App>, ctx: Ctx, Id(id): Id<StoryId>) -> HttpResult<Response> {
    let file = app::stories::photo(&app, ctx.user.as_ref(), id).await?;
    // A draft's photo is nobody else's business: no shared cache keeps it.
    let cache = if ctx.user.is_some() { "private, max-age=300" } else { "public, max-age=3600" };
    Ok(([(header::CONTENT_TYPE, file.media_type), (header::CACHE_CONTROL, cache)], file.bytes).into_response())
}

// ---------------------------------------------------------------------------------------------
// The form

/// The form as sent (or filled from the story).
#[derive(Debug, Clone, Default)]
struct StoryForm {
    title: String,
    body: String,
    topics: String,
    photo_alt: String,
    quotes: Vec<QuoteFields>,
    remove_photo: bool,
    version: i64,
}

impl StoryForm {
    fn from_multipart(m: &CsrfMultipart) -> Self {
        StoryForm {
            title: m.text("story_title"),
            body: m.text("story_body"),
            topics: m.text("story_topics"),
            photo_alt: m.text("photo_alt"),
            quotes: QUOTE_FIELDS
                .iter()
                .map(|(text, speaker)| QuoteFields { text: m.text(text), speaker: m.text(speaker) })
                .collect(),
            remove_photo: m.text("remove_photo") == "on",
            version: m.text("version").trim().parse().unwrap_or(0),
        }
    }

    fn of(s: &Story) -> Self {
        let mut quotes: Vec<QuoteFields> =
            s.quotes.iter().map(|q| QuoteFields { text: q.text.clone(), speaker: q.speaker.to_string() }).collect();
        quotes.resize(QUOTE_FIELDS.len(), QuoteFields::default());
        StoryForm {
            title: s.title.clone(),
            body: s.body.clone(),
            topics: s.topics.join(", "),
            photo_alt: s.photo.as_ref().map(|p| p.alt.clone()).unwrap_or_default(),
            quotes,
            remove_photo: false,
            version: s.version,
        }
    }

    fn fields(&self) -> StoryFields {
        StoryFields {
            title: self.title.clone(),
            body: self.body.clone(),
            topics: self.topics.clone(),
            quotes: self.quotes.clone(),
            photo_alt: self.photo_alt.clone(),
        }
    }
}

/// One quote's two fields.
struct QuoteRow {
    number: usize,
    text: Field,
    speaker: Field,
}

#[derive(Template)]
#[template(path = "story_form.html")]
struct FormPage {
    ctx: Ctx,
    title: String,
    action: String,
    back: String,
    version: Option<i64>,
    errors: FormErrors,
    fields: Vec<Field>,
    photo_alt: Field,
    photo_error: Option<String>,
    /// The photo the story has now (editing), as its address.
    current_photo: Option<(String, String)>,
    quotes: Vec<QuoteRow>,
}

fn form_page(
    ctx: Ctx,
    members: &[(domain::UserId, String)],
    editing: Option<&Story>,
    swap: SwapId,
    f: &StoryForm,
    errors: FormErrors,
) -> Response {
    let l = ctx.lang;
    let field = |name: &'static str, kind: Kind, value: &str| Field::new(l, &errors, name, kind, value);
    let speakers: Vec<(String, String)> = std::iter::once((String::new(), t(l, "story-quote-nobody")))
        .chain(members.iter().map(|(u, name)| (u.to_string(), name.clone())))
        .collect();
    let quotes = QUOTE_FIELDS
        .iter()
        .enumerate()
        .map(|(i, (text, speaker))| {
            let q = f.quotes.get(i).cloned().unwrap_or_default();
            QuoteRow {
                number: i + 1,
                text: field(text, Kind::TextArea, &q.text).max_len(QuoteText::MAX),
                speaker: field(speaker, Kind::Select, &q.speaker).options(speakers.clone()),
            }
        })
        .collect();
    let fields = vec![
        field("story_title", Kind::Text, &f.title).required().max_len(StoryTitle::MAX),
        field("story_body", Kind::TextArea, &f.body).required().max_len(StoryText::MAX),
        field("story_topics", Kind::Text, &f.topics),
    ];
    let photo_alt = field("photo_alt", Kind::Text, &f.photo_alt).max_len(AltText::MAX);
    let photo_error = errors.get("photo");
    let failed = !errors.is_empty();
    let (title, action, back, version, current_photo) = match editing {
        Some(s) => (
            t(l, "story-edit-title"),
            format!("/stories/{}/edit", s.id),
            app::stories::path(s.id),
            Some(f.version),
            s.photo.as_ref().map(|p| (format!("/stories/{}/photo", s.id), p.alt.clone())),
        ),
        None => (t(l, "story-new-title"), format!("/swaps/{swap}/story"), format!("/swaps/{swap}"), None, None),
    };
    render_form(
        &FormPage { ctx, title, action, back, version, errors, fields, photo_alt, photo_error, current_photo, quotes },
        failed,
    )
}

async fn new_form(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(swap): Id<SwapId>) -> HttpResult<Response> {
    let n = app::stories::new_story(&app, &me, swap).await?;
    let f = StoryForm { quotes: vec![QuoteFields::default(); QUOTE_FIELDS.len()], ..Default::default() };
    Ok(form_page(ctx, &n.members, None, swap, &f, FormErrors::default()))
}

/// The photo of a form, checked and without its metadata; a refusal joins the form's other
/// mistakes.
fn sent_photo(m: &CsrfMultipart) -> (Option<app::stories::NewPhoto>, Vec<domain::FieldError>) {
    match m.file("photo").map(app::stories::checked_photo) {
        None => (None, vec![]),
        Some(Ok(p)) => (Some(p), vec![]),
        Some(Err(refused)) => (None, vec![refused]),
    }
}

/// Adds the text's mistakes to a refused photo's, so that the form says all of them at once.
fn text_mistakes(errs: &mut Vec<domain::FieldError>, f: &StoryForm, members: &[domain::UserId]) {
    if errs.iter().any(|e| e.field == "photo")
        && let Err(domain::DomainError::Invalid(more)) = domain::story::StoryDraft::parse(&f.fields(), members, false)
    {
        errs.extend(more);
    }
}

async fn create(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(swap): Id<SwapId>,
    m: CsrfMultipart,
) -> HttpResult<Response> {
    let f = StoryForm::from_multipart(&m);
    let n = app::stories::new_story(&app, &me, swap).await?;
    let (photo, photo_errs) = sent_photo(&m);
    let result = if photo_errs.is_empty() {
        app::stories::create(&app, &me, swap, &f.fields(), photo).await
    } else {
        Err(app::Error::Invalid(photo_errs))
    };
    match result {
        Ok(id) => Ok(flash::redirect(&app, jar, "flash-story-drafted", &app::stories::path(id))),
        Err(app::Error::Invalid(mut errs)) => {
            let members: Vec<_> = n.members.iter().map(|(u, _)| *u).collect();
            text_mistakes(&mut errs, &f, &members);
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(form_page(ctx, &n.members, None, swap, &f, errors))
        }
        Err(e) => Err(HttpError::App(e)),
    }
}

async fn edit_form(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<StoryId>) -> HttpResult<Response> {
    let view = app::stories::view(&app, Some(&me), id).await?;
    if !view.may_edit {
        return Err(app::Error::Forbidden("story-members-only").into());
    }
    let s = &view.story;
    let members: Vec<_> = s.members.iter().map(|m| (m.user, m.name.clone())).collect();
    Ok(form_page(ctx, &members, Some(s), s.swap_id, &StoryForm::of(s), FormErrors::default()))
}

async fn edit(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<StoryId>,
    m: CsrfMultipart,
) -> HttpResult<Response> {
    let f = StoryForm::from_multipart(&m);
    let (photo, photo_errs) = sent_photo(&m);
    let change = match photo {
        Some(p) => PhotoEdit::Replace(p),
        None if f.remove_photo => PhotoEdit::Remove,
        None => PhotoEdit::Keep,
    };
    let result = if photo_errs.is_empty() {
        app::stories::update(&app, &me, id, f.version, &f.fields(), change).await
    } else {
        Err(app::Error::Invalid(photo_errs))
    };
    match result {
        Ok(()) => Ok(flash::redirect(&app, jar, "flash-story-changed", &app::stories::path(id))),
        Err(app::Error::Invalid(mut errs)) => {
            let view = app::stories::view(&app, Some(&me), id).await?;
            let s = &view.story;
            let members: Vec<_> = s.members.iter().map(|m| (m.user, m.name.clone())).collect();
            text_mistakes(&mut errs, &f, &s.members.iter().map(|m| m.user).collect::<Vec<_>>());
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(form_page(ctx, &members, Some(s), s.swap_id, &f, errors))
        }
        Err(e) => Err(HttpError::App(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// Approving, withdrawing, commenting

#[derive(Deserialize, Default)]
#[serde(default)]
struct VersionForm {
    version: i64,
}

async fn approve(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<StoryId>,
    CsrfForm(f): CsrfForm<VersionForm>,
) -> HttpResult<Response> {
    let published = app::stories::approve(&app, &me, id, f.version).await?;
    let key = if published { "flash-story-published" } else { "flash-story-approved" };
    Ok(flash::redirect(&app, jar, key, &app::stories::path(id)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WithdrawForm {
    #[serde(deserialize_with = "super::forms::checkbox")]
    confirm: bool,
}

async fn withdraw(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<StoryId>,
    CsrfForm(f): CsrfForm<WithdrawForm>,
) -> HttpResult<Response> {
    if !f.confirm {
        let errs = [domain::FieldError::new("confirm", domain::Reason::MustAccept)];
        return story_page(&app, ctx.clone(), id, FormErrors::new(ctx.lang, &errs), String::new()).await;
    }
    app::stories::withdraw(&app, &me, id).await?;
    Ok(flash::redirect(&app, jar, "flash-story-withdrawn", "/stories"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CommentForm {
    comment: String,
}

async fn comment(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<StoryId>,
    CsrfForm(f): CsrfForm<CommentForm>,
) -> HttpResult<Response> {
    match app::stories::comment(&app, &me, id, &f.comment).await {
        Ok(_) => Ok(flash::redirect(
            &app,
            jar,
            "flash-comment-sent",
            &format!("{}#comments-heading", app::stories::path(id)),
        )),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            story_page(&app, ctx, id, errors, f.comment).await
        }
        Err(e) => Err(HttpError::App(e)),
    }
}

async fn delete_comment(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<CommentId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    let story = app::stories::delete_comment(&app, &me, id).await?;
    Ok(flash::redirect(&app, jar, "flash-comment-deleted", &format!("{}#comments-heading", app::stories::path(story))))
}

/// A waiting comment in the organisers' queue.
struct QueueLine {
    id: CommentId,
    story: StoryId,
    story_title: String,
    line: CommentLine,
    own: bool,
}

#[derive(Template)]
#[template(path = "comments_queue.html")]
struct QueuePage {
    ctx: Ctx,
    comments: Vec<QueueLine>,
    errors: FormErrors,
    /// The comment whose rejection was refused, and the reason as typed.
    failed: Option<(CommentId, String)>,
}

async fn queue_page(
    app: &App,
    ctx: Ctx,
    me: &app::Account,
    errors: FormErrors,
    failed: Option<(CommentId, String)>,
) -> HttpResult<Response> {
    let comments = app::stories::moderation_queue(app, me)
        .await?
        .iter()
        .map(|c| QueueLine {
            id: c.id,
            story: c.story_id,
            story_title: c.story_title.clone(),
            line: comment_line(ctx.lang, None, c),
            own: c.author == me.id,
        })
        .collect();
    let bad = !errors.is_empty();
    let page = QueuePage { ctx, comments, errors, failed };
    Ok(if bad { render_form(&page, true) } else { render(&page) })
}

impl QueuePage {
    fn reason_of(&self, id: &CommentId) -> &str {
        self.failed.as_ref().filter(|(c, _)| c == id).map_or("", |(_, r)| r.as_str())
    }
    fn error_of(&self, id: &CommentId) -> Option<String> {
        self.failed.as_ref().filter(|(c, _)| c == id).and_then(|_| self.errors.get("reason"))
    }
}

async fn queue(State(app): State<App>, SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    queue_page(&app, ctx, &me, FormErrors::default(), None).await
}

async fn approve_comment(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<CommentId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    app::stories::moderate(&app, &me, id, &Moderation::Approve).await?;
    Ok(flash::redirect(&app, jar, "flash-comment-approved", "/admin/comments"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RejectForm {
    reason: String,
}

async fn reject_comment(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<CommentId>,
    CsrfForm(f): CsrfForm<RejectForm>,
) -> HttpResult<Response> {
    match app::stories::moderate(&app, &me, id, &Moderation::Reject { reason: f.reason.clone() }).await {
        Ok(_) => Ok(flash::redirect(&app, jar, "flash-comment-rejected", "/admin/comments")),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            queue_page(&app, ctx, &me, errors, Some((id, f.reason))).await
        }
        Err(e) => Err(HttpError::App(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// The feed

/// The latest published stories as an Atom feed (RFC 4287): each entry with its people, its
/// excerpt and its whole text as HTML.
async fn feed(State(app): State<App>, ctx: Ctx) -> HttpResult<Response> {
    use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
    let l = ctx.lang;
    let stories = app::stories::feed(&app).await?;
    let link = |rel: &str, href: String, media: Option<&str>| Link {
        rel: rel.to_owned(),
        href,
        mime_type: media.map(str::to_owned),
        ..Default::default()
    };
    let entries: Vec<Entry> = stories
        .iter()
        .map(|s| {
            let url = app.config.link(&app::stories::path(s.id));
            let published = s.published_at.unwrap_or(s.updated_at).fixed_offset();
            Entry {
                id: url.clone(),
                title: Text::plain(s.title.clone()),
                updated: published,
                published: Some(published),
                authors: s.members.iter().map(|m| Person { name: m.name.clone(), ..Default::default() }).collect(),
                links: vec![link("alternate", url, Some("text/html"))],
                summary: Some(Text::plain(excerpt(&s.body, 300))),
                content: Some(Content {
                    value: Some(formatted(&s.body)),
                    content_type: Some("html".to_owned()),
                    ..Default::default()
                }),
                categories: s
                    .topics
                    .iter()
                    .map(|t| atom_syndication::Category { term: t.clone(), ..Default::default() })
                    .collect(),
                ..Default::default()
            }
        })
        .collect();
    let updated = stories.first().and_then(|s| s.published_at).unwrap_or(chrono::DateTime::UNIX_EPOCH).fixed_offset();
    let feed = Feed {
        id: app.config.link("/stories"),
        title: Text::plain(t(l, "stories-feed-title")),
        subtitle: Some(Text::plain(t(l, "stories-lead"))),
        updated,
        authors: vec![Person { name: t(l, "stories-feed-author"), ..Default::default() }],
        links: vec![
            link("self", app.config.link("/stories/feed.atom"), Some("application/atom+xml")),
            link("alternate", app.config.link("/stories"), Some("text/html")),
        ],
        lang: Some(ctx.lang_code().to_owned()),
        entries,
        ..Default::default()
    };
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], feed.to_string()).into_response())
}

/// The line of a published story on the start page and elsewhere: its title and its people's
/// organisations.
pub fn story_label(lang: Locale, s: &Story) -> (String, String) {
    (app::stories::path(s.id), format!("{} ({})", s.title, orgs_of(lang, s)))
}
