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
    /// A second series in a stack (`--primary-light`).
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
    secondary: RGBColor(0xe0, 0x8a, 0x6e),
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
