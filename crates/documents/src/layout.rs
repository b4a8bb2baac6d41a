//! Page geometry, line wrapping and the flow of blocks onto A4 pages.
//!
//! Layout is a pure first pass: it decides for every line its page, position, face and text,
//! and returns the logical structure ([`Node`]s, in reading order) with the lines hanging at
//! its leaves. Only then does `pdf.rs` draw, because the footer needs the page count and the
//! tag tree needs the marked-content ids of every line.

use crate::fonts::{Fonts, Typeface};

/// A4 in PostScript points (krilla's unit): 210 mm × 297 mm.
pub(crate) const PAGE_WIDTH: f32 = 595.276;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// 25 mm left and right.
pub(crate) const LEFT: f32 = 70.866;
pub(crate) const RIGHT: f32 = PAGE_WIDTH - 70.866;
pub(crate) const CONTENT_WIDTH: f32 = RIGHT - LEFT;
/// 25 mm at the top; the body ends 30 mm above the bottom edge, where the footer begins.
const TOP: f32 = 70.866;
const BOTTOM: f32 = PAGE_HEIGHT - 85.04;
/// The footer's first baseline, 15 mm above the bottom edge, and its rule above the body's end.
pub(crate) const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 42.52;
pub(crate) const FOOTER_RULE_Y: f32 = BOTTOM + 14.0;

/// How a run of text is set. Sizes in points; `leading` is the line height over the size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Style {
    pub(crate) bold: bool,
    pub(crate) size: f32,
    pub(crate) leading: f32,
}

impl Style {
    pub(crate) const TITLE: Style = Style { bold: true, size: 18.0, leading: 1.25 };
    pub(crate) const CERTIFICATE_TITLE: Style = Style { bold: true, size: 22.0, leading: 1.25 };
    pub(crate) const HEADING: Style = Style { bold: true, size: 13.0, leading: 1.3 };
    pub(crate) const BODY: Style = Style { bold: false, size: 10.5, leading: 1.45 };
    pub(crate) const STRONG: Style = Style { bold: true, size: 10.5, leading: 1.45 };
    pub(crate) const LEAD: Style = Style { bold: true, size: 11.5, leading: 1.4 };
    pub(crate) const NAME: Style = Style { bold: true, size: 16.0, leading: 1.4 };
    pub(crate) const SMALL: Style = Style { bold: false, size: 9.0, leading: 1.45 };
    pub(crate) const FOOTER: Style = Style { bold: false, size: 8.0, leading: 1.3 };

    pub(crate) fn line_height(self) -> f32 {
        self.size * self.leading
    }
}

/// One line of text, placed. `baseline` counts from the top edge, as krilla does.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub(crate) page: usize,
    pub(crate) x: f32,
    pub(crate) baseline: f32,
    pub(crate) style: Style,
    /// Ends in a space when the line ends between two words, so that text extraction and
    /// screen readers see the word boundary (PDF/A-2a, PDF/UA).
    pub(crate) text: String,
}

/// Structure elements that hold text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Leaf {
    H1,
    H2,
    P,
    /// A list item's label ("1.").
    Lbl,
}

/// Structure elements that group others.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Group {
    List { numbered: bool },
    Item,
    ItemBody,
}

#[derive(Clone, Debug)]
pub(crate) enum Node {
    Text {
        kind: Leaf,
        /// The plain text, for a heading's `/T` and the outline.
        title: String,
        lines: Vec<Line>,
    },
    Group {
        kind: Group,
        children: Vec<Node>,
    },
    /// A chart: one figure in the structure, `alt` its words; everything drawn on one page.
    Figure {
        alt: String,
        page: usize,
        /// The area it takes, from the top edge: `(left, top, right, bottom)`.
        area: (f32, f32, f32, f32),
        labels: Vec<Line>,
        bars: Vec<PlacedBar>,
    },
}

/// A bar of a chart, placed, with its number written after it.
#[derive(Clone, Debug)]
pub(crate) struct PlacedBar {
    /// Which series of its row: the series have different shades.
    pub(crate) series: usize,
    pub(crate) x: f32,
    pub(crate) top: f32,
    /// Zero draws no bar (a count not shown, or 0).
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) text: Line,
}

/// The width of a chart's label column.
const CHART_LABEL_WIDTH: f32 = 170.0;
const BAR_HEIGHT: f32 = 9.0;
const BAR_GAP: f32 = 2.0;
const CHART_ROW_GAP: f32 = 5.0;

/// A part of a text block: its text and how it is set. Each part starts on a new line.
pub(crate) type Part<'a> = (&'a str, Style);

/// Breaks `text` into lines no wider than `width`. A line feed is a forced break; runs of ASCII
/// white space collapse into one space (a no-break space stays a no-break space). A word wider
/// than a whole line (a hash, say) is broken between characters.
pub(crate) fn wrap(face: &Typeface, size: f32, text: &str, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for hard in text.split('\n') {
        let mut line = String::new();
        for word in hard.split_ascii_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if face.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                line.push(' ');
                lines.push(std::mem::take(&mut line));
            }
            if face.width(word, size) <= width {
                line = word.to_owned();
                continue;
            }
            for c in word.chars() {
                line.push(c);
                if face.width(&line, size) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        if !line.is_empty() {
            line.push(' ');
            lines.push(line);
        }
    }
    if let Some(last) = lines.last_mut() {
        last.pop();
    }
    lines
}

/// The cursor that moves down the pages.
pub(crate) struct Flow<'f> {
    fonts: &'f Fonts,
    page: usize,
    /// Top of the next line box, from the top edge.
    y: f32,
}

impl<'f> Flow<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Self {
        Self { fonts, page: 0, y: TOP }
    }

    pub(crate) fn pages(&self) -> usize {
        self.page + 1
    }

    pub(crate) fn new_page(&mut self) {
        self.page += 1;
        self.y = TOP;
    }

    /// Vertical space; swallowed at the top of a page.
    pub(crate) fn space(&mut self, height: f32) {
        if self.y > TOP {
            self.y = (self.y + height).min(BOTTOM);
        }
    }

    /// Vertical space that is kept even at the top of a page.
    pub(crate) fn advance(&mut self, height: f32) {
        self.y = (self.y + height).min(BOTTOM);
    }

    /// Starts a new page unless `height` still fits on this one (or nothing would fit anywhere).
    pub(crate) fn keep(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    /// The wrapped lines of `parts` and their total height, not yet placed.
    pub(crate) fn measure(&self, parts: &[Part<'_>], width: f32) -> (Vec<(String, Style)>, f32) {
        let mut lines = Vec::new();
        let mut height = 0.0;
        for &(text, style) in parts {
            for line in wrap(self.fonts.face(style.bold), style.size, text, width) {
                height += style.line_height();
                lines.push((line, style));
            }
        }
        // Consecutive parts are separate lines: restore the word boundary between them.
        let count = lines.len();
        for (line, _) in lines.iter_mut().take(count.saturating_sub(1)) {
            if !line.ends_with(' ') {
                line.push(' ');
            }
        }
        (lines, height)
    }

    /// Places measured lines at `x`, moving to a new page whenever the next line does not fit.
    /// Where a block breaks across pages, neither part is left with a single line (no orphans,
    /// no widows) if the block has the lines to avoid it.
    pub(crate) fn place(&mut self, lines: Vec<(String, Style)>, x: f32) -> Vec<Line> {
        let mut fitting = 0;
        let mut y = self.y;
        for (_, style) in &lines {
            y += style.line_height();
            if y > BOTTOM {
                break;
            }
            fitting += 1;
        }
        let mut break_before = None;
        if fitting < lines.len() && self.y > TOP {
            if fitting < 2 || (lines.len() - fitting == 1 && fitting < 3) {
                self.new_page();
            } else if lines.len() - fitting == 1 {
                break_before = Some(fitting - 1);
            }
        }

        let mut placed = Vec::with_capacity(lines.len());
        for (i, (text, style)) in lines.into_iter().enumerate() {
            if break_before == Some(i) {
                self.new_page();
            }
            let height = style.line_height();
            self.keep(height);
            // Centre the glyphs' em box in the line box; 0.8 em is about DejaVu's ascent.
            let baseline = self.y + (height - style.size) / 2.0 + style.size * 0.8;
            placed.push(Line { page: self.page, x, baseline, style, text });
            self.y += height;
        }
        placed
    }

    /// Wraps and places a block of text as one structure element.
    pub(crate) fn text(&mut self, kind: Leaf, parts: &[Part<'_>], x: f32) -> Option<Node> {
        let (lines, _) = self.measure(parts, RIGHT - x);
        if lines.is_empty() {
            return None;
        }
        let title = parts.iter().map(|(text, _)| text.trim()).collect::<Vec<_>>().join(" ");
        Some(Node::Text { kind, title, lines: self.place(lines, x) })
    }

    /// A heading, kept on the same page as at least the first lines that follow it.
    pub(crate) fn heading(&mut self, kind: Leaf, text: &str, style: Style) -> Option<Node> {
        let (_, height) = self.measure(&[(text, style)], CONTENT_WIDTH);
        self.keep(height + 3.0 * Style::BODY.line_height());
        self.text(kind, &[(text, style)], LEFT)
    }

    /// A horizontal bar chart, kept on one page: the labels wrapped in their column, the bars
    /// on one scale, each number after its bar.
    pub(crate) fn chart(&mut self, chart: &crate::BarChart) -> Option<Node> {
        if chart.rows.is_empty() {
            return None;
        }
        let style = Style::SMALL;
        let fonts = self.fonts;
        let face = fonts.face(false);
        let text_room =
            chart.rows.iter().flat_map(|r| &r.bars).map(|b| face.width(&b.text, style.size)).fold(0.0, f32::max);
        let bar_room = (CONTENT_WIDTH - CHART_LABEL_WIDTH - text_room - 8.0).max(40.0);
        let largest = chart.rows.iter().flat_map(|r| &r.bars).filter_map(|b| b.value).max().unwrap_or(0).max(1);
        let rows: Vec<(Vec<String>, f32)> = chart
            .rows
            .iter()
            .map(|r| {
                let labels = wrap(face, style.size, &r.label, CHART_LABEL_WIDTH - 8.0);
                let bars = r.bars.len() as f32 * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
                let height = (labels.len() as f32 * style.line_height()).max(bars) + CHART_ROW_GAP;
                (labels, height)
            })
            .collect();
        let total: f32 = rows.iter().map(|(_, h)| h).sum();
        self.keep(total);
        let (page, top) = (self.page, self.y);
        let mut labels = Vec::new();
        let mut bars = Vec::new();
        let mut y = top;
        for (row, (label_lines, height)) in chart.rows.iter().zip(rows) {
            for (i, text) in label_lines.into_iter().enumerate() {
                let baseline = y + i as f32 * style.line_height() + style.size * 0.95;
                labels.push(Line { page, x: LEFT, baseline, style, text });
            }
            for (series, bar) in row.bars.iter().enumerate() {
                let bar_top = y + series as f32 * (BAR_HEIGHT + BAR_GAP) + 1.0;
                let width = bar.value.map_or(0.0, |v| bar_room * v as f32 / largest as f32);
                let x = LEFT + CHART_LABEL_WIDTH;
                let text = Line {
                    page,
                    x: x + width + 4.0,
                    baseline: bar_top + BAR_HEIGHT - 1.5,
                    style,
                    text: bar.text.clone(),
                };
                bars.push(PlacedBar { series, x, top: bar_top, width, height: BAR_HEIGHT, text });
            }
            y += height;
        }
        self.y = y;
        Some(Node::Figure { alt: chart.alt.clone(), page, area: (LEFT, top, RIGHT, y), labels, bars })
    }

    /// A list item: `label` hanging in the margin of its body, and the body's paragraphs,
    /// kept together on one page where they fit on one.
    pub(crate) fn item(&mut self, label: Option<&str>, paragraphs: &[Vec<Part<'_>>]) -> Node {
        const INDENT: f32 = 24.0;
        let body_x = LEFT + INDENT;
        let measured: Vec<_> = paragraphs
            .iter()
            .map(|parts| self.measure(parts, RIGHT - body_x))
            .filter(|(lines, _)| !lines.is_empty())
            .collect();
        let total: f32 = measured.iter().map(|(_, height)| height).sum();
        self.keep(total);

        let mut children = Vec::new();
        if let (Some(label), Some((first, _))) = (label, measured.first()) {
            let style = first.first().map_or(Style::BODY, |(_, style)| *style);
            // The label shares the first body line's baseline: place it, then step back up.
            let (top, page) = (self.y, self.page);
            let lines = self.place(vec![(format!("{label} "), style)], LEFT);
            (self.y, self.page) = (top, page);
            children.push(Node::Text { kind: Leaf::Lbl, title: label.to_owned(), lines });
        }
        let body = measured
            .into_iter()
            .map(|(lines, _)| Node::Text { kind: Leaf::P, title: String::new(), lines: self.place(lines, body_x) })
            .collect();
        children.push(Node::Group { kind: Group::ItemBody, children: body });
        Node::Group { kind: Group::Item, children }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().expect("embedded fonts")
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word_with_its_boundary() {
        let fonts = fonts();
        let text = "Die Beteiligten tauschen für die oben genannte Woche ihre Arbeitsplätze und \
                    verpflichten sich gegenseitig zur Verschwiegenheit über alle dienstlichen \
                    Angelegenheiten.";
        let lines = wrap(&fonts.regular, 10.5, text, 200.0);
        assert!(lines.len() >= 3, "{lines:?}");
        for line in &lines {
            assert!(fonts.regular.width(line.trim_end(), 10.5) <= 200.0, "{line:?}");
        }
        let (last, rest) = lines.split_last().expect("lines");
        assert!(rest.iter().all(|line| line.ends_with(' ')), "{lines:?}");
        assert!(!last.ends_with(' '));
        assert_eq!(lines.concat(), text.split_ascii_whitespace().collect::<Vec<_>>().join(" "));
    }

    #[test]
    fn line_feeds_break_and_overlong_words_split_between_characters() {
        let fonts = fonts();
        assert_eq!(wrap(&fonts.regular, 10.0, "eins\r\nzwei", 400.0), ["eins ", "zwei"]);
        let hash = "0123456789abcdef".repeat(8);
        let lines = wrap(&fonts.regular, 10.0, &hash, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), hash, "a broken word gets no spaces");
        assert!(lines.iter().all(|l| fonts.regular.width(l, 10.0) <= 100.0));
        assert!(wrap(&fonts.regular, 10.0, " \t ", 100.0).is_empty());
    }

    #[test]
    fn a_paragraph_never_leaves_a_single_line_on_either_page() {
        let fonts = fonts();
        let style = Style::BODY;
        for lines_left in 0..6 {
            for count in 2..8 {
                let mut flow = Flow::new(&fonts);
                // Leave room for exactly `lines_left` lines on the first page.
                flow.y = BOTTOM - lines_left as f32 * style.line_height() - 0.1;
                let lines = (0..count).map(|i| (format!("Zeile {i}"), style)).collect();
                let placed = flow.place(lines, LEFT);
                let first_page = placed.iter().filter(|l| l.page == 0).count();
                let rest = count - first_page;
                assert!(
                    first_page != 1 && (rest != 1 || first_page == 0),
                    "{count} lines, room for {lines_left}: {first_page} + {rest}"
                );
            }
        }
    }
}
