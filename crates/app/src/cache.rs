//! Results that many pages read and few changes touch, kept for a short while by this
//! instance:
//! - the topics most named by people open to a swap (a grouping over every profile's topics,
//!   some 40 ms at 10,000 people, on every search page). A change made through this instance
//!   shows at once; one made through another instance after at most [`KEPT_FOR`];
//! - the network's public figures (every swap of the network counted, some 0.35 s on
//!   PostgreSQL and 2.4 s on SQLite at 30,000 swaps, for a page anyone may load). They show a
//!   change after at most [`KEPT_FOR`].

use std::future::Future;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a kept result is used.
pub const KEPT_FOR: Duration = Duration::from_secs(60);

/// How many of the most named topics are offered.
const COMMON_TOPICS: i64 = 60;

#[derive(Debug, Default)]
pub struct Cache {
    common_topics: Recent<Vec<String>>,
    public_figures: Recent<crate::figures::Figures>,
}

/// One result, kept for [`KEPT_FOR`] and read again by one request at a time.
#[derive(Debug)]
struct Recent<T> {
    /// The result with when it was read, and the count of changes it was read after: a read
    /// that began before a change must not be kept after it.
    slot: Mutex<Slot<T>>,
    /// Held while the result is read: one request reads it, rather than all of a load's
    /// requests at once (64 searches grouping every profile's topics stalled an instance for
    /// seconds). Meanwhile the others use the result whose minute ran out, or wait when a
    /// change took it away.
    refill: tokio::sync::Mutex<()>,
}

impl<T> Default for Recent<T> {
    fn default() -> Self {
        Recent { slot: Mutex::new(Slot { kept: None, changes: 0 }), refill: tokio::sync::Mutex::new(()) }
    }
}

#[derive(Debug)]
struct Slot<T> {
    kept: Option<(Instant, T)>,
    changes: u64,
}

/// What is kept of a result.
enum Kept<T> {
    Fresh(T),
    /// Read more than [`KEPT_FOR`] ago, with no change since (and the count of changes so far).
    Stale(T, u64),
    /// None since the last change (the count of changes so far).
    Gone(u64),
}

impl<T: Clone> Recent<T> {
    /// The kept result, or the one `read` gives.
    async fn get<E, F: Future<Output = Result<T, E>>>(&self, read: impl FnOnce() -> F) -> Result<T, E> {
        let stale = match self.kept() {
            Kept::Fresh(value) => return Ok(value),
            Kept::Stale(value, _) => Some(value),
            Kept::Gone(_) => None,
        };
        let _refilling = match (self.refill.try_lock(), stale) {
            (Ok(refilling), _) => refilling,
            (Err(_), Some(stale)) => return Ok(stale),
            (Err(_), None) => self.refill.lock().await,
        };
        // Read by the request this one waited for?
        let changes = match self.kept() {
            Kept::Fresh(value) => return Ok(value),
            Kept::Stale(_, changes) | Kept::Gone(changes) => changes,
        };
        let value = read().await?;
        let mut slot = self.slot.lock().unwrap_or_else(|p| p.into_inner());
        if slot.changes == changes {
            slot.kept = Some((Instant::now(), value.clone()));
        }
        Ok(value)
    }

    fn kept(&self) -> Kept<T> {
        let slot = self.slot.lock().unwrap_or_else(|p| p.into_inner());
        match &slot.kept {
            Some((at, value)) if at.elapsed() < KEPT_FOR => Kept::Fresh(value.clone()),
            Some((_, value)) => Kept::Stale(value.clone(), slot.changes),
            None => Kept::Gone(slot.changes),
        }
    }

    /// Something the result depends on changed: it is read again when next asked for.
    fn changed(&self) {
        let mut slot = self.slot.lock().unwrap_or_else(|p| p.into_inner());
        slot.kept = None;
        slot.changes += 1;
    }
}

impl Cache {
    /// The topics most named by people open to a swap.
    pub(crate) async fn common_topics(&self, db: &store::Db) -> Result<Vec<String>, store::StoreError> {
        self.common_topics.get(|| store::profiles::common_topics(db, COMMON_TOPICS)).await
    }

    /// A profile changed: its topics may have become common ones.
    pub(crate) fn profile_changed(&self) {
        self.common_topics.changed();
    }

    /// The network's figures as the public pages show them.
    pub(crate) async fn public_figures<F>(&self, read: impl FnOnce() -> F) -> crate::Result<crate::figures::Figures>
    where
        F: Future<Output = crate::Result<crate::figures::Figures>>,
    {
        self.public_figures.get(read).await
    }
}
