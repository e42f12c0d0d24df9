//! Figures drawn on the server as SVG images, with libraries: the statute's organs and
//! who elects whom (layout-rs lays the graph out), and an organ's seats by faction, year
//! by year (plotters). Pages show them with `<img>`; each is its own response, whose
//! Content-Security-Policy lets it style itself and nothing more.

use std::collections::{BTreeMap, BTreeSet};

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use plotters::prelude::*;

/// The Content-Security-Policy of a figure: its own styles, nothing else.
pub const FIGURE_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// Who elects whom: `(elected, elector)` pairs of names; electors that are not elected
/// themselves (the members) become nodes too.
pub fn election_graph(edges: &[(String, String)]) -> String {
    let mut graph = VisualGraph::new(Orientation::TopToBottom);
    let names: BTreeSet<&str> = edges
        .iter()
        .flat_map(|(a, b)| [a.as_str(), b.as_str()])
        .collect();
    let mut nodes = BTreeMap::new();
    for name in names {
        let shape = ShapeKind::new_box(name);
        let size = get_shape_size(Orientation::TopToBottom, &shape, 15, false);
        let element = Element::create(shape, StyleAttr::simple(), Orientation::TopToBottom, size);
        nodes.insert(name, graph.add_node(element));
    }
    for (elected, elector) in edges {
        if let (Some(&from), Some(&to)) = (nodes.get(elector.as_str()), nodes.get(elected.as_str()))
        {
            let arrow = Arrow::new(
                LineEndKind::None,
                LineEndKind::Arrow,
                LineStyleKind::Normal,
                "elects",
                &StyleAttr::simple(),
                &None,
                &None,
            );
            graph.add_edge(arrow, from, to);
        }
    }
    let mut svg = SVGWriter::new();
    if graph.num_nodes() > 0 {
        graph.do_it(false, false, false, &mut svg);
    }
    svg.finalize()
}

/// Colors of the factions' lines, in turn.
pub(super) const COLORS: [RGBColor; 8] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(23, 190, 207),
];

/// Seats by faction, year by year: one line per faction.
pub fn faction_chart(
    title: &str,
    years: &[(i16, BTreeMap<String, u32>)],
) -> Result<String, String> {
    let factions: BTreeSet<&str> = years
        .iter()
        .flat_map(|(_, shares)| shares.keys().map(String::as_str))
        .collect();
    let first = years.first().map_or(0, |(y, _)| i32::from(*y));
    let last = years
        .last()
        .map_or(1, |(y, _)| i32::from(*y))
        .max(first + 1);
    let top = years
        .iter()
        .flat_map(|(_, shares)| shares.values().copied())
        .max()
        .unwrap_or(1)
        .max(1);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (760, 340)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(40)
            .build_cartesian_2d(first..last, 0u32..top + 1)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .x_desc("year")
            .y_desc("seats")
            .draw()
            .map_err(|e| e.to_string())?;
        for (index, faction) in factions.iter().enumerate() {
            let color = COLORS[index % COLORS.len()];
            let points = years.iter().map(|(year, shares)| {
                (i32::from(*year), shares.get(*faction).copied().unwrap_or(0))
            });
            chart
                .draw_series(LineSeries::new(points, color.stroke_width(2)))
                .map_err(|e| e.to_string())?
                .label(*faction)
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], color));
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK)
            .draw()
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_election_graph_is_svg_with_every_organ() {
        let svg = election_graph(&[
            ("Central Committee".into(), "Party Congress".into()),
            ("Politburo".into(), "Central Committee".into()),
            ("Party Congress".into(), "the members".into()),
        ]);
        assert!(svg.contains("<svg"), "{svg}");
        for name in [
            "Central Committee",
            "Politburo",
            "Party Congress",
            "the members",
        ] {
            assert!(svg.contains(name), "{name} missing");
        }
    }

    #[test]
    fn the_faction_chart_names_every_faction() {
        let mut a = BTreeMap::new();
        a.insert("Soviet & Yanan".to_owned(), 3);
        let mut b = BTreeMap::new();
        b.insert("Guerrilla".to_owned(), 5);
        let svg = faction_chart("Politburo", &[(1946, a), (1956, b)]).expect("chart");
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("Guerrilla"));
        assert!(
            svg.contains("Soviet &amp; Yanan"),
            "names are escaped: {svg}"
        );
    }
}
