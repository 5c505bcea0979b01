//! Floors on the development articles in ../shared (skipped when that folder is absent):
//! with their dates given, most gold date expressions get the gold value; without, each
//! dated article's inferred range holds its true date. Measuring sticks, not fixtures.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tarikh::model::Extract;
use tarikh::pack::Pack;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    p.join("seeds-gold.json").is_file().then_some(p)
}

fn gold(dir: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(dir.join("seeds-gold.json")).expect("gold readable");
    serde_json::from_str(&text).expect("gold is JSON")
}

fn extract(dir: &Path, manifest: Option<&Path>) -> Extract {
    let pack = Pack::builtin().expect("pack");
    let opts = tarikh::pipeline::Options {
        dates: manifest.map(Path::to_path_buf),
    };
    tarikh::pipeline::run(&dir.join("seeds"), &pack, &opts, &()).expect("run")
}

fn by_file(x: &Extract) -> HashMap<String, &tarikh::model::DocumentOut> {
    x.documents
        .iter()
        .map(|d| (d.path.rsplit('/').next().unwrap_or(&d.path).to_string(), d))
        .collect()
}

#[test]
fn with_given_article_dates_nine_in_ten_gold_dates_get_their_value() {
    let Some(dir) = shared() else {
        eprintln!("../shared absent: skipped");
        return;
    };
    let g = gold(&dir);
    let docs = g["documents"].as_array().expect("documents");
    let tmp = std::env::temp_dir().join(format!("tarikh-seeds-{}.csv", std::process::id()));
    let mut csv = String::from("file,date\n");
    for d in docs {
        if let (Some(f), Some(t)) = (d["file"].as_str(), d["dct"].as_str()) {
            csv.push_str(&format!("{f},{t}\n"));
        }
    }
    std::fs::write(&tmp, csv).expect("manifest");
    let x = extract(&dir, Some(&tmp));
    let _ = std::fs::remove_file(&tmp);
    let out = by_file(&x);
    let (mut total, mut right) = (0, 0);
    for d in docs.iter().filter(|d| d["dct"].is_string()) {
        let file = d["file"].as_str().expect("file");
        let pred = &out.get(file).expect("document read").timex;
        let mut used = vec![false; pred.len()];
        for t in d["timex"].as_array().expect("timex") {
            let (Some(text), Some(value)) = (t["text"].as_str(), t["value"].as_str()) else {
                continue;
            };
            total += 1;
            let hit = pred.iter().enumerate().find(|(k, p)| {
                !used[*k] && (p.text.contains(text) || text.contains(p.text.as_str()))
            });
            if let Some((k, p)) = hit {
                used[k] = true;
                right += usize::from(p.value == value);
            }
        }
    }
    assert!(total > 0);
    assert!(
        right * 10 >= total * 9,
        "{right} of {total} gold date expressions with the gold value"
    );
}

#[test]
fn without_dates_each_inferred_range_holds_the_true_date() {
    let Some(dir) = shared() else {
        eprintln!("../shared absent: skipped");
        return;
    };
    let g = gold(&dir);
    let x = extract(&dir, None);
    let out = by_file(&x);
    for d in g["documents"].as_array().expect("documents") {
        let Some(truth) = d["dct"].as_str() else {
            continue;
        };
        let truth: jiff::civil::Date = truth.parse().expect("gold date");
        let file = d["file"].as_str().expect("file");
        let dct = &out.get(file).expect("document read").dct;
        let [lo, hi] = dct.range;
        assert!(
            lo.is_none_or(|l| l <= truth) && hi.is_none_or(|h| truth <= h) && lo.or(hi).is_some(),
            "{file}: {truth} outside {lo:?}..{hi:?} ({})",
            dct.why
        );
        assert!(!dct.why.is_empty());
    }
}
