//! Events on short sentences written for these tests: trigger families, modality,
//! casualty numbers, places and actors in the clause, dates, control claims, merging.

use tarikh::Pack;
use tarikh::corpus::SourceDoc;
use tarikh::model::{ControlState, Dct, DctSource, Event, Modality, Precision};
use tarikh::normalize::Normalized;

fn pack() -> Pack {
    Pack::builtin().expect("builtin pack")
}

fn doc(id: &str, text: &str) -> SourceDoc {
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

fn dct(s: &str) -> Dct {
    Dct::given(s.parse().expect("date"), DctSource::User, "test")
}

fn events_on(text: &str, day: &str) -> Vec<Event> {
    let p = pack();
    let d = doc("t", text);
    let n = Normalized::new(text);
    tarikh::events::extract(&d, &n, &p, &dct(day), &[])
}

fn events(text: &str) -> Vec<Event> {
    events_on(text, "2019-04-10")
}

fn kinds(text: &str) -> Vec<String> {
    events(text).into_iter().map(|e| e.kind).collect()
}

#[test]
fn the_events_lexicon_parses_and_covers_every_type() {
    let p = pack();
    let lex = p.events_lexicon();
    for t in tarikh::events::lexicon::KNOWN_TYPES {
        if *t != "casualties" {
            assert!(lex.type_index(t).is_some(), "no triggers for {t}");
        }
    }
    assert!(
        tarikh::events::Lexicon::parse("[[trigger]]\ntype = \"picnic\"\nwords = [\"x\"]").is_err()
    );
}

#[test]
fn each_trigger_family_names_its_type() {
    let cases = [
        (
            "اندلعت اشتباكات عنيفة بين قوات حفتر وقوات الوفاق في غريان.",
            "armed_clash",
        ),
        ("شنت قوات حفتر هجوما على مدينة غريان.", "offensive"),
        (
            "أحكمت قوات الوفاق سيطرتها على مدينة غريان.",
            "territory_taken",
        ),
        ("انسحبت قوات حفتر من مدينة غريان.", "withdrawal"),
        ("تفرض القوات حصارا خانقا على مدينة درنة منذ أشهر.", "siege"),
        ("نفذ الطيران غارات على مواقع في مدينة سرت.", "air_strike"),
        ("التقى السراج بالمبعوث الأممي في طرابلس.", "meeting"),
        ("انعقد مؤتمر دولي حول ليبيا في برلين.", "conference"),
        (
            "قرر مجلس النواب تعيين قائد جديد للجيش.",
            "political_decision",
        ),
        ("وصلت شحنة أسلحة إلى ميناء مصراتة.", "arms_transfer"),
    ];
    for (s, k) in cases {
        assert_eq!(kinds(s).first().map(String::as_str), Some(k), "{s}");
    }
}

#[test]
fn a_conjunction_before_a_new_verb_starts_a_new_clause() {
    let ev = events("هاجمت قوات حفتر مدينة غريان وانسحبت قوات الوفاق منها.");
    let k: Vec<&str> = ev.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(k, ["offensive", "withdrawal"]);
    assert!(ev[0].end <= ev[1].start);
}

#[test]
fn modality_negated_planned_hypothetical_reported() {
    let m = |s: &str| events(s).first().map(|e| e.modality);
    assert_eq!(
        m("لم تشن قوات حفتر أي هجوم على مدينة غريان حتى الآن."),
        Some(Modality::Negated)
    );
    assert_eq!(
        m("من المقرر أن يعقد مؤتمر للسلام في برلين."),
        Some(Modality::Planned)
    );
    assert_eq!(
        m("ستعقد الأطراف مؤتمرا في برلين الشهر المقبل."),
        Some(Modality::Planned)
    );
    assert_eq!(
        m("قد تشن قوات حفتر هجوما على مدينة غريان."),
        Some(Modality::Hypothetical)
    );
    assert_eq!(
        m("قال المتحدث باسم قوات الوفاق إن قواته صدت هجوما على غريان."),
        Some(Modality::Reported)
    );
    assert_eq!(
        m("شنت قوات حفتر هجوما على مدينة غريان."),
        Some(Modality::Asserted)
    );
    // "لا يزال" is "still", not a negation.
    assert_eq!(
        m("لا يزال القتال مستمرا في غريان."),
        Some(Modality::Asserted)
    );
}

#[test]
fn casualty_numbers_in_digits_indic_digits_and_words() {
    let c = |s: &str| events(s).first().map(|e| e.casualties).unwrap_or_default();
    let x = c("قتل 12 شخصا وأصيب ٣٥ آخرون في قصف على غريان.");
    assert_eq!((x.killed, x.injured), (Some(12), Some(35)));
    let x = c("أسفرت المعارك عن مقتل سبعة مقاتلين وإصابة نحو عشرين آخرين في غريان.");
    assert_eq!((x.killed, x.injured), (Some(7), Some(20)));
    let x = c("بلغ عدد الجرحى في المستشفيات 1520 جريحا في طرابلس.");
    assert_eq!(x.injured, Some(1520));
    let x = c("نزح أكثر من ثلاثة آلاف شخص من غريان.");
    assert_eq!(x.displaced, Some(3000));
}

#[test]
fn places_inside_actor_names_and_in_passing_are_not_event_places() {
    let ev = events("شنت قوات حفتر هجوما على مدينة بنغازي شرقي ليبيا.");
    assert_eq!(ev[0].places, ["Benghazi"]);
    let ev = events("هاجمت قوات حفتر مواقع مجلس شورى مجاهدي درنة.");
    assert!(
        ev[0].actors.contains(&"DMSC".to_string()),
        "{:?}",
        ev[0].actors
    );
}

#[test]
fn an_offensive_makes_the_place_contested_with_the_defender_as_holder() {
    let ev = events("شنت قوات حفتر هجوما على مواقع مجلس شورى مجاهدي درنة في مدينة درنة.");
    let c = ev[0].control.clone().expect("control");
    assert_eq!(c.place, "Derna");
    assert_eq!(c.state, ControlState::Contested);
    assert_eq!(c.holder.as_deref(), Some("DMSC"));
    assert_eq!(c.contenders, ["LNA"]);
}

#[test]
fn without_a_date_expression_the_article_date_gives_the_week() {
    let ev = events("شنت قوات حفتر هجوما على مدينة غريان.");
    assert_eq!(ev[0].date.as_deref(), Some("2019-04-10"));
    assert_eq!(ev[0].precision, Precision::Week);
}
