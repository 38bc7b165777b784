//! Mounts the widget into the page's body.
fn main() {
    yew::Renderer::<imreform::App>::new().render();
}
