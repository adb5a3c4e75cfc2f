//! The byte scanner over one line: the bit tables that skip what cannot
//! start a quantity, quotations and book titles, and the loop that calls
//! [`super::quantity`] at each candidate.

use super::*;

/// Scans one line `text[start..end]` and appends its quantities to `out`.
/// Buffers reused from window to window, so that scanning allocates only
/// for the metrics it finds.
#[derive(Default)]
pub struct Scanner {
    pub(super) chars: Vec<char>,
    pub(super) offs: Vec<usize>,
    /// Set when the window in `chars`/`offs` starts at this byte and runs to
    /// its clause's end (not cut at `WINDOW_AFTER`): a later candidate of
    /// the same clause reads the same window.
    pub(super) whole_clause_from: Option<usize>,
    /// Byte ranges of the line being scanned that are not its text: the
    /// page furniture between the two halves of a paragraph a printed page
    /// broke (`wraps.rs`), in order.
    pub(super) holes: Vec<(usize, usize)>,
    /// Tests: build every window afresh (to check that reuse changes nothing).
    #[cfg(test)]
    pub(super) fresh_windows: bool,
}

/// Characters of context kept before a candidate number (subject,
/// qualifiers, change words, short quotations) and after it (the number,
/// its unit and the counted noun).
pub(super) const WINDOW_BEFORE: usize = LOOKBACK + 4;
pub(super) const WINDOW_AFTER: usize = 64;

/// Where the scan stands in a line (byte offsets).
pub(super) struct Cursor {
    /// Start of the current clause.
    pub(super) clause: usize,
    /// Where the subject of the next figure may start: after the clause
    /// break, the previous figure, and the noun that figure counted.
    pub(super) subject_from: usize,
    /// Start of the current sentence.
    pub(super) sentence: usize,
    /// The last opening quotation mark not yet closed.
    pub(super) quote: Option<usize>,
}

/// What a character means to the byte-level scan.
pub(super) enum Byte {
    /// A number may start here.
    Candidate,
    /// `。！？；`: ends a sentence (and a clause).
    Sentence,
    /// `，、：`: ends a clause.
    Clause,
    /// `《`: a book title opens; its numbers are names.
    BookOpen,
    /// `》`: a book title closes.
    BookClose,
    /// `“「『‘`: a quotation opens.
    QuoteOpen,
    /// `”」』’`: a quotation closes.
    QuoteClose,
    /// `"`: opens or closes.
    QuoteToggle,
    Other,
}

/// The three-byte (U+0800–U+FFFF) characters [`classify_char`] does not
/// call [`Byte::Other`], as a bitmap: the scan skips every other CJK
/// character with one lookup instead of decoding and classifying it.
pub(super) static NOTABLE: [u64; 1024] = {
    const CHARS: &str =
        "０１２３４５６７８９翻零〇一二两三四五六七八九十百千万亿。！？；，、：《》“「『‘”」』’";
    let mut bits = [0u64; 1024];
    let b = CHARS.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = ((b[i] as usize & 0x0F) << 12)
            | ((b[i + 1] as usize & 0x3F) << 6)
            | (b[i + 2] as usize & 0x3F);
        bits[c >> 6] |= 1 << (c & 63);
        i += 3;
    }
    bits
};

/// [`NOTABLE`]'s row for a lead byte: `(b & 0x0F) << 6` for the lead of a
/// three-byte character, and for any other byte the row after the
/// bitmap's last, [`NOT_THREE`], where every bit is set. The skip loop
/// then needs no separate test of the lead byte.
pub(super) static ROW_OF_LEAD: [u16; 256] = {
    let mut rows = [1024u16; 256];
    let mut b = 0xE0;
    while b <= 0xEF {
        rows[b] = ((b & 0x0F) << 6) as u16;
        b += 1;
    }
    rows
};

/// [`NOTABLE`] with one more row of 64 set bits ([`ROW_OF_LEAD`]'s row
/// for bytes that do not lead a three-byte character).
pub(super) static NOT_THREE: [u64; 1088] = {
    let mut bits = [u64::MAX; 1088];
    let mut i = 0;
    while i < 1024 {
        bits[i] = NOTABLE[i];
        i += 1;
    }
    bits
};

pub(super) fn classify_char(c: char) -> Byte {
    match c {
        '0'..='9' | '０'..='９' | '翻' => Byte::Candidate,
        c if is_cjk_numeral(c) => Byte::Candidate,
        '。' | '！' | '？' | '；' | '!' | '?' | ';' => Byte::Sentence,
        '，' | '、' | '：' | ',' | ':' => Byte::Clause,
        '《' => Byte::BookOpen,
        '》' => Byte::BookClose,
        '“' | '「' | '『' | '‘' => Byte::QuoteOpen,
        '”' | '」' | '』' | '’' => Byte::QuoteClose,
        '"' => Byte::QuoteToggle,
        _ => Byte::Other,
    }
}

impl Scanner {
    /// Tests: scans one line `text[start..end]` and appends its quantities to
    /// `out`, stopping early once `out` holds more than
    /// [`MAX_METRICS`](crate::parse::limits::MAX_METRICS). `sentence_start` carries
    /// the start of the current sentence from line to line.
    ///
    /// The line is read byte by byte, decoding only the characters that can
    /// matter (ASCII, and the three-byte block of CJK and full-width forms);
    /// a folded window of characters is built around each candidate number
    /// only, so the cost per byte of plain text stays small.
    #[cfg(test)]
    pub fn scan_line(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        sentence_start: &mut usize,
        out: &mut Vec<RawMetric>,
    ) {
        self.scan_paragraph(text, (start, end), &[], sentence_start, out);
    }

    /// [`Self::scan_line`] over a paragraph `text[start..end]` whose `holes`
    /// (byte ranges inside it, in order: page numbers and running headers
    /// between two of its lines) are not read.
    pub fn scan_paragraph(
        &mut self,
        text: &str,
        (start, end): (usize, usize),
        holes: &[(usize, usize)],
        sentence_start: &mut usize,
        out: &mut Vec<RawMetric>,
    ) {
        self.holes.clear();
        self.holes.extend_from_slice(holes);
        let mut next_hole = 0;
        let bytes = text.as_bytes();
        let first = out.len();
        // Windows are read within a line only.
        self.whole_clause_from = None;
        let mut cur = Cursor {
            clause: start,
            subject_from: start,
            sentence: *sentence_start,
            quote: None,
        };
        let mut book = 0u32;
        let mut book_at = start;
        let mut i = start;
        while i < end {
            if next_hole < holes.len() && i >= holes[next_hole].0 {
                i = i.max(holes[next_hole].1);
                next_hole += 1;
                continue;
            }
            // Only ASCII and three-byte characters matter to the scan, and
            // of the three-byte ones only those in NOTABLE.
            // A run of three-byte characters not in NOTABLE is skipped in
            // whole-character steps (chunks_exact: no per-byte bounds checks),
            // one table lookup each: NOT_THREE answers "stop here" for a
            // notable character and for any byte that does not lead a
            // three-byte one (2.4 % fewer instructions natively for a long
            // report than testing the lead byte apart, 0.9 % in V8).
            let mut skipped = 0;
            for ch in bytes[i..end].chunks_exact(3) {
                let row =
                    usize::from(ROW_OF_LEAD[usize::from(ch[0])]) | (usize::from(ch[1]) & 0x3F);
                if NOT_THREE[row] & (1 << (ch[2] & 0x3F)) != 0 {
                    break;
                }
                skipped += 3;
            }
            if skipped > 0 {
                i += skipped;
                continue;
            }
            let (c, len) = crate::parse::text::scan_char(bytes, i);
            match classify_char(c) {
                Byte::Other => {}
                Byte::Sentence => {
                    cur.clause = i + len;
                    cur.subject_from = i + len;
                    cur.sentence = i + len;
                }
                Byte::QuoteOpen => cur.quote = Some(i),
                Byte::QuoteClose => cur.quote = None,
                Byte::QuoteToggle => cur.quote = if cur.quote.is_some() { None } else { Some(i) },
                Byte::Clause => {
                    cur.clause = i + len;
                    cur.subject_from = i + len;
                }
                Byte::BookOpen => {
                    book += 1;
                    book_at = i;
                }
                Byte::BookClose => book = book.saturating_sub(1),
                Byte::Candidate => {
                    if book == 0 || !in_book_title(text, book_at, i, end) {
                        if let Some(next) = self.candidate(text, (start, end), i, &mut cur, out) {
                            // One past the cap tells the caller to stop and
                            // warn; reading on would only grow `out` (a
                            // 10 MB line of `1件2件…` held 3.5 million).
                            if out.len() > MAX_METRICS {
                                break;
                            }
                            i = next;
                            continue;
                        }
                    }
                    i = skip_run_bytes(text, i, end);
                    continue;
                }
            }
            i += len;
        }
        *sentence_start = cur.sentence;
        resolve_lists(text, &mut out[first..]);
        inherit_subjects(text, &mut out[first..]);
    }

    /// Folds `text[ws..]` into the window buffers: up to the first clause
    /// or sentence break after byte `at`, or `WINDOW_AFTER` characters past
    /// it, or `line_end`. Returns the index of the character at `at`.
    pub(super) fn window(&mut self, text: &str, ws: usize, at: usize, line_end: usize) -> usize {
        self.chars.clear();
        self.offs.clear();
        // Room for a window of CJK text up front (the buffers keep it from
        // window to window): the pushes below then compile to a loop whose
        // growth path is cold.
        let room = WINDOW_BEFORE + WINDOW_AFTER + 1;
        self.chars.reserve(room);
        self.offs.reserve(room + 1);
        let mut k = 0;
        let mut window_end = line_end;
        let mut whole = true;
        // The next hole's range (`usize::MAX` when none is left).
        let mut hole = self.holes.partition_point(|h| h.1 <= ws);
        let mut next = self
            .holes
            .get(hole)
            .copied()
            .unwrap_or((usize::MAX, usize::MAX));
        for (p, c) in text[ws..line_end].char_indices() {
            let byte = ws + p;
            // Page furniture inside the paragraph is not read.
            if byte >= next.0 {
                while byte >= next.1 {
                    hole += 1;
                    next = self
                        .holes
                        .get(hole)
                        .copied()
                        .unwrap_or((usize::MAX, usize::MAX));
                }
                if byte >= next.0 {
                    continue;
                }
            }
            // Ideographs fold to themselves and break no clause.
            let ideograph = ('\u{4E00}'..='\u{9FFF}').contains(&c);
            // A hard line break inside a paragraph (wraps.rs) is not read.
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') && byte != at {
                continue;
            }
            if byte == at {
                k = self.chars.len();
            } else if byte > at {
                if self.chars.len() >= k + WINDOW_AFTER {
                    window_end = byte;
                    whole = false;
                    break;
                }
                if !ideograph && matches!(c, '，' | '。' | '；' | '！' | '？' | ';' | '!' | '?')
                {
                    window_end = byte;
                    break;
                }
            }
            self.chars.push(if ideograph { c } else { fold(c) });
            self.offs.push(byte);
        }
        self.offs.push(window_end);
        self.whole_clause_from = whole.then_some(ws);
        k
    }

    /// Reads the quantity at byte `at` of the line `bounds`, if there is
    /// one; returns the byte to continue from.
    pub(super) fn candidate(
        &mut self,
        text: &str,
        (line_start, line_end): (usize, usize),
        at: usize,
        cur: &mut Cursor,
        out: &mut Vec<RawMetric>,
    ) -> Option<usize> {
        // The number and its unit lie before any page furniture.
        let next_hole = self.holes.partition_point(|h| h.0 < at);
        let plain_end = self.holes.get(next_hole).map_or(line_end, |h| h.0);
        if !plausible_at(text, at, plain_end) {
            return None;
        }
        // A number inside a short quotation is a name: “十四五”, “24小时不打烊”.
        if let Some(open) = cur.quote {
            if in_short_quote(text, open, at, line_end) {
                return None;
            }
        }
        // The window: back to the clause start (at most WINDOW_BEFORE
        // characters), forward to the end of the clause (at most
        // WINDOW_AFTER characters): everything the reading of one figure
        // looks at.
        let ws = if at - cur.clause <= WINDOW_BEFORE * 3 {
            cur.clause.max(line_start)
        } else {
            text[line_start..at]
                .char_indices()
                .rev()
                .nth(WINDOW_BEFORE - 1)
                .map_or(line_start, |(p, _)| line_start + p)
        };
        let reuse = self.whole_clause_from == Some(ws) && self.offs.last().is_some_and(|&e| at < e);
        #[cfg(test)]
        let reuse = reuse && !self.fresh_windows;
        let k = if reuse {
            self.offs.partition_point(|&o| o < at)
        } else {
            self.window(text, ws, at, line_end)
        };
        let line = Line {
            chars: &self.chars,
            offs: &self.offs,
        };
        let (mut m, next) = quantity_at(&line, k)?;
        m.sentence = cur.sentence;
        m.clause = cur.clause;
        let from = line.offs.partition_point(|&o| o < cur.subject_from);
        let (subject, used_to) = subject(&line, from, k, next);
        m.subject = subject;
        cur.subject_from = line.offs[used_to.max(next)];
        out.push(m);
        Some(line.offs[next])
    }
}

/// True when the quotation opened at byte `open` holds byte `at` and is
/// short (at most 15 characters between the marks): a name or slogan, not a
/// quoted statement.
pub(super) fn in_short_quote(text: &str, open: usize, at: usize, end: usize) -> bool {
    const SHORT: usize = 15;
    // Opened further back than 4 × (SHORT + 2) bytes: more than SHORT + 1
    // characters (at most four bytes each), not counted (the quotation may
    // have opened thousands of characters back, with figures all along).
    if at - open > 4 * (SHORT + 2) {
        return false;
    }
    let inside_before = text[open..at].chars().count() - 1;
    if inside_before > SHORT {
        return false;
    }
    text[at..end]
        .chars()
        .take(SHORT + 1 - inside_before)
        .any(|c| matches!(c, '”' | '」' | '』' | '’' | '"'))
}

/// True when a `《` at byte `open` really opens a book title around byte
/// `at`: a `》` closes it soon after, and it opened not long before (an
/// unclosed `《` in garbled text must not hide the rest of the line).
pub(super) fn in_book_title(text: &str, open: usize, at: usize, end: usize) -> bool {
    const TITLE_BYTES: usize = 240;
    let limit = crate::parse::text::floor_boundary(text, (at + TITLE_BYTES).min(end));
    at - open <= TITLE_BYTES && text[at..limit].contains('》')
}

/// Skips a numeric run starting at byte `i` (so that `2021年` does not
/// yield `021年`, nor `十九届` `九届`); returns the byte after it.
pub(super) fn skip_run_bytes(text: &str, i: usize, end: usize) -> usize {
    let mut chars = text[i..end].char_indices();
    let Some((_, first)) = chars.next() else {
        return end;
    };
    let digits = digit(first).is_some();
    for (p, c) in chars {
        let more = if digits {
            digit(c).is_some()
                || (matches!(c, '.' | ',' | '．' | '，')
                    && text[i + p + c.len_utf8()..end]
                        .chars()
                        .next()
                        .and_then(digit)
                        .is_some())
        } else {
            is_cjk_numeral(c)
        };
        if !more {
            return i + p;
        }
    }
    end
}

/// A cheap first look at a Chinese numeral at byte `at`: most (一体化,
/// 进一步, 三农) are followed by no unit and are skipped before any real
/// work. Arabic numbers always get the full look.
pub(super) fn plausible_at(text: &str, at: usize, end: usize) -> bool {
    let mut chars = text[at..end]
        .chars()
        .filter(|c| !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))
        .map(fold)
        .peekable();
    let Some(first) = chars.next() else {
        return false;
    };
    if first == '翻' {
        return true;
    }
    let mut multiplied = matches!(first, '万' | '亿');
    let mut next = chars.next().unwrap_or('\n');
    if digit(first).is_some() {
        // Digits, separators and decimals, 万/亿 and a mixed tail (3万4000).
        for _ in 0..64 {
            let more = digit(next).is_some()
                || (matches!(next, '.' | ',') && chars.peek().is_some_and(|&c| digit(c).is_some()))
                || matches!(next, '万' | '亿');
            if !more {
                break;
            }
            multiplied |= matches!(next, '万' | '亿');
            next = chars.next().unwrap_or('\n');
        }
        // Blanks before the unit or qualifier (`62 人`), as quantity_at skips them.
        for _ in 0..3 {
            if next != ' ' {
                break;
            }
            next = chars.next().unwrap_or('\n');
        }
        // A year (2021年) unless a duration (连续8年).
        if next == '年' && !text[..at].ends_with("连续") {
            return false;
        }
    } else {
        for _ in 0..crate::parse::limits::MAX_CJK_NUMERAL {
            if !is_cjk_numeral(next) {
                break;
            }
            multiplied |= matches!(next, '万' | '亿');
            next = chars.next().unwrap_or('\n');
        }
    }
    if matches!(next, '余' | '多' | '几') {
        next = chars.next().unwrap_or('\n');
    }
    crate::parse::units::starts_unit(next)
        || matches!(next, '分' | '至' | '到' | '-' | '~' | '～' | '—' | '－')
        || (multiplied && !is_han(next))
        || (multiplied && (matches!(next, '和' | '与' | '及' | '、') || is_cjk_numeral(next)))
}
