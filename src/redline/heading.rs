//! Recognises heading lines: a keyword, a number and an optional title —
//! `ARTICLE 1.1: Establishment`, `Article 5`, `Art. 5`, `Section 2`,
//! `PART ONE`, `Part Two`, `CHAPTER III – Title`, `Annex 2`, `§ 4` — and
//! Markdown ATX headings.
//!
//! The title must follow a separator (`:`, `.`, `-`, `–`, `—`) or the line
//! must end after the number: treaty bodies are full of wrapped lines such
//! as `Article XXIV of the GATT 1994 …` that would otherwise start bogus
//! provisions. Written by hand rather than as a regex: it runs on every
//! line, and the regex with its list of number words cost more to compile
//! than segmenting a whole treaty.

/// A heading found on a line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Heading {
    pub locator: String,
    pub title: String,
}

/// Keywords (lower case) and whether whitespace must follow them.
const KEYWORDS: [(&str, bool); 10] = [
    ("articles", true),
    ("article", true),
    ("art.", false),
    ("section", true),
    ("sec.", false),
    ("§", false),
    ("part", true),
    ("chapter", true),
    ("annex", true),
    ("appendix", true),
];

const NUMBER_WORDS: [&str; 42] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "twentieth",
];

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn is_letter(b: Option<&u8>) -> bool {
    b.is_some_and(u8::is_ascii_alphabetic)
}

/// A keyword heading, or `None`.
pub(crate) fn keyword_heading(line: &str) -> Option<Heading> {
    // Every line of a document comes through here: reject most of them on
    // the first letter (a, s, p, c, or the lead byte of '§').
    let body = line.trim_start_matches([' ', '\t']);
    match body.as_bytes().first() {
        Some(&b) if matches!(b | 0x20, b'a' | b's' | b'p' | b'c') || b == 0xc2 => {}
        _ => return None,
    }
    let body = body.trim_end_matches([' ', '\t', '\r']);
    let (keyword, needs_space) = KEYWORDS
        .iter()
        .find(|(k, _)| starts_with_ignore_case(body, k))?;
    let after_keyword = &body[keyword.len()..];
    let rest = after_keyword.trim_start();
    if *needs_space && rest.len() == after_keyword.len() {
        return None;
    }
    let number_start = body.len() - rest.len();
    number_lengths(rest).into_iter().flatten().find_map(|len| {
        let title = title_after(&rest[len..])?;
        Some(Heading {
            locator: squeeze(&body[..number_start + len]),
            title: title.to_owned(),
        })
    })
}

/// What follows the number: nothing, or a separator and the title.
fn title_after(rest: &str) -> Option<&str> {
    let rest = rest.trim_start_matches([' ', '\t']);
    let mut chars = rest.chars();
    match chars.next() {
        None => Some(""),
        Some(':' | '.' | '-' | '–' | '—') => Some(chars.as_str().trim()),
        Some(_) => None,
    }
}

/// Lengths of the ways `text` can start with a number, most specific first:
/// `1.1`, `5bis`, `2-3a`; Roman `IV`, `II.2`; a letter `B`; words `ONE`,
/// `Twenty-One`.
fn number_lengths(text: &str) -> [Option<usize>; 4] {
    let b = text.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();

    let arabic = (digits(0) > 0).then(|| {
        let mut end = digits(0);
        loop {
            // A suffix: "bis" (maybe after a space) or a single letter.
            let spaced = usize::from(b.get(end) == Some(&b' '));
            if let Some(suffix) = ["bis", "ter", "quater"]
                .iter()
                .find(|s| starts_with_ignore_case(&text[end + spaced..], s))
                && !is_letter(b.get(end + spaced + suffix.len()))
            {
                end += spaced + suffix.len();
            } else if is_letter(b.get(end)) && !is_letter(b.get(end + 1)) {
                end += 1;
            }
            // Further parts: ".1", "-2".
            if matches!(b.get(end), Some(b'.' | b'-')) && digits(end + 1) > 0 {
                end += 1 + digits(end + 1);
            } else {
                return end;
            }
        }
    });

    let roman_len = b.iter().take_while(|c| b"IVXLCDM".contains(c)).count();
    let roman = (roman_len > 0 && !is_letter(b.get(roman_len))).then(|| {
        if b.get(roman_len) == Some(&b'.') && digits(roman_len + 1) > 0 {
            roman_len + 1 + digits(roman_len + 1)
        } else {
            roman_len
        }
    });

    let letter =
        (b.first().is_some_and(u8::is_ascii_uppercase) && !is_letter(b.get(1))).then_some(1);

    let word = |from: usize| {
        NUMBER_WORDS
            .iter()
            .filter(|w| {
                starts_with_ignore_case(&text[from..], w) && !is_letter(b.get(from + w.len()))
            })
            .map(|w| w.len())
            .max()
    };
    let words = word(0).map(|first| {
        // "Twenty-One", "Twenty One"
        match b.get(first) {
            Some(b'-' | b' ') => word(first + 1).map_or(first, |second| first + 1 + second),
            _ => first,
        }
    });
    [arabic, roman, letter, words]
}

/// Collapses runs of whitespace to one space (`ARTICLE   1.1` → `ARTICLE 1.1`).
pub(crate) fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The text of a Markdown ATX heading (`## Title ##`), or `None`.
pub(crate) fn atx_heading(line: &str) -> Option<&str> {
    let line = line.trim_end_matches(['\r', ' ', '\t']);
    let indent = line.bytes().take_while(|&c| c == b' ').count();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let hashes = rest.bytes().take_while(|&c| c == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let text = &rest[hashes..];
    if !text.is_empty() && !text.starts_with([' ', '\t']) {
        return None;
    }
    // An optional closing run of '#' after a space.
    let text = text.trim();
    let closing = text.trim_end_matches('#');
    let text = if closing.is_empty() || closing.ends_with([' ', '\t']) {
        closing.trim_end()
    } else {
        text
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(line: &str) -> Option<(String, String)> {
        keyword_heading(line).map(|h| (h.locator, h.title))
    }

    fn some(l: &str, t: &str) -> Option<(String, String)> {
        Some((l.to_owned(), t.to_owned()))
    }

    #[test]
    fn numbers_of_every_kind() {
        assert_eq!(
            h("ARTICLE 1.1: Establishment Of A Free Trade Area"),
            some("ARTICLE 1.1", "Establishment Of A Free Trade Area")
        );
        assert_eq!(h("  Article 5  "), some("Article 5", ""));
        assert_eq!(h("Art.5 - Scope"), some("Art.5", "Scope"));
        assert_eq!(h("Article 5bis: Extra"), some("Article 5bis", "Extra"));
        assert_eq!(h("Article 5 bis"), some("Article 5 bis", ""));
        assert_eq!(h("Article 12a. Note"), some("Article 12a", "Note"));
        assert_eq!(
            h("Section 2. Definitions"),
            some("Section 2", "Definitions")
        );
        assert_eq!(h("ARTICLE 1.1."), some("ARTICLE 1.1", ""));
        assert_eq!(
            h("CHAPTER III – Institutions"),
            some("CHAPTER III", "Institutions")
        );
        assert_eq!(h("Part II.2: Sub"), some("Part II.2", "Sub"));
        assert_eq!(
            h("Section B: Antidumping"),
            some("Section B", "Antidumping")
        );
        assert_eq!(h("PART ONE"), some("PART ONE", ""));
        assert_eq!(
            h("Chapter Twenty-One: Disputes"),
            some("Chapter Twenty-One", "Disputes")
        );
        assert_eq!(h("Part Twenty One"), some("Part Twenty One", ""));
        assert_eq!(h("§ 4 Scope"), None);
        assert_eq!(h("§ 4: Scope"), some("§ 4", "Scope"));
        assert_eq!(
            h("Article 8.4:⊥ Notification"),
            some("Article 8.4", "⊥ Notification")
        );
    }

    #[test]
    fn prose_is_not_a_heading() {
        for line in [
            "Article XXIV of the GATT 1994 applies.",
            "Parties, to bring those results into effect",
            "Part of the territory",
            "Party shall",
            "Section 2 of the Act provides",
            "Articles 3 and 4.2(c) of the Safeguards Agreement",
            "Partial",
            "Chapter",
            "Article Independent",
            "Part Seventeenths",
        ] {
            assert_eq!(h(line), None, "{line}");
        }
    }

    #[test]
    fn atx() {
        assert_eq!(atx_heading("## Article 1: Scope"), Some("Article 1: Scope"));
        assert_eq!(atx_heading("### Final clauses ###"), Some("Final clauses"));
        assert_eq!(atx_heading("# C#"), Some("C#"));
        assert_eq!(atx_heading("#"), Some(""));
        assert_eq!(atx_heading("#hashtag"), None);
        assert_eq!(atx_heading("    # code"), None);
        assert_eq!(atx_heading("####### seven"), None);
    }
}
