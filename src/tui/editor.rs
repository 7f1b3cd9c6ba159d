//! Editing a note in the user's own editor (`$VISUAL`, else `$EDITOR`) through a temporary
//! file. The event loop gives the terminal up around [`edit`].

use std::io::Write;
use std::process::Command;

/// The editor command, when one is set.
pub fn command() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_string())
        .find(|v| !v.is_empty())
}

/// Runs `editor` (a program and its arguments, split as a shell would, so "code -w" and
/// "'/opt/My Editor/edit' --wait" both work) on a temporary file holding `text`; the
/// file's text once the editor exits successfully, else why not.
pub fn edit(editor: &str, text: &str) -> Result<String, String> {
    let words = shlex::split(editor)
        .ok_or_else(|| format!("{editor}: an unclosed quote in $VISUAL or $EDITOR"))?;
    let (program, parts) = words
        .split_first()
        .ok_or("no editor set ($VISUAL or $EDITOR)")?;
    let failed = |e: std::io::Error| format!("editor: {}", crate::io_reason(&e));
    let mut file = tempfile::Builder::new()
        .prefix("brief-note-")
        .suffix(".txt")
        .tempfile()
        .map_err(failed)?;
    file.write_all(text.as_bytes()).map_err(failed)?;
    file.flush().map_err(failed)?;
    let status = Command::new(program)
        .args(parts)
        .arg(file.path())
        .status()
        .map_err(|e| format!("{program}: {}", crate::io_reason(&e)))?;
    if !status.success() {
        return Err(format!(
            "{program} failed ({status}); the note is unchanged"
        ));
    }
    let bytes = std::fs::read(file.path()).map_err(failed)?;
    let text = String::from_utf8_lossy(&bytes);
    // Editors end the file with a newline the note never had.
    Ok(text.trim_end_matches(['\n', '\r']).to_string())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_editor_changes_the_file_and_its_text_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("ed.sh");
        std::fs::write(
            &script,
            "#!/bin/sh\nprintf 'and a second line\\n' >> \"$1\"\n",
        )
        .unwrap();
        let editor = format!("sh {}", script.display());
        let text = edit(&editor, "a first line\n").unwrap();
        assert_eq!(text, "a first line\nand a second line");
        let failing = edit("false", "kept").unwrap_err();
        assert!(failing.contains("unchanged"), "{failing}");
        let missing = edit("no-such-editor-anywhere", "kept").unwrap_err();
        assert!(missing.starts_with("no-such-editor-anywhere:"), "{missing}");
        // a path with a space, quoted as in a shell
        let spaced = dir.path().join("my editor");
        std::fs::create_dir(&spaced).unwrap();
        let script = spaced.join("ed.sh");
        std::fs::write(&script, "#!/bin/sh\nprintf 'edited' > \"$2\"\n").unwrap();
        let editor = format!("sh '{}' --wait", script.display());
        assert_eq!(edit(&editor, "old").unwrap(), "edited");
        let unclosed = edit("'sh", "kept").unwrap_err();
        assert!(unclosed.contains("unclosed quote"), "{unclosed}");
    }
}
