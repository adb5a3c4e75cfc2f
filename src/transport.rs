//! The report as the wasm module hands it to JavaScript: one byte buffer
//! that `www/transport.js` turns into exactly the object `JSON.parse` would make
//! of the report's JSON (same keys, same order, same values), at a fraction
//! of the cost: no JSON text to write in wasm, to decode out of wasm memory
//! or to parse (measured in BENCHMARKS.md).
//!
//! Layout, little-endian, every part aligned for its typed array:
//!
//! ```text
//! header   4 × u32   VERSION, number of f64, number of u32, bytes of text
//! floats   n × f64   metric values and range ends, in reading order
//! words    n × u32   counts, spans, enums, flags, string lengths
//! text     UTF-8     every string, one after another
//! ```
//!
//! The fields come in the order of the model's structs (the order of their
//! JSON keys). A string is its length in UTF-16 code units (the units
//! JavaScript slices by) in `words` and its characters in `text`; an absent
//! one (`None`, JSON `null`) is the length [`NONE`]. Enums are their index in
//! the declaration. Nothing here is a public format: the shim and this
//! module are built together.

use crate::{Check, Item, Meta, Metric, Report, Section, Span};

/// First word of the header; bump it with any change of layout.
pub const VERSION: u32 = 1;

/// The length that stands for an absent string (and an absent number's flag
/// is 0, a present one's 1).
pub const NONE: u32 = u32::MAX;

/// Writes the report in the layout above.
pub fn encode(report: &Report) -> Vec<u8> {
    let mut w = Writer::default();
    // About what the seed needs per metric and per section, so that the
    // buffers rarely grow.
    w.words
        .reserve(4 * (24 * report.metrics.len() + 64 * report.sections.len() + 64));
    w.report(report);
    let mut out = Vec::with_capacity(16 + w.floats.len() + w.words.len() + w.text.len());
    for n in [
        VERSION,
        len32(w.floats.len() / 8),
        len32(w.words.len() / 4),
        len32(w.text.len()),
    ] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    out.extend_from_slice(&w.floats);
    out.extend_from_slice(&w.words);
    out.extend_from_slice(w.text.as_bytes());
    out
}

fn len32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// UTF-16 code units of `s`: one per character, two for those outside the
/// BMP (four UTF-8 bytes).
fn units(s: &str) -> u32 {
    crate::parse::text::units_in(s.as_bytes(), true)
}

/// The three parts, each already in its final byte form (little-endian).
#[derive(Default)]
struct Writer {
    floats: Vec<u8>,
    words: Vec<u8>,
    text: String,
}

impl Writer {
    fn word(&mut self, n: u32) {
        self.words.extend_from_slice(&n.to_le_bytes());
    }

    fn float(&mut self, x: f64) {
        self.floats.extend_from_slice(&x.to_le_bytes());
    }

    fn len(&mut self, n: usize) {
        self.word(len32(n));
    }

    fn str(&mut self, s: &str) {
        self.word(units(s));
        self.text.push_str(s);
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.word(NONE),
        }
    }

    fn span(&mut self, s: Span) {
        self.word(s.start);
        self.word(s.end);
    }

    /// A count, then each item.
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.len(items.len());
        for x in items {
            item(self, x);
        }
    }

    fn report(&mut self, r: &Report) {
        self.opt_str(r.title.as_deref());
        self.meta(&r.meta);
        match r.year {
            Some(y) => {
                self.word(1);
                self.word(y as u32);
            }
            None => self.word(0),
        }
        self.list(&r.sections, Self::section);
        self.list(&r.metrics, Self::metric);
        self.list(&r.checks, Self::check);
        self.list(&r.warnings, |w, s| w.str(s));
        self.span(r.preamble);
        self.list(&r.furniture, |w, s| w.span(*s));
        self.items(&r.items);
        self.word(r.length);
    }

    fn meta(&mut self, m: &Meta) {
        for s in [
            &m.index_no,
            &m.doc_no,
            &m.issued,
            &m.published,
            &m.publisher,
        ] {
            self.opt_str(s.as_deref());
        }
        self.list(&m.fields, |w, f| {
            w.str(&f.label);
            w.str(&f.value);
        });
    }

    fn section(&mut self, s: &Section) {
        self.str(&s.id);
        self.word(u32::from(s.level));
        self.str(&s.marker);
        self.str(&s.title);
        self.span(s.span);
        self.span(s.heading_span);
        self.span(s.body_span);
        self.list(&s.children, Self::section);
        self.items(&s.items);
    }

    fn items(&mut self, items: &[Item]) {
        self.list(items, |w, i| {
            w.str(&i.marker);
            w.str(&i.title);
            w.span(i.span);
        });
    }

    fn metric(&mut self, m: &Metric) {
        self.str(&m.id);
        self.str(&m.text);
        self.span(m.span);
        self.float(m.value);
        match m.upper {
            Some(u) => {
                self.word(1);
                self.float(u);
            }
            None => self.word(0),
        }
        self.opt_str(m.unit.as_deref());
        // Enums as their position in declaration order.
        self.word(m.qualifier as u32);
        self.word(m.kind as u32);
        self.word(u32::from(m.change));
        self.opt_str(m.subject.as_deref());
        self.opt_str(m.indicator.as_deref());
        self.opt_str(m.section.as_deref());
    }

    fn check(&mut self, c: &Check) {
        self.str(&c.id);
        self.word(c.status as u32);
        self.str(&c.message);
        self.list(&c.metrics, |w, m| w.str(m));
        self.opt_str(c.section.as_deref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_lengths_are_utf16_units() {
        for s in ["", "abc", "共553件", "𠀀共𝕏", "\u{FEFF}\r\n\u{0}", "é€𐍈"] {
            assert_eq!(units(s) as usize, s.encode_utf16().count(), "{s:?}");
        }
    }

    #[test]
    fn the_header_gives_the_size_of_each_part() {
        let report = crate::parse("一、总体情况\n共办理12件，约2.4万余人次，3至5个。");
        let bytes = encode(&report);
        let word = |i: usize| u32::from_le_bytes(bytes[i * 4..i * 4 + 4].try_into().unwrap());
        assert_eq!(word(0), VERSION);
        let (floats, words, text) = (word(1) as usize, word(2) as usize, word(3) as usize);
        // One value per metric, and an upper end for the range.
        assert_eq!(floats, report.metrics.len() + 1);
        assert_eq!(bytes.len(), 16 + floats * 8 + words * 4 + text);
        let strings = std::str::from_utf8(&bytes[bytes.len() - text..]).unwrap();
        assert!(strings.contains("总体情况") && strings.contains("2.4万余人次"));
        let first = f64::from_le_bytes(bytes[16..24].try_into().unwrap());
        assert_eq!(first, report.metrics[0].value);
    }
}
