//! A stable insertion sort for the widget's short lists (seven sites, twelve regions, a
//! handful of events).
//!
//! Why not `slice::sort_by`: each element type gets its own copy of the standard library's
//! driftsort, 3–4 KB of wasm apiece, to order at most a few dozen items.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order. Quadratic: for short lists.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `items` by the key `key` gives, keeping equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in 0..40 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut ours = items.clone();
            let mut standard = items;
            sort_by_key(&mut ours, |item| item.0);
            standard.sort_by_key(|item| item.0);
            assert_eq!(ours, standard, "length {len}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::super::*;

        proptest! {
            /// The same order as the standard stable sort, equal keys included, on lists up
            /// to 64 long (the widget sorts at most a few dozen items).
            #[test]
            fn same_order_as_std_stable_sort(keys in proptest::collection::vec(0u8..6, 0..64)) {
                let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
                let mut ours = items.clone();
                let mut standard = items;
                sort_by_key(&mut ours, |item| item.0);
                standard.sort_by_key(|item| item.0);
                prop_assert_eq!(ours, standard);
            }

            #[test]
            fn same_order_as_std_for_floats_with_total_cmp(values in proptest::collection::vec(any::<f64>(), 0..40)) {
                let mut ours = values.clone();
                let mut standard = values;
                sort_by(&mut ours, |a, b| a.total_cmp(b));
                standard.sort_by(|a, b| a.total_cmp(b));
                prop_assert_eq!(ours.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), standard.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
            }
        }
    }
}
