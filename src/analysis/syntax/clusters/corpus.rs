//! The training text of the word clusters, as sentences of word forms: the syntactic words
//! of CoNLL-U treebanks, the `text` of JSON lines, and the glosses and examples of Open
//! English WordNet's YAML source, the raw text cut into words as UD English (EWT) does.
//!
//! Pure functions over text already read: the example `train_clusters` reads the files.

/// The FORM of every syntactic word (integer id: no `n-m` range or `n.1` empty node), one
/// vector a sentence.
pub fn conllu_sentences(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut sentence = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !sentence.is_empty() {
                out.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut columns = line.split('\t');
        let (Some(id), Some(form)) = (columns.next(), columns.next()) else {
            continue;
        };
        if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
            sentence.push(form.to_string());
        }
    }
    if !sentence.is_empty() {
        out.push(sentence);
    }
    out
}

/// Which list of a synset the parser is in.
#[derive(Clone, Copy, PartialEq)]
enum List {
    None,
    Definition,
    Example,
}

/// The definitions and examples of an Open English WordNet synset file (`noun.animal.yaml`
/// ...), in file order. The files are machine-written YAML: a list item is `  - ` at indent
/// 2, a plain or single-quoted scalar folded over lines indented further; an example with a
/// source is a mapping (`  - source: ...` then `    text: ...`).
pub fn wordnet_texts(yaml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut list = List::None;
    // the scalar being read, and whether the item is a mapping (its text is under `text:`)
    let mut item: Option<String> = None;
    let mut mapping = false;
    let mut in_text = false;
    let finish = |item: &mut Option<String>, out: &mut Vec<String>| {
        if let Some(raw) = item.take() {
            let text = unquote(&raw);
            if !text.trim().is_empty() {
                out.push(text);
            }
        }
    };
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = &line[indent..];
        if indent <= 2 && !content.starts_with("- ") {
            // a key of the synset (or a new synset): any list ends
            finish(&mut item, &mut out);
            list = match (indent, content) {
                (2, "definition:") => List::Definition,
                (2, "example:") => List::Example,
                _ => List::None,
            };
            continue;
        }
        if list == List::None {
            continue;
        }
        if indent == 2 {
            // `  - item`
            finish(&mut item, &mut out);
            let value = &content[2..];
            if let Some(rest) = value.strip_prefix("text: ") {
                mapping = true;
                in_text = true;
                item = Some(rest.to_string());
            } else if value.starts_with("source: ") {
                mapping = true;
                in_text = false;
            } else {
                mapping = false;
                in_text = false;
                item = Some(value.to_string());
            }
        } else if mapping && indent == 4 {
            if let Some(rest) = content.strip_prefix("text: ") {
                finish(&mut item, &mut out);
                in_text = true;
                item = Some(rest.to_string());
            } else {
                in_text = false;
            }
        } else if (!mapping || in_text)
            && let Some(text) = item.as_mut()
        {
            text.push(' ');
            text.push_str(content);
        }
    }
    finish(&mut item, &mut out);
    out
}

/// A YAML flow scalar's value: single quotes ('' is a quote) or double quotes (backslash
/// escapes) removed; a plain scalar as it is.
fn unquote(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(inner) = raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    if let Some(inner) = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        return out;
    }
    raw.to_string()
}

/// The `text` field of every JSON line.
pub fn jsonl_texts(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|value| value.get("text")?.as_str().map(str::to_string))
        .collect()
}

/// Abbreviations that keep their full stop (EWT: "etc.", "Mr.", "Inc.").
const ABBREVIATIONS: &[&str] = &[
    "approx", "apr", "aug", "ave", "co", "corp", "dec", "dept", "dr", "esp", "etc", "feb", "gen",
    "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "mar", "mr", "mrs", "ms", "mt", "no",
    "nov", "oct", "prof", "rev", "sep", "sept", "sr", "st", "vol", "vs",
];

/// Raw text as UD English words, one vector a line of text (a paragraph, a gloss): white
/// space separates; opening and closing punctuation, `$`, `%`, a final full stop (not of an
/// abbreviation, initial or initialism), hyphens, dashes and slashes are words of their own;
/// `n't`, `'s`, `'re`, `'ve`, `'ll`, `'d`, `'m` and a plural's possessive `'` are split off
/// ("don't" = "do" "n't", "can't" = "ca" "n't", "cannot" = "can" "not"). Numbers keep their
/// separators ("10,000", "3.5", "10:30"); web and mail addresses stay whole.
pub fn tokenize(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|line| {
            let mut words = Vec::new();
            for chunk in line.split_whitespace() {
                split_chunk(chunk, &mut words);
            }
            words
        })
        .filter(|words| !words.is_empty())
        .collect()
}

fn is_open(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '"' | '\'' | '‘' | '“' | '«' | '$' | '#' | '£' | '€' | '*' | '<'
    )
}

fn is_close(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '"'
            | '\''
            | '’'
            | '”'
            | '»'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '%'
            | '*'
            | '>'
    )
}

fn is_address(chunk: &str) -> bool {
    chunk.contains("://") || chunk.starts_with("www.") || {
        let at = chunk.find('@');
        at.is_some_and(|at| at > 0 && chunk[at..].contains('.'))
    }
}

fn split_chunk(chunk: &str, out: &mut Vec<String>) {
    let mut s = chunk;
    // leading punctuation
    while let Some(c) = s.chars().next() {
        if is_open(c) && s.len() > c.len_utf8() {
            out.push(c.to_string());
            s = &s[c.len_utf8()..];
        } else {
            break;
        }
    }
    // trailing punctuation, innermost last
    let mut tail: Vec<String> = Vec::new();
    while let Some(c) = s.chars().next_back() {
        let body = &s[..s.len() - c.len_utf8()];
        if body.is_empty() {
            break;
        }
        if c == '.' {
            let dots = s.len() - s.trim_end_matches('.').len();
            if dots >= 2 {
                let body = &s[..s.len() - dots];
                if body.is_empty() {
                    break;
                }
                tail.push(s[s.len() - dots..].to_string());
                s = body;
                continue;
            }
            if keeps_stop(body) {
                break;
            }
            tail.push(".".into());
            s = body;
            continue;
        }
        if c == '…' || is_close(c) {
            // a plural's possessive: "students'" is "students" "'"
            tail.push(c.to_string());
            s = body;
            continue;
        }
        break;
    }
    if !s.is_empty() {
        if is_address(s) {
            out.push(s.to_string());
        } else {
            split_inside(s, out);
        }
    }
    out.extend(tail.into_iter().rev());
}

/// A full stop that belongs to its word: "U.S.", "e.g.", "J.", "etc.", "Mr.".
fn keeps_stop(body: &str) -> bool {
    let letters = body.chars().filter(|c| c.is_alphabetic()).count();
    if body.contains('.') && letters > 0 {
        return true;
    }
    if letters == 1 && body.chars().count() == 1 {
        return true;
    }
    ABBREVIATIONS.contains(&body.to_lowercase().as_str())
}

/// Hyphens, dashes, slashes and punctuation between letters are words of their own; a
/// comma, stop or colon between digits stays ("10,000", "3.5", "10:30").
fn split_inside(s: &str, out: &mut Vec<String>) {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut start = 0;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let separate = match c {
            '-' | '–' | '—' | '/' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | ';' | '!' | '?'
            | '…' => true,
            ',' | ':' | '.' => {
                let before = k > 0 && chars[k - 1].1.is_ascii_digit();
                let after = chars.get(k + 1).is_some_and(|(_, n)| n.is_ascii_digit());
                // a stop inside a word stays ("U.S", "e.g"): only commas and colons between
                // letters are cut
                c != '.' && !(before && after)
            }
            _ => false,
        };
        if separate {
            if at > start {
                split_clitics(&s[start..at], out);
            }
            out.push(c.to_string());
            start = at + c.len_utf8();
        }
    }
    if start < s.len() {
        split_clitics(&s[start..], out);
    }
}

/// "don't" = "do" "n't"; "it's" = "it" "'s"; "cannot" = "can" "not".
fn split_clitics(word: &str, out: &mut Vec<String>) {
    let lower = word.to_lowercase();
    if lower == "cannot" {
        out.push(word[..3].to_string());
        out.push(word[3..].to_string());
        return;
    }
    for suffix in ["n't", "n’t"] {
        if lower.len() > suffix.len()
            && lower.ends_with(suffix)
            && word.is_char_boundary(word.len() - suffix.len())
        {
            let cut = word.len() - suffix.len();
            out.push(word[..cut].to_string());
            out.push(word[cut..].to_string());
            return;
        }
    }
    for apostrophe in ['\'', '’'] {
        if let Some(at) = word.rfind(apostrophe) {
            let rest = lower[at + apostrophe.len_utf8()..].to_string();
            if at > 0
                && matches!(rest.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m")
                && word.len() == lower.len()
            {
                out.push(word[..at].to_string());
                out.push(word[at..].to_string());
                return;
            }
        }
    }
    out.push(word.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).concat()
    }

    #[test]
    fn raw_text_is_cut_as_ewt_does() {
        assert_eq!(
            words("He didn't buy the anti-aircraft guns (e.g. Patriots), did he?"),
            [
                "He", "did", "n't", "buy", "the", "anti", "-", "aircraft", "guns", "(", "e.g.",
                "Patriots", ")", ",", "did", "he", "?"
            ]
        );
        assert_eq!(
            words("the students' union's $10,000 and/or 3.5% etc. U.S. can't cannot."),
            [
                "the", "students", "'", "union", "'s", "$", "10,000", "and", "/", "or", "3.5", "%",
                "etc.", "U.S.", "ca", "n't", "can", "not", "."
            ]
        );
        assert_eq!(
            words("‘creature’ wait... ok"),
            ["‘", "creature", "’", "wait", "...", "ok"]
        );
    }

    #[test]
    fn conllu_keeps_syntactic_words() {
        let text =
            "# text = I don't\n1\tI\tI\n2-3\tdon't\t_\n2\tdo\tdo\n3\tn't\tnot\n\n1\tOk\tok\n";
        assert_eq!(conllu_sentences(text), [vec!["I", "do", "n't"], vec!["Ok"]]);
    }

    #[test]
    fn wordnet_definitions_and_examples() {
        let yaml = "01316879-n:\n  definition:\n  - any unwanted and destructive insect\n    or other animal\n  example:\n  - he sprayed the garden\n  - source: William James\n    text: 'Be systematically: ascetic'\n  - 'it''s here:\n    now'\n  hypernym:\n  - 00015568-n\n  members:\n  - pest\n";
        assert_eq!(
            wordnet_texts(yaml),
            [
                "any unwanted and destructive insect or other animal",
                "he sprayed the garden",
                "Be systematically: ascetic",
                "it's here: now"
            ]
        );
    }
}
