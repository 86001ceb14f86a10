//! Starts the real app under tauri-driver on a temporary database and hands
//! the test a WebDriver session. One app per test; tests run one at a time.
//!
//! Needs: the app built with the UI embedded (`--features custom-protocol`
//! after `npm run build` in ui/), `tauri-driver` (cargo install tauri-driver
//! --locked), WebKitWebDriver (Debian: webkit2gtk-driver) and a display
//! (`xvfb-run -a`). `cargo xtask test` does all of it.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use casetrail_store::Store;
use serde_json::json;
use thirtyfour::prelude::*;
use thirtyfour::Capabilities;

/// The app under test, its database and the driver process.
pub struct App {
    pub driver: WebDriver,
    pub db: PathBuf,
    /// Milliseconds from asking for a session to the session being ready (app launched).
    pub session_ms: f64,
    pub started: Instant,
    /// The launched program's file name, to find its processes.
    binary: String,
    tauri_driver: DriverProcess,
    _dir: tempfile::TempDir,
}

/// tauri-driver, stopped with SIGTERM so that it takes WebKitWebDriver down
/// with it (SIGKILL would leave WebKitWebDriver and the app running).
struct DriverProcess(Child);

impl Drop for DriverProcess {
    fn drop(&mut self) {
        let pid = self.0.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Two distinct free local ports (both held while choosing, so they differ).
fn free_ports() -> (u16, u16) {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("a free local port");
    let (a, b) = (bind(), bind());
    let port = |l: &TcpListener| l.local_addr().expect("local address").port();
    (port(&a), port(&b))
}

fn tauri_driver_path() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return p.into();
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    match home.map(|h| h.join("bin/tauri-driver")) {
        Some(p) if p.exists() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

/// Where screenshots go: `test-output/screenshots/` at the repository root (gitignored).
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-output/screenshots");
    std::fs::create_dir_all(&dir).expect("create test-output/screenshots");
    dir
}

impl App {
    /// A fresh database holding the demo case, and the app opened on it.
    pub async fn launch_with_demo() -> App {
        App::launch_with(|db| {
            let mut store = Store::open(db).expect("open temp database");
            casetrail_import::demo::load(&mut store).expect("load the demo case");
        })
        .await
    }

    /// A fresh database made by `prepare` (given its path, in a temporary
    /// directory), and the app opened on it.
    pub async fn launch_with(prepare: impl FnOnce(&Path)) -> App {
        if !cfg!(feature = "custom-protocol") {
            panic!(
                "the E2E tests need the app with its UI embedded: run cargo xtask test \
                 (cargo test -p casetrail-app --features custom-protocol --test e2e -- --ignored)"
            );
        }
        App::launch_binary(Path::new(env!("CARGO_BIN_EXE_casetrail-app")), prepare).await
    }

    /// The app at `application` (an installed package's, say) opened on a
    /// fresh database made by `prepare`.
    pub async fn launch_binary(application: &Path, prepare: impl FnOnce(&Path)) -> App {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("e2e.db");
        prepare(&db);

        let (port, native_port) = free_ports();
        let child = Command::new(tauri_driver_path())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tauri-driver (cargo install tauri-driver --locked)");
        let tauri_driver = DriverProcess(child);
        wait_for_port(port);

        let mut caps = Capabilities::new();
        caps.set(
            "tauri:options",
            json!({
                "application": application,
                "args": ["--db", db.to_str().expect("utf-8 temp path")],
            }),
        )
        .expect("capabilities");
        let started = Instant::now();
        // tauri-driver listens before WebKitWebDriver behind it is ready: retry briefly.
        let mut attempt = 0;
        let driver = loop {
            attempt += 1;
            match WebDriver::new(format!("http://127.0.0.1:{port}"), caps.clone()).await {
                Ok(d) => break d,
                Err(e) if attempt < 5 => {
                    eprintln!("session attempt {attempt} failed ({e}); retrying");
                    tokio::time::sleep(Duration::from_millis(500 * attempt)).await;
                }
                Err(e) => panic!("WebDriver session with the app: {e}"),
            }
        };
        let session_ms = started.elapsed().as_secs_f64() * 1000.0;
        let binary = application
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        App {
            driver,
            db,
            session_ms,
            started,
            binary,
            tauri_driver,
            _dir: dir,
        }
    }

    /// The first element matching `css`, waiting for it to appear.
    pub async fn find(&self, css: &str) -> WebElement {
        self.driver
            .query(By::Css(css))
            .first()
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Text of every element matching `css` (after at least one appears).
    pub async fn texts(&self, css: &str) -> Vec<String> {
        self.find(css).await;
        let mut out = Vec::new();
        for e in self.driver.find_all(By::Css(css)).await.expect("find_all") {
            out.push(e.text().await.expect("text"));
        }
        out
    }

    /// The element that has the keyboard focus.
    pub async fn focused(&self) -> WebElement {
        self.driver.active_element().await.expect("active element")
    }

    /// The id of the focused element.
    pub async fn focused_id(&self) -> String {
        self.focused()
            .await
            .id()
            .await
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Type into whatever has the focus, as a person at a keyboard would.
    pub async fn type_keys(&self, keys: impl Into<TypingData>) {
        self.focused()
            .await
            .send_keys(keys)
            .await
            .expect("send keys");
    }

    /// Wait until `f` holds, polling the page.
    pub async fn wait_until<F, Fut>(&self, what: &str, mut f: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if f().await {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("timed out waiting for {what}");
    }

    /// How many elements match `css` now (no waiting).
    pub async fn count(&self, css: &str) -> usize {
        self.driver
            .find_all(By::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or(0)
    }

    /// Save a screenshot of the window as `test-output/screenshots/NAME.png`.
    /// Waits a moment first: under Xvfb the captured frame lags the DOM.
    pub async fn screenshot(&self, name: &str) {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let path = screenshot_dir().join(format!("{name}.png"));
        self.driver.screenshot(&path).await.expect("screenshot");
        eprintln!("screenshot: {}", path.display());
    }

    /// A number the page exposes on <html data-…> (e.g. the interactive mark).
    pub async fn page_number(&self, script: &str) -> Option<f64> {
        let ret = self.driver.execute(script, vec![]).await.ok()?;
        let v = ret.json();
        v.as_f64()
            .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
    }

    /// End the session and stop tauri-driver (SIGTERM).
    pub async fn quit(self) {
        let App {
            driver,
            tauri_driver,
            ..
        } = self;
        let _ = driver.quit().await;
        drop(tauri_driver);
    }
}

impl App {
    /// Memory (KiB) of the app process and every process under it (WebKit's
    /// web and network processes), found by the unique `--db` path:
    /// `(rss, pss)`. RSS counts shared libraries once per process; PSS shares
    /// them out, so it is the fairer total.
    pub fn memory_kib(&self) -> Option<(u64, u64)> {
        let db = self.db.to_str()?;
        let procs = processes();
        let app = procs
            .iter()
            .find(|p| p.cmdline.contains(db) && p.cmdline.contains(&self.binary))?
            .pid;
        let (mut rss, mut pss) = (0, 0);
        let mut todo = vec![app];
        while let Some(pid) = todo.pop() {
            if let Some(p) = procs.iter().find(|p| p.pid == pid) {
                rss += p.rss_kib;
                pss += p.pss_kib;
            }
            todo.extend(procs.iter().filter(|p| p.ppid == pid).map(|p| p.pid));
        }
        Some((rss, pss))
    }
}

struct Proc {
    pid: u32,
    ppid: u32,
    rss_kib: u64,
    pss_kib: u64,
    cmdline: String,
}

/// Every process on the machine, from /proc (Linux).
fn processes() -> Vec<Proc> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| {
        let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let rollup =
            std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
        let field_in = |text: &str, name: &str| -> Option<u64> {
            text.lines()
                .find(|l| l.starts_with(name))?
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()
        };
        let field = |name: &str| field_in(&status, name);
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline"))
            .map(|b| String::from_utf8_lossy(&b).replace('\0', " "))
            .unwrap_or_default();
        Some(Proc {
            pid,
            ppid: field("PPid:")? as u32,
            rss_kib: field("VmRSS:").unwrap_or(0),
            pss_kib: field_in(&rollup, "Pss:").unwrap_or(0),
            cmdline,
        })
    })
    .collect()
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("tauri-driver did not listen on port {port}");
}

impl App {
    /// When the app process started, in milliseconds since the Unix epoch (from
    /// /proc: its start time in clock ticks after boot, and the boot time).
    pub fn process_started_epoch_ms(&self) -> Option<f64> {
        let db = self.db.to_str()?;
        let pid = processes()
            .into_iter()
            .find(|p| p.cmdline.contains(db) && p.cmdline.contains(&self.binary))?
            .pid;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // Fields after the command name (which may hold spaces) in parentheses;
        // starttime is field 22 overall, the 20th after the closing parenthesis.
        let after = &stat[stat.rfind(')')? + 2..];
        let ticks: f64 = after.split_whitespace().nth(19)?.parse().ok()?;
        let boot_s: f64 = std::fs::read_to_string("/proc/stat")
            .ok()?
            .lines()
            .find_map(|l| l.strip_prefix("btime "))?
            .trim()
            .parse()
            .ok()?;
        // USER_HZ is 100 on Linux for every architecture Casetrail builds on.
        Some((boot_s + ticks / 100.0) * 1000.0)
    }

    /// Milliseconds from the app process starting to the page marking itself
    /// interactive (the page's wall-clock mark against /proc's start time).
    pub async fn interactive_after_process_start_ms(&self) -> Option<f64> {
        let mark = self
            .page_number("return document.documentElement.dataset.interactiveEpochMs ?? null")
            .await?;
        Some(mark - self.process_started_epoch_ms()?)
    }
}

/// The `casetrail` CLI built next to the app (`cargo build -p casetrail`).
pub fn cli_path() -> PathBuf {
    let cli = Path::new(env!("CARGO_BIN_EXE_casetrail-app")).with_file_name("casetrail");
    assert!(
        cli.exists(),
        "{} is missing: build it with cargo build -p casetrail",
        cli.display()
    );
    cli
}

/// A fresh database with the demo case, then `fixture` (relative to src-tauri/)
/// imported by the CLI as a user would, with `args` after `import`.
pub fn demo_and_import(db: &Path, fixture: &str, args: &[&str]) {
    {
        let mut store = Store::open(db).expect("open temp database");
        casetrail_import::demo::load(&mut store).expect("load the demo case");
    }
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture);
    let out = Command::new(cli_path())
        .arg("--db")
        .arg(db)
        .arg("import")
        .args(args)
        .arg(&fixture)
        .output()
        .expect("run casetrail import");
    assert!(
        out.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

impl App {
    /// Run `js` in the page and return what it returns.
    pub async fn script(&self, js: &str) -> serde_json::Value {
        self.driver
            .execute(js, vec![])
            .await
            .unwrap_or_else(|e| panic!("script {js}: {e}"))
            .json()
            .clone()
    }

    /// The page number the viewer shows ("" when none).
    pub async fn shown_page(&self) -> String {
        self.script("return document.querySelector('[data-testid=pdf-page]')?.dataset.page ?? ''")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}
