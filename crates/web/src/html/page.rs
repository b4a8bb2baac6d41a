//! Rendering a page: a template as HTML, a refused form's answer, a safe way back.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

/// Renders a template, or logs why it could not.
pub fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(body) => Html(body).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Renders a form page; a form shown again because of refused input answers 422, so that
/// scripts and tests can tell it from a plain view.
pub fn render_form<T: Template>(t: &T, refused: bool) -> Response {
    let mut res = render(t);
    if refused && res.status() == StatusCode::OK {
        *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    res
}

/// A local path to go back to; anything else (another host, a scheme) becomes the start page.
pub fn safe_back(back: &str) -> &str {
    if back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') { back } else { "/" }
}
