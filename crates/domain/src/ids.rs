//! Typed ids: UUIDv7 (time-ordered, so indexes stay compact) wrapped per kind of object, so a
//! user id can never be passed where an organisation id is meant.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl From<Uuid> for $name {
            fn from(u: Uuid) -> Self {
                Self(u)
            }
        }
    )*};
}

id_type!(
    /// A person with an account.
    UserId,
    /// A public employer or association in the network.
    OrgId,
    /// A personal API token.
    TokenId,
    /// A swap: one mutual, dated arrangement with legs.
    SwapId,
    /// A matching round: one run of the matching engine over everyone who opted in.
    RoundId,
    /// An event or after-work meetup of the network.
    EventId,
    /// The story of a completed swap.
    StoryId,
    /// A comment on a published story.
    CommentId,
);
