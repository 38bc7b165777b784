//! Data the components share, compared by identity rather than by value.

use std::rc::Rc;

/// A value shared between components (the content, the map asset) and compared by identity.
///
/// Props and memo keys are compared on every render; comparing the whole article or every
/// border point each time would be wasted work (and keep the models' derived `PartialEq` in the
/// wasm). A new value (an override file loaded) is a new `ByIdentity`, so it still re-renders.
#[derive(Debug)]
pub struct ByIdentity<T>(Rc<T>);

impl<T> ByIdentity<T> {
    pub fn new(value: T) -> Self {
        Self(Rc::new(value))
    }
}

impl<T> Clone for ByIdentity<T> {
    fn clone(&self) -> Self {
        Self(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for ByIdentity<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for ByIdentity<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_to_itself_and_its_clones() {
        let a = ByIdentity::new(vec![1, 2, 3]);
        let b = ByIdentity::new(vec![1, 2, 3]);
        assert!(a == a.clone());
        assert!(a != b, "same value, different identity");
        assert_eq!(*a, vec![1, 2, 3]);
    }
}
