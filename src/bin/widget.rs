//! Mounts the widget: into each script embed on a host page, or into its own page.
fn main() {
    imreform::mount_all();
}
