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
    /// Held while the topics are read: when they are missing, one request reads them and the
    /// others wait for it, rather than all of a load's requests grouping every profile at once
    /// (64 of them stalled an instance for seconds).
    refill: tokio::sync::Mutex<()>,
}

#[derive(Debug, Default)]
struct Topics {
    kept: Option<(Instant, Vec<String>)>,
    changes: u64,
}

impl Cache {
    /// The topics most named by people open to a swap.
    pub(crate) async fn common_topics(&self, db: &store::Db) -> Result<Vec<String>, store::StoreError> {
        if let Ok(topics) = self.kept_topics() {
            return Ok(topics);
        }
        let _refilling = self.refill.lock().await;
        // Read by the request this one waited for?
        let changes = match self.kept_topics() {
            Ok(topics) => return Ok(topics),
            Err(changes) => changes,
        };
        let topics = store::profiles::common_topics(db, COMMON_TOPICS).await?;
        let mut t = self.common_topics.lock().unwrap_or_else(|p| p.into_inner());
        if t.changes == changes {
            t.kept = Some((Instant::now(), topics.clone()));
        }
        Ok(topics)
    }

    /// The kept topics, or the count of changes so far when there are none to use.
    fn kept_topics(&self) -> Result<Vec<String>, u64> {
        let t = self.common_topics.lock().unwrap_or_else(|p| p.into_inner());
        match &t.kept {
            Some((at, topics)) if at.elapsed() < KEPT_FOR => Ok(topics.clone()),
            _ => Err(t.changes),
        }
    }

    /// A profile changed: its topics may have become common ones.
    pub(crate) fn profile_changed(&self) {
        let mut t = self.common_topics.lock().unwrap_or_else(|p| p.into_inner());
        t.kept = None;
        t.changes += 1;
    }
}
