//! The swap's journey through the pages: proposal, acceptance, approvals on both sides, the
//! staff council's consent, the agreement PDF, signatures; and the ways it can end early.

use crate::app::{Browser, PASSWORD, TestApp};
use domain::UserId;
use domain::access::OrgRole;
use domain::org::{Body, Policy, PolicyRule};
use store::{Db, on_both_backends};

on_both_backends!(
    pair_swap_from_proposal_to_signed_agreement,
    refusals_end_the_swap,
    deadline_passes,
    council_refusal_and_delegation,
    one_click_never_ends_a_swap,
    the_start_page_lists_each_persons_tasks
);

struct Cast {
    app: TestApp,
    anna: Browser,
    eva: Browser,
    bernd: Browser,
    frank: Browser,
    carla: Browser,
    eva_id: UserId,
}

/// Anna (city) and Eva (association); Bernd and Frank approve; Carla is the city's staff council,
/// whose consent the city's policy requires.
async fn cast(db: Db) -> Cast {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let eva_id = app.user("eva@verband.example", Some(app.assoc), &[], false).await;
    app.user("bernd@musterstadt.example", Some(app.city), &[OrgRole::Approver], false).await;
    app.user("frank@verband.example", Some(app.assoc), &[OrgRole::Approver], false).await;
    app.user("carla@musterstadt.example", Some(app.city), &[OrgRole::StaffCouncil], false).await;
    app.user("dieter@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;
    let consent = Policy::from_rules([(Body::StaffCouncil, PolicyRule::Consent)]);
    store::orgs::set_policy(&app.db, app.city, &consent, &crate::app::fx("p")).await.unwrap();
    let login = |email: &'static str| {
        let b = app.browser();
        async move {
            b.login(email).await;
            b
        }
    };
    Cast {
        anna: login("anna@musterstadt.example").await,
        eva: login("eva@verband.example").await,
        bernd: login("bernd@musterstadt.example").await,
        frank: login("frank@verband.example").await,
        carla: login("carla@musterstadt.example").await,
        eva_id,
        app,
    }
}

fn week_ahead(weeks: u64) -> String {
    domain::values::IsoWeek::of(chrono::Utc::now().date_naive() + chrono::Days::new(7 * weeks)).to_string()
}

/// The version the page shows in its forms.
fn version_of(html: &str) -> String {
    let i = html.find("name=\"version\" value=\"").expect("an action form") + 22;
    html[i..].split('"').next().unwrap().to_owned()
}

async fn propose(c: &Cast, week: &str) -> String {
    let page = format!("/people/{}", c.eva_id);
    let p = c
        .anna
        .post_form(&page, "/swaps", &[("partner", &c.eva_id.to_string()), ("week", week), ("message", "Tauschen wir?")])
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    p.location.unwrap()
}

pub(crate) async fn act(b: &Browser, swap: &str, action: &str, fields: &[(&str, &str)]) -> crate::app::Page {
    let page = b.get(swap).await;
    let version = version_of(&page.body);
    let mut all = vec![("version", version.as_str())];
    all.extend_from_slice(fields);
    let csrf = crate::app::csrf_of(&page.body);
    let answer = b.post_raw(&format!("{swap}/{action}"), &csrf, &all).await;
    // A decision that ends the swap asks to confirm it first; the person does.
    if answer.status == 200 && answer.body.contains(r#"name="confirm" value="yes""#) {
        all.push(("confirm", "yes"));
        return b.post_raw(&format!("{swap}/{action}"), &csrf, &all).await;
    }
    answer
}

/// The index of the first approval of an organisation's name that the browser may decide.
async fn approvals_for(b: &Browser, swap: &str) -> Vec<String> {
    let page = b.get(swap).await;
    page.body
        .match_indices("name=\"approval\" value=\"")
        .map(|(i, _)| page.body[i + 23..].split('"').next().unwrap().to_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

async fn pair_swap_from_proposal_to_signed_agreement(db: Db) {
    let c = cast(db).await;
    let page = format!("/people/{}", c.eva_id);
    let bad = c.anna.post_form(&page, "/swaps", &[("partner", &c.eva_id.to_string()), ("week", "bald")]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("id=\"propose-week-error\""), "the error stands at the week field");
    assert_eq!(c.app.count("swaps").await, 0);

    let swap = propose(&c, &week_ahead(6)).await;
    assert!(
        c.eva.get("/").await.body.contains("1<span class=\"kern-sr-only\"> ungelesen"),
        "Eva sees an unread message"
    );
    let mails = store::outbox::to_recipient(&c.app.db, "eva@verband.example").await.unwrap();
    assert!(mails[0].subject.contains("schlägt Ihnen einen Tausch vor"), "{}", mails[0].subject);
    assert!(
        mails[0].body.contains("Die Nachricht von anna: „Tauschen wir?“"),
        "the proposal carries its words: {}",
        mails[0].body
    );

    let p = act(&c.eva, &swap, "accept", &[]).await;
    assert_eq!(p.status, 303, "{}", p.body);
    let view = c.anna.get(&swap).await;
    assert!(view.body.contains("data-state=\"approvals_pending\""));

    // Approvals: each side decides its own, nobody the other's.
    let bernds = approvals_for(&c.bernd, &swap).await;
    let franks = approvals_for(&c.frank, &swap).await;
    assert_eq!((bernds.len(), franks.len()), (2, 2), "two approvals for each organisation");
    let p = act(&c.frank, &swap, "approve", &[("approval", &bernds[0])]).await;
    assert_eq!(p.status, 403);
    for i in &bernds {
        assert_eq!(act(&c.bernd, &swap, "approve", &[("approval", i), ("comment", "Gute Idee")]).await.status, 303);
    }
    for i in &franks {
        assert_eq!(act(&c.frank, &swap, "approve", &[("approval", i)]).await.status, 303);
    }
    assert!(
        c.anna.get(&swap).await.body.contains("data-state=\"approvals_pending\""),
        "the staff council still decides"
    );
    let p = act(&c.carla, &swap, "refuse", &[("step", "0"), ("reason", "")]).await;
    assert_eq!(p.status, 422, "a refusal needs a reason");
    assert_eq!(act(&c.carla, &swap, "consent", &[("step", "0")]).await.status, 303);

    let view = c.anna.get(&swap).await;
    assert!(view.body.contains("data-state=\"agreement_pending\""), "{}", view.body);
    assert!(
        view.body.contains("genehmigt · bernd") && view.body.contains("zugestimmt · carla"),
        "decisions name who made them"
    );
    let pdf = c.anna.client.get(c.app.url(&format!("{swap}/agreement.pdf"))).send().await.unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let info = pdf_tool("pdfinfo", &bytes);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Title:           Gegenseitige Verschwiegenheitserklärung"), "{info}");
    let fonts = pdf_tool("pdffonts", &bytes);
    assert!(fonts.lines().skip(2).all(|l| l.contains(" yes yes ")), "every font embedded:\n{fonts}");
    let text = pdftotext(&bytes);
    for needle in ["anna", "eva", "Stadt Musterstadt", "Verband kommunaler IT-Dienstleister", "Verschwiegenheit"] {
        assert!(text.contains(needle), "{needle} missing in the agreement:\n{text}");
    }
    // The persons are listed above the terms, and the organisations are joined in words.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Die oben genannten Personen"), "{flat}");
    assert!(flat.contains("von Stadt Musterstadt und Verband kommunaler IT-Dienstleister anerkannt"), "{flat}");
    assert!(!info.contains("1980"), "the file's creation date is the real one: {info}");
    let hash = {
        let marker = "<code id=\"agreement-hash\">";
        let i = view.body.find(marker).unwrap() + marker.len();
        view.body[i..i + 64].to_owned()
    };
    assert_eq!(hash, sha256(&bytes), "the page shows the hash of the very document");

    let p = act(&c.anna, &swap, "sign", &[("hash", &hash), ("password", "falsches-passwort")]).await;
    assert_eq!(p.status, 422);
    assert!(p.body.contains("id=\"sign-password-error\""));
    assert_eq!(act(&c.anna, &swap, "sign", &[("hash", &hash), ("password", PASSWORD)]).await.status, 303);
    // Eva signs in through her organisation's provider: a sign-in there eleven minutes ago no
    // longer confirms a signature (the page offers to sign in there again); one just now does,
    // without a password. A password session cannot claim it.
    let confirm_by_sign_in = [("hash", hash.as_str()), ("confirm_by", "sign-in")];
    let stale = c.app.browser_via_provider(c.eva_id, c.app.assoc, 11).await;
    assert!(stale.get(&swap).await.body.contains("Beim Anmeldedienst erneut anmelden"));
    let p = act(&stale, &swap, "sign", &confirm_by_sign_in).await;
    assert_eq!(p.status, 422);
    assert!(p.body.contains("liegt zu lange zurück"), "{}", p.body);
    assert_eq!(act(&c.eva, &swap, "sign", &confirm_by_sign_in).await.status, 422, "a password session");
    let fresh = c.app.browser_via_provider(c.eva_id, c.app.assoc, 1).await;
    assert!(fresh.get(&swap).await.body.contains("Das bestätigt Ihre Unterschrift"));
    assert_eq!(act(&fresh, &swap, "sign", &confirm_by_sign_in).await.status, 303);
    let view = c.eva.get(&swap).await;
    assert!(view.body.contains("data-state=\"confirmed\""));
    let signed =
        c.bernd.client.get(c.app.url(&format!("{swap}/agreement.pdf"))).send().await.unwrap().bytes().await.unwrap();
    let text = pdftotext(&signed);
    assert!(text.contains(&hash), "the signature page names the signed hash");
    assert!(text.contains("Unterschriften"));

    // An action on a page that is out of date is refused.
    let annas = c.anna.get(&swap).await;
    let stale = c
        .anna
        .post_raw(
            &format!("{swap}/cancel"),
            &crate::app::csrf_of(&annas.body),
            &[("version", "0"), ("reason_kind", "personal")],
        )
        .await;
    // Refused, and it leads back to the swap as it is now.
    assert_eq!((stale.status, stale.location.as_deref()), (303, Some(swap.as_str())));
    assert!(c.anna.get(&swap).await.body.contains("inzwischen geändert"), "the page says why");
    // Opening a form's address again (a reload after its answer) leads to its page.
    let reload = c.anna.get(&format!("{swap}/cancel")).await;
    assert_eq!((reload.status, reload.location.as_deref()), (303, Some(swap.as_str())));

    // The organisation's admin exports the audit trail.
    let dieter = c.app.browser();
    dieter.login("dieter@musterstadt.example").await;
    let csv = dieter.client.get(c.app.url(&format!("/orgs/{}/audit.csv", c.app.city))).send().await.unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = csv.text().await.unwrap();
    for action in ["swap.proposed", "swap.approved", "swap.body_consented", "swap.signed", "swap.confirmed"] {
        assert!(csv.contains(action), "{action} missing from the export");
    }
    assert_eq!(
        c.bernd.client.get(c.app.url(&format!("/orgs/{}/audit.csv", c.app.city))).send().await.unwrap().status(),
        403
    );

    // An approver of a concerned organisation may still cancel before the week, with a reason.
    assert_eq!(act(&c.bernd, &swap, "cancel", &[("reason", "")]).await.status, 422);
    assert_eq!(
        act(&c.bernd, &swap, "cancel", &[("reason_kind", "other"), ("reason", "Umstrukturierung im Amt")]).await.status,
        303
    );
    let view = c.anna.get(&swap).await;
    assert!(view.body.contains("data-state=\"cancelled\"") && view.body.contains("Umstrukturierung im Amt"));

    // Every member, approver and the council heard of it by mail, in the outbox.
    for who in
        ["anna@musterstadt.example", "bernd@musterstadt.example", "frank@verband.example", "carla@musterstadt.example"]
    {
        assert!(!store::outbox::to_recipient(&c.app.db, who).await.unwrap().is_empty(), "no mail to {who}");
    }
}

async fn refusals_end_the_swap(db: Db) {
    let c = cast(db).await;
    // Declined by the partner, with a reason.
    let swap = propose(&c, &week_ahead(6)).await;
    assert_eq!(act(&c.eva, &swap, "decline", &[("reason", "")]).await.status, 422);
    assert_eq!(
        act(&c.eva, &swap, "decline", &[("reason_kind", "other"), ("reason", "Keine Zeit in der Woche")]).await.status,
        303
    );
    let view = c.anna.get(&swap).await;
    assert!(view.body.contains("data-state=\"declined\"") && view.body.contains("Keine Zeit in der Woche"));

    // A second proposal for another week; an approver says no.
    let swap = propose(&c, &week_ahead(8)).await;
    act(&c.eva, &swap, "accept", &[]).await;
    let franks = approvals_for(&c.frank, &swap).await;
    let p =
        act(&c.frank, &swap, "decline-approval", &[("approval", &franks[0]), ("reason_kind", "other"), ("reason", "")])
            .await;
    assert_eq!(p.status, 422, "'other' needs a text");
    let field = format!("decline-approval-{}-reason", franks[0]);
    assert!(
        p.body.contains(&format!("id=\"{field}-error\"")) && p.body.contains(&format!("href=\"#{field}\"")),
        "the error stands at the card's field"
    );
    let p = act(&c.frank, &swap, "decline-approval", &[("approval", &franks[0]), ("reason_kind", "staffing")]).await;
    assert_eq!(p.status, 303);
    assert!(c.anna.get(&swap).await.body.contains("data-state=\"declined\""));

    // A third one, withdrawn by its proposer; Eva cannot withdraw Anna's proposal.
    let swap = propose(&c, &week_ahead(9)).await;
    assert_eq!(act(&c.eva, &swap, "withdraw", &[("reason_kind", "personal")]).await.status, 403);
    assert_eq!(
        act(&c.anna, &swap, "withdraw", &[("reason_kind", "week_unsuitable"), ("reason", "Termin verschoben")])
            .await
            .status,
        303
    );
    assert!(c.eva.get(&swap).await.body.contains("data-state=\"withdrawn\""));

    // Someone not concerned does not even see the swap.
    c.app.user("fremd@verband.example", Some(c.app.assoc), &[], false).await;
    let stranger = c.app.browser();
    stranger.login("fremd@verband.example").await;
    assert_eq!(stranger.get(&swap).await.status, 404);

    // No swap within one organisation.
    let colleague = c.app.user("kollege@musterstadt.example", Some(c.app.city), &[], false).await;
    let p = c.anna.post_form("/", "/swaps", &[("partner", &colleague.to_string()), ("week", &week_ahead(7))]).await;
    assert_eq!(p.status, 422);
    assert!(p.body.contains("innerhalb derselben Organisation"));
}

async fn deadline_passes(db: Db) {
    let c = cast(db).await;
    let swap = propose(&c, &week_ahead(6)).await;
    act(&c.eva, &swap, "accept", &[]).await;
    let state = web::App::new(c.app.db.clone(), web::Config::new(&c.app.base));
    assert_eq!(app::swaps::run_deadlines(&state).await.unwrap(), 0, "nothing is due yet");
    // A day before the deadline, the approvers are reminded, once.
    let soon = (chrono::Utc::now() + chrono::Duration::days(1)).format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string();
    store::testing::execute(&c.app.db, &format!("UPDATE swap_approvals SET deadline = '{soon}'")).await;
    assert_eq!(app::swaps::run_deadlines(&state).await.unwrap(), 0);
    app::swaps::run_deadlines(&state).await.unwrap();
    let reminders = |who: &'static str| {
        let db = c.app.db.clone();
        async move {
            store::outbox::to_recipient(&db, who)
                .await
                .unwrap()
                .iter()
                .filter(|m| m.subject.contains("Erinnerung"))
                .count()
        }
    };
    assert_eq!(reminders("bernd@musterstadt.example").await, 2, "one reminder per approval of his organisation");
    // Past the deadline, the worker ends the swap and tells everyone.
    store::testing::execute(&c.app.db, "UPDATE swap_approvals SET deadline = '2020-01-01T00:00:00.000000Z'").await;
    assert_eq!(app::swaps::run_deadlines(&state).await.unwrap(), 1);
    let view = c.anna.get(&swap).await;
    assert!(view.body.contains("data-state=\"declined\""));
    assert!(view.body.contains("Frist für eine Genehmigung ist abgelaufen"));
    let mails = store::outbox::to_recipient(&c.app.db, "eva@verband.example").await.unwrap();
    assert!(mails[0].body.contains("findet nicht statt"), "{}", mails[0].body);
}

async fn one_click_never_ends_a_swap(db: Db) {
    let c = cast(db).await;
    let swap = propose(&c, &week_ahead(6)).await;
    act(&c.eva, &swap, "accept", &[]).await;

    // No reason is chosen for anyone: every list of reasons starts empty.
    let page = c.bernd.get(&swap).await;
    for form in ["cancel-reason_kind", "decline-approval-0-reason_kind"] {
        let select = &page.body[page.body.find(&format!("id=\"{form}\"")).expect(form)..];
        let select = &select[..select.find("</select>").unwrap()];
        assert!(select.contains(r#"<option value="" selected>Bitte wählen</option>"#), "{select}");
        assert_eq!(select.matches("selected").count(), 1, "no reason preselected: {select}");
    }
    // Without a chosen reason, nothing happens but a message at the field.
    let p = c.bernd.post_raw(&format!("{swap}/cancel"), &crate::app::csrf_of(&page.body), &[]).await;
    assert_eq!(p.status, 422);
    assert!(p.body.contains(r##"href="#cancel-reason_kind""##), "the summary names the list");

    // With one, a page says what will happen and who will be told, and nothing happened yet.
    let fields = [("version", version_of(&page.body)), ("reason_kind", "workload".to_owned())];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let confirm = c.bernd.post_raw(&format!("{swap}/cancel"), &crate::app::csrf_of(&page.body), &fields).await;
    assert_eq!(confirm.status, 200);
    assert!(confirm.body.contains("Jobtausch absagen?"));
    assert!(confirm.body.contains("findet dann nicht statt"), "what will happen");
    assert!(confirm.body.contains("Die Arbeitslage lässt es nicht zu"), "the reason in words");
    let told = &confirm.body[confirm.body.find(r#"id="confirm-told""#).unwrap()..];
    let told = &told[..told.find("</dd>").unwrap()];
    for name in ["anna", "eva", "frank", "carla"] {
        assert!(told.contains(name), "{name} will be told: {told}");
    }
    assert!(c.anna.get(&swap).await.body.contains(r#"data-state="approvals_pending""#), "not ended yet");

    // Confirmed, it ends; the mails and the page give the reason in words.
    let mut confirmed = fields.clone();
    confirmed.push(("confirm", "yes"));
    let done = c.bernd.post_raw(&format!("{swap}/cancel"), &crate::app::csrf_of(&confirm.body), &confirmed).await;
    assert_eq!(done.status, 303);
    let view = c.anna.get(&swap).await;
    assert!(view.body.contains(r#"data-state="cancelled""#) && view.body.contains("Die Arbeitslage lässt es nicht zu"));
    let mails = store::outbox::to_recipient(&c.app.db, "anna@musterstadt.example").await.unwrap();
    let ended = mails.iter().find(|m| m.body.contains("findet nicht statt")).expect("a mail that says so");
    assert!(ended.body.contains("Grund: Die Arbeitslage lässt es nicht zu"), "{}", ended.body);
    assert!(!ended.body.contains("workload"), "{}", ended.body);
    let people =
        ["anna@musterstadt.example", "eva@verband.example", "frank@verband.example", "carla@musterstadt.example"];
    assert_mails_readable(&c.app.db, &people).await;
}

/// The start page's tasks of a browser: (kind, link) in order.
async fn tasks(b: &Browser) -> Vec<(String, String)> {
    let page = b.get("/").await.body;
    page.split("data-task=\"")
        .skip(1)
        .map(|rest| {
            let kind = rest.split('"').next().unwrap().to_owned();
            let href = rest.split("href=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
            (kind, href)
        })
        .collect()
}

/// The start page's line about one's own swap.
async fn status_on_start_page(b: &Browser, swap: &str) -> String {
    let page = b.get("/").await.body;
    let at = page.find(&format!("href=\"{swap}\"")).expect("the swap is listed");
    let rest = &page[at..];
    let status = &rest[rest.find("swap-status\">").unwrap() + 13..];
    status[..status.find("</span>").unwrap()].to_owned()
}

async fn the_start_page_lists_each_persons_tasks(db: Db) {
    let c = cast(db).await;
    let dieter = c.app.browser();
    dieter.login("dieter@musterstadt.example").await;
    let kinds = |tasks: Vec<(String, String)>| tasks.into_iter().map(|(k, _)| k).collect::<Vec<_>>();
    // The city's admin has a setup to finish: no template of its own, no location.
    let setup = dieter.get("/").await.body;
    assert!(setup.contains("data-task=\"setup\""), "{setup}");
    assert!(setup.contains("Eigene Vorlage der Erklärung hinterlegen") && setup.contains("Standort angeben"));
    assert!(!setup.contains("Genehmigende benennen"), "Bernd approves already");
    assert!(kinds(tasks(&c.anna).await).is_empty(), "nothing to do yet");

    let swap = propose(&c, &week_ahead(6)).await;
    assert_eq!(tasks(&c.eva).await, vec![("answer".to_owned(), swap.clone())], "Eva answers");
    assert!(kinds(tasks(&c.bernd).await).is_empty(), "her employer does not know yet");
    assert_eq!(status_on_start_page(&c.anna, &swap).await, "wartet auf die Antwort von eva");

    act(&c.eva, &swap, "accept", &[]).await;
    assert!(kinds(tasks(&c.eva).await).is_empty(), "answered");
    assert_eq!(kinds(tasks(&c.bernd).await), ["approve"], "one decision for his organisation");
    assert!(c.bernd.get("/").await.body.contains("Frist: "), "with its deadline");
    assert_eq!(kinds(tasks(&c.frank).await), ["approve"]);
    assert_eq!(kinds(tasks(&c.carla).await), ["consent"]);
    for i in approvals_for(&c.bernd, &swap).await {
        act(&c.bernd, &swap, "approve", &[("approval", &i)]).await;
    }
    for i in approvals_for(&c.frank, &swap).await {
        act(&c.frank, &swap, "approve", &[("approval", &i)]).await;
    }
    assert!(kinds(tasks(&c.bernd).await).is_empty(), "decided");
    // Only the council is left, and the status says so.
    assert_eq!(
        status_on_start_page(&c.anna, &swap).await,
        "wartet auf die Zustimmung des Personalrats (Stadt Musterstadt)"
    );
    let page = c.anna.get(&swap).await.body;
    assert!(page.contains(r#"data-stage="councils" aria-current="step""#), "the progress line shows where it stands");
    assert!(page.contains(r#"class="stage stage--done" data-stage="approvals""#));

    act(&c.carla, &swap, "consent", &[("step", "0")]).await;
    assert!(kinds(tasks(&c.carla).await).is_empty());
    assert_eq!(tasks(&c.anna).await, vec![("sign".to_owned(), format!("{swap}#agreement-heading"))]);
    assert_eq!(kinds(tasks(&c.eva).await), ["sign"]);
    assert_eq!(status_on_start_page(&c.eva, &swap).await, "wartet auf die Unterschriften von anna und eva");
    let people = ["anna@musterstadt.example", "eva@verband.example", "bernd@musterstadt.example"];
    assert_mails_readable(&c.app.db, &[&people[..], &["frank@verband.example", "carla@musterstadt.example"]].concat())
        .await;
}

/// Every mail the journey sent to `people` reads as a person would want it: a subject of at
/// most 78 characters, no mail twice to one person, and no message key, enum name or
/// placeholder in subject or body (links aside).
pub async fn assert_mails_readable(db: &Db, people: &[&str]) {
    let mut checked = 0;
    for who in people {
        let mails = store::outbox::to_recipient(db, who).await.unwrap();
        let mut seen = std::collections::HashSet::new();
        for m in &mails {
            checked += 1;
            assert!(m.subject.chars().count() <= 78, "subject too long ({}): {}", m.subject.chars().count(), m.subject);
            assert!(seen.insert((m.subject.clone(), m.body.clone())), "{who} got twice: {}\n{}", m.subject, m.body);
            for word in m.subject.split_whitespace().chain(m.body.split_whitespace()) {
                if word.contains("://") || word.contains('@') {
                    continue;
                }
                let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '_' && c != '-');
                let lower = !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '-');
                let code = lower && (w.contains('_') || w.matches('-').count() >= 2);
                assert!(!code && !word.contains('{'), "{who} reads {word:?} in: {}\n{}", m.subject, m.body);
            }
        }
    }
    assert!(checked > 0, "no mails to read");
}

/// Runs a poppler tool on the PDF and returns what it prints.
pub fn pdf_tool(tool: &str, pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new(tool)
        .arg(&path)
        .output()
        .unwrap_or_else(|_| panic!("{tool} is missing: apt-get install poppler-utils"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is missing: apt-get install poppler-utils");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn sha256(bytes: &[u8]) -> String {
    documents::sha256_hex(bytes)
}

async fn council_refusal_and_delegation(db: Db) {
    let c = cast(db).await;
    c.app.user("vertretung@verband.example", Some(c.app.assoc), &[OrgRole::Approver], false).await;
    let deputy = c.app.browser();
    deputy.login("vertretung@verband.example").await;
    let swap = propose(&c, &week_ahead(6)).await;
    act(&c.eva, &swap, "accept", &[]).await;
    // Frank hands one approval to his deputy, who then decides it; Frank no longer can.
    let franks = approvals_for(&c.frank, &swap).await;
    let page = c.frank.get(&swap).await;
    let deputy_id =
        store::users::account_by_email(&c.app.db, "vertretung@verband.example").await.unwrap().unwrap().to_string();
    assert!(page.body.contains(&deputy_id), "the deputy is offered");
    assert_eq!(
        act(&c.frank, &swap, "delegate", &[("approval", &franks[0]), ("delegate", &deputy_id)]).await.status,
        303
    );
    assert!(!approvals_for(&c.frank, &swap).await.contains(&franks[0]));
    assert!(approvals_for(&deputy, &swap).await.contains(&franks[0]), "the deputy decides the handed-over one");
    assert_eq!(act(&deputy, &swap, "approve", &[("approval", &franks[0])]).await.status, 303);
    // The staff council refuses: the swap ends, with the council's reason.
    assert_eq!(
        act(
            &c.carla,
            &swap,
            "refuse",
            &[("step", "0"), ("reason_kind", "workload"), ("reason", "Personalengpass im Bürgeramt")]
        )
        .await
        .status,
        303
    );
    let view = c.anna.get(&swap).await;
    assert!(
        view.body.contains("data-state=\"declined\"") && view.body.contains("Personalengpass im Bürgeramt"),
        "{}",
        view.body
    );
    let carlas = store::outbox::to_recipient(&c.app.db, "carla@musterstadt.example").await.unwrap();
    assert!(carlas.iter().any(|m| m.body.contains("Zustimmung Ihres Gremiums")), "the council was asked by mail");
}
