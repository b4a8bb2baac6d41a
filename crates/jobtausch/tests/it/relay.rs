//! An SMTP server (aiosmtpd) of a test's own, on a free loopback port, writing into a maildir.

use std::process::{Child, Command};
use std::time::Duration;

/// An SMTP server of a test's own (the shared one must stay up for the other tests).
pub struct Relay {
    child: Child,
}

impl Relay {
    pub fn start(port: u16, maildir: &std::path::Path) -> Relay {
        Self::start_with(port, maildir, &[])
    }

    /// With more options for aiosmtpd (its certificate for STARTTLS or SMTPS).
    pub fn start_with(port: u16, maildir: &std::path::Path, options: &[&str]) -> Relay {
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir_all(maildir.join(sub)).unwrap();
        }
        let python = std::env::var("JOBTAUSCH_TEST_PYTHON").expect(
            "JOBTAUSCH_TEST_PYTHON is not set: start the services with `eval \"$(scripts/services.sh start)\"`",
        );
        // Held in the guard at once, so that it is stopped (and waited for) on every path.
        let relay = Relay {
            child: Command::new(python)
                .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
                .args(options)
                .arg(maildir)
                .spawn()
                .expect("start aiosmtpd"),
        };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return relay;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("aiosmtpd did not start on port {port}");
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A free port below Linux's ephemeral ports (32768 and up). Tests stop and restart servers on
/// it; a client retrying a stopped server's ephemeral port can be given that same number for
/// itself and connect to itself, and the restarted server then cannot listen there.
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static TRIED: AtomicU32 = AtomicU32::new(0);
    let start = std::process::id() % 12_000;
    loop {
        let n = TRIED.fetch_add(1, Ordering::Relaxed);
        let port = u16::try_from(20_000 + (start + n * 7) % 12_000).unwrap();
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

pub fn delivered(maildir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(maildir.join("new"))
        .map(|d| d.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect())
        .unwrap_or_default()
}
