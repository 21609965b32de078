//! The BILOU tag set over PER, ORG and LOC, its validity constraint and span conversion.
//!
//! Class 0 is `O`; type `t` (PER = 0, ORG = 1, LOC = 2) has `B = 1 + 4t`, `I = 2 + 4t`,
//! `L = 3 + 4t`, `U = 4 + 4t`.

use super::NerLabel;

/// A labelled entity span over the tokens of one sentence, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity type.
    pub label: NerLabel,
}

/// Number of classes: `O` plus B, I, L, U for three types.
pub const N_CLASSES: usize = 13;
/// The outside class.
pub const O: usize = 0;

const B: usize = 0;
const I: usize = 1;
const L: usize = 2;
const U: usize = 3;

fn class(label: NerLabel, part: usize) -> usize {
    1 + 4 * label.index() + part
}

/// The type and part (B, I, L, U as 0..4) of a class, `None` for `O`.
fn split(class: usize) -> Option<(NerLabel, usize)> {
    if class == O || class >= N_CLASSES {
        return None;
    }
    Some((NerLabel::ALL[(class - 1) / 4], (class - 1) % 4))
}

/// Whether `next` may follow `prev` (`O` at the sentence start); `last` says `next` ends the
/// sentence, so it may not open a span.
pub fn valid(prev: usize, next: usize, last: bool) -> bool {
    let open = match split(prev) {
        Some((t, B | I)) => Some(t),
        _ => None,
    };
    match (open, split(next)) {
        (Some(t), Some((u, part))) => t == u && (part == L || (part == I && !last)),
        (Some(_), None) => false,
        (None, None) => true,
        (None, Some((_, part))) => part == U || (part == B && !last),
    }
}

/// The highest-scoring class allowed after `prev` (first on ties), and its score.
pub fn best_valid(scores: &[f32; N_CLASSES], prev: usize, last: bool) -> (usize, f32) {
    let mut best = (O, f32::NEG_INFINITY);
    for (c, &s) in scores.iter().enumerate() {
        if s > best.1 && valid(prev, c, last) {
            best = (c, s);
        }
    }
    best
}

/// BILOU classes of `n` tokens given their (non-overlapping, in-bounds) spans.
pub fn encode(spans: &[TokenSpan], n: usize) -> Vec<usize> {
    let mut out = vec![O; n];
    for s in spans {
        if s.start >= s.end || s.end > n {
            continue;
        }
        if s.end - s.start == 1 {
            out[s.start] = class(s.label, U);
        } else {
            out[s.start] = class(s.label, B);
            for c in &mut out[s.start + 1..s.end - 1] {
                *c = class(s.label, I);
            }
            out[s.end - 1] = class(s.label, L);
        }
    }
    out
}

/// Spans of a class sequence (an unclosed span is closed at its last token).
pub fn decode(classes: &[usize]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerLabel)> = None;
    for (i, &c) in classes.iter().enumerate() {
        match split(c) {
            Some((t, B)) => {
                if let Some((s, l)) = open.take() {
                    out.push(TokenSpan {
                        start: s,
                        end: i,
                        label: l,
                    });
                }
                open = Some((i, t));
            }
            Some((t, I | L)) => {
                let start = match open.take() {
                    Some((s, l)) if l == t => s,
                    Some((s, l)) => {
                        out.push(TokenSpan {
                            start: s,
                            end: i,
                            label: l,
                        });
                        i
                    }
                    None => i,
                };
                if split(c).is_some_and(|(_, p)| p == L) {
                    out.push(TokenSpan {
                        start,
                        end: i + 1,
                        label: t,
                    });
                } else {
                    open = Some((start, t));
                }
            }
            Some((t, _)) => {
                if let Some((s, l)) = open.take() {
                    out.push(TokenSpan {
                        start: s,
                        end: i,
                        label: l,
                    });
                }
                out.push(TokenSpan {
                    start: i,
                    end: i + 1,
                    label: t,
                });
            }
            None => {
                if let Some((s, l)) = open.take() {
                    out.push(TokenSpan {
                        start: s,
                        end: i,
                        label: l,
                    });
                }
            }
        }
    }
    if let Some((s, l)) = open {
        out.push(TokenSpan {
            start: s,
            end: classes.len(),
            label: l,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: NerLabel) -> TokenSpan {
        TokenSpan { start, end, label }
    }

    #[test]
    fn encode_decode_round_trip() {
        let spans = vec![
            span(0, 2, NerLabel::Per),
            span(3, 4, NerLabel::Loc),
            span(4, 7, NerLabel::Org),
        ];
        let classes = encode(&spans, 8);
        assert_eq!(classes, vec![1, 3, 0, 12, 5, 6, 7, 0]);
        assert_eq!(decode(&classes), spans);
    }

    #[test]
    fn validity_follows_bilou() {
        let (b_per, i_per, l_per, u_loc, b_org) = (1, 2, 3, 12, 5);
        assert!(valid(O, b_per, false));
        assert!(!valid(O, b_per, true));
        assert!(!valid(O, i_per, false));
        assert!(valid(b_per, i_per, false));
        assert!(!valid(b_per, i_per, true));
        assert!(valid(b_per, l_per, true));
        assert!(!valid(b_per, O, false));
        assert!(!valid(b_per, b_org, false));
        assert!(valid(l_per, u_loc, false));
        assert!(valid(u_loc, O, true));
    }

    #[test]
    fn decode_repairs_invalid_sequences() {
        // I without B, B without L.
        assert_eq!(
            decode(&[2, 3, 0, 1]),
            vec![span(0, 2, NerLabel::Per), span(3, 4, NerLabel::Per)]
        );
    }
}
