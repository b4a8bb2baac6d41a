//! What goes where: the agreement, its signature page, the certificate and reports, as blocks
//! in flow.

use crate::layout::{Flow, Group, LEFT, Leaf, Node, Part, Style};
use crate::{AgreementInput, CertificateInput, ReportInput, ReportSection, SignaturePage};

const PARAGRAPH_GAP: f32 = 7.0;
const SECTION_GAP: f32 = 16.0;

/// Pushes a block if it has any text (empty strings make no empty structure elements).
fn push(nodes: &mut Vec<Node>, node: Option<Node>) {
    nodes.extend(node);
}

/// Body paragraphs, each followed by a gap.
fn paragraphs(flow: &mut Flow<'_>, nodes: &mut Vec<Node>, texts: &[String]) {
    for text in texts {
        let node = flow.text(Leaf::P, &[(text, Style::BODY)], LEFT);
        if node.is_some() {
            flow.space(PARAGRAPH_GAP);
        }
        push(nodes, node);
    }
}

pub(crate) fn agreement(flow: &mut Flow<'_>, input: &AgreementInput, signatures: Option<&SignaturePage>) -> Vec<Node> {
    let mut nodes = Vec::new();
    push(&mut nodes, flow.heading(Leaf::H1, &input.title, Style::TITLE));
    flow.space(4.0);
    push(&mut nodes, flow.text(Leaf::P, &[(&input.week_text, Style::LEAD)], LEFT));

    flow.space(SECTION_GAP);
    push(&mut nodes, flow.heading(Leaf::H2, &input.heading_parties, Style::HEADING));
    flow.space(4.0);
    let mut parties = Vec::new();
    for (i, party) in input.parties.iter().enumerate() {
        if i > 0 {
            flow.space(PARAGRAPH_GAP);
        }
        let label = format!("{}.", i + 1);
        let paragraphs: Vec<Vec<Part<'_>>> = [
            (party.name.as_str(), Style::STRONG),
            (party.role_title.as_str(), Style::BODY),
            (party.organisation.as_str(), Style::BODY),
            (party.destination.as_str(), Style::BODY),
        ]
        .into_iter()
        .map(|part| vec![part])
        .collect();
        parties.push(flow.item(Some(&label), &paragraphs));
    }
    if !parties.is_empty() {
        nodes.push(Node::Group { kind: Group::List { numbered: true }, children: parties });
    }

    flow.space(SECTION_GAP);
    push(&mut nodes, flow.heading(Leaf::H2, &input.heading_terms, Style::HEADING));
    flow.space(4.0);
    paragraphs(flow, &mut nodes, &input.paragraphs);

    if let Some(signatures) = signatures {
        flow.new_page();
        push(&mut nodes, flow.heading(Leaf::H2, &signatures.heading, Style::HEADING));
        flow.space(4.0);
        push(&mut nodes, flow.text(Leaf::P, &[(&signatures.intro, Style::BODY)], LEFT));
        flow.space(SECTION_GAP);
        let mut items = Vec::new();
        for line in &signatures.lines {
            if !items.is_empty() {
                flow.space(SECTION_GAP);
            }
            let signed_at = format!("{}: {}", signatures.label_signed_at, line.signed_at);
            let hash_label = format!("{}:", signatures.label_hash);
            let paragraphs: Vec<Vec<Part<'_>>> = vec![
                vec![(&line.name, Style::STRONG)],
                vec![(&signed_at, Style::BODY)],
                // The hash on a line of its own, small enough that 64 hex digits fit whole.
                vec![(&hash_label, Style::BODY), (&line.document_hash, Style::SMALL)],
            ];
            items.push(flow.item(None, &paragraphs));
        }
        if !items.is_empty() {
            nodes.push(Node::Group { kind: Group::List { numbered: false }, children: items });
        }
    }
    nodes
}

pub(crate) fn certificate(flow: &mut Flow<'_>, input: &CertificateInput) -> Vec<Node> {
    let mut nodes = Vec::new();
    flow.advance(40.0);
    push(&mut nodes, flow.heading(Leaf::H1, &input.title, Style::CERTIFICATE_TITLE));
    flow.space(28.0);
    push(&mut nodes, flow.text(Leaf::P, &[(&input.name, Style::NAME)], LEFT));
    flow.space(18.0);
    paragraphs(flow, &mut nodes, &input.lines);
    nodes
}

pub(crate) fn report(flow: &mut Flow<'_>, input: &ReportInput, sections: &[&ReportSection]) -> Vec<Node> {
    let mut nodes = Vec::new();
    push(&mut nodes, flow.heading(Leaf::H1, &input.title, Style::TITLE));
    flow.space(4.0);
    push(&mut nodes, flow.text(Leaf::P, &[(&input.lead, Style::LEAD)], LEFT));
    for section in sections {
        flow.space(SECTION_GAP);
        push(&mut nodes, flow.heading(Leaf::H2, &section.heading, Style::HEADING));
        flow.space(4.0);
        paragraphs(flow, &mut nodes, &section.paragraphs);
        if let Some(chart) = &section.chart {
            push(&mut nodes, flow.chart(chart));
        }
        let mut items = Vec::new();
        for (label, text) in &section.items {
            let label = format!("{label}:");
            let paragraphs: Vec<Vec<Part<'_>>> = vec![vec![(&label, Style::STRONG), (text, Style::BODY)]];
            items.push(flow.item(None, &paragraphs));
            flow.space(3.0);
        }
        if !items.is_empty() {
            nodes.push(Node::Group { kind: Group::List { numbered: false }, children: items });
        }
    }
    nodes
}
