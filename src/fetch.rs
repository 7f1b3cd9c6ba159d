//! `brief fetch`: the feeds subscribed to in the configuration (`[[feeds]]`, a url and a
//! name) brought into a folder of the library, only when the analyst asks. Each feed is asked
//! for with the ETag and Last-Modified its last answer gave (a feed that has not changed is
//! not read again); each new item's page is fetched and saved as a briefing (Markdown with
//! TOML front matter: title, source, url, published), the item's own text when the page
//! cannot be read. HTTP(S) through ureq with rustls (no system OpenSSL), with timeouts and a
//! size limit a page. What a feed's folder has seen is kept in its `.fetch.json`.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::document::{Document, Meta, items};

/// One `[[feeds]]` entry of the configuration.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feed {
    pub url: String,
    /// The folder its items go into (under the feeds folder) and how messages name it.
    pub name: String,
}

/// A page (a feed or an item's page) past this is cut off and refused.
pub const MAX_PAGE: u64 = 8 << 20;
/// How long a whole request may take, and its connection.
const TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT: Duration = Duration::from_secs(10);

/// What a feed's folder remembers between runs.
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    etag: Option<String>,
    last_modified: Option<String>,
    /// The links (else titles) of the items already saved.
    seen: BTreeSet<String>,
}

const STATE: &str = ".fetch.json";

/// What fetching one feed did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// The server said the feed has not changed since the last run.
    NotModified,
    /// Items saved (`pages` of them from their own page), and those already seen.
    Saved {
        new: usize,
        pages: usize,
        seen: usize,
    },
}

/// The HTTP client every feed is fetched with.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .timeout_connect(Some(CONNECT))
        .user_agent(concat!("brief/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// A page fetched, with what identifies its version.
struct Page {
    bytes: Vec<u8>,
    etag: Option<String>,
    last_modified: Option<String>,
}

/// A page, or why not; none when the server says it has not changed.
fn get(agent: &ureq::Agent, url: &str, state: Option<&State>) -> Result<Option<Page>, String> {
    let mut request = agent.get(url);
    if let Some(state) = state {
        if let Some(etag) = &state.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(modified) = &state.last_modified {
            request = request.header("If-Modified-Since", modified);
        }
    }
    let mut response = request.call().map_err(|e| match e {
        ureq::Error::StatusCode(code) => format!("the server answered HTTP {code}"),
        ureq::Error::Timeout(_) => format!("no answer within {} s", TIMEOUT.as_secs()),
        other => other.to_string(),
    })?;
    if response.status() == 304 {
        return Ok(None);
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let (etag, last_modified) = (header("etag"), header("last-modified"));
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_PAGE)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => {
                format!(
                    "more than {} MiB: brief fetches pages up to that",
                    MAX_PAGE >> 20
                )
            }
            other => other.to_string(),
        })?;
    Ok(Some(Page {
        bytes,
        etag,
        last_modified,
    }))
}

/// Fetches `feed` into its folder under `root`.
pub fn fetch(agent: &ureq::Agent, feed: &Feed, root: &Path) -> Result<Fetched, String> {
    let folder = folder(root, &feed.name)?;
    let state_path = folder.join(STATE);
    let mut state: State = std::fs::read(&state_path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let Some(Page {
        bytes,
        etag,
        last_modified,
    }) = get(agent, &feed.url, Some(&state))?
    else {
        return Ok(Fetched::NotModified);
    };
    let mut warnings = Vec::new();
    let found = match items(&bytes, &mut warnings) {
        Some(found) => found.map_err(|e| e.to_string())?,
        None => return Err("not a feed (RSS, Atom or JSON Feed)".into()),
    };
    let (mut new, mut pages, mut seen) = (0, 0, 0);
    for item in found {
        // the item as the feed gives it: its link, title, date, and text
        let Ok((own, _)) = Document::from_item(item) else {
            continue;
        };
        let key = own.meta.url.clone().or(own.meta.title.clone());
        let Some(key) = key else { continue };
        if state.seen.contains(&key) {
            seen += 1;
            continue;
        }
        // the page itself, else the feed's text of it
        let page = own.meta.url.as_deref().and_then(|url| {
            let page = get(agent, url, None).ok()??;
            Document::from_bytes(page.bytes).ok().map(|(doc, _)| doc)
        });
        pages += usize::from(page.is_some());
        let text = page.as_ref().map_or(&own.text, |p| &p.text);
        // the feed's say on title, link and date, the page's where the feed is silent
        let meta = Meta {
            title: own
                .meta
                .title
                .clone()
                .or(page.as_ref().and_then(|p| p.meta.title.clone())),
            source: own.meta.source.clone(),
            url: own.meta.url.clone(),
            published: own
                .meta
                .published
                .or(page.as_ref().and_then(|p| p.meta.published)),
            author: own.meta.author.clone(),
            ..Meta::default()
        };
        save(&folder, &meta, text)
            .map_err(|e| format!("{}: {}", folder.display(), crate::io_reason(&e)))?;
        state.seen.insert(key);
        new += 1;
    }
    state.etag = etag;
    state.last_modified = last_modified;
    let json = serde_json::to_vec_pretty(&state).unwrap_or_default();
    write_atomically(&folder, &state_path, &json)
        .map_err(|e| format!("{}: {}", state_path.display(), crate::io_reason(&e)))?;
    Ok(Fetched::Saved { new, pages, seen })
}

/// The feed's folder, made if missing; a name that would leave the feeds folder is refused.
fn folder(root: &Path, name: &str) -> Result<PathBuf, String> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\'])
        && name.chars().all(|c| !c.is_control());
    if !plain {
        return Err(format!(
            "the feed's name '{name}' cannot be a folder's (no '/', no leading '.')"
        ));
    }
    let folder = root.join(name);
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("{}: {}", folder.display(), crate::io_reason(&e)))?;
    Ok(folder)
}

#[derive(Serialize)]
struct Front<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
}

/// An item saved as `<published>-<title slug>.md` (a number added when taken), written
/// atomically.
fn save(folder: &Path, meta: &Meta, text: &str) -> std::io::Result<PathBuf> {
    let front = Front {
        title: meta.title.as_deref(),
        source: meta.source.as_deref(),
        url: meta.url.as_deref(),
        published: meta.published.map(|d| d.to_string()),
        author: meta.author.as_deref(),
    };
    let front = toml::to_string(&front).unwrap_or_default();
    let slug: String = meta
        .title
        .as_deref()
        .unwrap_or("item")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let day = meta
        .published
        .map_or("undated".to_string(), |d| d.to_string());
    let stem = format!("{day}-{slug}");
    let mut path = folder.join(format!("{stem}.md"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = folder.join(format!("{stem}-{n}.md"));
    }
    let body = format!("+++\n{front}+++\n{}\n", text.trim_end());
    write_atomically(folder, &path, body.as_bytes())?;
    Ok(path)
}

fn write_atomically(folder: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
