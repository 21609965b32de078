//! The parser's configuration and its transitions (arc-hybrid, Kuhlmann et al. 2011): a stack
//! of words with the artificial root at its bottom, a buffer of the words not yet read, and
//! the arcs built so far. Word `0` is the root; the sentence's words are `1..=n`.
//!
//! * `Shift` moves the buffer's first word `b0` onto the stack;
//! * `Left(l)` makes `b0` the head of the stack top `s0` (relation `l`) and pops it;
//! * `Right(l)` makes the word below the top, `s1`, the head of `s0` and pops it.
//!
//! The root takes its one dependent last (a `Right` onto it only once the buffer is empty and
//! one word is left on the stack), so every finished parse is a tree with a single root.
//! [`State::costs`] is the dynamic oracle of Goldberg and Nivre (2013) for projective trees: how
//! many gold arcs each transition makes unreachable.

/// No word: an unset head, an absent child.
pub const NONE: u32 = u32::MAX;
/// No label.
pub const NO_LABEL: u8 = u8::MAX;

/// A parser action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Transition {
    /// Push the buffer's first word.
    Shift,
    /// `b0` becomes the head of `s0` with the label.
    Left(u8),
    /// `s1` becomes the head of `s0` with the label.
    Right(u8),
}

impl Transition {
    /// The class of the transition in a model over `n_labels` labels: 0 shift, then left and
    /// right of each label.
    #[inline]
    pub fn class(self) -> usize {
        match self {
            Transition::Shift => 0,
            Transition::Left(l) => 1 + 2 * usize::from(l),
            Transition::Right(l) => 2 + 2 * usize::from(l),
        }
    }

    /// The transition of a class (see [`Transition::class`]).
    #[inline]
    pub fn from_class(class: usize) -> Transition {
        if class == 0 {
            Transition::Shift
        } else {
            let l = ((class - 1) / 2) as u8;
            if class % 2 == 1 {
                Transition::Left(l)
            } else {
                Transition::Right(l)
            }
        }
    }

    /// Number of classes of a model over `n_labels` labels.
    pub fn n_classes(n_labels: usize) -> usize {
        1 + 2 * n_labels
    }
}

/// Costs of the three kinds of transition (see [`State::costs`]); `u32::MAX` when not allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Costs {
    /// Cost of `Shift`.
    pub shift: u32,
    /// Cost of `Left` with the right label (one more with any other).
    pub left: u32,
    /// Cost of `Right` with the right label (one more with any other).
    pub right: u32,
}

/// A parser configuration over a sentence of `n` words.
#[derive(Clone, Debug, Default)]
pub struct State {
    n: u32,
    stack: Vec<u32>,
    /// The buffer's first word (`n + 1` when empty).
    next: u32,
    heads: Vec<u32>,
    labels: Vec<u8>,
    /// Two leftmost and two rightmost dependents of each word (closest last found first).
    lefts: Vec<[u32; 2]>,
    rights: Vec<[u32; 2]>,
    /// Number of left and right dependents.
    lval: Vec<u8>,
    rval: Vec<u8>,
    /// Labels of the left and right dependents, one bit per label (labels under 64).
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    /// Resets the state to the start of a sentence of `n` words.
    pub fn reset(&mut self, n: usize) {
        let n = n as u32;
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.next = 1;
        let len = n as usize + 1;
        self.heads.clear();
        self.heads.resize(len, NONE);
        self.labels.clear();
        self.labels.resize(len, NO_LABEL);
        for v in [&mut self.lefts, &mut self.rights] {
            v.clear();
            v.resize(len, [NONE; 2]);
        }
        for v in [&mut self.lval, &mut self.rval] {
            v.clear();
            v.resize(len, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(len, 0);
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.n as usize
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The `i`-th word from the stack top (0 = top), if any.
    #[inline]
    pub fn s(&self, i: usize) -> Option<u32> {
        self.stack.len().checked_sub(i + 1).map(|k| self.stack[k])
    }

    /// The `i`-th word of the buffer, if any.
    #[inline]
    pub fn b(&self, i: usize) -> Option<u32> {
        let w = self.next + i as u32;
        (w <= self.n).then_some(w)
    }

    /// Stack depth (the root counts).
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// The head of word `w` (`NONE` while unset).
    #[inline]
    pub fn head(&self, w: u32) -> u32 {
        self.heads[w as usize]
    }

    /// The label of word `w` (`NO_LABEL` while unset).
    #[inline]
    pub fn label(&self, w: u32) -> u8 {
        self.labels[w as usize]
    }

    /// The `k`-th leftmost (0 or 1) dependent of `w`.
    #[inline]
    pub fn leftmost(&self, w: u32, k: usize) -> Option<u32> {
        let d = self.lefts[w as usize][k];
        (d != NONE).then_some(d)
    }

    /// The `k`-th rightmost (0 or 1) dependent of `w`.
    #[inline]
    pub fn rightmost(&self, w: u32, k: usize) -> Option<u32> {
        let d = self.rights[w as usize][k];
        (d != NONE).then_some(d)
    }

    /// Number of left and right dependents of `w`.
    #[inline]
    pub fn valency(&self, w: u32) -> (u8, u8) {
        (self.lval[w as usize], self.rval[w as usize])
    }

    /// The labels of the left and right dependents of `w`, a bit per label.
    #[inline]
    pub fn label_sets(&self, w: u32) -> (u64, u64) {
        (self.lset[w as usize], self.rset[w as usize])
    }

    /// Whether the parse is finished.
    #[inline]
    pub fn is_final(&self) -> bool {
        self.next > self.n && self.stack.len() == 1
    }

    /// Whether `Shift`, `Left` and `Right` are allowed (the root's own label is checked by the
    /// parser: a `Right` onto the root is the only arc with it).
    #[inline]
    pub fn allowed(&self) -> (bool, bool, bool) {
        let buffer = self.next <= self.n;
        let depth = self.stack.len();
        (
            buffer,
            buffer && depth >= 2,
            depth >= 3 || (depth == 2 && !buffer),
        )
    }

    /// Whether a `Right` now attaches to the root.
    #[inline]
    pub fn right_is_root(&self) -> bool {
        self.stack.len() == 2
    }

    /// Applies `t` (which must be allowed).
    pub fn apply(&mut self, t: Transition) {
        match t {
            Transition::Shift => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Transition::Left(l) => {
                let d = self.stack.pop().unwrap_or(0);
                self.attach(self.next, d, l);
            }
            Transition::Right(l) => {
                let d = self.stack.pop().unwrap_or(0);
                let h = self.s(0).unwrap_or(0);
                self.attach(h, d, l);
            }
        }
    }

    fn attach(&mut self, h: u32, d: u32, l: u8) {
        let (hu, du) = (h as usize, d as usize);
        self.heads[du] = h;
        self.labels[du] = l;
        let bit = if l < 64 { 1u64 << l } else { 0 };
        if d < h {
            let ls = &mut self.lefts[hu];
            if ls[0] == NONE || d < ls[0] {
                ls[1] = ls[0];
                ls[0] = d;
            } else if ls[1] == NONE || d < ls[1] {
                ls[1] = d;
            }
            self.lval[hu] = self.lval[hu].saturating_add(1);
            self.lset[hu] |= bit;
        } else {
            let rs = &mut self.rights[hu];
            if rs[0] == NONE || d > rs[0] {
                rs[1] = rs[0];
                rs[0] = d;
            } else if rs[1] == NONE || d > rs[1] {
                rs[1] = d;
            }
            self.rval[hu] = self.rval[hu].saturating_add(1);
            self.rset[hu] |= bit;
        }
    }

    /// Heads and labels of words `1..=n` (index 0 is the root's, unset).
    pub fn arcs(&self) -> (&[u32], &[u8]) {
        (&self.heads, &self.labels)
    }

    /// The dynamic oracle: how many arcs of the gold tree (`gold_heads[w]` for words `1..=n`,
    /// index 0 unused) each transition makes unreachable, labels aside (a labelled transition
    /// that builds a gold arc with another label costs one more). Exact for projective trees.
    pub fn costs(&self, gold_heads: &[u32]) -> Costs {
        let (can_shift, can_left, can_right) = self.allowed();
        let in_buffer = |w: u32| w >= self.next && w <= self.n && w != 0;
        let children_in_buffer = |h: u32| {
            (self.next..=self.n)
                .filter(|&k| gold_heads[k as usize] == h)
                .count() as u32
        };
        let s0 = self.s(0);
        let s1 = self.s(1);
        let b0 = self.b(0);
        let shift = match (can_shift, b0) {
            (true, Some(b)) => {
                let stacked_children = self
                    .stack
                    .iter()
                    .filter(|&&k| k != 0 && gold_heads[k as usize] == b)
                    .count() as u32;
                let h = gold_heads[b as usize];
                let lost_head = s0 != Some(h) && self.stack.contains(&h);
                stacked_children + u32::from(lost_head)
            }
            _ => u32::MAX,
        };
        let left = match (can_left, s0, b0) {
            (true, Some(s), Some(b)) if s != 0 => {
                let h = gold_heads[s as usize];
                let lost_head = h != b && (Some(h) == s1 || in_buffer(h));
                children_in_buffer(s) + u32::from(lost_head)
            }
            _ => u32::MAX,
        };
        let right = match (can_right, s0) {
            (true, Some(s)) if s != 0 => {
                let h = gold_heads[s as usize];
                children_in_buffer(s) + u32::from(in_buffer(h))
            }
            _ => u32::MAX,
        };
        Costs { shift, left, right }
    }
}

/// Whether a tree (`heads[w]` for words `1..=n`, 0 = root, index 0 unused) is projective: no
/// two arcs cross, counting the root's arcs from position 0.
pub fn is_projective(heads: &[u32]) -> bool {
    let arcs: Vec<(u32, u32)> = heads
        .iter()
        .enumerate()
        .skip(1)
        .map(|(d, &h)| {
            let d = d as u32;
            (h.min(d), h.max(d))
        })
        .collect();
    for (i, &(a, b)) in arcs.iter().enumerate() {
        for &(c, d) in &arcs[i + 1..] {
            if (a < c && c < b && b < d) || (c < a && a < d && d < b) {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the zero-cost transitions on a projective tree: it must be rebuilt exactly.
    fn oracle_parse(heads: &[u32]) -> Vec<u32> {
        let mut st = State::default();
        st.reset(heads.len() - 1);
        while !st.is_final() {
            let c = st.costs(heads);
            let t = if c.left == 0 {
                Transition::Left(0)
            } else if c.right == 0 {
                Transition::Right(0)
            } else {
                assert_eq!(c.shift, 0, "no zero-cost transition");
                Transition::Shift
            };
            st.apply(t);
        }
        st.arcs().0.to_vec()
    }

    #[test]
    fn oracle_rebuilds_projective_trees() {
        // "the cat sat on the mat ." : sat is the root.
        let heads = [NONE, 2, 3, 0, 6, 6, 3, 3];
        assert!(is_projective(&heads));
        assert_eq!(&oracle_parse(&heads)[1..], &heads[1..]);
        // Right-branching chain and a flat tree.
        let chain = [NONE, 0, 1, 2, 3];
        assert_eq!(&oracle_parse(&chain)[1..], &chain[1..]);
        let flat = [NONE, 4, 4, 4, 0, 4, 4];
        assert_eq!(&oracle_parse(&flat)[1..], &flat[1..]);
    }

    #[test]
    fn crossing_arcs_are_not_projective() {
        assert!(!is_projective(&[NONE, 3, 0, 2, 1]));
        assert!(is_projective(&[NONE, 0]));
    }

    #[test]
    fn any_transitions_end_in_a_tree() {
        let mut st = State::default();
        for n in 0..6 {
            st.reset(n);
            let mut k = 0usize;
            while !st.is_final() {
                let (sh, l, r) = st.allowed();
                k += 1;
                let t = match k % 3 {
                    0 if l => Transition::Left(1),
                    1 if r => Transition::Right(1),
                    _ if sh => Transition::Shift,
                    _ if r => Transition::Right(1),
                    _ => Transition::Left(1),
                };
                st.apply(t);
            }
            let heads = &st.arcs().0[1..];
            assert_eq!(
                heads.iter().filter(|&&h| h == 0).count(),
                usize::from(n > 0)
            );
            assert!(heads.iter().all(|&h| h as usize <= n));
        }
    }
}
