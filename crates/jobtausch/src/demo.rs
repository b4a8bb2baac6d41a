//! Demo data modelled on the story: a city administration, an association of municipal IT
//! providers, a regional data centre that is a member of it, and a second city; fictional people
//! in every role. All demo accounts share one password. The story's swap is confirmed and its
//! week planned (briefings, appointments, handover, a deputy); a swap of last month waits for
//! one reflection, and its story, drafted by Ingo, waits for Karl and the press offices. Eight
//! earlier swaps of sixteen more people, completed and reflected on, give the figures counts to
//! show.

use app::orgs::{OrgInput, PolicyInput, RoleChange};
use app::swaps::{Command, ProposalInput};
use app::week::Command as WeekCommand;
use app::{Account, App};
use chrono::{NaiveDate, Utc};
use domain::SwapId;
use domain::access::{Actor, OrgRole};
use domain::org::PolicyRule;
use domain::profile::ProfileInput;
use domain::swap::Swap;
use domain::values::{DisplayName, Email, IsoWeek, Password};
use domain::week::AppointmentInput;
use domain::{OrgId, UserId};
use store::{AuditEntry, Db, Effects};

pub const DEMO_PASSWORD: &str = "Jobtausch-Demo-2026";

/// One demo login, for the banner.
pub struct Login {
    pub email: String,
    pub role: &'static str,
}

struct Person {
    email: &'static str,
    name: &'static str,
    roles: &'static [OrgRole],
    role_desc: &'static str,
    profile: Option<(&'static str, &'static str, &'static str, &'static str, &'static str, bool)>,
}

/// What the application refused while seeding: a bug of the demo data.
fn refused(what: &str) -> impl Fn(app::Error) -> anyhow::Error + '_ {
    move |e| anyhow::anyhow!("demo {what}: {e}")
}

async fn org(
    app: &App,
    organiser: &Actor,
    name: &str,
    kind: &str,
    region: &str,
    parent: Option<OrgId>,
    domain: &str,
) -> anyhow::Result<OrgId> {
    let input = OrgInput {
        name: name.into(),
        kind: kind.into(),
        region: region.into(),
        parent: parent.map(|p| p.to_string()).unwrap_or_default(),
        domains: domain.into(),
    };
    app::orgs::create(app, organiser, &input).await.map_err(refused("organisation"))
}

async fn account(app: &App, email: &str) -> anyhow::Result<Account> {
    let email = Email::parse("email", email).map_err(|e| anyhow::anyhow!("{e}"))?;
    app::account::by_email(app, &email).await.map_err(refused("account"))
}

/// The weeks the demo profiles are free: a few weeks from now, so the search finds them.
fn demo_weeks(offsets: &[u64]) -> String {
    let today = chrono::Utc::now().date_naive();
    offsets.iter().map(|w| IsoWeek::of(today + chrono::Days::new(7 * w)).to_string()).collect::<Vec<_>>().join(", ")
}

/// The demo's legal details: plainly an example, so that nobody mistakes the demo for a
/// service someone answers for. A real installation's organisers enter their own.
fn demo_legal() -> app::legal::LegalInput {
    app::legal::LegalInput {
        operator_name: "Koordinationsstelle Jobtausch (Demo-Installation)".into(),
        operator_address: "Beispielstraße 1\n12345 Musterstadt".into(),
        represented_by: "Netzwerk-Koordination (Beispiel)".into(),
        // A functional mailbox, not a person's account address.
        contact_email: "kontakt@jobtausch.example".into(),
        contact_phone: String::new(),
        content_responsible: "Netzwerk-Koordination, Beispielstraße 1, 12345 Musterstadt".into(),
        dpo_name: "Datenschutzbeauftragte (Beispiel)".into(),
        dpo_contact: "datenschutz@jobtausch.example".into(),
        legal_basis: "Dies ist eine Demo-Installation mit erfundenen Personen; sie verarbeitet keine echten Daten."
            .into(),
        supervisory_authority:
            "Die oder der Datenschutzbeauftragte des Landes, in dem die Installation betrieben wird.".into(),
        conformance: "partial".into(),
        limitations: "Eine Fassung in Gebärdensprache fehlt noch.".into(),
        statement_date: app::today().to_string(),
        accessibility_email: "barrierefreiheit@jobtausch.example".into(),
        accessibility_phone: String::new(),
        enforcement_body:
            "Die Schlichtungsstelle nach § 16 BGG beim Beauftragten der Bundesregierung für die Belange von \
                           Menschen mit Behinderungen, www.schlichtungsstelle-bgg.de"
                .into(),
    }
}

/// What the demo seeded that the banner shows.
pub struct Demo {
    pub logins: Vec<Login>,
    /// The private calendar feed of a member of the planned swap (full URL).
    pub feed_url: String,
}

/// Seeds the demo through the application, as its people would: the organiser creates the
/// organisations, the admins grant roles, people write their profiles, and the story's swap is
/// proposed, accepted, approved, consented to, signed and planned.
pub async fn seed(app: &App) -> anyhow::Result<Demo> {
    let db = &app.db;
    if !app::orgs::list(app).await.map_err(refused("list"))?.is_empty() {
        anyhow::bail!("the demo database is not empty");
    }
    let password = Password::parse("p", DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    let parse = |email: &str, name: &str| -> anyhow::Result<(Email, DisplayName)> {
        Ok((
            Email::parse("email", email).map_err(|e| anyhow::anyhow!("{e}"))?,
            DisplayName::parse("name", name).map_err(|e| anyhow::anyhow!("{e}"))?,
        ))
    };
    let mut logins = Vec::new();
    let (email, name) = parse("koordination@jobtausch.example", "Netzwerk-Koordination")?;
    app::account::create_verified(app, &email, &name, &password, None, true, "demo")
        .await
        .map_err(refused("organiser"))?;
    logins.push(Login { email: email.to_string(), role: "Netzwerk-Koordination" });
    let organiser = account(app, "koordination@jobtausch.example").await?.actor();
    app::legal::save(app, &organiser, &demo_legal()).await.map_err(refused("legal details"))?;

    let assoc = org(
        app,
        &organiser,
        "Bundesverband kommunaler IT-Dienstleister (Demo)",
        "association",
        "BE",
        None,
        "kommunal-it.example",
    )
    .await?;
    let city = org(app, &organiser, "Stadt Musterstadt", "city", "NW", None, "musterstadt.example").await?;
    let rz = org(
        app,
        &organiser,
        "Regionales Rechenzentrum Westfalen",
        "it_service_provider",
        "NW",
        Some(assoc),
        "rz-westfalen.example",
    )
    .await?;
    let city2 = org(app, &organiser, "Stadt Beispielhausen", "city", "SH", None, "beispielhausen.example").await?;
    let consent = PolicyInput {
        staff_council: PolicyRule::Consent.code().into(),
        equal_opportunities: PolicyRule::NotNeeded.code().into(),
        disability_representative: PolicyRule::NotNeeded.code().into(),
        data_protection: PolicyRule::Inform.code().into(),
    };
    app::orgs::set_policy(app, &organiser, city, &consent).await.map_err(refused("policy"))?;
    // Their seats (the dots on the public map and the travel distances of the matching), and
    // what each shows in public: all are listed, Musterstadt shows its completed swaps too.
    for (id, seat) in [(assoc, "Berlin"), (city, "Münster (Nordrhein-Westfalen)"), (rz, "Dortmund"), (city2, "Lübeck")]
    {
        let input = app::orgs::MatchingInput { place: seat.into(), ..Default::default() };
        app::orgs::set_matching(app, &organiser, id, &input).await.map_err(refused("seat"))?;
        app::network::set_visibility(app, &organiser, id, true, true, id == city).await.map_err(refused("public"))?;
    }

    let w = |o: &[u64]| demo_weeks(o);
    let (w1, w2, w3) = (w(&[6, 8, 10]), w(&[6, 9]), w(&[8, 10, 12]));
    let people: Vec<(OrgId, Person)> = vec![
        (
            city,
            Person {
                email: "anna.schmidt@musterstadt.example",
                name: "Anna Schmidt",
                roles: &[],
                role_desc: "Teilnehmende",
                profile: Some((
                    "Digitalisierungsbeauftragte",
                    "Stabsstelle Digitalisierung",
                    "Open Data, Onlinezugangsgesetz, E-Akte",
                    "IT-Betrieb, Rechenzentrum, Kommunale Zusammenarbeit",
                    "A 13",
                    true,
                )),
            },
        ),
        (
            city,
            Person {
                email: "bernd.weber@musterstadt.example",
                name: "Bernd Weber",
                roles: &[OrgRole::Approver],
                role_desc: "Genehmigender (Musterstadt)",
                profile: None,
            },
        ),
        (
            city,
            Person {
                email: "carla.yilmaz@musterstadt.example",
                name: "Carla Yilmaz",
                roles: &[OrgRole::StaffCouncil],
                role_desc: "Personalrat (Musterstadt)",
                profile: None,
            },
        ),
        (
            city,
            Person {
                email: "dieter.krause@musterstadt.example",
                name: "Dieter Krause",
                roles: &[OrgRole::OrgAdmin, OrgRole::Approver],
                role_desc: "Organisations-Admin (Musterstadt)",
                profile: None,
            },
        ),
        (
            assoc,
            Person {
                email: "eva.nowak@kommunal-it.example",
                name: "Eva Nowak",
                roles: &[],
                role_desc: "Teilnehmende",
                profile: Some((
                    "Referentin Digitalpolitik",
                    "Geschäftsstelle",
                    "Kommunale Zusammenarbeit, IT-Betrieb, Digitalpolitik",
                    "Open Data, Bürgerservice, Onlinezugangsgesetz",
                    "E 13",
                    true,
                )),
            },
        ),
        (
            assoc,
            Person {
                email: "frank.otto@kommunal-it.example",
                name: "Frank Otto",
                roles: &[OrgRole::Approver, OrgRole::OrgAdmin],
                role_desc: "Genehmigender und Admin (Verband)",
                profile: None,
            },
        ),
        (
            assoc,
            Person {
                email: "gisela.brandt@kommunal-it.example",
                name: "Gisela Brandt",
                roles: &[OrgRole::StaffCouncil],
                role_desc: "Personalrat (Verband)",
                profile: None,
            },
        ),
        (
            rz,
            Person {
                email: "ingo.lehmann@rz-westfalen.example",
                name: "Ingo Lehmann",
                roles: &[],
                role_desc: "Teilnehmender",
                profile: Some((
                    "Teamleiter Rechenzentrum",
                    "Betrieb",
                    "IT-Betrieb, Rechenzentrum, IT-Sicherheit",
                    "Bürgerservice, E-Akte",
                    "E 12",
                    true,
                )),
            },
        ),
        (
            rz,
            Person {
                email: "jana.fischer@rz-westfalen.example",
                name: "Jana Fischer",
                roles: &[OrgRole::Approver, OrgRole::OrgAdmin, OrgRole::Press],
                role_desc: "Genehmigende, Admin, Pressestelle (Rechenzentrum)",
                profile: None,
            },
        ),
        (
            city2,
            Person {
                email: "karl.meyer@beispielhausen.example",
                name: "Karl Meyer",
                roles: &[],
                role_desc: "Teilnehmender",
                profile: Some((
                    "Sachgebietsleiter Bürgerservice",
                    "Bürgeramt",
                    "Bürgerservice, Onlinezugangsgesetz",
                    "Open Data, IT-Sicherheit",
                    "A 11",
                    true,
                )),
            },
        ),
        (
            city2,
            Person {
                email: "lena.wolf@beispielhausen.example",
                name: "Lena Wolf",
                roles: &[OrgRole::Approver, OrgRole::OrgAdmin, OrgRole::DataProtection, OrgRole::Press],
                role_desc: "Genehmigende, Admin, Datenschutz, Pressestelle (Beispielhausen)",
                profile: None,
            },
        ),
    ];
    for (i, (org_id, p)) in people.iter().enumerate() {
        let (email, name) = parse(p.email, p.name)?;
        let user = app::account::create_verified(app, &email, &name, &password, Some(*org_id), false, "demo")
            .await
            .map_err(refused("account"))?;
        for role in p.roles {
            let change = RoleChange { user: user.to_string(), role: role.code().into(), grant: true };
            app::orgs::change_role(app, &organiser, *org_id, &change).await.map_err(refused("role"))?;
        }
        if let Some((title, unit, topics, learn, grade, open)) = p.profile {
            let input = ProfileInput {
                role_title: title.into(),
                unit: unit.into(),
                pay_grade: grade.into(),
                topics: topics.into(),
                wants_to_learn: learn.into(),
                languages: "de, en".into(),
                availability: [&w1, &w2, &w3][i % 3].clone(),
                travel_radius_km: "300".into(),
                about: format!("{} – Demo-Profil.", p.name),
                open_to_swap: open,
                shared_with_own_org: i % 2 == 0,
            };
            let me = account(app, p.email).await?;
            app::profiles::save(app, &me, &input).await.map_err(refused("profile"))?;
        }
        logins.push(Login { email: p.email.into(), role: p.role_desc });
    }
    let feed_url = story_swap(app).await?;
    waiting_swap(app).await?;
    history(db, app, [("musterstadt", city), ("rz-westfalen", rz), ("beispielhausen", city2), ("kommunal-it", assoc)])
        .await?;
    let past = past_swap(db, app).await?;
    story_draft(app, past).await?;
    meetup(app).await?;
    Ok(Demo { logins, feed_url })
}

/// The network's next virtual after-work meetup, two weeks ahead and public: six people from
/// four organisations registered, and a first Tauschrunde drawn.
async fn meetup(app: &App) -> anyhow::Result<()> {
    let organiser = account(app, "koordination@jobtausch.example").await?;
    let day = app::today() + chrono::Days::new(14);
    let input = app::events::EventInput {
        title: "Virtuelles After-Work: Digitalisierung im Austausch".into(),
        description: "Ein Abend für alle, die in der Verwaltung digitalisieren: kurze Impulse, dann Tauschrunden \
                      zu zweit – zehn Minuten mit jemandem aus einer anderen Organisation."
            .into(),
        start_date: day.format("%Y-%m-%d").to_string(),
        start_time: "18:30".into(),
        end_time: "20:00".into(),
        format: "online".into(),
        video_link: "https://meet.jobtausch.example/after-work".into(),
        capacity: "30".into(),
        visibility: "public".into(),
        ..Default::default()
    };
    let id = app::events::create(app, &organiser, &input).await.map_err(refused("event"))?;
    for email in [
        "anna.schmidt@musterstadt.example",
        "eva.nowak@kommunal-it.example",
        "ingo.lehmann@rz-westfalen.example",
        "jana.fischer@rz-westfalen.example",
        "karl.meyer@beispielhausen.example",
        "lena.wolf@beispielhausen.example",
    ] {
        let me = account(app, email).await?;
        app::events::register(app, &me, id).await.map_err(refused("registration"))?;
    }
    app::events::draw_round(app, &organiser, id).await.map_err(refused("Tauschrunde"))?;
    Ok(())
}

/// The story's swap, three weeks ahead, as Anna and Eva, their approvers and the staff
/// council would make it through the pages: proposed, accepted, approved, consented to,
/// signed, and its week planned (handover notes, a deputy, appointments). Returns Anna's
/// calendar feed URL.
async fn story_swap(app: &App) -> anyhow::Result<String> {
    let anna = account(app, "anna.schmidt@musterstadt.example").await?;
    let eva = account(app, "eva.nowak@kommunal-it.example").await?;
    let bernd = account(app, "bernd.weber@musterstadt.example").await?;
    let frank = account(app, "frank.otto@kommunal-it.example").await?;
    let carla = account(app, "carla.yilmaz@musterstadt.example").await?;
    let week = IsoWeek::of(app::today() + chrono::Days::new(21));
    let proposal = ProposalInput {
        partner: eva.id.to_string(),
        week: week.to_string(),
        message: "Tauschen wir für eine Woche?".into(),
    };
    let id = app::swaps::propose(app, &anna, &proposal).await.map_err(refused("proposal"))?;
    let act = async |who: &Account, command: Command| {
        app::swaps::act(app, who, id, None, command).await.map_err(refused("swap"))
    };
    let mut swap = act(&eva, Command::Accept).await?;
    for approval in 0..swap.approvals.len() {
        let approver = if swap.approvals[approval].org == anna.org_id.unwrap_or_default() { &bernd } else { &frank };
        swap = act(approver, Command::Approve { approval, comment: "Gern – viel Erfolg!".into() }).await?;
    }
    for step in 0..swap.bodies.len() {
        if swap.bodies[step].rule == PolicyRule::Consent {
            swap = act(&carla, Command::Consent { step }).await?;
        }
    }
    let hash = swap.agreement_hash.clone().unwrap_or_default();
    for member in [&anna, &eva] {
        act(
            member,
            Command::Sign {
                confirmation: app::account::Confirmation::Password(DEMO_PASSWORD.into()),
                hash: hash.clone(),
            },
        )
        .await?;
    }
    let plan = async |who: &Account, command: WeekCommand| {
        app::week::act(app, who, id, command).await.map_err(refused("week"))
    };
    plan(&anna, WeekCommand::Handover { body: "Montags Jour fixe mit dem Dezernat; das OZG-Dashboard liegt im Teams-Kanal „Digitalisierung“. Bei Fragen zur E-Akte: Dieter Krause.".into() }).await?;
    plan(&eva, WeekCommand::Handover { body: "Der Verband bereitet gerade die Stellungnahme zum Registermodernisierungsgesetz vor; bitte lies vorab das Positionspapier im Ordner „Gremien“.".into() }).await?;
    plan(&anna, WeekCommand::NameDeputy { email: "dieter.krause@musterstadt.example".into() }).await?;
    let (mon, tue, wed) = (week.monday(), week.monday() + chrono::Days::new(1), week.monday() + chrono::Days::new(2));
    let appointments = [
        (
            &anna,
            &eva,
            "Teamrunde Geschäftsstelle",
            "team_meeting",
            mon,
            "10:00",
            "11:00",
            "Geschäftsstelle, Raum 2.04",
            "Bitte stell dich kurz vor.",
        ),
        (
            &anna,
            &eva,
            "Webinar Digitale Verwaltung",
            "online_event",
            tue,
            "14:00",
            "15:30",
            "https://events.kommunal-it.example/webinar",
            "",
        ),
        (
            &anna,
            &eva,
            "Arbeitskreis Open Data",
            "workshop",
            wed,
            "09:30",
            "12:00",
            "Haus der Kommunen, Saal B",
            "Mittagessen ist organisiert.",
        ),
        (
            &eva,
            &anna,
            "Amtsleitungsrunde",
            "leadership_round",
            mon,
            "13:00",
            "14:00",
            "Rathaus, Sitzungssaal",
            "Die Runde ist vertraulich.",
        ),
        (&eva, &anna, "Workshop OZG-Umsetzung", "workshop", wed, "10:00", "12:30", "Rathaus, Raum 1.12", ""),
    ];
    for (guest, host, title, kind, day, start, end, place, note) in appointments {
        let appointment = AppointmentInput {
            title: title.into(),
            kind: kind.into(),
            date: day.to_string(),
            start: start.into(),
            end: end.into(),
            place_or_link: place.into(),
            note_for_guest: note.into(),
        };
        plan(host, WeekCommand::AddAppointment { guest: guest.id, appointment }).await?;
    }
    Ok(app::feeds::create(app, &anna).await.map_err(refused("feed"))?.url)
}

/// A swap that waits for its approvals, so that the approvers find a task on their start page:
/// Karl proposed to Anna for ten weeks ahead, and Anna said yes.
async fn waiting_swap(app: &App) -> anyhow::Result<()> {
    let anna = account(app, "anna.schmidt@musterstadt.example").await?;
    let karl = account(app, "karl.meyer@beispielhausen.example").await?;
    let proposal = ProposalInput {
        partner: anna.id.to_string(),
        week: IsoWeek::of(app::today() + chrono::Days::new(70)).to_string(),
        message: "Hätten Sie Lust, eine Woche das Bürgeramt Beispielhausen kennenzulernen?".into(),
    };
    let id = app::swaps::propose(app, &karl, &proposal).await.map_err(refused("proposal"))?;
    app::swaps::act(app, &anna, id, None, Command::Accept).await.map_err(refused("accept"))?;
    Ok(())
}

fn actor(user: UserId, org: OrgId, roles: Vec<OrgRole>) -> Actor {
    Actor { user_id: user, org_id: Some(org), roles, organiser: false }
}

fn effects(action: &'static str) -> Effects {
    Effects::audit(AuditEntry::new(None, action, "demo", "seed"))
}

/// Last month's swap (Ingo and Karl): its week is over and Ingo has written his reflection,
/// Karl not yet.
async fn past_swap(db: &Db, app: &App) -> anyhow::Result<SwapId> {
    let ingo = account(app, "ingo.lehmann@rz-westfalen.example").await?;
    let karl = account(app, "karl.meyer@beispielhausen.example").await?;
    // Written now: Karl does not see Ingo's reflection before he wrote his own (for 14 days
    // after the week's end as stored).
    let id = completed_swap(db, app, [&ingo, &karl], 4, false).await?;
    reflect(app, &ingo, id, &REFLECTIONS[0]).await?;
    Ok(id)
}

/// A swap whose week ended `weeks_ago` weeks ago between the two accounts. With `backdate`,
/// it was proposed a month before the week and approved, consented and signed in the days
/// after, and completed after the week; without, all of it happened now. A swap cannot be proposed
/// for a week gone by, so this history is written the way the journey would have left it,
/// through the domain's own transitions at those times, without the notifications (nobody
/// should get "your week begins today" for last month).
async fn completed_swap(
    db: &Db,
    app: &App,
    members: [&Account; 2],
    weeks_ago: u64,
    backdate: bool,
) -> anyhow::Result<SwapId> {
    let today = Utc::now().date_naive();
    let week = IsoWeek::of(today - chrono::Days::new(7 * weeks_ago));
    let proposed: NaiveDate = week.monday() - chrono::Days::new(30);
    // A weekday morning of the proposal's days, in stored precision.
    let now = store::now();
    let at = |days: u64| match backdate {
        true => (proposed + chrono::Days::new(days)).and_hms_opt(9, 30, 0).unwrap_or_default().and_utc(),
        false => now,
    };
    let orgs: Vec<(UserId, OrgId)> = members
        .iter()
        .map(|m| Ok((m.id, m.org_id.ok_or_else(|| anyhow::anyhow!("{} has no organisation", m.id))?)))
        .collect::<anyhow::Result<_>>()?;
    let err = |e: domain::swap::SwapError| anyhow::anyhow!("demo swap: {e}");
    let message = Some("Eine Woche bei Ihnen – hätten Sie Lust?".to_owned());
    let (mut swap, _) = Swap::propose(SwapId::new(), week, orgs.clone(), message, proposed, at(0)).map_err(err)?;
    store::swaps::create(db, &swap, &effects("swap.proposed")).await?;
    let mut policies = Vec::new();
    for (_, org) in &orgs {
        policies.push((*org, store::orgs::get(db, *org).await?.policy));
    }
    let (partner, partner_org) = orgs[1];
    swap.accept(&actor(partner, partner_org, vec![]), &policies, at(1)).map_err(err)?;
    for i in 0..swap.approvals.len() {
        let org = swap.approvals[i].org;
        let approver = store::contacts::role_holders(db, org, OrgRole::Approver.code()).await?[0].id;
        swap.approve(&actor(approver, org, vec![OrgRole::Approver]), i, "Gern – viel Erfolg!", at(3)).map_err(err)?;
    }
    for step in 0..swap.bodies.len() {
        let (org, body) = (swap.bodies[step].org, swap.bodies[step].body);
        if swap.bodies[step].rule != PolicyRule::Consent {
            continue;
        }
        let role = OrgRole::ALL.iter().copied().find(|r| r.body() == Some(body));
        let role = role.ok_or_else(|| anyhow::anyhow!("no role consents for {body:?}"))?;
        let member = store::contacts::role_holders(db, org, role.code()).await?[0].id;
        swap.consent(&actor(member, org, vec![role]), step, at(4)).map_err(err)?;
    }
    let agreement = app::swaps::agreement_document(app, &swap).await.map_err(refused("agreement"))?;
    swap.attach_agreement(agreement.hash.clone()).map_err(err)?;
    for (day, (u, o)) in orgs.iter().enumerate() {
        swap.sign(&actor(*u, *o, vec![]), &agreement.hash, at(6 + day as u64)).map_err(err)?;
    }
    store::swaps::save_with_agreement(db, &swap, Some(&agreement), &effects("swap.confirmed")).await?;
    swap.version += 1;
    swap.begin_week(week.monday()).map_err(err)?;
    store::swaps::save(db, &swap, &effects("swap.week_began")).await?;
    swap.version += 1;
    swap.complete_week(week.friday() + chrono::Days::new(1)).map_err(err)?;
    store::swaps::save(db, &swap, &effects("swap.week_completed")).await?;
    if backdate {
        let completed = (week.friday() + chrono::Days::new(1)).and_hms_opt(0, 5, 0).unwrap_or_default().and_utc();
        store::swaps::set_history_times(db, swap.id, at(7), completed).await?;
    }
    Ok(swap.id)
}

/// What someone learned in a swap, what they will change, and whether they recommend one.
struct Reflection {
    learned: &'static str,
    will_change: &'static str,
    recommend: &'static str,
}

const REFLECTIONS: [Reflection; 4] = [
    Reflection {
        learned: "Wie ein Bürgeramt den Andrang am Montagmorgen organisiert – und was unsere Dienste dort auslösen.",
        will_change: "Ich lade künftig Fachämter zu unseren Change-Terminen ein.",
        recommend: "yes",
    },
    Reflection {
        learned: "Wie viel Abstimmung hinter einem Online-Antrag steckt, bevor er bei uns ankommt.",
        will_change: "Ich rufe bei Rückfragen an, statt eine E-Mail zu schreiben.",
        recommend: "yes",
    },
    Reflection {
        learned: "Dass die andere Seite mit denselben Vorgaben kämpft, nur mit anderen Werkzeugen.",
        will_change: "Wir teilen unsere Vorlagen für Ausschreibungen mit den Partnern.",
        recommend: "yes",
    },
    Reflection {
        learned: "Eine Woche ist kurz: Die ersten zwei Tage gingen für Zugänge und Einweisungen drauf.",
        will_change: "Ich bereite Gäste künftig mit einer Liste der Ansprechpersonen vor.",
        recommend: "no",
    },
];

/// `who` writes their reflection on the completed swap `id`, as on the page.
async fn reflect(app: &App, who: &Account, id: SwapId, r: &Reflection) -> anyhow::Result<()> {
    let reflection = WeekCommand::Reflect {
        learned: r.learned.into(),
        will_change: r.will_change.into(),
        recommend: r.recommend.into(),
        free_text: String::new(),
    };
    app::week::act(app, who, id, reflection).await.map_err(refused("reflection"))?;
    Ok(())
}

/// The network's first months: people who swapped before the demo's own people, each pair in a
/// week some weeks back, so that the figures have counts of 5 and more to show (and some below).
/// They have accounts in their organisations but no profiles, and are not demo logins.
async fn history(db: &Db, app: &App, orgs: [(&str, OrgId); 4]) -> anyhow::Result<()> {
    const PAIRS: [((&str, &str), (&str, &str), u64); 8] = [
        (("Sabine Köhler", "musterstadt"), ("Tobias Brandt", "rz-westfalen"), 6),
        (("Markus Yildiz", "musterstadt"), ("Anja Petersen", "beispielhausen"), 7),
        (("Julia Neumann", "musterstadt"), ("Stefan Becker", "kommunal-it"), 8),
        (("Hannah Schulz", "musterstadt"), ("Oliver Franke", "rz-westfalen"), 9),
        (("Peter Wagner", "musterstadt"), ("Maria Jansen", "beispielhausen"), 10),
        (("Claudia Hoffmann", "rz-westfalen"), ("Jens Lorenz", "beispielhausen"), 11),
        (("Birgit Krüger", "beispielhausen"), ("Uwe Schröder", "kommunal-it"), 12),
        (("Nils Hartmann", "rz-westfalen"), ("Katrin Vogel", "kommunal-it"), 13),
    ];
    let password = Password::parse("p", DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    let person = async |name: &str, domain: &str| -> anyhow::Result<Account> {
        let org =
            orgs.iter().find(|(d, _)| *d == domain).map(|(_, o)| *o).ok_or_else(|| anyhow::anyhow!("{domain}"))?;
        let local = name.to_lowercase().replace(' ', ".").replace('ö', "oe").replace('ü', "ue");
        let email = Email::parse("email", &format!("{local}@{domain}.example")).map_err(|e| anyhow::anyhow!("{e}"))?;
        let name = DisplayName::parse("name", name).map_err(|e| anyhow::anyhow!("{e}"))?;
        app::account::create_verified(app, &email, &name, &password, Some(org), false, "demo")
            .await
            .map_err(refused("account"))?;
        app::account::by_email(app, &email).await.map_err(refused("account"))
    };
    for (i, ((a, a_org), (b, b_org), weeks_ago)) in PAIRS.into_iter().enumerate() {
        let a = person(a, a_org).await?;
        let b = person(b, b_org).await?;
        let id = completed_swap(db, app, [&a, &b], weeks_ago, true).await?;
        reflect(app, &a, id, &REFLECTIONS[i % REFLECTIONS.len()]).await?;
        reflect(app, &b, id, &REFLECTIONS[(i + 1) % REFLECTIONS.len()]).await?;
    }
    Ok(())
}

/// Ingo's story of last month's swap, drafted: it waits for Karl and for the press offices
/// of both organisations (Jana and Lena).
async fn story_draft(app: &App, swap: SwapId) -> anyhow::Result<()> {
    let ingo = account(app, "ingo.lehmann@rz-westfalen.example").await?;
    let fields = domain::story::StoryFields {
        title: "Vom Rechenzentrum ins Bürgeramt".into(),
        body: "Eine Woche lang habe ich im Bürgeramt von Beispielhausen gearbeitet, Karl bei uns im Rechenzentrum.\n\n\
               Am **Montagmorgen** stand die Schlange bis vor die Tür. Ich habe gesehen, was es heißt, wenn unser \
               Terminsystem für zehn Minuten hängt.\n\n\
               Was ich mitnehme:\n\n\
               - Fachämter gehören in unsere Change-Termine.\n\
               - Ein kurzes Briefing jeden Morgen hilft beiden Seiten.\n"
            .into(),
        topics: "Bürgerservice, IT-Betrieb".into(),
        quotes: vec![domain::story::QuoteFields {
            text: "Ich verstehe jetzt, warum ein Ausfall um acht Uhr so weh tut.".into(),
            speaker: ingo.id.to_string(),
        }],
        photo_alt: String::new(),
    };
    app::stories::create(app, &ingo, swap, &fields, None).await.map_err(refused("story"))?;
    Ok(())
}

/// What `jobtausch demo` prints: where to go and how to log in.
pub fn banner(base_url: &str, demo: &Demo) -> String {
    let logins = &demo.logins;
    let mut s =
        format!("\nJobtausch demo is running at {base_url}/\n\nDemo logins (password for all: {DEMO_PASSWORD}):\n");
    for l in logins {
        s.push_str(&format!("  {:<40} {}\n", l.email, l.role));
    }
    s.push_str(&format!("\nCalendar feed of Anna Schmidt (subscribe in any calendar program):\n  {}\n", demo.feed_url));
    s.push_str("\nMails are written to the log unless JOBTAUSCH_SMTP_URL is set. Stop with Ctrl-C.\n");
    s
}
