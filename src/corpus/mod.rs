//! Reading a corpus folder: which files are articles, how they are encoded, where their
//! paragraphs and boilerplate are. One bad file is a `Skipped` entry, never an abort.

pub mod manifest;
pub mod sidecar;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::Skipped;
use crate::normalize::is_alnum;

/// Files above this size are not news articles (a dump, a database): skipped unread.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// One article as decoded from disk. Offsets everywhere refer to `text`.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDoc {
    /// File stem, unique in the corpus.
    pub id: String,
    /// Relative to the corpus root, '/'-separated.
    pub path: String,
    /// Decoded UTF-8, BOM removed, otherwise exactly the file's characters.
    pub text: String,
    pub encoding: String,
    pub sha256: String,
    pub bytes: u64,
    /// Paragraphs (hard-wrapped lines joined), in order, boilerplate excluded.
    pub paragraphs: Vec<Range<usize>>,
}

impl SourceDoc {
    /// An article held in memory (a test's text, a pasted one): one paragraph, no file.
    pub fn from_text(id: &str, text: &str) -> SourceDoc {
        SourceDoc {
            id: id.into(),
            path: format!("{id}.txt"),
            text: text.into(),
            encoding: "utf-8".into(),
            sha256: String::new(),
            bytes: text.len() as u64,
            paragraphs: std::iter::once(0..text.len()).collect(),
        }
    }
}

#[derive(Debug, Default)]
pub struct CorpusRead {
    pub docs: Vec<SourceDoc>,
    pub skipped: Vec<Skipped>,
}

/// Read every article under `root`, recursively, in path order; files are decoded in
/// parallel. Hidden folders (the `.tarikh` sidecar among them) are not part of the corpus.
pub fn read_folder(root: &Path) -> Result<CorpusRead> {
    if !root.is_dir() {
        return Err(Error::NoFolder(root.to_path_buf()));
    }
    let rel = |p: &Path| {
        p.strip_prefix(root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let mut out = CorpusRead::default();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let walk = walkdir::WalkDir::new(root)
        // By file name, compared as whole paths: entries of one folder share its path up
        // to their names, and `file_name()` parsed both paths again for every comparison.
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(rel).unwrap_or_default();
                out.skipped.push(Skipped {
                    path,
                    reason: format!("cannot be listed: {e}"),
                });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.into_path();
        let r = rel(&path);
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("md") {
            files.push((path, r));
        } else if r != "dates.csv" {
            let ext = ext.to_ascii_lowercase();
            let what = if ext.is_empty() {
                "no extension".to_string()
            } else {
                format!(".{ext}")
            };
            out.skipped.push(Skipped {
                path: r,
                reason: format!("not an article file ({what}): only .txt and .md are read"),
            });
        }
    }
    let read: Vec<std::result::Result<SourceDoc, Skipped>> = files
        .par_iter()
        .map(|(p, r)| {
            read_file(p, r).map_err(|reason| Skipped {
                path: r.clone(),
                reason,
            })
        })
        .collect();
    for r in read {
        match r {
            Ok(d) => out.docs.push(d),
            Err(s) => out.skipped.push(s),
        }
    }
    // Ids are file stems; the same stem in two folders takes its relative path instead.
    // Counted on borrowed ids (no copy of every id), then marked, then renamed.
    let mut seen = rustc_hash::FxHashMap::<&str, usize>::default();
    for d in &out.docs {
        *seen.entry(d.id.as_str()).or_default() += 1;
    }
    let twice: Vec<bool> = out
        .docs
        .iter()
        .map(|d| seen.get(d.id.as_str()).is_some_and(|n| *n > 1))
        .collect();
    for (d, twice) in out.docs.iter_mut().zip(twice) {
        if twice {
            d.id = d
                .path
                .rsplit_once('.')
                .map_or(d.path.clone(), |(s, _)| s.to_string());
        }
    }
    out.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// One file, or the reason it is not read.
pub fn read_file(path: &Path, rel: &str) -> std::result::Result<SourceDoc, String> {
    // One open, and the size from the open file: a separate stat would walk the path twice.
    let file = std::fs::File::open(path).map_err(|e| format!("cannot be read: {e}"))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot be read: {e}"))?;
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "too large ({:.1} MB; articles above {} MB are skipped)",
            meta.len() as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ));
    }
    // Into this thread's read buffer, kept from file to file: the text is copied out of
    // it when decoded, and a buffer allocated and zeroed per file was a cost of its own.
    let (sha256, len, decoded) = READ_BUF.with(|buf| {
        let mut buf = buf.borrow_mut();
        read_all(file, meta.len() as usize, &mut buf)
            .map_err(|e| format!("cannot be read: {e}"))?;
        let sha256 = hex(&Sha256::digest(buf.as_slice()));
        let len = buf.len() as u64;
        let decoded = decode(&buf);
        // A buffer grown by a large file is not kept.
        if buf.capacity() > 1 << 20 {
            *buf = Vec::new();
        }
        Ok::<_, String>((sha256, len, decoded))
    })?;
    let (text, encoding) = decoded?;
    if text.trim().is_empty() {
        return Err("empty file".into());
    }
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(SourceDoc {
        id,
        path: rel.to_string(),
        paragraphs: paragraphs(&text),
        sha256,
        bytes: len,
        text,
        encoding,
    })
}

thread_local! {
    /// The bytes of the file being read, a buffer kept per thread (see [`read_file`]).
    static READ_BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The file's bytes into `buf` (cleared first): the `size` it had when opened, asked for
/// in one read call for an article, with no second call to see the end (a file that
/// shrank gives what it still has). A file of size 0 (some special files say so whatever
/// they hold) is read to its end. `File`'s own `read_to_end` would ask the system for
/// the size and position again first; reading through `take` fills the buffer's spare
/// room without zeroing it.
fn read_all(file: std::fs::File, size: usize, buf: &mut Vec<u8>) -> std::io::Result<()> {
    use std::io::Read;
    buf.clear();
    if size == 0 {
        file.take(u64::MAX).read_to_end(buf)?;
        return Ok(());
    }
    buf.reserve(size);
    file.take(size as u64).read_to_end(buf)?;
    Ok(())
}

/// Lower-case hex of a digest, without a formatting call per byte.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// Decode a file's bytes: a BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8;
/// else the legacy encoding chardetng guesses (Windows-1256, ISO-8859-6 …). Binary data
/// (NUL bytes, control characters) is refused rather than decoded into garbage.
pub fn decode(bytes: &[u8]) -> std::result::Result<(String, String), String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let text = enc
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .ok_or_else(|| format!("not valid {} despite its byte-order mark", enc.name()))?;
        check_not_binary(&text)?;
        return Ok((text.into_owned(), enc.name().to_string()));
    }
    if memchr::memchr(0, bytes).is_some() {
        return Err("binary file (NUL bytes), not text".into());
    }
    // Validated with SIMD, then copied: std's check, which would keep the buffer, was a
    // tenth of the reading time on Arabic text (no ASCII fast path), the copy is a memcpy.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        check_not_binary(s)?;
        return Ok((s.to_owned(), "UTF-8".into()));
    }
    let enc = if plainly_windows_1256(bytes) {
        encoding_rs::WINDOWS_1256
    } else {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        det.guess(None, chardetng::Utf8Detection::Deny)
    };
    let (text, _, errors) = enc.decode(bytes);
    if errors {
        return Err(format!("undecodable text (tried {})", enc.name()));
    }
    check_not_binary(&text)?;
    Ok((text.into_owned(), enc.name().to_string()))
}

/// Windows-1256 bytes of Arabic letters (ء–ي with the Persian-free core) and harakat.
const fn cp1256_arabic(b: u8) -> bool {
    matches!(b, 0xC1..=0xD6 | 0xD8..=0xDB | 0xDD..=0xDF | 0xE1 | 0xE3..=0xE6 | 0xEC | 0xED)
        || matches!(b, 0xF0..=0xF3 | 0xF5 | 0xF6 | 0xF8 | 0xFA)
}

/// Windows-1256 bytes of the punctuation Arabic text uses: NBSP، ؛ ؟ « » quotes dashes …
/// tatweel, the zero-width joiners and the direction marks.
const fn cp1256_punct(b: u8) -> bool {
    matches!(
        b,
        0xA0 | 0xA1 | 0xBA | 0xBF | 0xAB | 0xBB | 0x91..=0x94 | 0x96 | 0x97 | 0x85 | 0x9D | 0x9E
    ) || matches!(b, 0xDC | 0xFD | 0xFE)
}

/// Windows-1256 bytes that ISO-8859-6, the other Arabic single-byte encoding, leaves
/// undefined (ف ق ك ، « among them): one of them rules ISO-8859-6 out.
const fn cp1256_not_iso_8859_6(b: u8) -> bool {
    matches!(
        b,
        0xA1 | 0xAB | 0xBA | 0xDB..=0xDF | 0xF3 | 0xF5 | 0xF6 | 0xF8 | 0xFA | 0xFD | 0xFE
    )
}

/// Whether non-UTF-8 bytes are unmistakably Arabic in Windows-1256: every non-ASCII byte
/// an Arabic letter, haraka or Arabic punctuation there, at least one byte ISO-8859-6
/// cannot be, and hundreds of letters. chardetng answers windows-1256 for such text too
/// (the tests check it on many texts; it starts to agree from about 50 letters), but it
/// scores every byte under 27 candidate encodings, which made it most of the reading
/// time; this is one table test per byte. Anything else (French words, ISO-8859-6, short
/// texts) still goes to chardetng.
pub fn plainly_windows_1256(bytes: &[u8]) -> bool {
    // Branch-free per byte, looked up: bit 0 a letter, bit 1 neither letter nor
    // punctuation (the answer is no), bit 2 not ISO-8859-6; ASCII is none of them.
    const CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0x80;
        while b < 256 {
            let x = b as u8;
            t[b] = if cp1256_arabic(x) {
                1
            } else if cp1256_punct(x) {
                0
            } else {
                2
            } | if cp1256_not_iso_8859_6(x) { 4 } else { 0 };
            b += 1;
        }
        t
    };
    let (mut letters, mut flags) = (0usize, 0u8);
    for block in bytes.chunks(4096) {
        for &b in block {
            let c = CLASS[usize::from(b)];
            letters += usize::from(c & 1);
            flags |= c;
        }
        if flags & 2 != 0 {
            return false;
        }
    }
    flags & 4 != 0 && letters >= 256
}

/// Text has few control characters besides line breaks and tabs; binary junk decoded
/// through a legacy single-byte encoding has many. Counted over the first 65 536
/// characters, on the UTF-8 bytes: a control character is a byte below 0x20 or 0x7F, or
/// U+0080–U+009F (0xC2 then 0x80–0x9F); every byte but a continuation byte starts a
/// character.
fn check_not_binary(text: &str) -> std::result::Result<(), String> {
    let end = if text.len() <= 65_536 {
        text.len()
    } else {
        text.char_indices()
            .nth(65_536)
            .map_or(text.len(), |(i, _)| i)
    };
    let b = &text.as_bytes()[..end];
    // Most texts have no control character at all: then nothing needs counting. A pass
    // over the bytes that the compiler vectorises (no early exit) finds the C0 ones and
    // DEL; U+0080–U+009F start with 0xC2, which NBSP and «» share, so those few are
    // looked at one by one.
    let c0 = b.chunks(4096).any(|block| {
        block.iter().fold(false, |seen, &x| {
            seen | matches!(x, 0..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F)
        })
    });
    let c1 = || {
        memchr::memchr_iter(0xC2, b)
            .any(|i| b.get(i + 1).is_some_and(|y| (0x80..=0x9F).contains(y)))
    };
    if !c0 && !c1() {
        return Ok(());
    }
    // Counted in u8 over blocks of 255 bytes, which the compiler vectorises: this runs
    // over every byte of the corpus.
    let (mut all, mut ctrl) = (0usize, 0usize);
    for (k, block) in b.chunks(255).enumerate() {
        let (a, c0) = block.iter().fold((0u8, 0u8), |(a, c), &x| {
            (
                a + u8::from(x & 0xC0 != 0x80),
                c + u8::from(matches!(x, 0..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F)),
            )
        });
        // U+0080–U+009F: 0xC2 then 0x80–0x9F (the pair may straddle two blocks).
        let next = b.get(k * 255 + 1..).unwrap_or(&[]);
        let c1 = block.iter().zip(next).fold(0u8, |n, (&x, &y)| {
            n + u8::from(x == 0xC2 && (0x80..=0x9F).contains(&y))
        });
        all += usize::from(a);
        ctrl += usize::from(c0) + usize::from(c1);
    }
    if ctrl * 20 > all.max(1) {
        return Err("binary file (control characters), not text".into());
    }
    Ok(())
}

/// Paragraphs as byte ranges: runs of non-blank lines, so hard-wrapped lines join into
/// one; blank lines break; a Markdown heading stands alone; boilerplate lines (cookie
/// notices, share buttons, menus) are left out. Ranges never include line terminators
/// at their ends.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut cur: Option<Range<usize>> = None;
    let mut at = 0;
    let mut buf = String::new();
    let bytes = text.as_bytes();
    // Lines with their terminator, as `split_inclusive('\n')` gives them, found with
    // SIMD: most lines are short, and std's search set up for each was a tenth of this.
    while at < text.len() {
        let start = at;
        at = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i + 1);
        let raw = &text[start..at];
        let line = raw.trim_end_matches(['\n', '\r']);
        let end = start + line.len();
        let trimmed = line.trim();
        let heading = trimmed.starts_with('#');
        if trimmed.is_empty() || is_boilerplate_with(trimmed, &mut buf) || heading {
            if let Some(p) = cur.take() {
                out.push(p);
            }
            if heading {
                out.push(start..end);
            }
            continue;
        }
        cur = Some(match cur {
            Some(p) => p.start..end,
            None => start..end,
        });
    }
    if let Some(p) = cur {
        out.push(p);
    }
    out
}

/// The phrases of `assets/boilerplate.txt`, normalised, and one automaton over all of
/// them: a line is scanned once instead of once per phrase (this was the reader's hot spot).
struct Phrases {
    list: Vec<String>,
    ac: Option<aho_corasick::AhoCorasick>,
    /// The same phrases as a bare DFA, fed one normalised byte at a time (see
    /// [`may_hold_phrase`]).
    dfa: Option<aho_corasick::dfa::DFA>,
}

fn boilerplate_phrases() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| {
        let list: Vec<String> = include_str!("../../assets/boilerplate.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| crate::normalize::normalize(&l.to_lowercase()))
            .filter(|l| !l.is_empty())
            .collect();
        // A build failure (it cannot happen for a few dozen short phrases) only turns the
        // phrase test off; menus are still recognised by their separators.
        let ac = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&list)
            .ok();
        let dfa = aho_corasick::dfa::DFA::new(&list).ok();
        Phrases { list, ac, dfa }
    })
}

/// Page furniture: a line that is one of the phrases, a short line containing a
/// phrase of two words or more, or a menu (several short items between separators).
pub fn is_boilerplate(line: &str) -> bool {
    is_boilerplate_with(line, &mut String::new())
}

/// [`is_boilerplate`] normalising into `buf`: one buffer serves every line of a text.
fn is_boilerplate_with(line: &str, buf: &mut String) -> bool {
    // Counting stops past the limit: long paragraph lines are the common case.
    let words = count_words(line, 17);
    if words > 16 {
        return false;
    }
    // '|', '•' (E2 80 A2) and '·' (C2 B7), counted on bytes without decoding: in UTF-8,
    // 0xB7 after 0xC2 and 0xA2 after 0xE2 0x80 are exactly those characters.
    let b = line.as_bytes();
    // Most lines have none of those bytes: one search instead of three counting passes.
    let separators = if memchr::memchr3(b'|', 0xC2, 0xE2, b).is_none() {
        0
    } else {
        b.iter().filter(|&&x| x == b'|').count()
            + b.windows(2).filter(|w| w == &[0xC2, 0xB7]).count()
            + b.windows(3).filter(|w| w == &[0xE2, 0x80, 0xA2]).count()
    };
    if separators >= 3 && words <= separators * 4 {
        return true;
    }
    let phrases = boilerplate_phrases();
    let Some(ac) = &phrases.ac else {
        return false;
    };
    if let Some(dfa) = &phrases.dfa
        && caseless(b)
        && !may_hold_phrase(line, dfa)
    {
        return false;
    }
    lower_normalized(line, buf);
    let norm = buf.trim_matches(|c: char| !is_alnum(c));
    // Most short lines hold no phrase at all: the plain search answers that faster than
    // the overlapping one.
    if !ac.is_match(norm) {
        return false;
    }
    ac.find_overlapping_iter(norm).any(|m| {
        let p = &phrases.list[m.pattern().as_usize()];
        (m.start() == 0 && m.end() == norm.len())
            || (p.contains(' ') && at_word_edges(norm, m.start(), m.end()))
    })
}

/// `line.split_whitespace().take(limit).count()`, on bytes: every line of every article
/// is counted. Only the lead bytes of the few non-ASCII white-space characters (U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000) need decoding.
fn count_words(line: &str, limit: usize) -> usize {
    let b = line.as_bytes();
    let ws = |x: u8| matches!(x, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ');
    // Without those lead bytes, white space is ASCII: count the word starts of the whole
    // line in blocks the compiler vectorises instead of stopping at the limit byte by byte.
    let (mut rare, mut starts) = (0usize, usize::from(b.first().is_some_and(|&x| !ws(x))));
    // Each byte with the one after it, in blocks of 255 pairs (two slices of one length,
    // which the compiler vectorises; the last byte has no pair and is looked at below).
    let pairs = b.len().saturating_sub(1);
    for at in (0..pairs).step_by(255) {
        let end = (at + 255).min(pairs);
        let (cur, next) = (&b[at..end], &b[at + 1..end + 1]);
        let (r, s) = cur.iter().zip(next).fold((0u8, 0u8), |(r, s), (&x, &y)| {
            (
                r + u8::from(matches!(x, 0xC2 | 0xE1..=0xE3)),
                s + u8::from(ws(x) && !ws(y)),
            )
        });
        rare += usize::from(r);
        starts += usize::from(s);
        // Past the limit with no rare byte so far, both counts below answer `limit`: the
        // bytes up to here are checked, all but the next block's first byte, where the
        // last start may have been counted (hence one more than the limit).
        if rare == 0 && starts > limit {
            return limit;
        }
    }
    if b.last().is_some_and(|x| matches!(x, 0xC2 | 0xE1..=0xE3)) {
        rare += 1;
    }
    if rare == 0 {
        return starts.min(limit);
    }
    let (mut words, mut in_word) = (0, false);
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let (space, len) = match x {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => (true, 1),
            0..0x80 => (false, 1),
            0xC2 | 0xE1..=0xE3 => match line.get(i..).and_then(|s| s.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => (false, 1),
            },
            // Continuation bytes, and characters that are never white space.
            _ => (false, 1),
        };
        if !space && !in_word {
            words += 1;
            if words >= limit {
                return words;
            }
        }
        in_word = !space;
        i += len;
    }
    words
}

/// Whether a phrase of the automaton occurs in the normalised form of a caseless line
/// (see [`caseless`]), which is not written out: each character is folded and its bytes
/// go straight through the automaton. `false` rules the line out (a phrase in the
/// trimmed normalised line is one in the whole), `true` leaves it to the full test.
fn may_hold_phrase(line: &str, dfa: &aho_corasick::dfa::DFA) -> bool {
    use aho_corasick::Anchored;
    use aho_corasick::automaton::Automaton;
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
        return true;
    };
    let mut found = false;
    crate::normalize::fold_each(line, |_, c| {
        let mut utf8 = [0u8; 4];
        for &x in c.encode_utf8(&mut utf8).as_bytes() {
            sid = dfa.next_state(Anchored::No, sid, x);
            found |= dfa.is_match(sid);
        }
    });
    found
}

/// Whether lower-casing cannot change the line but for ASCII (which `normalize`
/// lower-cases itself): Arabic, and the punctuation blocks, have no case. On bytes:
/// ASCII, continuation bytes, and the lead bytes of U+0080–U+00BF (0xC2), U+0600–U+06FF
/// (0xD8–0xDB) and U+2000–U+206F (0xE2 0x80, 0xE2 0x81 0x80–0xAF).
fn caseless(b: &[u8]) -> bool {
    // Most lines have no other lead byte at all (a pass the compiler vectorises); the
    // punctuation block needs its second and third bytes looked at.
    // Folded without an early exit, so that it is vectorised.
    let others = b.iter().fold(false, |seen, &x| {
        seen | (x >= 0xC0 && x != 0xC2 && !(0xD8..=0xDB).contains(&x))
    });
    !others
        || b.iter().enumerate().all(|(i, &x)| match x {
            0..0xC0 | 0xC2 | 0xD8..=0xDB => true,
            0xE2 => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), _) => true,
                (Some(0x81), Some(z)) => *z <= 0xAF,
                _ => false,
            },
            _ => false,
        })
}

/// `normalize(&line.to_lowercase())`, into `out` (cleared first). Lower-casing is
/// skipped when it cannot change anything but ASCII (see [`caseless`]). Other text
/// takes the full Unicode path.
fn lower_normalized(line: &str, out: &mut String) {
    out.clear();
    if caseless(line.as_bytes()) {
        crate::normalize::normalize_into(line, out);
    } else {
        crate::normalize::normalize_into(&line.to_lowercase(), out);
    }
}

fn at_word_edges(s: &str, a: usize, b: usize) -> bool {
    let before = s[..a].chars().next_back().is_none_or(|c| !is_alnum(c));
    let after = s[b..].chars().next().is_none_or(|c| !is_alnum(c));
    before && after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        paragraphs(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn hard_wrapped_lines_join_and_blank_lines_break() {
        let t = "سطر أول من الفقرة\nيكمل الفقرة نفسها\n\n  \nفقرة ثانية\r\nتكملة\r\n";
        assert_eq!(
            paras(t),
            [
                "سطر أول من الفقرة\nيكمل الفقرة نفسها",
                "فقرة ثانية\r\nتكملة"
            ]
        );
    }

    #[test]
    fn boilerplate_lines_are_left_out_but_offsets_stay_in_the_original() {
        let t = "Sorry, you need to enable JavaScript to visit this website.\nنص الخبر هنا\nاقرأ أيضا: عنوان آخر\nالرئيسية | أخبار | رياضة | اقتصاد\nتتمة الخبر\n";
        let p = paragraphs(t);
        let got: Vec<&str> = p.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(got, ["نص الخبر هنا", "تتمة الخبر"]);
        assert!(p[0].start > 0, "offsets are into the whole text");
    }

    #[test]
    fn a_phrase_inside_article_text_is_not_boilerplate() {
        assert!(!is_boilerplate(
            "رحبت الجامعة العربية بإعلان القاهرة الذي يدعو إلى وقف إطلاق النار"
        ));
        assert!(is_boilerplate("إعلان"));
        assert!(is_boilerplate("جميع الحقوق محفوظة © 2019"));
        assert!(!is_boilerplate(
            "وقال إن جميع الحقوق محفوظة للشعب الليبي في ثرواته النفطية وموارده وأرضه كما ينص عليه الاتفاق السياسي الموقع"
        ));
    }

    #[test]
    fn a_markdown_heading_is_its_own_paragraph() {
        assert_eq!(paras("# عنوان\nنص\nتكملة"), ["# عنوان", "نص\nتكملة"]);
    }

    #[test]
    fn encodings_are_detected() {
        let ar = "أعلنت الحكومة يوم الخميس 12 مارس 2019 عن وقف إطلاق النار في المدينة";
        assert_eq!(decode(ar.as_bytes()), Ok((ar.to_string(), "UTF-8".into())));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(ar.as_bytes());
        assert_eq!(decode(&bom), Ok((ar.to_string(), "UTF-8".into())));
        let mut u16 = vec![0xFF, 0xFE];
        u16.extend(ar.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&u16), Ok((ar.to_string(), "UTF-16LE".into())));
        let (cp, _, _) = encoding_rs::WINDOWS_1256.encode(ar);
        assert_eq!(decode(&cp), Ok((ar.to_string(), "windows-1256".into())));
    }

    /// chardetng's own verdict, for comparison with the pre-test.
    fn chardetng_guess(bytes: &[u8]) -> &'static encoding_rs::Encoding {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        det.guess(None, chardetng::Utf8Detection::Deny)
    }

    #[test]
    fn the_windows_1256_pretest_agrees_with_chardetng() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-corpus");
        let mut all = String::new();
        for e in std::fs::read_dir(dir).expect("sample corpus").flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                all.push_str(&std::fs::read_to_string(e.path()).expect("UTF-8 sample"));
            }
        }
        let chars: Vec<usize> = all.char_indices().map(|(i, _)| i).collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let (mut passed, mut refused) = (0, 0);
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let a = (seed % chars.len() as u64) as usize;
            let z = (a + 20 + (seed >> 32) as usize % 3000).min(chars.len() - 1);
            let text = &all[chars[a]..chars[z]];
            let (cp, _, unmappable) = encoding_rs::WINDOWS_1256.encode(text);
            if unmappable || std::str::from_utf8(&cp).is_ok() {
                continue;
            }
            if plainly_windows_1256(&cp) {
                passed += 1;
                assert_eq!(chardetng_guess(&cp), encoding_rs::WINDOWS_1256, "{text}");
                assert_eq!(decode(&cp).map(|d| d.1), Ok("windows-1256".to_string()));
            } else {
                refused += 1;
            }
            // ISO-8859-6 text never passes for Windows-1256.
            let (iso, _, _) = encoding_rs::ISO_8859_6.encode(text);
            assert!(!plainly_windows_1256(&iso), "{text}");
        }
        assert!(
            passed > 500 && refused > 50,
            "{passed} passed, {refused} refused"
        );
        // French words, or too few letters: left to chardetng.
        let french = format!("{all} café élevé");
        let (fr, _, _) = encoding_rs::WINDOWS_1256.encode(&french);
        assert!(!plainly_windows_1256(&fr));
        let (short, _, _) = encoding_rs::WINDOWS_1256.encode("قال المتحدث");
        assert!(!plainly_windows_1256(&short));
    }

    #[test]
    fn the_iso_8859_6_gaps_are_the_ones_encoding_rs_knows() {
        for b in 0x80..=0xFFu8 {
            if cp1256_arabic(b) || cp1256_punct(b) {
                let undefined = encoding_rs::ISO_8859_6
                    .decode_without_bom_handling_and_without_replacement(&[b])
                    .is_none();
                assert_eq!(cp1256_not_iso_8859_6(b), undefined, "byte {b:#x}");
            }
        }
    }

    #[test]
    fn control_characters_are_counted_on_bytes_as_on_chars() {
        let by_chars = |t: &str| {
            let cs: Vec<char> = t.chars().take(65_536).collect();
            let ctrl = cs
                .iter()
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
                .count();
            ctrl * 20 <= cs.len().max(1)
        };
        let samples = [
            "نص عادي\r\n\tمع سطر\u{c}",
            "\u{1}\u{2}ab",
            "\u{85}\u{9f}\u{a0}abcdefghijklmnopqrstuvwxyz0123456789",
            "\u{80}x",
            "",
            "\u{7f}",
        ];
        for t in samples {
            assert_eq!(check_not_binary(t).is_ok(), by_chars(t), "{t:?}");
        }
        let long: String = "ab\u{1}".repeat(30_000) + &"c".repeat(200_000);
        assert_eq!(check_not_binary(&long).is_ok(), by_chars(&long));
    }

    #[test]
    fn the_caseless_blocks_have_no_lower_case() {
        let blocks = [
            '\u{0080}'..='\u{00BF}',
            '\u{0600}'..='\u{06FF}',
            '\u{2000}'..='\u{206F}',
        ];
        for c in blocks.into_iter().flatten() {
            assert!(c.to_lowercase().eq([c]), "U+{:04X}", c as u32);
        }
        assert_eq!(lowered("Read ALSO: أخبار"), "read also: اخبار");
        assert_eq!(lowered("ΣΟΦΙΑ Read"), normalize_lower("ΣΟΦΙΑ Read"));
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let lines = [
            "",
            "   ",
            "كلمة",
            " كلمتان  هنا ",
            "a\u{a0}b\u{2003}c\u{3000}d\u{85}e\u{1680}f\u{202f}g\u{205f}h\u{2028}i",
            "«اقرأ أيضا» | أخبار • رياضة · اقتصاد\t\r\n",
            "x\u{2060}y\u{200b}z é",
        ];
        for line in lines {
            for limit in [1, 3, 17] {
                let want = line.split_whitespace().take(limit).count();
                assert_eq!(count_words(line, limit), want, "{line:?} {limit}");
            }
        }
        // Long lines, where counting may stop after a block of bytes: rare white space
        // falls before, on and after the block edges.
        for pad in 0..8 {
            for ws in ["\u{a0}", " \u{a0} ", "\u{3000}\u{3000}", " "] {
                for at in [0, 17, 40, 84, 85, 86, 200] {
                    let mut line = "x".repeat(pad);
                    for k in 0..40 {
                        line.push_str(if k == at { ws } else { " " });
                        line.push_str(if k % 3 == 0 { "ab" } else { "ت" });
                    }
                    // Runs of lone rare spaces: words only when they are not white space.
                    line.push_str(&" \u{a0}".repeat(at));
                    for limit in [1, 3, 17, 60] {
                        let want = line.split_whitespace().take(limit).count();
                        assert_eq!(count_words(&line, limit), want, "{pad} {ws:?} {at}");
                    }
                }
            }
        }
        for c in (0..0x1_0000u32).filter_map(char::from_u32) {
            let line = format!("a{c}b");
            assert_eq!(
                count_words(&line, 17),
                line.split_whitespace().count(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn caseless_lines_are_recognised_on_bytes() {
        for c in (0..0x1_0000u32).filter_map(char::from_u32) {
            let line = format!("Ab {c} ت");
            assert_eq!(lowered(&line), normalize_lower(&line), "{c:?}");
        }
    }

    #[test]
    fn the_streamed_automaton_finds_what_the_search_over_the_normalised_line_finds() {
        let phrases = boilerplate_phrases();
        let (Some(ac), Some(dfa)) = (&phrases.ac, &phrases.dfa) else {
            panic!("the phrase automata build");
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-corpus");
        let mut lines: Vec<String> = Vec::new();
        for e in std::fs::read_dir(dir).expect("sample corpus").flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                let text = std::fs::read_to_string(e.path()).expect("UTF-8 sample");
                lines.extend(text.lines().map(str::to_string));
            }
        }
        // Phrases as written (hamza, ta marbuta, upper case, harakat), alone and inside text.
        for p in [
            "إقرأ أيضاً",
            "جميع الحقوق محفوظة",
            "Read MORE",
            "شارك الخبر |",
        ] {
            lines.push(p.to_string());
            lines.push(format!("«{p}» نص قصير"));
        }
        let mut seen = 0;
        for line in &lines {
            if !caseless(line.as_bytes()) {
                continue;
            }
            let mut norm = String::new();
            lower_normalized(line, &mut norm);
            assert_eq!(may_hold_phrase(line, dfa), ac.is_match(&norm), "{line}");
            seen += usize::from(ac.is_match(&norm));
        }
        assert!(seen >= 8, "{seen} lines with a phrase");
    }

    fn lowered(s: &str) -> String {
        // A buffer holding a previous line: it is cleared first.
        let mut out = "stale".to_string();
        lower_normalized(s, &mut out);
        out
    }

    fn normalize_lower(s: &str) -> String {
        crate::normalize::normalize(&s.to_lowercase())
    }

    #[test]
    fn a_file_is_read_whole_and_hashed() {
        let dir = std::env::temp_dir().join(format!("tarikh-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("a.txt");
        // Larger than one read of some systems, so the loop is exercised.
        let text = "أعلنت الحكومة يوم الخميس وقف إطلاق النار.\n".repeat(3000);
        std::fs::write(&path, &text).expect("write");
        let doc = read_file(&path, "a.txt").expect("read");
        assert_eq!(doc.text, text);
        assert_eq!(doc.bytes, text.len() as u64);
        assert_eq!(doc.sha256, hex(&Sha256::digest(text.as_bytes())));
        // A shorter file read next, through the same buffer, is only itself.
        let short = dir.join("b.txt");
        std::fs::write(&short, "خبر قصير\n").expect("write");
        let doc = read_file(&short, "b.txt").expect("read");
        assert_eq!((doc.text.as_str(), doc.bytes), ("خبر قصير\n", 16));
        assert_eq!(doc.sha256, hex(&Sha256::digest("خبر قصير\n".as_bytes())));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn binary_data_is_refused() {
        assert!(decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13]).is_err());
        let junk: Vec<u8> = (0..4000u32)
            .map(|i| (i * 7 % 32) as u8)
            .filter(|b| *b != 0)
            .collect();
        assert!(decode(&junk).is_err());
    }
}
