//! Where the widget starts: into each `<div data-imreform>` of a host page (script embeds,
//! inside the shadow roots `assets/boot.js` prepared), or else into `#imreform` on its own page.

use std::rc::Rc;

use crate::options::{self, Options, Source};
use crate::web::components::WidthHints;
use crate::{App, AppProps, EmbedHost};

/// Mounts every instance on the page.
pub fn mount_all() {
    yew::set_custom_panic_hook(Box::new(|info| {
        crate::web::crash::report(&info.to_string())
    }));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let hosts = document.query_selector_all("[data-imreform]").ok();
    let hosts: Vec<web_sys::Element> = hosts
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|node| wasm_bindgen::JsCast::dyn_into(node).ok())
                .collect()
        })
        .unwrap_or_default();
    if hosts.is_empty() {
        let Some(root) = document
            .get_element_by_id("imreform")
            .or_else(|| document.body().map(Into::into))
        else {
            return;
        };
        // The prerendered widget inside (src/web/prerender.rs) is laid out as the live one will be,
        // so replacing it moves nothing.
        let hints = prerender_widths(&root);
        clear(&root);
        yew::Renderer::<App>::with_root_and_props(root, AppProps { host: None, hints }).render();
        return;
    }
    for host in hosts {
        // The embed's data attributes are the host page's markup: its owner's word.
        let pairs = options::NAMES.iter().filter_map(|name| {
            host.get_attribute(&format!("data-{name}"))
                .map(|value| (Source::Markup, (*name).to_owned(), value))
        });
        let options = Options::read(pairs, Some(crate::web::browser::parse_url));
        let root = host
            .shadow_root()
            .and_then(|shadow| shadow.query_selector(".imreform-root").ok().flatten())
            .unwrap_or_else(|| host.clone());
        // The prerender boot.js showed in the shadow root, if it came first.
        let hints = prerender_widths(&root);
        clear(&root);
        let props = AppProps {
            host: Some(Rc::new(EmbedHost {
                page: host.get_attribute("data-widget-page"),
                element: host,
                options,
            })),
            hints,
        };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    }
}

/// The widths the prerender's map and first chart have on screen (those CSS shows).
fn prerender_widths(root: &web_sys::Element) -> WidthHints {
    let shown = |selector: &str| {
        let list = root.query_selector_all(selector).ok()?;
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
            .map(|element| f64::from(element.client_width()))
            .find(|&width| width > 0.0)
    };
    WidthHints::new(shown(".prerender .map"), shown(".prerender .chart__plot"))
}

fn clear(root: &web_sys::Element) {
    while let Some(child) = root.first_child() {
        let _ = root.remove_child(&child);
    }
}
