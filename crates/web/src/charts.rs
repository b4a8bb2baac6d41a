//! The figures' charts as SVG, drawn with plotters on the server: horizontal bars, one row per
//! line of the figure's table, each bar labelled with its number (and with its series' name
//! where a row has two bars), so that the chart reads without colour. A suppressed value has
//! no bar, only its label ("< 5", "geschützt"). Both faces serve it: inline in the page and as
//! a download.
//!
//! plotters writes the `<svg>` root itself; [`accessible`] adds `role="img"`, `<title>` and
//! `<desc>` (with ids unique on the page) right after that root's start tag.

use app::figures::{Chart, shown_text};
use domain::disclosure::Shown;
use domain::values::Locale;
use plotters::prelude::*;

// Wide enough for the longest reason at a readable size; on a phone the chart scrolls sideways
// in its region (the page's own width stays).
const WIDTH: u32 = 900;
const BAR: u32 = 26;
const GAP: u32 = 12;
const TOP: u32 = 16;
const LABELS: u32 = 430;
/// Fills of the series: dark, then light with a dark outline; told apart by lightness and the
/// outline, and by the words at each bar.
const FILLS: [RGBColor; 2] = [RGBColor(0x1d, 0x3f, 0x6e), RGBColor(0xd6, 0xe4, 0xf5)];
const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);

/// The chart as an SVG document.
pub fn svg(chart: &Chart, lang: Locale) -> String {
    let bars_per_row = chart.plotted.len().max(1) as u32;
    let row_height = bars_per_row * BAR + GAP;
    let height = TOP * 2 + row_height * chart.rows.len().max(1) as u32;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        // Drawing into a string cannot fail; a failure would leave an empty chart, which the
        // table below it still makes up for.
        let _ = draw(&root, chart, lang, row_height);
        let _ = root.present();
    }
    accessible(&out, chart)
}

fn draw(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    chart: &Chart,
    lang: Locale,
    row_height: u32,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    root.fill(&WHITE)?;
    let max = chart
        .rows
        .iter()
        .flat_map(|r| chart.plotted.iter().filter_map(|&i| r.values.get(i)?.value()))
        .max()
        .unwrap_or(0)
        .max(1);
    let plot_width = f64::from(WIDTH - LABELS - 200);
    let text = |size: u32| TextStyle::from(("sans-serif", size).into_font()).color(&INK);
    for (r, row) in chart.rows.iter().enumerate() {
        let y0 = (TOP + r as u32 * row_height) as i32;
        root.draw(&Text::new(row.label.clone(), (8, y0 + 4), text(19)))?;
        for (b, &series) in chart.plotted.iter().enumerate() {
            let y = y0 + (b as u32 * BAR) as i32;
            let value = row.values.get(series).copied().unwrap_or(Shown::Value(0));
            let x0 = LABELS as i32;
            let len = value.value().map(|v| (v as f64 / max as f64 * plot_width).round() as i32).unwrap_or(0);
            if len > 0 {
                let fill = FILLS[b % FILLS.len()];
                root.draw(&Rectangle::new([(x0, y + 2), (x0 + len, y + BAR as i32 - 2)], fill.filled()))?;
                root.draw(&Rectangle::new([(x0, y + 2), (x0 + len, y + BAR as i32 - 2)], INK.stroke_width(1)))?;
            }
            let mut label = shown_text(lang, value);
            if chart.plotted.len() > 1 {
                label = format!("{label} {}", chart.series.get(series).cloned().unwrap_or_default());
            }
            root.draw(&Text::new(label, (x0 + len + 6, y + 4), text(18)))?;
        }
    }
    // The axis the bars start from.
    let bottom = (TOP + row_height * chart.rows.len().max(1) as u32) as i32;
    root.draw(&PathElement::new(vec![(LABELS as i32, TOP as i32 - 4), (LABELS as i32, bottom)], INK.stroke_width(1)))?;
    Ok(())
}

/// Adds `role="img"`, `aria-labelledby`, `<title>` and `<desc>` to plotters' SVG, just after
/// the start tag of its root (whose attributes plotters writes without a `>` inside them).
pub fn accessible(svg: &str, chart: &Chart) -> String {
    let Some(start) = svg.find("<svg") else { return svg.to_owned() };
    let Some(end) = svg[start..].find('>').map(|e| start + e) else { return svg.to_owned() };
    let id = format!("chart-{}", chart.id);
    let root = svg[start..end].trim_end_matches('/');
    format!(
        "{}{root} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"figure-chart\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        &svg[..start],
        escape(&chart.title),
        escape(&chart.desc),
        &svg[end + 1..],
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
