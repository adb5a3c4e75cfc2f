//! Character classes, width folding, lines, and the byte → UTF-16 offset map.
//!
//! The parser never rewrites the input: it matches on folded characters
//! (`（` as `(`, `１` as `1`, NBSP as a space) while every offset it keeps
//! points into the text as given.

/// Whitespace as it arrives from web pages and PDFs: ASCII blanks, NBSP,
/// the ideographic space, the typographic spaces, and the zero-width
/// characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) that editors leave behind.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{0B}' | '\u{0C}' | '\u{A0}' | '\u{3000}' | '\u{2000}'
            ..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{202F}' | '\u{205F}'
    )
}

/// Folds full-width ASCII forms (U+FF01–U+FF5E) to ASCII and every space of
/// [`is_space`] to `' '`. Everything else is returned unchanged.
pub fn fold(c: char) -> char {
    // Fast path: CJK ideographs and printable ASCII fold to themselves.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) || (' '..='~').contains(&c) {
        return c;
    }
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c if is_space(c) => ' ',
        c => c,
    }
}

/// The value of an Arabic digit, half- or full-width.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The value of a Chinese digit character (`零〇一二两三…九`).
pub fn cjk_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a Chinese magnitude character inside a section (`十百千`).
pub fn cjk_small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// True for a character that can be part of a Chinese numeral.
pub fn is_cjk_numeral(c: char) -> bool {
    cjk_digit(c).is_some() || cjk_small_unit(c).is_some() || c == '万' || c == '亿'
}

/// True for CJK ideographs (the blocks these reports use).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Punctuation that ends a sentence or a clause list, after folding.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | ':' | '…')
}

/// Punctuation that separates clauses (after folding), including the
/// sentence ends of [`is_terminal`].
pub fn is_clause_break(c: char) -> bool {
    is_terminal(c) || matches!(c, ',' | '，' | '、' | '\n' | '\r')
}

/// The character starting at byte `i` of UTF-8 `bytes` and its length,
/// decoding only ASCII and three-byte sequences (the CJK, punctuation and
/// full-width blocks every scan of this crate looks for); two- and
/// four-byte characters come back as `' '` with their length. `i` must be
/// a character boundary.
pub fn scan_char(bytes: &[u8], i: usize) -> (char, usize) {
    let b = bytes[i];
    match b {
        0x00..=0x7F => (b as char, 1),
        0xE0..=0xEF => match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(&b1), Some(&b2)) => {
                let c = ((u32::from(b) & 0x0F) << 12)
                    | ((u32::from(b1) & 0x3F) << 6)
                    | (u32::from(b2) & 0x3F);
                (char::from_u32(c).unwrap_or(' '), 3)
            }
            _ => (' ', 3),
        },
        0xF0..=0xFF => (' ', 4),
        _ => (' ', 2),
    }
}

/// Where `needle` occurs in `hay` from byte `from` on: the first match.
/// For the short words and texts of the checks and the indicator table:
/// `memchr` finds a rare-ish byte of the needle (the third, a continuation
/// byte for Chinese), then the bytes around it are compared. Unlike
/// `str::find` it sets nothing up per call, which in wasm costs more than
/// the search.
pub fn find_from(hay: &str, needle: &str, from: usize) -> Option<usize> {
    find_bytes(hay.as_bytes(), needle.as_bytes(), from)
}

/// [`find_from`] on bytes (`hay` may end inside a character).
pub fn find_bytes(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
    if n.is_empty() {
        return (from <= h.len()).then_some(from);
    }
    if h.len() < n.len() || from > h.len() - n.len() {
        return None;
    }
    let j = n.len().min(3) - 1;
    let last = h.len() - n.len();
    let mut i = from;
    while i <= last {
        let p = i + find_byte(n[j], &h[i + j..=last + j])?;
        // The bytes before the one found, inline, before comparing the
        // whole needle (a call to memcmp): they reject almost every false
        // candidate, which for Chinese is one character in 64.
        if h[p] == n[0] && (j < 2 || h[p + 1] == n[1]) && h[p..p + n.len()] == *n {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

/// The first `b` in `h`. Natively `memchr` (SIMD); in wasm, where the
/// module is built without SIMD and `memchr` reads four bytes at a time,
/// eight at a time with 64-bit arithmetic, which wasm has.
#[inline]
fn find_byte(b: u8, h: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "wasm32")]
    return find_any_swar([b], h);
    #[cfg(not(target_arch = "wasm32"))]
    return memchr::memchr(b, h);
}

/// The first of three bytes in `h`, as [`find_byte`] finds one.
#[inline]
fn find_byte3(b: [u8; 3], h: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "wasm32")]
    return find_any_swar(b, h);
    #[cfg(not(target_arch = "wasm32"))]
    return memchr::memchr3(b[0], b[1], b[2], h);
}

/// The first byte of `h` equal to one of `bytes`, eight bytes at a time
/// (tested natively against `memchr` and `memchr3`).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn find_any_swar<const N: usize>(bytes: [u8; N], h: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let patterns = bytes.map(|b| LO.wrapping_mul(u64::from(b)));
    let mut chunks = h.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // The high bit of each zero byte of `w ^ p` (a byte equal to that
        // pattern's byte): exact up to the first such byte, possibly wrong
        // above it; so the lowest bit of the union is the first match.
        let hits = patterns.iter().fold(0, |hits, &p| {
            let x = w ^ p;
            hits | (x.wrapping_sub(LO) & !x & HI)
        });
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|x| bytes.contains(x))
        .map(|p| at + p)
}

/// True when `needle` occurs in `hay` (see [`find_from`]).
pub fn contains(hay: &str, needle: &str) -> bool {
    find_from(hay, needle, 0).is_some()
}

/// The starts of the non-overlapping occurrences of a non-empty `needle`
/// in `hay`, as `str::match_indices` gives them.
pub fn match_starts<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let p = find_from(hay, needle, from)?;
        from = p + needle.len().max(1);
        Some(p)
    })
}

/// True when `s` has at least `n` characters, without counting further
/// than needed (a character is one to four bytes).
pub fn chars_at_least(s: &str, n: usize) -> bool {
    n == 0 || s.len() >= 4 * n || (s.len() >= n && s.chars().nth(n - 1).is_some())
}

/// True when `s` has at most `n` characters, without counting further
/// than needed.
pub fn chars_at_most(s: &str, n: usize) -> bool {
    s.len() <= n || (s.len() <= 4 * n && s.chars().nth(n).is_none())
}

/// The last character boundary of `s` at or before byte `i` (the end of
/// `s` when `i` is past it). std's `str::floor_char_boundary` does this
/// from Rust 1.91; the crate supports 1.85.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first character boundary of `s` at or after byte `i` (the end of
/// `s` when `i` is past it); `str::ceil_char_boundary` from Rust 1.91.
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The first `n` characters of `s` (all of it when shorter), counted on
/// the bytes: one test per byte instead of decoding each character.
pub fn first_chars(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut seen = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        // Every character starts with a byte that is not 0b10xxxxxx.
        if b & 0xC0 != 0x80 {
            if seen == n {
                return &s[..i];
            }
            seen += 1;
        }
    }
    s
}

/// One line of the input: `start..end` excludes the line terminator,
/// `next` is where the following line starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// First byte of the line.
    pub start: usize,
    /// One past the last byte before the terminator.
    pub end: usize,
    /// First byte after the terminator (`end` for the last line).
    pub next: usize,
}

/// Splits `text` into lines on `\n`, `\r\n`, `\r`, U+2028 and U+2029.
/// The lines and their terminators cover `text` exactly.
pub fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    // U+2028 and U+2029 are E2 80 A8/A9: one pass for \n, \r and E2, the
    // other E2 characters (quotation marks, dashes) skipped where found.
    let mut at = 0;
    while at < bytes.len() {
        let next = find_byte3([b'\n', b'\r', 0xE2], &bytes[at..]);
        let Some(p) = next else { break };
        let i = at + p;
        let width = match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\n' | b'\r' => 1,
            _ if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => {
                at = i + 1;
                continue;
            }
        };
        out.push(Line {
            start,
            end: i,
            next: i + width,
        });
        start = i + width;
        at = start;
    }
    if start < bytes.len() || out.is_empty() {
        out.push(Line {
            start,
            end: bytes.len(),
            next: bytes.len(),
        });
    }
    out
}

/// `text[start..end]` without leading and trailing [`is_space`] characters,
/// as a byte range.
pub fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.trim_end_matches(is_space).len();
    if lead >= trail {
        (start + lead, start + lead)
    } else {
        (start + lead, start + trail)
    }
}

pub use super::index::TextIndex;

/// The first `YYYY年` in `s` (1949–2100, full-width digits too, blanks
/// allowed before 年, not continuing a longer number), read in one pass over its characters
/// without collecting them. The one year detector: the title's and the
/// headings' years, the checks' and the title line's test all ask it.
pub fn first_year(s: &str) -> Option<i32> {
    // The last five characters before the current one: a character that
    // must not be a digit, then the four digits.
    let mut last = ['\0'; 5];
    for c in s.chars().map(fold) {
        // One blank between the digits and 年 (`2024 年`, as PDF text has
        // it) is not counted among the five.
        if c == ' ' && last[4].is_ascii_digit() {
            continue;
        }
        if c == '年' && !last[0].is_ascii_digit() {
            // (`to_digit` reads ASCII digits only; folding made the
            // full-width ones ASCII.)
            let y = last[1..]
                .iter()
                .try_fold(0i32, |y, &d| d.to_digit(10).map(|d| y * 10 + d as i32));
            if let Some(y) = y.filter(|y| (1949..=2100).contains(y)) {
                return Some(y);
            }
        }
        last.rotate_left(1);
        last[4] = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_the_nearest_character_starts() {
        let s = "a共𠀀é\n1";
        let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        for i in 0..s.len() + 3 {
            let floor = starts.iter().rev().find(|&&b| b <= i).copied().unwrap();
            let ceil = starts.iter().find(|&&b| b >= i).copied().unwrap_or(s.len());
            assert_eq!(floor_boundary(s, i), floor, "floor {i}");
            assert_eq!(ceil_boundary(s, i), ceil, "ceil {i}");
        }
        assert_eq!((floor_boundary("", 5), ceil_boundary("", 5)), (0, 0));
    }

    #[test]
    fn the_first_characters_are_cut_where_char_indices_cuts() {
        let s = "a𠀀报告\u{80}é2021年\r\n";
        for n in 0..=s.chars().count() + 2 {
            let want = &s[..s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)];
            assert_eq!(first_chars(s, n), want, "{n}");
        }
    }

    #[test]
    fn the_byte_finder_agrees_with_memchr() {
        let text = "某市2021年度法治政府建设情况报告\n一、总体情况\r\n共办理𠀀12件。\u{80}\u{FF}";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for to in from..=bytes.len().min(from + 40) {
                let h = &bytes[from..to];
                for b in [0u8, 0x0A, 0x80, 0x81, 0xAF, 0xE4, 0xFF, b'1', 0x7F] {
                    assert_eq!(
                        find_any_swar([b], h),
                        memchr::memchr(b, h),
                        "{b:#x} in {h:?}"
                    );
                }
                for &b in h {
                    assert_eq!(find_any_swar([b], h), memchr::memchr(b, h));
                }
                for b in [
                    [b'\n', b'\r', 0xE2],
                    [0xAF, 0x00, 0x81],
                    [0xFF, 0xFE, 0xFD],
                    [b'1', b'2', 0x80],
                ] {
                    assert_eq!(
                        find_any_swar(b, h),
                        memchr::memchr3(b[0], b[1], b[2], h),
                        "{b:?} in {h:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn substring_search_agrees_with_the_standard_library() {
        let hays = [
            "",
            "a",
            "行政复议纠错率",
            "复议复议复议",
            "aaa",
            "纠错280件，纠错率50.63%",
            "xx行政yy行政",
        ];
        let needles = [
            "",
            "a",
            "aa",
            "复议",
            "纠错率",
            "行政",
            "%",
            "50.63%",
            "行政复议纠错率",
            "yy行政",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(contains(h, n), h.contains(n), "{h} / {n}");
                assert_eq!(find_from(h, n, 0), h.find(n), "{h} / {n}");
                if !n.is_empty() {
                    let ours: Vec<usize> = match_starts(h, n).collect();
                    let std: Vec<usize> = h.match_indices(n).map(|(i, _)| i).collect();
                    assert_eq!(ours, std, "{h} / {n}");
                }
            }
        }
    }

    // proptest is a native dev-dependency (the wasm32 tests run without it).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]
        /// Haystacks and needles from a small alphabet of one- to four-byte
        /// characters, so that matches and near-matches are frequent.
        #[test]
        fn finder_agrees_with_str_find(
            h in proptest::collection::vec(proptest::sample::select(vec!['a', 'b', '是', '一', '率', '𠀀', 'é']), 0..40),
            n in proptest::collection::vec(proptest::sample::select(vec!['a', 'b', '是', '一', '率', '𠀀', 'é']), 1..5),
        ) {
            let h: String = h.into_iter().collect();
            let n: String = n.into_iter().collect();
            proptest::prop_assert_eq!(find_from(&h, &n, 0), h.find(&n));
            let ours: Vec<usize> = match_starts(&h, &n).collect();
            let std: Vec<usize> = h.match_indices(&n).map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn bounded_character_counts() {
        for s in [
            "",
            "a",
            "报告",
            "报告ab",
            "𠀀𠀀𠀀",
            "1234567890",
            "二〇二一年度报告全文",
        ] {
            let n = s.chars().count();
            for k in 0..12 {
                assert_eq!(chars_at_least(s, k), n >= k, "{s} >= {k}");
                assert_eq!(chars_at_most(s, k), n <= k, "{s} <= {k}");
            }
        }
    }

    #[test]
    fn the_index_converts_both_ways_at_every_offset() {
        // _ (1 byte), £ (2), 报 (3), 𠀀 (4 bytes, 2 units), repeated so that
        // offsets land on every alignment of the checkpoint stride; and
        // ASCII alone, which keeps no checkpoints.
        for text in ["_£报𠀀".repeat(99), "ascii only ".repeat(20), String::new()] {
            let index = TextIndex::new(&text);
            let mut units = 0u32;
            let mut boundaries = std::collections::BTreeMap::new();
            for (byte, c) in text.char_indices() {
                assert_eq!(index.units(byte), units, "at byte {byte}");
                boundaries.insert(units, byte);
                units += c.len_utf16() as u32;
            }
            boundaries.insert(units, text.len());
            assert_eq!(index.len_utf16(), units);
            assert_eq!(units as usize, text.encode_utf16().count());
            // Every unit offset, inside surrogate pairs and past the end too.
            for u in 0..=units + 2 {
                assert_eq!(index.byte(u), boundaries.get(&u).copied(), "at unit {u}");
            }
            let whole = crate::Span::new(0, units);
            assert_eq!(index.slice(whole), Some(text.as_str()));
        }
    }

    #[test]
    fn lines_cover_every_terminator_kind() {
        let text = "a\r\nb\rc\nd\u{2028}e";
        let ls = lines(text);
        let parts: Vec<&str> = ls.iter().map(|l| &text[l.start..l.end]).collect();
        assert_eq!(parts, ["a", "b", "c", "d", "e"]);
        assert_eq!(ls.last().unwrap().next, text.len());
    }

    #[test]
    fn fold_maps_full_width_forms() {
        let folded: String = "（一）１．５％　".chars().map(fold).collect();
        assert_eq!(folded, "(一)1.5% ");
    }
}
