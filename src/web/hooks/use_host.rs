//! The widget and the page around it: the height it reports from a frame, the messages that
//! steer it (from the steering window only, see `browser::use_messages`), and the site the
//! reader opened, told back to the host.

use std::rc::Rc;

use yew::prelude::*;

use crate::by_identity::ByIdentity;
use crate::content::{Content, Lang};
use crate::embed::{self, HostMessage};
use crate::state::{Action, AppState};
use crate::web::browser;
use crate::EmbedHost;

/// In a frame, the parent hears the widget's height in every format CMS plugins know.
#[hook]
pub fn use_height_report(root: NodeRef, standalone: bool, id: String) {
    browser::use_height(
        root,
        Callback::from(move |height: u32| {
            if standalone && browser::in_frame() {
                let (datawrapper, ours, pym) = embed::height_messages(&id, height);
                browser::post_to_parent(&browser::to_js(&datawrapper));
                browser::post_to_parent(&browser::to_js(&ours));
                browser::post_to_parent(&pym.into());
            }
        }),
    );
}

/// The host may change language, site or colour scheme; anything else is ignored (a malformed
/// message of ours with a warning), and so is a message for another embed's `id`.
#[hook]
pub fn use_host_messages(
    dispatcher: UseReducerDispatcher<AppState>,
    content: ByIdentity<Content>,
    id: String,
) {
    browser::use_messages(Callback::from(
        move |(kind, field): (String, browser::FieldReader)| {
            if field("id").is_some_and(|target| target != id) {
                return;
            }
            let ids: Vec<&str> = content.sites.iter().map(|s| s.id.as_str()).collect();
            let action = match embed::parse_host_message(Some(&kind), |name| field(name), &ids) {
                Ok(Some(HostMessage::SetLang(lang))) => Action::SetLang(lang),
                Ok(Some(HostMessage::SetScheme(scheme))) => Action::SetScheme(scheme),
                Ok(Some(HostMessage::SetSite(site))) => Action::Navigate { site, lang: None },
                Ok(None) => return,
                Err(problem) => return browser::warn(&format!("ignored host message: {problem}")),
            };
            dispatcher.dispatch(action);
        },
    ));
}

/// The host hears which site the reader opened (not what it set itself at start): posted to
/// the parent from a frame, dispatched on a script embed's element.
#[hook]
pub fn use_selection_report(
    host: Option<Rc<EmbedHost>>,
    id: String,
    selected: Option<String>,
    lang: Lang,
) {
    let first = use_mut_ref(|| true);
    use_effect_with((selected, lang), move |(selected, lang)| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let message = browser::to_js(&embed::selected_message(&id, selected.as_deref(), *lang));
        match &host {
            Some(host) => browser::dispatch_on(&host.element, "imreform:selected", &message),
            None if browser::in_frame() => browser::post_to_parent(&message),
            None => {}
        }
    });
}
