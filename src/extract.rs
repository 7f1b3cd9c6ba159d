//! `brief extract`: briefings in, the contract's JSON out; and the `--jsonl` batch mode.

use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::analysis::{UserLexicon, analyze};
use crate::document::{Document, Meta, published_date};
use crate::schema::to_json;

/// Analyses one briefing and writes its JSON to `out` (pretty for a person reading one
/// briefing, one line for JSON lines), streamed rather than built as one string, whose size
/// would be many times the briefing's. `warnings` (the ingest's) go into its `"warnings"`,
/// as a batch line's do. Returns whether its text was English.
pub fn write_analysis(
    mut out: impl Write,
    doc: &Document,
    warnings: Vec<String>,
    lexicon: &UserLexicon,
    pretty: bool,
) -> std::io::Result<bool> {
    let analysis = analyze(doc, lexicon);
    let json = to_json(doc, &analysis, None, warnings);
    // escaped at the edge: serde_json leaves DEL and C1 controls raw
    if pretty {
        crate::escape::write_pretty(&mut out, &json)?;
    } else {
        let mut out = crate::escape::Json::new(std::io::BufWriter::with_capacity(1 << 16, out));
        serde_json::to_writer(&mut out, &json)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(analysis.english)
}

#[derive(Debug, Deserialize)]
struct BatchLine {
    /// Kept as written: a number of any size comes back with the same digits.
    id: Box<RawValue>,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// How many lines are analysed together: enough to keep every core busy, few enough that
/// output keeps flowing.
const CHUNK: usize = 64;

/// A chunk is closed, whatever its lines, once they hold this many bytes: their outputs are
/// held until the chunk is written, and an analysis's JSON is about 11 times its line.
const CHUNK_BYTES: usize = 1 << 18;

/// A line longer than this is analysed alone and its output streamed, rather than held
/// whole in memory with its chunk's.
const LONG_LINE: usize = 1 << 16;

/// Reads JSON lines from `input` and writes one analysis (or error) line per input line, in
/// input order, analysing on `workers` threads (1: on the calling thread). Blank lines are
/// skipped, and so is a byte-order mark at the start of the stream. Only a failure to read
/// `input` or write `output` is an error.
pub fn batch(
    mut input: impl BufRead,
    output: impl Write,
    default_published: Option<Date>,
    lexicon: &UserLexicon,
    workers: usize,
) -> std::io::Result<()> {
    // escaped at the edge: serde_json leaves DEL and C1 controls raw
    let mut output = crate::escape::Json::new(output);
    if input.fill_buf()?.starts_with("\u{FEFF}".as_bytes()) {
        input.consume(3);
    }
    let mut lines = input.split(b'\n');
    let mut long = None;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut bytes = 0;
        for line in lines.by_ref() {
            let line = line?;
            if line.len() > LONG_LINE {
                long = Some(line);
                break;
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                bytes += line.len();
                chunk.push(line);
            }
            if chunk.len() == CHUNK || bytes >= CHUNK_BYTES {
                break;
            }
        }
        for out in analyse_chunk(&chunk, workers, default_published, lexicon) {
            output.write_all(&out)?;
            output.write_all(b"\n")?;
        }
        if let Some(line) = long.take() {
            batch_line(line, default_published, lexicon, &mut output)?;
            output.write_all(b"\n")?;
        } else if chunk.is_empty() {
            return output.flush();
        }
    }
}

fn analyse_chunk(
    chunk: &[Vec<u8>],
    workers: usize,
    published: Option<Date>,
    lexicon: &UserLexicon,
) -> Vec<Vec<u8>> {
    let one = |line: &Vec<u8>| {
        let mut out = Vec::new();
        batch_line(line.as_slice(), published, lexicon, &mut out).expect("writing to memory");
        out
    };
    if workers <= 1 {
        return chunk.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, Vec<u8>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.min(chunk.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(line) = chunk.get(i) else { break };
                        done.push((i, one(line)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a batch worker never panics"))
            .collect()
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, out)| out).collect()
}

/// One batch line's output line, written to `out`: its analysis, or
/// `{"id": ..., "error": ...}`. The line is given up (when owned) once it is parsed.
fn batch_line(
    line: impl AsRef<[u8]>,
    default_published: Option<Date>,
    lexicon: &UserLexicon,
    mut out: impl Write,
) -> std::io::Result<()> {
    let (doc, id, warnings) = match parse_line(line.as_ref(), default_published) {
        Ok(parsed) => parsed,
        Err((id, error)) => {
            let line = ErrorLine {
                id: id.as_deref(),
                error: &error,
            };
            return serde_json::to_writer(&mut out, &line).map_err(std::io::Error::from);
        }
    };
    drop(line);
    let analysis = analyze(&doc, lexicon);
    let warnings = warnings.into_iter().map(|w| w.0).collect();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer(&mut out, &to_json(&doc, &analysis, Some(id), warnings))?;
    out.flush()
}

/// A line's id (none when it has none) and what is wrong with it.
type LineError = (Option<Box<RawValue>>, String);

/// `{"id": ..., "error": ...}`: the id as given, null without one.
#[derive(Serialize)]
struct ErrorLine<'a> {
    id: Option<&'a RawValue>,
    error: &'a str,
}

/// Just the id of a line that is JSON but no batch line.
#[derive(Deserialize)]
struct IdOnly {
    #[serde(default)]
    id: Option<Box<RawValue>>,
}

/// A batch line read: its document, id and warnings, or its id (null when it has none)
/// and what is wrong with it.
fn parse_line(
    line: &[u8],
    default_published: Option<Date>,
) -> Result<(Document, Box<RawValue>, Vec<crate::document::Warning>), LineError> {
    crate::limits::check(line.len() as u64).map_err(|why| (None, why))?;
    if line.len() > crate::document::MAX_TEXT {
        return Err((None, crate::document::IngestError::TooLong.to_string()));
    }
    let Ok(line) = std::str::from_utf8(line) else {
        return Err((None, "line is not valid UTF-8".into()));
    };
    let parsed: BatchLine = match serde_json::from_str(line) {
        Ok(parsed) => parsed,
        Err(e) => {
            // Keep the id when the line is JSON but lacks a field, so the error can be matched.
            let id = serde_json::from_str::<IdOnly>(line)
                .ok()
                .and_then(|v| v.id)
                .filter(|id| id.get() != "null");
            return Err((id, format!("bad batch line: {e}")));
        }
    };
    // echoed as given, a number as a number
    if !parsed
        .id
        .get()
        .starts_with(|c: char| c == '"' || c == '-' || c.is_ascii_digit())
    {
        return Err((
            Some(parsed.id),
            "\"id\" must be a string or a number".into(),
        ));
    }
    let published = match parsed.published.as_deref() {
        None => default_published,
        Some(p) => match published_date(p) {
            Ok(date) => Some(date),
            Err(why) => return Err((Some(parsed.id), format!("\"published\": {why}"))),
        },
    };
    let id = parsed.id;
    if parsed.text.trim().is_empty() {
        return Err((Some(id), "empty briefing (no text)".into()));
    }
    let mut meta = Meta {
        title: parsed.title,
        source: parsed.source,
        url: parsed.url,
        ..Meta::default()
    };
    meta.give_published(published);
    let (doc, warnings) = Document::from_string(parsed.text, meta);
    Ok((doc, id, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, published: Option<Date>) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        batch(
            input.as_bytes(),
            &mut out,
            published,
            &UserLexicon::default(),
            2,
        )
        .unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn output_follows_input_order_and_bad_lines_do_not_stop_the_batch() {
        let mut input = String::new();
        for i in 0..150 {
            input.push_str(&format!(
                "{{\"id\": \"d{i}\", \"text\": \"Document {i} said so.\"}}\n"
            ));
            if i == 70 {
                input.push_str("not json\n\n{\"id\": 7}\n");
            }
        }
        let out = run(&input, None);
        assert_eq!(out.len(), 152);
        assert_eq!(out[0]["id"], "d0");
        assert_eq!(out[71]["id"], serde_json::Value::Null);
        assert!(
            out[71]["error"]
                .as_str()
                .unwrap()
                .contains("bad batch line")
        );
        assert_eq!(out[72]["id"], 7);
        assert!(out[72]["error"].as_str().unwrap().contains("text"));
        assert_eq!(out[151]["id"], "d149");
        assert_eq!(out[151]["schema"], "brief.analysis/1");
    }

    #[test]
    fn a_lines_published_date_wins_over_the_default() {
        let out = run(
            "{\"id\": \"a\", \"text\": \"x\", \"published\": \"2024-11-23\"}\n{\"id\": \"b\", \"text\": \"x\", \"published\": null}\n{\"id\": \"c\", \"text\": \"x\", \"published\": \"soon\"}\n{\"id\": \"d\", \"text\": \"x\", \"published\": \"0000-01-01\"}\n",
            Some(jiff::civil::date(2020, 1, 1)),
        );
        assert_eq!(out[0]["document"]["published"], "2024-11-23");
        assert_eq!(out[1]["document"]["published"], "2020-01-01");
        assert!(out[2]["error"].as_str().unwrap().contains("soon"));
        assert!(
            out[3]["error"]
                .as_str()
                .unwrap()
                .contains("before the year 1000")
        );
    }

    #[test]
    fn control_characters_in_a_line_become_a_warning() {
        let out = run("{\"id\": \"a\", \"text\": \"red \\u001b[31mtext\"}\n", None);
        assert_eq!(out[0]["document"]["text"], "red text");
        assert_eq!(out[0]["warnings"].as_array().unwrap().len(), 1);
    }
}
