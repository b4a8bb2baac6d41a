//! A running instance for a test, with a seeded network and a browser-like client.

use domain::access::OrgRole;
use domain::org::OrgDraft;
use domain::values::{Locale, Password};
use domain::{OrgId, UserId};
use store::users::{NewUser, Proof};
use store::{AuditEntry, Db, Effects};

pub const PASSWORD: &str = "ein-sicheres-passwort";

pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub city: OrgId,
    pub assoc: OrgId,
}

pub fn fx(action: &'static str) -> Effects {
    Effects::audit(AuditEntry::new(None, action, "test", "-"))
}

impl TestApp {
    pub async fn start(db: Db) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let config = web::Config::new(&base);
        let app = web::router(web::App::new(db.clone(), config));
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let city = store::orgs::create(
            &db,
            &OrgDraft::parse("Stadt Musterstadt", "city", "NW", "", "musterstadt.example").unwrap(),
            &fx("o"),
        )
        .await
        .unwrap();
        let assoc = store::orgs::create(
            &db,
            &OrgDraft::parse("Verband kommunaler IT-Dienstleister", "association", "BE", "", "verband.example")
                .unwrap(),
            &fx("o"),
        )
        .await
        .unwrap();
        TestApp { base, db, city, assoc }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A verified account, with roles in its organisation.
    pub async fn user(&self, email: &str, org: Option<OrgId>, roles: &[OrgRole], organiser: bool) -> UserId {
        let id = UserId::new();
        let hash = app::secrets::hash_password(&Password::parse("p", PASSWORD).unwrap()).await.unwrap();
        let u = NewUser {
            id,
            email: email.into(),
            email_norm: email.to_lowercase(),
            display_name: email.split('@').next().unwrap().replace('.', " "),
            password_hash: hash,
            org_id: org,
            locale: Locale::De,
            organiser,
            verified: true,
        };
        store::users::create(&self.db, &u, &Proof::Operator, &fx("u")).await.unwrap();
        for r in roles {
            store::orgs::grant_role(&self.db, org.unwrap(), id, *r, &fx("r")).await.unwrap();
        }
        id
    }

    /// A client with its own cookies, like one browser.
    pub fn browser(&self) -> Browser {
        let client =
            reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        Browser { client, base: self.base.clone() }
    }

    /// A browser whose person signed in through `org`'s identity provider `minutes_ago` minutes
    /// ago: the session the provider's answer opens, made here (the journey through a real
    /// provider is in the browser suite). The organisation gets a provider if it has none.
    pub async fn browser_via_provider(&self, user: UserId, org: OrgId, minutes_ago: i64) -> Browser {
        if store::sso::provider(&self.db, org).await.unwrap().is_none() {
            let draft = store::sso::ProviderDraft {
                issuer: "https://login.example/realms/test".into(),
                client_id: "jobtausch".into(),
                client_secret: Some("geheim".into()),
                password_allowed: true,
                domains: Vec::new(),
            };
            store::sso::save_provider(&self.db, org, &draft, user, &fx("sso")).await.unwrap();
        }
        let secret = app::secrets::new_secret();
        let hash = app::secrets::hash_secret(&secret);
        let limits = store::users::SessionLimits::default();
        store::users::create_session(&self.db, user, &hash, limits, Some(org.into()), &fx("login")).await.unwrap();
        let at = store::now() - chrono::Duration::minutes(minutes_ago);
        let sql = format!("UPDATE sessions SET created_at = '{}' WHERE token_hash = '{hash}'", at.to_rfc3339());
        store::testing::execute(&self.db, &sql).await;
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        jar.add_cookie_str(&format!("jt_session={secret}; Path=/"), &self.base.parse().unwrap());
        let client = reqwest::Client::builder()
            .cookie_provider(jar)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser { client, base: self.base.clone() }
    }

    pub async fn count(&self, table: &str) -> i64 {
        store::testing::count(&self.db, table).await
    }
}

pub struct Browser {
    pub client: reqwest::Client,
    base: String,
}

/// The CSRF token in the first form of a page.
pub fn csrf_of(html: &str) -> String {
    let i = html.find("name=\"csrf\" value=\"").expect("a form with a CSRF field") + 19;
    html[i..i + 64].to_owned()
}

pub struct Page {
    pub status: u16,
    pub body: String,
    pub location: Option<String>,
    pub headers: reqwest::header::HeaderMap,
}

impl Browser {
    pub async fn get(&self, path: &str) -> Page {
        let res = self.client.get(format!("{}{path}", self.base)).send().await.unwrap();
        Self::page(res).await
    }

    async fn page(res: reqwest::Response) -> Page {
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let location = headers.get("location").map(|v| v.to_str().unwrap().to_owned());
        Page { status, body: res.text().await.unwrap(), location, headers }
    }

    /// Submits a form the way a browser would: with the CSRF token of the page it came from.
    pub async fn post_form(&self, page_path: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let page = self.get(page_path).await;
        let csrf = csrf_of(&page.body);
        self.post_raw(action, &csrf, fields).await
    }

    pub async fn post_raw(&self, action: &str, csrf: &str, fields: &[(&str, &str)]) -> Page {
        let mut form: Vec<(&str, &str)> = vec![("csrf", csrf)];
        form.extend_from_slice(fields);
        let res = self.client.post(format!("{}{action}", self.base)).form(&form).send().await.unwrap();
        Self::page(res).await
    }

    /// Submits a form with a file (`multipart/form-data`) as a browser would: `file` is the
    /// field's name, the bytes and their type.
    pub async fn post_multipart(
        &self,
        page_path: &str,
        action: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, Vec<u8>, &str)>,
    ) -> Page {
        let page = self.get(page_path).await;
        let mut form = reqwest::multipart::Form::new().text("csrf", csrf_of(&page.body));
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        if let Some((name, bytes, media)) = file {
            let part = reqwest::multipart::Part::bytes(bytes).file_name("foto").mime_str(media).unwrap();
            form = form.part(name.to_string(), part);
        }
        let res = self.client.post(format!("{}{action}", self.base)).multipart(form).send().await.unwrap();
        Self::page(res).await
    }

    pub async fn login(&self, email: &str) {
        // The start page always has a form (the language switch), also for a signed-in browser.
        let p = self.post_form("/", "/login", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!(p.status, 303, "login of {email} failed: {}", p.body);
    }
}
