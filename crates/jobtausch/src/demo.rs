//! Demo data modelled on the story: a city administration, an association of municipal IT
//! providers, a regional data centre that is a member of it, and a second city; fictional people
//! in every role. All demo accounts share one password.

use domain::access::OrgRole;
use domain::org::{Body, OrgDraft, Policy, PolicyRule};
use domain::profile::{Profile, ProfileInput};
use domain::values::{IsoWeek, Locale, Password};
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

pub async fn seed(db: &Db) -> anyhow::Result<Vec<Login>> {
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
    Ok(logins)
}

/// What `jobtausch demo` prints: where to go and how to log in.
pub fn banner(base_url: &str, logins: &[Login]) -> String {
    let mut s =
        format!("\nJobtausch demo is running at {base_url}/\n\nDemo logins (password for all: {DEMO_PASSWORD}):\n");
    for l in logins {
        s.push_str(&format!("  {:<40} {}\n", l.email, l.role));
    }
    s.push_str("\nMails are written to the log unless JOBTAUSCH_SMTP_URL is set. Stop with Ctrl-C.\n");
    s
}
