//! What handlers take from a request, already checked: the language ([`Lang`]), the signed-in
//! browser ([`BrowserSession`]) or API caller ([`ApiUser`]), a form whose CSRF token matches
//! ([`CsrfForm`]), a JSON body ([`ApiJson`]) and typed ids in paths ([`Id`], [`IdAnd`]), so
//! that no handler parses a request by hand. Each refusal is an [`HttpError`](crate::error::HttpError).

mod csrf;
mod ids;
mod json;
mod lang;
mod session;

pub use csrf::{CsrfForm, CsrfMultipart, CsrfToken, ForeignOrigin};
pub use ids::{Id, IdAnd, Ids};
pub use json::ApiJson;
pub use lang::{Lang, negotiate};
pub use session::{ApiUser, BrowserSession};
