//! `cargo xtask serve`: the release build in dist/ served on 127.0.0.1 by a small static file
//! server, with the headers a production host should send: the right MIME types
//! (`application/wasm`), precompressed brotli/gzip copies when the browser accepts them, long
//! caching for hashed files, `no-cache` for index.html.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::dist::dist;
use crate::run::header;
use crate::setup;

/// Installs what is missing, builds dist/ and serves it on `port` until Ctrl-C.
pub(crate) fn cmd_serve(root: &Path, port: u16) -> Result<(), String> {
    setup::toolchain(root, false)?;
    dist(root)?;
    let server = Server::bind(root.join("dist"), port)?;
    header("serve");
    println!("Serving the release build in dist/ (no live reload; rerun `cargo xtask serve` after a change).");
    println!("\n    Open  {}\n", server.url());
    println!("Press Ctrl-C to stop.");
    server.run();
    Ok(())
}

pub struct Server {
    listener: TcpListener,
    root: PathBuf,
}

impl Server {
    /// Binds 127.0.0.1:port (0: any free port).
    pub fn bind(root: PathBuf, port: u16) -> Result<Server, String> {
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
            format!("cannot listen on 127.0.0.1:{port}: {e} (try `cargo xtask serve --port 8081`)")
        })?;
        Ok(Server { listener, root })
    }

    pub fn url(&self) -> String {
        match self.listener.local_addr() {
            Ok(addr) => format!("http://{addr}/"),
            Err(_) => "http://127.0.0.1/".into(),
        }
    }

    /// Serves until the process ends.
    pub fn run(self) {
        for stream in self.listener.incoming().flatten() {
            let root = self.root.clone();
            std::thread::spawn(move || {
                let _ = handle(stream, &root);
            });
        }
    }
}

fn handle(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk)?;
        if n == 0 || buf.len() > 64 * 1024 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let request = String::from_utf8_lossy(&buf);
    let mut lines = request.lines();
    let mut first = lines.next().unwrap_or_default().split_whitespace();
    let (method, target) = (first.next().unwrap_or(""), first.next().unwrap_or(""));
    let accept_encoding = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("accept-encoding"))
        .map(|(_, v)| v.to_ascii_lowercase())
        .unwrap_or_default();

    if method != "GET" && method != "HEAD" {
        return respond(&mut stream, "405 Method Not Allowed", &[], b"", true);
    }
    let Some(rel) = safe_path(target) else {
        return respond(
            &mut stream,
            "404 Not Found",
            &[],
            b"not found\n",
            method == "GET",
        );
    };
    let file = root.join(&rel);
    if !file.is_file() {
        return respond(
            &mut stream,
            "404 Not Found",
            &[],
            b"not found\n",
            method == "GET",
        );
    }

    let mut headers = vec![
        ("Content-Type", mime(&rel).to_string()),
        ("Cache-Control", cache_control(&rel).to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("Referrer-Policy", "no-referrer".to_string()),
        ("Vary", "Accept-Encoding".to_string()),
    ];
    let mut body_path = file.clone();
    for (token, ext) in [("br", "br"), ("gzip", "gz")] {
        let candidate = PathBuf::from(format!("{}.{ext}", file.display()));
        if accepts(&accept_encoding, token) && candidate.is_file() {
            headers.push(("Content-Encoding", token.to_string()));
            body_path = candidate;
            break;
        }
    }
    let body = std::fs::read(&body_path)?;
    respond(&mut stream, "200 OK", &headers, &body, method == "GET")
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    headers: &[(&str, String)],
    body: &[u8],
    send_body: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if send_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The file a request target names inside dist/, or None for anything that could escape it.
pub fn safe_path(target: &str) -> Option<String> {
    let path = target.split(['?', '#']).next()?;
    let path = path.strip_prefix('/')?;
    let path = if path.is_empty() { "index.html" } else { path };
    let clean = path.split('/').all(|seg| {
        !seg.is_empty()
            && seg != "."
            && seg != ".."
            && seg
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    });
    clean.then(|| path.to_string())
}

fn accepts(accept_encoding: &str, token: &str) -> bool {
    accept_encoding.split(',').any(|part| {
        let mut it = part.split(';');
        let name = it.next().unwrap_or("").trim();
        let refused = it.any(|p| p.trim().replace(' ', "") == "q=0");
        name == token && !refused
    })
}

pub fn mime(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Trunk's hashed files (`name-<16 hex>.ext`) never change and are cached for a year; everything
/// else (index.html, sw.js, the manifest, icons) is revalidated so a new release is seen.
fn cache_control(path: &str) -> &'static str {
    if is_hashed(path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_trunk_hashed_files_are_immutable() {
        assert!(super::is_hashed("app-ce0838dc1e158171_bg.wasm"));
        assert!(super::is_hashed("style-ba753746d834fbc2.css"));
        assert!(!super::is_hashed("sw.js"));
        assert!(!super::is_hashed("index.html"));
        assert!(!super::is_hashed("icon-512.png"));
        assert!(super::is_hashed("boot-6c376f117840979.js"));
    }

    #[test]
    fn paths_stay_inside_dist() {
        assert_eq!(safe_path("/").as_deref(), Some("index.html"));
        assert_eq!(safe_path("/?x=1").as_deref(), Some("index.html"));
        assert_eq!(safe_path("/app-1a.js").as_deref(), Some("app-1a.js"));
        assert_eq!(
            safe_path("/snippets/a/b.js").as_deref(),
            Some("snippets/a/b.js")
        );
        for bad in [
            "",
            "x",
            "/../etc/passwd",
            "/a/../../b",
            "//etc",
            "/%2e%2e/x",
            "/a\\b",
        ] {
            assert_eq!(safe_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn encodings_and_types() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(!accepts("gzip;q=0, br;q=0", "br"));
        assert!(!accepts("", "gzip"));
        assert_eq!(mime("x_bg.wasm"), "application/wasm");
    }
}
