//! Splits plain text and Markdown into provisions at heading lines (see
//! `heading` for what counts as one). Markdown adds ATX `#` headings
//! outside code fences. A custom `--split` regex replaces the built-in
//! rules.

use regex::Regex;

use crate::redline::heading::{Heading, atx_heading, keyword_heading, squeeze};
use crate::redline::model::{Document, InputFormat, Provision};
use crate::redline::tokens::has_content;

/// Heading lines longer than this are prose, not headings.
const MAX_HEADING_LEN: usize = 300;

/// How to recognise headings.
pub(crate) enum Rules<'r> {
    Text,
    Markdown,
    Custom(&'r Regex),
}

fn markdown_heading(line: &str) -> Option<Heading> {
    let Some(text) = atx_heading(line) else {
        return keyword_heading(line);
    };
    if let Some(heading) = keyword_heading(text) {
        return Some(heading);
    }
    Some(Heading {
        locator: text.to_owned(),
        title: text.to_owned(),
    })
}

fn custom_heading(regex: &Regex, line: &str) -> Option<Heading> {
    let caps = regex.captures(line)?;
    let whole = caps.get(0)?;
    let locator = caps
        .name("locator")
        .or_else(|| caps.get(1))
        .map_or(whole.as_str(), |m| m.as_str());
    let title = match caps.name("title").or_else(|| caps.get(2)) {
        Some(m) => m.as_str(),
        None => line[whole.end()..].trim_start_matches([' ', '\t', ':', '.', '-', '–', '—']),
    };
    Some(Heading {
        locator: squeeze(locator.trim()),
        title: title.trim().to_owned(),
    })
}

/// Splits `text` into provisions.
pub(crate) fn segment(name: &str, text: &str, rules: Rules<'_>) -> Document {
    let format = match rules {
        Rules::Markdown => InputFormat::Markdown,
        _ => InputFormat::Text,
    };
    let mut provisions = Vec::new();
    // The provision being collected: heading and where its body starts.
    let mut current: Option<(Heading, usize, usize)> = None;
    let mut preamble_end = text.len();
    let mut in_fence = false;
    let mut line_no = 0;
    let mut start = 0;
    while start < text.len() {
        line_no += 1;
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i + 1);
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        let heading = if line.len() > MAX_HEADING_LEN {
            None
        } else {
            match rules {
                Rules::Text => keyword_heading(line),
                Rules::Custom(regex) => custom_heading(regex, line),
                Rules::Markdown => {
                    let fence = line.trim_start_matches(' ');
                    if fence.starts_with("```") || fence.starts_with("~~~") {
                        in_fence = !in_fence;
                        None
                    } else if in_fence {
                        None
                    } else {
                        markdown_heading(line)
                    }
                }
            }
        };
        if let Some(heading) = heading {
            match current.take() {
                Some((prev, body_start, prev_line)) => {
                    provisions.push(provision(prev, &text[body_start..start], prev_line));
                }
                None => preamble_end = start,
            }
            current = Some((heading, end, line_no));
        }
        start = end;
    }
    if let Some((last, body_start, line)) = current {
        provisions.push(provision(last, &text[body_start..], line));
    }
    let preamble = &text[..preamble_end];
    if has_content(preamble) {
        let locator = if provisions.is_empty() {
            "Whole text"
        } else {
            "Preamble"
        };
        let line = 1 + preamble[..preamble.len() - trim_blank_lines(preamble).len()]
            .matches('\n')
            .count();
        provisions.insert(
            0,
            Provision {
                locator: locator.to_owned(),
                title: String::new(),
                body: trim_blank_lines(preamble).to_owned(),
                line,
            },
        );
    }
    Document {
        name: name.to_owned(),
        format,
        provisions,
    }
}

fn provision(heading: Heading, body: &str, line: usize) -> Provision {
    Provision {
        locator: heading.locator,
        title: heading.title,
        body: trim_blank_lines(body).to_owned(),
        line,
    }
}

/// Drops blank lines before the first text and whitespace after the last,
/// keeping the indentation of the first line.
pub(crate) fn trim_blank_lines(text: &str) -> &str {
    let Some(first) = text.find(|c: char| !c.is_whitespace()) else {
        return "";
    };
    let line_start = text[..first].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..].trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(text: &str, rules: Rules<'_>) -> Vec<(String, String)> {
        segment("t", text, rules)
            .provisions
            .into_iter()
            .map(|p| (p.locator, p.title))
            .collect()
    }

    fn pair(l: &str, t: &str) -> (String, String) {
        (l.to_owned(), t.to_owned())
    }

    #[test]
    fn recognises_heading_forms() {
        let text = "Intro text\n\
            ARTICLE 1.1: Establishment Of A Free Trade Area\nbody\n\
            Article 5\nbody\n\
            Art. 6 - Scope\nbody\n\
            Section 2. Definitions\nbody\n\
            PART ONE\nbody\n\
            Part Two\nbody\n\
            CHAPTER III – Institutions\nbody\n\
            Chapter Twenty-One: Dispute Settlement\nbody\n\
            ARTICLES 7.3: Trade Facilitation\nbody\n\
            Section B: Antidumping\nbody\n";
        assert_eq!(
            headings(text, Rules::Text),
            vec![
                pair("Preamble", ""),
                pair("ARTICLE 1.1", "Establishment Of A Free Trade Area"),
                pair("Article 5", ""),
                pair("Art. 6", "Scope"),
                pair("Section 2", "Definitions"),
                pair("PART ONE", ""),
                pair("Part Two", ""),
                pair("CHAPTER III", "Institutions"),
                pair("Chapter Twenty-One", "Dispute Settlement"),
                pair("ARTICLES 7.3", "Trade Facilitation"),
                pair("Section B", "Antidumping"),
            ]
        );
    }

    #[test]
    fn prose_lines_are_not_headings() {
        let text = "ARTICLE 1: Scope\n\
            Article XXIV of the GATT 1994 applies.\n\
            Parties, to bring those results into effect\n\
            Part of the territory\n\
            Section 2 of the Act provides\n\
            article 3 of the Convention\n";
        let doc = segment("t", text, Rules::Text);
        assert_eq!(doc.provisions.len(), 1);
        assert!(doc.provisions[0].body.starts_with("Article XXIV"));
        assert!(
            doc.provisions[0]
                .body
                .ends_with("article 3 of the Convention")
        );
    }

    #[test]
    fn bodies_keep_text_and_drop_surrounding_blank_lines() {
        let text =
            "\n\nPreamble words\n\nARTICLE 1: A\n\n  indented first\n\nsecond\n\n\nARTICLE 2: B\n";
        let doc = segment("t", text, Rules::Text);
        assert_eq!(doc.provisions[0].body, "Preamble words");
        assert_eq!(doc.provisions[0].line, 3);
        assert_eq!(doc.provisions[1].body, "  indented first\n\nsecond");
        assert_eq!(doc.provisions[1].line, 5);
        assert_eq!(doc.provisions[2].body, "");
        assert_eq!(doc.provisions[2].line, 12);
    }

    #[test]
    fn text_without_headings_is_one_provision() {
        let doc = segment("t", "just some words\nand more\n", Rules::Text);
        assert_eq!(doc.provisions.len(), 1);
        assert_eq!(doc.provisions[0].locator, "Whole text");
        assert_eq!(doc.provisions[0].body, "just some words\nand more");
    }

    #[test]
    fn markdown_headings_outside_fences() {
        let text = "# Agreement\nintro\n## Article 1: Scope\nx\n```\n# not a heading\n```\n### Final clauses ###\ny\n";
        assert_eq!(
            headings(text, Rules::Markdown),
            vec![
                pair("Agreement", "Agreement"),
                pair("Article 1", "Scope"),
                pair("Final clauses", "Final clauses"),
            ]
        );
    }

    #[test]
    fn custom_split_regex() {
        let re = Regex::new(r"^§\s*(\d+)").unwrap();
        let text = "head\n§ 1 Scope\nx\n§2: Terms\ny\n";
        assert_eq!(
            headings(text, Rules::Custom(&re)),
            vec![pair("Preamble", ""), pair("1", "Scope"), pair("2", "Terms")]
        );
    }
}
