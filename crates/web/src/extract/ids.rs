//! Typed ids in paths: `/swaps/{id}` gives a `SwapId`, and an id that is no id of that kind is
//! "not found", like one that does not exist.

use crate::error::HttpError;
use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use std::str::FromStr;

/// The path's `{id}`, parsed.
pub struct Id<T>(pub T);

/// The path's `{id}`, parsed, and its second parameter as it is (an action's name).
pub struct IdAnd<T>(pub T, pub String);

/// The path's two parameters, both parsed (`/swaps/{id}/week/appointments/{appointment}`).
pub struct Ids<A, B>(pub A, pub B);

async fn params<S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<Vec<String>, HttpError> {
    let raw =
        RawPathParams::from_request_parts(parts, state).await.map_err(|_| HttpError::App(app::Error::NotFound))?;
    Ok(raw.iter().map(|(_, v)| v.to_owned()).collect())
}

fn parse<T: FromStr>(raw: Option<&String>) -> Result<T, HttpError> {
    raw.and_then(|v| v.trim().parse().ok()).ok_or(HttpError::App(app::Error::NotFound))
}

impl<S: Send + Sync, T: FromStr> FromRequestParts<S> for Id<T> {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let p = params(parts, state).await?;
        Ok(Id(parse(p.first())?))
    }
}

impl<S: Send + Sync, T: FromStr> FromRequestParts<S> for IdAnd<T> {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let p = params(parts, state).await?;
        Ok(IdAnd(parse(p.first())?, p.get(1).cloned().ok_or(HttpError::App(app::Error::NotFound))?))
    }
}

impl<S: Send + Sync, A: FromStr, B: FromStr> FromRequestParts<S> for Ids<A, B> {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let p = params(parts, state).await?;
        Ok(Ids(parse(p.first())?, parse(p.get(1))?))
    }
}
