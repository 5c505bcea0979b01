//! The `tarikh` command on folders this test writes: every encoding read, every bad file
//! reported and skipped, clear failures for a missing folder or a bad manifest.

use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tarikh");

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!("tarikh-cli-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("temp dir");
        Dir(p)
    }
    fn put(&self, name: &str, bytes: &[u8]) {
        let p = self.0.join(name);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).expect("sub dir");
        }
        std::fs::write(p, bytes).expect("write fixture");
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tarikh(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run tarikh")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

const ARTICLE: &str =
    "أعلنت قوات حكومة الوفاق يوم الخميس، 12 مارس 2019، سيطرتها على مدينة غريان بعد معارك عنيفة.";

/// A folder with one file of each kind the reader must cope with.
fn mixed() -> Dir {
    let d = Dir::new("mixed");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(ARTICLE.as_bytes());
    d.put("a_utf8_bom.txt", &bom);
    let mut u16 = vec![0xFF, 0xFE];
    u16.extend(ARTICLE.encode_utf16().flat_map(|u| u.to_le_bytes()));
    d.put("b_utf16.txt", &u16);
    let (cp, _, unmappable) = encoding_rs::WINDOWS_1256.encode(ARTICLE);
    assert!(!unmappable);
    d.put("sub/c_cp1256.txt", &cp);
    d.put("d_empty.txt", b"");
    d.put("e_blank.md", b"  \n\n \t\n");
    d.put(
        "f_junk.txt",
        &[0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0, 0, 0xff, 0xfe, 0],
    );
    d.put("g_report.pdf", b"%PDF-1.4 not an article");
    d.put(
        "h_wrapped.txt",
        "وصلت القافلة إلى المدينة صباح\nالأحد بعد رحلة طويلة عبر\nالصحراء.\n\nفقرة ثانية قصيرة.\n"
            .as_bytes(),
    );
    d.put(".cache/notes.txt", ARTICLE.as_bytes());
    d
}

#[test]
fn every_encoding_is_read_and_every_bad_file_is_reported_and_skipped() {
    let d = mixed();
    let out = tarikh(&["extract", d.0.to_str().expect("utf-8 path")]);
    let x = json(&out);
    let docs = x["documents"].as_array().expect("documents");
    let enc: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or(""),
                d["encoding"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        enc,
        [
            ("a_utf8_bom.txt", "UTF-8"),
            ("b_utf16.txt", "UTF-16LE"),
            ("h_wrapped.txt", "UTF-8"),
            ("sub/c_cp1256.txt", "windows-1256"),
        ]
    );
    let skipped = x["corpus"]["skipped"].as_array().expect("skipped");
    let reasons: Vec<(&str, &str)> = skipped
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap_or(""),
                s["reason"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let reason = |p: &str| reasons.iter().find(|r| r.0 == p).map(|r| r.1).unwrap_or("");
    assert!(reason("d_empty.txt").contains("empty"), "{reasons:?}");
    assert!(reason("e_blank.md").contains("empty"), "{reasons:?}");
    assert!(reason("f_junk.txt").contains("binary"), "{reasons:?}");
    assert!(reason("g_report.pdf").contains(".pdf"), "{reasons:?}");
    assert!(
        !reasons.iter().any(|r| r.0.contains(".tarikh")),
        "the sidecar is not an article"
    );
    // One stderr line per skipped file.
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("skipped ")).count(),
        skipped.len()
    );
}

#[test]
fn dates_in_a_windows_1256_article_have_spans_into_the_decoded_text() {
    let d = mixed();
    let x = json(&tarikh(&["extract", d.0.to_str().expect("utf-8 path")]));
    let doc = x["documents"]
        .as_array()
        .and_then(|a| a.iter().find(|d| d["path"] == "sub/c_cp1256.txt"))
        .expect("the cp1256 article is read");
    let values: Vec<&str> = doc["timex"]
        .as_array()
        .expect("timex")
        .iter()
        .map(|t| {
            let (s, e) = (
                t["start"].as_u64().unwrap_or(0),
                t["end"].as_u64().unwrap_or(0),
            );
            assert_eq!(
                &ARTICLE[s as usize..e as usize],
                t["text"].as_str().unwrap_or("")
            );
            t["value"].as_str().unwrap_or("")
        })
        .collect();
    assert!(values.contains(&"2019-03-12"), "{values:?}");
    assert!(doc["sha256"].as_str().is_some_and(|h| h.len() == 64));
}

#[test]
fn a_date_split_by_a_hard_wrap_is_still_one_expression() {
    let d = mixed();
    let dates = d.0.join("dates.csv");
    std::fs::write(&dates, "file,date\nh_wrapped.txt,2019-04-10\n").expect("manifest");
    let x = json(&tarikh(&["extract", d.0.to_str().expect("utf-8 path")]));
    let doc = x["documents"]
        .as_array()
        .and_then(|a| a.iter().find(|d| d["path"] == "h_wrapped.txt"))
        .expect("read");
    let t = &doc["timex"][0];
    assert_eq!(t["text"], "صباح\nالأحد");
    assert_eq!(t["value"], "2019-04-07");
}

#[test]
fn a_missing_folder_fails_with_a_message() {
    let out = tarikh(&["extract", "/no/such/folder/anywhere"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/no/such/folder/anywhere") && err.contains("does not exist"),
        "{err}"
    );
    assert!(!err.contains("backtrace"), "{err}");
}

#[test]
fn an_unusable_manifest_fails_naming_the_file_and_line() {
    let d = mixed();
    let m = d.0.join("my-dates.csv");
    std::fs::write(&m, "file,date\na_utf8_bom.txt,2019-02-30\n").expect("manifest");
    let out = tarikh(&[
        "extract",
        d.0.to_str().expect("path"),
        "--dates",
        m.to_str().expect("path"),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("my-dates.csv") && err.contains("line 2"),
        "{err}"
    );
    let out = tarikh(&[
        "dates",
        d.0.to_str().expect("path"),
        "--dates",
        "/no/manifest.csv",
    ]);
    assert!(!out.status.success());
}

#[test]
fn out_writes_the_json_to_a_file_and_nothing_to_stdout() {
    let d = mixed();
    let target = d.0.join("out").join("x.json");
    std::fs::create_dir_all(target.parent().expect("parent")).expect("dir");
    let out = tarikh(&[
        "extract",
        d.0.to_str().expect("path"),
        "--out",
        target.to_str().expect("path"),
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let x: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&target).expect("written")).expect("JSON");
    assert_eq!(x["schema"], "tarikh.extract/1");
    // An unwritable place fails and leaves nothing.
    let bad = d.0.join("no-such-dir").join("x.json");
    let out = tarikh(&[
        "extract",
        d.0.to_str().expect("path"),
        "--out",
        bad.to_str().expect("path"),
    ]);
    assert!(!out.status.success());
    assert!(!bad.exists());
}

#[test]
fn dates_prints_one_row_per_article_with_its_source_and_why() {
    let d = mixed();
    d.put("2018-06-29_news.txt", ARTICLE.as_bytes());
    let out = tarikh(&["dates", d.0.to_str().expect("path")]);
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    let row = table
        .lines()
        .find(|l| l.starts_with("2018-06-29_news.txt"))
        .expect("a row for the article");
    assert!(
        row.contains("2018-06-29") && row.contains("filename"),
        "{row}"
    );
    assert_eq!(
        table.lines().count(),
        1 + 5,
        "header and five articles:\n{table}"
    );
}

#[test]
fn ndjson_has_one_event_per_line() {
    let d = mixed();
    let all = json(&tarikh(&["extract", d.0.to_str().expect("path")]));
    let out = tarikh(&["extract", d.0.to_str().expect("path"), "--format", "ndjson"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let ids: Vec<serde_json::Value> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("each line is JSON")["id"].clone()
        })
        .collect();
    let expected: Vec<serde_json::Value> = all["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["id"].clone())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(ids, expected);
}

#[test]
fn damaged_date_corrections_are_reported_kept_and_not_used() {
    let d = mixed();
    d.put(".tarikh/dates.json", b"{ not json");
    let x = json(&tarikh(&["extract", d.0.to_str().expect("path")]));
    let skipped = x["corpus"]["skipped"].as_array().expect("skipped");
    assert!(
        skipped.iter().any(
            |s| s["path"].as_str().is_some_and(|p| p.starts_with(".tarikh"))
                && s["reason"].as_str().is_some_and(|r| r.contains("not used"))
        ),
        "{skipped:?}"
    );
    assert_eq!(
        std::fs::read(d.0.join(".tarikh/dates.json")).expect("still there"),
        b"{ not json"
    );
}

#[test]
fn control_at_a_date_fills_the_articles_silence_with_the_packs_background_and_says_so() {
    let d = Dir::new("control");
    d.put("a.txt", ARTICLE.as_bytes());
    let dir = d.0.to_string_lossy().into_owned();
    let control = |extra: &[&str]| {
        let mut args = vec!["control", &dir, "--at", "2019-03-20", "--format", "json"];
        args.extend_from_slice(extra);
        json(&tarikh(&args))
    };
    let states = control(&[]);
    let states = states.as_array().expect("a list");
    let by_place = |p: &str| states.iter().find(|s| s["place"] == p);
    // No article names Benghazi: the pack's background answers, and says it is the pack.
    let benghazi = by_place("Benghazi").expect("Benghazi from the background");
    assert_eq!(benghazi["holder"], "LNA");
    assert_eq!(benghazi["basis"], "region_pack");
    assert!(
        benghazi["events"][0]
            .as_str()
            .is_some_and(|e| e.starts_with("pack:"))
    );
    for s in states.iter().filter(|s| s["basis"] == "articles") {
        assert!(
            s["events"].as_array().is_some_and(|e| e
                .iter()
                .all(|e| !e.as_str().unwrap_or("").starts_with("pack:"))),
            "{s}"
        );
    }
    let only = control(&["--articles-only"]);
    let only = only.as_array().expect("a list");
    assert!(only.iter().all(|s| s["basis"] == "articles"), "{only:?}");
    assert!(only.iter().all(|s| s["place"] != "Benghazi"));
}
