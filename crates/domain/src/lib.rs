//! Jobtausch's pure core: the words of the product as Rust types.
//!
//! Nothing here does IO. Values are parsed once at the edge (`Email::parse`, `Profile::parse`)
//! and are valid wherever they exist afterwards. Start reading at [`values`] for the small
//! validated types, [`org`] for organisations and their co-determination policy, [`profile`]
//! for a person's profile and who may see what, [`access`] for who may do what, [`swap`] for the
//! swap's state machine and [`week`] for the plan of the swap week (holidays, briefings,
//! appointments).

pub mod access;
pub mod after;
pub mod disclosure;
pub mod error;
pub mod event;
pub mod ids;
pub mod legal;
pub mod network;
pub mod org;
pub mod places;
pub mod profile;
pub mod round;
pub mod search;
pub mod story;
pub mod swap;
pub mod values;
pub mod week;

pub use error::{DomainError, FieldError, Reason};
pub use ids::{EventId, OrgId, RoundId, SwapId, TokenId, UserId};
