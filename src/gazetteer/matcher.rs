//! The compiled matcher: every pack name, normalised and stripped of its article, filed
//! by its first word; hits are kept only at word boundaries after valid proclitics.

use serde::Deserialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::normalize::{Normalized, TokKind, Token, normalize};
use crate::pack::Pack;

/// What a name refers to: an index into `Pack::places` or `Pack::actors`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Place(usize),
    Actor(usize),
    /// A phrase that contains a name but means something else ("القوة القاهرة" force
    /// majeure, "طرابلس اللبنانية"): it wins over the shorter name, then is dropped.
    Stop,
}

/// A kept hit, in normalised byte offsets. `start` includes the name's own article
/// ("الخمس", "للجيش" → "لجيش" starts at the second lam) but never a proclitic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub target: Target,
    /// The place name is the title of a document or process ("إعلان القاهرة").
    pub titled: bool,
}

/// Words around a name that is also a common word ("الخمس" five, "سرت" walked): the pack's
/// `gazetteer.toml`. A place with context `cue` is kept only when these license it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Context {
    /// A word right before the name that makes it a place ("مدينة", "في").
    #[serde(default)]
    pub before: Vec<String>,
    /// A word right after the name that makes it a place ("الليبية").
    #[serde(default)]
    pub after: Vec<String>,
    /// A word right after the name that makes it a common word ("سنوات" after "الخمس").
    #[serde(default)]
    pub reject_after: Vec<String>,
    /// A word right before a place name that makes it a title ("إعلان القاهرة").
    #[serde(default)]
    pub title_before: Vec<String>,
    /// A word right before an ambiguous actor name that makes it the actor ("تنظيم").
    #[serde(default)]
    pub actor_before: Vec<String>,
    /// Phrases that contain a name but are not it ("القوة القاهرة").
    #[serde(default)]
    pub not_names: Vec<String>,
}

impl Context {
    pub fn parse(text: &str) -> Result<Context, String> {
        #[derive(Deserialize)]
        struct File {
            #[serde(default)]
            context: Context,
        }
        let f: File = toml::from_str(text).map_err(|e| e.to_string())?;
        Ok(f.context)
    }
}

#[derive(Debug, Clone)]
struct Entry {
    target: Target,
    /// The name began with the article ال, which the pattern leaves out so that "لل"
    /// (ل + ال) can be matched; a hit then needs the article (or "لل") in its prefix.
    definite: bool,
    /// A Latin-script name: no proclitics, and an all-capitals name (an acronym) must
    /// appear in capitals.
    latin: Option<LatinCase>,
    /// Needs a licensing context (the `context` column of places.csv).
    cue: bool,
}

/// A pattern filed under its first word, with the first bytes after that word.
#[derive(Debug, Clone, Copy)]
struct Probe {
    pattern: usize,
    /// The byte length of the first word (the key it is filed under).
    word_len: usize,
    /// Up to eight bytes after the first word, little-endian, zero-padded.
    head: u64,
    /// Ones over the bytes `head` holds.
    mask: u64,
}

impl Entry {
    /// Whether a hit of this entry may follow the proclitic string `prefix` in its word
    /// (the test `find` applies to every candidate).
    fn takes_prefix(&self, prefix: &str) -> bool {
        if self.latin.is_some() {
            return prefix.is_empty();
        }
        // An ambiguous name takes no ف or ك: "فسرت" (interpreted) and "كسرت" (broke)
        // are verbs far more often than "so/like Sirte".
        prefix.chars().count() <= 4
            && valid_prefix(prefix, self.definite)
            && !(self.cue
                && (prefix.starts_with('ف')
                    || prefix.trim_start_matches(['و', 'ف']).starts_with('ك')))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LatinCase {
    Any,
    /// "UN", "LNA": only in capitals, so French "un" or English "gna" never match.
    Upper,
    /// A place that is also a word ("Hun", "Ghat") must at least be capitalised.
    Capital,
}

/// Compiled once per pack (see `Pack::gazetteer`).
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// Every distinct spelling (normalised, article left out), by pattern index.
    patterns: Vec<String>,
    /// Pattern indices by the pattern's first word (its leading letters and digits):
    /// a hit must end a word, so the text's word there is exactly that first word.
    by_first_word: FirstWords,
    /// The patterns under each first word (`FirstWords` points here).
    lists: Vec<ProbeList>,
    /// The patterns that start with a mark or a space (" الكاني" from a name written
    /// with a leading no-break space): tried at every mark, so kept apart from the table.
    no_first_word: Vec<Probe>,
    /// What each of those patterns must contain as written in the text (its bytes after
    /// leading spaces, up to the next space): a document without any of them is spared
    /// the test at every mark. `None` when some pattern has no such bytes.
    no_first_word_cores: Option<Vec<memchr::memmem::Finder<'static>>>,
    /// Some pattern without a first word has an entry that takes an empty prefix (a
    /// Latin or indefinite name). Their hits, at a mark or after a word of proclitics,
    /// start a word of their own, so `find` keeps none of another entry's: without such
    /// an entry the patterns are not looked for at all.
    no_first_word_live: bool,
    /// Per pattern, every pack entry spelled that way.
    entries: Vec<Vec<Entry>>,
    before: FxHashSet<String>,
    after: FxHashSet<String>,
    reject_after: FxHashSet<String>,
    title_before: FxHashSet<String>,
    actor_before: FxHashSet<String>,
    /// Place ids by `Pack::places` index, shared by every mention instead of copied.
    place_ids: Vec<Arc<str>>,
    /// Actor ids by `Pack::actors` index, and each one's faction (`Pack::faction_of`).
    actor_ids: Vec<(Arc<str>, Arc<str>)>,
}

const ARTICLE: &str = "ال";

/// A letter or digit. Arabic letters and ASCII are decided by range: this runs for every
/// raw automaton hit, and the general Unicode table lookup is slow.
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' | '\0'..='\u{7F}' => false,
        c => c.is_alphanumeric(),
    }
}

fn is_latin(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_alphabetic()) && !s.chars().any(is_arabic)
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// Collapse runs of whitespace, so names written across a line break still match once
/// the text is scanned in the same form (the pattern side never has double spaces).
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Proclitic strings allowed before a name without article: conjunction و/ف, then one
/// of the prepositions ب ل ك. Before a definite name (article left out of the pattern)
/// the prefix must end in the article, or be "لل" where ل + ال merged.
fn valid_prefix(prefix: &str, definite: bool) -> bool {
    let mut rest = prefix;
    if let Some(r) = rest.strip_prefix(['و', 'ف']) {
        rest = r;
    }
    if definite {
        matches!(rest, "ال" | "بال" | "كال" | "لل")
    } else {
        matches!(rest, "" | "ب" | "ل" | "ك")
    }
}

/// `valid_prefix(p, false) || valid_prefix(p, true)` on the letters of `p`, without
/// string compares: this runs at nearly every word of the text.
fn is_proclitic_string(p: &[char]) -> bool {
    let rest = match p {
        ['و' | 'ف', rest @ ..] => rest,
        _ => p,
    };
    matches!(
        rest,
        [] | ['ب' | 'ل' | 'ك'] | ['ا', 'ل'] | ['ب' | 'ك', 'ا', 'ل'] | ['ل', 'ل']
    )
}

/// Every proclitic string (`is_proclitic_string`), the empty one first.
fn proclitic_strings() -> Vec<String> {
    let letters = ['و', 'ف', 'ب', 'ل', 'ك', 'ا'];
    let mut all: Vec<Vec<char>> = vec![Vec::new()];
    let mut last = all.clone();
    for _ in 0..4 {
        last = last
            .iter()
            .flat_map(|p| {
                letters.iter().map(move |&c| {
                    let mut q = p.clone();
                    q.push(c);
                    q
                })
            })
            .collect();
        all.extend(last.iter().cloned());
    }
    all.into_iter()
        .filter(|p| is_proclitic_string(p))
        .map(|p| p.into_iter().collect())
        .collect()
}

/// Whether the word's bytes spell a proclitic string (two-byte letters only).
fn is_proclitic_word(w: &[u8]) -> bool {
    let mut letters = ['\0'; 4];
    let mut n = 0;
    for pair in w.chunks(2) {
        let ch = match pair {
            [0xD9, 0x88] => 'و',
            [0xD9, 0x81] => 'ف',
            [0xD8, 0xA8] => 'ب',
            [0xD9, 0x84] => 'ل',
            [0xD9, 0x83] => 'ك',
            [0xD8, 0xA7] => 'ا',
            _ => return false,
        };
        let Some(slot) = letters.get_mut(n) else {
            return false;
        };
        *slot = ch;
        n += 1;
    }
    is_proclitic_string(&letters[..n])
}

impl Gazetteer {
    pub fn build(pack: &Pack, ctx: &Context) -> Gazetteer {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut add = |name: &str, target: Target, cue: bool| {
            let raw = squeeze(name);
            if raw.is_empty() {
                return;
            }
            let latin = if is_latin(&raw) {
                let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
                Some(
                    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
                        LatinCase::Upper
                    } else if cue {
                        LatinCase::Capital
                    } else {
                        LatinCase::Any
                    },
                )
            } else {
                None
            };
            let norm = normalize(&raw);
            let (pat, definite) = match norm.strip_prefix(ARTICLE) {
                // Keep at least three letters after the article, or "ال" + two letters
                // would match far too much once stripped.
                Some(rest) if latin.is_none() && rest.chars().count() >= 3 => {
                    (rest.to_string(), true)
                }
                _ => (norm, false),
            };
            if pat.chars().count() < 2 {
                return;
            }
            let i = *index.entry(pat.clone()).or_insert_with(|| {
                patterns.push(pat);
                entries.push(Vec::new());
                entries.len() - 1
            });
            let e = Entry {
                target,
                definite,
                latin,
                cue,
            };
            let list = &mut entries[i];
            if !list
                .iter()
                .any(|x| x.target == e.target && x.definite == e.definite && x.latin == e.latin)
            {
                list.push(e);
            }
        };
        for (i, p) in pack.places.iter().enumerate() {
            // Only a one-word name is ambiguous: "حقل الشرارة" or "مدينة سرت" never means
            // a spark or a walk.
            let cue = |n: &str| p.context == "cue" && !n.trim().contains(' ');
            for n in p.aliases_ar.iter().chain(&p.aliases_latin) {
                add(n, Target::Place(i), cue(n));
            }
            add(&p.id, Target::Place(i), cue(&p.id));
        }
        for (i, a) in pack.actors.iter().enumerate() {
            for n in std::iter::once(&a.name_ar)
                .chain(&a.aliases_ar)
                .chain(std::iter::once(&a.name_en))
                .chain(&a.aliases_latin)
            {
                add(n, Target::Actor(i), false);
            }
            for n in &a.ambiguous_ar {
                add(n, Target::Actor(i), true);
            }
        }
        for n in &ctx.not_names {
            add(n, Target::Stop, false);
        }
        // Hits only count at a word start or after a short proclitic string, and end a
        // word: looking up the text's word there by the pattern's first word finds them.
        let mut by_first_word: Vec<(String, Vec<Probe>)> = Vec::new();
        let mut word_index: FxHashMap<String, usize> = FxHashMap::default();
        let mut no_first_word = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            let w = first_word(p);
            let (head, mask) = crate::normalize::head8(&p.as_bytes()[w.len()..]);
            let probe = Probe {
                pattern: i,
                word_len: w.len(),
                head,
                mask,
            };
            if w.is_empty() {
                no_first_word.push(probe);
            } else {
                let k = *word_index.entry(w.to_string()).or_insert_with(|| {
                    by_first_word.push((w.to_string(), Vec::new()));
                    by_first_word.len() - 1
                });
                by_first_word[k].1.push(probe);
            }
        }
        // The text's words are looked up whole: each first word is filed under every
        // proclitic string one of its names can take ("حكومه" also as "والحكومه").
        let mut keyed: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
        let mut key_index: FxHashMap<String, usize> = FxHashMap::default();
        let proclitics = proclitic_strings();
        let mut lists = Vec::with_capacity(by_first_word.len());
        for (li, (w, probes)) in by_first_word.into_iter().enumerate() {
            for p in &proclitics {
                let takes = probes.iter().any(|pr| {
                    entries
                        .get(pr.pattern)
                        .is_some_and(|l| l.iter().any(|en| en.takes_prefix(p)))
                });
                if !takes {
                    continue;
                }
                let key = format!("{p}{w}");
                let k = *key_index.entry(key.clone()).or_insert_with(|| {
                    keyed.push((key, Vec::new()));
                    keyed.len() - 1
                });
                keyed[k].1.push((p.len(), li));
            }
            lists.push(ProbeList::new(probes));
        }
        for (_, splits) in &mut keyed {
            splits.sort_unstable();
        }
        let no_first_word_cores = no_first_word
            .iter()
            .map(|pr| {
                let p = patterns.get(pr.pattern)?.as_bytes();
                let from = p.iter().position(|b| !b.is_ascii_whitespace())?;
                let len = p[from..]
                    .iter()
                    .position(u8::is_ascii_whitespace)
                    .unwrap_or(p.len() - from);
                Some(memchr::memmem::Finder::new(&p[from..from + len]).into_owned())
            })
            .collect();
        let set = |v: &[String]| v.iter().map(|w| normalize(w)).collect::<FxHashSet<_>>();
        let no_first_word_live = no_first_word.iter().any(|pr| {
            entries.get(pr.pattern).is_some_and(|l| {
                l.iter()
                    .any(|en| en.latin.is_some() || valid_prefix("", en.definite))
            })
        });
        Gazetteer {
            no_first_word_cores,
            no_first_word_live,
            patterns,
            by_first_word: FirstWords::new(keyed),
            lists,
            no_first_word,
            entries,
            before: set(&ctx.before),
            after: set(&ctx.after),
            reject_after: set(&ctx.reject_after),
            title_before: set(&ctx.title_before),
            actor_before: set(&ctx.actor_before),
            place_ids: pack
                .places
                .iter()
                .map(|p| Arc::from(p.id.as_str()))
                .collect(),
            actor_ids: pack
                .actors
                .iter()
                .map(|a| {
                    let id: Arc<str> = Arc::from(a.id.as_str());
                    let f = pack.faction_of(&a.id);
                    let faction = if f == a.id {
                        Arc::clone(&id)
                    } else {
                        Arc::from(f)
                    };
                    (id, faction)
                })
                .collect(),
        }
    }

    /// The id of `Pack::places[i]`.
    pub fn place_id(&self, i: usize) -> Option<&Arc<str>> {
        self.place_ids.get(i)
    }

    /// The id of `Pack::actors[i]` and its faction's.
    pub fn actor_id(&self, i: usize) -> Option<&(Arc<str>, Arc<str>)> {
        self.actor_ids.get(i)
    }

    /// Every pattern occurrence that could be kept: one starting at a word start, or
    /// after a proclitic string at one, and ending a word (or ending in a mark).
    ///
    /// Names are matched as if every run of ASCII whitespace were one space, so
    /// "مجلس  النواب" or a name broken over two lines still matches (the patterns never
    /// hold two spaces); offsets stay those of `text`.
    ///
    /// The words come from the normaliser's tokens when they are the same runs (see
    /// `raw_hits_tokens`), else from a scan of the text's bytes.
    fn raw_hits(&self, text: &str, norm: &Normalized, raw: &mut Vec<Raw>) {
        let tokens_fit = !self.no_first_word_live
            && std::ptr::eq(text, norm.text.as_str())
            && !may_class_apart(text.as_bytes());
        if tokens_fit && self.raw_hits_tokens(text, norm.tokens(), raw) {
            return;
        }
        raw.clear();
        self.raw_hits_bytes(text, raw);
    }

    /// `raw_hits_bytes` with the text's words read off its tokens: a run of adjacent
    /// word and number tokens is a run of word characters, when the text holds no
    /// character the two class apart (`may_class_apart`, and a mark token that is a word
    /// character, which returns false). Patterns without a first word are not looked for
    /// (the caller's `no_first_word_live` test).
    #[inline(never)]
    fn raw_hits_tokens(&self, text: &str, tokens: &[Token], raw: &mut Vec<Raw>) -> bool {
        let bytes = text.as_bytes();
        if tokens.last().is_some_and(|t| t.end > bytes.len()) {
            return false;
        }
        let mut k = 0;
        while let Some(t) = tokens.get(k) {
            k += 1;
            if t.kind == TokKind::Punct {
                if bytes[t.start] >= 0x80 && char_at(text, t.start).0 {
                    return false;
                }
                continue;
            }
            let start = t.start;
            let mut run_end = t.end;
            while let Some(u) = tokens.get(k)
                && u.start == run_end
                && u.kind != TokKind::Punct
            {
                run_end = u.end;
                k += 1;
            }
            self.first_word_hits(bytes, start, run_end, raw);
        }
        true
    }

    /// The hits of the patterns whose first word the text's word `start..run_end` is,
    /// after a proclitic string (or none): a hit must end a word.
    #[inline(always)]
    fn first_word_hits(&self, bytes: &[u8], start: usize, run_end: usize, raw: &mut Vec<Raw>) {
        if let Some(splits) = self.by_first_word.get(&bytes[start..run_end]) {
            for &(p, li) in splits {
                if let Some(list) = self.lists.get(li) {
                    self.probe_list(bytes, (start, start + p, run_end), list, raw);
                }
            }
        }
    }

    #[inline(never)]
    fn raw_hits_bytes(&self, text: &str, raw: &mut Vec<Raw>) {
        let bytes = text.as_bytes();
        let n = bytes.len();
        // A pattern without a first word matches only where its bytes after the leading
        // spaces are written as they are (whitespace in the text matches only a space):
        // a document without them is spared the test at every mark.
        let no_first_word = self.no_first_word_live
            && self
                .no_first_word_cores
                .as_ref()
                .is_none_or(|cores| cores.iter().any(|f| f.find(bytes).is_some()));
        let mut i = 0;
        while i < n {
            let c0 = bytes[i];
            let (word, len) = if c0 < 0x80 {
                (c0.is_ascii_alphanumeric(), 1)
            } else if is_arabic_letter(bytes, i) {
                (true, 2)
            } else {
                char_at(text, i)
            };
            if !word {
                if no_first_word && self.may_start_no_first_word(bytes, i) {
                    self.probe(bytes, (i, i, i), &self.no_first_word, raw);
                }
                i += len;
                // A whitespace run reads as one space: the next mark is after it.
                if c0.is_ascii_whitespace() {
                    while i < n && bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                }
                continue;
            }
            let start = i;
            i += len;
            // The rest of the run of word characters: mostly Arabic letters.
            loop {
                while let Some(chunk) = bytes.get(i..).and_then(|r| r.first_chunk::<8>())
                    && four_arabic_letters(u64::from_le_bytes(*chunk))
                {
                    i += 8;
                }
                while is_arabic_letter(bytes, i) {
                    i += 2;
                }
                let Some(&c) = bytes.get(i) else {
                    break;
                };
                let (word, len) = if c < 0x80 {
                    (c.is_ascii_alphanumeric(), 1)
                } else {
                    char_at(text, i)
                };
                if !word {
                    break;
                }
                i += len;
            }
            let run_end = i;
            self.first_word_hits(bytes, start, run_end, raw);
            // A word that is all proclitics ("و"): a name may start with the mark after it.
            if no_first_word
                && run_end - start <= 8
                && is_proclitic_word(&bytes[start..run_end])
                && self.may_start_no_first_word(bytes, run_end)
            {
                self.probe(bytes, (run_end, run_end, run_end), &self.no_first_word, raw);
            }
        }
    }

    /// Whether a pattern without a first word may start at `at`: tried at every mark and
    /// space, so its first bytes are compared here before `probe` is called.
    #[inline(always)]
    fn may_start_no_first_word(&self, bytes: &[u8], at: usize) -> bool {
        let after = squeezed_head8(bytes, at);
        self.no_first_word
            .iter()
            .any(|pr| after & pr.mask == pr.head)
    }

    /// The patterns of `list` (which share the first word `s..run_end`, or have none when
    /// `s == run_end`) that go on as the text does; `ws` is the word's start.
    fn probe(
        &self,
        bytes: &[u8],
        (ws, s, run_end): (usize, usize, usize),
        list: &[Probe],
        raw: &mut Vec<Raw>,
    ) {
        // The bytes after the first word decide between the names that share it
        // ("قوات الوفاق", "قوات الردع"): eight of them in one compare, then the rest.
        let after = squeezed_head8(bytes, run_end);
        for pr in list.iter().filter(|pr| after & pr.mask == pr.head) {
            self.extend(bytes, (ws, s, run_end), pr, raw);
        }
    }

    /// `probe` for a first word's patterns: those whose eight bytes after the first
    /// word are all known are found by bisection (a first word like "قوات" starts dozens
    /// of names), the shorter ones one by one. The order of the hits does not matter:
    /// patterns of one list found at one place all differ in length.
    fn probe_list(
        &self,
        bytes: &[u8],
        at: (usize, usize, usize),
        list: &ProbeList,
        raw: &mut Vec<Raw>,
    ) {
        let after = squeezed_head8(bytes, at.2);
        let lo = list.full.partition_point(|pr| pr.head < after);
        for pr in list.full[lo..].iter().take_while(|pr| pr.head == after) {
            self.extend(bytes, at, pr, raw);
        }
        for pr in list.partial.iter().filter(|pr| after & pr.mask == pr.head) {
            self.extend(bytes, at, pr, raw);
        }
    }

    /// Record the hit of `pr` when the rest of its pattern follows the first word.
    fn extend(
        &self,
        bytes: &[u8],
        (ws, s, run_end): (usize, usize, usize),
        pr: &Probe,
        raw: &mut Vec<Raw>,
    ) {
        let Some(p) = self.patterns.get(pr.pattern) else {
            return;
        };
        let rest = &p.as_bytes()[pr.word_len..];
        // Mostly the text has the rest as it is (single spaces): one compare of all its
        // bytes, and the byte-wise reading of whitespace only when that fails.
        let end = if bytes.get(run_end..run_end + rest.len()) == Some(rest) {
            Some(run_end + rest.len())
        } else {
            match_squeezed(rest, bytes, run_end)
        };
        if let Some(e) = end {
            raw.push(Raw {
                start: s,
                end: e,
                pattern: pr.pattern,
                word_start: ws,
            });
        }
    }

    /// Every kept hit in `text` (the normalised text of `original`), longest first among
    /// overlapping hits of the same kind, in text order.
    pub fn find(&self, text: &str, original: &str, norm: &Normalized) -> Vec<Hit> {
        let mut out = Vec::new();
        self.find_into(text, original, norm, &mut out);
        out
    }

    /// `find` into `out` (cleared first): a buffer the caller keeps between documents.
    pub fn find_into(&self, text: &str, original: &str, norm: &Normalized, out: &mut Vec<Hit>) {
        out.clear();
        // Offsets are sorted as 32-bit numbers (`longest_first`); the reader skips files
        // over `corpus::MAX_BYTES`, far below 4 GB.
        if self.patterns.is_empty() || u32::try_from(text.len()).is_err() {
            return;
        }
        let mut scratch = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
        self.find_with(text, original, norm, &mut scratch, out);
        SCRATCH.with(|s| *s.borrow_mut() = scratch);
    }

    fn find_with(
        &self,
        text: &str,
        original: &str,
        norm: &Normalized,
        scratch: &mut Scratch,
        out: &mut Vec<Hit>,
    ) {
        let Scratch {
            raw,
            keys,
            kept: kept_index,
            taken,
            cands,
            kept_cands,
            ok_here,
        } = scratch;
        raw.clear();
        self.raw_hits(text, norm, raw);
        cands.clear();
        for r in raw.iter() {
            let (s, e, pid) = (r.start, r.end, r.pattern);
            let Some(list) = self.entries.get(pid) else {
                continue;
            };
            if e < text.len() && char_at(text, e).0 {
                continue;
            }
            let word_start = r.word_start;
            let prefix = &text[word_start..s];
            let len = self.patterns.get(pid).map_or(0, String::len);
            for en in list {
                let start = if en.latin.is_some() {
                    if !prefix.is_empty() {
                        continue;
                    }
                    s
                } else {
                    // (A prefix of at most four bytes has at most four letters.)
                    if (prefix.len() > 4 && prefix.chars().count() > 4)
                        || !valid_prefix(prefix, en.definite)
                    {
                        continue;
                    }
                    // An ambiguous name takes no ف or ك: "فسرت" (interpreted) and "كسرت"
                    // (broke) are verbs far more often than "so/like Sirte".
                    if en.cue
                        && (prefix.starts_with('ف')
                            || prefix.trim_start_matches(['و', 'ف']).starts_with('ك'))
                    {
                        continue;
                    }
                    if en.definite {
                        // The article belongs to the name: "الخمس" spans from alef;
                        // in "للخمس" the second lam stands for it.
                        if prefix.ends_with(ARTICLE) {
                            s - ARTICLE.len()
                        } else {
                            s - 'ل'.len_utf8()
                        }
                    } else {
                        s
                    }
                };
                cands.push(Cand {
                    start,
                    end: e,
                    squeezed_len: len + (s - start),
                    word_start,
                    at: s,
                    target: en.target,
                    latin: en.latin,
                    cue: en.cue,
                });
            }
        }
        longest_first(cands, keys, kept_index, taken, kept_cands);
        let kept = &*kept_cands;
        // One sense per discourse: an ambiguous name licensed once in the document is
        // the place everywhere in it ("دخلت القوات سرت" after "في مدينة سرت"), unless
        // the next word makes it a common phrase.
        let mut licensed_targets: FxHashSet<Target> = FxHashSet::default();
        let mut last_place_end: Option<usize> = None;
        ok_here.clear();
        ok_here.resize(kept.len(), false);
        for (k, c) in kept.iter().enumerate() {
            if c.latin.is_some() || !c.cue {
                ok_here[k] = true;
            } else if let Target::Actor(_) = c.target {
                // An ambiguous actor name is never licensed document-wide: "القاعدة"
                // is al-Qaeda in one sentence and an air base in the next.
                ok_here[k] = self.actor_licensed(text, kept, k);
                continue;
            } else if self.licensed(text, c, last_place_end) {
                ok_here[k] = true;
                licensed_targets.insert(c.target);
            } else {
                continue;
            }
            if let Target::Place(_) = c.target {
                last_place_end = Some(c.end);
            }
        }
        out.reserve(kept.len());
        for (k, c) in kept.iter().enumerate() {
            if let Some(case) = c.latin {
                let (os, oe) = norm.orig_span(c.start, c.end);
                let orig = original.get(os..oe).unwrap_or_default();
                let ok = match case {
                    LatinCase::Any => true,
                    LatinCase::Upper => orig.chars().all(|ch| !ch.is_lowercase()),
                    LatinCase::Capital => orig.chars().next().is_some_and(char::is_uppercase),
                };
                if !ok {
                    continue;
                }
            } else if !ok_here[k]
                && (!licensed_targets.contains(&c.target) || self.rejected(text, c))
            {
                continue;
            }
            if c.target == Target::Stop {
                continue;
            }
            let titled = matches!(c.target, Target::Place(_))
                && c.word_start == c.start
                && prev_word(text, c.word_start).is_some_and(|w| self.title_before.contains(w));
            out.push(Hit {
                start: c.start,
                end: c.end,
                target: c.target,
                titled,
            });
        }
    }

    /// Does the context make an ambiguous actor name ("القاعدة") the actor? A word
    /// before it like "تنظيم", or a list with another actor ("داعش والقاعدة").
    fn actor_licensed(&self, text: &str, kept: &[Cand], k: usize) -> bool {
        let c = &kept[k];
        // A nisba adjective after it names another country's body ("البرلمان الإيطالي"),
        // unless it is one of the region's own (`after`: "الليبي").
        if next_word(text, c.end).is_some_and(|w| {
            w.starts_with("ال")
                && (w.ends_with('ي') || w.ends_with("يه"))
                && !self.after.contains(w)
        }) {
            return false;
        }
        if prev_word(text, c.word_start).is_some_and(|w| {
            self.actor_before.contains(w)
                || w.strip_prefix('و')
                    .is_some_and(|w| self.actor_before.contains(w))
        }) {
            return true;
        }
        let joined = |between: &str, next_prefix: &str| {
            let b = between.trim();
            b == "," || b == "و" || (b.is_empty() && next_prefix.starts_with('و'))
        };
        let is_sure_actor = |o: &Cand| matches!(o.target, Target::Actor(_)) && !o.cue;
        // Only the immediate neighbours can be joined to it by "و" or a comma, which
        // also keeps this constant-time.
        let prev = k
            .checked_sub(1)
            .and_then(|j| kept.get(j))
            .filter(|o| is_sure_actor(o));
        if prev.is_some_and(|p| {
            p.end <= c.word_start
                && joined(&text[p.end..c.word_start], &text[c.word_start..c.start])
        }) {
            return true;
        }
        let next = kept.get(k + 1).filter(|o| is_sure_actor(o));
        if next.is_some_and(|n| {
            c.end <= n.word_start
                && joined(&text[c.end..n.word_start], &text[n.word_start..n.start])
        }) {
            return true;
        }
        false
    }

    /// Does the context make an ambiguous name a place? A licensing word before it, a
    /// preposition clitic on it ("بسرت"), a list of places it continues ("طرابلس وسرت"),
    /// or a licensing word after it; and never a word that makes it a common noun phrase.
    fn rejected(&self, text: &str, c: &Cand) -> bool {
        next_word(text, c.end).is_some_and(|w| self.reject_after.contains(w))
    }

    fn licensed(&self, text: &str, c: &Cand, last_place_end: Option<usize>) -> bool {
        if self.rejected(text, c) {
            return false;
        }
        let next = next_word(text, c.end);
        let prefix = &text[c.word_start..c.start];
        let clitic = prefix.strip_prefix(['و', 'ف']).unwrap_or(prefix);
        if clitic.starts_with('ب') || clitic.starts_with('ل') {
            return true;
        }
        if next.is_some_and(|w| self.after.contains(w)) {
            return true;
        }
        // The cue word may carry proclitics itself: "لمؤتمر برلين", "وفي سرت".
        let cue_word = |w: &str| {
            let w1 = w.strip_prefix(['و', 'ف']).unwrap_or(w);
            let w2 = w1.strip_prefix(['ب', 'ل', 'ك']).unwrap_or(w1);
            [w, w1, w2].iter().any(|x| self.before.contains(*x))
        };
        if let Some(p) = prev_word(text, c.word_start) {
            if cue_word(p) {
                return true;
            }
            // A cue word then a nisba adjective: "العاصمة الفرنسية باريس", "المدينة
            // الساحلية سرت".
            let before_p = text[..c.word_start].trim_end_matches(is_ascii_space);
            let p_start = before_p.len() - p.len();
            if p.starts_with("ال")
                && p.ends_with("يه")
                && prev_word(text, p_start).is_some_and(cue_word)
            {
                return true;
            }
        }
        // A list of places: the previous place ends right before "، " or " و".
        if let Some(pe) = last_place_end {
            let between = text.get(pe..c.word_start).unwrap_or_default().trim();
            if (between.is_empty() && prefix.starts_with('و')) || between == "," || between == "و"
            {
                return true;
            }
        }
        false
    }
}

/// A pattern occurrence: its span, and the start of the word it is in (the hit starts
/// there or after a proclitic string).
struct Raw {
    start: usize,
    end: usize,
    pattern: usize,
    word_start: usize,
}

/// `find`'s working buffers, kept between documents.
#[derive(Default)]
struct Scratch {
    raw: Vec<Raw>,
    /// Sort keys, the candidate's index in the low bits.
    keys: Vec<u128>,
    kept: Vec<u32>,
    /// `longest_first`'s marks, one byte per text byte.
    taken: Vec<u8>,
    /// The candidates, those `longest_first` keeps, and whether each is licensed where
    /// it stands: a document's worth each, kept so that no document allocates them.
    cands: Vec<Cand>,
    kept_cands: Vec<Cand>,
    ok_here: Vec<bool>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A candidate hit. Candidates are kept in the order the scan found them, which
/// breaks ties between equal spans as the order of an overlapping scan would (by end,
/// then by where the pattern starts, then as found).
#[derive(Clone, Copy)]
struct Cand {
    start: usize,
    end: usize,
    /// Where the pattern starts (after the proclitics; before `start` for an article).
    at: usize,
    /// The length with every whitespace run one space: the length the longest-first
    /// rule compares, so a name broken over lines is as long as on one line.
    squeezed_len: usize,
    word_start: usize,
    target: Target,
    /// The entry's `latin` and `cue`.
    latin: Option<LatinCase>,
    cue: bool,
}

/// Among overlapping hits of the same kind (place or actor) keep the longest; places
/// inside an actor's name survive, so the caller can tell "برلمان طبرق" from طبرق.
/// Each candidate checks only its own bytes, so the cost is linear in the hits' length.
fn longest_first(
    cands: &[Cand],
    keys: &mut Vec<u128>,
    kept: &mut Vec<u32>,
    taken: &mut Vec<u8>,
    out: &mut Vec<Cand>,
) {
    const PLACE: u8 = 1;
    const ACTOR: u8 = 2;
    // Longest first, then leftmost, then in scan order: a total order (the index is
    // part of it), so an unstable sort gives what a stable sort of the candidates would.
    // Offsets and counts fit in 32 bits here (see `find`), so one number is the key.
    let key = |fields: [usize; 3], i: usize| {
        fields
            .iter()
            .fold(0u128, |k, &f| k << 32 | (f as u128 & 0xffff_ffff))
            << 32
            | i as u128
    };
    keys.clear();
    keys.extend(
        cands
            .iter()
            .enumerate()
            .map(|(i, c)| key([u32::MAX as usize - c.squeezed_len, c.start, c.at], i)),
    );
    keys.sort_unstable();
    let len = cands.iter().map(|c| c.end).max().unwrap_or(0);
    taken.clear();
    taken.resize(len, 0);
    // The kinds that hold some byte of a span: all its marks at once (no early exit, so
    // many bytes are read per step).
    let marks_in = |span: &[u8]| span.iter().fold(0u8, |m, &t| m | t);
    kept.clear();
    let mut k = 0;
    while k < keys.len() {
        // Candidates with the same span are decided together: two entries spelled the
        // same way (a place and an actor) both stand.
        let first = &cands[keys[k] as u32 as usize];
        let (s, e) = (first.start, first.end);
        let group_start = kept.len();
        let mut mark = 0u8;
        while let Some(&ki) = keys.get(k) {
            let i = ki as u32;
            let c = &cands[i as usize];
            if (c.start, c.end) != (s, e) {
                break;
            }
            k += 1;
            let held = marks_in(&taken[s..e]);
            let taken = match c.target {
                Target::Place(_) => held & PLACE != 0,
                Target::Actor(_) => held & ACTOR != 0,
                Target::Stop => held & (PLACE | ACTOR) == PLACE | ACTOR,
            };
            // The same target twice on one span is one hit.
            let dup = kept[group_start..]
                .iter()
                .any(|&j| cands[j as usize].target == c.target);
            if !taken && !dup {
                mark |= match c.target {
                    Target::Place(_) => PLACE,
                    Target::Actor(_) => ACTOR,
                    Target::Stop => PLACE | ACTOR,
                };
                kept.push(i);
            }
        }
        if mark != 0 {
            taken[s..e].iter_mut().for_each(|t| *t |= mark);
        }
    }
    // Back in text order: by start, end, pattern start, then scan order. Candidates come
    // in scan order, word by word, and every start in one word's group lies before the
    // next group's word: only a word's own few candidates need sorting.
    kept.sort_unstable();
    out.clear();
    let mut g = 0;
    while let Some(&first) = kept.get(g) {
        let ws = cands[first as usize].word_start;
        let from = out.len();
        while let Some(&i) = kept.get(g)
            && cands[i as usize].word_start == ws
        {
            out.push(cands[i as usize]);
            g += 1;
        }
        // (Stable: equal keys stay in scan order.)
        out[from..].sort_by_key(|c| (c.start, c.end, c.at));
    }
}

/// The patterns that share a first word: those with eight known bytes after it sorted
/// by those bytes, the others apart.
#[derive(Debug, Clone, Default)]
struct ProbeList {
    full: Vec<Probe>,
    partial: Vec<Probe>,
}

impl ProbeList {
    fn new(probes: Vec<Probe>) -> ProbeList {
        let (mut full, partial): (Vec<Probe>, Vec<Probe>) =
            probes.into_iter().partition(|pr| pr.mask == u64::MAX);
        full.sort_by_key(|pr| pr.head);
        ProbeList { full, partial }
    }
}

/// The patterns' first words, in an open-addressed table by `word_digest`, behind a
/// bitset of the digests: most words of a text are no name's first word, and one bit
/// test (in a table small enough for the first-level cache) rules them out.
#[derive(Debug, Clone)]
struct FirstWords {
    /// Every key (a proclitic string and a first word) end to end, in one block.
    keys: Vec<u8>,
    /// Per key: its range of `keys` and its range of `splits`.
    words: Vec<[u32; 4]>,
    /// For each key, the length of the proclitic string and the index of the first
    /// word's patterns in `Gazetteer::lists`.
    splits: Vec<(usize, usize)>,
    /// Index + 1 into `words` by the digest's high bits (linear probing); 0 is an empty
    /// slot. At most half full: kept small (with the keys in one block), the table
    /// stays in cache across documents, where a sparse one and a string per key did not.
    slots: Vec<u32>,
    /// A bit per digest of a first word.
    bits: Vec<u64>,
    /// Digest width: `bits` holds `1 << width` bits.
    width: u32,
    /// `slots.len() == 1 << (width - shift)`.
    shift: u32,
}

impl FirstWords {
    fn new(list: Vec<(String, Vec<(usize, usize)>)>) -> FirstWords {
        // A bitset of at least 2^16 bits (8 KB), at most a sixteenth full: at an eighth,
        // one word in eight that is no first word still went on to the table.
        let width = (list.len().max(1) * 16)
            .next_power_of_two()
            .trailing_zeros()
            .max(16);
        let slot_bits = (list.len().max(1) * 2)
            .next_power_of_two()
            .trailing_zeros()
            .min(width);
        let shift = width - slot_bits;
        let mut slots = vec![0u32; 1 << slot_bits];
        let mut bits = vec![0u64; (1usize << width) / 64];
        let (mut keys, mut words, mut splits) = (Vec::new(), Vec::new(), Vec::new());
        for (k, (w, sp)) in list.iter().enumerate() {
            let d = word_digest(w.as_bytes(), width);
            bits[d / 64] |= 1 << (d % 64);
            let mut slot = d >> shift;
            while slots[slot] != 0 {
                slot = (slot + 1) & (slots.len() - 1);
            }
            slots[slot] = u32::try_from(k + 1).unwrap_or(u32::MAX);
            let (k0, s0) = (keys.len() as u32, splits.len() as u32);
            keys.extend_from_slice(w.as_bytes());
            splits.extend_from_slice(sp);
            words.push([k0, keys.len() as u32, s0, splits.len() as u32]);
        }
        FirstWords {
            keys,
            words,
            splits,
            slots,
            bits,
            width,
            shift,
        }
    }

    /// How `w` splits into a proclitic string and a first word, and that word's patterns.
    #[inline(always)]
    fn get(&self, w: &[u8]) -> Option<&[(usize, usize)]> {
        let d = word_digest(w, self.width);
        if self.bits.get(d / 64)? & (1 << (d % 64)) == 0 {
            return None;
        }
        // An empty first slot (most words that pass the bits) is told here, without
        // the call.
        let slot = d >> self.shift;
        if self.slots.get(slot).is_none_or(|&k| k == 0) {
            return None;
        }
        self.get_slot(w, slot)
    }

    #[inline(never)]
    fn get_slot(&self, w: &[u8], mut slot: usize) -> Option<&[(usize, usize)]> {
        loop {
            let k = *self.slots.get(slot)? as usize;
            let &[k0, k1, s0, s1] = self.words.get(k.checked_sub(1)?)?;
            if self.keys.get(k0 as usize..k1 as usize) == Some(w) {
                return self.splits.get(s0 as usize..s1 as usize);
            }
            slot = (slot + 1) & (self.slots.len() - 1);
        }
    }
}

/// A `width`-bit digest of a word's length and its first, middle and last four bytes
/// (for Arabic: two letters each; the first two are often proclitics, so not enough).
#[inline(always)]
fn word_digest(w: &[u8], width: u32) -> usize {
    let n = w.len();
    let (head, mid, tail) = match (w.first_chunk::<4>(), w.last_chunk::<4>()) {
        (Some(h), Some(t)) => {
            let m = w
                .get(n / 2 - 2..)
                .and_then(|r| r.first_chunk::<4>())
                .unwrap_or(h);
            (
                u32::from_le_bytes(*h),
                u32::from_le_bytes(*m),
                u32::from_le_bytes(*t),
            )
        }
        _ => {
            let v = w
                .iter()
                .enumerate()
                .fold(0u32, |v, (k, &c)| v | u32::from(c) << (8 * k));
            (v, v, v)
        }
    };
    let x = (u64::from(head) | u64::from(tail) << 32)
        ^ (u64::from(mid) | (n as u64) << 32).wrapping_mul(0xff51_afd7_ed55_8ccd);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - width)) as usize
}

/// Whether an Arabic letter ء–ي (U+0621–U+064A, most of an article) starts at byte `i`.
/// At a char boundary a lead byte is followed by a continuation byte, so the two bytes
/// as one number fall in 0xD8A1..=0xD98A exactly then.
#[inline(always)]
fn is_arabic_letter(b: &[u8], i: usize) -> bool {
    match b.get(i..).and_then(|r| r.first_chunk::<2>()) {
        Some(&pair) => u16::from_be_bytes(pair).wrapping_sub(0xD8A1) <= 0xD98A - 0xD8A1,
        None => false,
    }
}

/// Whether the eight bytes `v` (little-endian, read from a char boundary) are four
/// Arabic letters ء–ي: every lead byte 0xD8 or 0xD9, and its continuation byte in
/// 0xA1–0xBF after 0xD8 or 0x80–0x8A after 0xD9. Moved up by 0x40 after 0xD9, both
/// ranges lie in 0xA1–0xCA; each value sits alone in a 16-bit lane, so the range test
/// is two additions without carries between lanes.
#[inline(always)]
fn four_arabic_letters(v: u64) -> bool {
    const LANE_HIGH: u64 = 0x8000_8000_8000_8000;
    if v & 0x00FE_00FE_00FE_00FE != 0x00D8_00D8_00D8_00D8 {
        return false;
    }
    let c = ((v >> 8) & 0x00FF_00FF_00FF_00FF) + ((v & 0x0001_0001_0001_0001) << 6);
    let at_least_a1 = (c + 0x7F5F_7F5F_7F5F_7F5F) & LANE_HIGH;
    let above_ca = (c + 0x7F35_7F35_7F35_7F35) & LANE_HIGH;
    at_least_a1 == LANE_HIGH && above_ca == 0
}

/// Whether the text may hold a character that `is_word_char` and the tokenizer class
/// apart (a letter that is no word character, or a word character that is no letter or
/// digit): after normalisation every such character has a byte 0xDB or one in
/// 0x90–0xA0 (U+0610–U+0620), which few texts hold (the test
/// `characters_the_tokens_class_apart_are_caught` checks every character).
fn may_class_apart(b: &[u8]) -> bool {
    let flag = |c: u8| c.wrapping_sub(0x90) <= 0x10 || c == 0xDB;
    // Whole chunks without an early exit, so the test runs on many bytes at once.
    let mut chunks = b.chunks_exact(32);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |a, &c| a | flag(c)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&c| flag(c))
}

/// Whether the character is ASCII whitespace, the runs the matcher reads as one space.
fn is_ascii_space(c: char) -> bool {
    c.is_ascii_whitespace()
}

/// Whether the character at byte `i` of `text` (a char boundary) is a word character,
/// and its length; ASCII and two-byte characters without decoding through `chars`.
#[inline]
fn char_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes();
    let c0 = b[i];
    if c0 < 0x80 {
        return (c0.is_ascii_alphanumeric(), 1);
    }
    if (0xC0..0xE0).contains(&c0)
        && let Some(&c1) = b.get(i + 1)
    {
        let cp = (u32::from(c0 & 0x1F) << 6) | u32::from(c1 & 0x3F);
        return (char::from_u32(cp).is_some_and(is_word_char), 2);
    }
    match text.get(i..).and_then(|r| r.chars().next()) {
        Some(c) => (is_word_char(c), c.len_utf8()),
        None => (false, 1),
    }
}

/// `head8` of the text from `at` as read with every ASCII whitespace run one space.
#[inline(always)]
fn squeezed_head8(b: &[u8], at: usize) -> u64 {
    // Usually the next eight bytes hold no whitespace but single spaces, and read as
    // they are. Each byte is tested at once, without carries between bytes: below 0x21
    // (whitespace among them), and equal to a space.
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if let Some(chunk) = b.get(at..).and_then(|r| r.first_chunk::<8>()) {
        let v = u64::from_le_bytes(*chunk);
        let below = !(((v & LOW7) + 0x5f5f_5f5f_5f5f_5f5f) | v) & HIGH;
        if below == 0 {
            return v;
        }
        let t = v ^ 0x2020_2020_2020_2020;
        let space = !(((t & LOW7) + LOW7) | t) & HIGH;
        if below == space && space & (space >> 8) == 0 {
            return v;
        }
    }
    squeezed_head8_slow(b, at)
}

#[inline(never)]
fn squeezed_head8_slow(b: &[u8], mut at: usize) -> u64 {
    let mut v = 0u64;
    let mut k = 0;
    while k < 8 && at < b.len() {
        let c = b[at];
        at += 1;
        if c.is_ascii_whitespace() {
            v |= u64::from(b' ') << (8 * k);
            while at < b.len() && b[at].is_ascii_whitespace() {
                at += 1;
            }
        } else {
            v |= u64::from(c) << (8 * k);
        }
        k += 1;
    }
    v
}

/// Where `pat` ends when it matches the text from `at`, a space in it matching a run
/// of ASCII whitespace (and whitespace in the text nothing but a space).
fn match_squeezed(pat: &[u8], b: &[u8], mut at: usize) -> Option<usize> {
    for &pc in pat {
        let c = *b.get(at)?;
        at += 1;
        if c.is_ascii_whitespace() {
            if pc != b' ' {
                return None;
            }
            while at < b.len() && b[at].is_ascii_whitespace() {
                at += 1;
            }
        } else if c != pc {
            return None;
        }
    }
    Some(at)
}

/// The leading letters and digits of a pattern (all of it for a one-word name).
fn first_word(p: &str) -> &str {
    let end = p.find(|c: char| !is_word_char(c)).unwrap_or(p.len());
    &p[..end]
}

/// The word after `at`, past any whitespace (which the matcher reads as one space).
/// Arabic letters and ASCII are read as bytes, like `raw_hits_bytes` reads them: this
/// runs at every ambiguous name.
fn next_word(s: &str, at: usize) -> Option<&str> {
    let b = s.as_bytes();
    let mut start = at;
    while b.get(start).is_some_and(u8::is_ascii_whitespace) {
        start += 1;
    }
    let mut end = start;
    loop {
        if is_arabic_letter(b, end) {
            end += 2;
            continue;
        }
        let Some(&c) = b.get(end) else {
            break;
        };
        let (word, len) = if c < 0x80 {
            (c.is_ascii_alphanumeric(), 1)
        } else {
            char_at(s, end)
        };
        if !word {
            break;
        }
        end += len;
    }
    s.get(start..end).filter(|w| !w.is_empty())
}

/// The word before `at`, past any whitespace; read backwards as `next_word` reads. This
/// runs at every place name (is it a title's?).
fn prev_word(s: &str, at: usize) -> Option<&str> {
    let b = s.as_bytes();
    let mut end = at;
    while end > 0 && b[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 {
        let c = b[start - 1];
        if c < 0x80 {
            if !c.is_ascii_alphanumeric() {
                break;
            }
            start -= 1;
        } else if start >= 2 && is_arabic_letter(b, start - 2) {
            // (0xD8 and 0xD9 only lead a character: the pair is one.)
            start -= 2;
        } else {
            match s.get(..start).and_then(|r| r.chars().next_back()) {
                Some(ch) if is_word_char(ch) => start -= ch.len_utf8(),
                _ => break,
            }
        }
    }
    s.get(start..end).filter(|w| !w.is_empty())
}

/// `next_word` as the text's characters read it (the reference, in tests).
#[cfg(test)]
fn next_word_by_chars(s: &str, at: usize) -> Option<&str> {
    let rest = s[at..].trim_start_matches(is_ascii_space);
    let end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// `prev_word` as the text's characters read it (the reference, in tests).
#[cfg(test)]
fn prev_word_by_chars(s: &str, at: usize) -> Option<&str> {
    let before = s[..at].trim_end_matches(is_ascii_space);
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word_char(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let w = &before[start..];
    (!w.is_empty()).then_some(w)
}

/// (The reference for the matcher's reading of whitespace, in tests.) `text` with every run of ASCII whitespace turned into one space (other spaces are
/// already a plain space after normalisation), and the way back to `text` offsets.
/// ASCII bytes never occur inside a UTF-8 sequence, so the runs split `text` at char
/// boundaries and the pieces between them are copied as they are, without decoding.
#[cfg(test)]
fn squeeze_with_map(text: &str) -> (String, BackMap) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut marks: Vec<(usize, usize)> = Vec::new();
    let mut seg = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        out.push_str(text.get(seg..i).unwrap_or_default());
        out.push(' ');
        let run = i;
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i - run > 1 {
            // The run's space maps to the run's start (the offset it already has), the
            // text after it to where the run ends.
            marks.push((out.len(), i));
        }
        seg = i;
    }
    out.push_str(text.get(seg..).unwrap_or_default());
    (out, BackMap { marks })
}

/// Squeezed offsets back to `text` offsets: the points where a collapsed run shifted
/// them, and a plain shift in between (a per-byte table cost more than the scan).
#[cfg(test)]
struct BackMap {
    /// (squeezed offset, text offset) from which on the shift holds, in order.
    marks: Vec<(usize, usize)>,
}

#[cfg(test)]
impl BackMap {
    fn at(&self, i: usize) -> usize {
        let k = self.marks.partition_point(|&(s, _)| s <= i);
        match k.checked_sub(1).map(|k| self.marks[k]) {
            Some((s, o)) => o + (i - s),
            None => i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed-seed xorshift: the same random texts on every run.
    struct XorShift(u64);

    impl XorShift {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        /// `n` random words, each followed by a random gap.
        fn text(&mut self, words: &[&str], gaps: &[&str], n: usize) -> String {
            let mut text = String::new();
            for _ in 0..n {
                text.push_str(words[self.below(words.len())]);
                text.push_str(gaps[self.below(gaps.len())]);
            }
            text
        }
    }

    #[test]
    fn whitespace_runs_squeeze_to_one_space_and_map_back() {
        let t = "مجلس \r\n  النواب\tقرر";
        let (sq, map) = squeeze_with_map(t);
        assert_eq!(sq, "مجلس النواب قرر");
        let at = sq.find("النواب").unwrap_or_default();
        assert_eq!(&t[map.at(at)..map.at(at + "النواب".len())], "النواب");
        assert_eq!(map.at(sq.len()), t.len());
        // Every squeezed offset maps where a per-byte table would: runs map to their
        // first byte, everything else to itself.
        let t = "  أ \n\nب\tج  \r\n";
        let (sq, map) = squeeze_with_map(t);
        let mut want = Vec::new();
        let b = t.as_bytes();
        let mut i = 0;
        while i < b.len() {
            want.push(i);
            if b[i].is_ascii_whitespace() {
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
            } else {
                i += 1;
            }
        }
        want.push(b.len());
        let got: Vec<usize> = (0..=sq.len()).map(|k| map.at(k)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn names_across_whitespace_runs_match_as_in_the_squeezed_text() {
        let pack = Pack::builtin().expect("the builtin pack loads");
        let gaz = pack.gazetteer();
        let words = [
            "مجلس",
            "النواب",
            "في",
            "مدينة",
            "سرت",
            "قوات",
            "الوفاق",
            "طرابلس",
            "و",
            "الخمس",
            "سنوات",
            "حفتر",
            ",",
            "القوة",
            "القاهرة",
            "وال",
            "إعلان",
            "تنظيم",
            "القاعدة",
        ];
        let gaps = [" ", "  ", "\n", "\r\n", "\t", " \n ", ""];
        let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
        let mut across = 0;
        for _ in 0..300 {
            let text = rng.text(&words, &gaps, 30);
            let norm = Normalized::new(&text);
            let got = gaz.find(&norm.text, &text, &norm);
            let (sq, back) = squeeze_with_map(&norm.text);
            let sq_norm = Normalized::new(&sq);
            assert_eq!(sq_norm.text, sq);
            let want: Vec<Hit> = gaz
                .find(&sq, &sq, &sq_norm)
                .into_iter()
                .map(|h| Hit {
                    start: back.at(h.start),
                    end: back.at(h.end),
                    ..h
                })
                .collect();
            assert_eq!(got, want, "{text:?}");
            across += got
                .iter()
                .filter(|h| norm.text[h.start..h.end].contains(['\n', '\t']))
                .count();
        }
        assert!(across > 0, "no name was broken over a line");
    }

    #[test]
    fn four_letters_at_once_agree_with_one_at_a_time() {
        // Every two-byte character around the Arabic block, in each of the four places
        // among three letters.
        for cp in 0x580..0x700u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for place in 0..4 {
                let s: String = (0..4).map(|k| if k == place { c } else { 'ب' }).collect();
                let b = s.as_bytes();
                let Some(chunk) = b.first_chunk::<8>() else {
                    continue;
                };
                let one_by_one = (0..4).all(|k| is_arabic_letter(b, 2 * k));
                assert_eq!(
                    four_arabic_letters(u64::from_le_bytes(*chunk)),
                    one_by_one,
                    "{c:?} at {place}"
                );
            }
        }
        assert!(four_arabic_letters(u64::from_le_bytes(
            *"ءيءي".as_bytes().first_chunk::<8>().unwrap_or(&[0; 8])
        )));
    }

    #[test]
    fn characters_the_tokens_class_apart_are_caught() {
        // Every character as normalisation leaves it: where `is_word_char` and the
        // tokenizer disagree, either its bytes make `may_class_apart` true, or it is a
        // mark token (neither letter, digit nor space) that `raw_hits_tokens` tests.
        let mut apart = 0;
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            for d in normalize(&c.to_string()).chars() {
                let token_word = crate::normalize::is_letter(d) || d.is_ascii_digit();
                if is_word_char(d) == token_word {
                    continue;
                }
                apart += 1;
                let mark = !token_word && !d.is_whitespace() && !d.is_ascii();
                assert!(
                    mark || may_class_apart(d.to_string().as_bytes()),
                    "U+{:04X}",
                    d as u32
                );
            }
        }
        assert!(apart > 0);
        // Arabic letters, digits, spaces and ASCII marks never stop the token path.
        assert!(!may_class_apart(
            "قوات حكومة الوفاق، 2019 - (طرابلس)".as_bytes()
        ));
    }

    #[test]
    fn the_token_path_finds_what_the_byte_scan_finds() {
        let pack = Pack::builtin().expect("the builtin pack loads");
        let gaz = pack.gazetteer();
        let words = [
            "مجلس",
            "النواب",
            "في",
            "مدينة",
            "سرت",
            "قوات",
            "الوفاق",
            "طرابلس",
            "و",
            "الخمس",
            "حفتر",
            ",",
            "2019",
            "م",
            "Tripoli",
            "LNA",
            "-",
            "بنغازي",
            "لليبيا",
            "(",
            ")",
        ];
        let gaps = [" ", "  ", "\n", "", "\u{00A0}", "\u{2026}"];
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        let mut hits = 0;
        for _ in 0..300 {
            let text = rng.text(&words, &gaps, 30);
            let norm = Normalized::new(&text);
            let mut by_tokens = Vec::new();
            assert!(gaz.raw_hits_tokens(&norm.text, norm.tokens(), &mut by_tokens));
            let mut by_bytes = Vec::new();
            gaz.raw_hits_bytes(&norm.text, &mut by_bytes);
            let key = |r: &Raw| (r.start, r.end, r.pattern, r.word_start);
            assert_eq!(
                by_tokens.iter().map(key).collect::<Vec<_>>(),
                by_bytes.iter().map(key).collect::<Vec<_>>(),
                "{text:?}"
            );
            hits += by_bytes.len();
        }
        assert!(hits > 0);
    }

    #[test]
    fn words_read_as_bytes_are_the_words_read_as_characters() {
        let pieces = [
            "مجلس",
            "النواب",
            " ",
            "  ",
            "\n",
            "\t",
            ",",
            "2019",
            "م",
            "Tripoli",
            "é",
            "ß",
            "\u{2026}",
            "\u{0620}",
            "\u{06D5}",
            "ۓ",
            "\u{06FD}",
            "²",
            "中",
            "😀",
            "-",
            "ء",
            "ي",
        ];
        let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..500 {
            let text: String = (0..12).map(|_| pieces[rng.below(pieces.len())]).collect();
            for (at, _) in text
                .char_indices()
                .chain(std::iter::once((text.len(), ' ')))
            {
                assert_eq!(
                    next_word(&text, at),
                    next_word_by_chars(&text, at),
                    "{text:?} {at}"
                );
                assert_eq!(
                    prev_word(&text, at),
                    prev_word_by_chars(&text, at),
                    "{text:?} {at}"
                );
            }
        }
    }

    #[test]
    fn proclitic_strings_follow_arabic_morphology() {
        for p in ["", "و", "ف", "ب", "ل", "ك", "وب", "فل", "ول"] {
            assert!(valid_prefix(p, false), "{p}");
        }
        for p in ["ال", "وال", "فال", "بال", "كال", "لل", "ولل", "وبال"] {
            assert!(valid_prefix(p, true), "{p}");
        }
        for p in ["م", "ت", "ال", "بب", "لو"] {
            assert!(!valid_prefix(p, false), "{p}");
        }
        // The fast test used while scanning agrees with the two string tests.
        let letters = ['و', 'ف', 'ب', 'ل', 'ك', 'ا'];
        let mut all: Vec<String> = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = all
                .iter()
                .flat_map(|p| letters.iter().map(move |c| format!("{p}{c}")))
                .collect();
            all.extend(longer);
        }
        for p in &all {
            let chars: Vec<char> = p.chars().collect();
            assert_eq!(
                is_proclitic_string(&chars),
                valid_prefix(p, false) || valid_prefix(p, true),
                "{p}"
            );
        }
        assert!(!valid_prefix("", true));
        assert!(!valid_prefix("ل", true));
    }
}
