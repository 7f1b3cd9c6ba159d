//! Text as the terminal is given it: nothing in a briefing may reorder or drive what is
//! drawn around it.

/// Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) reorder
/// how a terminal shows the text around them, so a briefing could make its words read
/// otherwise than they are; they are kept in the text (offsets need them) but never drawn.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A piece of the article as drawn: tabs as spaces, no bidirectional controls.
pub fn drawable(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_bidi_control(c))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect()
}
