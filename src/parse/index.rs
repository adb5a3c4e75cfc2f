//! Byte offsets ↔ UTF-16 offsets: [`TextIndex`], built once per text.

/// The one index between byte offsets of a text and the UTF-16 code-unit
/// offsets of its spans, both ways, built once per text in one pass: the
/// parser turns its byte offsets into spans with it, and the renderer and
/// every other reader slice the text by spans with it.
///
/// It keeps one checkpoint per [`TextIndex::STRIDE`] bytes (a sixteenth of
/// the text's size in memory; none for ASCII text), so a conversion costs
/// at most `STRIDE` byte reads. UTF-16 length is the number of
/// non-continuation bytes plus one for every four-byte sequence, so no
/// decoding is needed.
///
/// ```
/// use govreport::{Span, TextIndex};
/// let text = "𠀀共553件";
/// let index = TextIndex::new(text);
/// assert_eq!(index.slice(Span::new(3, 7)), Some("553件"));
/// assert_eq!(index.slice(Span::new(1, 3)), None); // inside 𠀀
/// assert_eq!(index.units(text.len()), 7);
/// assert_eq!(index.byte(3), Some(7));
/// ```
#[derive(Debug)]
pub struct TextIndex<'a> {
    text: &'a str,
    bytes: &'a [u8],
    checkpoints: Vec<u32>,
    ascii: bool,
    /// Has characters outside the Basic Multilingual Plane (two UTF-16
    /// units each); most reports have none, and then they are not counted.
    astral: bool,
}

impl<'a> TextIndex<'a> {
    /// Bytes between checkpoints.
    pub const STRIDE: usize = 64;

    /// Builds the map for `text` in one pass.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let ascii = bytes.is_ascii();
        // Natively a maximum over the bytes (vectorised); in wasm, which
        // has no vector instructions here, eight bytes at a time.
        #[cfg(target_arch = "wasm32")]
        let astral = !ascii && has_four_byte_lead(bytes);
        #[cfg(not(target_arch = "wasm32"))]
        let astral = !ascii && bytes.iter().fold(0u8, |m, &b| m.max(b)) >= 0xF0;
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(bytes.len() / Self::STRIDE + 1);
            let mut units = 0u32;
            for chunk in bytes.chunks(Self::STRIDE) {
                checkpoints.push(units);
                units += units_in(chunk, astral);
            }
            checkpoints.push(units);
        }
        TextIndex {
            text,
            bytes,
            checkpoints,
            ascii,
            astral,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (which must be a char boundary).
    pub fn units(&self, byte: usize) -> u32 {
        if self.ascii {
            return byte as u32;
        }
        let k = byte / Self::STRIDE;
        let base = k * Self::STRIDE;
        self.checkpoints[k] + units_in(&self.bytes[base..byte], self.astral)
    }

    /// Converts a byte range.
    pub fn span(&self, start: usize, end: usize) -> crate::Span {
        crate::Span::new(self.units(start), self.units(end))
    }

    /// Length of the text in UTF-16 units.
    pub fn len_utf16(&self) -> u32 {
        self.units(self.bytes.len())
    }

    /// The byte offset of UTF-16 offset `unit`, if it is a character
    /// boundary of the text.
    pub fn byte(&self, unit: u32) -> Option<usize> {
        let len = self.bytes.len();
        if self.ascii {
            return (unit as usize <= len).then_some(unit as usize);
        }
        // The last checkpoint at or before `unit`, then at most a stride on.
        let k = self
            .checkpoints
            .partition_point(|&c| c <= unit)
            .checked_sub(1)?;
        let mut at = (k * Self::STRIDE).min(len);
        let mut units = self.checkpoints[k];
        // A character that began in the chunk before was counted there.
        while at < len && self.bytes[at] & 0xC0 == 0x80 {
            at += 1;
        }
        while units < unit && at < len {
            let lead = self.bytes[at];
            let width = match lead {
                0x00..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            units += if width == 4 { 2 } else { 1 };
            at += width;
        }
        (units == unit).then_some(at)
    }

    /// The text of `span`, or `None` when it is out of range or not on
    /// character boundaries.
    pub fn slice(&self, span: crate::Span) -> Option<&'a str> {
        let (s, e) = (self.byte(span.start)?, self.byte(span.end)?);
        self.text.get(s..e)
    }
}

/// Whether `bytes` holds a byte 0xF0 or above (leading a four-byte
/// sequence), eight bytes at a time with 64-bit arithmetic: in wasm, which
/// has no vector instructions here, the byte-by-byte maximum took four
/// instructions per byte of the text (5 % of a long report's parse).
/// Natively the maximum is vectorised and faster; tested natively.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn has_four_byte_lead(bytes: &[u8]) -> bool {
    // Bit 7 of each byte of `w & w << 1 & w << 2 & w << 3` is set when
    // bits 7–4 of that byte are (the shifts move no other byte's bits to
    // bit 7).
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut any = 0u64;
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        any |= w & (w << 1) & (w << 2) & (w << 3);
    }
    any & HIGH != 0 || chunks.remainder().iter().any(|&b| b >= 0xF0)
}

/// UTF-16 units in `bytes` (whole characters); `astral`: four-byte
/// sequences may occur (each is two units).
pub(crate) fn units_in(bytes: &[u8], astral: bool) -> u32 {
    // Eight bytes at a time: bit 0 of each byte of `lead` says "not a
    // continuation byte" (not 0b10xxxxxx), of `four` "starts a four-byte
    // sequence" (0b11110xxx); multiplying by LO sums the bytes into the top one.
    const LO: u64 = 0x0101_0101_0101_0101;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0u32;
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let lead = ((!w >> 7) | (w >> 6)) & LO;
        n += (lead.wrapping_mul(LO) >> 56) as u32;
        if astral {
            let four = (w >> 7) & (w >> 6) & (w >> 5) & (w >> 4) & LO;
            n += (four.wrapping_mul(LO) >> 56) as u32;
        }
    }
    n + chunks
        .remainder()
        .iter()
        .map(|&b| u32::from((b & 0xC0) != 0x80) + u32::from(b >= 0xF0))
        .sum::<u32>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_byte_leads_are_found_wherever_they_are() {
        for len in 0..40 {
            for at in 0..len {
                for b in [0xEFu8, 0xF0, 0xF4, 0xF7, 0xFF, 0x7F, 0xBF, 0xE0] {
                    // Around it, bytes with three of the four top bits set.
                    let mut bytes = vec![0xE7u8; len];
                    bytes[at] = b;
                    assert_eq!(
                        has_four_byte_lead(&bytes),
                        b >= 0xF0,
                        "{b:#x} at {at} of {len}"
                    );
                }
            }
            assert!(!has_four_byte_lead(&vec![0xEF; len]));
        }
        assert!(has_four_byte_lead("报告𠀀".as_bytes()));
        assert!(!has_four_byte_lead("报告，é".as_bytes()));
    }
}
