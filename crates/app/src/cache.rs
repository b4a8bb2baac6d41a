//! Results that many pages read and few changes touch, kept for a short while by this
//! instance: the topics most named by people open to a swap (a grouping over every profile's
//! topics, some 40 ms at 10,000 people, on every search page). A change made through this
//! instance shows at once; one made through another instance after at most [`KEPT_FOR`].

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a kept result is used.
pub const KEPT_FOR: Duration = Duration::from_secs(60);

/// How many of the most named topics are offered.
const COMMON_TOPICS: i64 = 60;

#[derive(Debug, Default)]
pub struct Cache {
    /// The topics with when they were read, and the count of profile changes they were read
    /// after: a read that began before a change must not be kept after it.
    common_topics: Mutex<Topics>,
    /// Held while the topics are read: one request reads them, rather than all of a load's
    /// requests grouping every profile at once (64 of them stalled an instance for seconds).
    /// Meanwhile the others use the list whose minute ran out, or wait when a profile change
    /// took it away.
    refill: tokio::sync::Mutex<()>,
}

#[derive(Debug, Default)]
struct Topics {
    kept: Option<(Instant, Vec<String>)>,
    changes: u64,
}

/// What is kept of the topics.
enum Kept {
    Fresh(Vec<String>),
    /// Read more than [`KEPT_FOR`] ago, with no profile change since (and the count of
    /// changes so far).
    Stale(Vec<String>, u64),
    /// None since the last profile change (the count of changes so far).
    Gone(u64),
}

impl Cache {
    /// The topics most named by people open to a swap.
    pub(crate) async fn common_topics(&self, db: &store::Db) -> Result<Vec<String>, store::StoreError> {
        let stale = match self.kept_topics() {
            Kept::Fresh(topics) => return Ok(topics),
            Kept::Stale(topics, _) => Some(topics),
            Kept::Gone(_) => None,
        };
        let _refilling = match (self.refill.try_lock(), stale) {
            (Ok(refilling), _) => refilling,
            (Err(_), Some(stale)) => return Ok(stale),
            (Err(_), None) => self.refill.lock().await,
        };
        // Read by the request this one waited for?
        let changes = match self.kept_topics() {
            Kept::Fresh(topics) => return Ok(topics),
            Kept::Stale(_, changes) | Kept::Gone(changes) => changes,
        };
        let topics = store::profiles::common_topics(db, COMMON_TOPICS).await?;
        let mut t = self.common_topics.lock().unwrap_or_else(|p| p.into_inner());
        if t.changes == changes {
            t.kept = Some((Instant::now(), topics.clone()));
        }
        Ok(topics)
    }

    fn kept_topics(&self) -> Kept {
        let t = self.common_topics.lock().unwrap_or_else(|p| p.into_inner());
        match &t.kept {
            Some((at, topics)) if at.elapsed() < KEPT_FOR => Kept::Fresh(topics.clone()),
            Some((_, topics)) => Kept::Stale(topics.clone(), t.changes),
            None => Kept::Gone(t.changes),
        }
    }

    /// A profile changed: its topics may have become common ones.
    pub(crate) fn profile_changed(&self) {
        let mut t = self.common_topics.lock().unwrap_or_else(|p| p.into_inner());
        t.kept = None;
        t.changes += 1;
    }
}
