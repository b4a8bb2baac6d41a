//! Secrets: random ones (session ids, CSRF tokens, links, API tokens, calendar feeds) with
//! only their hash kept, and passwords hashed with argon2. Hashing a password takes tens of
//! milliseconds of CPU on purpose, so it runs on the blocking pool, never on the async workers.

use crate::{Error, Result};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use domain::values::Password;
use sha2::{Digest, Sha256};

/// A random secret (256 bits) in hex.
pub fn new_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What the database keeps of a secret.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Hashes a password (argon2id, a fresh salt), off the async runtime.
pub async fn hash_password(p: &Password) -> Result<String> {
    let plain = p.expose().to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        Argon2::default().hash_password(plain.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .map_err(|e| Error::internal("password hashing", e))?
    .map_err(|e| Error::internal("password hashing", e))
}

/// Checks a password, off the async runtime. An unknown account is checked against a fixed
/// hash, so that the time taken does not tell whether an address has an account.
pub async fn verify_password(stored_hash: Option<&str>, given: &str) -> bool {
    const DUMMY: &str =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$wqPqkVLvT4lIW7YXbWmTxXbX5pDaGvzQ9eB6qnbXq3s";
    let known = stored_hash.is_some();
    let hash = stored_hash.unwrap_or(DUMMY).to_owned();
    let given = given.to_owned();
    let ok = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash).is_ok_and(|h| Argon2::default().verify_password(given.as_bytes(), &h).is_ok())
    })
    .await
    .unwrap_or(false);
    ok && known
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn password_hash_verifies_only_the_right_password() {
        let p = Password::parse("p", "richtig-langes-passwort").expect("a valid password");
        let h = hash_password(&p).await.expect("hashed");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(Some(&h), "richtig-langes-passwort").await);
        assert!(!verify_password(Some(&h), "falsch-langes-passwort").await);
        assert!(!verify_password(None, "richtig-langes-passwort").await);
    }

    #[test]
    fn secrets_are_fresh_and_only_their_hash_is_kept() {
        let (a, b) = (new_secret(), new_secret());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(hash_secret(&a), hash_secret(&a));
        assert_ne!(hash_secret(&a), a);
    }
}
