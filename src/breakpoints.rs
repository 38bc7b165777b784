//! The fixed widths the prerendered map and the charts are laid out at, and the container
//! queries that pick one of them.
//!
//! Why fixed widths: the first paint is HTML made at build time, before anyone knows the width
//! of the reader's screen. The prerender lays the map and each chart out at every width below,
//! and a container query shows the one that fits (the largest not wider than its container);
//! CSS scales it to the container, up to 1.4 times, so no text is ever drawn smaller than it
//! was laid out. (Each width costs the page about 4 KB of raw HTML per map and per chart:
//! 1.25 times apart made the page 320 KB raw; 1.4 times keeps it near 230 KB.) Charts in the live widget are laid out at the same width for the same
//! container, so when the widget takes over, every chart keeps its height and nothing moves.
//! (The map's height is its width times a fixed ratio at any layout width, so the live map is
//! laid out at the exact width.)

/// Widths of the prerendered map, in CSS px: 280 px (a 320 px phone) to 2890 px, each at most 1.4
/// times the last.
pub const MAP: [u32; 8] = [280, 390, 545, 760, 1060, 1480, 2070, 2890];

/// Widths charts are laid out at, in CSS px, each at most 1.4 times the last.
pub const CHART: [u32; 6] = [260, 360, 500, 700, 980, 1370];

/// The width to lay out at in a container `width` px wide: the largest of `widths` not wider
/// than it (the smallest, in a container narrower than all).
pub fn snap(widths: &[u32], width: f64) -> u32 {
    widths
        .iter()
        .rev()
        .find(|&&w| f64::from(w) <= width)
        .or(widths.first())
        .copied()
        .unwrap_or(1)
}

/// The container-query rules that show, of a map or chart drawn at every width (the prerender,
/// and a live chart until its container is measured), the layout `snap` would pick: for the
/// map (`container: map`) and the charts (`container: chart`).
pub fn css() -> String {
    let mut css = String::from(
        "/* Written by `cargo run -p prerender`: one rule per layout width \
         (src/breakpoints.rs). */\n.widget [data-bp] { display: none; }\n",
    );
    for (container, selector, widths) in [
        ("map", ".map__svg", &MAP[..]),
        ("chart", ".chart__svg", &CHART[..]),
    ] {
        for (i, width) in widths.iter().enumerate() {
            let lower = (i > 0).then(|| format!("(width >= {width}px)"));
            let upper = widths.get(i + 1).map(|next| format!("(width < {next}px)"));
            let query = [lower, upper]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" and ");
            css.push_str(&format!(
                "@container {container} {query} {{ .widget {selector}[data-bp=\"{width}\"] {{ display: block; }} }}\n"
            ));
        }
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snaps_to_the_largest_width_that_fits() {
        assert_eq!(snap(&MAP, 100.0), 280);
        assert_eq!(snap(&MAP, 280.0), 280);
        assert_eq!(snap(&MAP, 389.9), 280);
        assert_eq!(snap(&MAP, 390.0), 390);
        assert_eq!(snap(&MAP, 9999.0), 2890);
    }

    #[test]
    fn no_layout_is_scaled_by_more_than_1_4_times() {
        for widths in [&MAP[..], &CHART[..]] {
            for pair in widths.windows(2) {
                assert!(f64::from(pair[1]) <= 1.41 * f64::from(pair[0]), "{pair:?}");
            }
        }
    }

    #[test]
    fn the_css_has_one_rule_per_width_and_the_queries_agree_with_snap() {
        let css = css();
        for width in MAP {
            assert_eq!(
                css.matches(&format!(".map__svg[data-bp=\"{width}\"]"))
                    .count(),
                1
            );
        }
        assert!(css.contains("@container map (width < 390px) { .widget .map__svg[data-bp=\"280\"]"));
        assert!(css.contains("@container map (width >= 390px) and (width < 545px)"));
        assert!(css.contains(
            "@container chart (width >= 1370px) { .widget .chart__svg[data-bp=\"1370\"]"
        ));
    }
}
