//! Demo data modelled on the story: a city administration, an association of municipal IT
//! providers, a regional data centre that is a member of it, and a second city; fictional people
//! in every role. All demo accounts share one password. The story's swap is confirmed and its
//! week planned (briefings, appointments, handover, a deputy); a swap of last month waits for
//! one reflection.

use chrono::{NaiveDate, Utc};
use domain::SwapId;
use domain::access::{Actor, OrgRole};
use domain::after::Reflection;
use domain::org::{Body, OrgDraft, Policy, PolicyRule};
use domain::profile::{Profile, ProfileInput};
use domain::swap::Swap;
use domain::values::{IsoWeek, Locale, Password};
use domain::week::{Appointment, AppointmentInput};
use domain::{OrgId, UserId};
use store::users::{NewUser, Proof};
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

fn effects(action: &'static str) -> Effects {
    Effects::audit(AuditEntry::new(None, action, "demo", "seed"))
}

async fn org(
    db: &Db,
    name: &str,
    kind: &str,
    region: &str,
    parent: Option<OrgId>,
    domain: &str,
) -> anyhow::Result<OrgId> {
    let parent = parent.map(|p| p.to_string()).unwrap_or_default();
    let draft = OrgDraft::parse(name, kind, region, &parent, domain).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(store::orgs::create(db, &draft, &effects("org.created")).await?)
}

/// The weeks the demo profiles are free: a few weeks from now, so the search finds them.
fn demo_weeks(offsets: &[u64]) -> String {
    let today = chrono::Utc::now().date_naive();
    offsets.iter().map(|w| IsoWeek::of(today + chrono::Days::new(7 * w)).to_string()).collect::<Vec<_>>().join(", ")
}

/// What the demo seeded that the banner shows.
pub struct Demo {
    pub logins: Vec<Login>,
    /// The private calendar feed of a member of the planned swap (full URL).
    pub feed_url: String,
}

pub async fn seed(db: &Db, base_url: &str) -> anyhow::Result<Demo> {
    if !store::orgs::list(db).await?.is_empty() {
        anyhow::bail!("the demo database is not empty");
    }
    let hash = web::auth::hash_password(&Password::parse("p", DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?)
        .map_err(|_| anyhow::anyhow!("cannot hash the demo password"))?;

    let assoc =
        org(db, "Bundesverband kommunaler IT-Dienstleister (Demo)", "association", "BE", None, "kommunal-it.example")
            .await?;
    let city = org(db, "Stadt Musterstadt", "city", "NW", None, "musterstadt.example").await?;
    let rz =
        org(db, "Regionales Rechenzentrum Westfalen", "it_service_provider", "NW", Some(assoc), "rz-westfalen.example")
            .await?;
    let city2 = org(db, "Stadt Beispielhausen", "city", "SH", None, "beispielhausen.example").await?;
    let consent =
        Policy::from_rules([(Body::StaffCouncil, PolicyRule::Consent), (Body::DataProtection, PolicyRule::Inform)]);
    store::orgs::set_policy(db, city, &consent, &effects("org.policy")).await?;

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
                roles: &[OrgRole::Approver, OrgRole::OrgAdmin],
                role_desc: "Genehmigende und Admin (Rechenzentrum)",
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
                roles: &[OrgRole::Approver, OrgRole::OrgAdmin, OrgRole::DataProtection],
                role_desc: "Genehmigende, Admin, Datenschutz (Beispielhausen)",
                profile: None,
            },
        ),
    ];
    let mut logins = Vec::new();
    let organiser = NewUser {
        id: UserId::new(),
        email: "koordination@jobtausch.example".into(),
        email_norm: "koordination@jobtausch.example".into(),
        display_name: "Netzwerk-Koordination".into(),
        password_hash: hash.clone(),
        org_id: None,
        locale: Locale::De,
        organiser: true,
        verified: true,
    };
    store::users::create(db, &organiser, &Proof::Operator, &effects("user.created")).await?;
    logins.push(Login { email: organiser.email.clone(), role: "Netzwerk-Koordination" });
    for (i, (org_id, p)) in people.iter().enumerate() {
        let user = NewUser {
            id: UserId::new(),
            email: p.email.into(),
            email_norm: p.email.into(),
            display_name: p.name.into(),
            password_hash: hash.clone(),
            org_id: Some(*org_id),
            locale: Locale::De,
            organiser: false,
            verified: true,
        };
        store::users::create(db, &user, &Proof::Operator, &effects("user.created")).await?;
        for role in p.roles {
            store::orgs::grant_role(db, *org_id, user.id, *role, &effects("role.granted")).await?;
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
            let profile = Profile::parse(&input).map_err(|e| anyhow::anyhow!("{e}"))?;
            store::profiles::save(db, user.id, &profile, &effects("profile.saved")).await?;
        }
        logins.push(Login { email: p.email.into(), role: p.role_desc });
    }
    let state = web::AppState { db: db.clone(), config: std::sync::Arc::new(web::Config::new(base_url)) };
    let feed_url = seed_swaps(&state, (city, assoc, rz, city2)).await?;
    Ok(Demo { logins, feed_url })
}

async fn user_id(db: &Db, email: &str) -> anyhow::Result<UserId> {
    store::users::account_by_email(db, email).await?.ok_or_else(|| anyhow::anyhow!("demo account {email} missing"))
}

fn actor(user: UserId, org: OrgId, roles: Vec<OrgRole>) -> Actor {
    Actor { user_id: user, org_id: Some(org), roles, organiser: false }
}

/// Drives a swap through the domain to confirmed, as the people would through the pages:
/// every member accepts, every approver approves, the staff council consents, the agreement
/// is generated and everyone signs. `today` is the day the swap was proposed.
async fn confirm(
    state: &web::AppState,
    members: &[(UserId, OrgId)],
    week: IsoWeek,
    today: NaiveDate,
    message: &str,
) -> anyhow::Result<Swap> {
    let db = &state.db;
    let err = |e: domain::swap::SwapError| anyhow::anyhow!("demo swap: {e}");
    let now = Utc::now();
    let (mut swap, _) =
        Swap::propose(SwapId::new(), week, members.to_vec(), Some(message.into()), today, now).map_err(err)?;
    store::swaps::create(db, &swap, &effects("swap.proposed")).await?;
    let mut policies = Vec::new();
    for (_, org) in members {
        policies.push((*org, store::orgs::get(db, *org).await?.policy));
    }
    for (u, o) in &members[1..] {
        swap.accept(&actor(*u, *o, vec![]), &policies, now).map_err(err)?;
    }
    for i in 0..swap.approvals.len() {
        let org = swap.approvals[i].org;
        let approver = store::swaps::role_holders(db, org, "approver").await?[0].id;
        swap.approve(&actor(approver, org, vec![OrgRole::Approver]), i, "Gern – viel Erfolg!", now).map_err(err)?;
    }
    for i in 0..swap.bodies.len() {
        let step = swap.bodies[i].clone();
        if step.rule == PolicyRule::Consent {
            let member = store::swaps::role_holders(db, step.org, &format!("body:{}", step.body.code())).await?[0].id;
            let roles: Vec<OrgRole> = OrgRole::ALL.iter().copied().filter(|r| r.body() == Some(step.body)).collect();
            swap.consent(&actor(member, step.org, roles), i, now).map_err(err)?;
        }
    }
    let agreement = web::agreement::generate(state, &swap).await.map_err(|e| anyhow::anyhow!("agreement: {e:?}"))?;
    swap.attach_agreement(agreement.hash.clone()).map_err(err)?;
    for (u, o) in members {
        swap.sign(&actor(*u, *o, vec![]), &agreement.hash, now).map_err(err)?;
    }
    store::swaps::save_with_agreement(db, &swap, Some(&agreement), &effects("swap.confirmed")).await?;
    web::week::ensure_plan(state, &swap).await.map_err(|e| anyhow::anyhow!("plan: {e:?}"))?;
    swap.version += 1;
    Ok(swap)
}

/// The story's swap, confirmed and planned a few weeks ahead (Anna and Eva), and a swap of
/// last month already behind its week (Ingo and Karl), with a reflection still to write.
/// Returns Anna's calendar feed URL.
async fn seed_swaps(
    state: &web::AppState,
    (city, assoc, rz, city2): (OrgId, OrgId, OrgId, OrgId),
) -> anyhow::Result<String> {
    let db = &state.db;
    let anna = user_id(db, "anna.schmidt@musterstadt.example").await?;
    let eva = user_id(db, "eva.nowak@kommunal-it.example").await?;
    let dieter = user_id(db, "dieter.krause@musterstadt.example").await?;
    let today = Utc::now().date_naive();
    let week = IsoWeek::of(today + chrono::Days::new(21));
    let swap = confirm(state, &[(anna, city), (eva, assoc)], week, today, "Tauschen wir für eine Woche?").await?;
    let plan_fx = || effects("week.demo");
    store::week::set_handover(db, swap.id, anna, "Montags Jour fixe mit dem Dezernat; das OZG-Dashboard liegt im Teams-Kanal „Digitalisierung“. Bei Fragen zur E-Akte: Dieter Krause.", &plan_fx()).await?;
    store::week::set_handover(db, swap.id, eva, "Der Verband bereitet gerade die Stellungnahme zum Registermodernisierungsgesetz vor; bitte lies vorab das Positionspapier im Ordner „Gremien“.", &plan_fx()).await?;
    store::week::set_deputy(db, swap.id, anna, dieter, &plan_fx()).await?;
    let (mon, tue, wed) = (week.monday(), week.monday() + chrono::Days::new(1), week.monday() + chrono::Days::new(2));
    let appointments = [
        (
            anna,
            eva,
            "Teamrunde Geschäftsstelle",
            "team_meeting",
            mon,
            "10:00",
            "11:00",
            "Geschäftsstelle, Raum 2.04",
            "Bitte stell dich kurz vor.",
        ),
        (
            anna,
            eva,
            "Webinar Digitale Verwaltung",
            "online_event",
            tue,
            "14:00",
            "15:30",
            "https://events.kommunal-it.example/webinar",
            "",
        ),
        (
            anna,
            eva,
            "Arbeitskreis Open Data",
            "workshop",
            wed,
            "09:30",
            "12:00",
            "Haus der Kommunen, Saal B",
            "Mittagessen ist organisiert.",
        ),
        (
            eva,
            anna,
            "Amtsleitungsrunde",
            "leadership_round",
            mon,
            "13:00",
            "14:00",
            "Rathaus, Sitzungssaal",
            "Die Runde ist vertraulich.",
        ),
        (eva, anna, "Workshop OZG-Umsetzung", "workshop", wed, "10:00", "12:30", "Rathaus, Raum 1.12", ""),
    ];
    for (guest, host, title, kind, day, start, end, place, note) in appointments {
        let input = AppointmentInput {
            title: title.into(),
            kind: kind.into(),
            date: day.to_string(),
            start: start.into(),
            end: end.into(),
            place_or_link: place.into(),
            note_for_guest: note.into(),
        };
        let a = Appointment::parse(&input, week, &[]).map_err(|e| anyhow::anyhow!("demo appointment: {e}"))?;
        let stored = store::week::StoredAppointment {
            id: uuid::Uuid::now_v7(),
            guest,
            appointment: a,
            cancelled: false,
            sequence: 0,
            created_by: host,
            updated_at: store::now(),
        };
        store::week::add_appointment(db, swap.id, &stored, &plan_fx()).await?;
    }
    let secret = web::pages::calendar::create_feed(state, anna).await.map_err(|e| anyhow::anyhow!("feed: {e:?}"))?;

    // Last month's swap: its week is over; Ingo has written his reflection, Karl not yet.
    let ingo = user_id(db, "ingo.lehmann@rz-westfalen.example").await?;
    let karl = user_id(db, "karl.meyer@beispielhausen.example").await?;
    let past = IsoWeek::of(today - chrono::Days::new(28));
    let proposed = past.monday() - chrono::Days::new(30);
    let mut done =
        confirm(state, &[(ingo, rz), (karl, city2)], past, proposed, "Rechenzentrum trifft Bürgeramt?").await?;
    let err = |e: domain::swap::SwapError| anyhow::anyhow!("demo swap: {e}");
    // Stored without notifications: nobody should get "your week begins today" for last month.
    done.begin_week(past.monday()).map_err(err)?;
    store::swaps::save(db, &done, &effects("swap.week_began")).await?;
    done.version += 1;
    done.complete_week(past.friday() + chrono::Days::new(1)).map_err(err)?;
    store::swaps::save(db, &done, &effects("swap.week_completed")).await?;
    let reflection = Reflection::parse(
        "Wie ein Bürgeramt den Andrang am Montagmorgen organisiert – und was unsere Dienste dort auslösen.",
        "Ich lade künftig Fachämter zu unseren Change-Terminen ein.",
        "yes",
        "",
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    store::week::add_reflection(db, done.id, ingo, &reflection, &effects("week.reflection")).await?;
    Ok(web::pages::calendar::feed_url(state, &secret))
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
