//! Word tokens: Unicode word boundaries (UAX #29) as computed by
//! `unicode-segmentation`, with whitespace and punctuation kept as tokens
//! so that the tokens of a text concatenate back to the text.
//!
//! Speed matters here (every byte of both documents is tokenised or
//! counted), and `split_word_bounds` runs its full state machine per
//! character. UAX #29 always breaks after a line feed, so each line can be
//! segmented on its own; lines that are pure ASCII (most lines of most
//! treaties) go through a table-driven scanner that implements the same
//! rules for ASCII, and the rest through `unicode-segmentation`. A property
//! test checks that both paths agree on arbitrary text.

use rustc_hash::FxHashMap;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains a letter or digit: counts as a word.
    Word,
    /// Only whitespace (spaces, tabs, line breaks).
    Space,
    /// Punctuation and symbols.
    Other,
}

// ASCII character classes of UAX #29 word breaking (WordBreakProperty.txt).
const OTHER: u8 = 0;
const LETTER: u8 = 1; // ALetter: A-Z a-z
const DIGIT: u8 = 2; // Numeric: 0-9
const UNDERSCORE: u8 = 3; // ExtendNumLet: _
const MID_LETTER: u8 = 4; // MidLetter: ':'
const MID_NUM_LET: u8 = 5; // MidNumLet '.' and Single_Quote '\''
const MID_NUM: u8 = 6; // MidNum: ',' ';'
const SPACE: u8 = 7; // WSegSpace: ' '
const CR: u8 = 8;
const LF: u8 = 9;
const NEWLINE: u8 = 10; // VT, FF
const TAB: u8 = 11; // Other for UAX #29, but whitespace for our token kind

// 256 entries (non-ASCII bytes never reach the table) so that indexing by
// a byte needs no bounds check.
const fn ascii_classes() -> [u8; 256] {
    let mut table = [OTHER; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        table[i] = match b {
            b'A'..=b'Z' | b'a'..=b'z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b'_' => UNDERSCORE,
            b':' => MID_LETTER,
            b'.' | b'\'' => MID_NUM_LET,
            b',' | b';' => MID_NUM,
            b' ' => SPACE,
            b'\r' => CR,
            b'\n' => LF,
            0x0b | 0x0c => NEWLINE,
            b'\t' => TAB,
            _ => OTHER,
        };
        i += 1;
    }
    table
}

static CLASS: [u8; 256] = ascii_classes();

#[inline(always)]
fn is_word_class(c: u8) -> bool {
    matches!(c, LETTER | DIGIT | UNDERSCORE)
}

/// Calls `emit(start, end, kind)` for every token of `text`, in order, with
/// byte offsets into `text`. The tokens cover the text without gaps.
#[inline]
pub fn for_each_token(text: &str, mut emit: impl FnMut(usize, usize, TokenKind)) {
    let bytes = text.as_bytes();
    let mut line_start = 0;
    while line_start < bytes.len() {
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i + 1);
        let line = &bytes[line_start..line_end];
        if line.is_ascii() {
            ascii_segment(line, line_start, &mut emit);
        } else {
            mixed_line(text, line_start, line_end, &mut emit);
        }
        line_start = line_end;
    }
}

/// A line with some non-ASCII text. UAX #29 always breaks before a space
/// that follows a non-space, and after a run of spaces unless an
/// Extend/Format/ZWJ character follows it (WB4). So the line splits into
/// space-delimited segments that can be segmented on their own: ASCII ones
/// by the fast scanner, the others (with the spaces before them, for WB4)
/// by `unicode-segmentation`.
#[inline(never)]
fn mixed_line(
    text: &str,
    start: usize,
    end: usize,
    emit: &mut impl FnMut(usize, usize, TokenKind),
) {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut spaces: Option<usize> = None; // start of a pending run of spaces
    while pos < end {
        if bytes[pos] == b' ' {
            let run_start = pos;
            while pos < end && bytes[pos] == b' ' {
                pos += 1;
            }
            spaces = Some(run_start);
            continue;
        }
        let seg_end = memchr::memchr(b' ', &bytes[pos..end]).map_or(end, |i| pos + i);
        if bytes[pos..seg_end].is_ascii() {
            if let Some(s) = spaces.take() {
                emit(s, pos, TokenKind::Space);
            }
            ascii_segment(&bytes[pos..seg_end], pos, emit);
        } else {
            let from = spaces.take().unwrap_or(pos);
            // Both ends are ASCII bytes (space, line end) or the line's ends,
            // so they are char boundaries.
            for (offset, token) in text[from..seg_end].split_word_bound_indices() {
                let s = from + offset;
                emit(s, s + token.len(), unicode_kind(token));
            }
        }
        pos = seg_end;
    }
    if let Some(s) = spaces {
        emit(s, end, TokenKind::Space);
    }
}

fn unicode_kind(token: &str) -> TokenKind {
    let mut all_space = true;
    for c in token.chars() {
        if c.is_alphanumeric() {
            return TokenKind::Word;
        }
        all_space &= c.is_whitespace();
    }
    if all_space {
        TokenKind::Space
    } else {
        TokenKind::Other
    }
}

/// UAX #29 for ASCII text that starts and ends at word boundaries. Rules used (the others need non-ASCII):
/// WB3 CR×LF; WB3a/b break around newlines; WB3d spaces stick together;
/// WB5, WB8–WB10, WB13a/b letters, digits and '_' stick together;
/// WB6/WB7 letter (':' | '.' | '\'') letter; WB11/WB12 digit (',' | ';' |
/// '.' | '\'') digit; WB999 break everywhere else.
#[inline(always)]
fn ascii_segment(line: &[u8], base: usize, emit: &mut impl FnMut(usize, usize, TokenKind)) {
    let n = line.len();
    let mut i = 0;
    while i < n {
        let class = CLASS[line[i] as usize];
        let (end, kind) = match class {
            LETTER | DIGIT | UNDERSCORE => {
                let mut has_alnum = class != UNDERSCORE;
                let mut j = i; // last byte of the token so far
                loop {
                    let k = j + 1;
                    if k >= n {
                        break;
                    }
                    let ck = CLASS[line[k] as usize];
                    if is_word_class(ck) {
                        has_alnum |= ck != UNDERSCORE;
                        j = k;
                        continue;
                    }
                    if k + 1 < n {
                        let cj = CLASS[line[j] as usize];
                        let ca = CLASS[line[k + 1] as usize];
                        let joins = match ck {
                            MID_LETTER => cj == LETTER && ca == LETTER,
                            MID_NUM_LET => {
                                (cj == LETTER && ca == LETTER) || (cj == DIGIT && ca == DIGIT)
                            }
                            MID_NUM => cj == DIGIT && ca == DIGIT,
                            _ => false,
                        };
                        if joins {
                            j = k + 1;
                            continue;
                        }
                    }
                    break;
                }
                let kind = if has_alnum {
                    TokenKind::Word
                } else {
                    TokenKind::Other
                };
                (j + 1, kind)
            }
            SPACE => {
                let mut j = i + 1;
                while j < n && line[j] == b' ' {
                    j += 1;
                }
                (j, TokenKind::Space)
            }
            CR => {
                let end = if i + 1 < n && line[i + 1] == b'\n' {
                    i + 2
                } else {
                    i + 1
                };
                (end, TokenKind::Space)
            }
            LF | NEWLINE | TAB => (i + 1, TokenKind::Space),
            _ => (i + 1, TokenKind::Other),
        };
        emit(base + i, base + end, kind);
        i = end;
    }
}

/// Number of words (tokens with a letter or digit) in `text`; the same as
/// counting `TokenKind::Word` tokens, only faster.
///
/// Plain ASCII goes through the vectorised counter. A non-ASCII byte or an
/// underscore (which the counter does not model) sends only its
/// space-delimited segment, with the spaces before it (WB4), through the
/// tokenizer: UAX #29 always breaks before a space that follows a
/// non-space, and around line feeds, so segments count independently.
pub fn count_words(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut count = 0u32;
    let mut pos = 0;
    while pos < n {
        let special = find_special(bytes, pos);
        if special == n {
            count += count_ascii_words(&bytes[pos..]);
            break;
        }
        let seg_start =
            memchr::memrchr2(b' ', b'\n', &bytes[pos..special]).map_or(pos, |i| pos + i + 1);
        let mut from = seg_start;
        while from > pos && bytes[from - 1] == b' ' {
            from -= 1;
        }
        count += count_ascii_words(&bytes[pos..from]);
        let seg_end = memchr::memchr2(b' ', b'\n', &bytes[special..]).map_or(n, |i| special + i);
        // `from` and `seg_end` sit at ASCII bytes or the ends: char boundaries.
        for_each_token(&text[from..seg_end], |_, _, kind| {
            count += u32::from(kind == TokenKind::Word);
        });
        pos = seg_end;
    }
    count
}

/// Position of the first byte at or after `pos` that is non-ASCII or '_'.
fn find_special(bytes: &[u8], mut pos: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    while pos + 16 <= bytes.len() {
        // SAFETY: the 16-byte load at `pos` is inside `bytes`.
        let mask = unsafe { simd::special16(bytes.as_ptr().add(pos)) };
        if mask != 0 {
            return pos + mask.trailing_zeros() as usize;
        }
        pos += 16;
    }
    bytes[pos..]
        .iter()
        .position(|&b| b >= 0x80 || b == b'_')
        .map_or(bytes.len(), |i| pos + i)
}

/// Words in an ASCII line without '_': a word starts at each letter or
/// digit not glued to the character before it (WB5–WB12: glued after a
/// letter or digit, or after a joining punctuation mark that sits between
/// two letters or two digits). Only the two previous characters matter, so
/// 16 positions are decided at once with SSE2 (baseline on x86-64); other
/// targets and the ends of lines take the scalar path.
fn count_ascii_words(line: &[u8]) -> u32 {
    let n = line.len();
    let mut count = 0u32;
    // The first two positions look before the line start: line starts are
    // word boundaries, like a space.
    let at = |i: usize| if i < 2 { b' ' } else { line[i - 2] };
    let head = n.min(2);
    for i in 0..head {
        let b1 = if i == 0 { b' ' } else { line[0] };
        count += u32::from(starts(at(i), b1, line[i]));
    }
    let mut i = head;
    #[cfg(target_arch = "x86_64")]
    {
        while i + 16 <= n {
            // SAFETY: i >= 2 and i + 16 <= n, so the three 16-byte loads at
            // i - 2, i - 1 and i stay inside `line`; SSE2 is always present
            // on x86-64.
            count += unsafe { simd::starts16(line.as_ptr().add(i)) };
            i += 16;
        }
    }
    #[cfg(target_arch = "x86_64")]
    if i < n {
        // The tail: copy it, with its two bytes of history, into a padded
        // block; padding bytes are spaces and start no word.
        let mut block = [b' '; 18];
        let tail = n - i;
        block[..tail + 2].copy_from_slice(&line[i - 2..n]);
        // SAFETY: reads block[0..18].
        count += unsafe { simd::starts16(block.as_ptr().add(2)) };
        i = n;
    }
    while i < n {
        count += u32::from(starts(line[i - 2], line[i - 1], line[i]));
        i += 1;
    }
    count
}

/// 1 when a word starts at `b`, given the two bytes before it.
#[inline(always)]
fn starts(b2: u8, b1: u8, b: u8) -> u8 {
    let letter = |b: u8| u8::from((b | 0x20).wrapping_sub(b'a') < 26);
    let digit = |b: u8| u8::from(b.wrapping_sub(b'0') < 10);
    let joins_letters = u8::from(matches!(b1, b':' | b'.' | b'\''));
    let joins_digits = u8::from(matches!(b1, b',' | b';' | b'.' | b'\''));
    let glued = letter(b1)
        | digit(b1)
        | (letter(b) & letter(b2) & joins_letters)
        | (digit(b) & digit(b2) & joins_digits);
    (letter(b) | digit(b)) & (glued ^ 1)
}

#[cfg(target_arch = "x86_64")]
mod simd {
    use std::arch::x86_64::*;

    /// Bit mask of the bytes at `p..p + 16` that are non-ASCII or '_'.
    ///
    /// # Safety
    /// `p..p + 16` must be readable.
    #[inline(always)]
    pub(super) unsafe fn special16(p: *const u8) -> u32 {
        unsafe {
            let v = _mm_loadu_si128(p.cast());
            let underscore = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'_' as i8));
            (_mm_movemask_epi8(v) | _mm_movemask_epi8(underscore)) as u32
        }
    }

    /// Bit mask of the bytes at `p..p + 16` that are ASCII letters or
    /// digits, or non-ASCII.
    ///
    /// # Safety
    /// `p..p + 16` must be readable.
    #[inline(always)]
    pub(super) unsafe fn word16(p: *const u8) -> u32 {
        unsafe {
            let v = _mm_loadu_si128(p.cast());
            let in_range = |x: __m128i, lo: u8, len: u8| {
                let t = _mm_sub_epi8(x, _mm_set1_epi8(lo as i8));
                _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8((len - 1) as i8)), t)
            };
            let letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
            let digit = in_range(v, b'0', 10);
            (_mm_movemask_epi8(_mm_or_si128(letter, digit)) | _mm_movemask_epi8(v)) as u32
        }
    }

    /// Word starts among the 16 bytes at `p`; reads `p - 2 .. p + 16`.
    ///
    /// # Safety
    /// `p - 2 .. p + 16` must be readable.
    #[inline(always)]
    pub(super) unsafe fn starts16(p: *const u8) -> u32 {
        unsafe {
            let v = _mm_loadu_si128(p.cast());
            let v1 = _mm_loadu_si128(p.sub(1).cast());
            let v2 = _mm_loadu_si128(p.sub(2).cast());
            let in_range = |x: __m128i, lo: u8, len: u8| {
                let t = _mm_sub_epi8(x, _mm_set1_epi8(lo as i8));
                _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8((len - 1) as i8)), t)
            };
            let letter = |x: __m128i| in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', 26);
            let digit = |x: __m128i| in_range(x, b'0', 10);
            let is = |x: __m128i, c: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(c as i8));
            let (l, d) = (letter(v), digit(v));
            let (l1, d1) = (letter(v1), digit(v1));
            let (l2, d2) = (letter(v2), digit(v2));
            let both = _mm_or_si128(is(v1, b'.'), is(v1, b'\''));
            let joins_letters = _mm_or_si128(both, is(v1, b':'));
            let joins_digits = _mm_or_si128(both, _mm_or_si128(is(v1, b','), is(v1, b';')));
            let glued = _mm_or_si128(
                _mm_or_si128(l1, d1),
                _mm_or_si128(
                    _mm_and_si128(_mm_and_si128(l, l2), joins_letters),
                    _mm_and_si128(_mm_and_si128(d, d2), joins_digits),
                ),
            );
            let start = _mm_andnot_si128(glued, _mm_or_si128(l, d));
            (_mm_movemask_epi8(start) as u32).count_ones()
        }
    }
}

/// Bit `k` of the result is set when `bytes[k]` is an ASCII letter or
/// digit or any non-ASCII byte, for the first 16 bytes.
#[inline(always)]
pub(crate) fn word_byte_mask16(bytes: &[u8; 16]) -> u32 {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: `bytes` is 16 readable bytes.
        unsafe { simd::word16(bytes.as_ptr()) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let mut mask = 0;
        for (k, &b) in bytes.iter().enumerate() {
            mask |= u32::from(b.is_ascii_alphanumeric() || b >= 0x80) << k;
        }
        mask
    }
}

/// True when the text has a character other than whitespace.
pub fn has_content(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace())
}

/// Maps token strings to dense `u32` ids, so diffs compare integers, and
/// remembers each id's kind.
#[derive(Default)]
pub struct Interner<'a> {
    ids: FxHashMap<&'a str, u32>,
    kinds: Vec<TokenKind>,
}

impl<'a> Interner<'a> {
    #[inline]
    pub fn intern(&mut self, token: &'a str, kind: TokenKind) -> u32 {
        let next = self.kinds.len() as u32;
        let id = *self.ids.entry(token).or_insert(next);
        if id == next {
            self.kinds.push(kind);
        }
        id
    }

    #[inline]
    pub fn kind(&self, id: u32) -> TokenKind {
        self.kinds[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tokens(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_token(text, |s, e, _| out.push(&text[s..e]));
        out
    }

    fn reference(text: &str) -> Vec<&str> {
        text.split_word_bounds().collect()
    }

    #[test]
    fn ascii_rules_match_uax29_on_examples() {
        for text in [
            "Article 2.3(b): the Party's 1,000.50 tariff-rate e.g. U.S. a:b 3;4 x_1 __ ",
            "  two  spaces\t\ttabs\r\nCRLF\rCR\x0bVT",
            "a.b.c 1.2.3 a.1 1.a 'quoted' don't 5'6 ...",
            "",
            "\n\n\n",
        ] {
            assert_eq!(tokens(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn kinds_are_assigned() {
        let mut kinds = Vec::new();
        for_each_token("Party’s 12 — x_ _", |_, _, k| kinds.push(k));
        use TokenKind::*;
        assert_eq!(
            kinds,
            vec![Word, Space, Word, Space, Other, Space, Word, Space, Other]
        );
        assert_eq!(count_words("The Parties, 3 times: ___ e.g."), 5);
    }

    proptest! {
        // The fast path must agree with unicode-segmentation everywhere,
        // including at the borders between ASCII and non-ASCII lines.
        #[test]
        fn agrees_with_unicode_segmentation(
            text in "[a-zA-Z0-9_:.',;\" \t\r\n\x0b\x0c()\\-]{0,60}"
        ) {
            prop_assert_eq!(tokens(&text), reference(&text));
        }

        #[test]
        fn agrees_on_mixed_text(
            text in "([a-z0-9_:.',; \n]|é|’|“|\u{301}|\u{200d}|日本|🇫🇷|\u{a0}){0,40}"
        ) {
            prop_assert_eq!(tokens(&text), reference(&text));
        }

        #[test]
        fn fast_count_matches_tokens(
            text in "([a-zA-Z0-9_:.',; \t\r\n-]|é|’|\u{301}|\u{200d}|\u{a0}|日本){0,200}"
        ) {
            let mut words = 0;
            for_each_token(&text, |_, _, k| words += u32::from(k == TokenKind::Word));
            prop_assert_eq!(count_words(&text), words);
        }

        #[test]
        fn tokens_cover_the_text(text in "\\PC{0,80}") {
            prop_assert_eq!(tokens(&text).concat(), text);
        }
    }
}
