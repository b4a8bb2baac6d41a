//! The second pass: draws laid-out lines with krilla, marks every line as a span of its
//! structure element, the footer and page numbers as artifacts, and writes the tag tree,
//! outline and metadata under the PDF/A-2a and PDF/UA-1 validators.

use krilla::Document;
use krilla::SerializeSettings;
use krilla::color::{luma, rgb};
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, BBox, ContentTag, Identifier, ListNumbering, Node as TagNode, SpanTag, Tag, TagGroup,
    TagTree,
};
use krilla::text::TextDirection;
use std::num::NonZeroU16;

use crate::DocumentError;
use crate::fonts::Fonts;
use crate::layout::{
    FOOTER_BASELINE, FOOTER_RULE_Y, Group, LEFT, Leaf, Line, Node, PAGE_HEIGHT, PAGE_WIDTH, PlacedBar, RIGHT, Style,
    wrap,
};

/// What the whole document needs besides its body.
pub(crate) struct Frame<'a> {
    pub(crate) lang: &'a str,
    pub(crate) title: &'a str,
    pub(crate) footer: &'a str,
    /// The creation date written into the file (Info dictionary and XMP), in UTC. The same
    /// input gives the same bytes, so it is the caller's date of the document, never "now".
    pub(crate) created: chrono::DateTime<chrono::Utc>,
}

/// A date as PDF metadata has it (whole seconds, UTC).
fn pdf_date(t: chrono::DateTime<chrono::Utc>) -> DateTime {
    use chrono::{Datelike, Timelike};
    // Four-digit years only, as PDF dates have them; the casts cannot lose anything then.
    let year = t.year().clamp(0, 9999) as u16;
    DateTime::new(year)
        .month(t.month() as u8)
        .day(t.day() as u8)
        .hour(t.hour() as u8)
        .minute(t.minute() as u8)
        .second(t.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

pub(crate) fn render(fonts: &Fonts, body: &[Node], pages: usize, frame: &Frame<'_>) -> Result<Vec<u8>, DocumentError> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| DocumentError::Pdf(format!("PDF/A-2a with PDF/UA-1: {e:?}")))?;
    let settings = SerializeSettings { configuration, enable_tagging: true, ..SerializeSettings::default() };
    let mut document = Document::new_with(settings);
    let page_settings =
        PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or_else(|| DocumentError::Pdf("invalid page size".into()))?;

    // One list of marked-content ids per text leaf, leaves numbered in reading order.
    let mut ids: Vec<Vec<Identifier>> = Vec::new();
    for page_index in 0..pages {
        let mut page = document.start_page_with(page_settings.clone());
        let mut surface = page.surface();
        let mut leaf = 0;
        draw_nodes(&mut surface, fonts, body, page_index, &mut leaf, &mut ids);
        draw_footer(&mut surface, fonts, frame.footer, page_index, pages)?;
        surface.finish();
        page.finish();
    }

    let mut tree = TagTree::new();
    let mut leaf = 0;
    for node in tag_nodes(body, &ids, &mut leaf) {
        tree.push(node);
    }
    document.set_tag_tree(tree);
    document.set_outline(outline(body));
    document.set_metadata(
        Metadata::new()
            .title(frame.title.to_owned())
            .language(frame.lang.to_owned())
            .creator("Jobtausch".to_owned())
            .creation_date(pdf_date(frame.created)),
    );
    document.finish().map_err(from_krilla)
}

fn from_krilla(error: KrillaError) -> DocumentError {
    match error {
        KrillaError::Validation(problems) => {
            DocumentError::Validation(problems.into_iter().map(|(problem, _)| format!("{problem:?}")).collect())
        }
        other => DocumentError::Pdf(other.to_string()),
    }
}

fn draw_line(surface: &mut Surface<'_>, fonts: &Fonts, line: &Line) {
    surface.draw_text(
        Point::from_xy(line.x, line.baseline),
        fonts.face(line.style.bold).pdf.clone(),
        line.style.size,
        &line.text,
        false,
        TextDirection::Auto,
    );
}

fn draw_nodes(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    nodes: &[Node],
    page: usize,
    leaf: &mut usize,
    ids: &mut Vec<Vec<Identifier>>,
) {
    for node in nodes {
        match node {
            Node::Text { lines, .. } => {
                if ids.len() <= *leaf {
                    ids.push(Vec::new());
                }
                for line in lines.iter().filter(|line| line.page == page) {
                    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                    draw_line(surface, fonts, line);
                    surface.end_tagged();
                    ids[*leaf].push(id);
                }
                *leaf += 1;
            }
            Node::Group { children, .. } => draw_nodes(surface, fonts, children, page, leaf, ids),
            Node::Figure { page: on, labels, bars, .. } => {
                if ids.len() <= *leaf {
                    ids.push(Vec::new());
                }
                if *on == page {
                    let id = surface.start_tagged(ContentTag::Other);
                    draw_bars(surface, bars);
                    for line in labels.iter().chain(bars.iter().map(|b| &b.text)) {
                        draw_line(surface, fonts, line);
                    }
                    surface.end_tagged();
                    ids[*leaf].push(id);
                }
                *leaf += 1;
            }
        }
    }
}

/// The fills of a chart's series, as on the pages' charts: dark, then light; every bar has a
/// dark outline, and the numbers beside the bars say the rest.
const SERIES_FILLS: [(u8, u8, u8); 2] = [(0x1d, 0x3f, 0x6e), (0xd6, 0xe4, 0xf5)];
const INK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);

fn draw_bars(surface: &mut Surface<'_>, bars: &[PlacedBar]) {
    let color = |(r, g, b): (u8, u8, u8)| rgb::Color::new(r, g, b);
    surface.set_stroke(Some(Stroke { paint: color(INK).into(), width: 0.5, ..Stroke::default() }));
    for bar in bars.iter().filter(|b| b.width > 0.0) {
        let mut path = PathBuilder::new();
        let Some(rect) = Rect::from_xywh(bar.x, bar.top, bar.width, bar.height) else { continue };
        path.push_rect(rect);
        if let Some(path) = path.finish() {
            let fill = color(SERIES_FILLS[bar.series % SERIES_FILLS.len()]);
            surface.set_fill(Some(Fill { paint: fill.into(), ..Fill::default() }));
            surface.draw_path(&path);
        }
    }
    surface.set_stroke(None);
    surface.set_fill(Some(Fill::default()));
}

/// The footer text on the left, "page / pages" on the right, a hairline above: all artifacts.
fn draw_footer(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    footer: &str,
    page: usize,
    pages: usize,
) -> Result<(), DocumentError> {
    let style = Style::FOOTER;
    let number = format!("{} / {}", page + 1, pages);
    let number_width = fonts.regular.width(&number, style.size);

    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Footer)));
    let mut rule = PathBuilder::new();
    rule.push_rect(
        Rect::from_xywh(LEFT, FOOTER_RULE_Y, RIGHT - LEFT, 0.5)
            .ok_or_else(|| DocumentError::Pdf("invalid footer rule".into()))?,
    );
    if let Some(path) = rule.finish() {
        surface.set_fill(Some(Fill { paint: luma::Color::new(160).into(), ..Fill::default() }));
        surface.draw_path(&path);
        surface.set_fill(Some(Fill::default()));
    }
    let width = RIGHT - LEFT - number_width - 18.0;
    for (i, text) in wrap(&fonts.regular, style.size, footer, width).iter().enumerate() {
        let line = Line {
            page,
            x: LEFT,
            baseline: FOOTER_BASELINE + i as f32 * style.line_height(),
            style,
            text: text.clone(),
        };
        draw_line(surface, fonts, &line);
    }
    surface.end_tagged();

    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::PageNumber)));
    let line = Line { page, x: RIGHT - number_width, baseline: FOOTER_BASELINE, style, text: number };
    draw_line(surface, fonts, &line);
    surface.end_tagged();
    Ok(())
}

fn tag_nodes(nodes: &[Node], ids: &[Vec<Identifier>], leaf: &mut usize) -> Vec<TagNode> {
    let mut out = Vec::new();
    for node in nodes {
        match node {
            Node::Text { kind, title, .. } => {
                let children: Vec<TagNode> =
                    ids.get(*leaf).map(|ids| ids.iter().map(|&id| id.into()).collect()).unwrap_or_default();
                *leaf += 1;
                let group = match kind {
                    Leaf::H1 => TagGroup::with_children(heading(1, title), children),
                    Leaf::H2 => TagGroup::with_children(heading(2, title), children),
                    Leaf::P => TagGroup::with_children(Tag::P, children),
                    Leaf::Lbl => TagGroup::with_children(Tag::Lbl, children),
                };
                out.push(group.into());
            }
            Node::Group { kind, children } => {
                let children = tag_nodes(children, ids, leaf);
                let group = match kind {
                    Group::List { numbered } => TagGroup::with_children(
                        Tag::L(if *numbered { ListNumbering::Decimal } else { ListNumbering::None }),
                        children,
                    ),
                    Group::Item => TagGroup::with_children(Tag::LI, children),
                    Group::ItemBody => TagGroup::with_children(Tag::LBody, children),
                };
                out.push(group.into());
            }
            Node::Figure { alt, page, area: (left, top, right, bottom), .. } => {
                let children: Vec<TagNode> =
                    ids.get(*leaf).map(|ids| ids.iter().map(|&id| id.into()).collect()).unwrap_or_default();
                *leaf += 1;
                let bbox = Rect::from_ltrb(*left, *top, *right, *bottom).map(|rect| BBox::new(*page, rect));
                out.push(TagGroup::with_children(Tag::Figure(Some(alt.clone())).with_bbox(bbox), children).into());
            }
        }
    }
    out
}

fn heading(level: u16, title: &str) -> krilla::tagging::TagKind {
    Tag::Hn(NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN), Some(title.to_owned())).into()
}

/// Bookmarks for the headings: the first-level heading holds the second-level ones.
fn outline(body: &[Node]) -> Outline {
    let mut outline = Outline::new();
    let mut top: Option<OutlineNode> = None;
    let mut seconds: Vec<OutlineNode> = Vec::new();
    for node in body {
        let Node::Text { kind: kind @ (Leaf::H1 | Leaf::H2), title, lines } = node else {
            continue;
        };
        let Some(first) = lines.first() else { continue };
        let target = XyzDestination::new(first.page, Point::from_xy(LEFT, first.baseline - first.style.size));
        let entry = OutlineNode::new(title.clone(), target).with_open(true);
        if *kind == Leaf::H1 {
            if let Some(previous) = top.replace(entry) {
                outline.push_child(previous);
            }
        } else if let Some(top) = top.as_mut() {
            top.push_child(entry);
        } else {
            seconds.push(entry);
        }
    }
    if let Some(top) = top {
        outline.push_child(top);
    }
    for entry in seconds {
        outline.push_child(entry);
    }
    outline
}
