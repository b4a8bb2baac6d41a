//! [`ApiJson`]: a JSON object as the body; one that cannot be read is a problem, not axum's
//! plain-text rejection.

use crate::error::HttpError;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = HttpError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<serde_json::Value>::from_request(req, state).await {
            // Every request body of the API is an object; serde would read a struct from an
            // array of its fields, too, which no client means.
            Ok(axum::Json(v)) if v.is_object() => {
                serde_json::from_value(v).map(ApiJson).map_err(|e| HttpError::BadRequest(e.to_string()))
            }
            Ok(_) => Err(HttpError::BadRequest("the body must be a JSON object".into())),
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(HttpError::TooLarge { limit: crate::error::BODY_LIMIT })
            }
            Err(e) => Err(HttpError::BadRequest(e.body_text())),
        }
    }
}
