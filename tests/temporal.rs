//! The date grammar on short sentences written for these tests: recognition, spans and
//! resolution against the article's date, and the traps (numbers, words containing months).

use tarikh::model::{Anchor, Dct, DctSource, Precision, Timex};
use tarikh::pack::Pack;

fn pack() -> &'static Pack {
    static P: std::sync::OnceLock<Pack> = std::sync::OnceLock::new();
    P.get_or_init(|| Pack::builtin().expect("builtin pack"))
}

fn timex(text: &str, dct: Option<&str>) -> Vec<Timex> {
    let found = tarikh::temporal::recognize_str(text, pack());
    let dct = match dct {
        Some(d) => Dct::given(d.parse().expect("date"), DctSource::Manifest, "test"),
        None => Dct::none("test"),
    };
    let t = tarikh::temporal::resolve(&found, &dct, text);
    for x in &t {
        assert_eq!(
            &text[x.start..x.end],
            x.text,
            "span must be the original bytes"
        );
    }
    t
}

/// (text, value, precision, anchor) of every expression found.
fn values(text: &str, dct: Option<&str>) -> Vec<(String, String, Precision, Anchor)> {
    timex(text, dct)
        .into_iter()
        .map(|t| (t.text.into(), t.value.into(), t.precision, t.anchor))
        .collect()
}

/// The value of every expression found.
fn value_strings(text: &str, dct: &str) -> Vec<String> {
    values(text, Some(dct))
        .into_iter()
        .map(|(_, v, _, _)| v)
        .collect()
}

fn one(text: &str, dct: &str) -> (String, String, Precision) {
    let v = values(text, Some(dct));
    assert_eq!(v.len(), 1, "exactly one expression in {text:?}: {v:?}");
    let (t, val, p, _) = v.into_iter().next().expect("one");
    (t, val, p)
}

#[test]
fn a_weekday_with_attached_comma_is_the_most_recent_such_day() {
    // 2019-04-06 is a Saturday; the Thursday before it is the 4th.
    let (t, v, p) = one("قال المتحدث يوم الخميس، إن القوات تقدمت", "2019-04-06");
    assert_eq!(
        (t.as_str(), v.as_str(), p),
        ("يوم الخميس", "2019-04-04", Precision::Day)
    );
    // On the weekday itself, the day is the article's own.
    assert_eq!(one("وصلت القافلة السبت", "2019-04-06").1, "2019-04-06");
}

#[test]
fn next_and_last_weekdays_go_the_way_the_text_says() {
    let v = values(
        "يعقد الاجتماع الاثنين المقبل بعد لقاء الأربعاء الماضي",
        Some("2019-04-06"),
    );
    let got: Vec<&str> = v.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(got, ["2019-04-08", "2019-04-03"]);
}

#[test]
fn a_weekday_after_yesterday_and_a_part_of_day_is_one_expression() {
    // 2019-04-10 is a Wednesday.
    let (t, v, _) = one("اندلعت الاشتباكات مساء أمس الثلاثاء", "2019-04-10");
    assert_eq!((t.as_str(), v.as_str()), ("مساء أمس الثلاثاء", "2019-04-09"));
}

#[test]
fn a_weekday_before_an_ordinal_date_is_one_expression_with_it() {
    // 2020-06-05 is a Friday.
    let (t, v, p) = one(
        "دخلت القوات المدينة يوم الجمعة الخامس من يونيو دون مقاومة",
        "2020-06-11",
    );
    assert_eq!(
        (t.as_str(), v.as_str(), p),
        ("يوم الجمعة الخامس من يونيو", "2020-06-05", Precision::Day)
    );
}

#[test]
fn a_conjunction_glued_to_a_date_word_stays_outside_the_span() {
    let v = values("جاء أمس وغدا يغادر", Some("2019-04-06"));
    let texts: Vec<&str> = v.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(texts, ["أمس", "غدا"]);
    assert_eq!(v[1].1, "2019-04-07");
}

#[test]
fn relative_days_resolve_against_the_article_date() {
    let v = values("اليوم ثم أمس ثم أول من أمس", Some("2019-04-06"));
    let got: Vec<(&str, &str)> = v.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
    assert_eq!(
        got,
        [
            ("اليوم", "2019-04-06"),
            ("أمس", "2019-04-05"),
            ("أول من أمس", "2019-04-04")
        ]
    );
}

#[test]
fn relative_weeks_months_and_years_have_their_precision() {
    let v = values(
        "الأسبوع الماضي ثم الشهر الماضي ثم العام المقبل",
        Some("2019-04-06"),
    );
    let got: Vec<(&str, Precision)> = v.iter().map(|x| (x.1.as_str(), x.2)).collect();
    assert_eq!(
        got,
        [
            ("2019-W13", Precision::Week),
            ("2019-03", Precision::Month),
            ("2020", Precision::Year)
        ]
    );
}

#[test]
fn offsets_count_back_from_the_article_date() {
    let (_, v, p) = one("وصل الوفد منذ ثلاثة أيام", "2019-04-06");
    assert_eq!((v.as_str(), p), ("2019-04-03", Precision::Day));
    let (_, v, _) = one("تعيش المدينة في فوضى منذ أكثر من ست سنوات", "2019-04-06");
    assert!(
        v.starts_with("before 2013"),
        "more than six years back: {v}"
    );
    let (_, v, p) = one("سقطت قذائف خلال الساعات الماضية", "2019-04-10");
    assert_eq!((v.as_str(), p), ("2019-04-09/2019-04-10", Precision::Range));
}

#[test]
fn numeric_dates_in_both_orders() {
    let v = values(
        "بدأت المعركة في 22/5/2019 وانتهت في 2019-06-01",
        Some("2019-07-06"),
    );
    let got: Vec<&str> = v.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(got, ["2019-05-22", "2019-06-01"]);
}

#[test]
fn arabic_indic_digits_are_read_as_digits() {
    let (t, v, _) = one("وقع الانفجار في ٢٢ مايو ٢٠١٩", "2019-07-06");
    assert_eq!((t.as_str(), v.as_str()), ("٢٢ مايو ٢٠١٩", "2019-05-22"));
}

#[test]
fn every_month_family_and_spelling_is_a_month() {
    for (text, month) in [
        ("في إبريل 2019", "2019-04"),
        ("في ابريل 2019", "2019-04"),
        ("في أفريل 2019", "2019-04"),
        ("في نيسان 2019", "2019-04"),
        ("في جويلية 2020", "2020-07"),
        ("في تموز 2020", "2020-07"),
        ("في كانون الثاني 2020", "2020-01"),
        ("في جانفي 2020", "2020-01"),
        ("في أوت 2016", "2016-08"),
        ("في آب 2016", "2016-08"),
        ("في ماي 2019", "2019-05"),
    ] {
        assert_eq!(one(text, "2020-12-31").1, month, "{text}");
    }
}

#[test]
fn paired_month_names_are_one_expression() {
    let (t, v, p) = one("في نيسان/أبريل 2019 بدأ الهجوم", "2019-07-06");
    assert_eq!(
        (t.as_str(), v.as_str(), p),
        ("نيسان/أبريل 2019", "2019-04", Precision::Month)
    );
}

#[test]
fn a_month_name_inside_another_word_is_not_a_date() {
    assert!(values("اجتمع مجلس النواب في طبرق", Some("2019-04-06")).is_empty());
    assert!(values("أغلقت الأبواب أمام الزوار", Some("2019-04-06")).is_empty());
}

#[test]
fn casualty_counts_are_not_years() {
    let v = values(
        "أسفرت الاشتباكات عن 2467 جريحا و2011 قتيلا",
        Some("2019-04-06"),
    );
    assert!(v.is_empty(), "counts taken for years: {v:?}");
    // A year with its cue is a year.
    let v = values("منذ عام 2014 وحتى 2011", Some("2019-07-06"));
    assert_eq!(v.first().map(|x| x.1.as_str()), Some("2014"));
}

#[test]
fn the_same_day_refers_to_the_day_last_mentioned() {
    let v = values(
        "في 3 أبريل وقع الهجوم وفي اليوم نفسه انسحبت القوات",
        Some("2019-04-06"),
    );
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].1, "2019-04-03");
    assert_eq!(v[1].3, Anchor::Previous);
}

#[test]
fn hijri_dates_are_converted_to_the_gregorian_calendar() {
    // 1 Ramadan 1440 was 6 May 2019 in the Umm al-Qura calendar.
    let (_, v, p) = one("بدأ الصيام في 1 رمضان 1440 هـ", "2019-07-06");
    assert_eq!((v.as_str(), p), ("2019-05-06", Precision::Day));
}

#[test]
fn an_undated_article_keeps_relative_values_at_week_precision() {
    let v = values("قال المتحدث أمس إن", None);
    assert_eq!(v.len(), 1);
    assert_eq!((v[0].1.as_str(), v[0].2), ("dct-1d", Precision::Week));
}

/// The article dates the pipeline gives to a folder of the given (file, text) pairs.
fn article_dates(files: &[(&str, &str)]) -> Vec<tarikh::model::Dct> {
    let dir = std::env::temp_dir().join(format!(
        "tarikh-dct-{}-{}",
        std::process::id(),
        files.first().map(|f| f.0).unwrap_or("none")
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write fixture");
    }
    let x = tarikh::pipeline::run(&dir, pack(), &Default::default(), &()).expect("run");
    let _ = std::fs::remove_dir_all(&dir);
    let mut docs = x.documents;
    docs.sort_by(|a, b| a.path.cmp(&b.path));
    docs.into_iter().map(|d| d.dct).collect()
}

#[test]
fn a_date_in_the_file_name_dates_the_article() {
    let d = article_dates(&[("2019-04-06-tripoli.txt", "قال المتحدث أمس إن القوات تقدمت.")]);
    assert_eq!(d[0].source, DctSource::Filename);
    assert_eq!(d[0].date, Some("2019-04-06".parse().expect("date")));
}

#[test]
fn without_a_given_date_the_latest_explicit_date_bounds_the_article() {
    let d = article_dates(&[(
        "a.txt",
        "وقعت الاشتباكات في 12 مارس 2019 ثم تجددت يوم الخميس الماضي جنوب المدينة.\n",
    )]);
    let lo: jiff::civil::Date = "2019-03-12".parse().expect("date");
    assert_eq!(d[0].source, DctSource::Inferred);
    assert!(
        d[0].range[0].is_some_and(|r| r >= lo),
        "range {:?}",
        d[0].range
    );
    assert!(d[0].date.is_none_or(|x| x >= lo), "date {:?}", d[0].date);
    assert!(!d[0].why.is_empty());
}

#[test]
fn an_office_holder_named_in_the_text_bounds_the_article_date() {
    // The pack knows when the US president took office: an article naming him as president
    // cannot be older than that.
    let d = article_dates(&[(
        "b.txt",
        "قال الرئيس الأمريكي دونالد ترامب إن بلاده تتابع الوضع في ليبيا.\n",
    )]);
    let lo: jiff::civil::Date = "2017-01-20".parse().expect("date");
    assert!(
        d[0].range[0].is_some_and(|r| r >= lo),
        "range {:?} why {}",
        d[0].range,
        d[0].why
    );
}

#[test]
fn a_lasting_body_bounds_the_date_but_does_not_settle_the_day_while_a_happening_can() {
    let d = article_dates(&[
        (
            "gna-sunday.txt",
            "تجددت الاشتباكات اليوم الأحد بين قوات حكومة الوفاق ومسلحين جنوب العاصمة.\n",
        ),
        (
            "gna-zcairo.txt",
            "رحب المجلس اليوم الأحد بإعلان القاهرة الذي دعا إلى وقف إطلاق النار.\n",
        ),
    ]);
    // The GNA existed for years: an article naming it and a Sunday is not dated to the
    // first Sunday after it was proposed.
    assert_eq!(d[0].date, None, "why: {}", d[0].why);
    assert!(d[0].range[0].is_some_and(|r| r >= jiff::civil::date(2015, 10, 8)));
    assert!(!d[0].why.contains("fit"), "no day guessed: {}", d[0].why);
    // The Cairo Declaration (Saturday 2020-06-06) is news: the Sunday after it.
    assert_eq!(
        d[1].date,
        Some(jiff::civil::date(2020, 6, 7)),
        "why: {}",
        d[1].why
    );
}

#[test]
fn a_publication_line_at_the_end_dates_the_article_and_says_where_it_was() {
    let d = article_dates(&[(
        "footer-line.txt",
        "أعلنت القوات اليوم الأحد صد هجوم جنوب العاصمة.\n\nوقال المتحدث إن المهاجمين تكبدوا خسائر.\n\nتاريخ النشر: 12/05/2019\n",
    )]);
    assert_eq!(d[0].source, DctSource::Header);
    assert_eq!(d[0].date, Some(jiff::civil::date(2019, 5, 12)));
    assert!(
        d[0].why.starts_with("publication date line"),
        "{}",
        d[0].why
    );
}

#[test]
fn a_dateline_dates_the_article_but_a_date_in_the_opening_sentence_does_not() {
    let d = article_dates(&[
        (
            "c.txt",
            "طرابلس (وكالات) 12 مارس 2019 - قال مسؤول محلي إن الهدوء عاد إلى المدينة بعد اشتباكات متقطعة.\n",
        ),
        (
            "d.txt",
            "شهدت المدينة في 12 مارس 2019 اشتباكات عنيفة بين قوات متنافسة استمرت حتى ساعات الليل.\n",
        ),
    ]);
    assert_eq!(d[0].source, DctSource::Header);
    assert_eq!(d[0].date, Some("2019-03-12".parse().expect("date")));
    assert_eq!(d[1].source, DctSource::Inferred);
}

#[test]
fn a_span_of_days_in_one_month_is_a_range() {
    let (t, v, p) = one("جرت المفاوضات بين 14 و16 أبريل الجاري", "2019-04-20");
    assert_eq!(
        (t.as_str(), v.as_str(), p),
        (
            "بين 14 و16 أبريل الجاري",
            "2019-04-14/2019-04-16",
            Precision::Range
        )
    );
    assert_eq!(
        one("من 3 إلى 5 مايو 2018", "2019-04-20").1,
        "2018-05-03/2018-05-05"
    );
}

#[test]
fn a_stated_length_of_time_is_a_duration() {
    assert_eq!(one("استمر الحصار قرابة سبعة أشهر", "2019-04-20").1, "P7M");
    assert_eq!(one("سقطت المدينة في أقل من أسبوعين", "2019-04-20").1, "P2W");
    // Plural units without a count say too little.
    assert!(values("انتظر السكان أياما طويلة", Some("2019-04-20")).is_empty());
}

#[test]
fn a_count_from_eleven_to_nineteen_is_two_words() {
    let v = values(
        "وبعد أربعة عشر شهرا من المعارك انسحبت القوات",
        Some("2020-06-10"),
    );
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        (v[0].0.as_str(), v[0].1.as_str()),
        ("بعد أربعة عشر شهرا", "P14M")
    );
    let v = values("منذ ثلاث عشرة سنة", Some("2020-06-10"));
    assert_eq!(v.first().map(|x| x.1.as_str()), Some("2007"), "{v:?}");
}

#[test]
fn before_a_quantity_counts_back_unless_it_is_before_another_event() {
    assert_eq!(one("وصل الوفد قبل ثلاثة أيام", "2019-04-06").1, "2019-04-03");
    let (_, v, _) = one("انسحبت القوات قبل أكثر من عام", "2020-06-06");
    assert!(v.starts_with("before 2019"), "{v}");
    assert_eq!(one("قبل أسبوعين من الزيارة", "2019-04-06").1, "P2W");
}

#[test]
fn the_last_few_days_with_a_count_or_a_dual_end_at_the_article_date() {
    let (_, v, _) = one("خلال الأيام الثلاثة الأخيرة", "2017-07-06");
    assert_eq!(v, "2017-07-03/2017-07-06");
    let (_, v, _) = one("خلال الأسبوعين الماضيين", "2018-06-29");
    assert_eq!(v, "2018-06-15/2018-06-29");
    let (_, v, _) = one("ستصل المساعدات خلال الأيام المقبلة", "2018-06-29");
    assert_eq!(v, "FUTURE_REF");
    // The days after a past event are not the future of the article.
    assert!(values("وفي الأيام التالية انسحبت القوات", Some("2018-06-29")).is_empty());
}

#[test]
fn a_month_without_a_year_in_a_sentence_about_what_is_to_come_is_the_next_one() {
    let v = |t: &str| one(t, "2019-06-10").1;
    // Six months ahead: without a cue, last year's December.
    assert_eq!(v("وقال إن الانتخابات أجريت في ديسمبر."), "2018-12");
    // With a word of what is to come, the coming December.
    assert_eq!(v("ومن المقرر أن تجرى الانتخابات في ديسمبر."), "2019-12");
    assert_eq!(v("وسيعقد المؤتمر في أكتوبر بحضور الأطراف."), "2019-10");
    // A month already past this year, to come: next year's.
    assert_eq!(v("ومن المقرر أن تنتهي المرحلة في فبراير."), "2020-02");
    // The cue of another sentence says nothing about this one.
    assert_eq!(
        v("سيعقد المؤتمر. وكانت الاشتباكات اندلعت في ديسمبر."),
        "2018-12"
    );
    // "Not yet" is no future: لم … في نوفمبر stays in the past.
    assert_eq!(v("ولم يعقد الاجتماع في نوفمبر."), "2018-11");
}

#[test]
fn a_past_month_later_in_the_year_than_the_latest_date_is_last_years() {
    // A January report that counts "since last April": that April is the year before,
    // so the report's own January date stays possible.
    let text = "قالت منظمات إغاثة إن الأوضاع الإنسانية تتدهور في جنوب العاصمة، وأفادت المفوضية \
                في بيان صدر الخميس 16 يناير 2020 بأن عدد النازحين تجاوز 150 ألفا منذ أبريل الماضي.";
    let pack = pack();
    let doc = tarikh::corpus::SourceDoc::from_text("a", text);
    let norm = tarikh::normalize::Normalized::new(text);
    let found = tarikh::temporal::recognize(&doc, &norm, pack);
    let dct = tarikh::temporal::dct::infer(&doc, &norm, &found, pack);
    let day: jiff::civil::Date = "2020-01-16".parse().expect("d");
    assert!(
        dct.range[0].is_none_or(|lo| lo <= day) && dct.range[1].is_none_or(|hi| hi >= day),
        "{dct:?}"
    );
}

#[test]
fn a_day_of_a_month_named_relative_to_the_articles_is_that_day() {
    let v = |t: &str| one(t, "2019-06-10");
    assert_eq!(
        v("ستنسحب القوات في الثالث والعشرين من الشهر الجاري.").1,
        "2019-06-23"
    );
    assert_eq!(v("اندلعت المعارك في 28 من الشهر الماضي.").1, "2019-05-28");
    assert_eq!(v("يبدأ الحوار في الأول من الشهر المقبل.").1, "2019-07-01");
    // A count before "من الشهر" is no day: "5 من الشهر الماضي" needs its number ≤ 31,
    // and a bare number without "من" is left alone.
    assert_eq!(v("قتل 40 من الشهر الماضي.").1, "2019-05");
    // The 31st of a month of 30 days: the month is what is sure.
    assert_eq!(
        one("في الحادي والثلاثين من الشهر الجاري.", "2019-06-10").1,
        "2019-06"
    );
}

#[test]
fn a_hijri_month_without_its_year_is_the_one_the_articles_date_points_to() {
    // Ramadan 1440 ran from 6 May to 3 June 2019 (Umm al-Qura).
    let v = |t: &str| one(t, "2019-06-10");
    let (_, last, p) = v("بدأ الهجوم في منتصف رمضان الماضي.");
    assert_eq!(p, Precision::Range);
    assert!(
        last.starts_with("2019-05-0") && last.contains("/2019-06-0"),
        "{last}"
    );
    let (_, next, _) = v("ومن المقرر أن تبدأ الهدنة في رمضان المقبل.");
    assert!(next.starts_with("2020-04-2"), "{next}");
    let (_, day, p) = v("وأعلنت القوات هدنة في 12 رمضان الماضي.");
    assert_eq!((day.as_str(), p), ("2019-05-17", Precision::Day));
}

#[test]
fn a_hijri_month_name_that_is_a_persons_name_is_no_date() {
    assert!(
        values(
            "وقال الرئيس التركي رجب طيب أردوغان إن بلاده ستدعم الحكومة.",
            Some("2020-01-10")
        )
        .is_empty()
    );
    assert!(values("وصرح رمضان أبو جناح بأن الوضع مستقر.", Some("2020-01-10")).is_empty());
    // With "شهر" before it, it is the month.
    assert_eq!(
        values("خلال شهر رمضان تراجعت المعارك.", Some("2019-06-10")).len(),
        1
    );
}

#[test]
fn a_day_that_names_a_revolution_a_brigade_or_a_street_is_no_date() {
    let t = timex(
        "وهاجمت القوات مقر كتيبة 17 فبراير في المدينة يوم الجمعة.",
        Some("2014-05-20"),
    );
    assert_eq!(
        t.iter().map(|t| t.value.as_str()).collect::<Vec<_>>(),
        ["2014-05-16"],
        "{t:?}"
    );
    // With a clitic on the name's head word, too.
    assert!(timex("احتفالا بذكرى لثورة 17 فبراير", Some("2014-05-20")).is_empty());
    // The same day and month after any other word is a date.
    assert_eq!(
        one("وقعت الاشتباكات في 17 فبراير الماضي", "2014-05-20").1,
        "2014-02-17"
    );
    // With its year, the revolution's day is a date.
    assert_eq!(one("منذ ثورة 17 فبراير 2011", "2014-05-20").1, "2011-02-17");
}

/// The article's date inferred from a text read as a file is (its paragraphs found).
fn inferred(text: &str) -> tarikh::model::Dct {
    let pack = pack();
    let mut doc = tarikh::corpus::SourceDoc::from_text("a", text);
    doc.paragraphs = tarikh::corpus::paragraphs(text);
    let norm = tarikh::normalize::Normalized::new(text);
    let found = tarikh::temporal::recognize(&doc, &norm, pack);
    tarikh::temporal::dct::infer(&doc, &norm, &found, pack)
}

#[test]
fn a_day_the_lead_names_with_its_weekday_is_a_guess_for_the_articles_date() {
    let lead = |when: &str| {
        format!(
            "قوات الوفاق تسيطر على قاعدة الوطية\n\nأعلنت حكومة الوفاق {when} أن قواتها سيطرت على قاعدة الوطية الجوية.\n\nورحبت تركيا بالخطوة.\n"
        )
    };
    let d = inferred(&lead("يوم الاثنين 18 مايو 2020"));
    assert_eq!(d.date, Some("2020-05-18".parse().expect("d")), "{d:?}");
    // A guess, and said to be one.
    assert!(d.confidence < 0.45 && d.why.contains("guess"), "{d:?}");
    // Without its weekday, or with one that is not that day's, the day is only a bound.
    for when in ["في 18 مايو 2020", "يوم الثلاثاء 18 مايو 2020"] {
        let d = inferred(&lead(when));
        assert_eq!(d.date, None, "{when}: {d:?}");
        assert_eq!(d.range[0], Some("2020-05-18".parse().expect("d")));
    }
    // Named deep in the article, past its lead, it is history, not the news of the day.
    let text = format!(
        "{}\n\nوتابع المتحدث حديثه.\n\nوأضاف أن الوضع هادئ.\n\nوكانت القوات قد سيطرت على القاعدة يوم الاثنين 18 مايو 2020.\n",
        lead("اليوم")
    );
    assert_eq!(inferred(&text).date, None);
}

#[test]
fn a_weekday_told_after_a_named_day_may_be_the_day_before_it() {
    // The lead names Monday 22 April; "Sunday" further on is the 21st, not the 28th.
    let text = "تونس تستقبل الفارين من ليبيا\n\nأعلنت السلطات يوم 22 أفريل 2019 أن أكثر من 3500 شخص عبروا الحدود.\n\nوفي طرابلس، تواصلت الاشتباكات يوم الأحد في محاور عين زارة.\n";
    let d = inferred(text);
    assert_eq!(d.date, Some("2019-04-22".parse().expect("d")), "{d:?}");
}

#[test]
fn a_month_something_began_in_is_before_the_article() {
    // Said in January, "since April" is last April; "in April" alone is the coming one.
    let v = value_strings(
        "وتتواصل المعارك منذ أبريل نيسان على أطراف العاصمة",
        "2020-01-05",
    );
    assert!(!v.is_empty() && v.iter().all(|x| x == "2019-04"), "{v:?}");
    assert_eq!(one("ويعقد المؤتمر في أبريل", "2020-01-05").1, "2020-04");
    // Since this month: this month.
    assert_eq!(one("وتتواصل المعارك منذ يناير", "2020-01-25").1, "2020-01");
}

#[test]
fn the_year_after_and_a_month_of_that_year_follow_the_story_not_the_article() {
    let v = value_strings(
        "سيطر التحالف على المطار في صيف 2014، ثم على المدينة في أغسطس من ذلك العام، وفي العام التالي انسحب منها.",
        "2023-02-17",
    );
    assert!(v.contains(&"2014-08".to_string()), "{v:?}");
    assert!(v.contains(&"2015".to_string()), "{v:?}");
    // "المقبل" still counts from the article.
    assert_eq!(one("ويعقد المؤتمر العام المقبل", "2023-02-17").1, "2024");
}

#[test]
fn a_weekday_of_what_is_expected_is_the_coming_one() {
    // 2019-04-07 is a Sunday.
    let v = value_strings(
        "ومن المنتظر أن يعقد مجلس الأمن جلسة طارئة مساء الاثنين",
        "2019-04-07",
    );
    assert_eq!(v, ["2019-04-08"]);
    // Told as past, the last one.
    assert_eq!(
        one("وعقد المجلس جلسة مساء الاثنين", "2019-04-07").1,
        "2019-04-01"
    );
}

#[test]
fn a_weekday_things_are_to_begin_on_is_the_coming_one() {
    // 2016-09-22 is a Thursday.
    let v = value_strings(
        "ويصل الوفد الثاني غدا الجمعة، على أن تبدأ الجلسات السبت",
        "2016-09-22",
    );
    assert_eq!(v, ["2016-09-23", "2016-09-24"]);
}

#[test]
fn a_month_of_the_same_year_is_one_expression() {
    let v = value_strings(
        "ففي أبريل 2019 بدأ الهجوم، وفي يونيو من العام نفسه سقطت غريان",
        "2020-04-04",
    );
    assert_eq!(v, ["2019-04", "2019-06"]);
}
