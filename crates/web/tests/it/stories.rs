//! Stories of completed swaps on both databases: the form with a photo (refused input changes
//! nothing; the photo loses its metadata), drafts seen only by members and press contacts, an
//! organisation without a press contact asked to name one, a change asking everyone again, the
//! last approval publishing, the public page, list filters and the Atom feed read by
//! feedparser, comments with moderation and deletion, and withdrawal by an organisation.

use crate::app::{Browser, TestApp};
use domain::access::OrgRole;
use domain::values::IsoWeek;
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use store::{Db, on_both_backends};

on_both_backends!(a_story_from_draft_to_withdrawal);

/// A 4×3 PNG with a text chunk naming where it was taken.
const PHOTO: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x04, 0x00, 0x00, 0x00, 0x03, 0x08, 0x06, 0x00, 0x00, 0x00, 0xB4, 0xF4, 0xAE, 0xC6, 0x00, 0x00, 0x00, 0x1C, 0x74,
    0x45, 0x58, 0x74, 0x4C, 0x6F, 0x63, 0x61, 0x74, 0x69, 0x6F, 0x6E, 0x00, 0x52, 0x61, 0x74, 0x68, 0x61, 0x75, 0x73,
    0x20, 0x4D, 0x75, 0x73, 0x74, 0x65, 0x72, 0x73, 0x74, 0x61, 0x64, 0x74, 0xE1, 0x87, 0x8E, 0x4D, 0x00, 0x00, 0x00,
    0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x38, 0x21, 0x27, 0xF7, 0x1F, 0x19, 0x33, 0x10, 0x14, 0x00, 0x00,
    0x64, 0x09, 0x18, 0x25, 0xFA, 0x28, 0xA7, 0x0D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60,
    0x82,
];

/// The feed as feedparser reads it (scripts/check_feed.py).
fn read_feed(xml: &str) -> Value {
    let python = std::env::var("JOBTAUSCH_TEST_PYTHON").expect(
        "JOBTAUSCH_TEST_PYTHON is not set: start the services with `eval \"$(scripts/services.sh start)\"` \
         (it installs scripts/requirements-test.txt, with feedparser, into a venv)",
    );
    let script = Path::new(&crate::manifest_dir()).join("../../scripts/check_feed.py");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feed.atom");
    std::fs::write(&file, xml).unwrap();
    let out = Command::new(&python).arg(&script).arg(&file).output().unwrap();
    assert!(out.status.success(), "feedparser refused the feed:\n{}\n{xml}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

async fn mail_count(t: &TestApp, to: &str, kind: &str) -> usize {
    store::testing::mails_of_kind(&t.db, to, kind).await.len()
}

async fn signed_in(t: &TestApp, email: &str) -> Browser {
    let b = t.browser();
    b.login(email).await;
    b
}

fn story_fields<'a>(title: &'a str, body: &'a str, eva: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("story_title", title),
        ("story_body", body),
        ("story_topics", "Digitalisierung, Onlinezugangsgesetz"),
        ("photo_alt", "Anna und Eva vor dem Rathaus"),
        ("quote1", "Ich habe in einer Woche mehr über Kommunen gelernt als in einem Jahr."),
        ("quote1_speaker", eva),
        ("quote2", ""),
        ("quote2_speaker", ""),
    ]
}

async fn a_story_from_draft_to_withdrawal(db: Db) {
    let t = TestApp::start(db).await;
    let anna = t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    let eva = t.user("eva@verband.example", Some(t.assoc), &[], false).await;
    t.user("bernd@musterstadt.example", Some(t.city), &[OrgRole::Approver], false).await;
    t.user("frank@verband.example", Some(t.assoc), &[OrgRole::Approver], false).await;
    t.user("presse@musterstadt.example", Some(t.city), &[OrgRole::Press], false).await;
    t.user("vorstand@verband.example", Some(t.assoc), &[OrgRole::OrgAdmin], false).await;
    t.user("otto@musterstadt.example", Some(t.city), &[], false).await;
    t.user("orga@netzwerk.example", None, &[], true).await;
    t.user("orga2@netzwerk.example", None, &[], true).await;
    let week = IsoWeek::parse("week", "2027-W21").unwrap();
    let s = crate::week::confirmed_swap(&t, &[(anna, t.city), (eva, t.assoc)], week).await;
    let swap = format!("/swaps/{}", s.id);
    let a = signed_in(&t, "anna@musterstadt.example").await;

    // Before the week is over there is nothing to tell.
    assert_eq!(a.get(&format!("{swap}/story")).await.status, 409);
    store::testing::execute(
        &t.db,
        &format!("UPDATE swaps SET state = 'completed' WHERE id = {}", sql_id(&t.db, s.id.0)),
    )
    .await;
    let page = a.get(&swap).await;
    assert!(page.body.contains(&format!("href=\"{swap}/story\"")), "the swap page offers to tell the story");

    // Refused input, all mistakes at once: no title, a file that is no photo, a quote by
    // nobody of the swap; nothing is kept.
    let eva_id = eva.to_string();
    let body = "Eine Woche im Verband: *neue Perspektiven* und **viel gelernt**.\n\n<script>alert(1)</script>\n\n- Briefings jeden Morgen\n- [Bericht](https://verband.example/bericht) und [böse](javascript:alert(1))";
    let mut bad = story_fields("", body, "00000000-0000-0000-0000-000000000001");
    bad.retain(|(k, _)| *k != "photo_alt");
    let refused = a
        .post_multipart(
            &format!("{swap}/story"),
            &format!("{swap}/story"),
            &bad,
            Some(("photo", b"GIF89a".to_vec(), "image/gif")),
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    for field in ["story_title", "photo", "quote1_speaker"] {
        assert!(refused.body.contains(&format!("href=\"#{field}\"")), "{field} is named: {}", refused.body);
    }
    assert_eq!(t.count("stories").await, 0);
    // A photo without its description.
    let mut no_alt = story_fields("Eine Woche im Verband", body, &eva_id);
    no_alt.retain(|(k, _)| *k != "photo_alt");
    let refused = a
        .post_multipart(
            &format!("{swap}/story"),
            &format!("{swap}/story"),
            &no_alt,
            Some(("photo", PHOTO.to_vec(), "image/png")),
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("href=\"#photo_alt\""));

    let fields = story_fields("Eine Woche im Verband", body, &eva_id);
    let made = a
        .post_multipart(
            &format!("{swap}/story"),
            &format!("{swap}/story"),
            &fields,
            Some(("photo", PHOTO.to_vec(), "image/png")),
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let story = made.location.clone().unwrap();
    assert!(story.starts_with("/stories/"));
    assert_eq!(a.get(&format!("{swap}/story")).await.status, 409, "one story per swap");

    // Who hears of the draft: Eva, the city's press office, and (the association has none)
    // its admin, asked to name one.
    assert_eq!(mail_count(&t, "eva@verband.example", "story-drafted").await, 1);
    assert_eq!(mail_count(&t, "presse@musterstadt.example", "story-drafted").await, 1);
    assert_eq!(mail_count(&t, "vorstand@verband.example", "story-no-press").await, 1);
    assert_eq!(mail_count(&t, "anna@musterstadt.example", "story-drafted").await, 0, "not the author");

    // The draft: its parties only.
    let anonymous = t.browser();
    assert_eq!(anonymous.get(&story).await.status, 404);
    assert_eq!(anonymous.get(&format!("{story}/photo")).await.status, 404);
    for outsider in ["otto@musterstadt.example", "orga@netzwerk.example", "vorstand@verband.example"] {
        let b = signed_in(&t, outsider).await;
        assert_eq!(b.get(&story).await.status, 404, "{outsider} does not see the draft");
    }
    let e = signed_in(&t, "eva@verband.example").await;
    let draft = e.get(&story).await;
    assert_eq!(draft.status, 200);
    assert!(
        draft.body.contains("Entwurf (Fassung 1)")
            && draft.body.contains("Pressestelle: Verband kommunaler IT-Dienstleister")
    );
    assert!(draft.body.contains("noch keine Pressestelle benannt"));
    let photo = e.get(&format!("{story}/photo")).await;
    assert_eq!(photo.status, 200);
    assert_eq!(photo.headers["content-type"], "image/png");
    assert!(!photo.body.contains("Rathaus"), "the photo's metadata is gone");

    // Eva and the city's press office approve version 1; the association names a press office.
    assert_eq!(e.post_form(&story, &format!("{story}/approve"), &[("version", "1")]).await.status, 303);
    assert_eq!(e.post_form(&story, &format!("{story}/approve"), &[("version", "1")]).await.status, 409, "once");
    let p = signed_in(&t, "presse@musterstadt.example").await;
    assert!(p.get(&story).await.body.contains("als Pressestelle für Stadt Musterstadt"));
    assert_eq!(p.post_form(&story, &format!("{story}/approve"), &[("version", "1")]).await.status, 303);
    t.user("pr@verband.example", Some(t.assoc), &[OrgRole::Press], false).await;

    // Anna changes it: version 2, everyone is asked again; an approval of version 1 is refused.
    let mut changed = story_fields("Eine Woche im Verband – und was bleibt", body, &eva_id);
    changed.push(("version", "1"));
    let edit = a.post_multipart(&format!("{story}/edit"), &format!("{story}/edit"), &changed, None).await;
    assert_eq!(edit.status, 303, "{}", edit.body);
    assert_eq!(mail_count(&t, "eva@verband.example", "story-changed").await, 1);
    assert_eq!(mail_count(&t, "pr@verband.example", "story-changed").await, 1);
    let v = signed_in(&t, "pr@verband.example").await;
    assert_eq!(v.post_form(&story, &format!("{story}/approve"), &[("version", "1")]).await.status, 409);
    assert!(e.get(&story).await.body.contains("Dieser Fassung zustimmen"), "Eva is asked again");
    for b in [&e, &p] {
        assert_eq!(b.post_form(&story, &format!("{story}/approve"), &[("version", "2")]).await.status, 303);
    }
    assert_eq!(anonymous.get(&story).await.status, 404, "still a draft");
    let last = v.post_form(&story, &format!("{story}/approve"), &[("version", "2")]).await;
    assert_eq!(last.status, 303);
    for to in ["anna@musterstadt.example", "eva@verband.example", "presse@musterstadt.example", "pr@verband.example"] {
        assert_eq!(mail_count(&t, to, "story-published").await, 1, "{to} hears of the publication");
    }

    // The public page: the text formatted, raw HTML and a javascript: link defused.
    let public = anonymous.get(&story).await;
    assert_eq!(public.status, 200);
    assert!(
        public.body.contains("<em>neue Perspektiven</em>") && public.body.contains("<strong>viel gelernt</strong>")
    );
    assert!(!public.body.contains("<script>alert(1)"), "raw HTML is shown as text");
    assert!(public.body.contains("&lt;script&gt;"));
    assert!(public.body.contains("href=\"https://verband.example/bericht\"") && !public.body.contains("javascript:"));
    assert!(
        public.body.contains("Ich habe in einer Woche mehr über Kommunen gelernt") && public.body.contains("– eva")
    );
    assert!(public.body.contains("alt=\"Anna und Eva vor dem Rathaus\""));
    assert!(!public.body.contains("@verband.example") && !public.body.contains("@musterstadt.example"), "no address");
    assert_eq!(anonymous.get(&format!("{story}/photo")).await.status, 200);

    // The list and its filters.
    let list = |q: &'static str| {
        let anonymous = &anonymous;
        async move { anonymous.get(&format!("/stories{q}")).await }
    };
    assert!(list("").await.body.contains("Eine Woche im Verband – und was bleibt"));
    assert!(list("?region=BE").await.body.contains("und was bleibt"), "the association is in Berlin");
    assert!(list("?region=BY").await.body.contains("id=\"no-stories\""));
    assert!(list("?kind=city&topic=digitalisierung").await.body.contains("und was bleibt"));
    assert!(list("?topic=Haushalt").await.body.contains("id=\"no-stories\""));
    let wrong = list("?region=XX").await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("href=\"#region\""));

    // The feed, as a feed reader reads it.
    let feed = anonymous.get("/stories/feed.atom").await;
    assert_eq!(feed.status, 200);
    assert!(feed.headers["content-type"].to_str().unwrap().starts_with("application/atom+xml"));
    let parsed = read_feed(&feed.body);
    let entries = parsed["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["title"], "Eine Woche im Verband – und was bleibt");
    assert_eq!(entries[0]["link"], t.url(&story));
    assert_eq!(entries[0]["authors"], serde_json::json!(["anna", "eva"]));
    assert!(entries[0]["content"][0].as_str().unwrap().contains("<em>neue Perspektiven</em>"));
    assert!(entries[0]["tags"].as_array().unwrap().iter().any(|t| t == "Digitalisierung"));

    // Comments wait for moderation; the author sees theirs, others do not.
    let o = signed_in(&t, "otto@musterstadt.example").await;
    let empty = o.post_form(&story, &format!("{story}/comments"), &[("comment", "")]).await;
    assert_eq!(empty.status, 422);
    for text in ["Toll, das machen wir auch!", "Werbung: www.beispiel.example"] {
        assert_eq!(o.post_form(&story, &format!("{story}/comments"), &[("comment", text)]).await.status, 303);
    }
    assert!(o.get(&story).await.body.contains("wartet auf Freigabe"));
    assert!(!anonymous.get(&story).await.body.contains("Toll, das machen wir auch!"));
    assert!(anonymous.get(&story).await.body.contains("Angemeldete Mitglieder des Netzwerks können kommentieren"));
    assert_eq!(o.get("/admin/comments").await.status, 403, "organisers only");
    let org = signed_in(&t, "orga@netzwerk.example").await;
    let queue = org.get("/admin/comments").await;
    assert!(queue.body.contains("Toll, das machen wir auch!") && queue.body.contains("Werbung"));
    let ids: Vec<String> = queue
        .body
        .match_indices("action=\"/admin/comments/")
        .map(|(i, _)| queue.body[i + 24..i + 60].to_owned())
        .collect();
    let (first, second) = (ids[0].clone(), ids[2].clone());
    assert_ne!(first, second);
    let no_reason =
        org.post_form("/admin/comments", &format!("/admin/comments/{second}/reject"), &[("reason", "")]).await;
    assert_eq!(no_reason.status, 422);
    let rejected = org
        .post_form(
            "/admin/comments",
            &format!("/admin/comments/{second}/reject"),
            &[("reason", "Werbung gehört nicht hierher.")],
        )
        .await;
    assert_eq!(rejected.status, 303);
    assert_eq!(mail_count(&t, "otto@musterstadt.example", "comment-rejected").await, 1);
    assert_eq!(org.post_form("/admin/comments", &format!("/admin/comments/{first}/approve"), &[]).await.status, 303);
    assert_eq!(
        org.post_form("/admin/comments", &format!("/admin/comments/{first}/approve"), &[]).await.status,
        409,
        "decided once"
    );
    let shown = anonymous.get(&story).await;
    assert!(shown.body.contains("Toll, das machen wir auch!") && !shown.body.contains("Werbung:"));
    assert!(o.get(&story).await.body.contains("nicht freigegeben: Werbung gehört nicht hierher."));
    // Four eyes: an organiser's own comment is decided by another.
    assert_eq!(
        org.post_form(&story, &format!("{story}/comments"), &[("comment", "Schön zu lesen.")]).await.status,
        303
    );
    let own_queue = org.get("/admin/comments").await;
    assert!(own_queue.body.contains("Ihr eigener Kommentar"));
    let mine = org.get(&story).await;
    let at = mine.body.find("action=\"/comments/").unwrap() + 18;
    let own = mine.body[at..at + 36].to_owned();
    assert_eq!(org.post_form("/admin/comments", &format!("/admin/comments/{own}/approve"), &[]).await.status, 403);
    let other = signed_in(&t, "orga2@netzwerk.example").await;
    assert_eq!(other.post_form("/admin/comments", &format!("/admin/comments/{own}/approve"), &[]).await.status, 303);
    // The author deletes their comment.
    let del = o.get(&story).await;
    let at = del.body.find("action=\"/comments/").unwrap() + 18;
    let cid = del.body[at..at + 36].to_owned();
    assert_eq!(o.post_form(&story, &format!("/comments/{cid}/delete"), &[]).await.status, 303);
    assert!(!anonymous.get(&story).await.body.contains("Toll, das machen wir auch!"));
    assert_eq!(org.post_form(&story, &format!("/comments/{cid}/delete"), &[]).await.status, 404);

    // Withdrawal: not by an approver without a role for stories, not without the confirmation,
    // then by the association's press office for good.
    let f = signed_in(&t, "frank@verband.example").await;
    assert!(!f.get(&story).await.body.contains("Endgültig zurückziehen"));
    assert_eq!(f.post_form(&story, &format!("{story}/withdraw"), &[("confirm", "on")]).await.status, 403);
    let unconfirmed = v.post_form(&story, &format!("{story}/withdraw"), &[]).await;
    assert_eq!(unconfirmed.status, 422);
    assert_eq!(anonymous.get(&story).await.status, 200, "still published");
    assert_eq!(v.post_form(&story, &format!("{story}/withdraw"), &[("confirm", "on")]).await.status, 303);
    assert_eq!(anonymous.get(&story).await.status, 404);
    assert_eq!(anonymous.get(&format!("{story}/photo")).await.status, 404);
    assert!(read_feed(&anonymous.get("/stories/feed.atom").await.body)["entries"].as_array().unwrap().is_empty());
    for table in ["story_photos", "story_comments", "story_quotes", "story_topics"] {
        assert_eq!(t.count(table).await, 0, "{table} is emptied");
    }
    assert_eq!(mail_count(&t, "anna@musterstadt.example", "story-withdrawn").await, 1);
    assert_eq!(mail_count(&t, "pr@verband.example", "story-withdrawn").await, 0, "not the one who withdrew");
    assert_eq!(a.get(&format!("{swap}/story")).await.status, 200, "a new story may be told");
}

/// An id as a literal of the test's database.
fn sql_id(db: &Db, id: uuid::Uuid) -> String {
    match db {
        Db::Sqlite(_) => format!("x'{}'", id.simple()),
        Db::Postgres(_) => format!("'{id}'"),
    }
}
