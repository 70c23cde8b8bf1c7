//! Escaping for every output format. Data never reaches an output unescaped:
//! renderers call these functions on every value they print.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn html(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    Cow::Owned(out)
}

/// Returns the URL when it is safe to link (http or https), otherwise `None`.
pub fn safe_url(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    let lower = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
    let safe = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !trimmed.chars().any(|c| c.is_control() || c.is_whitespace());
    safe.then_some(trimmed)
}

/// Replaces terminal control characters (ESC, CSI, BEL, backspace, carriage
/// return, C1 controls, bidi overrides) with visible `\u{..}` escapes, so
/// data cannot move the cursor, recolour or hide text. Newlines and tabs
/// are kept when `keep_newlines` is set (table cells wrap on them).
pub fn terminal(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs = |c: char| {
        (c.is_control() && !(keep_newlines && (c == '\n' || c == '\t'))) || is_bidi_control(c)
    };
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for ch in text.chars() {
        if needs(ch) {
            let _ = write!(out, "\\u{{{:x}}}", ch as u32);
        } else {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Escapes a Markdown table cell: pipes, newlines, and characters that would
/// start markup or inject HTML. The cell stays on one line.
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '`' | '*' | '_' | '[' | ']' => {
                out.push('\\');
                out.push(ch);
            }
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("<br>");
                }
            }
            '\n' => out.push_str("<br>"),
            c if c.is_control() || is_bidi_control(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes Markdown running text (outside tables): the same as a cell, but
/// newlines stay newlines.
pub fn markdown_text(text: &str) -> String {
    text.split('\n')
        .map(markdown_cell)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Neutralises CSV cells that a spreadsheet would run as a formula (leading
/// `=`, `+`, `-`, `@`, tab or carriage return) by prefixing an apostrophe,
/// as OWASP recommends. Quoting is left to the CSV writer.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let clean = terminal_free(text);
    match clean.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{clean}")),
        _ => clean,
    }
}

/// Drops control characters other than newline and tab (which CSV quoting
/// handles) so a CSV opened in a terminal cannot carry escape sequences.
fn terminal_free(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert!(matches!(html("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn only_http_links_are_safe() {
        assert_eq!(safe_url("https://un.org/x"), Some("https://un.org/x"));
        assert_eq!(safe_url("HTTP://un.org"), Some("HTTP://un.org"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
        assert_eq!(safe_url("https://a b"), None);
    }

    #[test]
    fn terminal_neutralises_escape_sequences() {
        let out = terminal("red \x1b[31mtext\x07\u{202e}", false);
        assert!(!out.contains('\x1b'));
        assert!(!out.contains('\u{202e}'));
        assert_eq!(out, "red \\u{1b}[31mtext\\u{7}\\u{202e}");
        assert_eq!(terminal("a\nb", true), "a\nb");
        assert_eq!(terminal("a\nb", false), "a\\u{a}b");
    }

    #[test]
    fn markdown_cells_stay_one_cell() {
        assert_eq!(markdown_cell("a | b\nc"), "a \\| b<br>c");
        assert_eq!(markdown_cell("<img src=x>"), "&lt;img src=x&gt;");
    }

    #[test]
    fn csv_formulas_are_defused() {
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("\x1b[31m=x"), "[31m=x");
    }
}
