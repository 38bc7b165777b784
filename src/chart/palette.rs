//! Colours shared by the map (through CSS custom properties of the same names) and the charts
//! (drawn by plotters with these values). Each meets WCAG AA contrast against its background.

use plotters::style::RGBColor;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Body text (`--ink`).
    pub ink: RGBColor,
    /// Secondary text: notes, axis captions (`--ink-muted`).
    pub muted: RGBColor,
    /// Chart background (`--paper`).
    pub paper: RGBColor,
    /// Bars and stated values (`--city`, the map's red).
    pub primary: RGBColor,
    /// A second series in a stack. Its value is printed on it in `paper`, so in both palettes
    /// it keeps 4.5:1 against `paper` (e2e/a11y.test.mjs measures the drawn text).
    pub secondary: RGBColor,
    /// Rules and baselines (`--border`).
    pub rule: RGBColor,
    /// Enterprises and other organisations in unit charts (`--zone`).
    pub accent: RGBColor,
}

pub const LIGHT: Palette = Palette {
    ink: RGBColor(0x1d, 0x23, 0x29),
    muted: RGBColor(0x57, 0x61, 0x6b),
    paper: RGBColor(0xff, 0xff, 0xff),
    primary: RGBColor(0xb3, 0x26, 0x1e),
    // Was #e08a6e: white values on it had 2.6:1.
    secondary: RGBColor(0xa3, 0x64, 0x1c),
    rule: RGBColor(0x8a, 0x80, 0x72),
    accent: RGBColor(0x1d, 0x6b, 0x86),
};

pub const DARK: Palette = Palette {
    ink: RGBColor(0xe8, 0xe6, 0xe3),
    muted: RGBColor(0xa9, 0xb1, 0xba),
    paper: RGBColor(0x16, 0x19, 0x1d),
    primary: RGBColor(0xf0, 0x6a, 0x5f),
    secondary: RGBColor(0xf4, 0xb3, 0x9c),
    rule: RGBColor(0x8b, 0x94, 0x9e),
    accent: RGBColor(0x5c, 0xb8, 0xdb),
};

impl Palette {
    /// Each colour with the name of its role, as chart shapes carry it in their class
    /// (`f-ink` fills, `s-ink` strokes) for CSS to colour in the scheme the page shows.
    pub fn roles(&self) -> [(&'static str, RGBColor); 7] {
        [
            ("ink", self.ink),
            ("muted", self.muted),
            ("paper", self.paper),
            ("primary", self.primary),
            ("secondary", self.secondary),
            ("rule", self.rule),
            ("accent", self.accent),
        ]
    }

    /// The role of a colour this palette drew with.
    pub fn role(&self, rgb: (u8, u8, u8)) -> Option<&'static str> {
        self.roles()
            .into_iter()
            .find(|(_, c)| (c.0, c.1, c.2) == rgb)
            .map(|(name, _)| name)
    }
}

/// The chart colours as CSS: custom properties for each scheme and one rule per role, so a
/// chart drawn once (the prerender, before anyone knows the reader's scheme) shows in the
/// scheme the page is in.
pub fn css() -> String {
    let hex = |c: RGBColor| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    let vars = |palette: &Palette| {
        palette
            .roles()
            .iter()
            .map(|(name, c)| format!(" --chart-{name}: {};", hex(*c)))
            .collect::<String>()
    };
    let mut css = format!(
        ".widget {{{} }}\n.widget[data-theme=\"dark\"], html[data-scheme=\"dark\"] .widget[data-theme=\"auto\"] {{{} }}\n",
        vars(&LIGHT),
        vars(&DARK)
    );
    for (name, _) in LIGHT.roles() {
        css.push_str(&format!(
            ".chart__svg .f-{name} {{ fill: var(--chart-{name}); }} .chart__svg .s-{name} {{ stroke: var(--chart-{name}); }}\n"
        ));
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_is_told_apart_in_both_palettes() {
        for palette in [LIGHT, DARK] {
            for (name, colour) in palette.roles() {
                assert_eq!(palette.role((colour.0, colour.1, colour.2)), Some(name));
            }
        }
    }

    #[test]
    fn the_css_colours_each_role_in_each_scheme() {
        let css = css();
        assert!(css.contains("--chart-ink: #1d2329;") && css.contains("--chart-ink: #e8e6e3;"));
        assert!(css.contains(".chart__svg .f-accent { fill: var(--chart-accent); }"));
    }
}
