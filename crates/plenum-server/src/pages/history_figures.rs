//! Figures of the history pages, drawn with libraries as `figures.rs`'s are: an
//! election's count stage by stage (plotters: each candidate's votes at the end of each
//! stage as bars, the quota as a line) and an organization's lineage (layout-rs lays out
//! foundings, renamings, mergers and splits as a graph). Pure drawing: values in, SVG out.

use std::collections::BTreeMap;

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use plotters::prelude::*;

use super::figures::COLORS;

/// One stage of a count, as the chart draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct StageBars {
    /// The stage's label ("1", "4.2").
    pub label: String,
    /// Each candidate's votes at its end, aligned with the candidates.
    pub votes: Vec<f64>,
    /// The quota in force, for quota methods.
    pub quota: Option<f64>,
}

/// Each candidate's votes at the end of each stage, as bars grouped by stage, and the
/// quota as a line.
pub fn stage_chart(
    title: &str,
    candidates: &[String],
    stages: &[StageBars],
) -> Result<String, String> {
    let top = stages
        .iter()
        .flat_map(|s| s.votes.iter().copied().chain(s.quota))
        .fold(1.0_f64, f64::max)
        * 1.35;
    let count = stages.len().max(1) as f64;
    let width = (0.8 / candidates.len().max(1) as f64).max(0.02);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (760, 360)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(48)
            .build_cartesian_2d(0.5_f64..count + 0.5, 0.0_f64..top)
            .map_err(|e| e.to_string())?;
        let labels: Vec<String> = stages.iter().map(|s| s.label.clone()).collect();
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(stages.len().max(1))
            .x_label_formatter(&|x| {
                let at = x.round();
                if (x - at).abs() < 1e-6 && at >= 1.0 {
                    labels.get(at as usize - 1).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .x_desc("stage")
            .y_desc("votes")
            .draw()
            .map_err(|e| e.to_string())?;
        for (index, candidate) in candidates.iter().enumerate() {
            let color = COLORS[index % COLORS.len()];
            let bars = stages.iter().enumerate().map(move |(stage, s)| {
                let left = stage as f64 + 1.0 - 0.4 + index as f64 * width;
                let votes = s.votes.get(index).copied().unwrap_or(0.0);
                Rectangle::new([(left, 0.0), (left + width, votes)], color.filled())
            });
            chart
                .draw_series(bars)
                .map_err(|e| e.to_string())?
                .label(candidate.as_str())
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled())
                });
        }
        let quota: Vec<(f64, f64)> = stages
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.quota.map(|q| (i as f64 + 1.0, q)))
            .flat_map(|(x, q)| [(x - 0.45, q), (x + 0.45, q)])
            .collect();
        if !quota.is_empty() {
            chart
                .draw_series(LineSeries::new(quota, BLACK.stroke_width(2)))
                .map_err(|e| e.to_string())?
                .label("quota")
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], BLACK));
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK)
            .draw()
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// A node of the lineage graph: an organization under one of its names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineageNode {
    /// A key unique in the graph.
    pub key: String,
    /// What the box says (lines separated by `\n`).
    pub label: String,
}

/// An edge of the lineage graph: `(from key, to key, label)`.
pub type LineageEdge = (String, String, String);

/// Foundings, renamings, mergers and splits as a graph laid out top to bottom: each
/// node an organization under a name, each edge a link with its date.
pub fn lineage_graph(nodes: &[LineageNode], edges: &[LineageEdge]) -> String {
    let mut graph = VisualGraph::new(Orientation::TopToBottom);
    let mut handles = BTreeMap::new();
    for node in nodes {
        if handles.contains_key(node.key.as_str()) {
            continue;
        }
        let shape = ShapeKind::new_box(&node.label);
        let size = get_shape_size(Orientation::TopToBottom, &shape, 14, false);
        let element = Element::create(shape, StyleAttr::simple(), Orientation::TopToBottom, size);
        handles.insert(node.key.as_str(), graph.add_node(element));
    }
    for (from, to, label) in edges {
        if let (Some(&a), Some(&b)) = (handles.get(from.as_str()), handles.get(to.as_str()))
            && a != b
        {
            let arrow = Arrow::new(
                LineEndKind::None,
                LineEndKind::Arrow,
                LineStyleKind::Normal,
                label,
                &StyleAttr::simple(),
                &None,
                &None,
            );
            graph.add_edge(arrow, a, b);
        }
    }
    let mut svg = SVGWriter::new();
    if graph.num_nodes() > 0 {
        graph.do_it(false, false, false, &mut svg);
    }
    fit_height(svg.finalize())
}

/// The text of the attribute `name` of a tag (` name="..."`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

/// layout-rs sizes its canvas as if every label ran downwards for ten pixels a character,
/// which leaves a tall empty band under a graph with long labels: the canvas is cut to
/// the lowest box it drew, with a margin (never made taller).
fn fit_height(svg: String) -> String {
    let number =
        |tag: &str, name: &str| attribute(tag, name).and_then(|v| v.trim().parse::<f64>().ok());
    let bottom = svg
        .match_indices("<rect")
        .filter_map(|(at, _)| {
            let rest = &svg[at..];
            let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
            Some(number(tag, "y")? + number(tag, "height")?)
        })
        .fold(0.0_f64, f64::max);
    let Some(open) = svg.find("<svg ") else {
        return svg;
    };
    let Some(close) = svg[open..].find('>').map(|end| open + end) else {
        return svg;
    };
    let root = &svg[open..close];
    let (Some(width), Some(height), Some(view)) = (
        attribute(root, "width"),
        attribute(root, "height"),
        attribute(root, "viewBox"),
    ) else {
        return svg;
    };
    let Ok(old) = height.trim().parse::<f64>() else {
        return svg;
    };
    let new = (bottom + 24.0).ceil();
    if bottom <= 0.0 || new >= old {
        return svg;
    }
    let fitted = root
        .replace(
            &format!(" height=\"{height}\""),
            &format!(" height=\"{new}\""),
        )
        .replace(
            &format!(" viewBox=\"{view}\""),
            &format!(" viewBox=\"0 0 {width} {new}\""),
        );
    format!("{}{fitted}{}", &svg[..open], &svg[close..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stage_chart_names_every_candidate_and_the_quota() {
        let stages = [
            StageBars {
                label: "1".into(),
                votes: vec![4.0, 3.0, 1.0],
                quota: Some(2.67),
            },
            StageBars {
                label: "2".into(),
                votes: vec![2.67, 3.0, 2.33],
                quota: Some(2.67),
            },
        ];
        let names = ["Ann & Co".to_owned(), "Bob".into(), "Cy".into()];
        let svg = stage_chart("Board", &names, &stages).expect("chart");
        assert!(svg.contains("<svg"), "{svg}");
        for name in ["Ann &amp; Co", "Bob", "Cy", "quota"] {
            assert!(svg.contains(name), "{name} missing: {svg}");
        }
        assert!(
            svg.matches("<rect").count() >= 6,
            "a bar per candidate and stage"
        );
    }

    #[test]
    fn a_count_of_one_stage_without_quota_still_draws() {
        let stages = [StageBars {
            label: "1".into(),
            votes: vec![5.0, 2.0],
            quota: None,
        }];
        let svg = stage_chart("Chair", &["Ann".into(), "Bob".into()], &stages).expect("chart");
        assert!(svg.contains("Ann") && !svg.contains("quota"), "{svg}");
    }

    #[test]
    fn the_lineage_graph_names_every_organization_and_link() {
        let nodes = [
            LineageNode {
                key: "a".into(),
                label: "Party A\nfounded 1945".into(),
            },
            LineageNode {
                key: "b".into(),
                label: "Party <B>".into(),
            },
            LineageNode {
                key: "c".into(),
                label: "United Party".into(),
            },
        ];
        let edges = [
            ("a".into(), "c".into(), "merged into, 1946".into()),
            ("b".into(), "c".into(), "merged into, 1946".into()),
            ("c".into(), "nowhere".into(), "ignored".into()),
        ];
        let svg = lineage_graph(&nodes, &edges);
        assert!(
            svg.contains("<svg") && svg.trim_end().ends_with("</svg>"),
            "{svg}"
        );
        for text in [
            "Party A",
            "founded 1945",
            "Party &lt;B&gt;",
            "United Party",
            "merged into, 1946",
        ] {
            assert!(svg.contains(text), "{text} missing: {svg}");
        }
        assert!(!svg.contains("ignored"), "an edge to no node is left out");
        let root = &svg[svg.find("<svg ").expect("root")..];
        let height: f64 = attribute(root, "height")
            .and_then(|h| h.parse().ok())
            .expect("a height");
        assert!(
            height < 400.0,
            "the canvas fits three rows of boxes: {height}"
        );
        assert_eq!(
            attribute(root, "viewBox"),
            Some(format!("0 0 {} {height}", attribute(root, "width").unwrap_or("?")).as_str())
        );
    }

    #[test]
    fn a_canvas_is_never_made_taller() {
        let svg = r#"<svg width="100" height="50" viewBox="0 0 100 50"><rect x="0" y="40" width="10" height="30"/></svg>"#;
        assert_eq!(fit_height(svg.to_owned()), svg);
        let tall = r#"<svg width="100" height="900" viewBox="0 0 100 900"><rect x="0" y="40" width="10" height="30"/></svg>"#;
        assert_eq!(
            fit_height(tall.to_owned()),
            r#"<svg width="100" height="94" viewBox="0 0 100 94"><rect x="0" y="40" width="10" height="30"/></svg>"#
        );
    }
}
