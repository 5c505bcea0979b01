//! Anchored multi-pattern lookup: every pattern that occurs starting exactly at a given
//! position. Word-level matchers walk it from word starts only, not over every byte.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::noncontiguous::NFA;
use aho_corasick::{Anchored, BuildError, MatchKind, StartKind};

/// A DFA of the patterns, or an NFA when the pack is too large for one.
#[derive(Debug, Clone)]
pub(crate) enum AnchoredSet {
    Dfa(DFA),
    Nfa(NFA),
}

impl AnchoredSet {
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Result<AnchoredSet, BuildError> {
        match DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(patterns)
        {
            Ok(d) => Ok(AnchoredSet::Dfa(d)),
            Err(_) => NFA::builder()
                .match_kind(MatchKind::Standard)
                .build(patterns)
                .map(AnchoredSet::Nfa),
        }
    }

    /// Push `(start, end, pattern)` for every pattern spelled by `hay[at..]`, shortest
    /// first (an overlapping scan reports them in the same order at each end).
    #[inline]
    pub(crate) fn matches_at(&self, hay: &[u8], at: usize, out: &mut Vec<(usize, usize, usize)>) {
        match self {
            AnchoredSet::Dfa(a) => walk(a, hay, at, out),
            AnchoredSet::Nfa(a) => walk(a, hay, at, out),
        }
    }
}

#[inline]
fn walk<A: Automaton>(a: &A, hay: &[u8], at: usize, out: &mut Vec<(usize, usize, usize)>) {
    let Ok(mut sid) = a.start_state(Anchored::Yes) else {
        return;
    };
    let Some(rest) = hay.get(at..) else {
        return;
    };
    for (i, &b) in rest.iter().enumerate() {
        sid = a.next_state(Anchored::Yes, sid, b);
        if !a.is_special(sid) {
            continue;
        }
        if a.is_dead(sid) {
            return;
        }
        if a.is_match(sid) {
            let len = i + 1;
            for k in 0..a.match_len(sid) {
                let pid = a.match_pattern(sid, k);
                // A match state also lists the patterns that are suffixes of its own;
                // only those starting at `at` are anchored there.
                if a.pattern_len(pid) == len {
                    out.push((at, at + len, pid.as_usize()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_patterns_starting_at_the_position_are_reported() {
        let set = AnchoredSet::new(&["abc", "bc", "ab", "b"]).expect("small set");
        let mut out = Vec::new();
        set.matches_at(b"xabcd", 1, &mut out);
        assert_eq!(out, [(1, 3, 2), (1, 4, 0)]);
        out.clear();
        set.matches_at(b"xabcd", 2, &mut out);
        assert_eq!(out, [(2, 3, 3), (2, 4, 1)]);
        out.clear();
        set.matches_at(b"xabcd", 5, &mut out);
        assert!(out.is_empty());
    }
}
