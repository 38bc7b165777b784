//! Browser tests: mount the app in headless Chromium and read the DOM a reader would see.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app into its own element, so tests never see each other's DOM, at an
/// address that asks for Chinese and no site (the headless browser itself speaks English, and
/// an earlier test's selection would otherwise be in the address).
async fn mount_app() -> Element {
    mount_at("?lang=zh").await
}

async fn mount_at(address: &str) -> Element {
    let window = web_sys::window().expect("a window");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address))
        .expect("address set");
    let document = window.document().expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    yew::Renderer::<imreform::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

/// Resolves after the browser's next frame and a task after it: the frame's ResizeObserver
/// callbacks (where the widget measures its charts and map, before that frame is painted) have
/// run, and what they changed is rendered.
async fn after_a_frame() {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let on_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            web_sys::window()
                .expect("a window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .expect("a timeout");
        });
        web_sys::window()
            .expect("a window")
            .request_animation_frame(on_frame.unchecked_ref())
            .expect("a frame");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("resolved");
    yew::scheduler::flush().await;
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("valid selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|node| node.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn lists_the_seven_pilot_sites_in_article_order() {
    let root = mount_app().await;
    assert_eq!(
        texts(&root, "[data-testid=site] [data-lang=zh]"),
        [
            "包头市",
            "乌海市",
            "伊金霍洛旗",
            "扎兰屯市",
            "阿拉善高新技术产业开发区",
            "包钢集团",
            "伊利集团"
        ]
    );
    assert_eq!(
        texts(&root, "[data-testid=site] [data-lang=en]"),
        [
            "Baotou",
            "Wuhai",
            "Ejin Horo Banner",
            "Zalantun",
            "Alxa High-tech Industrial Development Zone",
            "Baotou Steel (Baogang) Group",
            "Yili Group"
        ]
    );
}

#[wasm_bindgen_test]
async fn marks_each_language_for_screen_readers_and_fonts() {
    let root = mount_app().await;
    let widget = query(&root, "[data-testid=widget]");
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("zh-Hans"));
    // Each site's English name is marked as English inside the Chinese widget.
    let en = root
        .query_selector_all("[data-testid=site] [lang=en]")
        .expect("selector");
    assert_eq!(en.length(), 7);
}

#[wasm_bindgen_test]
async fn shows_the_title_and_a_named_map_area() {
    let root = mount_app().await;
    assert_eq!(texts(&root, "h1"), ["建设新时代高素质劳动者大军"]);
    let map = root
        .query_selector("[data-testid=map] svg")
        .expect("valid selector")
        .expect("a map svg");
    assert!(map
        .get_attribute("aria-label")
        .is_some_and(|label| label.contains("内蒙古")));
}

fn click(element: &Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("click", &init).expect("event");
    element.dispatch_event(&event).expect("dispatched");
}

fn query(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

#[wasm_bindgen_test]
async fn draws_twelve_regions_and_seven_marker_buttons() {
    let root = mount_app().await;
    assert_eq!(
        root.query_selector_all(".map__region")
            .expect("selector")
            .length(),
        12
    );
    assert_eq!(texts(&root, "[data-region-label]").len(), 12);
    let count = |selector: &str| {
        root.query_selector_all(selector)
            .expect("selector")
            .length()
    };
    // Seven buttons, one tab stop between them (arrow keys reach the others).
    assert_eq!(count("[data-testid=marker][role=button]"), 7);
    assert_eq!(count("[data-testid=marker][tabindex='0']"), 1);
    assert_eq!(count("[data-testid=marker][tabindex='-1']"), 6);
}

#[wasm_bindgen_test]
async fn selecting_a_marker_marks_it_its_league_and_its_list_entry() {
    let root = mount_app().await;
    click(&query(
        &root,
        "[data-testid=marker][data-site=alxa-hi-tech-zone]",
    ));
    yew::scheduler::flush().await;
    let marker = query(&root, "[data-testid=marker][data-site=alxa-hi-tech-zone]");
    assert_eq!(
        marker.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let league = query(&root, ".map__region--selected");
    assert_eq!(
        league.get_attribute("data-region").as_deref(),
        Some("152900")
    );
    let item = query(
        &root,
        "[data-testid=site][data-site=alxa-hi-tech-zone] button",
    );
    assert_eq!(item.get_attribute("aria-pressed").as_deref(), Some("true"));

    // Choosing it again in the list deselects it.
    click(&item);
    yew::scheduler::flush().await;
    assert!(root
        .query_selector(".map__region--selected")
        .expect("selector")
        .is_none());
}

#[wasm_bindgen_test]
async fn selecting_a_site_opens_its_card_and_closing_returns_to_the_overview() {
    let root = mount_app().await;
    assert!(root
        .query_selector("[data-testid=overview]")
        .expect("selector")
        .is_some());
    click(&query(
        &root,
        "[data-testid=marker][data-site=baotou-steel]",
    ));
    yew::scheduler::flush().await;
    assert_eq!(texts(&root, "[data-testid=card] h2"), ["包钢集团"]);
    // A chart is drawn at its container's width, measured when the browser lays it out.
    after_a_frame().await;
    let charts = root
        .query_selector_all("[data-testid=card] [data-testid=chart] svg")
        .expect("selector");
    assert_eq!(charts.length(), 1, "the skill-leaders chart is drawn");
    assert!(texts(&root, "[data-testid=card] .tile__value").contains(&"近5亿元".to_owned()));
    click(&query(&root, "[data-testid=card-close]"));
    yew::scheduler::flush().await;
    assert!(root
        .query_selector("[data-testid=card]")
        .expect("selector")
        .is_none());
    assert!(root
        .query_selector("[data-testid=overview]")
        .expect("selector")
        .is_some());
}

#[wasm_bindgen_test]
async fn the_address_opens_a_site_in_its_language() {
    let root = mount_at("?#site=yili&lang=en").await;
    assert_eq!(texts(&root, "[data-testid=card] h2"), ["Yili Group"]);
    assert_eq!(
        texts(&root, "h1"),
        ["Building a high-quality workforce for the new era"]
    );
}

/// The notice itself. A real panic in the release build, through the panic hook `mount`
/// installs, and a kiosk's reload after it, are exercised end to end (e2e/robustness.test.mjs
/// and e2e/kiosk.test.mjs: a Yew panic provoked as a translation extension would).
#[wasm_bindgen_test]
fn the_crash_notice_shows_once_with_a_reload_button() {
    imreform::web::crash::show_notice();
    imreform::web::crash::show_notice();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let notices = document
        .query_selector_all("#imreform-crash")
        .expect("selector");
    assert_eq!(notices.length(), 1, "shown once");
    let notice = document
        .get_element_by_id("imreform-crash")
        .expect("notice");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert!(notice.query_selector("button").expect("selector").is_some());
    notice.remove();
}

/// The browser path of the content loader: JSON.parse, then serde-wasm-bindgen through the
/// same derives as natively. A 17-digit number reads to the nearest double, a field of the
/// wrong type is named by its path, and text that is not JSON is a syntax error.
#[wasm_bindgen_test]
fn content_is_read_through_json_parse_and_the_serde_types() {
    use imreform::content::{self, LoadError};
    let embedded = content::EMBEDDED_JSON;
    let content = content::load(embedded).expect("the embedded content loads");
    let lat = content.sites[0].location.lat;
    let patched = embedded.replacen(&format!("\"lat\":{lat}"), "\"lat\":40.666666666666664", 1);
    assert_ne!(patched, embedded, "the latitude was found to patch");
    let read = content::load(&patched).expect("still valid");
    assert_eq!(read.sites[0].location.lat, 40.666666666666664);

    let first = content
        .sites
        .iter()
        .position(|s| s.number == 1)
        .expect("site 1");
    let wrong = embedded.replacen("\"number\":1,", "\"number\":\"one\",", 1);
    match content::load(&wrong) {
        Err(LoadError::Shape(problem)) => {
            assert_eq!(problem.path, format!("sites[{first}].number"));
            assert!(problem.message.contains("one"), "{}", problem.message);
        }
        other => panic!("expected a shape error, got {other:?}"),
    }
    assert!(matches!(
        content::load("{ \"format\": 1,"),
        Err(LoadError::Syntax(_))
    ));
}
