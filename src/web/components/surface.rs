//! Where the widget is drawn. One value, given once by `Frame` as a context (and again, as
//! `Dossier`, around the dossier), which every part asks what to lay out; it replaces the
//! flags (`prerender`, `dossier`, `touch`, `large_text`) that each part used to be handed.
//!
//! | surface   | map                         | charts                        | links, ghosts |
//! |-----------|-----------------------------|-------------------------------|---------------|
//! | Page      | measured width              | one width, measured           | buttons       |
//! | Embed     | as Page, framed by the host | as Page                       | buttons       |
//! | Kiosk     | 48 px touch targets, kiosk type | exact width, kiosk type   | ghosts        |
//! | Prerender | every `breakpoints::MAP`    | every `breakpoints::CHART`    | links, ghosts |
//! | Dossier   | (none)                      | one layout (360 px), scaled   | no buttons    |

use yew::prelude::*;

use crate::options::Mode;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Surface {
    /// The widget's own page (or an iframe of it).
    #[default]
    Page,
    /// `mode=embed`: inside a news article (an iframe or a script embed), no page margins.
    Embed,
    /// A kiosk's touch screen, read from a step back.
    Kiosk,
    /// Rendered natively at build time: what shows before the wasm runs.
    Prerender,
    /// The story of every site, for print.
    Dossier,
}

impl Surface {
    /// The live widget's surface for its mode.
    pub fn live(mode: Mode) -> Self {
        match mode {
            Mode::Kiosk => Surface::Kiosk,
            Mode::Embed => Surface::Embed,
            Mode::Full => Surface::Page,
        }
    }

    /// Built before the wasm runs. Constant `false` in the wasm, so the prerender's branches
    /// compile out of it.
    pub fn is_prerender(self) -> bool {
        self == Surface::Prerender && !cfg!(target_arch = "wasm32")
    }

    pub fn is_kiosk(self) -> bool {
        self == Surface::Kiosk
    }

    pub fn is_dossier(self) -> bool {
        self == Surface::Dossier
    }

    /// The other language's texts laid out unseen, so a kiosk's map holds still when the
    /// language changes (the prerender carries them for a kiosk's first paint; CSS shows them
    /// nowhere else).
    pub fn keeps_both_languages(self) -> bool {
        self.is_kiosk() || self.is_prerender()
    }
}

/// The surface this part is drawn on (the widget's own page when none was given).
#[hook]
pub fn use_surface() -> Surface {
    use_context::<Surface>().unwrap_or_default()
}
