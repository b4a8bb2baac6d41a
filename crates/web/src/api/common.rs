//! Answers several resources give alike.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A plain acknowledgement.
#[derive(Debug, Serialize, ToSchema)]
pub struct Status {
    pub status: String,
}

impl Status {
    pub fn of(status: &str) -> axum::Json<Status> {
        axum::Json(Status { status: status.to_owned() })
    }
}

/// The id of something just made.
#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
}
