//! Events and after-work meetups: the list and an event's page (public events without
//! signing in), registering and withdrawing, the organisers' form to announce and change an
//! event, and their list of registrations with the CSV export, attendance and Tauschrunden.

use super::ctx::{Ctx, SignedIn};
use super::flash;
use super::forms::Empty;
use super::forms::{Field, FormErrors, Kind};
use super::page::{render, render_form};
use crate::error::{HttpError, HttpResult};
use crate::extract::{CsrfForm, Id};
use app::App;
use app::events::{Event, EventInput, EventView, Registrant, RoundView, Standing};
use app::i18n::{local_datetime, t};
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use domain::UserId;
use domain::event::{DESCRIPTION_MAX, EventId, TITLE_MAX};
use domain::values::Locale;
use serde::Deserialize;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/events", get(list).post(create))
        .route("/events/new", get(new_form))
        .route("/events/{id}", get(show))
        .route("/events/{id}/edit", get(edit_form).post(edit))
        .route("/events/{id}/cancel", post(cancel))
        .route("/events/{id}/register", post(register))
        .route("/events/{id}/unregister", post(unregister))
        .route("/events/{id}/registrations", get(registrations))
        .route("/events/{id}/registrations.csv", get(registrations_csv))
        .route("/events/{id}/attendance", post(attendance))
        .route("/events/{id}/rounds", post(draw))
}

/// An event as a list or a page shows it, in words.
struct EventLine {
    id: EventId,
    title: String,
    when: String,
    place: String,
    host: String,
    public: bool,
    cancelled: bool,
    /// "3 von 10 Plätzen frei", "ausgebucht (2 auf der Warteliste)".
    places: String,
}

fn line(lang: Locale, e: &Event) -> EventLine {
    let free = (e.draft.capacity - e.registered).max(0);
    let places = if free > 0 {
        app::i18n::t_args(
            lang,
            "event-places-free",
            &[("free", app::i18n::arg(free)), ("capacity", app::i18n::arg(e.draft.capacity))],
        )
    } else {
        app::i18n::t_args(lang, "event-booked-out", &[("waiting", app::i18n::arg(e.waiting))])
    };
    EventLine {
        id: e.id,
        title: e.draft.title.clone(),
        when: app::events::when(&e.draft),
        place: app::events::where_(lang, &e.draft),
        host: e.org_name.clone().unwrap_or_else(|| t(lang, "event-host-network")),
        public: e.draft.public,
        cancelled: e.cancelled_at.is_some(),
        places,
    }
}

#[derive(Template)]
#[template(path = "events.html")]
struct ListPage {
    ctx: Ctx,
    upcoming: Vec<EventLine>,
    past: Vec<EventLine>,
    may_create: bool,
}

async fn list(State(app): State<App>, ctx: Ctx) -> HttpResult<Response> {
    let l = app::events::list(&app, ctx.user.as_ref()).await?;
    let upcoming = l.upcoming.iter().map(|e| line(ctx.lang, e)).collect();
    let past = l.past.iter().map(|e| line(ctx.lang, e)).collect();
    Ok(render(&ListPage { ctx, upcoming, past, may_create: l.may_create }))
}

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage {
    ctx: Ctx,
    line: EventLine,
    view: EventView,
    deadline: String,
    /// Where the viewer stands, in words.
    standing: Option<String>,
}

async fn show(State(app): State<App>, ctx: Ctx, Id(id): Id<EventId>) -> HttpResult<Response> {
    let view = app::events::view(&app, ctx.user.as_ref(), id).await?;
    let standing = match view.standing {
        Standing::None => None,
        Standing::Registered => Some(ctx.t("event-you-registered")),
        Standing::Waiting(rank) => Some(ctx.ta("event-you-waiting", "rank", rank)),
    };
    let line = line(ctx.lang, &view.event);
    let deadline = local_datetime(view.event.draft.registration_deadline);
    Ok(render(&EventPage { ctx, line, view, deadline, standing }))
}

impl EventPage {
    fn signed_in(&self) -> bool {
        self.ctx.user.is_some()
    }

    fn is_registered(&self) -> bool {
        self.view.standing != Standing::None
    }
}

// ---------------------------------------------------------------------------------------------
// The organisers' form

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct EventForm {
    event_title: String,
    event_description: String,
    start_date: String,
    start_time: String,
    end_date: String,
    end_time: String,
    format: String,
    event_place: String,
    video_link: String,
    capacity: String,
    deadline_date: String,
    deadline_time: String,
    visibility: String,
    /// The event's version the form was filled in on (a change meanwhile is refused).
    sequence: i64,
}

impl EventForm {
    fn input(&self) -> EventInput {
        EventInput {
            title: self.event_title.clone(),
            description: self.event_description.clone(),
            start_date: self.start_date.clone(),
            start_time: self.start_time.clone(),
            end_date: self.end_date.clone(),
            end_time: self.end_time.clone(),
            format: self.format.clone(),
            place: self.event_place.clone(),
            video_link: self.video_link.clone(),
            capacity: self.capacity.clone(),
            deadline_date: self.deadline_date.clone(),
            deadline_time: self.deadline_time.clone(),
            visibility: self.visibility.clone(),
        }
    }

    /// The form filled with an event as it is.
    fn of(e: &Event) -> Self {
        let b = |t: chrono::DateTime<chrono::Utc>| app::i18n::berlin(t);
        let d = &e.draft;
        EventForm {
            event_title: d.title.clone(),
            event_description: d.description.clone(),
            start_date: b(d.starts_at).format("%Y-%m-%d").to_string(),
            start_time: b(d.starts_at).format("%H:%M").to_string(),
            end_date: b(d.ends_at).format("%Y-%m-%d").to_string(),
            end_time: b(d.ends_at).format("%H:%M").to_string(),
            format: if d.venue.is_online() { "online" } else { "in_person" }.into(),
            event_place: d.venue.place().unwrap_or_default().into(),
            video_link: d.venue.video_link().unwrap_or_default().into(),
            capacity: d.capacity.to_string(),
            deadline_date: b(d.registration_deadline).format("%Y-%m-%d").to_string(),
            deadline_time: b(d.registration_deadline).format("%H:%M").to_string(),
            visibility: if d.public { "public" } else { "members" }.into(),
            sequence: e.sequence,
        }
    }
}

/// A group of fields under a legend.
struct Group {
    legend: String,
    fields: Vec<Field>,
}

#[derive(Template)]
#[template(path = "event_form.html")]
struct FormPage {
    ctx: Ctx,
    title: String,
    action: String,
    sequence: Option<i64>,
    errors: FormErrors,
    groups: Vec<Group>,
    back: String,
}

fn form_page(ctx: Ctx, editing: Option<EventId>, f: &EventForm, errors: FormErrors) -> Response {
    let l = ctx.lang;
    let field = |name: &'static str, kind: Kind, value: &str| Field::new(l, &errors, name, kind, value);
    // A required choice starts with an empty "please choose" (HTML wants one for `required`).
    let options = |codes: &[&str], prefix: &str| -> Vec<(String, String)> {
        std::iter::once((String::new(), t(l, "choose-one")))
            .chain(codes.iter().map(|c| ((*c).to_owned(), t(l, &format!("{prefix}{c}")))))
            .collect()
    };
    let groups = vec![
        Group {
            legend: t(l, "event-group-what"),
            fields: vec![
                field("event_title", Kind::Text, &f.event_title).required().max_len(TITLE_MAX),
                field("event_description", Kind::TextArea, &f.event_description).required().max_len(DESCRIPTION_MAX),
            ],
        },
        Group {
            legend: t(l, "event-group-when"),
            fields: vec![
                field("start_date", Kind::Date, &f.start_date).required(),
                field("start_time", Kind::Text, &f.start_time).required().max_len(5),
                field("end_date", Kind::Date, &f.end_date),
                field("end_time", Kind::Text, &f.end_time).required().max_len(5),
            ],
        },
        Group {
            legend: t(l, "event-group-where"),
            fields: vec![
                field("format", Kind::Select, &f.format)
                    .required()
                    .options(options(&["in_person", "online"], "event-format-")),
                field("event_place", Kind::Text, &f.event_place).max_len(domain::values::Place::MAX),
                field("video_link", Kind::Text, &f.video_link)
                    .max_len(domain::values::HttpsUrl::MAX)
                    .autocomplete("url"),
            ],
        },
        Group {
            legend: t(l, "event-group-registration"),
            fields: vec![
                field("capacity", Kind::Number, &f.capacity).required(),
                field("deadline_date", Kind::Date, &f.deadline_date),
                field("deadline_time", Kind::Text, &f.deadline_time).max_len(5),
                field("visibility", Kind::Select, &f.visibility)
                    .required()
                    .options(options(&["public", "members"], "event-visibility-")),
            ],
        },
    ];
    let failed = !errors.is_empty();
    let (title, action, sequence, back) = match editing {
        Some(id) => (t(l, "event-edit-title"), format!("/events/{id}/edit"), Some(f.sequence), format!("/events/{id}")),
        None => (t(l, "event-new-title"), "/events".to_owned(), None, "/events".to_owned()),
    };
    render_form(&FormPage { ctx, title, action, sequence, errors, groups, back }, failed)
}

async fn new_form(SignedIn(ctx, me): SignedIn) -> HttpResult<Response> {
    domain::event::ensure_may_create(&me.actor()).map_err(app::Error::from)?;
    let f = EventForm { format: "in_person".into(), visibility: "members".into(), ..Default::default() };
    Ok(form_page(ctx, None, &f, FormErrors::default()))
}

async fn create(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    CsrfForm(f): CsrfForm<EventForm>,
) -> HttpResult<Response> {
    match app::events::create(&app, &me, &f.input()).await {
        Ok(id) => Ok(flash::redirect(&app, jar, "flash-event-created", &format!("/events/{id}"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(form_page(ctx, None, &f, errors))
        }
        Err(e) => Err(HttpError::App(e)),
    }
}

async fn edit_form(State(app): State<App>, SignedIn(ctx, me): SignedIn, Id(id): Id<EventId>) -> HttpResult<Response> {
    let (e, _) = app::events::registrations(&app, &me, id).await?;
    Ok(form_page(ctx, Some(id), &EventForm::of(&e), FormErrors::default()))
}

async fn edit(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<EventId>,
    CsrfForm(f): CsrfForm<EventForm>,
) -> HttpResult<Response> {
    match app::events::update(&app, &me, id, f.sequence, &f.input()).await {
        Ok(()) => Ok(flash::redirect(&app, jar, "flash-event-updated", &format!("/events/{id}"))),
        Err(app::Error::Invalid(errs)) => {
            let errors = FormErrors::new(ctx.lang, &errs);
            Ok(form_page(ctx, Some(id), &f, errors))
        }
        Err(e) => Err(HttpError::App(e)),
    }
}

async fn cancel(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<EventId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    app::events::cancel(&app, &me, id).await?;
    Ok(flash::redirect(&app, jar, "flash-event-cancelled", &format!("/events/{id}")))
}

// ---------------------------------------------------------------------------------------------
// Registering

async fn register(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<EventId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    let key = match app::events::register(&app, &me, id).await? {
        Standing::Waiting(_) => "flash-event-waiting",
        _ => "flash-event-registered",
    };
    Ok(flash::redirect(&app, jar, key, &format!("/events/{id}")))
}

async fn unregister(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<EventId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    app::events::unregister(&app, &me, id).await?;
    Ok(flash::redirect(&app, jar, "flash-event-unregistered", &format!("/events/{id}")))
}

// ---------------------------------------------------------------------------------------------
// The organisers' list

/// A person on the organisers' list, in words.
struct Row {
    user: UserId,
    name: String,
    org: String,
    email: String,
    status: String,
    registered_at: String,
    has_place: bool,
    present: bool,
}

fn row(lang: Locale, r: &Registrant) -> Row {
    Row {
        user: r.contact.id,
        name: r.contact.name.clone(),
        org: r.org_name.clone().unwrap_or_else(|| "–".into()),
        email: r.contact.email.clone(),
        status: t(lang, &format!("event-status-{}", r.status)),
        registered_at: local_datetime(r.registered_at),
        has_place: r.has_place(),
        present: r.attended == Some(true),
    }
}

#[derive(Template)]
#[template(path = "event_registrations.html")]
struct RegistrationsPage {
    ctx: Ctx,
    line: EventLine,
    rows: Vec<Row>,
    rounds: Vec<RoundView>,
}

async fn registrations(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    Id(id): Id<EventId>,
) -> HttpResult<Response> {
    let (e, people) = app::events::registrations(&app, &me, id).await?;
    let mut rounds = app::events::rounds(&app, &me, id).await?;
    rounds.reverse();
    let rows = people.iter().map(|r| row(ctx.lang, r)).collect();
    let line = line(ctx.lang, &e);
    Ok(render(&RegistrationsPage { ctx, line, rows, rounds }))
}

impl RegistrationsPage {
    fn when(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        local_datetime(*t)
    }

    fn has_places(&self) -> bool {
        self.rows.iter().any(|r| r.has_place)
    }
}

async fn registrations_csv(
    State(app): State<App>,
    SignedIn(ctx, me): SignedIn,
    Id(id): Id<EventId>,
) -> HttpResult<Response> {
    Ok(crate::respond::download(app::events::registrations_csv(&app, &me, id, ctx.lang).await?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AttendanceForm {
    /// The ids of those ticked as present.
    present: Vec<String>,
}

async fn attendance(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<EventId>,
    CsrfForm(f): CsrfForm<AttendanceForm>,
) -> HttpResult<Response> {
    let present: Vec<UserId> = f
        .present
        .iter()
        .map(|p| p.parse().map_err(|_| app::Error::field("present", domain::Reason::UnknownChoice)))
        .collect::<Result<_, _>>()?;
    app::events::set_attendance(&app, &me, id, &present).await?;
    Ok(flash::redirect(&app, jar, "flash-event-attendance", &format!("/events/{id}/registrations")))
}

async fn draw(
    State(app): State<App>,
    SignedIn(_, me): SignedIn,
    jar: CookieJar,
    Id(id): Id<EventId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> HttpResult<Response> {
    app::events::draw_round(&app, &me, id).await?;
    Ok(flash::redirect(&app, jar, "flash-event-round", &format!("/events/{id}/registrations#rounds")))
}
