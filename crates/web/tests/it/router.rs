//! The router without a socket (`oneshot`): what needs no database state.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn app() -> (axum::Router, store::testing::TestDb) {
    let t = store::testing::sqlite().await;
    let state = web::App::new(t.db.clone(), web::Config::new("https://jobtausch.example"));
    (web::router(state), t)
}

async fn get(path: &str, lang: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let (app, _t) = app().await;
    let res =
        app.oneshot(Request::get(path).header("accept-language", lang).body(Body::empty()).unwrap()).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn assets_are_served_from_our_own_origin_and_cached() {
    let (status, headers, body) = get("/assets/kern.min.css", "de").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "text/css; charset=utf-8");
    assert!(headers["cache-control"].to_str().unwrap().contains("max-age"));
    assert!(body.contains(".kern-btn"));
    let (status, headers, _) = get("/assets/fonts/FiraSans-Regular.woff2", "de").await;
    assert_eq!((status, headers["content-type"].to_str().unwrap()), (StatusCode::OK, "font/woff2"));
    assert_eq!(get("/assets/../Cargo.toml", "de").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn behind_tls_cookies_are_secure_and_hsts_is_sent() {
    let (_, headers, body) = get("/", "en").await;
    assert!(headers["strict-transport-security"].to_str().unwrap().starts_with("max-age="));
    assert!(headers["set-cookie"].to_str().unwrap().contains("Secure"));
    assert!(body.contains("lang=\"en\""));
}

#[tokio::test]
async fn the_openapi_description_lists_every_operation() {
    let (status, _, body) = get("/api/openapi.json", "de").await;
    assert_eq!(status, StatusCode::OK);
    let spec: serde_json::Value = serde_json::from_str(&body).unwrap();
    let ops: usize = spec["paths"].as_object().unwrap().values().map(|p| p.as_object().unwrap().len()).sum();
    assert!(ops >= 26, "only {ops} operations");
    assert!(spec["components"]["securitySchemes"]["bearer"].is_object());
}
