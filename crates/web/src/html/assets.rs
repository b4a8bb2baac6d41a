//! Styles and fonts, embedded in the binary and served from our own origin (no CDN, no web
//! fonts from elsewhere): the KERN UX-Standard (`@kern-ux/native`, EUPL-1.2, see
//! `assets/kern/LICENSE.md`), the Fira Sans faces it uses, our own few rules, and the one
//! script, which folds the menu on phones.

use app::App;
use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

const FILES: &[(&str, &str, &[u8])] = &[
    ("kern.min.css", "text/css; charset=utf-8", include_bytes!("../../assets/kern/kern.min.css")),
    ("fonts.css", "text/css; charset=utf-8", include_bytes!("../../assets/fonts.css")),
    ("app.css", "text/css; charset=utf-8", include_bytes!("../../assets/app.css")),
    ("menu.js", "text/javascript; charset=utf-8", include_bytes!("../../assets/menu.js")),
    ("session.js", "text/javascript; charset=utf-8", include_bytes!("../../assets/session.js")),
    ("fonts/FiraSans-Regular.woff2", "font/woff2", include_bytes!("../../assets/kern/fonts/FiraSans-Regular.woff2")),
    ("fonts/FiraSans-Italic.woff2", "font/woff2", include_bytes!("../../assets/kern/fonts/FiraSans-Italic.woff2")),
    ("fonts/FiraSans-SemiBold.woff2", "font/woff2", include_bytes!("../../assets/kern/fonts/FiraSans-SemiBold.woff2")),
    ("fonts/FiraSans-Bold.woff2", "font/woff2", include_bytes!("../../assets/kern/fonts/FiraSans-Bold.woff2")),
];

pub fn routes() -> Router<App> {
    Router::new().route("/assets/{*file}", get(asset))
}

async fn asset(Path(file): Path<String>) -> Response {
    match FILES.iter().find(|(name, _, _)| *name == file) {
        Some((_, mime, bytes)) => {
            let mut res = bytes.into_response();
            let h = res.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
            res
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
