//! The comparison pipeline: align provisions, find moves, diff the words
//! of each aligned pair, then lay the entries out in reading order and
//! count.

use std::time::Instant;

use crate::redline::RedlineOptions;
use crate::redline::model::{Document, Entry, Provision, Redline, Slot, Status, Summary, TextDiff};
use crate::redline::tokens::count_words;
use crate::redline::words::WordDiffer;
use crate::redline::{align, parallel};

/// Word counts of a provision's title and body.
#[derive(Clone, Copy)]
struct Words {
    title: u32,
    body: u32,
}

fn count(p: &Provision) -> Words {
    Words {
        title: count_words(&p.title),
        body: count_words(&p.body),
    }
}

fn word_counts(doc: &Document) -> Vec<Words> {
    doc.provisions.iter().map(count).collect()
}

/// Compares two documents. Never fails: the worst case of a diff that runs
/// out of time is an approximate (but still correct) redline.
pub fn redline(old: &Document, new: &Document, opts: &RedlineOptions) -> Redline {
    let started = Instant::now();
    let budget_end = started.checked_add(opts.total_timeout);
    let threads = parallel::threads(opts.threads, size(old) + size(new));
    let pairs = align::align(&old.provisions, &new.provisions, threads > 1);
    let moved = align::moved(&pairs);

    // Word counts: NEW's in full (the denominator of text reuse); OLD's
    // only where a provision differs from its partner, since a
    // byte-identical one has the same count.
    let new_words = word_counts(new);
    let mut old_words: Vec<Option<Words>> = vec![None; old.provisions.len()];
    for &(i, j) in &pairs {
        let (op, np) = (&old.provisions[i], &new.provisions[j]);
        if op.body == np.body && op.title == np.title {
            old_words[i] = Some(new_words[j]);
        }
    }
    let old_words: Vec<Words> = old
        .provisions
        .iter()
        .zip(old_words)
        .map(|(p, known)| known.unwrap_or_else(|| count(p)))
        .collect();

    // Word diffs, spread over threads by the size of what differs
    // (byte-identical pairs cost next to nothing).
    let cost = |&(i, j): &(usize, usize)| {
        let (op, np) = (&old.provisions[i], &new.provisions[j]);
        if op.body == np.body && op.title == np.title {
            0
        } else {
            op.body.len() + np.body.len() + 64
        }
    };
    let costs: Vec<usize> = pairs.iter().map(cost).collect();
    let groups = parallel::balance(&costs, threads);
    let diff_group = |group: &[usize]| -> Vec<(usize, Entry)> {
        let mut differ = WordDiffer::new();
        group
            .iter()
            .map(|&k| {
                let (i, j) = pairs[k];
                let (op, np) = (&old.provisions[i], &new.provisions[j]);
                // Each pair gets its own timeout, but never past the overall
                // budget, so many hard pairs still finish in bounded time.
                let deadline = Instant::now()
                    .checked_add(opts.word_timeout)
                    .map(|d| budget_end.map_or(d, |b| d.min(b)));
                let title = differ.diff(&op.title, &np.title, new_words[j].title, deadline);
                let body = differ.diff(&op.body, &np.body, new_words[j].body, deadline);
                let status = match (moved[k], title.changed || body.changed) {
                    (false, false) => Status::Unchanged,
                    (false, true) => Status::Changed,
                    (true, false) => Status::Moved,
                    (true, true) => Status::MovedChanged,
                };
                let total =
                    old_words[i].title + old_words[i].body + new_words[j].title + new_words[j].body;
                let kept = title.equal_words + body.equal_words;
                let similarity = if total == 0 {
                    1.0
                } else {
                    (2 * kept) as f32 / total as f32
                };
                let entry = Entry {
                    status,
                    old: Some(i),
                    new: Some(j),
                    title,
                    body,
                    similarity,
                };
                (j, entry)
            })
            .collect()
    };
    let results: Vec<Vec<(usize, Entry)>> = if groups.len() > 1 {
        std::thread::scope(|scope| {
            let handles: Vec<_> = groups[1..]
                .iter()
                .map(|g| scope.spawn(|| diff_group(g)))
                .collect();
            let mut all = vec![diff_group(&groups[0])];
            all.extend(handles.into_iter().map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            }));
            all
        })
    } else {
        groups.iter().map(|g| diff_group(g)).collect()
    };
    let mut paired: Vec<Option<Entry>> = vec![None; new.provisions.len()];
    for (j, entry) in results.into_iter().flatten() {
        paired[j] = Some(entry);
    }

    let mut redline = layout(old, new, &pairs, &moved, paired);
    redline.summary = summarise(&redline.entries, &old_words, &new_words);
    redline
}

fn size(doc: &Document) -> usize {
    doc.provisions
        .iter()
        .map(|p| p.body.len() + p.title.len())
        .sum()
}

/// Reading order: NEW's order; each removed or moved-away old provision is
/// placed right after the in-order pair that precedes it in OLD (before
/// any additions that follow that pair), or first when none precedes it.
fn layout(
    old: &Document,
    new: &Document,
    pairs: &[(usize, usize)],
    moved: &[bool],
    mut paired: Vec<Option<Entry>>,
) -> Redline {
    // For each old provision: its pair's new index, and whether it moved.
    let mut old_pair: Vec<Option<(usize, bool)>> = vec![None; old.provisions.len()];
    for (&(i, j), &m) in pairs.iter().zip(moved) {
        old_pair[i] = Some((j, m));
    }
    // Old-side items attached after a new index (+1), or at 0 for the start.
    let mut attached: Vec<Vec<usize>> = vec![Vec::new(); new.provisions.len() + 1];
    let mut anchor = 0;
    for (i, pair) in old_pair.iter().enumerate() {
        match pair {
            Some((j, false)) => anchor = j + 1,
            _ => attached[anchor].push(i),
        }
    }

    enum Item {
        New(usize),
        Old(usize),
    }
    let mut items = Vec::with_capacity(old.provisions.len() + new.provisions.len());
    items.extend(attached[0].iter().map(|&i| Item::Old(i)));
    for j in 0..new.provisions.len() {
        items.push(Item::New(j));
        items.extend(attached[j + 1].iter().map(|&i| Item::Old(i)));
    }

    // Entry index of each new provision, so moved-away markers can point
    // forward as well as back.
    let mut entry_of_new = vec![0; new.provisions.len()];
    let mut count = 0;
    for item in &items {
        match item {
            Item::New(j) => {
                entry_of_new[*j] = count;
                count += 1;
            }
            Item::Old(i) if old_pair[*i].is_none() => count += 1,
            Item::Old(_) => {}
        }
    }

    let mut entries = Vec::with_capacity(count);
    let mut slots = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Item::New(j) => {
                slots.push(Slot::Entry(entries.len()));
                entries.push(
                    paired[j]
                        .take()
                        .unwrap_or_else(|| one_sided(Status::Added, None, Some(j))),
                );
            }
            Item::Old(i) => match old_pair[i] {
                None => {
                    slots.push(Slot::Entry(entries.len()));
                    entries.push(one_sided(Status::Removed, Some(i), None));
                }
                Some((j, _)) => slots.push(Slot::MovedAway(entry_of_new[j])),
            },
        }
    }
    Redline {
        entries,
        layout: slots,
        summary: Summary::default(),
    }
}

fn one_sided(status: Status, old: Option<usize>, new: Option<usize>) -> Entry {
    Entry {
        status,
        old,
        new,
        title: TextDiff::default(),
        body: TextDiff::default(),
        similarity: 0.0,
    }
}

fn summarise(entries: &[Entry], old_words: &[Words], new_words: &[Words]) -> Summary {
    let mut s = Summary {
        old_words: old_words.iter().map(|w| u64::from(w.title + w.body)).sum(),
        new_words: new_words.iter().map(|w| u64::from(w.title + w.body)).sum(),
        ..Summary::default()
    };
    for e in entries {
        match e.status {
            Status::Unchanged => s.unchanged += 1,
            Status::Changed => s.changed += 1,
            Status::Moved => s.moved += 1,
            Status::MovedChanged => {
                s.moved += 1;
                s.changed += 1;
            }
            Status::Added => s.added += 1,
            Status::Removed => s.removed += 1,
        }
        s.approximate += usize::from(e.approximate());
        if e.old.is_some() && e.new.is_some() {
            s.reused_words += u64::from(e.title.equal_words + e.body.equal_words);
        }
    }
    s
}
