//! Mounts the widget: into each script embed on a host page, or into its own page.

#![forbid(unsafe_code)]

fn main() {
    imreform::mount_all();
}
