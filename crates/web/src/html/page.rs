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

/// A path on this site to go back to; anything else becomes the start page: another host
/// (`//host`, `/\\host`), a scheme, or a control character or backslash anywhere (browsers drop
/// TAB, CR and LF from URLs, so `/<TAB>/host` would lead away; CR and LF cannot stand in a header).
pub fn safe_back(back: &str) -> &str {
    let on_site = back.starts_with('/')
        && !back.starts_with("//")
        && !back.chars().any(|c| c.is_control() || c == '\\' || c.is_whitespace());
    if on_site { back } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::safe_back;

    #[test]
    fn only_paths_on_this_site_are_followed() {
        for ok in ["/", "/swaps/1?x=1#week", "/orgs/2/members"] {
            assert_eq!(safe_back(ok), ok);
        }
        for bad in [
            "//evil.example",
            "/\t/evil.example",
            "/\\evil.example",
            "https://evil.example",
            "/a\r\nSet-Cookie: x",
            "",
            "evil",
        ] {
            assert_eq!(safe_back(bad), "/", "{bad:?}");
        }
    }
}
