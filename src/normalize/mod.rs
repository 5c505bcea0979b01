//! Arabic normalisation for matching: one canonical spelling per word, and a map from
//! every normalised byte back to the original byte, so evidence is shown as written.

/// A normalised view of a text. Every normalised character maps back to the start of the
/// original character it came from, and the end to the original length, so spans map
/// back with [`Normalized::orig_span`].
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// Where the distance between original and normalised offsets changes: `(at, delta)`,
    /// sorted by `at`; a character starting at normalised `n` came from original
    /// `n + delta` of the last entry at or before `n` (no entry: the same offset). Only the
    /// few characters that change length (digits, commas, dropped marks) add an entry;
    /// a map entry per byte was most of the writing of normalisation.
    shifts: Vec<(u32, u32)>,
    /// `tokenize(&text)`, made while normalising: every character's class is known as it
    /// is written, and a second pass over the text was a tenth of the date stage.
    tokens: Vec<Token>,
}

/// What one character becomes: dropped (diacritics, tatweel, bidi marks) or replaced.
fn fold(c: char) -> Option<char> {
    Some(match c {
        // Harakat, Quranic marks, superscript alef, tatweel: invisible to matching.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => {
            return None;
        }
        // Bidi controls, zero-width joiners, BOM, soft hyphen.
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            return None;
        }
        '\u{FEFF}' | '\u{00AD}' | '\u{061C}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ة' => 'ه',
        'ى' | 'ی' | 'ې' => 'ي',
        'ئ' => 'ي',
        'ؤ' => 'و',
        'ک' => 'ك',
        '٠'..='٩' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        '٫' => '.',
        '٬' => ',',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '«' | '»' | '“' | '”' | '„' | '″' => '"',
        '‘' | '’' | '′' => '\'',
        c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        c => c,
    })
}

/// `fold` of every character of the Arabic block U+0600–U+06FF (`None` when dropped),
/// looked up instead of matched: that block is most of every article.
fn arabic_folds() -> &'static [Option<char>; 256] {
    static T: std::sync::OnceLock<[Option<char>; 256]> = std::sync::OnceLock::new();
    T.get_or_init(|| std::array::from_fn(|k| char::from_u32(0x600 + k as u32).and_then(fold)))
}

/// Call `emit(offset, folded)` for every character of `original` that `fold` keeps, in
/// order, on bytes: ASCII and the Arabic block without decoding or matching.
#[inline(always)]
pub(crate) fn fold_each(original: &str, mut emit: impl FnMut(usize, char)) {
    let src = original.as_bytes();
    let arabic = arabic_folds();
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        // ASCII folds to itself, lower-cased (see `fold`).
        if b < 0x80 {
            emit(i, char::from(b.to_ascii_lowercase()));
            i += 1;
            continue;
        }
        // 0xD8–0xDB lead the two-byte encodings of U+0600–U+06FF.
        let (folded, len) = match (b, src.get(i + 1)) {
            (0xD8..=0xDB, Some(&c)) => {
                let k = (usize::from(b & 0x03) << 6) | usize::from(c & 0x3F);
                (arabic[k], 2)
            }
            _ => match original.get(i..).and_then(|s| s.chars().next()) {
                Some(ch) => (fold(ch), ch.len_utf8()),
                None => (None, 1),
            },
        };
        if let Some(f) = folded {
            emit(i, f);
        }
        i += len;
    }
}

/// Whether each character of U+0600–U+067F (lead bytes 0xD8, 0xD9) is a letter of
/// ء–ي (a word character to the tokenizer) that folds to itself: a bit per second byte
/// (its low six bits), one mask per lead byte.
fn arabic_kept() -> &'static [u64; 2] {
    static T: std::sync::OnceLock<[u64; 2]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let folds = arabic_folds();
        let kept = |k: usize| {
            (0x20..=0x4A).contains(&k) && folds[k].is_some_and(|f| f as usize == 0x600 + k)
        };
        std::array::from_fn(|lead| {
            (0..64)
                .filter(|&j| kept(lead * 64 + j))
                .fold(0, |m, j| m | 1 << j)
        })
    })
}

/// What each character of U+0600–U+067F (lead bytes 0xD8, 0xD9; indexed as in
/// [`arabic_kept`], by the lead's low bit and the second byte's low six bits) folds to
/// when that is another letter of ء–ي of the same two bytes (أ إ آ → ا، ة → ه، ى ئ → ي،
/// ؤ → و): written in place inside a run of letters, without leaving it.
fn arabic_same_length() -> &'static [Option<char>; 128] {
    static T: std::sync::OnceLock<[Option<char>; 128]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let folds = arabic_folds();
        std::array::from_fn(|k| {
            folds[k].filter(|&f| {
                f as usize != 0x600 + k
                    && f.len_utf8() == 2
                    && ('\u{0620}'..='\u{064A}').contains(&f)
            })
        })
    })
}

/// [`tokenize`]'s state machine, fed one normalised character (or run of letters) at
/// a time by [`Normalized::new`].
struct Tokens {
    out: Vec<Token>,
    /// The open word or number: its start and kind.
    cur: Option<(usize, Class)>,
}

impl Tokens {
    #[inline]
    fn push(&mut self, at: usize, len: usize, class: Class) {
        if let Some((s, k)) = self.cur {
            if k == class {
                return;
            }
            self.out.push(Token {
                start: s,
                end: at,
                kind: if k == Class::Word {
                    TokKind::Word
                } else {
                    TokKind::Number
                },
            });
            self.cur = None;
        }
        match class {
            Class::Word | Class::Number => self.cur = Some((at, class)),
            Class::Punct => self.out.push(Token {
                start: at,
                end: at + len,
                kind: TokKind::Punct,
            }),
            Class::Space => {}
        }
    }

    fn finish(mut self, end: usize) -> Vec<Token> {
        self.push(end, 0, Class::Space);
        self.out
    }
}

/// The tokenizer's class of a character, with its fast paths.
#[inline]
fn class_fast(c: char) -> Class {
    if c.is_ascii() {
        ascii_classes()[c as usize]
    } else if ('\u{0620}'..='\u{064A}').contains(&c) {
        Class::Word
    } else {
        class_of(c)
    }
}

/// The length of the run of two-byte Arabic characters at the start of `b` that fold to
/// themselves (most letters of a word).
#[inline]
fn kept_arabic_run(b: &[u8], kept: &[u64; 2]) -> usize {
    let mut n = 0;
    // Four characters at a time while they last: their lead bytes tested at once (each
    // 0xD8 or 0xD9), then each second byte's bit.
    while let Some(Ok(chunk)) = b.get(n..n + 8).map(<[u8; 8]>::try_from) {
        let v = u64::from_le_bytes(chunk);
        if v & 0x00FE_00FE_00FE_00FE != 0x00D8_00D8_00D8_00D8 {
            break;
        }
        let four = (0..4).all(|k| {
            let (x, y) = (chunk[2 * k], chunk[2 * k + 1]);
            (kept[usize::from(x & 1)] >> (y & 0x3F)) & 1 != 0
        });
        if !four {
            break;
        }
        n += 8;
    }
    while n + 1 < b.len() {
        let (x, y) = (b[n], b[n + 1]);
        // 0xD8 or 0xD9 (the only bytes with those seven high bits), then its mask's bit.
        if x & 0xFE != 0xD8 || (kept[usize::from(x & 1)] >> (y & 0x3F)) & 1 == 0 {
            break;
        }
        n += 2;
    }
    n
}

/// The offset map while it is built: the current delta and its changes.
struct Shifts {
    out: Vec<(u32, u32)>,
    delta: u32,
}

impl Shifts {
    /// An original character of `from` bytes became `to` normalised bytes, ending at
    /// normalised `at`: the characters after it are `from - to` bytes further back.
    #[inline]
    fn changed(&mut self, at: usize, from: usize, to: usize) {
        self.delta += (from - to) as u32;
        match self.out.last_mut() {
            Some(last) if last.0 as usize == at => last.1 = self.delta,
            _ => self.out.push((at as u32, self.delta)),
        }
    }
}

/// The buffers of a normalised text: its text, offset map and tokens.
type Buffers = (String, Vec<(u32, u32)>, Vec<Token>);

thread_local! {
    /// Buffers of texts dropped on this thread, for the next ones: a document's text and
    /// tokens are made and dropped once per document, and allocating them anew (tokens
    /// take five times the text) was a good part of normalising.
    static SPARE: std::cell::RefCell<Vec<Buffers>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How many sets of buffers a thread keeps, and the largest text whose buffers are kept
/// (a huge one would otherwise stay allocated for the rest of the run).
const SPARE_SETS: usize = 4;
const SPARE_MAX_BYTES: usize = 1 << 20;

impl Drop for Normalized {
    fn drop(&mut self) {
        if self.text.capacity() > SPARE_MAX_BYTES {
            return;
        }
        let bufs = (
            std::mem::take(&mut self.text),
            std::mem::take(&mut self.shifts),
            std::mem::take(&mut self.tokens),
        );
        // A thread being torn down has no pool left: the buffers are then just freed.
        let _ = SPARE.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut()
                && s.len() < SPARE_SETS
            {
                s.push(bufs);
            }
        });
    }
}

impl Normalized {
    pub fn new(original: &str) -> Self {
        let src = original.as_bytes();
        let kept = arabic_kept();
        let same = arabic_same_length();
        let arabic = arabic_folds();
        let ascii = ascii_classes();
        let (mut text, mut shift_buf, mut tok_buf) = SPARE
            .try_with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.pop()))
            .ok()
            .flatten()
            .unwrap_or_default();
        text.clear();
        shift_buf.clear();
        tok_buf.clear();
        text.reserve(original.len());
        // Arabic commas, digits and marks change lengths every few dozen bytes: room for
        // one per 32 bytes made once rather than grown by doubling.
        shift_buf.reserve(original.len() / 32);
        tok_buf.reserve(original.len() / 5);
        let mut shifts = Shifts {
            out: shift_buf,
            delta: 0,
        };
        let mut toks = Tokens {
            out: tok_buf,
            cur: None,
        };
        let mut i = 0;
        while i < src.len() {
            // A stretch of letters that stay as they are and ASCII (most of an article)
            // is copied at once; its words and spaces go to the tokenizer as they
            // are met, at the offsets they will have. A letter that folds to another of
            // the same length (أ، ة، ى) is written folded and the stretch goes on after it.
            let i0 = i;
            let mut j = i;
            loop {
                let n = kept_arabic_run(&src[j..], kept);
                if n > 0 {
                    toks.push(text.len() + j - i, n, Class::Word);
                    j += n;
                }
                match (src.get(j), src.get(j + 1)) {
                    (Some(&b' '), _) => {
                        toks.push(text.len() + j - i, 1, Class::Space);
                        j += 1;
                    }
                    // Other ASCII but capitals (digits, marks, line breaks) stays as it
                    // is too: the stretch goes on over it.
                    (Some(&x), _) if x < 0x80 && !x.is_ascii_uppercase() => {
                        toks.push(text.len() + j - i, 1, ascii[usize::from(x)]);
                        j += 1;
                    }
                    (Some(&x), Some(&y)) if x & 0xFE == 0xD8 => {
                        let Some(f) = same[usize::from(x & 1) << 6 | usize::from(y & 0x3F)] else {
                            break;
                        };
                        if let Some(run) = original.get(i..j) {
                            text.push_str(run);
                        }
                        toks.push(text.len(), 2, Class::Word);
                        text.push(f);
                        j += 2;
                        i = j;
                    }
                    _ => break,
                }
            }
            if j > i
                && let Some(run) = original.get(i..j)
            {
                text.push_str(run);
            }
            if j > i0 {
                i = j;
                continue;
            }
            // ASCII (spaces, digits, Latin) and the rest of the Arabic block, looked up.
            let b = src[i];
            if b < 0x80 {
                let f = b.to_ascii_lowercase();
                toks.push(text.len(), 1, ascii[usize::from(f)]);
                text.push(char::from(f));
                i += 1;
                continue;
            }
            if let (0xD8..=0xDB, Some(&c)) = (b, src.get(i + 1)) {
                let k = (usize::from(b & 0x03) << 6) | usize::from(c & 0x3F);
                let to = match arabic[k] {
                    Some(f) => {
                        toks.push(text.len(), f.len_utf8(), class_fast(f));
                        text.push(f);
                        f.len_utf8()
                    }
                    None => 0,
                };
                if to != 2 {
                    shifts.changed(text.len(), 2, to);
                }
                i += 2;
                continue;
            }
            // Anything else, one character at a time.
            let len = original
                .get(i..)
                .and_then(|s| s.chars().next())
                .map_or(1, char::len_utf8);
            let mut to = 0;
            fold_each(original.get(i..i + len).unwrap_or(""), |_, f| {
                toks.push(text.len(), f.len_utf8(), class_fast(f));
                text.push(f);
                to += f.len_utf8();
            });
            if to != len {
                shifts.changed(text.len(), len, to);
            }
            i += len;
        }
        let tokens = toks.finish(text.len());
        Normalized {
            text,
            shifts: shifts.out,
            tokens,
        }
    }

    /// The tokens of the normalised text, as [`tokenize`] makes them.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The original byte offset of a normalised byte offset: the start of the original
    /// character that the normalised character holding it came from (the original length
    /// at or past the end).
    pub fn orig(&self, norm: usize) -> usize {
        let mut n = norm.min(self.text.len());
        while !self.text.is_char_boundary(n) {
            n -= 1;
        }
        let k = self.shifts.partition_point(|&(at, _)| at as usize <= n);
        n + k.checked_sub(1).map_or(0, |k| self.shifts[k].1 as usize)
    }

    /// The normalised offset of an original offset: the first normalised character that
    /// came from there or later (the normalised length when none did). The inverse of
    /// [`Normalized::orig`], looked up in the offset map instead of bisecting with it.
    pub fn norm_offset(&self, orig: usize) -> usize {
        let len = self.text.len();
        // A normalised character at `n` came from `n + delta`, which grows strictly with
        // `n` inside a stretch of one delta and across stretches: the stretch is the last
        // one starting at or before `orig` in original offsets.
        let k = self
            .shifts
            .partition_point(|&(at, d)| at as usize + d as usize <= orig);
        let delta = k.checked_sub(1).map_or(0, |k| self.shifts[k].1 as usize);
        let next = self.shifts.get(k).map_or(len, |&(at, _)| at as usize);
        let mut n = orig.saturating_sub(delta).min(next).min(len);
        // Inside a character, that character came from before `orig`: the next one.
        while !self.text.is_char_boundary(n) {
            n += 1;
        }
        n
    }

    /// The original span of a normalised span. The end maps to the end of the last
    /// kept character, so trailing diacritics of the last letter stay inside the span.
    pub fn orig_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.orig(start);
        let e = if end == 0 || end <= start {
            s
        } else {
            // The original char that produced normalised byte end-1, then skip past it
            // and any dropped marks that follow it up to the next kept char.
            self.orig(end)
        };
        (s, e)
    }
}

/// Normalise a short string (a lexicon entry, a search query) for comparison.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// [`normalize`], appending to `out` (a buffer reused from string to string).
pub fn normalize_into(s: &str, out: &mut String) {
    out.reserve(s.len());
    fold_each(s, |_, f| out.push(f));
}

/// Character classes for tokenising a normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
}

/// A token of a normalised text; `start..end` are normalised byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

impl Token {
    pub fn text<'a>(&self, norm: &'a str) -> &'a str {
        &norm[self.start..self.end]
    }
}

/// Split into words, numbers and single punctuation marks. Digits and letters never
/// share a token, so "2019م" is a number then a word and "الخميس," a word then a comma.
/// Exactly `char::is_alphabetic`, with ASCII and the Arabic letter block answered by a
/// range test first: Unicode's table lookup for every Arabic character was the
/// tokenizer's hot spot.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        ('\u{0620}'..='\u{064A}').contains(&c) || c.is_alphabetic()
    }
}

/// Exactly `char::is_alphanumeric`, with ASCII and the Arabic letter block answered by
/// a range test first (word-edge tests run on every match and every boilerplate line).
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        ('\u{0620}'..='\u{064A}').contains(&c) || c.is_alphanumeric()
    }
}

/// What a character is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Number,
    Space,
    Punct,
}

fn class_of(c: char) -> Class {
    if c.is_ascii_digit() {
        Class::Number
    } else if is_letter(c) {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Punct
    }
}

/// The class of every ASCII byte, looked up: most bytes of a normalised text are ASCII
/// spaces and digits or two-byte Arabic letters.
fn ascii_classes() -> &'static [Class; 128] {
    static T: std::sync::OnceLock<[Class; 128]> = std::sync::OnceLock::new();
    T.get_or_init(|| std::array::from_fn(|b| class_of(char::from(b as u8))))
}

pub fn tokenize(norm: &str) -> Vec<Token> {
    let src = norm.as_bytes();
    let ascii = ascii_classes();
    let mut out = Vec::with_capacity(norm.len() / 5);
    // The open word or number: its start and kind.
    let mut cur: Option<(usize, Class)> = None;
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        let (class, len) = if b < 0x80 {
            (ascii[usize::from(b)], 1)
        } else if let (0xD8 | 0xD9, Some(&c)) = (b, src.get(i + 1)) {
            // U+0600–U+067F: the Arabic letters ء–ي are U+0621–U+064A.
            let cp = (u32::from(b & 0x1F) << 6) | u32::from(c & 0x3F);
            if (0x620..=0x64A).contains(&cp) {
                (Class::Word, 2)
            } else {
                (char::from_u32(cp).map_or(Class::Punct, class_of), 2)
            }
        } else {
            match norm.get(i..).and_then(|s| s.chars().next()) {
                Some(c) => (class_of(c), c.len_utf8()),
                None => {
                    i += 1;
                    continue;
                }
            }
        };
        if let Some((s, k)) = cur {
            if k == class {
                i += len;
                // Inside a word, run over the Arabic letters ء–ي (0xD8 0xA0 – 0xD9 0x8A) at
                // once: most of a normalised article.
                if k == Class::Word {
                    while let Some(&[x, y]) = src.get(i..i + 2) {
                        if (x == 0xD8 && y >= 0xA0) || (x == 0xD9 && y <= 0x8A) {
                            i += 2;
                        } else {
                            break;
                        }
                    }
                }
                continue;
            }
            out.push(Token {
                start: s,
                end: i,
                kind: if k == Class::Word {
                    TokKind::Word
                } else {
                    TokKind::Number
                },
            });
            cur = None;
        }
        match class {
            Class::Word | Class::Number => cur = Some((i, class)),
            Class::Punct => out.push(Token {
                start: i,
                end: i + len,
                kind: TokKind::Punct,
            }),
            Class::Space => {}
        }
        i += len;
    }
    if let Some((s, k)) = cur {
        out.push(Token {
            start: s,
            end: norm.len(),
            kind: if k == Class::Word {
                TokKind::Word
            } else {
                TokKind::Number
            },
        });
    }
    out
}

/// The first (up to) eight bytes of `b` as a little-endian number, and the mask of the
/// bytes present: the matchers compare short word heads and proclitics as one integer.
pub fn head8(b: &[u8]) -> (u64, u64) {
    let n = b.len().min(8);
    let mut buf = [0u8; 8];
    buf[..n].copy_from_slice(&b[..n]);
    let mask = if n == 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    };
    (u64::from_le_bytes(buf), mask)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_letter_agrees_with_unicode_alphabetic() {
        for c in (0..0x1_0000u32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
        }
    }

    /// A text with every character of the BMP's first blocks, the Arabic blocks and the
    /// punctuation `fold` knows, in runs that mix them.
    fn every_kind_of_character() -> String {
        let mut s: String = (0..0x800u32)
            .chain(0xFB50..0xFF00)
            .chain(0x2000..0x2070)
            .filter_map(char::from_u32)
            .collect();
        s.push_str("وصلت قوّاتٌ إلى درنةَ يوم ٣ مايو ۱۴۴۰ «نص» – 2019م،ABC\r\n\u{feff}\u{3000}x");
        s
    }

    #[test]
    fn normalizing_a_text_folds_each_character_and_maps_every_byte_back() {
        let orig = every_kind_of_character();
        let n = Normalized::new(&orig);
        // Character by character, as `fold` says.
        let mut text = String::new();
        let mut map = Vec::new();
        for (i, c) in orig.char_indices() {
            if let Some(f) = fold(c) {
                text.push(f);
                map.extend(std::iter::repeat_n(i as u32, f.len_utf8()));
            }
        }
        map.push(orig.len() as u32);
        assert_eq!(n.text, text);
        let got: Vec<u32> = (0..=n.text.len()).map(|k| n.orig(k) as u32).collect();
        assert_eq!(got, map);
        assert_eq!(n.orig(n.text.len() + 5), orig.len());
        assert_eq!(n.text, normalize(&orig));
        assert_eq!(
            normalize(&orig),
            orig.chars().filter_map(fold).collect::<String>()
        );
    }

    #[test]
    fn normalised_offsets_of_original_offsets_are_the_first_at_or_after() {
        for orig in [
            every_kind_of_character(),
            "\u{064E}\u{064E}قَالَ، ٣ ٤٥ «نص»\u{00A0}\u{200F}x".to_string(),
            "ـــ".to_string(),
            String::new(),
        ] {
            let n = Normalized::new(&orig);
            for o in 0..orig.len() + 3 {
                // The first normalised byte mapping at or after `o`, on a character start.
                let mut want = (0..n.text.len())
                    .find(|&k| n.orig(k) >= o)
                    .unwrap_or(n.text.len());
                while !n.text.is_char_boundary(want) {
                    want += 1;
                }
                assert_eq!(n.norm_offset(o), want, "{o} in {orig:?}");
            }
        }
    }

    #[test]
    fn tokens_made_while_normalising_are_those_of_the_normalised_text() {
        for orig in [
            every_kind_of_character(),
            "قال: والأربعاءُ ٣مايو، 2019م «نص»\t—ABC12x ؠـٱ".to_string(),
            String::new(),
            "7".to_string(),
            // Long words, double spaces, words that end in a letter that folds.
            "قال المتحدث  باسم الاستخباراتية إن القوات وصلت الى المدينة  والمستشفى ".repeat(3),
            // Letters that fold to others of their length, inside words, after one
            // another, after spaces and marks, and last.
            "أإآٱٲ مسؤولة ةىئؤ ،أ  بئر\u{064E}ة أ".to_string(),
        ] {
            let n = Normalized::new(&orig);
            assert_eq!(n.tokens(), tokenize(&n.text), "{orig:?}");
            assert_eq!(n.text, normalize(&orig));
        }
    }

    #[test]
    fn buffers_of_a_dropped_text_carry_nothing_into_the_next() {
        let long = Normalized::new(&every_kind_of_character());
        let (text, tokens) = (long.text.clone(), long.tokens().to_vec());
        drop(long);
        let short = Normalized::new("يوم ٣ مايو، 2019");
        assert_eq!(short.text, "يوم 3 مايو, 2019");
        assert_eq!(short.tokens(), tokenize(&short.text));
        assert_eq!(short.orig(short.text.len()), "يوم ٣ مايو، 2019".len());
        drop(short);
        let again = Normalized::new(&every_kind_of_character());
        assert_eq!(
            (again.text.as_str(), again.tokens()),
            (text.as_str(), &tokens[..])
        );
    }

    #[test]
    fn tokens_follow_the_character_classes() {
        let norm = normalize(&every_kind_of_character());
        // Character by character: digits, letters, single punctuation marks.
        let kind = |c: char| {
            if c.is_ascii_digit() {
                Some(TokKind::Number)
            } else if c.is_alphabetic() {
                Some(TokKind::Word)
            } else {
                None
            }
        };
        let mut want = Vec::new();
        let mut cur: Option<(usize, TokKind)> = None;
        for (i, c) in norm.char_indices() {
            let k = kind(c);
            if cur.is_some_and(|(_, ck)| Some(ck) == k) {
                continue;
            }
            if let Some((s, ck)) = cur.take() {
                want.push(Token {
                    start: s,
                    end: i,
                    kind: ck,
                });
            }
            match k {
                Some(k) => cur = Some((i, k)),
                None if !c.is_whitespace() => want.push(Token {
                    start: i,
                    end: i + c.len_utf8(),
                    kind: TokKind::Punct,
                }),
                None => {}
            }
        }
        if let Some((s, ck)) = cur {
            want.push(Token {
                start: s,
                end: norm.len(),
                kind: ck,
            });
        }
        assert_eq!(tokenize(&norm), want);
        assert!(want.len() > 100);
    }

    #[test]
    fn is_alnum_agrees_with_unicode_alphanumeric() {
        for c in (0..0x1_0000u32).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn hamza_forms_of_april_normalise_to_one_spelling() {
        assert_eq!(normalize("أبريل"), normalize("ابريل"));
        assert_eq!(normalize("إبريل"), normalize("ابريل"));
    }

    #[test]
    fn ta_marbuta_alef_maqsura_tatweel_and_harakat_fold() {
        assert_eq!(normalize("درنة"), "درنه");
        assert_eq!(normalize("مستشفى"), "مستشفي");
        assert_eq!(normalize("بنـــغازي"), "بنغازي");
        assert_eq!(normalize("طَرَابُلُس"), "طرابلس");
    }

    #[test]
    fn arabic_indic_and_persian_digits_become_ascii() {
        assert_eq!(normalize("٢٠١٩"), "2019");
        assert_eq!(normalize("۱۴۴۰"), "1440");
    }

    #[test]
    fn offsets_map_back_to_the_original_bytes() {
        let orig = "وصلت قوّاتٌ إلى درنةَ يوم ٣ مايو";
        let n = Normalized::new(orig);
        let at = n.text.find("درنه").unwrap();
        let (s, e) = n.orig_span(at, at + "درنه".len());
        assert_eq!(&orig[s..e], "درنةَ");
        let at = n.text.find('3').unwrap();
        let (s, e) = n.orig_span(at, at + 1);
        assert_eq!(&orig[s..e], "٣");
    }

    #[test]
    fn attached_punctuation_is_its_own_token() {
        let n = normalize("الخميس، 2019م");
        let toks: Vec<_> = tokenize(&n)
            .iter()
            .map(|t| t.text(&n).to_string())
            .collect();
        assert_eq!(toks, ["الخميس", ",", "2019", "م"]);
    }
}
