//! Tiny helpers to use more than one core without a thread-pool crate:
//! scoped threads, used only when there is enough work to pay for them
//! (a thread costs tens of microseconds to start).

use std::num::NonZeroUsize;

/// Below this many bytes of input (both documents), work stays on the
/// calling thread. A treaty pair of 1 MB takes under 10 ms on one thread;
/// a second thread saves a millisecond or two at best, and loses more on
/// a machine whose other cores are busy.
pub(crate) const MIN_PARALLEL_BYTES: usize = 4 * 1024 * 1024;

/// How many threads to use for `bytes` of input: `requested` when set;
/// when 0 (auto), every core for large inputs and one for small ones.
pub(crate) fn threads(requested: usize, bytes: usize) -> usize {
    match requested {
        0 if bytes >= MIN_PARALLEL_BYTES => {
            std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
        }
        0 => 1,
        n => n,
    }
}

/// Runs `a` and `b`, on two threads when `parallel` is set.
pub(crate) fn join<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !parallel {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let handle = scope.spawn(b);
        let a = a();
        let b = handle
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (a, b)
    })
}

/// Splits items with the given costs into at most `n` groups of similar
/// total cost: largest first, each to the least loaded group (LPT). The
/// split depends only on the costs, so output does not depend on timing.
pub(crate) fn balance(costs: &[usize], n: usize) -> Vec<Vec<usize>> {
    let n = n.clamp(1, costs.len().max(1));
    let mut order: Vec<usize> = (0..costs.len()).collect();
    order.sort_by(|&a, &b| costs[b].cmp(&costs[a]).then(a.cmp(&b)));
    let mut groups = vec![Vec::new(); n];
    let mut load = vec![0usize; n];
    for i in order {
        let g = (0..n).min_by_key(|&g| (load[g], g)).unwrap_or(0);
        load[g] += costs[i];
        groups[g].push(i);
    }
    for group in &mut groups {
        group.sort_unstable();
    }
    groups.retain(|g| !g.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance_spreads_and_covers() {
        let groups = balance(&[10, 1, 1, 8, 2], 2);
        assert_eq!(groups, vec![vec![0, 1], vec![2, 3, 4]]);
        assert_eq!(balance(&[], 4), Vec::<Vec<usize>>::new());
        assert_eq!(balance(&[3], 4), vec![vec![0]]);
    }

    #[test]
    fn join_runs_both() {
        assert_eq!(join(true, || 1, || 2), (1, 2));
        assert_eq!(join(false, || "a", || "b"), ("a", "b"));
    }
}
