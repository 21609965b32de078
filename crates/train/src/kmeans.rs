//! Spherical k-means (cosine similarity) over unit-length vectors, deterministic for a seed.
//!
//! Needs the crate `rayon` (the assignment step runs in parallel; the result does not depend on
//! the number of threads, since each point's assignment is computed alone and the centroids are
//! summed in point order).
//!
//! Initialisation is k-means++ (the first centre drawn uniformly, each next one with probability
//! proportional to the squared distance to the nearest centre so far), driven by a small
//! xorshift generator, so the same points, `k` and seed always give the same clusters. Each
//! iteration assigns every point to the centroid of highest dot product (for unit vectors the
//! nearest one) and moves every centroid to its points' mean, rescaled to unit length. A cluster
//! left empty takes over the point farthest from its own centroid. Iteration stops when no
//! assignment changes or after `max_iter` rounds.

use rayon::prelude::*;

/// Small, fast, seedable generator (xorshift64*): deterministic on every platform.
#[derive(Clone, Debug)]
pub struct XorShift64(u64);

impl XorShift64 {
    /// A generator from any seed (0 included: the seed is mixed first).
    pub fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        XorShift64(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A uniform float in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A uniform index in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// Settings of one k-means run.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Number of clusters wanted (at most the number of points is used).
    pub k: usize,
    /// Most assignment rounds.
    pub max_iter: usize,
    /// Seed of the k-means++ initialisation.
    pub seed: u64,
}

/// The outcome of a k-means run.
#[derive(Clone, Debug)]
pub struct Clustering {
    /// Number of clusters (`min(k, points)`), each non-empty.
    pub k: usize,
    /// The cluster of every point, in `0..k`.
    pub assignment: Vec<u32>,
    /// Unit-length centroids, `k` x `dim`, row major.
    pub centroids: Vec<f32>,
    /// Assignment rounds run.
    pub iterations: usize,
    /// Mean cosine similarity of the points to their centroids (higher is tighter).
    pub mean_similarity: f64,
}

/// Dot product of two equal-length slices (eight lanes so the compiler vectorises it).
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    let tail: f32 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    acc.iter().sum::<f32>() + tail
}

/// Scales `v` to unit length; a zero vector stays zero.
pub fn normalise(v: &mut [f32]) {
    let norm = dot(v, v).sqrt();
    if norm > 0.0 && norm.is_finite() {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Clusters `points` (`n` x `dim`, row major, each row of unit length or zero) into
/// `min(config.k, n)` non-empty clusters. Panics if `dim` is 0, `points` is not a multiple of
/// `dim`, there are no points, or `config.k` is 0.
pub fn kmeans(points: &[f32], dim: usize, config: Config) -> Clustering {
    let n = points.len() / dim.max(1);
    kmeans_weighted(points, &vec![1.0; n], dim, config)
}

/// [`kmeans`] with a positive weight per point (e.g. the size of a cluster the point stands
/// for): seeding draws points with probability proportional to weight times squared distance,
/// and centroids are weighted means. Also panics if `weights` does not have one entry per point.
pub fn kmeans_weighted(points: &[f32], weights: &[f64], dim: usize, config: Config) -> Clustering {
    assert!(
        dim > 0 && points.len().is_multiple_of(dim),
        "points must be n x dim"
    );
    let n = points.len() / dim;
    assert!(n > 0 && config.k > 0, "need points and k > 0");
    assert_eq!(weights.len(), n, "one weight per point");
    let k = config.k.min(n);
    let row = |i: usize| &points[i * dim..(i + 1) * dim];
    let mut rng = XorShift64::new(config.seed);

    // k-means++ seeding.
    let mut centroids = Vec::with_capacity(k * dim);
    let first = rng.below(n);
    centroids.extend_from_slice(row(first));
    let mut chosen = vec![false; n];
    chosen[first] = true;
    let mut d2: Vec<f64> = (0..n)
        .map(|i| weights[i] * f64::from((2.0 - 2.0 * dot(row(i), row(first))).max(0.0)))
        .collect();
    for _ in 1..k {
        let total: f64 = d2.iter().sum();
        let next = if total > 0.0 {
            let mut target = rng.next_f64() * total;
            let mut pick = None;
            for (i, &d) in d2.iter().enumerate() {
                if d > 0.0 {
                    pick = Some(i);
                    if target < d {
                        break;
                    }
                    target -= d;
                }
            }
            pick
        } else {
            None
        };
        // All remaining points coincide with centres: take the first unchosen one.
        let next = next
            .filter(|&i| !chosen[i])
            .or_else(|| chosen.iter().position(|&c| !c))
            .expect("k <= n leaves an unchosen point");
        chosen[next] = true;
        centroids.extend_from_slice(row(next));
        let c = row(next);
        d2.par_iter_mut().enumerate().for_each(|(i, d)| {
            let e = weights[i] * f64::from((2.0 - 2.0 * dot(row(i), c)).max(0.0));
            if e < *d {
                *d = e;
            }
        });
    }

    let mut assignment = vec![u32::MAX; n];
    let mut sims = vec![0.0f32; n];
    let mut iterations = 0;
    for _ in 0..config.max_iter.max(1) {
        iterations += 1;
        let best: Vec<(u32, f32)> = (0..n)
            .into_par_iter()
            .map(|i| nearest(row(i), &centroids, dim))
            .collect();
        let mut changed = 0usize;
        for (i, (c, s)) in best.into_iter().enumerate() {
            if assignment[i] != c {
                changed += 1;
                assignment[i] = c;
            }
            sims[i] = s;
        }
        fill_empty(&mut assignment, &mut sims, k);
        update_centroids(points, weights, dim, &assignment, &mut centroids);
        if changed == 0 {
            break;
        }
    }
    // Similarities to the final centroids.
    let mean_similarity = (0..n)
        .into_par_iter()
        .map(|i| {
            let c = assignment[i] as usize;
            weights[i] * f64::from(dot(row(i), &centroids[c * dim..(c + 1) * dim]))
        })
        .sum::<f64>()
        / weights.iter().sum::<f64>();
    Clustering {
        k,
        assignment,
        centroids,
        iterations,
        mean_similarity,
    }
}

/// The centroid of highest dot product with `p` (the first on ties) and that dot product.
fn nearest(p: &[f32], centroids: &[f32], dim: usize) -> (u32, f32) {
    let mut best = (0u32, f32::NEG_INFINITY);
    for (c, centre) in centroids.chunks_exact(dim).enumerate() {
        let s = dot(p, centre);
        if s > best.1 {
            best = (c as u32, s);
        }
    }
    best
}

/// Gives every empty cluster the point least similar to its own centroid (taken from a cluster
/// with more than one point), so all `k` clusters stay in use.
fn fill_empty(assignment: &mut [u32], sims: &mut [f32], k: usize) {
    let mut sizes = vec![0usize; k];
    for &c in assignment.iter() {
        sizes[c as usize] += 1;
    }
    for empty in 0..k {
        if sizes[empty] > 0 {
            continue;
        }
        let far = (0..assignment.len())
            .filter(|&i| sizes[assignment[i] as usize] > 1)
            .min_by(|&a, &b| sims[a].total_cmp(&sims[b]).then(a.cmp(&b)));
        let Some(i) = far else { return };
        sizes[assignment[i] as usize] -= 1;
        sizes[empty] = 1;
        assignment[i] = empty as u32;
        sims[i] = f32::INFINITY;
    }
}

/// Moves each centroid to the unit-length weighted mean of its points (summed in point order).
fn update_centroids(
    points: &[f32],
    weights: &[f64],
    dim: usize,
    assignment: &[u32],
    centroids: &mut [f32],
) {
    let mut sums = vec![0.0f64; centroids.len()];
    for ((p, &c), &w) in points.chunks_exact(dim).zip(assignment).zip(weights) {
        let s = &mut sums[c as usize * dim..(c as usize + 1) * dim];
        for (acc, &x) in s.iter_mut().zip(p) {
            *acc += w * f64::from(x);
        }
    }
    for (centre, s) in centroids.chunks_exact_mut(dim).zip(sums.chunks_exact(dim)) {
        let norm = s.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (c, &x) in centre.iter_mut().zip(s) {
                *c = (x / norm) as f32;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points scattered around `centres` (unit vectors), `per` each, normalised.
    fn blobs(centres: &[[f32; 3]], per: usize, spread: f32, seed: u64) -> Vec<f32> {
        let mut rng = XorShift64::new(seed);
        let mut out = Vec::new();
        for c in centres {
            for _ in 0..per {
                let mut p: Vec<f32> = c
                    .iter()
                    .map(|&x| x + spread * (rng.next_f64() as f32 - 0.5))
                    .collect();
                normalise(&mut p);
                out.extend(p);
            }
        }
        out
    }

    const AXES: [[f32; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

    #[test]
    fn rng_is_deterministic_and_uniformish() {
        let mut a = XorShift64::new(7);
        let mut b = XorShift64::new(7);
        assert!((0..100).all(|_| a.next_u64() == b.next_u64()));
        let mut r = XorShift64::new(0);
        let mut counts = [0usize; 4];
        for _ in 0..4000 {
            counts[r.below(4)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (800..1200).contains(&c)),
            "{counts:?}"
        );
        assert!(
            (0..1000)
                .map(|_| r.next_f64())
                .all(|x| (0.0..1.0).contains(&x))
        );
    }

    #[test]
    fn finds_separated_blobs() {
        let points = blobs(&AXES, 20, 0.3, 1);
        let config = Config {
            k: 3,
            max_iter: 50,
            seed: 42,
        };
        let out = kmeans(&points, 3, config);
        assert_eq!(out.k, 3);
        for blob in out.assignment.chunks(20) {
            assert!(blob.iter().all(|&c| c == blob[0]), "{blob:?}");
        }
        let mut firsts: Vec<u32> = out.assignment.chunks(20).map(|b| b[0]).collect();
        firsts.sort_unstable();
        assert_eq!(firsts, [0, 1, 2]);
        assert!(out.mean_similarity > 0.9);
        for c in out.centroids.chunks_exact(3) {
            assert!((dot(c, c) - 1.0).abs() < 1e-5);
        }
        // Same seed, same result.
        let again = kmeans(&points, 3, config);
        assert_eq!(out.assignment, again.assignment);
        assert_eq!(out.centroids, again.centroids);
    }

    #[test]
    fn k_capped_and_clusters_non_empty() {
        let points = blobs(&AXES[..1], 5, 0.0, 2);
        // Five identical points, eight clusters wanted: five clusters of one point each.
        let out = kmeans(
            &points,
            3,
            Config {
                k: 8,
                max_iter: 10,
                seed: 3,
            },
        );
        assert_eq!(out.k, 5);
        let mut seen = out.assignment.clone();
        seen.sort_unstable();
        assert_eq!(seen, [0, 1, 2, 3, 4]);
        // More points than clusters, all identical: every cluster still gets a point.
        let points = blobs(&AXES[..1], 12, 0.0, 2);
        let out = kmeans(
            &points,
            3,
            Config {
                k: 4,
                max_iter: 10,
                seed: 3,
            },
        );
        let mut sizes = [0; 4];
        out.assignment.iter().for_each(|&c| sizes[c as usize] += 1);
        assert!(sizes.iter().all(|&s| s > 0), "{sizes:?}");
    }

    #[test]
    fn weights_pull_centroids() {
        // Two points on the x and y axes in one cluster: the heavier one pulls the centroid.
        let points = [1.0, 0.0, 0.0, 1.0];
        let config = Config {
            k: 1,
            max_iter: 5,
            seed: 0,
        };
        let out = kmeans_weighted(&points, &[3.0, 1.0], 2, config);
        assert!(
            (out.centroids[0] - 0.9487).abs() < 1e-3,
            "{:?}",
            out.centroids
        );
        assert!(
            (out.centroids[1] - 0.3162).abs() < 1e-3,
            "{:?}",
            out.centroids
        );
    }

    #[test]
    fn dot_and_normalise() {
        let a: Vec<f32> = (0..19).map(|i| i as f32).collect();
        let expect: f32 = (0..19).map(|i| (i * i) as f32).sum();
        assert_eq!(dot(&a, &a), expect);
        let mut v = vec![3.0, 4.0];
        normalise(&mut v);
        assert_eq!(v, [0.6, 0.8]);
        let mut z = vec![0.0; 4];
        normalise(&mut z);
        assert_eq!(z, [0.0; 4]);
    }
}
