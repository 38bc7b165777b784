//! The wasm heap: one free list per power-of-two block size, fed from memory the module grows.
//!
//! Why not the default allocator (dlmalloc): it is 4.6 KB of the gzipped wasm (measured by
//! swapping it out), about 3% of what a reader downloads, for general-purpose features (block
//! splitting and coalescing, trimming) this widget does not need. Its allocations are small and
//! repeat: the same cards, charts and layouts are built again and again.
//!
//! Every request is rounded up to a power of two (at least [`MIN_BLOCK`]) and served from that
//! size's free list; a freed block goes back on its list and is never merged or split. So a
//! list holds at most the peak number of blocks of its size that were live at once, and a
//! kiosk repeating its loop for days stops growing once each size has met its peak (the
//! `steady_use_stops_growing` test and the e2e soak check that). The cost is up to half of
//! each block unused, on a heap of about a megabyte.
//!
//! The logic is plain code over a [`Pages`] source, so it is tested natively; [`WasmHeap`]
//! is the global allocator of the widget binary.

/// The unit memory grows by: one wasm page.
pub const PAGE: usize = 65_536;
/// The smallest block: room for the free list's link, and 16-byte alignment for everything.
pub const MIN_BLOCK: usize = 16;
/// Blocks smaller than this are cut from a chunk of this size, all at once.
const CHUNK: usize = 4_096;
const CLASSES: usize = usize::BITS as usize;

/// Where new memory comes from.
pub trait Pages {
    /// Adds `count` pages; returns the address of the first, or `None` when memory is full.
    fn grow(&mut self, count: usize) -> Option<usize>;
}

/// Free lists by size class over a source of pages.
pub struct Heap<P> {
    pages: P,
    /// The first free block of each size `1 << class`, or 0; each free block holds the next.
    free: [usize; CLASSES],
    /// The untouched part of the last pages grown: `next..end`.
    next: usize,
    end: usize,
}

/// The size class of a request: `1 << class` bytes, aligned to at least `align`.
fn class_of(size: usize, align: usize) -> Option<usize> {
    let block = size.max(align).max(MIN_BLOCK).checked_next_power_of_two()?;
    Some(block.trailing_zeros() as usize)
}

fn align_up(address: usize, align: usize) -> Option<usize> {
    Some(address.checked_add(align - 1)? & !(align - 1))
}

impl<P: Pages> Heap<P> {
    pub const fn new(pages: P) -> Self {
        Self {
            pages,
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }
    }

    /// A block of at least `size` bytes aligned to `align` (a power of two), or `None`.
    ///
    /// # Safety
    /// The pages the source hands out must be writable memory owned by this heap.
    pub unsafe fn alloc(&mut self, size: usize, align: usize) -> Option<usize> {
        let class = class_of(size, align)?;
        if let Some(block) = self.pop(class) {
            return Some(block);
        }
        let block_size = 1usize << class;
        if block_size >= CHUNK {
            // Chunks and large blocks are multiples of CHUNK, so `next` stays CHUNK-aligned
            // and only an alignment above that leaves a gap.
            return self.carve(block_size, align.max(CHUNK));
        }
        let chunk = self.carve(CHUNK, CHUNK)?;
        for block in (chunk + block_size..chunk + CHUNK)
            .step_by(block_size)
            .rev()
        {
            self.push(class, block);
        }
        Some(chunk)
    }

    /// Returns a block from [`Heap::alloc`] with the same `size` and `align`.
    ///
    /// # Safety
    /// `block` must have come from this heap's `alloc(size, align)` and not be freed yet.
    pub unsafe fn free(&mut self, block: usize, size: usize, align: usize) {
        if let Some(class) = class_of(size, align) {
            self.push(class, block);
        }
    }

    /// Resizes a block, keeping its first `min(old, new)` bytes; the same block while the
    /// size class stays the same.
    ///
    /// # Safety
    /// As [`Heap::free`], for `old_size`.
    pub unsafe fn resize(
        &mut self,
        block: usize,
        old_size: usize,
        align: usize,
        new_size: usize,
    ) -> Option<usize> {
        if class_of(old_size, align) == class_of(new_size, align) {
            return Some(block);
        }
        let moved = self.alloc(new_size, align)?;
        std::ptr::copy_nonoverlapping(block as *const u8, moved as *mut u8, old_size.min(new_size));
        self.free(block, old_size, align);
        Some(moved)
    }

    unsafe fn pop(&mut self, class: usize) -> Option<usize> {
        let block = self.free[class];
        if block == 0 {
            return None;
        }
        self.free[class] = *(block as *const usize);
        Some(block)
    }

    unsafe fn push(&mut self, class: usize, block: usize) {
        *(block as *mut usize) = self.free[class];
        self.free[class] = block;
    }

    /// `size` bytes at `align` from the untouched memory, growing it when short. What is left
    /// of the old pages when the new ones are not adjacent is given up (another user of the
    /// memory grew it in between; in the widget nothing does).
    fn carve(&mut self, size: usize, align: usize) -> Option<usize> {
        let mut start = align_up(self.next, align)?;
        if start.checked_add(size)? > self.end {
            // Enough pages whether or not they follow on from the current ones.
            let count = size.checked_add(align)?.div_ceil(PAGE);
            let base = self.pages.grow(count)?;
            if base != self.end {
                self.next = base;
            }
            self.end = base + count * PAGE;
            start = align_up(self.next, align)?;
        }
        self.next = start + size;
        Some(start)
    }
}

#[cfg(target_arch = "wasm32")]
pub use wasm::WasmHeap;

// `WasmHeap` hands out its one `Heap` without a lock: sound only while the module has one thread.
#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
compile_error!("imreform::heap::WasmHeap assumes a single-threaded module (no `atomics`)");

#[cfg(target_arch = "wasm32")]
mod wasm {
    use std::alloc::{GlobalAlloc, Layout};
    use std::cell::UnsafeCell;

    use super::{Heap, Pages, PAGE};

    /// The module's own linear memory.
    pub struct Memory;

    impl Pages for Memory {
        fn grow(&mut self, count: usize) -> Option<usize> {
            let previous = core::arch::wasm32::memory_grow(0, count);
            (previous != usize::MAX).then(|| previous * PAGE)
        }
    }

    /// [`Heap`] as the global allocator of a single-threaded wasm module.
    pub struct WasmHeap(UnsafeCell<Heap<Memory>>);

    // wasm32-unknown-unknown without the atomics feature runs one thread, so the heap is
    // never reached from two at once.
    unsafe impl Sync for WasmHeap {}

    impl WasmHeap {
        pub const fn new() -> Self {
            Self(UnsafeCell::new(Heap::new(Memory)))
        }
    }

    impl Default for WasmHeap {
        fn default() -> Self {
            Self::new()
        }
    }

    unsafe impl GlobalAlloc for WasmHeap {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            (*self.0.get())
                .alloc(layout.size(), layout.align())
                .map_or(std::ptr::null_mut(), |block| block as *mut u8)
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            (*self.0.get()).free(ptr as usize, layout.size(), layout.align());
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            (*self.0.get())
                .resize(ptr as usize, layout.size(), layout.align(), new_size)
                .map_or(std::ptr::null_mut(), |block| block as *mut u8)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::alloc::Layout;

    use super::*;

    /// Pages from one big natively allocated region, optionally with a gap before each grow
    /// (as if something else had grown the memory in between).
    struct Arena {
        base: *mut u8,
        capacity_pages: usize,
        used_pages: usize,
        gap_pages: usize,
    }

    impl Arena {
        fn new(capacity_pages: usize, gap_pages: usize) -> Self {
            let layout = Layout::from_size_align(capacity_pages * PAGE, PAGE).unwrap();
            Self {
                base: unsafe { std::alloc::alloc_zeroed(layout) },
                capacity_pages,
                used_pages: 0,
                gap_pages,
            }
        }
    }

    impl Drop for Arena {
        fn drop(&mut self) {
            let layout = Layout::from_size_align(self.capacity_pages * PAGE, PAGE).unwrap();
            unsafe { std::alloc::dealloc(self.base, layout) }
        }
    }

    impl Pages for Arena {
        fn grow(&mut self, count: usize) -> Option<usize> {
            let start = self.used_pages + self.gap_pages;
            if start + count > self.capacity_pages {
                return None;
            }
            self.used_pages = start + count;
            Some(self.base as usize + start * PAGE)
        }
    }

    /// A repeatable stream of numbers.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) as usize % n
        }

        fn size(&mut self) -> usize {
            // Mostly small, like strings and vnodes; now and then tens of kilobytes.
            match self.below(10) {
                0 => 1 + self.below(70_000),
                1..=3 => 1 + self.below(2_000),
                _ => 1 + self.below(200),
            }
        }
    }

    struct Live {
        block: usize,
        size: usize,
        align: usize,
        tag: u8,
    }

    unsafe fn fill(live: &Live) {
        std::ptr::write_bytes(live.block as *mut u8, live.tag, live.size);
    }

    unsafe fn intact(live: &Live) -> bool {
        std::slice::from_raw_parts(live.block as *const u8, live.size)
            .iter()
            .all(|&b| b == live.tag)
    }

    #[test]
    fn blocks_are_aligned_and_never_overlap() {
        for gap in [0, 1] {
            let mut heap = Heap::new(Arena::new(4_096, gap));
            let mut random = Lcg(7);
            let mut live: Vec<Live> = Vec::new();
            for step in 0..20_000 {
                if !live.is_empty() && random.below(3) == 0 {
                    let gone = live.swap_remove(random.below(live.len()));
                    assert!(unsafe { intact(&gone) }, "block overwritten (step {step})");
                    unsafe { heap.free(gone.block, gone.size, gone.align) };
                    continue;
                }
                let (size, align) = (random.size(), 1 << random.below(8));
                let block = unsafe { heap.alloc(size, align) }.expect("memory left");
                assert_eq!(block % align, 0, "{size} bytes at {align}");
                let entry = Live {
                    block,
                    size,
                    align,
                    tag: (step % 251) as u8,
                };
                unsafe { fill(&entry) };
                live.push(entry);
            }
            assert!(live.iter().all(|l| unsafe { intact(l) }));
        }
    }

    #[test]
    fn steady_use_stops_growing() {
        let mut heap = Heap::new(Arena::new(1_024, 0));
        // One "visit": build a few hundred objects of mixed sizes, then drop them all.
        let visit = |heap: &mut Heap<Arena>| {
            let mut random = Lcg(42);
            let blocks: Vec<(usize, usize)> = (0..400)
                .map(|_| {
                    let size = random.size();
                    (unsafe { heap.alloc(size, 8) }.unwrap(), size)
                })
                .collect();
            for (block, size) in blocks {
                unsafe { heap.free(block, size, 8) };
            }
        };
        visit(&mut heap);
        let after_first = heap.pages.used_pages;
        for _ in 0..1_000 {
            visit(&mut heap);
        }
        assert_eq!(heap.pages.used_pages, after_first);
    }

    #[test]
    fn resizing_keeps_the_contents() {
        let mut heap = Heap::new(Arena::new(256, 0));
        unsafe {
            let block = heap.alloc(20, 4).unwrap();
            std::ptr::copy_nonoverlapping(b"twenty bytes of text".as_ptr(), block as *mut u8, 20);
            // 20 and 30 bytes share the 32-byte class: the block stays where it is.
            assert_eq!(heap.resize(block, 20, 4, 30), Some(block));
            let grown = heap.resize(block, 30, 4, 5_000).unwrap();
            assert_ne!(grown, block);
            let text = std::slice::from_raw_parts(grown as *const u8, 20);
            assert_eq!(text, b"twenty bytes of text");
            // The old block is free again and is the next one of its size handed out.
            assert_eq!(heap.alloc(32, 4), Some(block));
        }
    }

    #[test]
    fn impossible_requests_fail_without_panicking() {
        let mut heap = Heap::new(Arena::new(4, 0));
        unsafe {
            assert_eq!(heap.alloc(usize::MAX - 8, 8), None);
            assert_eq!(heap.alloc(10 * PAGE, 8), None, "more than the memory holds");
            assert!(heap.alloc(100, 8).is_some(), "small requests still served");
        }
    }
}
