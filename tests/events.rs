//! Events on short sentences written for these tests: trigger families, modality,
//! casualty numbers, places and actors in the clause, dates, control claims, merging.

use tarikh::Pack;
use tarikh::corpus::SourceDoc;
use tarikh::model::{ControlState, Dct, DctSource, Event, Modality, Precision, SmolStr};
use tarikh::normalize::Normalized;

fn pack() -> Pack {
    Pack::builtin().expect("builtin pack")
}

fn doc(id: &str, text: &str) -> SourceDoc {
    SourceDoc::from_text(id, text)
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

/// With the article's date expressions found and resolved, as the pipeline does.
fn events_dated(text: &str, day: &str) -> Vec<Event> {
    let p = pack();
    let d = doc("t", text);
    let n = Normalized::new(text);
    let found = tarikh::temporal::recognize(&d, &n, &p);
    let timex = tarikh::temporal::resolve(&found, &dct(day), text);
    tarikh::events::extract(&d, &n, &p, &dct(day), &timex)
}

/// The first event of `kind` (the test fails if there is none).
fn first_of<'a>(ev: &'a [Event], kind: &str) -> &'a Event {
    ev.iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} event in {ev:?}"))
}

/// The control claim of the first event of `kind`.
fn control_of(ev: &[Event], kind: &str) -> tarikh::model::ControlClaim {
    *first_of(ev, kind)
        .control
        .clone()
        .unwrap_or_else(|| panic!("no control claim on the {kind} event"))
}

/// The first control claim on `place` (the test fails if there is none).
fn claim_on(ev: &[Event], place: &str) -> tarikh::model::ControlClaim {
    ev.iter()
        .filter_map(|e| e.control.as_deref())
        .find(|c| c.place.as_str() == place)
        .cloned()
        .unwrap_or_else(|| panic!("no claim on {place} in {ev:?}"))
}

fn events(text: &str) -> Vec<Event> {
    events_on(text, "2019-04-10")
}

fn kinds(text: &str) -> Vec<String> {
    events(text).into_iter().map(|e| e.kind.into()).collect()
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
    // Drowned at sea.
    let x = c("غرق 74 مهاجرا قبالة سواحل مدينة الخمس.");
    assert_eq!(x.killed, Some(74));
    // The figure a count rose to.
    let x = c("وارتفع عدد القتلى إلى 47 شخصا في غريان، فيما ارتفع عدد النازحين إلى 3400 شخص.");
    assert_eq!((x.killed, x.displaced), (Some(47), Some(3400)));
}

#[test]
fn stopping_the_other_sides_advance_is_a_repelled_attack() {
    let ev = events("قالت قوات الوفاق إنها أوقفت تقدم قوات حفتر جنوب غريان.");
    let r = first_of(&ev, "attack_repelled");
    assert!(r.actors.contains(&"GNA".into()), "{:?}", r.actors);
}

#[test]
fn places_inside_actor_names_and_in_passing_are_not_event_places() {
    let ev = events("شنت قوات حفتر هجوما على مدينة بنغازي شرقي ليبيا.");
    assert_eq!(ev[0].places, ["Benghazi"]);
    let ev = events("هاجمت قوات حفتر مواقع مجلس شورى مجاهدي درنة.");
    assert!(ev[0].actors.contains(&"DMSC".into()), "{:?}", ev[0].actors);
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

/// The whole per-document pipeline (timexes included) on a sentence, at a given date.
fn analyzed(text: &str, day: &str) -> Vec<Event> {
    let p = pack();
    tarikh::pipeline::analyze(&doc("a", text), &p, Some(dct(day))).events
}

#[test]
fn a_statement_with_a_complementizer_reports_its_content() {
    assert_eq!(
        kinds("أعلن المتحدث باسم قوات الوفاق أن قواته استعادت السيطرة على مدينة غريان."),
        ["territory_taken"]
    );
    // Without أن the statement verb governs a noun: it stays a statement.
    assert_eq!(
        kinds("رحب الاتحاد الأوروبي باستئناف المحادثات بين الأطراف الليبية."),
        ["statement"]
    );
    // "أصدر بيانا" is a statement, not a decision; "وزارة" is no visit.
    assert_eq!(
        kinds("أصدرت وزارة الخارجية التونسية يوم الأحد بيانا حول ليبيا."),
        ["statement"]
    );
}

#[test]
fn the_first_trigger_names_the_event_not_a_later_one() {
    // Clashes "amid shelling" are clashes; a light verb waits for its object.
    assert_eq!(
        kinds("اندلعت اشتباكات عنيفة في غريان وسط قصف مدفعي متبادل."),
        ["armed_clash"]
    );
    assert_eq!(
        kinds("شن الطيران الحربي غارات على مواقع في مدينة سرت."),
        ["air_strike"]
    );
    assert_eq!(
        kinds("ألحقت خسائر فادحة بالقوات المهاجمة قرب غريان."),
        ["armed_clash"]
    );
}

#[test]
fn a_purpose_form_of_taking_is_an_offensive() {
    // لـ + masdar, "نحو"/"بهدف" + masdar, "محاولة" + masdar: an aim, not a deed.
    for s in [
        "تسعى قوات الوفاق للسيطرة على مدينة ترهونة.",
        "تتحرك قوات حفتر بثبات نحو تحرير مدينة غريان.",
        "أطلقت قوات حفتر عملية عسكرية بهدف السيطرة على مدينة سبها.",
        "قتل عدد من عناصرها أثناء محاولتهم اقتحام مدينة غريان.",
    ] {
        let ev = events(s);
        assert!(
            ev.iter().all(|e| e.kind != "territory_taken"),
            "{s}: {:?}",
            ev.iter().map(|e| &e.kind).collect::<Vec<_>>()
        );
        assert!(ev.iter().any(|e| e.kind == "offensive"), "{s}");
        for e in &ev {
            if let Some(c) = &e.control {
                assert_ne!(c.state, ControlState::Held, "{s}: an aim holds nothing");
            }
        }
    }
    // The plain deed stays a taking.
    assert_eq!(
        kinds("سيطرت قوات الوفاق على مدينة ترهونة."),
        ["territory_taken"]
    );
}

#[test]
fn proclitics_attach_to_triggers_but_never_inside_longer_words() {
    let p = pack();
    let lex = p.events_lexicon();
    let text = tarikh::normalize::normalize("وانسحبت فالهجوم بالاشتباكات وللسيطرة على");
    let hits = lex.find(&text);
    let trig: Vec<&str> = hits
        .iter()
        .filter(|h| matches!(h.cat, tarikh::events::lexicon::Cat::Trigger(_)))
        .map(|h| &text[h.start..h.end])
        .collect();
    assert_eq!(trig.len(), 4, "{trig:?}");
    // "صد" (repel) must not fire inside "صدر" or "مصدر".
    let text = tarikh::normalize::normalize("صدر عن مصدر مسؤول");
    assert!(
        !lex.find(&text)
            .iter()
            .any(|h| matches!(h.cat, tarikh::events::lexicon::Cat::Trigger(_))),
        "no trigger inside longer words"
    );
}

#[test]
fn relative_and_temporal_clauses_keep_their_own_event_and_date() {
    let ev = analyzed(
        "رحب المجلس الرئاسي بالقرار الذي اتخذه مجلس النواب في يناير 2019.",
        "2019-03-01",
    );
    let k: Vec<&str> = ev.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(k, ["statement", "political_decision"]);
    assert_eq!(ev[1].date.as_deref(), Some("2019-01"));
    let ev = analyzed(
        "تتواصل الاشتباكات في غريان منذ أن أطلقت قوات حفتر هجوما في 4 أبريل 2019.",
        "2019-05-10",
    );
    let k: Vec<&str> = ev.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(k, ["armed_clash", "offensive"]);
    assert_eq!(ev[1].date.as_deref(), Some("2019-04-04"));
}

#[test]
fn the_capital_without_a_name_is_the_packs_capital() {
    let ev = events("اندلعت اشتباكات عنيفة على تخوم العاصمة.");
    assert_eq!(ev[0].places, ["Tripoli"]);
    let ev = events("تقدمت القوات نحو أطراف العاصمة الليبية.");
    assert_eq!(ev[0].places, ["Tripoli"]);
}

#[test]
fn a_statement_takes_the_place_its_content_names_not_earlier_ones() {
    let ev = events("وصلت القوات إلى سرت، لكن تركيا رفضت إعلان القاهرة.");
    let st = first_of(&ev, "statement");
    assert!(st.places.is_empty(), "{:?}", st.places);
}

#[test]
fn denial_likelihood_and_future_dates_are_not_facts() {
    let ev = events("نفى المتحدث باسم الجيش الليبي، مشاركة أي قوات أجنبية في الهجوم على غريان.");
    let off = first_of(&ev, "offensive");
    assert_eq!(off.modality, Modality::Negated);
    let ev = events("يرجح مراقبون أن تشهد مدينة سرت معارك عنيفة.");
    assert_eq!(ev[0].modality, Modality::Hypothetical);
    assert!(ev[0].control.is_none());
    let ev = events("وصلت القوات إلى غريان من دون اشتباكات تذكر.");
    assert!(
        ev.iter()
            .all(|e| e.kind != "armed_clash" || e.modality == Modality::Negated)
    );
    let ev = analyzed(
        "يعقد مؤتمر دولي حول ليبيا في برلين يوم 19 يناير 2020.",
        "2020-01-10",
    );
    assert_eq!(ev[0].kind, "conference");
    assert_eq!(ev[0].modality, Modality::Planned);
    let ev = events("في حين كانت ليبيا تتحضر لانعقاد مؤتمر وطني في غدامس.");
    assert_eq!(ev[0].modality, Modality::Planned);
}

#[test]
fn control_claims_of_withdrawal_repelled_attack_and_agent() {
    let c = |s: &str| {
        events(s)
            .into_iter()
            .find_map(|e| e.control)
            .expect("a control claim")
    };
    let x = c("انسحبت قوات حفتر من مدينة غريان.");
    assert_eq!(
        (x.place.as_str(), x.holder.as_deref(), x.state),
        ("Gharyan", Some("LNA"), ControlState::Lost)
    );
    // Withdrawing to a place: the side withdrawing holds it.
    let x = c("انسحبت قوات الوفاق إلى مدينة مصراتة.");
    assert_eq!(
        (x.place.as_str(), x.holder.as_deref(), x.state),
        ("Misrata", Some("GNA"), ControlState::Held)
    );
    // A repelled attack with no fighting reported before: the repelling side holds it.
    let x = c("صدت قوات حفتر هجوما على مدينة سرت.");
    assert_eq!(
        (x.holder.as_deref(), x.state),
        (Some("LNA"), ControlState::Held)
    );
    // After reported fighting it stays contested, defended by the side repelling.
    let ev = events("شنت قوات حفتر هجوما على مدينة غريان. وصدت قوات الوفاق الهجوم على غريان.");
    let x = ev[1].control.clone().expect("control");
    assert_eq!(
        (x.holder.as_deref(), x.state),
        (Some("GNA"), ControlState::Contested)
    );
    // The agent of an advance is named after it: the other side defends.
    let x = c("يعرقل الجيش الوطني الليبي تقدم قوات الوفاق نحو مدينة سرت.");
    assert_eq!(x.state, ControlState::Contested);
    assert_eq!(x.holder.as_deref(), Some("LNA"));
    assert_eq!(x.contenders, ["GNA"]);
    // Taking: the taker holds it.
    let x = c("بعدما أبعدت قوات الوفاق قوات حفتر عن مدينة غريان.");
    assert_eq!(
        (x.holder.as_deref(), x.state),
        (Some("GNA"), ControlState::Held)
    );
}

#[test]
fn a_speaker_introduced_before_a_comma_is_reported_by_the_content_event() {
    let ev = events("وقال المتحدث باسم قوات الوفاق، إن قواته صدت هجوما على مدينة غريان.");
    let k: Vec<&str> = ev.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(k, ["attack_repelled"]);
    assert!(ev[0].actors.contains(&"GNA".into()), "{:?}", ev[0].actors);
    assert_eq!(ev[0].id, "t#1", "ids stay contiguous");
    // A denial is itself the fact and stays.
    let ev = events("نفى المتحدث باسم الجيش الليبي، مشاركة أي قوات أجنبية في الهجوم على غريان.");
    assert_eq!(ev[0].kind, "statement");
}

#[test]
fn mentions_are_not_new_events() {
    // A demonstrative recalls a known offensive.
    assert!(kinds("تغيرت المواقف الدولية في سياق هذا الهجوم على غريان.").is_empty());
    // A ceasefire called for is a statement, not a decision; nobody and nowhere is no row.
    assert_eq!(
        kinds("دعت مصر جميع الأطراف إلى وقف إطلاق النار."),
        ["statement"]
    );
    assert!(kinds("لكن هذه معركة طويلة.").is_empty());
    // An agreement reached is a decision.
    assert_eq!(
        kinds("وقعت حكومة الوفاق ومجلس النواب اتفاقا لوقف إطلاق النار في جنيف."),
        ["political_decision"]
    );
}

#[test]
fn an_announced_deed_is_the_deed_a_welcomed_one_a_statement() {
    let ev = events("أعلن المشير خليفة حفتر تحرير مدينة سبها بالكامل.");
    assert_eq!(ev[0].kind, "territory_taken");
    let c = ev[0].control.clone().expect("control");
    assert_eq!(
        (c.place.as_str(), c.holder.as_deref()),
        ("Sabha", Some("LNA"))
    );
    assert_eq!(kinds("رحب السراج بتحرير مدينة سبها."), ["statement"]);
}

#[test]
fn modality_cues_respect_commas_emphasis_purpose_and_late_negation() {
    let m = |s: &str| events(s).first().map(|e| (e.kind.clone(), e.modality));
    // "دون مقاومة، بعد انسحاب": the negation stops at the comma.
    assert_eq!(
        m("دخلت القوات المدينة دون مقاومة، بعد انسحاب قوات حفتر نحو الجنوب.").map(|x| x.1),
        Some(Modality::Asserted)
    );
    let ev = events("دخلت القوات المدينة دون مقاومة، بعد انسحاب قوات حفتر نحو الجنوب.");
    assert!(ev.iter().all(|e| e.modality != Modality::Negated));
    // "لقد تقدم" is an emphatic past.
    assert_eq!(
        m("لقد تقدمت قوات الوفاق نحو مدينة ترهونة.").map(|x| x.1),
        Some(Modality::Asserted)
    );
    // After قد, a verb in تـ/نـ that ends like a perfect is a past deed, not a possible one.
    assert_eq!(
        m("وكانت البعثة الأممية قد نددت بالاشتباكات في العاصمة.").map(|x| x.1),
        Some(Modality::Asserted)
    );
    assert_eq!(
        m("وكانت القوات قد تقدموا نحو مدينة ترهونة.").map(|x| x.1),
        Some(Modality::Asserted)
    );
    // An imperfect after قد is what may happen.
    assert_eq!(
        m("قد تشن القوات هجوما على مدينة ترهونة.").map(|x| x.1),
        Some(Modality::Hypothetical)
    );
    // ل + masdar of a meeting is its purpose.
    assert_eq!(
        m("توجه المبعوث الأممي إلى بنغازي للقاء حفتر."),
        Some(("meeting".into(), Modality::Planned))
    );
    // A definite noun and its own negated verb after it.
    assert_eq!(
        m("اللقاء بين الطرفين لم يتم بعد في جنيف.").map(|x| x.1),
        Some(Modality::Negated)
    );
}

#[test]
fn a_deed_that_could_not_be_done_or_failed_did_not_happen() {
    let first = |s: &str| {
        events(s)
            .into_iter()
            .find(|e| e.kind == "territory_taken" || e.kind == "offensive")
    };
    // The negation stands before "be able", many words before the deed.
    let e = first("ولم تتمكن قوات الحكومة حتى الآن من استعادة المواقع التي خسرتها قرب غريان.")
        .expect("event");
    assert_eq!(e.modality, Modality::Negated);
    assert!(e.control.is_none(), "no control from a deed that failed");
    let e = first("فشلت القوات المهاجمة مجددا في اقتحام مدينة الزاوية.").expect("event");
    assert_eq!(e.modality, Modality::Negated);
    // Able, without a negation: it happened.
    let e = first("وتمكنت قوات الحكومة أمس من استعادة مدينة غريان.").expect("event");
    assert_eq!(e.modality, Modality::Asserted);
    // A comma closes the clause of the failure.
    let e = first("فشلت المفاوضات، وسيطرت القوات على مدينة غريان.").expect("event");
    assert_eq!(e.modality, Modality::Asserted);
}

#[test]
fn a_relative_clause_is_about_its_antecedent_place() {
    let ev = events("حاصرت القوات مدينة درنة التي يسيطر عليها مجلس شورى مجاهدي درنة.");
    let cc = first_of(&ev, "control_claim");
    assert_eq!(cc.places, ["Derna"]);
    let c = cc.control.clone().expect("control");
    assert_eq!(
        (c.holder.as_deref(), c.state),
        (Some("DMSC"), ControlState::Held)
    );
}

#[test]
fn a_later_dated_claim_does_not_name_an_earlier_fights_defender() {
    // The article tells the end first: taken on the 28th, attacked on the 7th.
    let ev = analyzed(
        "أعلن الجيش الليبي يوم 28 يونيو 2018 تحرير مدينة درنة. وكانت قوات حفتر قد شنت هجوما على درنة في 7 مايو 2018.",
        "2018-06-29",
    );
    let off = first_of(&ev, "offensive");
    let c = off.control.clone().expect("control");
    assert_ne!(
        c.holder.as_deref(),
        Some("LNA"),
        "the attacker is no defender"
    );
}

#[test]
fn an_event_told_twice_takes_its_place_from_the_fuller_telling() {
    let ev = analyzed(
        "قال المبعوث الأممي غسان سلامة الذي التقى حفتر الجمعة إن الحل سياسي. وكان سلامة قد التقى الجمعة في بنغازي المشير خليفة حفتر.",
        "2019-04-06",
    );
    let meetings: Vec<&Event> = ev.iter().filter(|e| e.kind == "meeting").collect();
    assert_eq!(meetings.len(), 2, "{ev:#?}");
    assert!(meetings.iter().all(|e| e.places == ["Benghazi"]));
}

#[test]
fn a_district_brings_its_city_but_a_base_stands_alone() {
    let ev = events("اندلعت اشتباكات عنيفة في منطقة القوارشة.");
    assert_eq!(ev[0].places, ["Qawarsha", "Benghazi"]);
    let ev = events("قصفت طائرات مسيرة قاعدة الوطية الجوية.");
    assert!(!ev[0].places.is_empty());
    assert!(
        ev[0].places.iter().all(|p| tarikh::Pack::builtin()
            .expect("pack")
            .place(p)
            .is_some_and(|x| x.kind != "city")),
        "{:?}",
        ev[0].places
    );
}

#[test]
fn the_storys_day_carries_over_and_background_dates_stay_put() {
    let ev = analyzed(
        "اندلعت أمس اشتباكات عنيفة في غريان.\n\nوأفادت مصادر طبية في المدينة بمقتل 12 شخصا من قوات حفتر.",
        "2019-06-27",
    );
    let last = ev.last().expect("events");
    assert_eq!(last.date.as_deref(), Some("2019-06-26"), "{ev:#?}");
    assert_eq!(last.date_source, tarikh::model::DateSource::Inherited);
    // A month in a relative clause dates that clause, not the advance it is attached to.
    let ev = analyzed(
        "وتواصل قوات الوفاق تقدمها نحو مدينة سرت، التي سيطرت عليها قوات حفتر في يناير 2020.",
        "2020-06-06",
    );
    assert_eq!(ev[0].kind, "offensive");
    assert_ne!(ev[0].date.as_deref(), Some("2020-01"));
    let taken = first_of(&ev, "territory_taken");
    assert_eq!(taken.date.as_deref(), Some("2020-01"));
}

#[test]
fn a_place_in_parentheses_is_an_aside() {
    let ev = events("يرفض المجلس إصرار حكومة الوفاق (في طرابلس) على مواصلة القتال.");
    assert!(
        ev.iter().all(|e| !e.places.contains(&"Tripoli".into())),
        "{ev:#?}"
    );
}

#[test]
fn digit_groups_are_one_number_and_a_trailing_toll_joins_its_event() {
    let c = |s: &str| events(s).first().map(|e| e.casualties).unwrap_or_default();
    assert_eq!(
        c("نزح أكثر من 70.000 شخص من غريان.").displaced,
        Some(70_000)
    );
    assert_eq!(c("نزح أكثر من 2,500 شخص من غريان.").displaced, Some(2_500));
    assert_eq!(
        c("نزح أكثر من ٧٠٬٠٠٠ شخص من غريان.").displaced,
        Some(70_000)
    );
    let ev = events("أسفرت الاشتباكات في غريان عن 12 قتيلا، بالإضافة إلى أكثر من 300 نازح.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        (ev[0].casualties.killed, ev[0].casualties.displaced),
        (Some(12), Some(300))
    );
}

#[test]
fn every_events_lexicon_entry_parses_and_finds_itself() {
    let raw = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/packs/libya/events.toml"),
    )
    .expect("events.toml");
    let v: toml::Value = toml::from_str(&raw).expect("events.toml is TOML");
    let mut entries: Vec<String> = Vec::new();
    fn walk(v: &toml::Value, key: &str, out: &mut Vec<String>) {
        match v {
            toml::Value::Array(a) => {
                for x in a {
                    if let toml::Value::String(s) = x {
                        // proclitics and type names are not text entries.
                        if key != "proclitics"
                            && key != "purpose_planned"
                            && key != "reported_types"
                        {
                            out.push(s.clone());
                        }
                    } else {
                        walk(x, key, out);
                    }
                }
            }
            toml::Value::Table(t) => {
                for (k, x) in t {
                    if k != "numbers" {
                        walk(x, k, out);
                    }
                }
            }
            _ => {}
        }
    }
    walk(&v, "", &mut entries);
    assert!(entries.len() > 300, "{} entries", entries.len());
    let p = pack();
    let lex = p.events_lexicon();
    let mut dead = Vec::new();
    for e in &entries {
        let body = e.trim().trim_end_matches('*');
        let text = tarikh::normalize::normalize(body);
        let hits = lex.find(&text);
        if !hits
            .iter()
            .any(|h| h.word_start == 0 && h.end >= text.trim_end().len())
        {
            dead.push(e.clone());
        }
    }
    assert!(
        dead.is_empty(),
        "entries that never match their own text: {dead:?}"
    );
}

#[test]
fn the_city_named_gatherings_and_since_a_date() {
    // "المدينة" stands for the city named last.
    let ev = events(
        "وصلت قوات حفتر إلى مشارف درنة. وكانت القوات قد فرضت منذ عام 2016 حصارا على المدينة.",
    );
    let siege = first_of(&ev, "siege");
    assert_eq!(siege.places, ["Derna"]);
    // A gathering named by its head word is the event, even as an actor's alias.
    let ev = events("ومن المقرر أن يعقد الملتقى الوطني الجامع في مدينة غدامس.");
    assert_eq!(ev[0].kind, "conference");
    assert_eq!(ev[0].modality, Modality::Planned);
    assert_eq!(ev[0].places, ["Ghadames"]);
    assert_eq!(
        kinds("أعلن المجلس الرئاسي النفير العام في طرابلس."),
        ["political_decision"]
    );
}

#[test]
fn a_simultaneous_clause_lends_its_place_an_earlier_one_does_not() {
    let ev = events("نجحت قوات الوفاق في صد هجوم قوات حفتر أثناء محاولتها اقتحام غريان.");
    assert_eq!(ev[0].kind, "attack_repelled");
    assert_eq!(ev[0].places, ["Gharyan"]);
    let ev =
        events("وانطلقت العملية العسكرية لقوات الوفاق في مايو بعد أن تقدم تنظيم داعش نحو مصراتة.");
    assert_eq!(ev[0].kind, "offensive");
    assert!(ev[0].places.is_empty(), "{:?}", ev[0].places);
}

#[test]
fn since_a_day_is_a_range_to_the_article_date() {
    let ev = analyzed(
        "وشنت الطائرات منذ الأول من أغسطس 2016 أكثر من 400 غارة على مدينة سرت.",
        "2016-12-06",
    );
    assert_eq!(ev[0].kind, "air_strike");
    assert_eq!(ev[0].date.as_deref(), Some("2016-08-01"));
    assert_eq!(ev[0].date_end.as_deref(), Some("2016-12-06"));
    assert_eq!(ev[0].precision, Precision::Range);
    // "Since the fighting broke out on the 26th": the toll runs from that day.
    let ev = analyzed(
        "وارتفعت حصيلة القتلى منذ اندلاع المواجهات في 26 أغسطس 2018 إلى 47 قتيلا.",
        "2018-09-02",
    );
    let toll = ev
        .iter()
        .find(|e| e.casualties.killed == Some(47))
        .expect("toll");
    assert_eq!(
        (toll.date.as_deref(), toll.date_end.as_deref()),
        (Some("2018-08-26"), Some("2018-09-02"))
    );
    // A date after "في" with no "منذ" before it is that day.
    let ev = analyzed(
        "وقتل 12 شخصا في اشتباكات اندلعت في 26 أغسطس 2018.",
        "2018-09-02",
    );
    assert!(ev.iter().all(|e| e.date_end.is_none()), "{ev:?}");
}

#[test]
fn a_verb_with_a_complementizer_speaks_and_any_is_hypothetical() {
    // "أقرّ بأن" admits, it approves nothing.
    assert_eq!(
        kinds("والجيش الليبي أقر بأن جيوبا صغيرة للمسلحين لا تزال قائمة في بنغازي."),
        ["statement"]
    );
    // "الآن" is not "أن": the control claim stays one.
    assert_eq!(
        kinds("قوات حفتر التي تسيطر الآن على مدينة سرت."),
        ["control_claim"]
    );
    let ev = events("حذرت مصر من أن أي تقدم لقوات الوفاق نحو سرت يمثل خطا أحمر.");
    assert!(
        ev.iter()
            .all(|e| e.kind != "offensive" || e.modality == Modality::Hypothetical)
    );
    assert_eq!(
        kinds("أعلنت رئاسة الأركان حظر الطيران فوق بنغازي."),
        ["political_decision"]
    );
}

#[test]
fn a_relative_clause_after_a_comma_keeps_its_antecedent_side_and_asides_have_no_scene() {
    let ev = events("واضطرت قوات الوفاق، التي تراجعت إلى مدينة مصراتة.");
    let c = ev[0].control.clone().expect("control");
    assert_eq!(
        (c.place.as_str(), c.holder.as_deref(), c.state),
        ("Misrata", Some("GNA"), ControlState::Held)
    );
    // The clash after the scene sentence names a place only as an aside: no scene place.
    let ev = events(
        "اندلعت اشتباكات عنيفة في غريان. ويرفض المجلس إصرار حكومة الوفاق (في طرابلس) على مواصلة القتال.",
    );
    let last = ev.last().expect("events");
    assert!(last.places.is_empty(), "{:?}", last.places);
}

#[test]
fn the_side_in_whose_hands_a_place_falls_holds_it() {
    let ev = events("سقطت مدينة غريان في يد قوات الوفاق بعد معارك عنيفة مع قوات حفتر.");
    let c = ev[0].control.clone().expect("control");
    assert_eq!(
        (ev[0].kind.as_str(), c.place.as_str(), c.holder.as_deref()),
        ("territory_taken", "Gharyan", Some("GNA"))
    );
    // "كانت بقبضة" names the former holder: the taker holds it now.
    let ev = events("وتمكنت قوات حفتر من السيطرة على مدينة سبها التي كانت بقبضة تنظيم داعش.");
    let c = ev[0].control.clone().expect("control");
    assert_eq!(c.holder.as_deref(), Some("LNA"));
}

#[test]
fn the_dateline_city_is_where_the_report_was_filed_not_another_clauses_scene() {
    let ev = events(
        "بنغازي – أعلنت قوات الوفاق مساء الأحد استعادة السيطرة على مدينة سرت، بعد انسحاب قوات حفتر منها.",
    );
    let withdrawal = first_of(&ev, "withdrawal");
    assert!(
        !withdrawal.places.contains(&"Benghazi".into()),
        "{:?}",
        withdrawal.places
    );
    // A dateline with an agency between: another place named wins over it.
    let ev = events("طرابلس (رويترز) - صدت قوات الوفاق هجوما على مدينة غريان.");
    let repelled = first_of(&ev, "attack_repelled");
    assert_eq!(repelled.places, ["Gharyan"]);
    // So does a dateline with the day and the agency between.
    let ev = events("طرابلس، ٢٣ أكتوبر ٢٠٢٠ (الأناضول) - صدت قوات الوفاق هجوما على مدينة غريان.");
    let repelled = first_of(&ev, "attack_repelled");
    assert_eq!(repelled.places, ["Gharyan"]);
    // With nothing else named, the dateline city is where it happened.
    let ev = events("طرابلس - اندلعت اشتباكات بين قوات الوفاق وقوات حفتر مساء أمس.");
    let clash = first_of(&ev, "armed_clash");
    assert_eq!(clash.places, ["Tripoli"]);
}

#[test]
fn in_a_clash_the_side_that_held_the_town_by_the_background_defends_it() {
    // In 2018 the GNA held Tripoli (control.csv): named second, it is still the defender.
    let ev = events_on(
        "اندلعت اشتباكات عنيفة بين اللواء السابع وقوات الوفاق في طرابلس.",
        "2018-09-02",
    );
    let c = control_of(&ev, "armed_clash");
    assert_eq!(
        (c.place.as_str(), c.holder.as_deref(), c.state),
        ("Tripoli", Some("GNA"), ControlState::Contested)
    );
    assert!(!c.contenders.contains(&"GNA".into()));
    // Where the background knows no holder, the side named first stays the defender.
    let ev = events_on(
        "اندلعت اشتباكات عنيفة بين اللواء السابع وقوات الوفاق في غريان.",
        "2018-09-02",
    );
    let c = control_of(&ev, "armed_clash");
    assert_ne!(c.holder.as_deref(), Some("GNA"));
}

#[test]
fn losing_control_of_a_town_is_the_losers_withdrawal() {
    let ev = events("وفقدت قوات حفتر السيطرة على مدينة غريان بعد معارك عنيفة.");
    let w = ev.first().expect("an event");
    assert_eq!(w.kind, "withdrawal");
    let c = w.control.clone().expect("control");
    assert_eq!(
        (c.place.as_str(), c.holder.as_deref(), c.state),
        ("Gharyan", Some("LNA"), ControlState::Lost)
    );
    // Out of a side's control.
    let c = control_of(
        &events("وخرجت مدينة سبها عن سيطرة حكومة الوفاق بعد معارك عنيفة."),
        "withdrawal",
    );
    assert_eq!(
        (c.place.as_str(), c.holder.as_deref(), c.state),
        ("Sabha", Some("GNA"), ControlState::Lost)
    );
    // Without the word of losing it is a taking.
    let ev = events("وبسطت قوات حفتر السيطرة على مدينة غريان.");
    assert_eq!(ev.first().map(|e| e.kind.as_str()), Some("territory_taken"));
}

#[test]
fn days_after_an_event_opens_its_own_clause() {
    // "ويأتي الهجوم بعد أيام من فقدان …": the loss of Gharyan is its own (earlier) event.
    let ev = events("ويأتي الهجوم بعد أيام من فقدان قوات حفتر السيطرة على مدينة غريان.");
    let w = first_of(&ev, "withdrawal");
    assert_eq!(w.places, ["Gharyan"]);
    assert!(
        ev.iter()
            .all(|e| e.kind != "offensive" || !e.places.contains(&"Gharyan".into())),
        "{ev:?}"
    );
}

#[test]
fn the_front_lines_are_no_clash() {
    // Centres "near the front lines" are no clash.
    let k = kinds("ويحتجز نحو ألف مهاجر في مراكز قريبة من خطوط القتال جنوب طرابلس.");
    assert!(!k.contains(&"armed_clash".into()), "{k:?}");
}

#[test]
fn where_people_fled_to_is_not_where_the_toll_was_taken() {
    let ev = events("وقتل 20 شخصا في اشتباكات في صبراتة، كما نزح آلاف السكان نحو زوارة والعجيلات.");
    let toll = ev
        .iter()
        .find(|e| e.casualties.killed == Some(20))
        .expect("toll");
    assert!(
        toll.places.contains(&"Sabratha".into()),
        "{:?}",
        toll.places
    );
    assert!(
        !toll.places.iter().any(|p| p == "Zuwara" || p == "Ajaylat"),
        "{:?}",
        toll.places
    );
}

#[test]
fn the_city_centre_is_in_the_city() {
    let text = "دخلت القوات مدينة صبراتة أمس. وانسحب المسلحون من مواقعهم وسط المدينة.";
    let ev = events(text);
    let w = first_of(&ev, "withdrawal");
    assert_eq!(w.places, ["Sabratha"]);
}

#[test]
fn a_bombing_or_an_attack_on_one_building_does_not_contest_the_town() {
    for text in [
        "تبنى التنظيم الهجوم الانتحاري في طرابلس أمس.",
        "شن مسلحون هجوما على مقر المفوضية في طرابلس أمس.",
    ] {
        let ev = events(text);
        let attack = ev
            .iter()
            .find(|e| e.kind == "offensive")
            .unwrap_or_else(|| panic!("an attack in {text}: {ev:?}"));
        assert_eq!(attack.places, ["Tripoli"]);
        assert!(attack.control.is_none(), "{text}: {:?}", attack.control);
    }
    // An attack on the town itself does.
    let ev = events("شنت قوات حفتر هجوما على مدينة غريان أمس.");
    assert!(
        ev.iter()
            .any(|e| e.kind == "offensive" && e.control.is_some()),
        "{ev:?}"
    );
    // "Targeted" alone is no air strike.
    let k = kinds("وأطلق مسلحون النار على الموظفين واستهدفوا المبنى.");
    assert!(!k.contains(&"air_strike".into()), "{k:?}");
}

#[test]
fn a_side_named_after_the_place_left_or_taken_did_not_leave_or_take_it() {
    // "بدعم تركي لحكومة الوفاق": the GNA is who was helped, not who withdrew.
    let ev = events("انسحبت قواته من محيط مدينة غريان بدعم تركي لحكومة الوفاق.");
    let w = first_of(&ev, "withdrawal");
    assert!(w.control.is_none(), "{:?}", w.control);
    // Named before the place, it is the side.
    let ev = events("انسحبت قوات حفتر من محيط مدينة غريان.");
    let w = first_of(&ev, "withdrawal");
    let c = w.control.clone().expect("control");
    assert_eq!(
        (c.holder.as_deref(), c.state),
        (Some("LNA"), ControlState::Lost)
    );
}

#[test]
fn a_clash_with_one_side_named_does_not_make_it_the_defender() {
    // "اشتباكات مع قوات حفتر" in a district the pack has no history for: contested, the
    // LNA fighting there, its defender not said.
    let ev = events_on(
        "واندلعت اشتباكات عنيفة مع قوات حفتر في غريان.",
        "2018-09-02",
    );
    let c = control_of(&ev, "armed_clash");
    assert_eq!(
        (c.holder.as_deref(), c.state),
        (None, ControlState::Contested)
    );
    assert_eq!(c.contenders, ["LNA"]);
}

#[test]
fn what_a_denier_then_confirms_is_its_own_claim() {
    let ev = events(
        "زعم المركز الإعلامي لقوات حفتر أن وحداته سيطرت على عين زارة، في حين نفت عملية بركان الغضب ذلك، مؤكدة أن قواتها استعادت جميع المواقع في عين زارة.",
    );
    let taken: Vec<&Event> = ev.iter().filter(|e| e.kind == "territory_taken").collect();
    let last = taken.last().expect("the confirmed taking");
    assert_ne!(last.modality, Modality::Negated, "{last:?}");
    let c = last.control.clone().expect("control");
    assert_eq!(c.holder.as_deref(), Some("GNA"));
}

#[test]
fn what_will_meet_soon_has_not_met() {
    let ev = events_dated("وقالت إن لجنة عسكرية ستجتمع قريبا في جنيف.", "2020-01-20");
    assert_eq!(first_of(&ev, "meeting").modality, Modality::Planned);
    let ev = events_dated("واجتمعت اللجنة العسكرية في جنيف.", "2020-01-20");
    assert_eq!(first_of(&ev, "meeting").modality, Modality::Asserted);
    // Abstaining is not voting.
    let ev = events_dated("وامتنعت روسيا والصين عن التصويت على القرار.", "2020-01-20");
    assert_eq!(
        first_of(&ev, "political_decision").modality,
        Modality::Negated
    );
    // "Later" tells the past too.
    let ev = events_dated("وانسحبت القوات من مدينة مرزق لاحقا.", "2020-01-20");
    assert_eq!(first_of(&ev, "withdrawal").modality, Modality::Asserted);
}

#[test]
fn ultimatums_expectations_and_falling_measures_are_no_deeds() {
    let ev = events("وأمهلت قوات حفتر المسلحين 48 ساعة قبل اقتحام مدينة درنة.");
    let deed = first_of(&ev, "territory_taken");
    assert_eq!(deed.modality, Modality::Planned);
    assert!(deed.control.is_none());
    let ev = events("وتوقع مراقبون أن تسيطر قوات حفتر على مدينة سرت خلال أسابيع.");
    assert!(ev.iter().all(|e| e.control.is_none()), "{ev:?}");
    let k = kinds("وتراجعت حدة المعارك في محيط مدينة غريان.");
    assert!(!k.contains(&"withdrawal".into()), "{k:?}");
    // A conference that was scheduled is planned.
    let ev = events("وكان مؤتمر برلين حول ليبيا مقررا يوم الأحد المقبل.");
    assert_eq!(first_of(&ev, "conference").modality, Modality::Planned);
    // A withdrawal stays one.
    let k = kinds("وتراجعت قوات حفتر إلى محيط مدينة غريان.");
    assert!(k.contains(&"withdrawal".into()), "{k:?}");
}

#[test]
fn a_warned_advance_and_an_operation_to_take_a_town_have_not_taken_it() {
    let ev = events("وحذر الرئيس المصري من أن تقدم قوات حكومة الوفاق نحو سرت يمثل خطا أحمر.");
    let o = first_of(&ev, "offensive");
    assert_eq!(o.modality, Modality::Hypothetical);
    assert!(o.control.is_none());
    // A known attack the warning is about stays what it was.
    let ev = events("محذرا من أن الهجوم على مدينة غريان يهدد المدنيين.");
    assert_eq!(first_of(&ev, "offensive").modality, Modality::Asserted);
    // "ماضية في عملية تحرير سرت": an operation to take it, not a taking.
    let k = kinds("وأكدت الحكومة أنها ماضية في عملية تحرير مدينة سرت.");
    assert!(!k.contains(&"territory_taken".into()), "{k:?}");
}

#[test]
fn the_operation_told_right_after_a_taking_is_that_taking() {
    let ev = events_dated(
        "أعلن الجيش الوطني الليبي أمس سيطرته على مدينة سرت بعد انسحاب قوات الوفاق منها، في عملية خاطفة لم تستغرق سوى ثلاث ساعات.",
        "2020-01-07",
    );
    let c = control_of(&ev, "territory_taken");
    assert_eq!(
        (c.holder.as_deref(), c.state),
        (Some("LNA"), ControlState::Held)
    );
    // No claim that the town it took is contested.
    assert!(
        ev.iter().all(|e| e
            .control
            .as_ref()
            .is_none_or(|c| c.state != ControlState::Contested)),
        "{ev:?}"
    );
}

#[test]
fn battles_of_words_are_no_fighting() {
    for text in [
        "وشن رئيس مجلس النواب هجوما لاذعا على حكومة الوفاق في طرابلس.",
        "وتخوض الحكومة معركة سياسية مع البرلمان في طبرق.",
    ] {
        let ev = events(text);
        assert!(
            ev.iter()
                .all(|e| !matches!(e.kind.as_str(), "offensive" | "armed_clash")),
            "{text}: {ev:?}"
        );
        assert!(ev.iter().all(|e| e.control.is_none()), "{text}: {ev:?}");
    }
    let ev = events("وهاجم المتحدث باسم الحكومة تصريحات السفير الأمريكي في طرابلس.");
    assert_eq!(
        ev.first().map(|e| e.kind.as_str()),
        Some("statement"),
        "{ev:?}"
    );
    // An attack on a town stays one.
    let ev = events("وهاجمت قوات حفتر مواقع في مدينة غريان.");
    assert_eq!(
        ev.first().map(|e| e.kind.as_str()),
        Some("offensive"),
        "{ev:?}"
    );
}

#[test]
fn look_alike_cues_do_not_change_what_happened() {
    let first = |text: &str| {
        events_dated(text, "2019-04-10")
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("an event in {text}"))
    };
    // "الماضي في" (last … in) is no "ماضٍ في" (pressing on).
    let e = first("اندلعت اشتباكات عنيفة الأسبوع الماضي في غريان بين قوات حفتر وقوات الوفاق.");
    assert_eq!(
        (e.kind.as_str(), e.modality),
        ("armed_clash", Modality::Asserted)
    );
    // "فقد" after أما is ف + قد, not "lost".
    let e = first("أما في بنغازي فقد سيطرت قوات الجيش الوطني على منطقة قنفودة.");
    assert_eq!(e.kind, "territory_taken");
    assert_eq!(e.control.map(|c| c.state), Some(ControlState::Held));
    // The taker named by "على يد", and after the place with nothing between.
    for text in [
        "أعلنت الحكومة تحرير مدينة سرت على يد قوات البنيان المرصوص.",
        "سيطرت على مدينة غريان قوات الوفاق.",
    ] {
        let c = control_of(&events(text), "territory_taken");
        assert_eq!(c.holder.as_deref(), Some("GNA"), "{text}");
    }
    // "قريبا من" is near, not soon.
    let e = first("قتل 5 مدنيين في غارة جوية على طرابلس قريبا من الحدود.");
    assert_eq!(e.modality, Modality::Asserted);
    // The nouns failure and deficit negate nothing.
    let e = first("بعد فشل المفاوضات سيطرت قوات الجيش الوطني على مدينة غريان.");
    assert_eq!(e.modality, Modality::Asserted);
    // A side's forces called terrorist still attack the town.
    let ev = events("شنت قوات حفتر الإرهابية هجوما على مدينة طرابلس.");
    assert!(
        control_of(&ev, "offensive")
            .contenders
            .contains(&"LNA".into())
    );
    // "وقد تمت السيطرة": a perfect, not a possibility.
    let e = first("وقد تمت السيطرة على مدينة غريان من قبل قوات الجيش الوطني.");
    assert_eq!(e.modality, Modality::Asserted);
    // A count after إلى that counts hospitals is no toll.
    let ev = events("ونقل الجرحى إلى 3 مستشفيات في مدينة غريان.");
    assert!(ev.iter().all(|e| e.casualties.injured != Some(3)), "{ev:?}");
    // A UN rapporteur is no schedule.
    let e = first("وقال مقرر الأمم المتحدة الخاص إن قوات حفتر قصفت طرابلس.");
    assert_eq!(e.modality, Modality::Asserted);
}

#[test]
fn an_institution_that_serves_whoever_governs_is_no_side() {
    // The oil corporation named beside fighting at a refinery holds nothing.
    let ev = events("وأعلنت المؤسسة الوطنية للنفط وقوع اشتباكات مسلحة قرب مصفاة الزاوية.");
    let clash = first_of(&ev, "armed_clash");
    assert!(
        clash.control.as_ref().is_none_or(
            |c| c.holder.as_deref() != Some("NOC") && !c.contenders.contains(&"NOC".into())
        ),
        "{:?}",
        clash.control
    );
    assert!(
        tarikh::Pack::builtin()
            .expect("pack")
            .actor("NOC")
            .is_some_and(|a| a.neutral)
    );
}

#[test]
fn an_oath_a_resignation_and_a_vote_of_confidence_are_decisions() {
    let ev = events_dated(
        "ومن المقرر أن تؤدي الحكومة اليمين الدستورية أمام البرلمان في بنغازي الاثنين المقبل.",
        "2021-03-11",
    );
    let d = first_of(&ev, "political_decision");
    assert_eq!(
        (d.modality, d.date.as_deref()),
        (Modality::Planned, Some("2021-03-15"))
    );
    let ev = events("وكان المبعوث الأممي غسان سلامة قد استقال من منصبه لأسباب صحية.");
    assert_eq!(
        first_of(&ev, "political_decision").modality,
        Modality::Asserted
    );
    let ev = events("ومنح البرلمان الثقة للحكومة في جلسة عقدت في مدينة سرت.");
    assert!(ev.iter().any(|e| e.kind == "political_decision"), "{ev:?}");
}

#[test]
fn a_minister_named_by_office_is_his_state() {
    let ev = events("والتقى وزير الدفاع التركي رئيس المجلس الرئاسي في طرابلس.");
    let m = first_of(&ev, "meeting");
    assert!(m.actors.contains(&"Turkey".into()), "{:?}", m.actors);
    let ev = events("وقال وزير الخارجية الروسي إن موسكو تدعم الحل السياسي في ليبيا.");
    assert!(
        ev.iter().any(|e| e.actors.contains(&"Russia".into())),
        "{ev:?}"
    );
}

#[test]
fn the_capital_as_a_landmark_is_not_the_place_of_the_event() {
    let ev = events(
        "اندلعت اشتباكات عنيفة بين قوات الوفاق وقوات حفتر على بعد 50 كيلومترا جنوب العاصمة يوم الأربعاء.",
    );
    let clash = first_of(&ev, "armed_clash");
    assert!(
        !clash.places.contains(&"Tripoli".into()),
        "{:?}",
        clash.places
    );
    // Said plainly, the capital is the scene.
    let ev = events("اندلعت اشتباكات عنيفة بين قوات الوفاق وقوات حفتر في العاصمة يوم الأربعاء.");
    let clash = first_of(&ev, "armed_clash");
    assert_eq!(clash.places, ["Tripoli"]);
}

#[test]
fn a_denial_covers_what_it_denies_not_what_the_speaker_then_confirms() {
    let ev = events(
        "نفى المتحدث باسم الجيش الوطني الليبي أن تكون قواته قد انسحبت من مدينة سرت، مؤكدا أنها ما زالت تسيطر على قاعدة القرضابية.",
    );
    let withdrawal = first_of(&ev, "withdrawal");
    assert_eq!(withdrawal.modality, Modality::Negated);
    assert!(
        withdrawal.control.is_none(),
        "a denied withdrawal changes nothing"
    );
    let held = first_of(&ev, "control_claim");
    assert_eq!(held.modality, Modality::Asserted);
    assert_eq!(
        held.control.as_ref().and_then(|c| c.holder.as_deref()),
        Some("LNA")
    );
}

#[test]
fn a_deed_named_as_the_object_of_an_announcement_is_the_announcers() {
    let ev = events("أعلنت قوات حكومة الوفاق، مساء الأحد، استعادة السيطرة على مدينة ترهونة.");
    let taken = first_of(&ev, "territory_taken");
    let c = taken.control.as_ref().expect("it claims control");
    assert_eq!(
        (c.place.as_str(), c.holder.as_deref(), c.state),
        ("Tarhuna", Some("GNA"), ControlState::Held)
    );
}

#[test]
fn a_date_a_statement_names_as_before_or_after_is_its_contents_not_its_own() {
    let ev = events_dated(
        "رفض رئيس المجلس الرئاسي فائز السراج أي مبادرة لا تتضمن انسحاب القوات المهاجمة إلى مواقعها قبل 4 أبريل 2019.",
        "2019-06-20",
    );
    let said = first_of(&ev, "statement");
    assert_ne!(said.date.as_deref(), Some("2019-04-04"), "{:?}", said.date);
    // Said plainly on a date, that date is the statement's.
    let ev = events_dated(
        "رفض فائز السراج يوم 4 أبريل 2019 أي مبادرة للحوار.",
        "2019-06-20",
    );
    let said = first_of(&ev, "statement");
    assert_eq!(said.date.as_deref(), Some("2019-04-04"));
}

#[test]
fn a_short_insert_between_commas_stays_in_the_clause_of_its_verb() {
    // The announcer, the day and the deed are one event: the day set off by commas
    // does not cut the verb from its object.
    let ev = events_dated(
        "أعلنت قوات الوفاق، مساء الاثنين، سيطرتها على مدينة غريان بعد معارك عنيفة.",
        "2019-06-27",
    );
    let taken = first_of(&ev, "territory_taken");
    assert_eq!(taken.places, ["Gharyan"]);
    assert_eq!(taken.date.as_deref(), Some("2019-06-24"));
    let c = taken.control.as_ref().expect("a control claim");
    assert_eq!(c.holder.as_deref(), Some("GNA"));
    assert!(taken.evidence.starts_with("أعلنت"), "{}", taken.evidence);
    // A longer stretch after a comma is a clause of its own.
    let ev = events_dated(
        "قصفت الطائرات مواقع في سرت، وقالت مصادر محلية في المدينة إن القصف استمر ساعات.",
        "2019-06-27",
    );
    assert!(ev.len() >= 2, "{ev:?}");
}

#[test]
fn the_place_a_source_reports_from_is_not_the_events_place() {
    let ev = events("وقتل 12 مقاتلا في الاشتباكات بحسب مصادر طبية في مصراتة.");
    assert!(
        ev.iter().all(|e| !e.places.contains(&"Misrata".into())),
        "{ev:?}"
    );
    // A place named after the source phrase, past a comma, is the event's.
    let ev = events("وبحسب الأمم المتحدة، نزح آلاف السكان من ترهونة بسبب الاشتباكات.");
    assert!(
        ev.iter().any(|e| e.places.contains(&"Tarhuna".into())),
        "{ev:?}"
    );
}

#[test]
fn the_side_named_as_an_attacks_target_defends_the_place() {
    let ev = events("شنت قوات الوفاق هجوما مفاجئا على مواقع قوات حفتر في غريان.");
    let c = ev
        .iter()
        .find(|e| e.kind == "offensive")
        .and_then(|e| e.control.as_ref())
        .expect("a contested claim");
    assert_eq!(c.place, "Gharyan");
    assert_eq!(c.state, ControlState::Contested);
    assert_eq!(c.holder.as_deref(), Some("LNA"), "the target defends");
    assert_eq!(c.contenders, ["GNA"]);
    // The target alone named: it defends, it does not attack.
    let ev = events("وتقدمت القوات بعد هجوم مفاجئ على مواقع قوات حفتر في غريان.");
    let c = ev
        .iter()
        .filter(|e| e.kind == "offensive")
        .find_map(|e| e.control.as_ref())
        .expect("a contested claim");
    assert_eq!(c.holder.as_deref(), Some("LNA"), "{c:?}");
    assert!(c.contenders.is_empty(), "{c:?}");
    // Without a named target, the side that attacks is still the contender.
    let ev = events("هاجمت قوات حفتر مدينة غريان التي تسيطر عليها قوات الوفاق.");
    let c = ev.iter().find_map(|e| e.control.as_ref()).expect("claim");
    assert_ne!(c.holder.as_deref(), Some("LNA"), "{c:?}");
}

#[test]
fn export_is_not_repelling_an_attack() {
    // التصدير (export) begins like التصدي (repelling).
    assert!(
        !kinds("وقالت المؤسسة الوطنية للنفط إن التصدير من السدرة سيبقى متوقفا.")
            .contains(&"attack_repelled".into())
    );
    assert!(
        kinds("وتمكنت قوات الوفاق من التصدي للهجوم على غريان.").contains(&"attack_repelled".into())
    );
}

#[test]
fn fighting_that_stopped_is_not_fighting() {
    let ev = events("وتوقفت الاشتباكات في جنوب طرابلس منذ إعلان الهدنة.");
    assert!(
        ev.iter()
            .filter(|e| e.kind == "armed_clash")
            .all(|e| e.modality == Modality::Negated && e.control.is_none()),
        "{ev:?}"
    );
    // Fighting that resumed after a pause is fighting.
    let ev = events("وبعد أسبوعين من الهدوء، تجددت الاشتباكات في جنوب طرابلس.");
    assert!(
        ev.iter()
            .any(|e| e.kind == "armed_clash" && e.modality == Modality::Asserted),
        "{ev:?}"
    );
}

#[test]
fn a_town_fallen_into_hands_a_base_evacuated_and_a_future_passive() {
    // "في أيدي" (plural hands) names the new holder, as "في يد" does.
    let ev = events("وسقطت مدينة بني وليد في أيدي قوات المجلس الوطني الانتقالي.");
    let c = control_of(&ev, "territory_taken");
    assert_eq!(
        (c.place.as_str(), c.holder.as_deref(), c.state),
        ("Bani Walid", Some("NTC"), ControlState::Held)
    );
    // Evacuating a base is leaving it.
    let k = kinds("وقالت قوات حفتر إنها أخلت القاعدة في إطار إعادة التمركز.");
    assert!(k.contains(&"withdrawal".into()), "{k:?}");
    // "سيتم": what will be done has not been done.
    let ev = events("وقال المجلس إن إعلان تحرير مدينة سرت سيتم خلال أيام.");
    assert_eq!(first_of(&ev, "territory_taken").modality, Modality::Planned);
    // Drones named by their state's adjective are that state's.
    let ev = events("وشنت طائرات مسيرة تركية غارات على مواقع قرب مدينة ترهونة.");
    assert!(
        first_of(&ev, "air_strike")
            .actors
            .contains(&"Turkey".into()),
        "{ev:?}"
    );
}

#[test]
fn blame_for_a_deed_is_no_new_deed() {
    let k = kinds("وحمّلت حكومة الوفاق قوات حفتر مسؤولية القصف الذي استهدف حي أبو سليم.");
    assert!(!k.contains(&"air_strike".into()), "{k:?}");
    // The shelling itself, told plainly, is one.
    let k = kinds("وقصفت قوات حفتر حي أبو سليم بقذائف الهاون.");
    assert!(k.contains(&"air_strike".into()), "{k:?}");
}

#[test]
fn a_scene_phrase_between_the_casualty_verb_and_its_number() {
    let ev = events("وقتل في المعارك أكثر من 700 من عناصر القوات الموالية للحكومة في مدينة سرت.");
    let e = ev
        .iter()
        .find(|e| e.casualties.killed.is_some())
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(e.casualties.killed, Some(700));
    let ev = events("وأصيب جراء القصف 12 مدنيا في حي أبو سليم.");
    assert!(
        ev.iter().any(|e| e.casualties.injured == Some(12)),
        "{ev:?}"
    );
    // A number right after the preposition is not passed over: hospitals are no toll.
    let ev = events("ونقل الجرحى في 3 مستشفيات بمدينة مصراتة.");
    assert!(ev.iter().all(|e| e.casualties.injured.is_none()), "{ev:?}");
}

#[test]
fn the_owner_of_what_was_taken_did_not_take_it() {
    let ev = events_dated(
        "أعلنت قوات حكومة الوفاق الوطني اليوم سيطرتها الكاملة على مدينة غريان جنوب العاصمة طرابلس، بعد هجوم مباغت شنته فجرا على مواقع قوات خليفة حفتر في المدينة.\n\nوقال المتحدث باسم عملية بركان الغضب إن القوات دخلت وسط المدينة وسيطرت على غرفة العمليات الرئيسية لقوات حفتر، مضيفا أن العشرات وقعوا في الأسر.",
        "2019-06-26",
    );
    assert!(
        ev.iter()
            .all(|e| e.control.as_ref().is_none_or(
                |c| c.state != ControlState::Held || c.holder.as_deref() != Some("LNA")
            )),
        "{ev:?}"
    );
    // A force belonging to a side, named before the object, is that side.
    let ev = events("وسيطرت قوات تابعة لحكومة الوفاق على مدينة غريان.");
    let c = control_of(&ev, "territory_taken");
    assert_eq!(c.holder.as_deref(), Some("GNA"));
}

#[test]
fn where_a_force_comes_from_is_no_place_it_holds_or_lost() {
    let ev =
        events("وقالت الحكومة إن رتلا مسلحا قادما من مصراتة تراجع قبل بلوغ مشارف العاصمة طرابلس.");
    let w = first_of(&ev, "withdrawal");
    // The forces came from there (a place of the event), but nobody lost it.
    assert!(
        w.control.as_ref().is_none_or(|c| c.place != "Misrata"),
        "{w:?}"
    );
    // The same town named as the place of the deed stays its place.
    let ev = events("وتراجعت القوات من مدينة مصراتة باتجاه الجنوب.");
    let w = first_of(&ev, "withdrawal");
    assert!(w.places.contains(&"Misrata".into()), "{w:?}");
}

#[test]
fn a_person_who_changed_sides_is_on_the_side_of_the_article_date() {
    let text = "وقال فتحي باشاغا إن قواته لن تدخل طرابلس بالقوة.";
    let side = |day: &str| {
        let ev = events_dated(text, day);
        ev.iter()
            .flat_map(|e| e.actors.clone())
            .collect::<Vec<SmolStr>>()
    };
    // The GNA's interior minister in 2019, the House's prime minister in 2022.
    assert_eq!(side("2019-05-01"), ["GNA"]);
    assert_eq!(side("2022-08-27"), ["GNS"]);
    // A clash of his forces in 2022 puts his side, not the GNA, in the claim.
    let ev = events_dated(
        "واندلعت اشتباكات عنيفة في طرابلس بين قوات موالية لباشاغا وقوات حكومة الوحدة الوطنية.",
        "2022-08-27",
    );
    let c = control_of(&ev, "armed_clash");
    let sides: Vec<&str> = c
        .holder
        .iter()
        .chain(c.contenders.iter())
        .map(SmolStr::as_str)
        .collect();
    assert!(sides.contains(&"GNS") && !sides.contains(&"GNA"), "{c:?}");
    // The unity government held the capital then (the pack's background): it defends.
    assert_eq!(c.holder.as_deref(), Some("GNU"), "{c:?}");
}

#[test]
fn a_units_town_an_accusation_and_a_deed_that_comes_after_are_no_new_scene() {
    // "القوة الثالثة التابعة لمصراتة": the unit's town is not the place it attacked.
    let ev = events("وشنت القوة الثالثة التابعة لمصراتة هجوما على قاعدة براك الشاطئ الجوية.");
    let o = first_of(&ev, "offensive");
    assert!(o.places.contains(&"Brak Air Base".into()), "{o:?}");
    assert_eq!(
        o.control.as_ref().map(|c| c.place.as_str()),
        Some("Brak Air Base"),
        "{o:?}"
    );
    // Blaming a side for an attack, and an attack that "comes after", recall it.
    let k = kinds("وقال المتحدث إن الضحايا أعدموا، متهما حكومة الوفاق بالمسؤولية عن الهجوم.");
    assert!(!k.contains(&"offensive".into()), "{k:?}");
    let k = kinds("ويأتي الهجوم بعد أسبوعين من لقاء في أبوظبي.");
    assert!(!k.contains(&"offensive".into()), "{k:?}");
    // "قواتها ماضية في عملية تحرير سرت": an aim, not a deed done.
    let ev = events("وأكدت الحكومة أن قواتها ماضية في عملية تحرير مدينة سرت.");
    assert!(ev.iter().all(|e| e.control.is_none()), "{ev:?}");
}

/// Events of a text read as a file is: its paragraphs (a headline first) found.
fn events_of_article(text: &str, day: &str) -> Vec<Event> {
    let p = pack();
    let mut d = doc("t", text);
    d.paragraphs = tarikh::corpus::paragraphs(text);
    let n = Normalized::new(text);
    let found = tarikh::temporal::recognize(&d, &n, &p);
    let timex = tarikh::temporal::resolve(&found, &dct(day), text);
    tarikh::events::extract(&d, &n, &p, &dct(day), &timex)
}

#[test]
fn a_headline_its_body_tells_again_is_one_event() {
    let text = "قوات الوفاق تسيطر على مدينة غريان\n\nأعلنت قوات حكومة الوفاق اليوم الأربعاء سيطرتها على مدينة غريان بعد انسحاب قوات حفتر منها.\n";
    let ev = events_of_article(text, "2019-06-26");
    let taken: Vec<&Event> = ev.iter().filter(|e| e.kind == "territory_taken").collect();
    assert_eq!(taken.len(), 1, "{ev:?}");
    // The body's event is kept: its sentence and its own date.
    assert!(taken[0].evidence.starts_with("أعلنت"), "{ev:?}");
    assert_eq!(taken[0].date_source, tarikh::model::DateSource::Timex);
    // Ids stay t#1..n.
    let ids: Vec<String> = (1..=ev.len()).map(|i| format!("t#{i}")).collect();
    assert_eq!(ev.iter().map(|e| e.id.clone()).collect::<Vec<_>>(), ids);
    // A headline whose event the body does not tell again stays.
    let text = "اشتباكات عنيفة في مدينة سرت\n\nأعلنت قوات حكومة الوفاق اليوم الأربعاء سيطرتها على مدينة غريان.\n";
    let ev = events_of_article(text, "2019-06-26");
    assert!(
        ev.iter()
            .any(|e| e.kind == "armed_clash" && e.places.contains(&"Sirte".into())),
        "{ev:?}"
    );
}

#[test]
fn a_deed_of_a_fight_between_two_sides_has_both() {
    let text = "اندلعت اشتباكات عنيفة بين قوات حفتر وقوات الوفاق في مدينة غريان. وقتل 8 أشخاص على الأقل في المعارك. وقصفت القوات المهاجمة مواقع في المدينة.";
    let ev = events_dated(text, "2019-06-26");
    for kind in ["casualties", "air_strike"] {
        let e = ev
            .iter()
            .find(|e| e.kind == kind || (kind == "casualties" && e.casualties.killed == Some(8)))
            .unwrap_or_else(|| panic!("no {kind}: {ev:?}"));
        assert!(
            e.actors.contains(&"LNA".into()) && e.actors.contains(&"GNA".into()),
            "{e:?}"
        );
    }
    // A deed of a third side is its own: the pair is not put on it.
    let text = "اندلعت اشتباكات بين قوات حفتر وقوات الوفاق في مدينة غريان. وشن تنظيم الدولة هجوما على مدينة سرت.";
    let ev = events_dated(text, "2019-06-26");
    assert_eq!(first_of(&ev, "offensive").actors, ["ISIS"], "{ev:?}");
}

#[test]
fn a_withdrawal_toward_a_town_loses_the_town_it_left() {
    let ev = events("وأفاد مصدر عسكري أن قوات الوفاق انسحبت من غريان باتجاه ترهونة.");
    let c = control_of(&ev, "withdrawal");
    assert_eq!(c.place.as_str(), "Gharyan");
    assert_eq!(c.state, ControlState::Lost);
    assert_eq!(c.holder.as_deref(), Some("GNA"));
    // Named by its end alone, the move says who holds where it ends.
    let ev = events("وانسحبت قوات الوفاق إلى ترهونة.");
    let c = control_of(&ev, "withdrawal");
    assert_eq!(c.place.as_str(), "Tarhuna");
    assert_eq!(c.state, ControlState::Held);
}

#[test]
fn the_speaker_of_reported_words_did_not_take_or_leave_the_place() {
    let ev = events("وقال المتحدث باسم قوات الوفاق إن قوات حفتر انسحبت من مدينة غريان.");
    let c = control_of(&ev, "withdrawal");
    assert_eq!(
        (c.place.as_str(), c.holder.as_deref()),
        ("Gharyan", Some("LNA"))
    );
    // With no side named in the words, the speaker is the one who took it.
    let ev = events("وأعلنت قوات الوفاق أنها سيطرت على مدينة غريان.");
    let c = control_of(&ev, "territory_taken");
    assert_eq!(c.holder.as_deref(), Some("GNA"));
}

#[test]
fn a_state_named_as_where_someone_went_is_no_side() {
    let ev = events("وفر عشرات من مقاتلي التنظيم إلى تركيا بعد المعارك في سرت.");
    assert!(
        ev.iter()
            .all(|e| !e.actors.iter().any(|a| a.as_str() == "Turkey")),
        "{ev:?}"
    );
    let ev = events("وأرسلت تركيا طائرات مسيرة إلى قوات الوفاق في طرابلس.");
    assert!(
        ev.iter()
            .any(|e| e.actors.iter().any(|a| a.as_str() == "Turkey"))
    );
}

#[test]
fn who_a_report_is_credited_to_is_no_party_to_the_fighting() {
    let ev = events("واندلعت اشتباكات عنيفة في مدينة سبها، بحسب الأمم المتحدة.");
    let e = first_of(&ev, "armed_clash");
    assert!(!e.actors.iter().any(|a| a.as_str() == "UN"), "{e:?}");
}

#[test]
fn an_attack_contests_the_place_it_is_on_not_the_base_it_came_from() {
    let ev = events("واتخذت قوات حفتر من غريان قاعدة لهجومها على طرابلس.");
    assert!(ev.iter().all(|e| e.kind != "political_decision"), "{ev:?}");
    let c = control_of(&ev, "offensive");
    assert_eq!(c.place.as_str(), "Tripoli");
    assert_eq!(c.state, ControlState::Contested);
}

#[test]
fn the_direction_an_attack_came_from_gets_no_claim() {
    let ev = events("وشن المسلحون هجوما من جهة الجفرة على مواقع الجيش الوطني الليبي في راس لانوف.");
    let c = control_of(&ev, "offensive");
    assert_eq!(c.place.as_str(), "Ras Lanuf");
}

#[test]
fn sides_named_as_between_two_leave_the_holder_unsaid() {
    let ev = events("واندلعت اشتباكات في سبها بين مسلحين من التبو وآخرين من قبيلة أولاد سليمان.");
    let c = control_of(&ev, "armed_clash");
    assert_eq!(c.holder, None);
    assert_eq!(c.contenders.len(), 2, "{c:?}");
}

#[test]
fn a_dead_leader_named_years_later_is_no_side() {
    let ev = events_on(
        "وانسحبت قوات فجر ليبيا من سرت، مسقط رأس العقيد الراحل معمر القذافي.",
        "2015-06-10",
    );
    let e = first_of(&ev, "withdrawal");
    assert!(
        !e.actors.iter().any(|a| a.as_str() == "Gaddafi forces"),
        "{e:?}"
    );
    // In his own war he is one.
    let ev = events_on("وشنت قوات القذافي هجوما على مدينة مصراتة.", "2011-04-20");
    let e = first_of(&ev, "offensive");
    assert!(
        e.actors.iter().any(|a| a.as_str() == "Gaddafi forces"),
        "{e:?}"
    );
}

#[test]
fn a_government_named_by_its_seat_is_the_side_that_sat_there_that_year() {
    let side = |day: &str| {
        let ev = events_on("وأعلنت حكومة طرابلس أنها سيطرت على مدينة سرت.", day);
        first_of(&ev, "territory_taken").actors.clone()
    };
    assert!(side("2015-06-10").iter().any(|a| a.as_str() == "GNC"));
    assert!(side("2019-06-10").iter().any(|a| a.as_str() == "GNA"));
}

#[test]
fn misratas_brigades_hold_for_the_side_of_the_day() {
    let holder = |day: &str| {
        let ev = events_on("وسيطرت قوات مصراتة على مطار طرابلس الدولي.", day);
        control_of(&ev, "territory_taken").holder
    };
    assert_eq!(holder("2014-08-23").as_deref(), Some("Libya Dawn"));
    assert_eq!(holder("2019-06-10").as_deref(), Some("GNA"));
}

#[test]
fn fighters_named_by_their_town_did_not_fight_in_it() {
    let ev = events("وأكد المتحدث أن قوات حفتر ومسلحي ترهونة انسحبوا من قصر بن غشير.");
    let c = control_of(&ev, "withdrawal");
    assert_ne!(c.place.as_str(), "Tarhuna", "{c:?}");
}

#[test]
fn civilians_who_flee_are_no_withdrawing_side() {
    assert!(!kinds("وفر آلاف السكان من أحياء جنوب طرابلس.").contains(&"withdrawal".into()));
}

#[test]
fn a_clause_that_turns_to_another_matter_lends_no_place() {
    let ev = events(
        "ولم تعلق حكومة الوفاق على انسحاب الكتيبة، في حين دعا مجلس النواب في طبرق إلى الحوار.",
    );
    let e = first_of(&ev, "withdrawal");
    assert!(!e.places.iter().any(|p| p.as_str() == "Tobruk"), "{e:?}");
}

#[test]
fn in_the_south_of_the_capital_is_in_the_capital() {
    let ev = events("واندلعت اشتباكات عنيفة في جنوب العاصمة.");
    let e = first_of(&ev, "armed_clash");
    assert!(e.places.iter().any(|p| p.as_str() == "Tripoli"), "{e:?}");
}

#[test]
fn an_aside_describing_a_side_names_no_other_side_or_place() {
    let ev = events_on(
        "وأعلنت قوات فجر ليبيا، وهي تحالف لكتائب من مصراتة، السبت سيطرتها على مطار طرابلس الدولي.",
        "2014-08-24",
    );
    let e = first_of(&ev, "territory_taken");
    assert!(!e.places.iter().any(|p| p.as_str() == "Misrata"), "{e:?}");
    assert_eq!(
        control_of(&ev, "territory_taken").holder.as_deref(),
        Some("Libya Dawn")
    );
}

#[test]
fn a_deed_told_as_a_stated_lapse_before_another_is_dated_back_from_it() {
    let ev = events_dated(
        "ودخلت قوات الوفاق مدينة ترهونة يوم الجمعة 5 يونيو 2020، بعد يوم من إعلانها السيطرة على العاصمة طرابلس.",
        "2020-06-06",
    );
    let dates: Vec<Option<&str>> = ev.iter().map(|e| e.date.as_deref()).collect();
    assert_eq!(dates, [Some("2020-06-05"), Some("2020-06-04")], "{ev:?}");
    // "More than five weeks" says no day.
    let ev = events_dated(
        "وسيطرت قوات فجر ليبيا على مطار طرابلس يوم 23 أغسطس 2014، بعد أكثر من خمسة أسابيع من القتال مع كتائب الزنتان.",
        "2014-08-24",
    );
    assert!(
        ev.iter().all(|e| e.date.as_deref() != Some("2014-07-19")),
        "{ev:?}"
    );
}

#[test]
fn the_side_a_verb_of_expelling_names_is_driven_out() {
    let ev = events_on(
        "وقال قائد ميداني للثوار إن قواته طردت آخر جنود القذافي من وسط مدينة مصراتة صباح اليوم.",
        "2011-05-15",
    );
    let c = control_of(&ev, "territory_taken");
    assert_eq!(c.place.as_str(), "Misrata");
    assert_eq!(c.holder.as_deref(), Some("NTC"), "{ev:?}");
}

#[test]
fn bare_rebels_are_the_2011_rebels_only_in_2011() {
    let ev = events_on("وسيطر الثوار على مدينة الزاوية.", "2011-08-20");
    assert_eq!(
        control_of(&ev, "territory_taken").holder.as_deref(),
        Some("NTC")
    );
    // In 2016 the name is no side: no claim is made for it.
    let ev = events_on("وسيطر الثوار على مدينة الزاوية.", "2016-08-20");
    let e = first_of(&ev, "territory_taken");
    assert!(e.control.is_none(), "{e:?}");
}

#[test]
fn government_forces_are_the_government_of_the_day() {
    let side = |day| {
        let ev = events_on("وسيطرت القوات الحكومية على مدينة الزاوية.", day);
        control_of(&ev, "territory_taken").holder.map(String::from)
    };
    assert_eq!(side("2011-04-01").as_deref(), Some("Gaddafi forces"));
    assert_eq!(side("2018-04-01").as_deref(), Some("GNA"));
}

#[test]
fn a_deed_said_to_be_a_matter_of_days_is_planned() {
    let ev = events_on(
        "وقال المجلس إن الهجوم على العاصمة طرابلس مسألة أيام.",
        "2011-08-20",
    );
    let e = first_of(&ev, "offensive");
    assert_eq!(e.modality, Modality::Planned);
    assert!(e.control.is_none(), "{e:?}");
}

#[test]
fn a_negation_stops_at_a_cause_it_names() {
    let ev = events_on(
        "ولم تتمكن فرق الإسعاف من الوصول إلى مدينة مرزق بسبب استمرار القتال.",
        "2019-08-05",
    );
    assert_eq!(first_of(&ev, "armed_clash").modality, Modality::Asserted);
    // Without a cause the inability still negates the deed it governs.
    let ev = events_on("ولم تتمكن القوات من اقتحام مدينة مرزق.", "2019-08-05");
    assert!(ev.iter().all(|e| e.modality == Modality::Negated), "{ev:?}");
}

#[test]
fn before_it_opens_no_reported_speech() {
    // "قبل أن": the sides named before are not a speaker whose words name the attack.
    let ev = events_on(
        "واندلعت اشتباكات بين قبائل التبو وقوات موالية لحفتر، قبل أن يطلق هجومه على طرابلس في الرابع من أبريل.",
        "2019-08-05",
    );
    let e = first_of(&ev, "offensive");
    let c = e.control.as_deref();
    assert!(
        c.is_none_or(|c| !c.contenders.iter().any(|s| s.as_str() == "Tebu")),
        "{e:?}"
    );
}

#[test]
fn the_city_of_an_article_is_the_one_it_names_most() {
    let text = "اشتباكات في مرزق\n\nقال مسؤولون إن اشتباكات عنيفة اندلعت في مرزق مساء الأحد.\n\nوتشهد مرزق منذ أسابيع مواجهات، وكان حفتر قد أطلق هجومه على طرابلس في أبريل.\n\nودعت الأمم المتحدة إلى التهدئة.\n\nوقال الهلال الأحمر إن القتال تواصل في المدينة حتى صباح الاثنين.";
    let ev = events_on(text, "2019-08-05");
    let last = ev
        .iter()
        .rfind(|e| e.kind == "armed_clash")
        .expect("the last clash");
    assert_eq!(last.places, [SmolStr::new("Murzuq")], "{ev:?}");
}

#[test]
fn a_pledge_to_retake_a_town_is_planned() {
    let ev = events_on(
        "وقالت حكومة الوفاق إن قواتها انسحبت من سرت، وتعهدت باستعادتها.",
        "2020-01-06",
    );
    let retake: Vec<&Event> = ev.iter().filter(|e| e.kind == "territory_taken").collect();
    assert!(
        retake
            .iter()
            .all(|e| e.modality == Modality::Planned && e.control.is_none()),
        "{ev:?}"
    );
}

#[test]
fn the_presidential_council_is_the_gna_then_the_unity_governments() {
    let side = |day| {
        let ev = events_on("أعلن المجلس الرئاسي النفير العام في طرابلس.", day);
        ev.first().map(|e| e.actors.clone()).unwrap_or_default()
    };
    assert_eq!(side("2019-04-10"), [SmolStr::new("GNA")]);
    assert_eq!(side("2022-04-10"), [SmolStr::new("GNU")]);
}

#[test]
fn a_side_said_to_hold_a_town_in_reported_words_holds_it_not_the_speaker() {
    let ev = events_on(
        "وقال المتحدث باسم الجيش الوطني الليبي إن عناصر من تنظيم داعش تتحصن في مدينة مرزق.",
        "2019-08-05",
    );
    let c = control_of(&ev, "control_claim");
    assert_eq!(c.place.as_str(), "Murzuq");
    assert_eq!(c.holder.as_deref(), Some("ISIS"), "{ev:?}");
}

#[test]
fn the_organisation_and_the_army_stand_for_the_last_one_named() {
    let ev = events_on(
        "وسيطر تنظيم داعش على مدينة درنة في أكتوبر. ويسيطر التنظيم منذ ذلك الحين على مقار حكومية في سرت.",
        "2015-06-01",
    );
    let c = claim_on(&ev, "Sirte");
    assert_eq!(c.holder.as_deref(), Some("ISIS"));
    let ev = events_on(
        "أعلن الجيش الوطني الليبي بدء عملية عسكرية. ودخلت وحدات من الجيش مدينة غريان دون قتال.",
        "2019-04-04",
    );
    assert_eq!(
        control_of(&ev, "territory_taken").holder.as_deref(),
        Some("LNA")
    );
}

#[test]
fn the_army_stands_for_no_one_without_an_army_named_before_or_before_an_adjective() {
    // Nobody named before: the army is nobody's.
    let ev = events_on("ودخلت وحدات من الجيش مدينة غريان دون قتال.", "2019-04-04");
    assert!(ev.iter().all(|e| e.actors.is_empty()), "{ev:?}");
    // "الجيش الأمريكي" is another army, whoever was named before.
    let ev = events_on(
        "أعلن الجيش الوطني الليبي بدء عملية عسكرية. وشن الجيش الأمريكي غارة جوية على مدينة سرت.",
        "2019-04-04",
    );
    let strike = first_of(&ev, "air_strike");
    assert!(
        !strike.actors.iter().any(|a| a.as_str() == "LNA"),
        "{strike:?}"
    );
}

#[test]
fn the_ends_that_locate_a_stretch_are_no_places_of_the_deed() {
    let ev = events_on(
        "وبات تنظيم داعش يسيطر على شريط ساحلي يقع في منتصف الطريق بين طرابلس وبنغازي.",
        "2015-06-01",
    );
    for e in &ev {
        assert!(
            !e.places
                .iter()
                .any(|p| matches!(p.as_str(), "Tripoli" | "Benghazi")),
            "{e:?}"
        );
    }
}

#[test]
fn a_relative_clause_set_off_after_a_name_describes_it_and_the_name_is_the_side() {
    let ev = events_on(
        "وأعلن مجلس شورى ثوار بنغازي، الذي يضم جماعة أنصار الشريعة وكتائب أخرى، مساء الثلاثاء سيطرته على منطقة بوعطني.",
        "2014-07-30",
    );
    let c = control_of(&ev, "territory_taken");
    assert_eq!(c.holder.as_deref(), Some("BRSC"), "{ev:?}");
}

#[test]
fn a_committee_that_signs_an_agreement_is_not_expecting_one() {
    let ev = events_on(
        "اللجنة العسكرية المشتركة توقع اتفاقا لوقف إطلاق النار في جنيف",
        "2020-10-23",
    );
    assert!(
        ev.iter().all(|e| e.modality != Modality::Hypothetical),
        "{ev:?}"
    );
}

#[test]
fn where_a_later_clause_heads_is_no_place_of_an_earlier_deed() {
    let ev = events_on(
        "وكانت المعارك قد توقفت منذ يونيو، بعد أن استعادت قوات الوفاق السيطرة على كامل الغرب الليبي وتقدمت نحو سرت.",
        "2020-10-24",
    );
    let e = first_of(&ev, "territory_taken");
    assert!(
        !e.places.iter().any(|p| p.as_str() == "Sirte") && e.control.is_none(),
        "{e:?}"
    );
}

#[test]
fn a_verb_joined_by_and_shares_the_subject_of_the_deed_before_it() {
    let ev = events_dated(
        "وفي أبريل 2019 شن حفتر هجوما على العاصمة، لكن قوات حكومة الوفاق تمكنت من صده، واستعادت في يونيو 2020 مدينة ترهونة.",
        "2023-02-17",
    );
    let c = claim_on(&ev, "Tarhuna");
    assert_eq!(c.holder.as_deref(), Some("GNA"));
}

#[test]
fn a_hold_told_years_before_does_not_defend_a_place_now() {
    let ev = events_dated(
        "وسيطر تحالف فجر ليبيا على طرابلس في أغسطس 2014. وفي أبريل 2019 شن الجيش الوطني الليبي هجوما على طرابلس.",
        "2023-02-17",
    );
    let c = control_of(&ev, "offensive");
    assert_eq!(c.holder.as_deref(), Some("GNA"), "{ev:?}");
}

#[test]
fn a_date_set_off_by_a_comma_yields_to_one_beside_the_trigger() {
    let ev = events_dated(
        "فقد أطلق خليفة حفتر عملية الكرامة في مايو 2014، وأعلن السيطرة الكاملة على بنغازي في يوليو 2017.",
        "2023-02-17",
    );
    let e = first_of(&ev, "territory_taken");
    assert_eq!(e.date.as_deref(), Some("2017-07"), "{ev:?}");
}

#[test]
fn the_alliance_stands_for_nato_named_before() {
    let ev = events_on(
        "قصفت طائرات حلف شمال الأطلسي مواقع قرب مصراتة. وقال متحدث حكومي إن غارات الحلف قتلت مدنيين في زليتن.",
        "2011-06-13",
    );
    let strikes: Vec<&Event> = ev.iter().filter(|e| e.kind == "air_strike").collect();
    assert!(
        strikes.len() == 2
            && strikes
                .iter()
                .all(|e| e.actors.iter().any(|a| a.as_str() == "NATO")),
        "{ev:?}"
    );
}

#[test]
fn a_chronology_line_in_the_present_tells_a_taking() {
    let ev = events_dated(
        "- 26 يونيو 2019: قوات الوفاق تستعيد مدينة غريان.",
        "2020-06-10",
    );
    let e = first_of(&ev, "territory_taken");
    assert_eq!(e.date.as_deref(), Some("2019-06-26"));
    assert_eq!(
        e.control.as_deref().and_then(|c| c.holder.as_deref()),
        Some("GNA")
    );
}

#[test]
fn what_has_lasted_since_a_year_does_not_date_a_taking() {
    let ev = events_dated(
        "وأعلنت قوات حفتر اليوم الأحد سيطرتها على مطار طرابلس الدولي المغلق منذ عام 2014.",
        "2019-04-07",
    );
    let e = first_of(&ev, "territory_taken");
    assert_eq!(e.date.as_deref(), Some("2019-04-07"), "{ev:?}");
    let ev = events_dated(
        "وأعلنت قوات حفتر سيطرتها على مطار طرابلس الدولي المغلق منذ عام 2014.",
        "2019-04-07",
    );
    let e = first_of(&ev, "territory_taken");
    assert_ne!(e.date.as_deref(), Some("2014"), "{ev:?}");
}

#[test]
fn american_aircraft_named_by_the_adjective_are_the_united_states() {
    let ev = events_on(
        "قصفت طائرات حربية أمريكية فجر الجمعة معسكرا لتنظيم داعش قرب مدينة صبراتة.",
        "2016-02-20",
    );
    let e = first_of(&ev, "air_strike");
    assert!(e.actors.iter().any(|a| a.as_str() == "USA"), "{e:?}");
}

#[test]
fn a_deed_someone_will_carry_on_or_hopes_for_is_planned() {
    let ev = events_dated(
        "وأكد المتحدث أن القوات ستواصل التقدم حتى تحرير مدينة بني وليد.",
        "2011-09-20",
    );
    assert!(
        ev.iter().all(|e| e.modality != Modality::Asserted
            || e.control
                .as_deref()
                .is_none_or(|c| c.place.as_str() != "Bani Walid")),
        "{ev:?}"
    );
    let ev = events_dated(
        "وقال قائد ميداني إن مقاتليه يأملون في حسم المعركة في سرت خلال أيام.",
        "2011-10-10",
    );
    assert!(
        ev.iter()
            .filter(|e| e.places.iter().any(|p| p.as_str() == "Sirte"))
            .all(|e| e.modality != Modality::Asserted),
        "{ev:?}"
    );
}

#[test]
fn what_has_gone_on_since_a_month_spans_to_the_articles_day() {
    let ev = events_dated(
        "ونفذت الطائرات الأمريكية عشرات الغارات على مواقع التنظيم في سرت منذ أغسطس الماضي.",
        "2016-10-15",
    );
    let e = first_of(&ev, "air_strike");
    assert_eq!(e.precision, Precision::Range, "{e:?}");
    assert_eq!(e.date.as_deref(), Some("2016-08-01"), "{e:?}");
    assert_eq!(e.date_end.as_deref(), Some("2016-10-15"), "{e:?}");
}

#[test]
fn a_joined_verb_whose_only_side_is_named_after_with_keeps_the_subject() {
    let ev = events_dated(
        "هاجمت قوات حرس المنشآت النفطية فجر الخميس ميناء الزويتينة، وسيطرت على ميناء البريقة بعد اشتباكات مع قوات الجيش الوطني الليبي.",
        "2018-06-15",
    );
    let c = claim_on(&ev, "Brega");
    assert_eq!(c.holder.as_deref(), Some("PFG"), "{ev:?}");
}

#[test]
fn the_city_a_later_clause_names_by_anaphor_is_the_fights_place() {
    let ev = events_dated(
        "وعاد الهدوء الحذر إلى مصراتة مساء الجمعة. واندلعت المواجهات فجر السبت بين مسلحين من الطرفين، واستخدمت فيها الأسلحة الثقيلة في أحياء سكنية وسط المدينة.",
        "2022-08-28",
    );
    let e = first_of(&ev, "armed_clash");
    assert_eq!(e.places, vec![SmolStr::new("Misrata")], "{ev:?}");
}

#[test]
fn the_city_is_the_one_a_district_or_a_force_is_named_after_when_no_other() {
    // Named only in a force's name.
    let ev = events_dated(
        "نفى المتحدث باسم مجلس شورى ثوار بنغازي سقوط مواقعهم. وقال شهود إن الاشتباكات تجددت صباح اليوم وسط المدينة.",
        "2015-03-02",
    );
    let e = first_of(&ev, "armed_clash");
    assert_eq!(e.places, vec![SmolStr::new("Benghazi")], "{ev:?}");
    // A district of it named in an earlier paragraph.
    let ev = events_dated(
        "أعلن الجيش مساء أمس سيطرته على حي شيحا.\n\nوقال شهود إن الاشتباكات تجددت صباح اليوم وسط المدينة.",
        "2018-06-10",
    );
    let e = ev
        .iter()
        .find(|e| e.kind == "armed_clash" && e.evidence.contains("تجددت"))
        .expect("the clash");
    assert_eq!(e.places, vec![SmolStr::new("Derna")], "{ev:?}");
}

#[test]
fn aircraft_flying_over_a_city_are_no_air_strike() {
    let ev = events_on(
        "وقال شهود إن طائرات حربية حلقت فوق مدينة درنة مساء أمس.",
        "2018-06-10",
    );
    assert!(ev.iter().all(|e| e.kind != "air_strike"), "{ev:?}");
    let ev = events_on(
        "وقال شهود إن طائرات حربية قصفت مدينة درنة مساء أمس.",
        "2018-06-10",
    );
    assert!(ev.iter().any(|e| e.kind == "air_strike"), "{ev:?}");
}

#[test]
fn where_the_losers_withdrew_to_is_not_what_was_taken() {
    let ev = events_dated(
        "دخلت قوات الوفاق مدينة ترهونة يوم الجمعة. وقالت الحكومة إن قواتها بسطت سيطرتها على المدينة بالكامل بعد انسحاب قوات حفتر منها باتجاه بني وليد.",
        "2020-06-06",
    );
    assert!(
        ev.iter()
            .filter_map(|e| e.control.as_deref())
            .all(|c| c.place.as_str() != "Bani Walid"),
        "{ev:?}"
    );
    let taken: Vec<&Event> = ev.iter().filter(|e| e.kind == "territory_taken").collect();
    assert!(
        taken.len() == 2
            && taken
                .iter()
                .all(|e| e.places == vec![SmolStr::new("Tarhuna")]),
        "{ev:?}"
    );
}

#[test]
fn coming_forward_with_papers_is_no_advance() {
    let ev = events_on(
        "وتقدم نحو 98 مرشحا بأوراقهم إلى مكتب المفوضية في طرابلس لخوض السباق.",
        "2021-11-25",
    );
    assert!(ev.iter().all(|e| e.kind != "offensive"), "{ev:?}");
    let ev = events_on("وتقدمت قوات الجيش نحو مدينة سرت فجر اليوم.", "2020-01-06");
    assert!(ev.iter().any(|e| e.kind == "offensive"), "{ev:?}");
}

#[test]
fn a_city_west_of_the_capital_named_is_not_in_the_capital() {
    for text in [
        "اندلعت اشتباكات عنيفة ليل الجمعة في مدينة الزاوية غرب العاصمة طرابلس.",
        "اندلعت اشتباكات عنيفة ليل الجمعة في مدينة الزاوية غرب مدينة طرابلس.",
    ] {
        let ev = events_on(text, "2023-04-15");
        let e = first_of(&ev, "armed_clash");
        assert_eq!(e.places, vec![SmolStr::new("Zawiya")], "{ev:?}");
    }
}

#[test]
fn a_parliament_named_congress_is_no_conference() {
    let ev = events_on(
        "ووصل وفد المؤتمر الوطني العام إلى مدينة غدامس اليوم للمشاركة في جولة الحوار.",
        "2016-09-22",
    );
    assert!(ev.iter().all(|e| e.kind != "conference"), "{ev:?}");
    let ev = events_on(
        "وانطلق مؤتمر برلين حول ليبيا اليوم بمشاركة دولية واسعة.",
        "2020-01-19",
    );
    assert!(ev.iter().any(|e| e.kind == "conference"), "{ev:?}");
}

#[test]
fn a_call_followed_by_another_deed_of_the_caller_is_no_speech_intro() {
    let ev = events_on(
        "ودعا المجلس الرئاسي إلى وقف فوري للقتال، وكلف رئاسة الأركان بنشر قوة فض نزاع في الزاوية.",
        "2023-04-15",
    );
    assert!(
        ev.iter()
            .any(|e| e.kind == "statement" && e.evidence.starts_with("ودعا")),
        "{ev:?}"
    );
}

#[test]
fn a_side_that_lost_a_town_withdrew_from_it() {
    let ev = events_dated("وفي يونيو 2019 خسرت قوات حفتر مدينة غريان.", "2020-04-04");
    let c = control_of(&ev, "withdrawal");
    assert_eq!(
        (c.place.as_str(), c.holder.as_deref(), c.state),
        ("Gharyan", Some("LNA"), ControlState::Lost),
        "{ev:?}"
    );
    // A loss with no place after it is no row of the map.
    let ev = events_dated("وخسرت قوات حفتر عشرات المقاتلين.", "2020-04-04");
    assert!(ev.iter().all(|e| e.control.is_none()), "{ev:?}");
}

#[test]
fn a_toll_since_an_offensive_began_is_the_toll_over_that_time() {
    let ev = events_dated(
        "وارتفع عدد القتلى منذ بدء الهجوم على العاصمة في الرابع من نيسان إلى 432 قتيلا، حسب منظمة الصحة العالمية.",
        "2019-05-06",
    );
    let e = first_of(&ev, "casualties");
    assert_eq!(e.casualties.killed, Some(432));
    assert_eq!(
        (e.date.as_deref(), e.date_end.as_deref(), e.precision),
        (Some("2019-04-04"), Some("2019-05-06"), Precision::Range),
        "{ev:?}"
    );
    assert!(ev.iter().all(|e| e.kind != "offensive"), "{ev:?}");
}

#[test]
fn the_opposition_of_2011_is_the_rebels_side() {
    let ev = events_on(
        "وقال متحدث باسم المعارضة إن المعارضين ما زالوا يسيطرون على وسط مدينة مصراتة.",
        "2011-05-01",
    );
    assert_eq!(
        claim_on(&ev, "Misrata").holder.as_deref(),
        Some("NTC"),
        "{ev:?}"
    );
}

#[test]
fn a_deed_told_between_since_and_its_date_happened_at_that_date() {
    let ev = events_dated(
        "وعقدت اللجنة أول اجتماع لها منذ اجتماعها الأخير في نيويورك في سبتمبر 2017.",
        "2018-05-03",
    );
    let last = ev
        .iter()
        .find(|e| e.evidence.contains("اجتماعها الأخير"))
        .expect("the last meeting");
    assert_eq!(
        (last.date.as_deref(), last.precision),
        (Some("2017-09"), Precision::Month),
        "{ev:?}"
    );
}

#[test]
fn people_going_out_into_a_citys_streets_lose_nothing() {
    let ev = events_on(
        "وخرج مئات من سكان بنغازي إلى الشوارع احتفالا بالإعلان.",
        "2017-07-06",
    );
    assert!(ev.iter().all(|e| e.kind != "withdrawal"), "{ev:?}");
}

#[test]
fn the_town_with_no_name_is_the_town_named_before() {
    let ev = events_dated(
        "سيطرت قوات الوفاق الاثنين على بلدة الأصابعة.\n\nوأضافت المصادر أن قوات حفتر استعادت البلدة بعد ساعات.",
        "2020-04-14",
    );
    let retaken = ev
        .iter()
        .find(|e| e.evidence.contains("استعادت"))
        .expect("the retaking");
    assert_eq!(retaken.places, vec![SmolStr::new("Asabaa")], "{ev:?}");
    assert_eq!(
        retaken.control.as_deref().and_then(|c| c.holder.as_deref()),
        Some("LNA")
    );
}

#[test]
fn the_side_a_place_is_taken_from_lost_it() {
    let ev = events_on(
        "وتم تحرير مدينة صبراتة بالكامل من عناصر تنظيم داعش مساء الخميس.",
        "2017-10-05",
    );
    let c = claim_on(&ev, "Sabratha");
    assert_eq!(
        (c.holder.as_deref(), c.state),
        (Some("ISIS"), ControlState::Lost),
        "{ev:?}"
    );
    let ev = events_on(
        "واستعادت قوات الوفاق مدينة سرت من قبضة تنظيم داعش.",
        "2016-12-06",
    );
    let c = claim_on(&ev, "Sirte");
    assert_eq!(
        (c.holder.as_deref(), c.state),
        (Some("GNA"), ControlState::Held),
        "{ev:?}"
    );
}

#[test]
fn what_a_side_affirms_after_denying_is_not_denied() {
    let ev = events_on(
        "نفت القيادة العامة أي علاقة لها بالقصف، مؤكدة التزامها بوقف إطلاق النار الذي دخل حيز التنفيذ منتصف ليل السبت.",
        "2020-01-12",
    );
    assert!(
        ev.iter()
            .filter(|e| e.evidence.contains("حيز التنفيذ"))
            .all(|e| e.modality != Modality::Negated),
        "{ev:?}"
    );
}

#[test]
fn a_meeting_since_a_month_is_the_one_in_that_month() {
    let ev = events_dated(
        "وهذا هو اللقاء الثاني بين الرجلين منذ لقائهما في باريس في مايو 2018.",
        "2019-02-28",
    );
    let e = first_of(&ev, "meeting");
    assert_eq!(
        (e.date.as_deref(), e.precision),
        (Some("2018-05"), Precision::Month),
        "{ev:?}"
    );
}

#[test]
fn an_attack_in_a_province_the_pack_does_not_know_is_not_at_the_scene() {
    let ev = events_dated(
        "شنت مقاتلات مصرية فجر اليوم غارات على مواقع في مدينة درنة، ردا على هجوم استهدف حافلة في محافظة المنيا أمس، وأسفر عن مقتل 29 شخصا.",
        "2017-05-27",
    );
    let strike = first_of(&ev, "air_strike");
    assert_eq!(strike.places, vec![SmolStr::new("Derna")], "{ev:?}");
    assert!(
        strike.actors.iter().any(|a| a.as_str() == "Egypt"),
        "{ev:?}"
    );
    for e in ev.iter().filter(|e| e.kind != "air_strike") {
        assert!(e.places.is_empty(), "{e:?}");
        assert!(e.control.is_none(), "{e:?}");
    }
}

#[test]
fn an_operation_launched_by_its_name_is_an_offensive() {
    let ev = events_dated(
        "- 16 مايو 2014: اللواء خليفة حفتر يطلق عملية الكرامة ضد الجماعات المسلحة في بنغازي.",
        "2020-06-10",
    );
    let e = first_of(&ev, "offensive");
    assert_eq!(e.date.as_deref(), Some("2014-05-16"));
    assert_eq!(e.places, vec![SmolStr::new("Benghazi")], "{ev:?}");
    // The name alone is no launch.
    let ev = events_on(
        "وقالت قوات عملية الكرامة إنها سيطرت على المطار.",
        "2014-06-10",
    );
    assert!(ev.iter().all(|e| e.kind != "offensive"), "{ev:?}");
}

#[test]
fn an_agreement_signed_is_where_its_name_says() {
    let ev = events_dated(
        "- 17 ديسمبر 2015: توقيع اتفاق الصخيرات في المغرب.",
        "2020-06-10",
    );
    let e = first_of(&ev, "political_decision");
    assert_eq!(e.places, vec![SmolStr::new("Skhirat")], "{ev:?}");
    assert_eq!(e.date.as_deref(), Some("2015-12-17"));
}

#[test]
fn fighting_since_the_start_of_the_month_runs_from_its_first_day() {
    let ev = events_dated(
        "وسيطرت القوات على منطقة الهيرة، بعد معارك استمرت منذ مطلع الشهر الجاري.",
        "2019-07-20",
    );
    let e = first_of(&ev, "armed_clash");
    assert_eq!(
        (e.date.as_deref(), e.date_end.as_deref()),
        (Some("2019-07-01"), Some("2019-07-20")),
        "{ev:?}"
    );
}

#[test]
fn the_same_area_is_the_place_named_last() {
    let ev = events_dated(
        "أعلن الجيش أول أمس سيطرته على منطقة الهيرة.\n\nوكانت قوات الوفاق قد استعادت المنطقة نفسها في نهاية الشهر الماضي.",
        "2019-07-20",
    );
    let e = ev
        .iter()
        .find(|e| e.evidence.contains("المنطقة نفسها"))
        .expect("the earlier taking");
    assert_eq!(e.places, vec![SmolStr::new("Hira")], "{ev:?}");
}

#[test]
fn a_dateline_with_a_date_after_in_is_no_place_of_the_fight() {
    let ev = events_dated(
        "طرابلس في 28 كانون الثاني 2019 - اندلعت اشتباكات مسلحة صباح اليوم في منطقة قصر بن غشير بين قوات اللواء السابع وقوات حماية طرابلس.",
        "2019-01-28",
    );
    let e = first_of(&ev, "armed_clash");
    assert!(!e.places.iter().any(|p| p.as_str() == "Tripoli"), "{e:?}");
    assert!(
        e.places.iter().any(|p| p.as_str() == "Qasr Bin Ghashir"),
        "{e:?}"
    );
    assert!(
        e.actors
            .iter()
            .any(|a| a.as_str() == "Tripoli Protection Force"),
        "{e:?}"
    );
}

#[test]
fn who_a_later_clause_turns_to_is_no_party_to_the_toll() {
    let ev = events_dated(
        "وأفادت مصادر طبية بسقوط 3 قتلى و7 جرحى في ترهونة، فيما أعلنت البعثة الأممية عن قلقها من تجدد القتال.",
        "2019-01-28",
    );
    let e = first_of(&ev, "casualties");
    assert!(!e.actors.iter().any(|a| a.as_str() == "UNSMIL"), "{ev:?}");
}

#[test]
fn a_clause_that_leaves_out_its_verb_repeats_the_last_deed() {
    let ev = events_dated(
        "سيطرت قوات حفتر على بنغازي في يوليو 2017، ثم على درنة في يونيو 2018.",
        "2020-01-10",
    );
    let c = claim_on(&ev, "Derna");
    assert_eq!(c.holder.as_deref(), Some("LNA"), "{ev:?}");
    let derna = ev
        .iter()
        .find(|e| e.places.iter().any(|p| p.as_str() == "Derna"))
        .expect("Derna");
    assert_eq!(
        (derna.kind.as_str(), derna.date.as_deref()),
        ("territory_taken", Some("2018-06")),
        "{ev:?}"
    );
    // "ثم" with a verb of its own is its own deed.
    let ev = events_dated(
        "سيطرت قوات حفتر على بنغازي في يوليو 2017، ثم في الحديث عن درنة قال إنها التالية.",
        "2020-01-10",
    );
    assert!(
        ev.iter()
            .all(|e| e.kind != "territory_taken" || !e.places.iter().any(|p| p.as_str() == "Derna")),
        "{ev:?}"
    );
}

#[test]
fn an_attacker_set_off_by_an_aside_before_the_attack_is_its_agent() {
    let ev = events_dated(
        "شنت قوات الوفاق، صباح السبت، هجوما على ترهونة.",
        "2020-06-01",
    );
    let c = claim_on(&ev, "Tarhuna");
    assert_eq!(c.state, ControlState::Contested);
    assert!(c.contenders.iter().any(|s| s.as_str() == "GNA"), "{ev:?}");
    // A speaker set off before an attack he only speaks of is no party to it.
    let ev = events_dated(
        "قال حفتر، مؤخرا بعد الهجوم على طرابلس، إن قواته ستنتصر.",
        "2019-04-20",
    );
    assert!(
        ev.iter()
            .filter_map(|e| e.control.as_deref())
            .all(|c| c.place.as_str() != "Tripoli"),
        "{ev:?}"
    );
}

#[test]
fn rebels_who_entered_the_capital_took_it() {
    let ev = events_dated(
        "دخل الثوار الليبيون، فجر الاثنين، الساحة الخضراء في قلب العاصمة طرابلس.",
        "2011-08-22",
    );
    let c = control_of(&ev, "territory_taken");
    assert_eq!(
        (c.place.as_str(), c.holder.as_deref()),
        ("Tripoli", Some("NTC")),
        "{ev:?}"
    );
}

#[test]
fn a_statement_is_not_dated_by_an_older_date_in_what_it_reports() {
    let ev = events_dated(
        "وقالت المبعوثة الأممية إن الاتفاق خطوة مهمة نحو تثبيت وقف إطلاق النار الموقع في جنيف في أكتوبر الماضي.",
        "2020-11-17",
    );
    let e = first_of(&ev, "statement");
    assert_eq!(e.date.as_deref(), Some("2020-11-17"), "{ev:?}");
    // A day of the story's week in it still dates the words.
    let ev = events_dated(
        "وقالت المبعوثة الأممية إن المحادثات التي بدأت يوم الاثنين الماضي جرت في أجواء إيجابية.",
        "2020-10-23",
    );
    assert!(
        ev.iter().any(|e| e.date.as_deref() == Some("2020-10-19")),
        "{ev:?}"
    );
}

#[test]
fn the_ends_of_a_road_opened_are_not_where_the_meeting_was() {
    let ev = events_dated(
        "اختتمت اللجنة العسكرية المشتركة اجتماعاتها في مدينة سرت الثلاثاء بالاتفاق على فتح الطريق الساحلي بين سرت ومصراتة.",
        "2020-11-17",
    );
    let e = first_of(&ev, "meeting");
    assert_eq!(e.places, vec![SmolStr::new("Sirte")], "{ev:?}");
}

#[test]
fn fighters_flown_in_and_accusations_in_the_present_are_told() {
    let ev = events_on(
        "وصلت دفعة جديدة من المرتزقة السوريين إلى مطار معيتيقة. في المقابل، تتهم حكومة الوفاق الإمارات بتمويل مرتزقة فاغنر.",
        "2020-06-08",
    );
    assert!(ev.iter().any(|e| e.kind == "arms_transfer"), "{ev:?}");
    assert!(ev.iter().any(|e| e.kind == "statement"), "{ev:?}");
}
