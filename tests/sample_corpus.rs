//! The bundled sample corpus stays consistent: its manifest, its files and its gold annotation.
//! Other tests and the first-start screen rely on it, so a broken fixture must fail loudly here.

use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample-corpus");
const GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample-gold/gold.json");

fn articles() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(DIR)
        .expect("sample corpus folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn manifest_names_existing_articles_and_leaves_some_undated() {
    let m = tarikh::corpus::manifest::load(&Path::new(DIR).join("dates.csv")).expect("dates.csv");
    let files = articles();
    assert!((10..=15).contains(&files.len()), "{} articles", files.len());
    for name in m.keys() {
        assert!(
            files.contains(name),
            "dates.csv names a missing file {name}"
        );
    }
    // At least one article must get its date from the file name or a dateline instead.
    assert!(files.iter().any(|f| !m.contains_key(f)));
}

#[test]
fn gold_covers_every_article_and_its_strings_occur_in_the_text() {
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(GOLD)).unwrap())
            .expect("gold.json parses");
    let docs = gold["documents"].as_array().expect("documents");
    let mut names: Vec<String> = docs
        .iter()
        .map(|d| d["file"].as_str().unwrap_or_default().to_string())
        .collect();
    names.sort();
    assert_eq!(names, articles());
    for d in docs {
        let file = d["file"].as_str().unwrap_or_default();
        let text = std::fs::read_to_string(Path::new(DIR).join(file)).unwrap();
        let spans = d["timex"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| &t["text"])
            .chain(
                d["events"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| &e["evidence"]),
            );
        for s in spans {
            let s = s.as_str().expect("string span");
            assert!(text.contains(s), "{file}: gold string not in text: {s}");
        }
    }
}
