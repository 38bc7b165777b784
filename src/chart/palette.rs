//! Colours shared by the map (through CSS custom properties of the same names) and the charts
//! (drawn by plotters in [`Role`]s, which CSS colours with these values). Each meets WCAG AA
//! contrast against its background.

use plotters::style::{Color, RGBColor};
use plotters_backend::BackendColor;

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

/// What a colour is for. Charts are drawn in roles, never in colours: each shape carries its
/// role to its SVG node's class (`f-ink` fills, `s-ink` strokes), which CSS colours in the
/// scheme the page shows ([`css`]), so a chart drawn once (the prerender, before anyone knows
/// the reader's scheme) shows in either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Ink,
    Muted,
    Paper,
    Primary,
    Secondary,
    Rule,
    Accent,
}

impl Role {
    /// Every role, in the order of its index.
    pub const ALL: [Role; 7] = [
        Role::Ink,
        Role::Muted,
        Role::Paper,
        Role::Primary,
        Role::Secondary,
        Role::Rule,
        Role::Accent,
    ];

    /// The role's name in CSS classes and custom properties.
    pub fn name(self) -> &'static str {
        match self {
            Role::Ink => "ink",
            Role::Muted => "muted",
            Role::Paper => "paper",
            Role::Primary => "primary",
            Role::Secondary => "secondary",
            Role::Rule => "rule",
            Role::Accent => "accent",
        }
    }

    /// The role a plotters colour stands for (see the `Color` impl): the index in its red
    /// channel. Anything else (plotters' own colours, which the charts never use) is ink.
    pub(crate) fn of(colour: BackendColor) -> Role {
        Role::ALL
            .get(usize::from(colour.rgb.0))
            .copied()
            .unwrap_or(Role::Ink)
    }
}

/// plotters styles every element with a colour, and hands the backend only that colour. A
/// role is therefore a plotters colour whose red channel is the role's index (never shown: the
/// backend reads the index back, [`Role::of`], so no colour value is ever looked up).
impl Color for Role {
    fn to_backend_color(&self) -> BackendColor {
        BackendColor {
            alpha: 1.0,
            rgb: (*self as u8, 0, 0),
        }
    }
}

impl Palette {
    /// The colour of `role` in this palette.
    pub fn rgb(&self, role: Role) -> RGBColor {
        match role {
            Role::Ink => self.ink,
            Role::Muted => self.muted,
            Role::Paper => self.paper,
            Role::Primary => self.primary,
            Role::Secondary => self.secondary,
            Role::Rule => self.rule,
            Role::Accent => self.accent,
        }
    }

    /// `#rrggbb` of `role`, as SVG paint (the fallback where the stylesheet is not applied).
    pub fn hex(&self, role: Role) -> String {
        let c = self.rgb(role);
        format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
    }
}

/// The chart colours as CSS: custom properties for each scheme and one rule per role, so a
/// chart drawn once (the prerender, before anyone knows the reader's scheme) shows in the
/// scheme the page is in.
pub fn css() -> String {
    let vars = |palette: &Palette| {
        Role::ALL
            .iter()
            .map(|&role| format!(" --chart-{}: {};", role.name(), palette.hex(role)))
            .collect::<String>()
    };
    let mut css = format!(
        ".widget {{{} }}\n.widget[data-theme=\"dark\"], html[data-scheme=\"dark\"] .widget[data-theme=\"auto\"] {{{} }}\n",
        vars(&LIGHT),
        vars(&DARK)
    );
    for name in Role::ALL.map(Role::name) {
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
    fn a_role_comes_back_from_plotters_as_itself() {
        for (i, role) in Role::ALL.into_iter().enumerate() {
            assert_eq!(role as usize, i);
            assert_eq!(Role::of(role.to_backend_color()), role);
            assert_eq!(
                Role::of(role.filled().color.to_backend_color()),
                role,
                "through a plotters style"
            );
        }
        let names: std::collections::BTreeSet<_> = Role::ALL.map(Role::name).into();
        assert_eq!(names.len(), Role::ALL.len());
    }

    #[test]
    fn the_css_colours_each_role_in_each_scheme() {
        let css = css();
        assert!(css.contains("--chart-ink: #1d2329;") && css.contains("--chart-ink: #e8e6e3;"));
        assert!(css.contains(".chart__svg .f-accent { fill: var(--chart-accent); }"));
    }
}
