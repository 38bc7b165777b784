//! Mounts the widget: into each script embed on a host page, or into its own page.

// The widget's own allocator: see `imreform::heap` for why.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: imreform::heap::WasmHeap = imreform::heap::WasmHeap::new();

fn main() {
    imreform::mount_all();
}
