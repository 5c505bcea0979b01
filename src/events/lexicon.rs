//! The events lexicon (`events.toml` of a region pack): triggers, modality cues, casualty
//! and number words, compiled into one aho-corasick automaton once per pack.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::normalize::{TokKind, Token, head8 as eight, normalize};

/// What a lexicon entry signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cat {
    /// A trigger of the event type with this index into [`Lexicon::types`].
    Trigger(u8),
    Joint,
    /// A relative pronoun (الذي، التي): a clause starts here when a trigger follows.
    Relative,
    /// A temporal subordinator (منذ، بعد، خلال): a clause starts here when a trigger
    /// follows, so a background event keeps its own date and place.
    Subordinator,
    /// A subordinator of a simultaneous event (خلال، أثناء): a clause starts here when a
    /// trigger follows, but it tells the same scene.
    Simultaneous,
    /// A complementizer (أن، إن): after a statement verb, what follows is its content.
    Complementizer,
    /// A word before a destination place (إلى، نحو).
    Destination,
    /// A word after which a trigger names an aim (نحو، بهدف، من أجل).
    PurposeBefore,
    /// A denial verb (نفى): the content it reports did not happen, by its speaker.
    Denial,
    /// A demonstrative (هذا، تلك): the trigger after it recalls a known event.
    Anaphoric,
    /// A whole word that is never a trigger although a trigger entry plus a proclitic
    /// spells it ("وزارة" ministry, not و + زارة "visited her").
    Stop,
    /// A phrase after which the side named holds the place ("في يد"، "بقبضة").
    HolderBefore,
    /// A word after which the side named is the target of an attack ("هجوم على مواقع X").
    TargetBefore,
    /// A word before "the city" that puts something inside it (وسط المدينة، داخل المدينة),
    /// where other passing words put it near.
    Inside,
    /// A word next to an attack that makes it a bombing or a raid on a building
    /// (انتحاري، مفخخة، ناسفة): no claim on who holds the town.
    NoControl,
    /// A word after an attack or a fight that makes it one of words ("هاجم … تصريحات").
    VerbalObject,
    /// A word of losing before a taking ("فقدت قوات X السيطرة على"): the side lost it.
    LossBefore,
    /// "The city" (المدينة): the city last named before it.
    CityAnaphor,
    /// A capital-city word (العاصمة): the event's place is the pack's capital.
    Capital,
    Passing,
    /// A word that names where a report comes from ("بحسب مصادر طبية في مصراتة"): a
    /// place in that phrase is where the source sits, not where the event happened.
    Attribution,
    /// A word that names where a force comes from ("رتل قادم من مصراتة"): the place right
    /// after it is the force's origin, not where the event happened.
    Origin,
    Negated,
    /// A verb of being able (تمكن، استطاع، نجح): negated, it negates the deed it governs
    /// however far on in its clause ("لم تتمكن القوات حتى الآن من استعادة …").
    Ability,
    /// A verb of failing (فشل، أخفق، عجز): the deed it governs did not happen.
    Inability,
    /// A word of warning (حذّر، تحذير): what it warns of, said after a complementizer,
    /// has not happened ("حذّر من أن تقدّم القوات نحو سرت خط أحمر").
    Warning,
    NotNegated,
    Planned,
    Hypothetical,
    BeforeImperfect,
    Claim,
    Reporting,
    Killed,
    Injured,
    Displaced,
}

#[derive(Debug, Clone)]
struct Pat {
    cat: Cat,
    /// `*` entries: any ending of the word.
    prefix: bool,
    /// The entry without its article, matched only after لل (للسيطرة = ل + السيطرة).
    after_lil: bool,
}

/// One lexicon hit in the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexHit {
    /// Start of the whole word, proclitics included.
    pub word_start: usize,
    /// Start of the entry itself (after proclitics).
    pub start: usize,
    /// End of the entry, or of the word for `*` entries.
    pub end: usize,
    pub cat: Cat,
    /// The word carries the future prefix س (سيعقد، ستشن).
    pub future: bool,
    /// The word carries the conjunction و or ف (a clause may start here).
    pub conj: bool,
    /// The word carries the purpose proclitic ل (لتحرير، للسيطرة): an aim, not a deed.
    pub purpose: bool,
}

#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Event types, strongest first.
    pub types: Vec<String>,
    index: Index,
    pats: Vec<Pat>,
    /// The proclitics as a letter trie: walked along the start of nearly every word, and
    /// a step is a look at a few letters (sorted codes searched per letter were a tenth
    /// of the events stage).
    proclitics: CliticTrie,
    /// The same proclitics as byte codes by first letter, when they allow it (see
    /// [`CliticCodes`]): a word's possible proclitics are found with a few compares of
    /// its first eight bytes, not a walk of the trie letter by letter.
    clitic_codes: Option<CliticCodes>,
    max_clitic: usize,
    /// The entries whose first word is a whole word, by that word with each proclitic
    /// string before it.
    whole_words: WholeWords,
    /// Tells from a word's first bytes whether a prefix entry can start it after any of
    /// its proclitic strings: most words of a text can not.
    start_filter: StartFilter,
    pub window: usize,
    pub reported_types: Vec<u8>,
    pub numbers: FxHashMap<String, u64>,
    pub multipliers: FxHashMap<String, u64>,
    pub fillers: FxHashSet<String>,
    /// Words that open a one-word phrase of the scene ("في المعارك"، "جراء القصف"),
    /// skipped between a casualty verb and its number.
    pub scene_preps: FxHashSet<String>,
    /// The place id a capital word stands for.
    pub capital: Option<String>,
    /// Trigger type index → the type its purpose form stands for.
    pub purpose: HashMap<u8, u8>,
    /// Types whose purpose form (ل + masdar) is an intention: planned.
    pub purpose_planned: Vec<u8>,
    /// Trigger type index → the type it stands for after a word of losing.
    pub loss: HashMap<u8, u8>,
    /// Trigger type index → the type it stands for before a verbal object.
    pub verbal: HashMap<u8, u8>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon {
            types: Vec::new(),
            index: Index::default(),
            pats: Vec::new(),
            proclitics: CliticTrie::default(),
            clitic_codes: None,
            max_clitic: 0,
            whole_words: WholeWords::default(),
            start_filter: StartFilter::default(),
            window: 5,
            reported_types: Vec::new(),
            numbers: FxHashMap::default(),
            multipliers: FxHashMap::default(),
            fillers: FxHashSet::default(),
            scene_preps: FxHashSet::default(),
            capital: None,
            purpose: HashMap::new(),
            purpose_planned: Vec::new(),
            loss: HashMap::new(),
            verbal: HashMap::new(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    proclitics: Vec<String>,
    #[serde(default)]
    joints: Vec<String>,
    #[serde(default)]
    passing_before: Vec<String>,
    #[serde(default)]
    attribution: Vec<String>,
    #[serde(default)]
    origin_before: Vec<String>,
    #[serde(default)]
    relatives: Vec<String>,
    #[serde(default)]
    subordinators: Vec<String>,
    #[serde(default)]
    simultaneous: Vec<String>,
    #[serde(default)]
    complementizers: Vec<String>,
    #[serde(default)]
    capital: Option<CapitalFile>,
    #[serde(default)]
    purpose_before: Vec<String>,
    #[serde(default)]
    not_triggers: Vec<String>,
    #[serde(default)]
    anaphoric_before: Vec<String>,
    #[serde(default)]
    city_anaphor: Vec<String>,
    #[serde(default)]
    holder_before: Vec<String>,
    #[serde(default)]
    target_before: Vec<String>,
    #[serde(default)]
    destination_before: Vec<String>,
    #[serde(default)]
    loss_before: Vec<String>,
    #[serde(default)]
    inside_before: Vec<String>,
    #[serde(default)]
    no_control_near: Vec<String>,
    #[serde(default)]
    verbal_after: Vec<String>,
    /// A trigger type → the type it stands for before a `verbal_after` word.
    #[serde(default)]
    verbal: HashMap<String, String>,
    /// A trigger type → the type it stands for after a `loss_before` word.
    #[serde(default)]
    loss: HashMap<String, String>,
    /// Trigger types whose hit, when it carries the purpose proclitic ل ("لتحريرها"),
    /// names the aim of another action, not a thing done: mapped to the type given.
    #[serde(default)]
    purpose: HashMap<String, String>,
    #[serde(default)]
    purpose_planned: Vec<String>,
    #[serde(default)]
    trigger: Vec<TriggerGroup>,
    #[serde(default)]
    modality: ModalityFile,
    #[serde(default)]
    casualties: CasualtyFile,
    #[serde(default)]
    numbers: NumbersFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CapitalFile {
    place: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerGroup {
    #[serde(rename = "type")]
    kind: String,
    words: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ModalityFile {
    #[serde(default)]
    window: Option<usize>,
    #[serde(default)]
    negated: Vec<String>,
    #[serde(default)]
    not_negated: Vec<String>,
    #[serde(default)]
    ability: Vec<String>,
    #[serde(default)]
    inability: Vec<String>,
    #[serde(default)]
    warning: Vec<String>,
    #[serde(default)]
    denial: Vec<String>,
    #[serde(default)]
    planned: Vec<String>,
    #[serde(default)]
    hypothetical: Vec<String>,
    #[serde(default)]
    before_imperfect: Vec<String>,
    #[serde(default)]
    claim: Vec<String>,
    #[serde(default)]
    reporting: Vec<String>,
    #[serde(default)]
    reported_types: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CasualtyFile {
    #[serde(default)]
    killed: Vec<String>,
    #[serde(default)]
    injured: Vec<String>,
    #[serde(default)]
    displaced: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct NumbersFile {
    #[serde(default)]
    words: HashMap<String, u64>,
    #[serde(default)]
    multipliers: HashMap<String, u64>,
    #[serde(default)]
    fillers: Vec<String>,
    #[serde(default)]
    scene_preps: Vec<String>,
}

/// Proclitic strings as a trie of letters; node 0 is the empty string.
#[derive(Debug, Clone)]
struct CliticTrie {
    /// Per node: its children by letter, and whether a proclitic ends here.
    nodes: Vec<(Vec<(char, u32)>, bool)>,
}

impl Default for CliticTrie {
    fn default() -> Self {
        CliticTrie {
            nodes: vec![(Vec::new(), false)],
        }
    }
}

impl CliticTrie {
    fn insert(&mut self, p: &str) {
        let mut node = 0;
        for ch in p.chars() {
            node = match self.step(node, ch) {
                Some(n) => n,
                None => {
                    let n = self.nodes.len() as u32;
                    self.nodes.push((Vec::new(), false));
                    self.nodes[node as usize].0.push((ch, n));
                    n
                }
            };
        }
        self.nodes[node as usize].1 = true;
    }

    #[inline]
    fn step(&self, node: u32, ch: char) -> Option<u32> {
        let (kids, _) = self.nodes.get(node as usize)?;
        kids.iter().find(|k| k.0 == ch).map(|k| k.1)
    }

    #[inline]
    fn ends(&self, node: u32) -> bool {
        self.nodes.get(node as usize).is_some_and(|n| n.1)
    }

    /// Is `s` one of the proclitics? (The empty string is none.)
    fn contains(&self, s: &str) -> bool {
        let mut node = 0;
        for ch in s.chars() {
            match self.step(node, ch) {
                Some(n) => node = n,
                None => return false,
            }
        }
        node != 0 && self.ends(node)
    }
}

/// Proclitic strings of at most eight bytes, each as its bytes in a number with a mask,
/// filed by their first letter. Arabic letters (U+0600–U+06FF) are two bytes whose
/// low bits make a slot of 256; anything else goes to a last slot.
#[derive(Debug, Clone)]
struct CliticCodes {
    /// Per slot, its range of `codes`.
    slots: Vec<(u16, u16)>,
    /// (bytes, mask, length, what it says), by slot.
    codes: Vec<(u64, u64, usize, Clitic)>,
}

impl CliticCodes {
    const OTHER: usize = 256;

    fn slot(b: &[u8]) -> usize {
        match b {
            [b0 @ 0xD8..=0xDB, b1, ..] => usize::from(b0 & 3) << 6 | usize::from(b1 & 0x3F),
            _ => CliticCodes::OTHER,
        }
    }

    /// `None` when a proclitic is longer than eight bytes (then the trie walks).
    fn new(clitics: &[String]) -> Option<CliticCodes> {
        let mut all: Vec<(usize, u64, u64, usize, &str)> = Vec::new();
        for p in clitics {
            if p.len() > 8 {
                return None;
            }
            if p.is_empty() {
                continue;
            }
            let (code, mask) = eight(p.as_bytes());
            let e = (
                CliticCodes::slot(p.as_bytes()),
                code,
                mask,
                p.len(),
                p.as_str(),
            );
            if !all.contains(&e) {
                all.push(e);
            }
        }
        all.sort_unstable();
        let mut slots = vec![(0u16, 0u16); CliticCodes::OTHER + 1];
        for (k, e) in all.iter().enumerate() {
            let r = &mut slots[e.0];
            if r.0 == r.1 {
                r.0 = k as u16;
            }
            r.1 = k as u16 + 1;
        }
        let codes = all
            .into_iter()
            .map(|(_, c, m, n, p)| (c, m, n, Clitic::of(p)))
            .collect();
        Some(CliticCodes { slots, codes })
    }

    /// The proclitics that `word` (a run of letters, `head` its first eight bytes)
    /// starts with, each shorter than or as long as the word: their lengths, and what
    /// each says.
    #[inline]
    fn of<'a>(&'a self, word: &[u8], head: u64) -> impl Iterator<Item = (usize, Clitic)> + 'a {
        let (a, b) = self
            .slots
            .get(CliticCodes::slot(word))
            .copied()
            .unwrap_or((0, 0));
        let len = word.len();
        self.codes[a as usize..b as usize]
            .iter()
            .filter(move |&&(c, m, n, _)| n <= len && head & m == c)
            .map(|&(_, _, n, cl)| (n, cl))
    }
}

/// The event types of `design/events.md`; a lexicon may not invent others.
pub const KNOWN_TYPES: &[&str] = &[
    "offensive",
    "armed_clash",
    "attack_repelled",
    "territory_taken",
    "withdrawal",
    "siege",
    "air_strike",
    "casualties",
    "meeting",
    "conference",
    "statement",
    "political_decision",
    "control_claim",
    "arms_transfer",
];

/// `char::is_alphabetic`, by the tokenizer's range test first: this runs around every
/// trigger hit, and the Unicode table lookup for Arabic letters was a hot spot.
fn is_letter(c: char) -> bool {
    crate::normalize::is_letter(c)
}

/// The entries filed for lookup at one position of the text.
#[derive(Debug, Clone, Default)]
struct Index {
    /// Every entry's spelling (normalised, `*` dropped), by entry index.
    strings: Vec<String>,
    /// The same spellings end to end, and each one's range: looked up around every
    /// word, so kept in one block (strings of their own were scattered over the heap).
    arena: Vec<u8>,
    spans: Vec<(u32, u32)>,
    /// Entries that must end a word, and multi-word ones, with the length of their
    /// first word (leading letters): at a position, the text's word is exactly that
    /// first word (see [`WholeWords`]).
    whole: Vec<(usize, usize)>,
    /// One-word `*` entries of four bytes or more, by their first four bytes: they are a
    /// prefix of the text's word.
    by_start: CodeTable,
    /// Everything else starting with a letter (very short `*` entries): tried at every
    /// word start and after every proclitic.
    rest: Vec<Probe>,
    /// Entries starting with a mark (not a letter): tried at every other character.
    /// An entry starting with a letter can only be spelled where a letter is, and one
    /// starting with a mark only where a mark is, so the two never need each other's
    /// positions.
    marks: Vec<Probe>,
}

/// Probe lists by a nonzero 64-bit key (a word's bytes as a number), in one flat
/// open-addressed table: looked up at every word start and after every proclitic, where
/// a general hash map's probing was most of the lexicon scan.
#[derive(Debug, Clone)]
struct CodeTable<T = Probe> {
    /// Slot keys (0: empty) with each slot's range of `probes`, side by side: a lookup
    /// reads one slot, not a key and then a range from two arrays.
    slots: Vec<Slot>,
    probes: Vec<T>,
    shift: u32,
    /// A bit per hash of a key (about sixteen bits per key), in front of the slots: most
    /// lookups miss, and a small filter stays in the first-level cache where the slots
    /// do not.
    filter: Vec<u64>,
    filter_shift: u32,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    from: u32,
    to: u32,
}

impl<T> Default for CodeTable<T> {
    fn default() -> Self {
        CodeTable {
            slots: Vec::new(),
            probes: Vec::new(),
            shift: 63,
            filter: vec![0; 64],
            filter_shift: 52,
        }
    }
}

impl<T> CodeTable<T> {
    fn new(lists: FxHashMap<u64, Vec<T>>) -> CodeTable<T> {
        // At most half full, so a miss ends at an empty slot after a step or two.
        let bits = (lists.len() * 2)
            .next_power_of_two()
            .max(2)
            .trailing_zeros();
        let size = 1usize << bits;
        // 4096 bits at least, 2^18 (32 KB) at most.
        let fbits = (lists.len() * 16)
            .next_power_of_two()
            .clamp(1 << 12, 1 << 18)
            .trailing_zeros();
        let mut t = CodeTable {
            slots: vec![Slot::default(); size],
            probes: Vec::new(),
            shift: 64 - bits,
            filter: vec![0; (1usize << fbits) / 64],
            filter_shift: 64 - fbits,
        };
        let mut lists: Vec<(u64, Vec<T>)> = lists.into_iter().collect();
        lists.sort_unstable_by_key(|l| l.0);
        for (key, list) in lists {
            if key == 0 {
                continue;
            }
            let f = t.filter_bit(key);
            t.filter[f >> 6] |= 1 << (f & 63);
            let mut i = t.slot(key);
            while t.slots[i].key != 0 {
                i = (i + 1) & (size - 1);
            }
            let from = t.probes.len() as u32;
            t.probes.extend(list);
            t.slots[i] = Slot {
                key,
                from,
                to: t.probes.len() as u32,
            };
        }
        t
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn filter_bit(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.filter_shift) as usize
    }

    #[inline]
    fn get(&self, key: u64) -> Option<&[T]> {
        let f = self.filter_bit(key);
        let bit = self.filter.get(f >> 6).map_or(0, |w| w & (1 << (f & 63)));
        if bit == 0 {
            return None;
        }
        self.get_unfiltered(key)
    }

    /// [`CodeTable::get`] without the filter (a lookup that a filter of its own let by).
    #[inline]
    fn get_unfiltered(&self, key: u64) -> Option<&[T]> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let s = self.slots[i];
            match s.key {
                0 => return None,
                k if k == key => return self.probes.get(s.from as usize..s.to as usize),
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// A one-hash bit filter over 64-bit keys: no false negatives, few false positives.
#[derive(Debug, Clone)]
struct Bits(Box<[u64; 1024]>);

impl Default for Bits {
    fn default() -> Self {
        Bits(Box::new([0; 1024]))
    }
}

impl Bits {
    #[inline]
    fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }
    fn insert(&mut self, key: u64) {
        let k = Bits::slot(key);
        self.0[k >> 6] |= 1 << (k & 63);
    }
    #[inline]
    fn may_hold(&self, key: u64) -> bool {
        let k = Bits::slot(key);
        self.0[k >> 6] & (1 << (k & 63)) != 0
    }
}

/// A word's first bytes fixed by an entry that is a prefix of it (`by_start`, `rest`)
/// after any proclitic string: a bit filter, looked up once per word, in front of the
/// lookups at its start and after each of its proclitics (most words have none).
#[derive(Debug, Clone)]
struct StartFilter {
    starts: Bits,
    /// Bit `L < 4`: a proclitic string and a prefix entry make `L` bytes.
    short_lens: u32,
    /// By a hash of a word's first four bytes: bit `L` (4 to 8) when a proclitic string
    /// and a prefix entry make `L` bytes or more and start so. One look tells most words
    /// apart, and which lengths to test for the rest.
    firsts: Box<[u8; 4096]>,
}

impl Default for StartFilter {
    fn default() -> Self {
        StartFilter {
            starts: Bits::default(),
            short_lens: 0,
            firsts: Box::new([0; 4096]),
        }
    }
}

impl StartFilter {
    /// The key of `v` (at most eight bytes), tagged with its length.
    #[inline]
    fn key(v: u64, len: usize) -> u64 {
        v ^ ((len as u64) << 59)
    }

    fn new(ix: &Index, clitics: &[String]) -> StartFilter {
        let mut f = StartFilter::default();
        let mut with = vec![String::new()];
        with.extend(clitics.iter().filter(|c| !c.is_empty()).cloned());
        for p in ix.by_start.probes.iter().chain(&ix.rest) {
            for c in &with {
                let cs = format!("{c}{}", ix.strings[p.entry as usize]);
                let b = cs.as_bytes();
                let l = b.len().min(8);
                if l < 4 {
                    f.short_lens |= 1 << l;
                } else {
                    f.firsts[StartFilter::first_slot(eight(&b[..4]).0)] |= 1 << (l - 4);
                }
                f.starts.insert(StartFilter::key(eight(&b[..l]).0, l));
            }
        }
        f
    }

    #[inline]
    fn first_slot(first4: u64) -> usize {
        (first4.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize
    }

    /// Can a prefix entry, after a proclitic string or none, start the word of `n`
    /// bytes whose first eight bytes are `head`?
    #[inline]
    fn may_start(&self, head: u64, n: usize) -> bool {
        let mut lens = self.short_lens & ((1u32 << (n.min(3) + 1)) - 1);
        if n >= 4 {
            let f = self.firsts[StartFilter::first_slot(head & 0xFFFF_FFFF)];
            lens |= (u32::from(f) << 4) & ((1u32 << (n.min(8) + 1)) - 1);
        }
        while lens != 0 {
            let l = lens.trailing_zeros() as usize;
            lens &= lens - 1;
            let v = if l >= 8 {
                head
            } else {
                head & ((1u64 << (8 * l)) - 1)
            };
            if l > 0 && self.starts.may_hold(StartFilter::key(v, l)) {
                return true;
            }
        }
        false
    }
}

/// One way a whole word of the text spells the first word of an entry (one that must
/// end a word, or a multi-word one): after a proclitic string of `cl` bytes, or none.
#[derive(Debug, Clone, Copy)]
struct Combo {
    /// The entry, with its bytes after the first word.
    probe: Probe,
    cl: u32,
    clitic: Clitic,
    /// Where the whole word (proclitics and first word) is spelled in
    /// `WholeWords::arena`, and its length: a long word's key is a digest, so a match
    /// is compared.
    at: u32,
    len: u32,
}

/// Every proclitic string (or none) before every entry's first word, by the whole word
/// they spell: one lookup per word of the text finds the entries under all of its
/// proclitic strings (a lookup after each proclitic was most of the scan).
#[derive(Debug, Clone, Default)]
struct WholeWords {
    /// Words of up to eight bytes (في، من، وفي …), keyed by their bytes as one number:
    /// equal keys are equal words.
    short: CodeTable<Combo>,
    /// Longer words, by a digest of all their bytes (see `long_key`); a digest may be
    /// shared, so a match is checked in full.
    long: CodeTable<Combo>,
    /// A bit filter on a long word's last eight bytes, in front of its digest (the same
    /// first word after proclitic strings of one length shares them).
    long_bits: Bits,
    /// The whole words spelled end to end (see `Combo::at`).
    arena: Vec<u8>,
}

impl WholeWords {
    fn new(ix: &Index, clitics: &[String]) -> WholeWords {
        let mut w = WholeWords::default();
        let mut with: Vec<&str> = vec![""];
        for c in clitics {
            if !c.is_empty() && !with.contains(&c.as_str()) {
                with.push(c);
            }
        }
        let mut short: FxHashMap<u64, Vec<Combo>> = FxHashMap::default();
        let mut long: FxHashMap<u64, Vec<Combo>> = FxHashMap::default();
        for &(e, word) in &ix.whole {
            let b = ix.strings[e].as_bytes();
            let probe = Probe::new(e, &b[word..]);
            for c in &with {
                let spelled = [c.as_bytes(), &b[..word]].concat();
                let combo = Combo {
                    probe,
                    cl: c.len() as u32,
                    clitic: if c.is_empty() {
                        Clitic::NONE
                    } else {
                        Clitic::of(c)
                    },
                    at: w.arena.len() as u32,
                    len: spelled.len() as u32,
                };
                w.arena.extend_from_slice(&spelled);
                if spelled.len() <= 8 {
                    short.entry(eight(&spelled).0).or_default().push(combo);
                } else {
                    w.long_bits.insert(last8(&spelled, spelled.len()));
                    long.entry(long_key(&spelled)).or_default().push(combo);
                }
            }
        }
        w.short = CodeTable::new(short);
        w.long = CodeTable::new(long);
        w
    }

    /// The ways the word `ws..we` of `text` may spell an entry's first word: `None` when
    /// there are none (most words). A long word's are checked with [`WholeWords::spells`].
    #[inline]
    fn of(&self, text: &[u8], ws: usize, we: usize) -> Option<&[Combo]> {
        let n = we - ws;
        if n <= 8 {
            let code = match text[ws..].first_chunk::<8>() {
                Some(c) if n == 8 => u64::from_le_bytes(*c),
                Some(c) => u64::from_le_bytes(*c) & ((1u64 << (8 * n)) - 1),
                None => eight(&text[ws..we]).0,
            };
            self.short.get(code)
        } else if self.long_bits.may_hold(last8(text, we)) {
            self.long.get(long_key_in(&text[ws..], n))
        } else {
            None
        }
    }

    /// Does the long word `w` spell `c`'s whole word? (Its key is a digest.)
    #[inline]
    fn spells(&self, c: &Combo, w: &[u8]) -> bool {
        let at = c.at as usize;
        c.len as usize == w.len() && self.arena.get(at..at + w.len()) == Some(w)
    }
}

/// The key of a word longer than eight bytes in `WholeWords::long`: a digest of its
/// length and all its bytes, never 0 (an empty slot).
fn long_key(w: &[u8]) -> u64 {
    long_key_in(w, w.len())
}

/// [`long_key`] of `hay[..len]`: the bytes after it, when there are, let the last short
/// piece be read as one number and masked (a copy byte by byte was a stall at every
/// long word).
#[inline]
fn long_key_in(hay: &[u8], len: usize) -> u64 {
    let w = &hay[..len];
    let mut h = len as u64;
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        h = (h.rotate_left(5) ^ v).wrapping_mul(0x517C_C1B7_2722_0A95);
    }
    let r = len % 8;
    if r > 0 {
        let last = match hay.get(len - r..).and_then(|t| t.first_chunk::<8>()) {
            Some(c) => u64::from_le_bytes(*c) & ((1u64 << (8 * r)) - 1),
            None => eight(chunks.remainder()).0,
        };
        h = (h.rotate_left(5) ^ last).wrapping_mul(0x517C_C1B7_2722_0A95);
    }
    h | 1
}

/// The eight bytes of `b` before `end` as a number (`end >= 8`, else the bytes before).
#[inline]
fn last8(b: &[u8], end: usize) -> u64 {
    match end.checked_sub(8).and_then(|s| b.get(s..end)) {
        Some(c) => u64::from_le_bytes(c.try_into().unwrap_or([0; 8])),
        None => eight(&b[..end.min(b.len())]).0,
    }
}

/// `Lexicon::find_in`'s working lists: raw hits, checked hits with their sort keys, and
/// which of them are kept.
#[derive(Default)]
struct FindScratch {
    raw: Vec<Raw>,
    keyed: Vec<(LexHit, Key)>,
    /// One word's hits.
    group: Vec<(LexHit, Key)>,
    keep: Vec<bool>,
}

thread_local! {
    static FIND_SCRATCH: std::cell::RefCell<FindScratch> =
        std::cell::RefCell::new(FindScratch::default());
}

/// An entry spelled in the text, before the checks of `Lexicon::find_in`.
#[derive(Debug, Clone, Copy)]
struct Raw {
    start: usize,
    end: usize,
    entry: usize,
}

/// An entry in a list, with up to eight of its bytes (from where the list's key ends) to
/// rule it out in one compare before a full one: many entries share a start ("ال…").
#[derive(Debug, Clone, Copy)]
struct Probe {
    head: u64,
    mask: u64,
    entry: u32,
    /// The entry has no bytes past those eight: a head that matches is a whole match.
    whole: bool,
}

impl Probe {
    fn new(entry: usize, from: &[u8]) -> Probe {
        let (head, mask) = eight(from);
        Probe {
            head,
            mask,
            entry: entry as u32,
            whole: from.len() <= 8,
        }
    }
}

/// `head8(b).0`, reading eight bytes at once where there are eight (nearly always: it
/// runs at every lookup, and the general form copies byte by byte).
#[inline]
fn head(b: &[u8]) -> u64 {
    match b.first_chunk::<8>() {
        Some(c) => u64::from_le_bytes(*c),
        None => eight(b).0,
    }
}

fn first4(b: &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(..4)?.try_into().ok()?))
}

impl Index {
    fn new(strings: Vec<String>, pats: &[Pat]) -> Index {
        let mut ix = Index::default();
        let mut by_start: FxHashMap<u64, Vec<Probe>> = FxHashMap::default();
        for (i, (s, p)) in strings.iter().zip(pats).enumerate() {
            let word = s.find(|c: char| !is_letter(c)).unwrap_or(s.len());
            let one_word_prefix = p.prefix && word == s.len();
            let b = s.as_bytes();
            if word > 0 && !one_word_prefix {
                ix.whole.push((i, word));
            } else if let Some(k) = first4(b).filter(|_| word > 0) {
                by_start
                    .entry(u64::from(k))
                    .or_default()
                    .push(Probe::new(i, b));
            } else if word > 0 {
                ix.rest.push(Probe::new(i, b));
            } else {
                ix.marks.push(Probe::new(i, b));
            }
        }
        ix.by_start = CodeTable::new(by_start);
        for st in &strings {
            let from = ix.arena.len() as u32;
            ix.arena.extend_from_slice(st.as_bytes());
            ix.spans.push((from, ix.arena.len() as u32));
        }
        ix.strings = strings;
        ix
    }

    /// Push `(start, end, entry)` for every entry of `list` spelled at `at`; `off`: where
    /// the list's probes start, from `at`.
    #[inline]
    fn try_list(&self, text: &str, at: usize, list: &[Probe], off: usize, out: &mut Vec<Raw>) {
        let hay = &text.as_bytes()[at..];
        let next = head(&hay[off..]);
        for p in list {
            if next & p.mask != p.head {
                continue;
            }
            let s = self.spelling(p.entry);
            // Otherwise the bytes before `off` are the list's key, already the text's.
            if p.whole || hay.starts_with(s) {
                out.push(Raw {
                    start: at,
                    end: at + s.len(),
                    entry: p.entry as usize,
                });
            }
        }
    }

    /// An entry's spelling, from the arena.
    #[inline]
    fn spelling(&self, entry: u32) -> &[u8] {
        let (a, b) = self.spans.get(entry as usize).copied().unwrap_or((0, 0));
        self.arena.get(a as usize..b as usize).unwrap_or(&[])
    }

    /// Push `(start, end, entry)` for every prefix entry spelled at `at` (`by_start`,
    /// `rest`); `at` holds a letter and `word_end` ends the run of letters from it.
    #[inline]
    fn lookup_start(&self, text: &str, at: usize, word_end: usize, out: &mut Vec<Raw>) {
        let word = &text.as_bytes()[at..word_end];
        if let Some(k) = first4(word)
            && let Some(list) = self.by_start.get(u64::from(k))
        {
            self.try_list(text, at, list, 0, out);
        }
        if !self.rest.is_empty() {
            self.try_list(text, at, &self.rest, 0, out);
        }
    }
}

impl Lexicon {
    /// Parse `events.toml`; every entry is normalised like the text it is matched in.
    pub fn parse(text: &str) -> Result<Lexicon, String> {
        let f: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut pats = Vec::new();
        let mut strings: Vec<String> = Vec::new();
        let mut add = |list: &[String], cat: Cat| -> Result<(), String> {
            for w in list {
                let (body, prefix) = match w.trim().strip_suffix('*') {
                    Some(b) => (b, true),
                    None => (w.trim(), false),
                };
                if body.contains('*') {
                    return Err(format!("{w:?}: `*` only at the end of an entry"));
                }
                let n = normalize(body);
                let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
                if n.is_empty() {
                    return Err(format!("empty entry {w:?}"));
                }
                // ل before the article drops its alif: للسيطرة، وللعاصمة.
                if let Some(bare) = n.strip_prefix("ال").filter(|b| b.chars().count() > 1) {
                    strings.push(bare.to_string());
                    pats.push(Pat {
                        cat,
                        prefix,
                        after_lil: true,
                    });
                }
                strings.push(n);
                pats.push(Pat {
                    cat,
                    prefix,
                    after_lil: false,
                });
            }
            Ok(())
        };
        let mut types = Vec::new();
        for g in &f.trigger {
            if !KNOWN_TYPES.contains(&g.kind.as_str()) {
                return Err(format!("unknown event type {:?}", g.kind));
            }
            if types.contains(&g.kind) {
                return Err(format!("event type {:?} listed twice", g.kind));
            }
            if g.words.is_empty() {
                return Err(format!("event type {:?} has no words", g.kind));
            }
            types.push(g.kind.clone());
            add(&g.words, Cat::Trigger((types.len() - 1) as u8))?;
        }
        add(&f.joints, Cat::Joint)?;
        add(&f.passing_before, Cat::Passing)?;
        add(&f.attribution, Cat::Attribution)?;
        add(&f.origin_before, Cat::Origin)?;
        add(&f.relatives, Cat::Relative)?;
        add(&f.subordinators, Cat::Subordinator)?;
        add(&f.simultaneous, Cat::Simultaneous)?;
        add(&f.complementizers, Cat::Complementizer)?;
        add(&f.purpose_before, Cat::PurposeBefore)?;
        add(&f.not_triggers, Cat::Stop)?;
        add(&f.anaphoric_before, Cat::Anaphoric)?;
        add(&f.city_anaphor, Cat::CityAnaphor)?;
        add(&f.holder_before, Cat::HolderBefore)?;
        add(&f.target_before, Cat::TargetBefore)?;
        add(&f.destination_before, Cat::Destination)?;
        add(&f.loss_before, Cat::LossBefore)?;
        add(&f.inside_before, Cat::Inside)?;
        add(&f.no_control_near, Cat::NoControl)?;
        add(&f.verbal_after, Cat::VerbalObject)?;
        add(&f.modality.denial, Cat::Denial)?;
        if let Some(c) = &f.capital {
            add(&c.words, Cat::Capital)?;
        }
        let type_map = |what: &str, m: &HashMap<String, String>| {
            let idx = |t: &str| {
                types
                    .iter()
                    .position(|x| x == t)
                    .map(|i| i as u8)
                    .ok_or_else(|| format!("{what}: {t:?} has no trigger group"))
            };
            m.iter()
                .map(|(from, to)| Ok((idx(from)?, idx(to)?)))
                .collect::<Result<HashMap<u8, u8>, String>>()
        };
        let purpose = type_map("purpose", &f.purpose)?;
        let loss = type_map("loss", &f.loss)?;
        let verbal = type_map("verbal", &f.verbal)?;
        let m = &f.modality;
        add(&m.negated, Cat::Negated)?;
        add(&m.not_negated, Cat::NotNegated)?;
        add(&m.ability, Cat::Ability)?;
        add(&m.inability, Cat::Inability)?;
        add(&m.warning, Cat::Warning)?;
        add(&m.planned, Cat::Planned)?;
        add(&m.hypothetical, Cat::Hypothetical)?;
        add(&m.before_imperfect, Cat::BeforeImperfect)?;
        add(&m.claim, Cat::Claim)?;
        add(&m.reporting, Cat::Reporting)?;
        let c = &f.casualties;
        add(&c.killed, Cat::Killed)?;
        add(&c.injured, Cat::Injured)?;
        add(&c.displaced, Cat::Displaced)?;
        let mut purpose_planned = Vec::new();
        for t in &f.purpose_planned {
            let i = types
                .iter()
                .position(|x| x == t)
                .ok_or_else(|| format!("purpose_planned: {t:?} has no trigger group"))?;
            purpose_planned.push(i as u8);
        }
        let mut reported_types = Vec::new();
        for t in &m.reported_types {
            let i = types
                .iter()
                .position(|x| x == t)
                .ok_or_else(|| format!("reported_types: {t:?} has no trigger group"))?;
            reported_types.push(i as u8);
        }
        // A hit starts a word or follows a proclitic string, so entries are looked up
        // at those positions only (see `find`).
        let index = Index::new(strings, &pats);
        let clitics: Vec<String> = f.proclitics.iter().map(|p| normalize(p)).collect();
        let mut proclitics = CliticTrie::default();
        for p in &clitics {
            proclitics.insert(p);
        }
        let clitic_codes = CliticCodes::new(&clitics);
        let max_clitic = clitics.iter().map(|p| p.len()).max().unwrap_or(0);
        let whole_words = WholeWords::new(&index, &clitics);
        let start_filter = StartFilter::new(&index, &clitics);
        let nk = |m: &HashMap<String, u64>| -> FxHashMap<String, u64> {
            m.iter().map(|(k, v)| (normalize(k), *v)).collect()
        };
        Ok(Lexicon {
            types,
            index,
            pats,
            proclitics,
            clitic_codes,
            max_clitic,
            whole_words,
            start_filter,
            window: m.window.unwrap_or(5),
            reported_types,
            numbers: nk(&f.numbers.words),
            multipliers: nk(&f.numbers.multipliers),
            fillers: f.numbers.fillers.iter().map(|w| normalize(w)).collect(),
            scene_preps: f.numbers.scene_preps.iter().map(|w| normalize(w)).collect(),
            capital: f.capital.map(|c| c.place),
            purpose,
            purpose_planned,
            loss,
            verbal,
        })
    }

    pub fn type_index(&self, name: &str) -> Option<u8> {
        self.types.iter().position(|t| t == name).map(|i| i as u8)
    }

    /// Every entry found at word level in normalised `text`, in text order. A hit must
    /// begin a word or follow one of the pack's proclitics, and a non-`*` entry must end
    /// its word. Where one hit lies inside a longer one of the same kind (trigger inside
    /// trigger), only the longer counts: "حظر الطيران" is a ban, not an air strike.
    pub fn find(&self, text: &str) -> Vec<LexHit> {
        self.find_in(text, &crate::normalize::tokenize(text))
    }

    /// [`Lexicon::find`] with the text's tokens already made (`Normalized::tokens`): only
    /// its words are visited, without decoding the characters in between.
    pub fn find_in(&self, text: &str, tokens: &[Token]) -> Vec<LexHit> {
        if self.index.strings.is_empty() {
            return Vec::new();
        }
        let ix = &self.index;
        // Every entry spelled at a word start or right after a proclitic string there
        // (and entries starting with a mark at every other character): the only places
        // the checks below can keep a hit.
        // Working lists kept between documents (a fresh list of every raw hit, sized by
        // the text, was an allocation of several pages per document).
        let mut scratch = FIND_SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
        let FindScratch {
            raw,
            keyed,
            group,
            keep,
        } = &mut scratch;
        raw.clear();
        keyed.clear();
        // Hits are ordered by word start, then longest first, then by the place of their
        // entry in a scan of all entries (`sort_key`). A word's hits all start at the
        // word, and words come in text order: sorting each word's few hits orders them
        // all. Hits of mark entries start anywhere: then they all go through one sort.
        let marks = !ix.marks.is_empty();
        let mut out: Vec<LexHit> = Vec::with_capacity(tokens.len() / 4);
        if marks {
            let mut i = 0;
            while i < text.len() {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                if !is_letter(c) {
                    ix.try_list(text, i, &ix.marks, 0, raw);
                }
                i += c.len_utf8();
            }
            for r in raw.drain(..) {
                if let Some(h) = self.check_mark(text, r) {
                    keyed.push(h);
                }
            }
        }
        // A word token is a maximal run of letters (`is_letter`), as the lookups need.
        let bytes = text.as_bytes();
        let (ww, sf) = (&self.whole_words, &self.start_filter);
        for t in tokens.iter().filter(|t| t.kind == TokKind::Word) {
            let (i, run_end) = (t.start, t.end);
            // Entries whose first word is the whole word after a proclitic string or
            // none: one lookup of the word finds them all.
            let combos = ww.of(bytes, i, run_end);
            // Prefix entries: only where the word's first bytes may spell one after a
            // proclitic string (most words can not).
            let start = sf.may_start(head(&bytes[i..]), run_end - i);
            if combos.is_none() && !start {
                continue;
            }
            group.clear();
            if let Some(combos) = combos {
                // The bytes after the word, where a multi-word entry goes on.
                let next = head(&bytes[run_end..]);
                let word = &bytes[i..run_end];
                let long = word.len() > 8;
                for c in combos {
                    let p = &c.probe;
                    if next & p.mask != p.head || long && !ww.spells(c, word) {
                        continue;
                    }
                    let at = i + c.cl as usize;
                    let s = ix.spelling(p.entry);
                    if p.whole || bytes[at..].starts_with(s) {
                        raw.push(Raw {
                            start: at,
                            end: at + s.len(),
                            entry: p.entry as usize,
                        });
                        self.check_word(text, i, run_end, c.clitic, raw, group);
                    }
                }
            }
            if start {
                ix.lookup_start(text, i, run_end, raw);
                self.check_word(text, i, run_end, Clitic::NONE, raw, group);
                // Along the word's proclitic string: a lookup after every whole
                // proclitic; the walk ends where no proclitic starts so.
                if let Some(cc) = &self.clitic_codes {
                    // The same lookups, found from the word's first bytes.
                    let word = &bytes[i..run_end];
                    for (n, cl) in cc.of(word, head(&bytes[i..])) {
                        ix.lookup_start(text, i + n, run_end, raw);
                        self.check_word(text, i, run_end, cl, raw, group);
                    }
                } else {
                    let mut at = i;
                    let mut node = 0;
                    for ch in text[i..run_end].chars() {
                        let Some(next) = self.proclitics.step(node, ch) else {
                            break;
                        };
                        node = next;
                        at += ch.len_utf8();
                        if self.proclitics.ends(node) {
                            ix.lookup_start(text, at, run_end, raw);
                            let cl = Clitic::of(&text[i..at]);
                            self.check_word(text, i, run_end, cl, raw, group);
                        }
                    }
                }
            }
            if marks {
                keyed.append(group);
            } else {
                if group.len() > 1 {
                    group.sort_unstable_by_key(sort_key);
                }
                out.extend(group.iter().map(|(h, _)| *h));
            }
        }
        if marks {
            // (The tie-breaks are distinct: an entry is looked up once per position.)
            keyed.sort_unstable_by_key(sort_key);
            out.extend(keyed.iter().map(|(h, _)| *h));
        }
        // Drop a trigger inside a longer trigger (and same-kind duplicates), and the
        // triggers inside a stop word. One pass: a trigger a stop word drops before its
        // turn would only have dropped triggers inside itself, which lie inside the stop
        // word too.
        keep.clear();
        keep.resize(out.len(), true);
        for i in 0..out.len() {
            let a = out[i];
            if a.cat == Cat::Stop {
                // Hits are sorted by word start, so those inside are the ones from the
                // stop word's start up to its end.
                let from = out.partition_point(|h| h.word_start < a.word_start);
                for (j, h) in out.iter().enumerate().skip(from) {
                    if h.word_start >= a.end {
                        break;
                    }
                    if matches!(h.cat, Cat::Trigger(_)) && h.end <= a.end {
                        keep[j] = false;
                    }
                }
            }
            if !keep[i] {
                continue;
            }
            let mut j = i + 1;
            while j < out.len() && out[j].word_start < a.end {
                let b = out[j];
                let both_trig =
                    matches!(a.cat, Cat::Trigger(_)) && matches!(b.cat, Cat::Trigger(_));
                if (both_trig || a.cat == b.cat) && b.end <= a.end {
                    keep[j] = false;
                }
                j += 1;
            }
        }
        if keep.contains(&false) {
            let mut k = 0;
            out.retain(|_| {
                k += 1;
                keep[k - 1]
            });
        }
        FIND_SCRATCH.with(|s| *s.borrow_mut() = scratch);
        out
    }

    /// The hits of `raw` (entries spelled in the word `ws..we` after the proclitic string
    /// `cl`) that end where they must, pushed to `out` with their tie-breaks; `raw` is
    /// emptied. Looked up in a word, an entry starts at the word or after a proclitic
    /// string found there, and its end within the word is known without decoding.
    #[inline]
    fn check_word(
        &self,
        text: &str,
        ws: usize,
        we: usize,
        cl: Clitic,
        raw: &mut Vec<Raw>,
        out: &mut Vec<(LexHit, Key)>,
    ) {
        // (Most lookups find nothing: no drain set up for them.)
        if raw.is_empty() {
            return;
        }
        for r in raw.drain(..) {
            let Some(pat) = self.pats.get(r.entry) else {
                continue;
            };
            let mut e = r.end;
            if e <= we {
                if pat.prefix {
                    e = we;
                } else if e < we {
                    continue;
                }
            } else if let Some(end) = word_end_after(text, e, pat.prefix) {
                e = end;
            } else {
                continue;
            }
            if pat.after_lil && !cl.lil {
                continue;
            }
            // أن takes only و، ف، ب: "الآن" (now) is no "أن".
            if pat.cat == Cat::Complementizer && !cl.complementizer {
                continue;
            }
            out.push(cl.hit(ws, e, pat.cat, r));
        }
    }

    /// A hit of a mark entry (one not looked up in a word) that the checks keep: its word
    /// start is found by walking back over letters.
    fn check_mark(&self, text: &str, r: Raw) -> Option<(LexHit, Key)> {
        let s = r.start;
        let pat = self.pats.get(r.entry)?;
        let e = word_end_after(text, r.end, pat.prefix)?;
        // The start: the word's start, at most a proclitic before the entry.
        let mut ws = s;
        while ws > 0 && s - ws <= self.max_clitic {
            let c = text[..ws].chars().next_back()?;
            if !is_letter(c) {
                break;
            }
            ws -= c.len_utf8();
        }
        if ws > 0 && text[..ws].chars().next_back().is_some_and(is_letter) {
            return None;
        }
        let clitic = &text[ws..s];
        if !clitic.is_empty() && !self.proclitics.contains(clitic) {
            return None;
        }
        let cl = Clitic::of(clitic);
        if pat.after_lil && !cl.lil {
            return None;
        }
        if pat.cat == Cat::Complementizer && !cl.complementizer {
            return None;
        }
        Some(cl.hit(ws, e, pat.cat, r))
    }
}

/// The end of a hit whose entry ends at `e`, outside the word it was looked up in (or in
/// none): a word boundary, or for a `*` entry the end of the word. `None`: not a hit.
fn word_end_after(text: &str, mut e: usize, prefix: bool) -> Option<usize> {
    if prefix {
        while let Some(c) = text[e..].chars().next() {
            if !is_letter(c) {
                break;
            }
            e += c.len_utf8();
        }
        Some(e)
    } else if text[e..].chars().next().is_some_and(is_letter) {
        None
    } else {
        Some(e)
    }
}

/// A hit's tie-breaks: its raw end, start and entry (distinct: an entry is looked up once
/// per position).
type Key = (usize, usize, usize);

/// Same-spelled entries (one with `*`, one without) in entry order, as a scan of all
/// entries at once reports them: what sorting the entries by it and then stably by word
/// start did, longest first.
#[inline]
fn sort_key(h: &(LexHit, Key)) -> (usize, std::cmp::Reverse<usize>, Key) {
    (h.0.word_start, std::cmp::Reverse(h.0.end), h.1)
}

/// What a word's proclitic string says about the entry after it, worked out once per
/// proclitic (not per hit).
#[derive(Debug, Clone, Copy, Default)]
struct Clitic {
    /// The future prefix س.
    future: bool,
    /// The purpose ل (not the article's ل).
    purpose: bool,
    /// It starts with و or ف.
    conj: bool,
    /// It ends with لل (the article's alif dropped).
    lil: bool,
    /// A complementizer may follow (none, و، ف، ب، وب).
    complementizer: bool,
}

impl Clitic {
    const NONE: Clitic = Clitic {
        future: false,
        purpose: false,
        conj: false,
        lil: false,
        complementizer: true,
    };

    fn of(clitic: &str) -> Clitic {
        Clitic {
            future: clitic.contains('س'),
            purpose: clitic.contains('ل') && !clitic.contains("ال"),
            conj: clitic.starts_with('و') || clitic.starts_with('ف'),
            lil: clitic.ends_with("لل"),
            complementizer: matches!(clitic, "" | "و" | "ف" | "ب" | "وب"),
        }
    }

    #[inline]
    fn hit(self, ws: usize, e: usize, cat: Cat, r: Raw) -> (LexHit, Key) {
        (
            LexHit {
                word_start: ws,
                start: r.start,
                end: e,
                cat,
                future: self.future,
                purpose: self.purpose,
                conj: self.conj,
            },
            (r.end, r.start, r.entry),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(proclitics: &str) -> Lexicon {
        let toml = format!(
            "proclitics = [{proclitics}]\n[[trigger]]\ntype = \"offensive\"\nwords = [\"هجوم\", \"اقتحام المدينة\"]\n\
             [[trigger]]\ntype = \"armed_clash\"\nwords = [\"اشتباكات\"]\n"
        );
        Lexicon::parse(&toml).unwrap_or_default()
    }

    fn found(lex: &Lexicon, text: &str) -> Vec<(usize, usize, usize)> {
        lex.find(&normalize(text))
            .iter()
            .map(|h| (h.word_start, h.start, h.end))
            .collect()
    }

    #[test]
    fn a_long_proclitic_finds_the_same_hits_as_short_ones() {
        // A proclitic over eight bytes cannot be read as one number: the letter-by-letter
        // walk takes over, and must find what the byte codes find.
        let text = "وبالهجوم ثم الاشتباكات وهجوم واقتحام المدينة";
        let short = lexicon("\"و\", \"ال\", \"وبال\"");
        let long = lexicon("\"و\", \"ال\", \"وبال\", \"وبالالال\"");
        assert!(long.clitic_codes.is_none() && short.clitic_codes.is_some());
        let a = found(&short, text);
        assert_eq!(a.len(), 4, "{a:?}");
        assert_eq!(a, found(&long, text));
    }

    #[test]
    fn a_long_first_word_matches_only_itself() {
        // "اشتباكات" is over eight bytes: found by its digest, and a longer word that
        // starts like it is not it.
        let lex = lexicon("\"و\"");
        assert_eq!(found(&lex, "اشتباكات").len(), 1);
        assert!(found(&lex, "اشتباكاتها").is_empty());
        assert!(found(&lex, "اشتباك").is_empty());
    }
}
