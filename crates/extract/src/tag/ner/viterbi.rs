//! Viterbi decoding over BILOU classes under the transition constraint.
//!
//! The score of class `c` at token `i` is the static score (features of the token alone) plus
//! the dynamic score (features of the previous label `p1`, and of the one before, `p2`). The
//! search is exact over `p1`; `p2` is taken from the best path into `p1` (the usual
//! approximation for second-order features in a first-order search). States whose score trails
//! the best by more than `margin` are not extended (a beam that only drops hopeless states).

use super::tags::{N_CLASSES, O, valid};

/// Buffers reused across sentences.
#[derive(Debug, Default)]
pub struct Lattice {
    /// Per token: best path score ending in each class.
    delta: Vec<[f32; N_CLASSES]>,
    /// Per token: previous class on that path.
    back: Vec<[u8; N_CLASSES]>,
}

/// Decodes `n` tokens into `out`. `statics(i, scores)` writes the static scores of token `i`;
/// `dynamic(i, p1, p2, scores)` writes the dynamic scores of token `i` after labels `p2 p1`.
pub fn decode(
    lat: &mut Lattice,
    n: usize,
    margin: f32,
    mut statics: impl FnMut(usize, &mut [f32; N_CLASSES]),
    mut dynamic: impl FnMut(usize, usize, usize, &mut [f32; N_CLASSES]),
    out: &mut Vec<usize>,
) {
    out.clear();
    if n == 0 {
        return;
    }
    lat.delta.clear();
    lat.back.clear();
    let mut stat = [0f32; N_CLASSES];
    let mut dyns = [0f32; N_CLASSES];
    for i in 0..n {
        statics(i, &mut stat);
        let last = i + 1 == n;
        let mut row = [f32::NEG_INFINITY; N_CLASSES];
        let mut back = [O as u8; N_CLASSES];
        let (best_prev, prevs): (f32, [f32; N_CLASSES]) = if i == 0 {
            let mut p = [f32::NEG_INFINITY; N_CLASSES];
            p[O] = 0.0;
            (0.0, p)
        } else {
            let p = lat.delta[i - 1];
            (p.iter().copied().fold(f32::NEG_INFINITY, f32::max), p)
        };
        for (p1, &ps) in prevs.iter().enumerate() {
            if ps == f32::NEG_INFINITY || ps < best_prev - margin {
                continue;
            }
            let p2 = if i >= 1 {
                usize::from(lat.back[i - 1][p1])
            } else {
                O
            };
            dynamic(i, p1, p2, &mut dyns);
            for c in 0..N_CLASSES {
                if !valid(p1, c, last) {
                    continue;
                }
                let s = ps + stat[c] + dyns[c];
                if s > row[c] {
                    row[c] = s;
                    back[c] = p1 as u8;
                }
            }
        }
        lat.delta.push(row);
        lat.back.push(back);
    }
    let last = &lat.delta[n - 1];
    let mut c = (0..N_CLASSES)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]).then(b.cmp(&a)))
        .unwrap_or(O);
    out.resize(n, O);
    for i in (0..n).rev() {
        out[i] = c;
        c = usize::from(lat.back[i][c]);
    }
}
