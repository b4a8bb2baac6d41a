//! The JSON API: everything the pages do, for scripts and other systems, one module per
//! resource with its handlers and its own request and response types. Authentication is a
//! personal API token (`Authorization: Bearer jt_...`). Errors are `application/problem+json`
//! (RFC 9457) with a stable `code` and, for refused input, the fields ([`problem`]); they are
//! described once for the whole OpenAPI document ([`ProblemResponses`]), which is served at
//! `/api/openapi.json`.

mod account;
mod calendar;
mod common;
mod events;
mod figures;
mod inbox;
mod legal;
mod network;
mod orgs;
mod profiles;
mod rounds;
mod swaps;
mod tokens;
mod week;

use crate::error::{HttpError, is_plain_error};
use crate::extract::Lang;
use app::App;
use app::i18n::{label, reason_text, t};
use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use domain::values::Locale;
use serde::Serialize;
use utoipa::openapi::{RefOr, Response as ApiResponse, ResponseBuilder, content::ContentBuilder};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .merge(account::routes())
        .merge(profiles::routes())
        .merge(orgs::routes())
        .merge(tokens::routes())
        .merge(swaps::routes())
        .merge(week::routes())
        .merge(calendar::routes())
        .merge(inbox::routes())
        .merge(legal::routes())
        .merge(network::routes())
        .merge(figures::routes())
        .merge(rounds::routes())
        .merge(events::routes())
        .fallback(not_found)
        // Inside the face's layer, so that an oversized body gets the face's own answer.
        .layer(tower_http::limit::RequestBodyLimitLayer::new(crate::error::BODY_LIMIT))
        .layer(axum::middleware::from_fn(layer))
}

async fn not_found() -> HttpError {
    HttpError::App(app::Error::NotFound)
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Jobtausch API", description = "Job swaps between public employers.", license(name = "EUPL-1.2")),
    components(schemas(Problem, FieldProblem)),
    tags((name = "jobtausch"))
)]
struct ApiDoc;

/// The OpenAPI description: every resource's operations, the bearer scheme, and the error
/// answers added to every operation.
pub fn document() -> utoipa::openapi::OpenApi {
    use utoipa::Modify;
    let mut doc = ApiDoc::openapi();
    for part in [
        account::Doc::openapi(),
        profiles::Doc::openapi(),
        orgs::Doc::openapi(),
        tokens::Doc::openapi(),
        swaps::Doc::openapi(),
        week::Doc::openapi(),
        calendar::Doc::openapi(),
        inbox::Doc::openapi(),
        legal::Doc::openapi(),
        network::Doc::openapi(),
        figures::Doc::openapi(),
        rounds::Doc::openapi(),
        events::Doc::openapi(),
    ] {
        doc.merge(part);
    }
    BearerAuth.modify(&mut doc);
    ProblemResponses.modify(&mut doc);
    doc
}

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The error answers of every operation, declared once: a refusal is a problem+json, and
/// which statuses an operation can answer follows from what it takes. Every operation may
/// answer 400 (an unreadable request), 404, 409 and 422; one that needs a token also 401 and
/// 403; one that takes a body 413; login-like ones 429 (and those that take a password say so).
pub struct ProblemResponses;

impl utoipa::Modify for ProblemResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let problem = |description: &str| -> ApiResponse {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/problem+json",
                    ContentBuilder::new()
                        .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name("Problem"))))
                        .build(),
                )
                .build()
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        let all = [
            ("400", "BadRequest", "The request could not be read."),
            ("401", "Unauthenticated", "No valid token."),
            ("403", "Forbidden", "Not allowed for this person."),
            ("404", "NotFound", "No such thing, or not visible to this person."),
            ("409", "Conflict", "Not possible in the state things are in."),
            ("422", "Invalid", "Input refused, field by field."),
            ("429", "TooManyAttempts", "Too many failed attempts; try again later."),
            ("413", "TooLarge", "The body is larger than the limit (256 KiB)."),
        ];
        for (_, name, description) in all {
            components.responses.insert(name.to_owned(), RefOr::T(problem(description)));
        }
        for item in openapi.paths.paths.values_mut() {
            for op in
                [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch].into_iter().flatten()
            {
                let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
                for (status, name, _) in all {
                    let applies = match status {
                        "401" | "403" => secured,
                        "429" => !secured,
                        "413" => op.request_body.is_some(),
                        _ => true,
                    };
                    if applies {
                        op.responses
                            .responses
                            .entry(status.to_owned())
                            .or_insert_with(|| RefOr::Ref(utoipa::openapi::Ref::from_response_name(name)));
                    }
                }
            }
        }
    }
}

async fn openapi() -> Response {
    let mut res = axum::Json(document()).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// An RFC 9457 problem.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    pub r#type: String,
    pub title: String,
    pub status: u16,
    /// Stable machine code: `invalid`, `unauthenticated`, `forbidden`, `not-found`, ...
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldProblem>>,
}

/// One refused field.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    /// Stable reason code: `required`, `too-long`, `email`, ...
    pub code: String,
    /// The reason in the caller's language.
    pub message: String,
}

/// Turns every refusal (and axum's own plain-text rejections) into a problem+json in the
/// caller's language.
async fn layer(Lang(lang): Lang, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    if let Some(err) = res.extensions_mut().remove::<HttpError>() {
        res = problem(lang, &err);
    } else if is_plain_error(&res) {
        let status = res.status();
        res = problem(lang, &HttpError::of_status(status, crate::error::BODY_LIMIT));
        *res.status_mut() = status;
    }
    res
}

/// The problem+json answer for a refusal, in the caller's language.
pub fn problem(lang: Locale, err: &HttpError) -> Response {
    let code = err.code();
    let detail = match err {
        HttpError::BadRequest(why) => Some(why.clone()),
        HttpError::TooLarge { .. } => Some(app::i18n::t_args(lang, "problem-too-large-text", &err.text_args())),
        _ => err.reason().map(|why| app::i18n::refusal(lang, why).unwrap_or_else(|| why.to_owned())),
    };
    let errors = match err {
        HttpError::App(app::Error::Invalid(fields)) => Some(
            fields
                .iter()
                .map(|f| FieldProblem {
                    field: f.field.to_owned(),
                    code: f.reason.code().to_owned(),
                    message: format!("{}: {}", label(lang, f.field), reason_text(lang, &f.reason)),
                })
                .collect(),
        ),
        _ => None,
    };
    let body = Problem {
        r#type: format!("/problems/{code}"),
        title: t(lang, &format!("problem-{code}")),
        status: err.status().as_u16(),
        code: code.to_owned(),
        detail,
        errors,
    };
    let mut res = (err.status(), axum::Json(body)).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    if matches!(err, HttpError::Unauthenticated) {
        res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    crate::error::add_retry_after(err, &mut res);
    res
}

#[cfg(test)]
mod tests {
    /// The OpenAPI document names each schema once: two types of one name in different modules
    /// would silently share one description (the network's members were described as an
    /// organisation's members once).
    #[test]
    fn every_schema_name_is_used_once() {
        let dir = format!("{}/src/api", std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
        let mut names = Vec::new();
        for entry in std::fs::read_dir(dir).expect("the folder") {
            let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("the file");
            let mut derives_schema = false;
            for line in text.lines().map(str::trim) {
                if line.starts_with("#[derive(") {
                    derives_schema = line.contains("ToSchema");
                } else if let Some(rest) = line.strip_prefix("pub struct ").or_else(|| line.strip_prefix("pub enum ")) {
                    if derives_schema {
                        names.push(rest.split([' ', '{', '(', '<']).next().unwrap_or_default().to_owned());
                    }
                    derives_schema = false;
                }
            }
        }
        names.sort();
        let twice: Vec<_> = names.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0].clone()).collect();
        assert!(names.len() > 40, "only {} schemas found", names.len());
        assert!(twice.is_empty(), "schema names used twice: {twice:?}");
    }
}
