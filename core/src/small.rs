//! Sorting for the handful of items a summary or a page holds (data categories, recipient
//! kinds, versions of one policy, cut points in one paragraph).
//!
//! The widget's first module is counted in kilobytes. Each use of std's `sort`, `sort_unstable`
//! or a `BTreeMap` with a new type adds kilobytes of wasm (driftsort, ipnsort and the B-tree
//! are built for large inputs); this insertion sort adds a few dozen bytes and is stable. It is
//! quadratic, so it is only for short lists.

/// Sorts `v` by `cmp`, stably (equal items keep their order).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]).is_gt() {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` by `key`, stably (equal keys keep their order).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_std_and_keeps_equal_keys_in_order() {
        let input = [
            (3, 'a'),
            (1, 'b'),
            (3, 'c'),
            (0, 'd'),
            (1, 'e'),
            (2, 'f'),
            (0, 'g'),
        ];
        let mut ours = input.to_vec();
        sort_by_key(&mut ours, |p| p.0);
        let mut std = input.to_vec();
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std);
        let mut by_cmp = input.to_vec();
        sort_by(&mut by_cmp, |a, b| b.0.cmp(&a.0));
        std.sort_by_key(|p| std::cmp::Reverse(p.0));
        assert_eq!(by_cmp, std);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
    }
}
