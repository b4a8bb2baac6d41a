//! A small network made through the application, as its organiser and people would.

use app::orgs::{OrgInput, RoleChange};
use app::swaps::Command;
use app::{Account, App, Config};
use domain::OrgId;
use domain::swap::Swap;
use domain::values::{DisplayName, Email, Password};
use store::Db;

pub const PASSWORD: &str = "ein-sicheres-passwort";

pub struct Network {
    pub app: App,
    pub city: OrgId,
    pub assoc: OrgId,
}

impl Network {
    /// A city (NW) and an association (BE), made by a network organiser.
    pub async fn new(db: Db) -> Network {
        let app = App::new(db, Config::new("https://jobtausch.test"));
        let n = Network { app, city: OrgId::new(), assoc: OrgId::new() };
        let orga = n.person("orga@netzwerk.example", None).await.actor();
        let org = |name: &str, kind: &str, region: &str, domain: &str| OrgInput {
            name: name.into(),
            kind: kind.into(),
            region: region.into(),
            parent: String::new(),
            domains: domain.into(),
        };
        let city = app::orgs::create(&n.app, &orga, &org("Stadt Musterstadt", "city", "NW", "musterstadt.example"))
            .await
            .unwrap();
        let assoc =
            app::orgs::create(&n.app, &orga, &org("Verband", "association", "BE", "verband.example")).await.unwrap();
        Network { city, assoc, ..n }
    }

    /// A verified account (an organiser when it belongs to no organisation).
    pub async fn person(&self, email: &str, org: Option<OrgId>) -> Account {
        let e = Email::parse("email", email).unwrap();
        let name = DisplayName::parse("name", email.split('@').next().unwrap()).unwrap();
        let p = Password::parse("password", PASSWORD).unwrap();
        app::account::create_verified(&self.app, &e, &name, &p, org, org.is_none(), "test").await.unwrap();
        app::account::by_email(&self.app, &e).await.unwrap()
    }

    /// A person holding `role` in `org`, granted by the organiser.
    pub async fn with_role(&self, email: &str, org: OrgId, role: &str) -> Account {
        let p = self.person(email, Some(org)).await;
        let orga = self.account("orga@netzwerk.example").await.actor();
        let change = RoleChange { user: p.id.to_string(), role: role.into(), grant: true };
        app::orgs::change_role(&self.app, &orga, org, &change).await.unwrap();
        self.account(email).await
    }

    /// Gives every approval of `swap`: the city's by `city`, the association's by `assoc`.
    /// Returns the swap as it is then.
    pub async fn approve_all(&self, swap: Swap, city: &Account, assoc: &Account) -> Swap {
        let mut swap = swap;
        for approval in 0..swap.approvals.len() {
            let who = if swap.approvals[approval].org == self.city { city } else { assoc };
            let approve = Command::Approve { approval, comment: String::new() };
            swap = app::swaps::act(&self.app, who, swap.id, None, approve).await.unwrap();
        }
        swap
    }

    pub async fn account(&self, email: &str) -> Account {
        app::account::by_email(&self.app, &Email::parse("email", email).unwrap()).await.unwrap()
    }
}

/// The ISO week `weeks` weeks from today ("2027-W21"): far enough ahead to be proposed.
pub fn week_ahead(weeks: u64) -> String {
    domain::values::IsoWeek::of(app::today() + chrono::Days::new(7 * weeks)).to_string()
}
