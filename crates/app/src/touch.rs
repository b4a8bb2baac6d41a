//! When a session, API token or calendar feed was last used: bookkeeping that a request
//! neither waits for nor, on SQLite, takes the write lock for. A use is written at most once a
//! minute per secret ([`store::users::USE_NOTED_EVERY`]), by a task of its own that runs after
//! the request has its answer. A write that fails (the database briefly gone) is only logged:
//! the next use a minute later writes it again, and nothing but the "last used" time depends
//! on it (a session's idle end moves by at most that minute).

use crate::App;
use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};
use store::users::UsedBy;

/// The secrets whose use is being written right now, so that a burst of requests with one
/// token starts one write, not one per request.
static WRITING: LazyLock<Mutex<HashSet<(UsedBy, String)>>> = LazyLock::new(Default::default);

/// Notes in the background that the secret behind `token_hash` was just used.
pub(crate) fn note_use(app: &App, what: UsedBy, token_hash: String) {
    let key = (what, token_hash);
    if !WRITING.lock().unwrap_or_else(|p| p.into_inner()).insert(key.clone()) {
        return;
    }
    let db = app.db.clone();
    tokio::spawn(async move {
        if let Err(e) = store::users::note_use(&db, what, &key.1, store::now()).await {
            tracing::warn!(error = %e, ?what, "could not note the use of a secret");
        }
        WRITING.lock().unwrap_or_else(|p| p.into_inner()).remove(&key);
    });
}
