//! `brief fetch` against an HTTP server the test starts on 127.0.0.1: new items saved as
//! briefings with their url and date, a conditional request the second time, a page that
//! never ends cut at the size limit, and a feed that fails as one line.

#[path = "common/cli.rs"]
mod cli;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use cli::{brief, stderr};

/// Serves the test's pages; records each request's path and If-None-Match header.
fn serve(seen: Arc<Mutex<Vec<String>>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let base = address.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap_or_default();
            let path = request.split(' ').nth(1).unwrap_or("/").to_string();
            let mut etag = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("if-none-match:") {
                    etag = Some(v.trim().to_string());
                }
            }
            seen.lock()
                .unwrap()
                .push(format!("{path} {}", etag.as_deref().unwrap_or("-")));
            let respond = |stream: &mut std::net::TcpStream,
                           status: &str,
                           extra: &str,
                           body: &str| {
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n{body}",
                    body.len()
                );
            };
            match path.as_str() {
                "/feed.rss" if etag.as_deref() == Some("\"v1\"") => {
                    respond(&mut stream, "304 Not Modified", "ETag: \"v1\"\r\n", "");
                }
                "/feed.rss" => {
                    let feed = format!(
                        r#"<rss version="2.0"><channel><title>Harbour News</title>
                        <item><title>Council votes</title><link>{base}/a</link>
                        <pubDate>Sat, 23 Nov 2024 10:00:00 +0000</pubDate>
                        <description>The feed's short text.</description></item>
                        <item><title>Talks end</title><link>{base}/never</link>
                        <pubDate>Fri, 22 Nov 2024 10:00:00 +0000</pubDate>
                        <description>Talks ended on Thursday, officials said.</description></item>
                        </channel></rss>"#
                    );
                    respond(&mut stream, "200 OK", "ETag: \"v1\"\r\n", &feed);
                }
                "/a" => respond(
                    &mut stream,
                    "200 OK",
                    "Content-Type: text/html\r\n",
                    "<!DOCTYPE html><html><head><title>Council</title></head><body><article>\
                     <p>The council voted on Friday to expand the harbour, the mayor said.</p>\
                     </article></body></html>",
                ),
                // a page that never ends
                "/never" => {
                    let _ = write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
                    let chunk = [b'a'; 65536];
                    while stream.write_all(&chunk).is_ok() {}
                }
                _ => respond(&mut stream, "500 Internal Server Error", "", "no"),
            }
        }
    });
    address
}

#[test]
fn fetch_saves_new_items_asks_conditionally_and_says_which_feed_failed() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let base = serve(seen.clone());
    let dir = tempfile::tempdir().unwrap();
    let feeds = dir.path().join("feeds");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "feeds_dir = {:?}\n\n[[feeds]]\nurl = \"{base}/feed.rss\"\nname = \"harbour\"\n\n\
             [[feeds]]\nurl = \"{base}/broken.rss\"\nname = \"broken\"\n",
            feeds.to_str().unwrap()
        ),
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    let args = ["fetch", "--config", config, "--data-dir", data];

    let out = brief(&args, None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "brief: broken: the server answered HTTP 500\n",
        "one line for the feed that failed"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("harbour: 2 new (1 from their pages), 0 seen before\n"),
        "{stdout}"
    );
    let mut saved: Vec<_> = std::fs::read_dir(feeds.join("harbour"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".md"))
        .collect();
    saved.sort();
    assert_eq!(
        saved,
        ["2024-11-22-talks-end.md", "2024-11-23-council-votes.md"]
    );
    let council =
        std::fs::read_to_string(feeds.join("harbour/2024-11-23-council-votes.md")).unwrap();
    assert!(
        council.contains(&format!("url = \"{base}/a\"")),
        "{council}"
    );
    assert!(
        council.ends_with("The council voted on Friday to expand the harbour, the mayor said.\n")
    );

    // the page that never ended was cut at the limit: the item is the feed's own text
    let out = brief(
        &[
            "extract",
            feeds
                .join("harbour/2024-11-22-talks-end.md")
                .to_str()
                .unwrap(),
        ],
        None,
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        value["document"]["text"],
        "Talks ended on Thursday, officials said.\n"
    );
    assert_eq!(value["document"]["published"], "2024-11-22");
    assert_eq!(value["document"]["url"], format!("{base}/never"));

    // the second time the feed is asked for with its ETag, and has not changed
    let out = brief(&args, None);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("harbour: not modified\n"));
    assert!(
        seen.lock()
            .unwrap()
            .contains(&"/feed.rss \"v1\"".to_string())
    );

    // without subscriptions, one line
    let empty = dir.path().join("empty.toml");
    std::fs::write(&empty, "").unwrap();
    let out = brief(&["fetch", "--config", empty.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("brief: fetch: no feeds to fetch"));
}
