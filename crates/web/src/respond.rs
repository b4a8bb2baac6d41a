//! Answers both faces give alike: a file to download.

use app::Download;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// A file as an attachment the browser saves under its name.
pub fn download(d: Download) -> Response {
    let mut res = d.bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(d.media_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", d.name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}
