//! The card's share button: the system's share sheet where there is one, else the clipboard,
//! else the link shown to copy by hand (`browser::share`); what became of it belongs to the
//! site it was about.

use yew::prelude::*;

use crate::web::browser::{self, ShareOutcome};

/// The button's click handler (none without a link), and what the last share did.
#[hook]
pub fn use_share_link(
    link: Option<String>,
    title: String,
) -> (Option<Callback<MouseEvent>>, Option<(String, ShareOutcome)>) {
    let outcome = use_state(|| None::<(String, ShareOutcome)>);
    {
        let outcome = outcome.clone();
        use_effect_with(link.clone(), move |_| outcome.set(None));
    }
    let on_share = link.map(|link| {
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| {
            let (outcome, link, title) = (outcome.clone(), link.clone(), title.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let shared = browser::share(&title, &link).await;
                outcome.set(Some((link, shared)));
            });
        })
    });
    (on_share, (*outcome).clone())
}
