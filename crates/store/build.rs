//! Rebuilds the crate when a migration is added or changed: `sqlx::migrate!` embeds the
//! migration files at compile time, and cargo does not see them otherwise (a cached build would
//! run without the new migration).

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
