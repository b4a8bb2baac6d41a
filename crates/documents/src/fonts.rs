//! The two embedded faces (DejaVu Sans and DejaVu Sans Bold, licence in `fonts/COPYRIGHT-DejaVu`)
//! and the one way text is measured.
//!
//! Widths are measured by shaping with rustybuzz exactly as krilla's `draw_text` does (same
//! crate, same settings), so a line measured here is the line that ends up on the page,
//! kerning included.

use krilla::text::Font;
use rustybuzz::{Face, UnicodeBuffer};

use crate::DocumentError;

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// One face, as krilla embeds it and as rustybuzz measures it.
pub(crate) struct Typeface {
    pub(crate) pdf: Font,
    shaper: Face<'static>,
}

impl Typeface {
    fn load(name: &'static str, data: &'static [u8]) -> Result<Self, DocumentError> {
        let pdf = Font::new(data.into(), 0).ok_or(DocumentError::Font(name))?;
        let shaper = Face::from_slice(data, 0).ok_or(DocumentError::Font(name))?;
        Ok(Self { pdf, shaper })
    }

    /// The advance width of `text` set in one line at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&self.shaper, &[], buffer);
        let units: i64 = shaped.glyph_positions().iter().map(|p| i64::from(p.x_advance)).sum();
        units as f32 / self.shaper.units_per_em() as f32 * size
    }

    fn has_glyph(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }
}

pub(crate) struct Fonts {
    pub(crate) regular: Typeface,
    pub(crate) bold: Typeface,
}

impl Fonts {
    pub(crate) fn load() -> Result<Self, DocumentError> {
        Ok(Self { regular: Typeface::load("DejaVu Sans", REGULAR)?, bold: Typeface::load("DejaVu Sans Bold", BOLD)? })
    }

    pub(crate) fn face(&self, bold: bool) -> &Typeface {
        if bold { &self.bold } else { &self.regular }
    }

    /// Refuses text the PDF could not carry faithfully: characters without a glyph in both faces
    /// (they would print as empty boxes, and PDF/A forbids the `.notdef` glyph), control
    /// characters other than line feed, carriage return and tab, and private-use code points (no meaning for
    /// a screen reader; PDF/A-2a forbids them).
    pub(crate) fn check(&self, field: &str, text: &str) -> Result<(), DocumentError> {
        for c in text.chars() {
            let refused = match c {
                // White space; a carriage return from a form's CRLF counts as a space.
                '\n' | '\t' | '\r' => false,
                c if c.is_control() => true,
                '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}' => true,
                c => !(self.regular.has_glyph(c) && self.bold.has_glyph(c)),
            };
            if refused {
                return Err(DocumentError::UnsupportedCharacter { field: field.to_owned(), character: c });
            }
        }
        Ok(())
    }
}
