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
        .sort_by_file_name()
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
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(ext.as_str(), "txt" | "md") {
            files.push((path, r));
        } else if r != "dates.csv" {
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
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for d in &out.docs {
        *seen.entry(d.id.clone()).or_default() += 1;
    }
    for d in &mut out.docs {
        if seen.get(&d.id).is_some_and(|n| *n > 1) {
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
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot be read: {e}"))?;
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "too large ({:.1} MB; articles above {} MB are skipped)",
            meta.len() as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    let (text, encoding) = decode(&bytes)?;
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
        sha256: Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        bytes: bytes.len() as u64,
        text,
        encoding,
    })
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
    if bytes.contains(&0) {
        return Err("binary file (NUL bytes), not text".into());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        check_not_binary(s)?;
        return Ok((s.to_string(), "UTF-8".into()));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, errors) = enc.decode(bytes);
    if errors {
        return Err(format!("undecodable text (tried {})", enc.name()));
    }
    check_not_binary(&text)?;
    Ok((text.into_owned(), enc.name().to_string()))
}

/// Text has few control characters besides line breaks and tabs; binary junk decoded
/// through a legacy single-byte encoding has many.
fn check_not_binary(text: &str) -> std::result::Result<(), String> {
    let (mut ctrl, mut all) = (0usize, 0usize);
    for c in text.chars().take(65_536) {
        all += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            ctrl += 1;
        }
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
    for raw in text.split_inclusive('\n') {
        let start = at;
        at += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let end = start + line.len();
        let trimmed = line.trim();
        let heading = trimmed.starts_with('#');
        if trimmed.is_empty() || is_boilerplate(trimmed) || heading {
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
        Phrases { list, ac }
    })
}

/// Page furniture: a line that is one of the phrases, a short line containing a
/// phrase of two words or more, or a menu (several short items between separators).
pub fn is_boilerplate(line: &str) -> bool {
    // Counting stops past the limit: long paragraph lines are the common case.
    let words = line.split_whitespace().take(17).count();
    if words > 16 {
        return false;
    }
    let separators = line
        .chars()
        .filter(|c| matches!(c, '|' | '•' | '·'))
        .count();
    if separators >= 3 && words <= separators * 4 {
        return true;
    }
    let phrases = boilerplate_phrases();
    let Some(ac) = &phrases.ac else {
        return false;
    };
    let norm = crate::normalize::normalize(&line.to_lowercase());
    let norm = norm.trim_matches(|c: char| !c.is_alphanumeric());
    ac.find_overlapping_iter(norm).any(|m| {
        let p = &phrases.list[m.pattern().as_usize()];
        (m.start() == 0 && m.end() == norm.len())
            || (p.contains(' ') && at_word_edges(norm, m.start(), m.end()))
    })
}

fn at_word_edges(s: &str, a: usize, b: usize) -> bool {
    let before = s[..a]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after = s[b..].chars().next().is_none_or(|c| !c.is_alphanumeric());
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
