//! [`ApiJson`]: a JSON body; one that cannot be read is a problem, not axum's plain-text
//! rejection.

use crate::error::HttpError;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = HttpError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(HttpError::TooLarge { limit: crate::error::BODY_LIMIT })
            }
            Err(e) => Err(HttpError::BadRequest(e.body_text())),
        }
    }
}
