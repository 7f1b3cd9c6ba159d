//! Is the text English? The extractors are written for English; on other languages they
//! would invent actors from capitalised words, so the analysis says so and extracts nothing.
//!
//! The judge is the text's lower-case words: in English nearly all are dictionary words,
//! in other languages written in Latin letters few are. Words of scripts without case
//! (Arabic, Chinese, Hindi ...) are not English at all. Capitalised words and numbers say
//! nothing (an English results table is all names, figures and abbreviations), and a text
//! with too few words to judge is taken as English.

use foldhash::{HashMap, HashMapExt};

use super::actors::{is_english_word, is_frequent_word};
use super::tokens::Token;
use crate::document::Document;

/// Fewer judged words than this: too little to tell.
const MIN_WORDS: usize = 6;
/// Fewer letters of scripts without case than this: too little to tell.
const MIN_LETTERS: usize = 12;

pub fn is_english(doc: &Document, tokens: &[Token]) -> bool {
    // short words are as often abbreviations ("v", "st", "pct", "unq") as words
    let judged = || {
        tokens
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(&doc.text))
            .filter(|w| w.starts_with(char::is_lowercase) && w.chars().nth(3).is_some())
    };
    let lower = judged().count();
    // counted in letters: Chinese and Japanese put no spaces between words, so a sentence
    // may be one token. Only words with letters beyond ASCII can have caseless ones, and
    // the cased letters are counted only when there are enough caseless ones to matter.
    let words = || {
        tokens
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(&doc.text))
    };
    let letters = |cased: bool| {
        words()
            .filter(|w| cased || !w.is_ascii())
            .flat_map(str::chars)
            .filter(|c| c.is_alphabetic() && (c.is_lowercase() || c.is_uppercase()) == cased)
            .count()
    };
    let caseless = letters(false);
    if caseless >= MIN_LETTERS && caseless > 2 * letters(true) {
        return false;
    }
    if lower < MIN_WORDS {
        return true;
    }
    // English when at least half are dictionary words: stop as soon as that is settled.
    // The frequent words first (one hash probe each, and in English most words are), then
    // the others by the dictionary, each distinct word once: words repeat, and the
    // dictionary is bisected.
    let needed = lower.div_ceil(2);
    let mut english = 0;
    let mut rarer = Vec::new();
    for word in judged() {
        if is_frequent_word(word) {
            english += 1;
            if english >= needed {
                return true;
            }
        } else {
            rarer.push(word);
        }
    }
    let mut known: HashMap<&str, bool> = HashMap::new();
    for (seen, word) in rarer.iter().enumerate() {
        if *known.entry(word).or_insert_with(|| is_english_word(word)) {
            english += 1;
            if english >= needed {
                return true;
            }
        } else if english + (rarer.len() - seen - 1) < needed {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::document::Meta;

    fn english(text: &str) -> bool {
        let (doc, _) = Document::from_text(text, Meta::default());
        is_english(&doc, &tokenize(&doc))
    }

    #[test]
    fn english_and_other_languages() {
        assert!(english(
            "The minister said on Friday that the talks would resume in Geneva next week, \
             according to officials who were present at the meeting."
        ));
        assert!(!english(
            "El ministro dijo el viernes que las conversaciones se reanudarían en Ginebra la \
             próxima semana, según funcionarios presentes en la reunión."
        ));
        assert!(!english(
            "Der Minister sagte am Freitag, dass die Gespräche nächste Woche in Genf \
             fortgesetzt würden, so Beamte, die bei dem Treffen anwesend waren."
        ));
        assert!(!english(
            "وقال الوزير يوم الجمعة إن المحادثات ستستأنف في جنيف الأسبوع المقبل وفقا لمسؤولين \
             حضروا الاجتماع الذي عقد في المدينة"
        ));
        assert!(!english(
            "Le ministre a déclaré vendredi que les discussions reprendraient à Genève la \
             semaine prochaine, selon des responsables présents à la réunion."
        ));
        assert!(english(
            "Officials in Cairo said on Monday that talks would resume. قال المتحدث إن \
             المحادثات ستستأنف"
        ));
        // no spaces between the words: judged by its letters
        assert!(!english(
            "外務大臣は金曜日、来週ジュネーブで協議が再開されると述べた。"
        ));
        assert!(english(
            "The envoy quoted the slogan 和平 and left the hall after the meeting ended late."
        ));
        assert!(english("Too short to judge."));
    }
}
