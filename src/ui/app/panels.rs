//! The app's side panels: filters and the article list (with the date editor), the
//! event details with its highlighted evidence, the city panel, and the import report.

use egui::{Color32, Ui};
use jiff::civil::Date;

use super::App;
use crate::model::{DateSource, Dct, DctSource, Event, Modality, Precision};
use crate::ui::text::{self, Highlight, fonts};
use crate::ui::timeline::{Lang, type_label};

/// Background of the evidence and of the date expression in the article text.
pub const EVIDENCE_BG: Color32 = Color32::from_rgb(255, 236, 150);
pub const TIMEX_BG: Color32 = Color32::from_rgb(170, 215, 255);
/// Background of the words the evidence search matched.
pub const MATCH_BG: Color32 = Color32::from_rgb(170, 235, 170);

/// Byte ranges of `text` where the words of `query` occur, compared Arabic-normalised (so
/// أبريل finds ابريل), mapped back to the original text.
pub fn search_matches(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let q = crate::normalize::normalize(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let norm = crate::normalize::Normalized::new(text);
    let mut out = Vec::new();
    for w in q.split_whitespace() {
        let mut from = 0;
        while let Some(i) = norm.text.get(from..).and_then(|t| t.find(w)) {
            let (a, b) = norm.orig_span(from + i, from + i + w.len());
            out.push(a..b);
            from += i + w.len();
        }
    }
    out
}

/// The English or Arabic name, by the chrome's language.
fn in_lang(lang: Lang, en: &'static str, ar: &'static str) -> &'static str {
    if lang == Lang::Ar { ar } else { en }
}

pub fn source_name(s: DctSource, lang: Lang) -> &'static str {
    let (en, ar) = match s {
        DctSource::User => ("user", "المستخدم"),
        DctSource::Manifest => ("manifest", "ملف التواريخ"),
        DctSource::Filename => ("file name", "اسم الملف"),
        DctSource::Header => ("header", "ترويسة المقال"),
        DctSource::Inferred => ("inferred", "مستنتج"),
        DctSource::None => ("unknown", "غير معروف"),
    };
    in_lang(lang, en, ar)
}

/// How sure an article's date is, in words, from the engine's confidence: 0.9 and up is a
/// date the article or the user states (user, manifest, file name, header); 0.45 to 0.6 an
/// inference the text narrows to a fortnight or settles; below that a guess from a year.
pub fn certainty_name(confidence: f32, lang: Lang) -> &'static str {
    let (en, ar) = if confidence >= 0.85 {
        ("sure", "مؤكد")
    } else if confidence >= 0.4 {
        ("likely", "مرجّح")
    } else {
        ("a guess", "تخمين")
    };
    in_lang(lang, en, ar)
}

fn modality_name(m: Modality, lang: Lang) -> &'static str {
    let (en, ar) = match m {
        Modality::Asserted => ("asserted", "مؤكد"),
        Modality::Negated => ("negated", "منفي"),
        Modality::Planned => ("planned", "مخطط"),
        Modality::Reported => ("reported", "منقول"),
        Modality::Hypothetical => ("hypothetical", "افتراضي"),
    };
    in_lang(lang, en, ar)
}

/// Lay out a panel's contents from the right when the chrome is Arabic.
pub fn directed<R>(ui: &mut Ui, arabic: bool, f: impl FnOnce(&mut Ui) -> R) -> R {
    if arabic {
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), f)
            .inner
    } else {
        f(ui)
    }
}

/// A row of widgets, from the right when the chrome is Arabic.
pub fn row<R>(ui: &mut Ui, arabic: bool, f: impl FnOnce(&mut Ui) -> R) -> R {
    if arabic {
        // Sized to one row: `with_layout` would give it the whole height left.
        let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(size, egui::Layout::right_to_left(egui::Align::Center), f)
            .inner
    } else {
        ui.horizontal(f).inner
    }
}

/// An event's date as the chrome shows it: a day in words in Arabic ("4 أبريل 2019"),
/// because an ISO date inside Arabic text reads reversed under the bidi rules (04-04-2019).
pub fn show_date(s: &str, lang: Lang) -> String {
    match s.parse::<Date>() {
        Ok(d) if lang == Lang::Ar => crate::ui::timeline::format_date(d, lang),
        _ => s.to_string(),
    }
}

fn precision_name(p: Precision, lang: Lang) -> &'static str {
    let (en, ar) = match p {
        Precision::Day => ("day", "يوم"),
        Precision::Week => ("week", "أسبوع"),
        Precision::Month => ("month", "شهر"),
        Precision::Year => ("year", "سنة"),
        Precision::Range => ("range", "مدى"),
        Precision::Unknown => ("unknown", "غير معروفة"),
    };
    in_lang(lang, en, ar)
}

/// The filters, then the list of articles, then the date editor of the selected one.
pub fn articles_panel(app: &mut App, ui: &mut Ui) {
    let s = app.settings.clone();
    let lang = app.lang();
    heading(ui, s.tr("Filters", "التصفية"));
    let w = ui.available_width();
    if text::search_box(
        ui,
        &mut app.filters.query,
        s.tr("Search the evidence…", "ابحث في النصوص…"),
        w,
    )
    .changed()
    {
        // Filters are re-applied on the next frame.
    }
    row(ui, s.arabic, |ui| {
        ui.checkbox(
            &mut app.filters.show_negated,
            text::widget_text(ui, s.tr("negated", "منفي")),
        );
        ui.checkbox(
            &mut app.filters.show_planned,
            text::widget_text(ui, s.tr("planned", "مخطط")),
        );
    });
    if let (Some(c), Some(v)) = (&app.corpus, &app.views) {
        let mut kinds: Vec<&str> = c.extract.events.iter().map(|e| e.kind.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        collapsible(
            ui,
            "kinds",
            s.tr("Event types", "أنواع الأحداث"),
            s.arabic,
            true,
            |ui| {
                for k in kinds {
                    let mut on = !app.filters.hidden_kinds.contains(k);
                    if ui
                        .checkbox(&mut on, text::widget_text(ui, type_label(k, lang)))
                        .changed()
                    {
                        if on {
                            app.filters.hidden_kinds.remove(k);
                        } else {
                            app.filters.hidden_kinds.insert(k.to_string());
                        }
                    }
                }
            },
        );
        let mut actors: Vec<&str> = c
            .extract
            .events
            .iter()
            .flat_map(|e| e.actors.iter().map(|a| a.as_str()))
            .collect();
        actors.sort_unstable();
        actors.dedup();
        choice(
            ui,
            "actor",
            s.tr("Actor", "الطرف"),
            &mut app.filters.actor,
            actors
                .iter()
                .map(|a| (a.to_string(), v.timeline.actor_name(a, lang).to_string()))
                .collect(),
            s.tr("any", "الكل"),
        );
        let mut places: Vec<(String, String)> = c
            .extract
            .places
            .iter()
            .map(|p| {
                let n = if lang == Lang::Ar {
                    &p.name_ar
                } else {
                    &p.name_en
                };
                (p.id.clone(), n.clone())
            })
            .collect();
        places.sort_by(|a, b| a.1.cmp(&b.1));
        let before = app.filters.place.clone();
        choice(
            ui,
            "place",
            s.tr("Place", "المكان"),
            &mut app.filters.place,
            places,
            s.tr("any", "الكل"),
        );
        if app.filters.place != before {
            let p = app.filters.place.clone();
            app.filter_place(p);
        }
    }
    if !app.filters.is_default()
        && ui
            .button(text::widget_text(ui, s.tr("Clear filters", "مسح التصفية")))
            .clicked()
    {
        app.filters = Default::default();
        app.filter_place(None);
    }
    ui.separator();
    heading(ui, s.tr("Articles", "المقالات"));
    let w = ui.available_width();
    text::search_box(
        ui,
        &mut app.article_query,
        s.tr("Filter articles…", "تصفية المقالات…"),
        w,
    );
    let rows = article_rows(app);
    let Some(c) = &app.corpus else { return };
    let mut toggled = None;
    let editor_h = if app.editing.is_some() { 190.0 } else { 0.0 };
    let font = egui::TextStyle::Body.resolve(ui.style());
    let row_h = ui.fonts_mut(|f| f.row_height(&font));
    let spacing = ui.spacing().item_spacing.y;
    // Two single lines a row (date, source, file; the article's first line), so rows are
    // all the same height and only the visible ones are laid out (thousands of articles).
    let pad = ui.spacing().button_padding.y * 2.0;
    let height = row_h * 2.0 + pad + spacing;
    egui::ScrollArea::vertical()
        .id_salt("article_list")
        .auto_shrink([false, true])
        .max_height((ui.available_height() - editor_h).max(120.0))
        .show_rows(ui, height, rows.len(), |ui, range| {
            // The width inside the scroll area (its bar taken), less the button's padding.
            let w = ui.available_width() - 2.0 * ui.spacing().button_padding.x - 2.0;
            for &i in &rows[range] {
                let d = &c.extract.documents[i];
                // No single date: show what the text allows (2017-09-01…, …2016-09-13).
                let date = match (d.dct.date, d.dct.range) {
                    (Some(x), _) => x.to_string(),
                    (None, [Some(a), Some(b)]) => format!("{a}…{b}"),
                    (None, [Some(a), None]) => format!("{a}…"),
                    (None, [None, Some(b)]) => format!("…{b}"),
                    // Said in words: "????-??-??" read as a broken display, not a fact.
                    (None, [None, None]) => in_lang(lang, "date unknown", "تاريخ مجهول").into(),
                };
                let selected = app.filters.articles.contains(&d.id);
                // How sure, in words: a bare "0.20" means little to a reader; the number
                // is in the tooltip. An unknown date says nothing more than that.
                let head = if d.dct.source == DctSource::None {
                    format!("{date} · ")
                } else {
                    let sep = in_lang(lang, ", ", "، ");
                    format!(
                        "{date} · {}{sep}{} · ",
                        source_name(d.dct.source, lang),
                        certainty_name(d.dct.confidence, lang),
                    )
                };
                // Uncertain dates stand out: they are the ones worth checking.
                let col = if matches!(d.dct.source, DctSource::Inferred | DctSource::None) {
                    Color32::from_rgb(150, 90, 0)
                } else {
                    ui.visuals().text_color()
                };
                // A left-to-right mark before the file name in Arabic: after the Arabic
                // source name, the bidi rules would read its digits as Arabic numbers and
                // draw 2014-05-17_x.txt as x.txt_17-05-2014.
                let file = if lang == Lang::Ar {
                    format!("\u{200e}{}", d.path)
                } else {
                    d.path.clone()
                };
                let line = text::fit_tail(ui.ctx(), &head, &file, &font, w);
                let job = text::single_line_job(&line, &font, col);
                let r = ui.selectable_label(selected, job);
                if r.clicked() {
                    toggled = Some((i, ui.input(|inp| inp.modifiers.command)));
                }
                r.on_hover_ui(|ui| {
                    text::label(ui, &why_in(&d.dct.why, lang));
                    let conf = in_lang(lang, "confidence", "درجة الثقة");
                    text::label(ui, &format!("{conf} {:.2}", d.dct.confidence));
                });
                let title = c
                    .docs
                    .get(i)
                    .filter(|sd| sd.id == d.id)
                    // The first line of the first content paragraph: page furniture
                    // ("enable JavaScript") is not the headline.
                    .map_or("", |sd| {
                        let body = sd.paragraphs.first().and_then(|p| sd.text.get(p.clone()));
                        first_line(body.unwrap_or(&sd.text))
                    });
                ui.add_space(spacing.min(0.0));
                // The title in its own direction whatever the chrome's: an Arabic headline
                // starts at the right edge in the English chrome too.
                let layout = if text::is_rtl(title) {
                    egui::Layout::right_to_left(egui::Align::Center)
                } else {
                    egui::Layout::left_to_right(egui::Align::Center)
                };
                let size = egui::vec2(ui.available_width(), row_h);
                ui.allocate_ui_with_layout(size, layout, |ui| {
                    ui.visuals_mut().override_text_color = Some(Color32::from_gray(110));
                    text::label_truncated(ui, title, w);
                });
            }
        });
    if let Some((i, add)) = toggled {
        let id = c.extract.documents[i].id.clone();
        let was = app.filters.articles.contains(&id);
        if !add {
            app.filters.articles.clear();
        }
        if was {
            app.filters.articles.remove(&id);
            app.editing = None;
        } else {
            app.filters.articles.insert(id.clone());
            app.editing = c.doc_index(&id);
            // Show the article's events: zoom the timeline to their dates.
            let days = c
                .extract
                .events
                .iter()
                .filter(|e| e.doc == id)
                .filter_map(|e| e.date.as_deref())
                .filter_map(crate::ui::snapshot::parse_date_prefix);
            let range = days.fold(None, |acc: Option<(Date, Date)>, d| {
                Some(acc.map_or((d, d), |(a, b)| (a.min(d), b.max(d))))
            });
            if !add && let Some((a, b)) = range {
                let pad = jiff::Span::new().days(15);
                app.timeline.zoom_to(
                    a.checked_sub(pad).unwrap_or(a),
                    b.checked_add(pad).unwrap_or(b),
                );
            }
            app.date_text = c.extract.documents[i]
                .dct
                .date
                .map_or(String::new(), |d| d.to_string());
        }
    }
    date_editor(app, ui);
}

/// The first non-empty line of an article: its headline in most corpora.
pub fn first_line(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

/// Indexes of the articles the list shows (filtered, sorted by date), recomputed only when
/// the query or the corpus changes: matching normalises every article's text.
fn article_rows(app: &mut App) -> Vec<usize> {
    let Some(c) = &app.corpus else {
        return Vec::new();
    };
    let key = (app.article_query.clone(), app.generation);
    if let Some((k, rows)) = &app.list_cache
        && k == &key
    {
        return rows.clone();
    }
    let q = crate::normalize::normalize(app.article_query.trim());
    let mut rows: Vec<usize> = (0..c.extract.documents.len())
        .filter(|&i| {
            q.is_empty() || {
                let d = &c.extract.documents[i];
                crate::normalize::normalize(&d.path).contains(&q)
                    || c.docs
                        .get(i)
                        .is_some_and(|sd| crate::normalize::normalize(&sd.text).contains(&q))
            }
        })
        .collect();
    rows.sort_by_key(|&i| (c.extract.documents[i].dct.date, i));
    app.list_cache = Some((key, rows.clone()));
    rows
}

/// A combo box over `(id, label)` options with an "any" entry.
fn choice(
    ui: &mut Ui,
    salt: &str,
    title: &str,
    value: &mut Option<String>,
    options: Vec<(String, String)>,
    any: &str,
) {
    row(
        ui,
        ui.layout().horizontal_align() == egui::Align::Max,
        |ui| {
            let name = text::label(ui, title);
            let current = value
                .as_ref()
                .and_then(|v| options.iter().find(|o| &o.0 == v))
                .map_or(any.to_string(), |o| o.1.clone());
            egui::ComboBox::from_id_salt(salt)
                .selected_text(text::widget_text(ui, &current))
                .show_ui(ui, |ui| {
                    ui.selectable_value(value, None, text::widget_text(ui, any));
                    for (id, label) in options {
                        ui.selectable_value(value, Some(id), text::widget_text(ui, &label));
                    }
                })
                // Named by its title, for screen readers and for tests that find it.
                .response
                .labelled_by(name.id);
        },
    );
}

/// Parse the date editor's text: `YYYY-MM-DD` (also with / or . separators).
pub fn parse_user_date(s: &str) -> Result<Date, String> {
    let t = s.trim().replace(['/', '.'], "-");
    let parts: Vec<&str> = t.split('-').collect();
    if parts.len() != 3 {
        return Err("expected YYYY-MM-DD".into());
    }
    let n = |p: &str| {
        p.trim()
            .parse::<i32>()
            .map_err(|_| format!("{p:?} is not a number"))
    };
    let (y, m, d) = (n(parts[0])?, n(parts[1])?, n(parts[2])?);
    if !(1900..=2100).contains(&y) {
        return Err("year must be 1900–2100".into());
    }
    Date::new(y as i16, m.clamp(0, 99) as i8, d.clamp(0, 99) as i8)
        .map_err(|_| format!("{y}-{m:02}-{d:02} is not a calendar date"))
}

/// The date the article's own text gives (no manifest, no user date), computed once per
/// article when its date is edited.
fn text_date(app: &mut App, i: usize) -> Option<Dct> {
    let c = app.corpus.as_ref()?;
    let doc = c.docs.get(i)?;
    if let Some(d) = app.text_dates.get(&doc.id) {
        return Some(d.clone());
    }
    let dct = crate::pipeline::analyze(doc, &app.pack, None).out.dct;
    app.text_dates.insert(doc.id.clone(), dct.clone());
    Some(dct)
}

/// Set or correct the selected article's date, with what the engine inferred beside it.
fn date_editor(app: &mut App, ui: &mut Ui) {
    let Some(i) = app.editing else { return };
    let s = app.settings.clone();
    let lang = app.lang();
    let inferred = text_date(app, i);
    let Some(c) = &app.corpus else { return };
    let Some(doc) = c.docs.get(i) else { return };
    let Some(out) = c.extract.documents.iter().find(|d| d.id == doc.id) else {
        return;
    };
    let user = c.user.get(&doc.path).copied();
    let path = doc.path.clone();
    let dct = out.dct.clone();
    ui.separator();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong(format!("{} {path}", s.tr("Date of", "تاريخ")));
        let d = |d: Option<Date>| d.map_or("…".to_string(), |d| d.to_string());
        ui.label(format!(
            "{}: {} ({}, {:.2})",
            s.tr("now", "الآن"),
            d(dct.date),
            source_name(dct.source, lang),
            dct.confidence
        ));
        ui.label(format!(
            "{}: {} – {}",
            s.tr("range", "المدى"),
            d(dct.range[0]),
            d(dct.range[1])
        ));
        if let Some(inf) = &inferred {
            // What the text alone says, whatever the manifest or the user gave.
            ui.label(format!(
                "{}: {} ({}, {:.2}), {} – {}",
                s.tr("the text says", "يقول النص"),
                d(inf.date),
                source_name(inf.source, lang),
                inf.confidence,
                d(inf.range[0]),
                d(inf.range[1])
            ));
            let w = ui.available_width();
            let said = why_in(&inf.why, lang);
            let why = format!("{} {said}", s.tr("why:", "السبب:"));
            text::label_truncated(ui, &why, w).on_hover_ui(|ui| {
                text::label(ui, &said);
            });
        }
        if user.is_some() {
            ui.weak(s.tr("set by you (Clear to go back)", "حددته أنت (امسح للرجوع)"));
        }
        let parsed = parse_user_date(&app.date_text);
        ui.horizontal(|ui| {
            let mut parts = parsed
                .as_ref()
                .ok()
                .or(dct.date.as_ref())
                .map(|d| (d.year() as i32, d.month() as i32, d.day() as i32))
                .unwrap_or((2019, 1, 1));
            let mut changed = false;
            changed |= ui
                .add(egui::DragValue::new(&mut parts.0).range(1900..=2100))
                .on_hover_text(s.tr("year", "السنة"))
                .changed();
            changed |= ui
                .add(egui::DragValue::new(&mut parts.1).range(1..=12))
                .on_hover_text(s.tr("month", "الشهر"))
                .changed();
            changed |= ui
                .add(egui::DragValue::new(&mut parts.2).range(1..=31))
                .on_hover_text(s.tr("day", "اليوم"))
                .changed();
            if changed {
                app.date_text = format!("{:04}-{:02}-{:02}", parts.0, parts.1, parts.2);
            }
            ui.add(
                egui::TextEdit::singleline(&mut app.date_text)
                    .desired_width(100.0)
                    .hint_text("YYYY-MM-DD"),
            );
        });
        let parsed = parse_user_date(&app.date_text);
        if let Err(e) = &parsed {
            ui.colored_label(Color32::from_rgb(180, 40, 30), e);
        }
        let ctx = ui.ctx().clone();
        ui.horizontal(|ui| {
            let busy = app.redating();
            if ui
                .add_enabled(
                    parsed.is_ok() && !busy,
                    egui::Button::new(text::widget_text(ui, s.tr("Set date", "حدد التاريخ"))),
                )
                .clicked()
                && let Ok(date) = parsed
            {
                app.set_article_date(&ctx, i, Some(date));
            }
            if busy {
                ui.spinner();
            }
            if user.is_some()
                && ui
                    .add_enabled(
                        !busy,
                        egui::Button::new(text::widget_text(ui, s.tr("Clear", "مسح"))),
                    )
                    .clicked()
            {
                app.set_article_date(&ctx, i, None);
                app.date_text.clear();
            }
        });
    });
}

/// The selected event's details, then the city panel of the place filtered to.
pub fn details_panel(app: &mut App, ui: &mut Ui) {
    let s = app.settings.clone();
    let mut jump: Option<String> = None;
    if s.arabic {
        // Arabic lines end at the right edge, where a floating scroll bar would cover their
        // first letters: a solid bar takes its own room.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    }
    egui::ScrollArea::vertical()
        .id_salt("details")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            directed(ui, s.arabic, |ui| {
                if let Some(e) = app.selected_event().cloned() {
                    event_details(app, ui, &e);
                } else {
                    text::label(
                        ui,
                        s.tr(
                            "Click an event on the timeline to see its evidence.",
                            "انقر حدثًا على الخط الزمني لترى نصه.",
                        ),
                    );
                    if app.city.is_none() {
                        text::label(
                            ui,
                            s.tr(
                                "Click a city on the map to see who held it and why.",
                                "انقر مدينة على الخريطة لترى من سيطر عليها ولماذا.",
                            ),
                        );
                    }
                }
                if let (Some(city), Some(v)) = (app.city.clone(), &app.views) {
                    ui.separator();
                    heading(ui, s.tr("Control", "السيطرة"));
                    // The city panel lays its strip chart out left to right (time runs left to
                    // right, as on the timeline), also in Arabic chrome.
                    jump = ui
                        .with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                            crate::ui::map::city_panel_ui(ui, &v.map, &city, s.arabic)
                        })
                        .inner;
                }
            })
        });
    if let (Some(id), Some(c)) = (jump, &app.corpus) {
        let i = c
            .extract
            .events
            .iter()
            .position(|e| e.id == id || e.sources.iter().any(|s| *s == id));
        app.select_event(i);
    }
}

/// The paragraph around `start..end`: bounded by blank lines, or by line breaks when the
/// text has no blank lines.
pub fn paragraph_around(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    // Offsets come from the data: keep them on char boundaries so slicing cannot fail.
    let mut start = start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let sep = if text.contains("\n\n") { "\n\n" } else { "\n" };
    let a = text
        .get(..start)
        .and_then(|t| t.rfind(sep))
        .map_or(0, |i| i + sep.len());
    let b = text
        .get(end..)
        .and_then(|t| t.find(sep))
        .map_or(text.len(), |i| end + i);
    a..b
}

/// The paragraph of the article holding `start..end`: the reader's paragraphs (hard-wrapped
/// lines joined) when one holds it, else the text between blank lines or line breaks.
pub fn event_paragraph(
    doc: &crate::corpus::SourceDoc,
    start: usize,
    end: usize,
) -> std::ops::Range<usize> {
    doc.paragraphs
        .iter()
        .find(|p| p.start <= start && end <= p.end && p.end <= doc.text.len())
        // The whole text as one "paragraph" says nothing: look for its real bounds.
        .filter(|p| !(p.start == 0 && p.end == doc.text.len()))
        .cloned()
        .unwrap_or_else(|| paragraph_around(&doc.text, start, end))
}

/// Byte ranges in the article of the date expressions that gave the event its date, then
/// of the evidence: the text layer colours a piece by the first range holding it, so a date
/// inside the evidence keeps its own colour.
pub fn highlights_for(
    e: &Event,
    timex: &[crate::model::Timex],
    para: std::ops::Range<usize>,
) -> Vec<Highlight> {
    let mut out: Vec<Highlight> = Vec::new();
    if e.date_source == DateSource::Timex
        && let Some(date) = &e.date
    {
        for t in timex {
            let same = &t.value == date
                || t.value.starts_with(date.as_str())
                || date.starts_with(t.value.as_str())
                || e.date_end.as_ref().is_some_and(|d| &t.value == d);
            if same && t.start >= para.start && t.end <= para.end {
                out.push((t.start..t.end, TIMEX_BG));
            }
        }
    }
    out.push((e.start..e.end, EVIDENCE_BG));
    out
}

fn event_details(app: &mut App, ui: &mut Ui, e: &Event) {
    let s = app.settings.clone();
    let lang = app.lang();
    let (Some(c), Some(v)) = (&app.corpus, &app.views) else {
        return;
    };
    heading(ui, type_label(&e.kind, lang));
    let date = match (&e.date, &e.date_end) {
        (Some(a), Some(b)) => format!("{} – {}", show_date(a, lang), show_date(b, lang)),
        (Some(a), None) => show_date(a, lang),
        _ => s.tr("undated", "غير مؤرخ").to_string(),
    };
    text::label(
        ui,
        &format!(
            "{} {date}  ({})",
            s.tr("Date:", "التاريخ:"),
            precision_name(e.precision, lang)
        ),
    );
    let doc_out = c.extract.documents.iter().find(|d| d.id == e.doc);
    let src = doc_out.map_or("?", |d| source_name(d.dct.source, lang));
    let how = match e.date_source {
        DateSource::Timex => s
            .tr(
                "found in a date expression of the text (highlighted)",
                "من عبارة تاريخ في النص (مظللة)",
            )
            .to_string(),
        DateSource::Dct => format!(
            "{} ({src})",
            s.tr("the article's own date", "تاريخ المقال نفسه")
        ),
        DateSource::Inherited => s
            .tr(
                "inherited from an earlier date in the article",
                "موروث من تاريخ سابق في المقال",
            )
            .to_string(),
        DateSource::Knowledge => s
            .tr(
                "from the region pack's known events",
                "من الأحداث المعروفة في حزمة المنطقة",
            )
            .to_string(),
    };
    text::label(ui, &format!("{} {how}", s.tr("How:", "كيف:")));
    text::label(
        ui,
        &format!(
            "{} {}",
            s.tr("Modality:", "الصيغة:"),
            modality_name(e.modality, lang)
        ),
    );
    let sep = s.tr(", ", "، ");
    let actors: Vec<&str> = e
        .actors
        .iter()
        .map(|a| v.timeline.actor_name(a, lang))
        .collect();
    let places: Vec<&str> = e
        .places
        .iter()
        .map(|p| v.timeline.place_name(p, lang))
        .collect();
    let w = ui.available_width();
    text::label_truncated(
        ui,
        &format!("{} {}", s.tr("Actors:", "الأطراف:"), actors.join(sep)),
        w,
    );
    text::label_truncated(
        ui,
        &format!("{} {}", s.tr("Places:", "الأماكن:"), places.join(sep)),
        w,
    );
    let k = &e.casualties;
    if k.killed.is_some() || k.injured.is_some() || k.displaced.is_some() {
        let n = |v: Option<u32>| v.map_or("–".to_string(), |n| n.to_string());
        text::label(
            ui,
            &format!(
                "{} {}, {} {}, {} {}",
                s.tr("Killed", "قتلى"),
                n(k.killed),
                s.tr("injured", "جرحى"),
                n(k.injured),
                s.tr("displaced", "نازحون"),
                n(k.displaced)
            ),
        );
    }
    if let Some(cl) = &e.control {
        let state = match cl.state {
            crate::model::ControlState::Held => s.tr("held", "تحت سيطرة"),
            crate::model::ControlState::Contested => s.tr("contested", "متنازع عليها"),
            crate::model::ControlState::Lost => s.tr("lost", "فقدها"),
        };
        text::label(
            ui,
            &format!(
                "{} {}: {state} {}",
                s.tr("Control:", "السيطرة:"),
                v.timeline.place_name(&cl.place, lang),
                cl.holder
                    .as_deref()
                    .map_or("?", |h| v.timeline.actor_name(h, lang))
            ),
        );
    }
    if !e.sources.is_empty() {
        // A story copied across a big corpus has hundreds of reports: name a few, count all.
        let mut list = e
            .sources
            .iter()
            .take(3)
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        if e.sources.len() > 3 {
            list.push_str(&format!(" (+{})", e.sources.len() - 3));
        }
        row(ui, s.arabic, |ui| {
            text::label(ui, s.tr("Also reported in:", "ورد أيضًا في:"));
            let w = ui.available_width();
            text::label_truncated(ui, &list, w);
        });
    }
    // The path apart from the Arabic label: inside Arabic, `004_x.txt` would be reordered.
    if s.arabic {
        row(ui, true, |ui| {
            text::label(ui, "المقال:");
            ui.label(doc_out.map_or(e.doc.as_str(), |d| &d.path));
        });
    } else {
        ui.label(format!(
            "Article: {}",
            doc_out.map_or(e.doc.as_str(), |d| &d.path)
        ));
    }
    let Some(doc) = c.doc(&e.doc) else {
        return;
    };
    let timex = doc_out.map_or(&[][..], |d| &d.timex[..]);
    let para = event_paragraph(doc, e.start, e.end);
    // Search matches first: they are what the user is looking for.
    let matches: Vec<Highlight> = search_matches(&doc.text, &app.filters.query)
        .into_iter()
        .map(|r| (r, MATCH_BG))
        .collect();
    let hl: Vec<Highlight> = matches
        .iter()
        .cloned()
        .chain(highlights_for(e, timex, para.clone()))
        .filter_map(|(r, col)| {
            (r.start >= para.start && r.end <= para.end)
                .then(|| (r.start - para.start..r.end - para.start, col))
        })
        .collect();
    ui.separator();
    row(ui, s.arabic, |ui| {
        swatch(ui, EVIDENCE_BG, s.tr("evidence", "الدليل"));
        swatch(ui, TIMEX_BG, s.tr("date expression", "عبارة التاريخ"));
        if !matches.is_empty() {
            swatch(ui, MATCH_BG, s.tr("search", "البحث"));
        }
    });
    let font = fonts::naskh(17.0);
    let ink = ui.visuals().text_color();
    let w = ui.available_width();
    if let Some(p) = doc.text.get(para.clone()) {
        // Hard-wrapped lines flow as one paragraph; a one-byte swap keeps the offsets.
        let flowing = p.trim_end().replace(['\n', '\r'], " ");
        text::paragraph_with(ui, &flowing, &hl, w, &font, ink);
    }
    // Not indented: its paragraphs take the panel's whole width.
    collapsible(
        ui,
        ("full", &e.doc),
        s.tr("Full article", "المقال كاملاً"),
        s.arabic,
        false,
        |ui| {
            let all: Vec<Highlight> = matches
                .iter()
                .cloned()
                .chain(highlights_for(e, timex, 0..doc.text.len()))
                .collect();
            let mut at = 0;
            for line in doc.text.split('\n') {
                let r = at..at + line.len();
                at = r.end + 1;
                if line.trim().is_empty() {
                    ui.add_space(6.0);
                    continue;
                }
                let hl: Vec<Highlight> = all
                    .iter()
                    .filter(|(h, _)| h.start >= r.start && h.end <= r.end)
                    .map(|(h, col)| (h.start - r.start..h.end - r.start, *col))
                    .collect();
                let resp = text::paragraph_with(ui, line, &hl, w, &font, ink);
                if !hl.is_empty() && r.start <= e.start && e.start < r.end {
                    resp.scroll_to_me(None);
                }
            }
        },
    );
}

/// A section that opens and closes. egui's `CollapsingHeader` always puts its arrow and title
/// on the left; in Arabic chrome they start on the right, the closed arrow pointing left.
fn collapsible(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    title: &str,
    arabic: bool,
    indent: bool,
    body: impl FnOnce(&mut Ui),
) {
    use egui::collapsing_header::{CollapsingState, paint_default_icon};
    let id = ui.make_persistent_id(salt);
    let mut state = CollapsingState::load_with_default_open(ui.ctx(), id, false);
    let header = row(ui, arabic, |ui| {
        // As egui's header: the arrow fills the indent width, no gap after it.
        let spacing = ui.spacing().item_spacing;
        ui.spacing_mut().item_spacing.x = 0.0;
        if arabic {
            state.show_toggle_button(ui, paint_rtl_icon);
        } else {
            state.show_toggle_button(ui, paint_default_icon);
        }
        ui.spacing_mut().item_spacing = spacing;
        let title = ui.add(
            egui::Label::new(text::widget_text(ui, title))
                .selectable(false)
                .sense(egui::Sense::click()),
        );
        if title.clicked() {
            state.toggle(ui);
        }
        title
    });
    // The body keeps the panel's direction; egui's indent is on the left only.
    if indent && !arabic {
        state.show_body_indented(&header, ui, body);
    } else {
        state.show_body_unindented(ui, body);
    }
}

/// egui's arrow mirrored: pointing left when closed, down when open.
fn paint_rtl_icon(ui: &mut Ui, openness: f32, response: &egui::Response) {
    let visuals = ui.style().interact(response);
    let rect = egui::Rect::from_center_size(response.rect.center(), response.rect.size() * 0.75)
        .expand(visuals.expansion);
    let rotation = egui::remap(openness, 0.0..=1.0, std::f32::consts::TAU * 0.25..=0.0);
    ui.painter().add(egui::Shape::rotated_triangle(
        rect,
        rotation,
        visuals.fg_stroke.color,
    ));
}

/// A heading in the bidi layer (Arabic chrome reads right).
fn heading(ui: &mut Ui, s: &str) -> egui::Response {
    let font = egui::TextStyle::Heading.resolve(ui.style());
    let job = text::single_line_job(s, &font, ui.visuals().strong_text_color());
    ui.add(egui::Label::new(job).selectable(false))
}

fn swatch(ui: &mut Ui, col: Color32, label: &str) {
    let (r, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    ui.painter().rect_filled(r, 2.0, col);
    text::label(ui, label);
}

/// A reader's skip reason (English, as in the JSON output) said in Arabic for the Arabic
/// chrome: the reader's fixed phrases are translated, the details they carry (a file
/// extension, an encoding, the system's own error text) are kept as they are.
pub fn skip_reason_ar(reason: &str) -> String {
    let tail = |prefix: &str| reason.strip_prefix(prefix).map(str::trim);
    if reason == "empty file" {
        "ملف فارغ".into()
    } else if reason.starts_with("binary file") {
        "ملف ثنائي، ليس نصًا".into()
    } else if let Some(rest) = tail("not an article file (") {
        let what = rest.split(')').next().unwrap_or("");
        // "pdf", not ".pdf": a leading dot inside an Arabic line is drawn after the word.
        let what = if what == "no extension" {
            "بلا امتداد"
        } else {
            what.trim_start_matches('.')
        };
        format!("ليس ملف مقال ({what}): لا تُقرأ إلا ملفات txt و md")
    } else if let Some(rest) = tail("too large (") {
        let size = rest.split(';').next().unwrap_or("");
        format!("ملف كبير جدًا ({size})؛ تُترك الملفات التي تتجاوز حد حجم المقالات")
    } else if let Some(rest) = tail("undecodable text (tried") {
        format!("نص تتعذر قراءة ترميزه (جُرّب {}", rest)
    } else if let Some(rest) = tail("not valid") {
        format!("ترميز غير صالح رغم علامة ترتيب البايتات: {rest}")
    } else if let Some(rest) = tail("cannot be read:") {
        format!("تتعذر قراءته: {rest}")
    } else if let Some(rest) = tail("cannot be listed:") {
        format!("تتعذر قراءة المجلد: {rest}")
    } else {
        reason.to_string()
    }
}

/// Why the article's date is what it is, in the chrome's language. The reasons the engine
/// writes (English, as in the JSON output) are built from a few fixed phrases around
/// quotes from the article and the region pack's labels; the phrases are said in Arabic,
/// the quotes and labels kept as written.
pub fn why_in(why: &str, lang: Lang) -> String {
    if lang != Lang::Ar {
        return why.to_string();
    }
    // Longer phrases first, where one contains another.
    const PHRASES: &[(&str, &str)] = &[
        (
            "no date, year or known event in the text",
            "لا تاريخ ولا سنة ولا حدث معروف في النص",
        ),
        ("dates manifest", "ملف التواريخ"),
        ("set by the user", "حدده المستخدم"),
        ("dateline at the top:", "سطر التاريخ في أعلى المقال:"),
        ("publication date line:", "سطر تاريخ النشر:"),
        ("latest date named:", "آخر تاريخ مذكور:"),
        ("latest year named:", "آخر سنة مذكورة:"),
        (" is still to come", " لم يأتِ بعد"),
        (
            "; a month named as past puts it after",
            "؛ وشهر مذكور بصيغة الماضي يجعله بعد",
        ),
        ("; so not after", "؛ فليس بعد"),
        ("; not after", "؛ وليس بعد"),
        (
            "; the weekdays it names fit",
            "؛ وأيام الأسبوع المذكورة توافق",
        ),
        (", region pack) — named by", "، حزمة المنطقة) — ذُكر في"),
        ("before (still to come) ", "قبل (لم يأتِ بعد): "),
        ("after ", "بعد: "),
        ("during ", "خلال: "),
        (" to ", " إلى "),
        ("the file name ", "اسم الملف "),
        (" carries the date", " يحمل التاريخ"),
        ("Monday", "الاثنين"),
        ("Tuesday", "الثلاثاء"),
        ("Wednesday", "الأربعاء"),
        ("Thursday", "الخميس"),
        ("Friday", "الجمعة"),
        ("Saturday", "السبت"),
        ("Sunday", "الأحد"),
    ];
    let mut out = why.to_string();
    for (en, ar) in PHRASES {
        // Phrases at a word start only: "after" inside a pack label stays.
        let mut from = 0;
        while let Some(i) = out[from..].find(en).map(|i| i + from) {
            let at_word = i == 0
                || !out[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric())
                || en.starts_with([' ', ';', ',']);
            if at_word {
                out.replace_range(i..i + en.len(), ar);
                from = i + ar.len();
            } else {
                from = i + en.len();
            }
        }
    }
    // An Arabic line starts in Arabic, so it is laid out right to left.
    if out.chars().next().is_some_and(|c| c.is_ascii()) {
        out.insert(0, '\u{200f}');
    }
    ltr_dates(&out)
}

/// The start of a list line: an indent, and in the Arabic chrome a right-to-left mark,
/// so a line that begins with a file name is still laid out right to left.
fn line_start(lang: Lang) -> &'static str {
    in_lang(lang, "  ", "\u{200f}  ")
}

/// A left-to-right mark before each ISO date (2016-12-17, 2019-04) of an Arabic line.
/// After an Arabic letter the bidi algorithm reads digits as Arabic numbers, and the
/// hyphens between them no longer join them: "في 2016-12-17" would show as 17-12-2016.
fn ltr_dates(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len() + 16);
    let mut last = 0;
    let mut i = 0;
    while i + 7 <= b.len() {
        let starts = (i == 0 || !b[i - 1].is_ascii_digit())
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && b[i + 4] == b'-'
            && b[i + 5..i + 7].iter().all(u8::is_ascii_digit);
        if starts {
            out.push_str(&s[last..i]);
            out.push('\u{200e}');
            last = i;
            i += 7;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[last..]);
    out
}

/// The article's date as a reader wants it: the day, else the range the evidence allows
/// (open ends said as such), else "unknown".
pub fn dct_when(d: &crate::model::Dct, lang: Lang) -> String {
    if let Some(day) = d.date {
        return day.to_string();
    }
    let said = match (d.range[0], d.range[1], lang) {
        (Some(a), Some(b), Lang::Ar) => format!("بين {a} و{b}"),
        (Some(a), Some(b), _) => format!("{a} – {b}"),
        (Some(a), None, Lang::Ar) => format!("في {a} أو بعده"),
        (Some(a), None, _) => format!("on or after {a}"),
        (None, Some(b), Lang::Ar) => format!("في {b} أو قبله"),
        (None, Some(b), _) => format!("on or before {b}"),
        (None, None, _) => in_lang(lang, "unknown", "مجهول").to_string(),
    };
    if lang == Lang::Ar {
        ltr_dates(&said)
    } else {
        said
    }
}

/// After an import: documents read, files skipped and why, articles with uncertain dates.
pub fn import_report(app: &mut App, ctx: &egui::Context) {
    let Some(c) = &app.corpus else {
        app.show_report = false;
        return;
    };
    let s = app.settings.clone();
    let lang = app.lang();
    let x = &c.extract;
    let mut open = true;
    let title = text::single_line_job(
        s.tr("Import report", "تقرير الاستيراد"),
        &egui::FontId::proportional(16.0),
        ctx.global_style().visuals.text_color(),
    );
    // Over the timeline's lanes, not the map: centred on the map it hid the legend, the
    // first thing a reader needs to read the map. One window state per chrome, as the
    // panels change sides with the language and the timeline moves with them.
    let (pivot, pos) = match app.last_timeline_rect {
        Some(r) => (
            egui::Align2::CENTER_TOP,
            egui::pos2(r.center().x, r.min.y + 24.0),
        ),
        None => (egui::Align2::CENTER_CENTER, ctx.content_rect().center()),
    };
    egui::Window::new(title)
        .id(egui::Id::unique(("tarikh-import-report", s.arabic)))
        .open(&mut open)
        .default_width(560.0)
        .max_width(720.0)
        .pivot(pivot)
        .default_pos(pos)
        .show(ctx, |ui| {
            directed(ui, s.arabic, |ui| {
                ui.label(c.root.display().to_string());
                let (n, e, p) = (x.documents.len(), x.events.len(), x.places.len());
                text::label(
                    ui,
                    &if s.arabic {
                        format!("قُرئت {n} مقالات، {e} حدثًا، {p} مكانًا")
                    } else {
                        format!("{n} documents read, {e} events, {p} places")
                    },
                );
                text::label(
                    ui,
                    &format!(
                        "{} {}",
                        s.tr("Skipped files:", "ملفات متروكة:"),
                        x.corpus.skipped.len()
                    ),
                );
                let w = ui.available_width();
                for sk in x.corpus.skipped.iter().take(200) {
                    let reason = if s.arabic {
                        skip_reason_ar(&sk.reason)
                    } else {
                        sk.reason.clone()
                    };
                    let line = format!("{}{}: {reason}", line_start(lang), sk.path);
                    text::label_truncated(ui, &line, w);
                }
                let unc = super::corpus::uncertain_dates(x);
                text::label(
                    ui,
                    &format!(
                        "{} {}",
                        s.tr(
                            "Articles with an inferred or unknown date:",
                            "مقالات تاريخها مستنتج أو مجهول:"
                        ),
                        unc.len()
                    ),
                );
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .show(ui, |ui| {
                        for (path, d) in unc.into_iter().take(500) {
                            let why = why_in(&d.why, lang);
                            let line = format!(
                                "{}{path}: {} ({}{} {:.2}) — {why}",
                                line_start(lang),
                                dct_when(d, lang),
                                source_name(d.source, lang),
                                in_lang(lang, ",", "،"),
                                d.confidence,
                            );
                            text::label_truncated(ui, &line, w).on_hover_ui(|ui| {
                                text::label(ui, &why);
                            });
                        }
                    });
                if !c.user.is_empty() {
                    text::label(
                        ui,
                        &format!(
                            "{} {}",
                            s.tr("Dates set by you (sidecar):", "تواريخ حددتها أنت:"),
                            c.user.len()
                        ),
                    );
                }
                if ui
                    .button(text::widget_text(ui, s.tr("OK", "حسنًا")))
                    .clicked()
                {
                    app.show_report = false;
                }
            });
        });
    if !open {
        app.show_report = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reasons_for_an_articles_date_read_in_arabic() {
        use crate::corpus::SourceDoc;
        let pack = crate::Pack::builtin().expect("pack");
        let why = |text: &str| {
            let doc = SourceDoc::from_text("a", text);
            let norm = crate::normalize::Normalized::new(text);
            let found = crate::temporal::recognize(&doc, &norm, &pack);
            crate::temporal::dct::infer(&doc, &norm, &found, &pack).why
        };
        let texts = [
            "اندلعت اشتباكات في سرت يوم 3 مارس 2019، وتجددت يوم الخميس.",
            "قال مسؤول إن الوضع تغير منذ عام 2016.",
            "لا تاريخ في هذا النص.",
            "سيعقد مؤتمر برلين الشهر المقبل.",
        ];
        for t in texts {
            let en = why(t);
            let ar = why_in(&en, Lang::Ar);
            for english in [
                "latest",
                "named",
                "not after",
                "weekdays",
                "region pack",
                "no date",
            ] {
                assert!(
                    !ar.contains(english),
                    "{english:?} left in {ar:?} (from {en:?})"
                );
            }
            assert!(
                ar.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
                "{ar}"
            );
            assert_eq!(why_in(&en, Lang::En), en, "English stays as written");
        }
    }

    #[test]
    fn a_date_confidence_is_said_in_words_from_the_engine_levels() {
        for (c, en, ar) in [
            (1.0, "sure", "مؤكد"),
            (0.95, "sure", "مؤكد"),
            (0.9, "sure", "مؤكد"),
            (0.6, "likely", "مرجّح"),
            (0.45, "likely", "مرجّح"),
            (0.2, "a guess", "تخمين"),
            (0.0, "a guess", "تخمين"),
        ] {
            assert_eq!(certainty_name(c, Lang::En), en, "{c}");
            assert_eq!(certainty_name(c, Lang::Ar), ar, "{c}");
        }
    }

    #[test]
    fn an_inferred_range_is_said_with_its_open_end() {
        use crate::model::Dct;
        let d = |s: &str| s.parse::<jiff::civil::Date>().ok();
        let mut x = Dct::none("x");
        assert_eq!(dct_when(&x, Lang::En), "unknown");
        assert_eq!(dct_when(&x, Lang::Ar), "مجهول");
        x.range = [d("2016-12-17"), None];
        assert_eq!(dct_when(&x, Lang::En), "on or after 2016-12-17");
        x.range = [d("2016-12-17"), d("2017-01-02")];
        assert_eq!(
            dct_when(&x, Lang::Ar),
            "بين \u{200e}2016-12-17 و\u{200e}2017-01-02",
            "dates kept left to right inside Arabic"
        );
        x.date = d("2016-12-20");
        assert_eq!(dct_when(&x, Lang::Ar), "2016-12-20");
    }

    #[test]
    fn every_skip_reason_the_reader_gives_reads_in_arabic() {
        // Real bad files through the real reader, so a reworded reason shows up here.
        let dir = std::env::temp_dir().join(format!("tarikh-skip-ar-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let files: [(&str, &[u8]); 5] = [
            ("empty.txt", b"   \n"),
            ("binary.txt", b"abc\0\0\x01def"),
            ("scan.pdf", b"%PDF-1.4"),
            ("README", b"notes"),
            ("bad16.txt", &[0xFF, 0xFE, 0x00, 0xD8]),
        ];
        for (name, bytes) in files {
            std::fs::write(dir.join(name), bytes).expect("write");
        }
        let read = crate::corpus::read_folder(&dir).expect("read");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(read.skipped.len() >= 4, "{:?}", read.skipped);
        for sk in &read.skipped {
            let ar = skip_reason_ar(&sk.reason);
            assert_ne!(ar, sk.reason, "untranslated: {}", sk.reason);
            assert!(
                ar.chars()
                    .next()
                    .is_some_and(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
                "starts in Arabic, so it reads right to left: {ar}"
            );
        }
        // The details a reason carries are kept.
        assert!(
            skip_reason_ar("not an article file (.pdf): only .txt and .md are read")
                .contains("(pdf)")
        );
        assert!(
            skip_reason_ar("too large (31.5 MB; articles above 20 MB are skipped)")
                .contains("31.5 MB")
        );
        // An unknown reason stays as it is rather than being lost.
        assert_eq!(skip_reason_ar("something new"), "something new");
    }

    #[test]
    fn user_dates_are_validated() {
        assert_eq!(
            parse_user_date("2019-04-06"),
            Ok("2019-04-06".parse().expect("d"))
        );
        assert_eq!(
            parse_user_date(" 2019/4/6 "),
            Ok("2019-04-06".parse().expect("d"))
        );
        assert!(parse_user_date("2019-02-30").is_err());
        assert!(parse_user_date("2019-04").is_err());
        assert!(parse_user_date("١٢٣").is_err());
        assert!(parse_user_date("3000-01-01").is_err());
    }

    #[test]
    fn paragraph_is_bounded_by_blank_lines_or_line_breaks() {
        let t = "أول فقرة.\n\nالثانية هنا\nتكملة.\n\nالثالثة";
        let s = t.find("هنا").expect("found");
        let r = paragraph_around(t, s, s + 3); // mid-character end: snapped, no panic
        assert_eq!(&t[r], "الثانية هنا\nتكملة.");
        let t = "سطر أول\nسطر ثان\nسطر ثالث";
        let s = t.find("ثان").expect("found");
        assert_eq!(&t[paragraph_around(t, s, s + "ثان".len())], "سطر ثان");
        // Offsets past the end never panic.
        let r = paragraph_around(t, 999, 1000);
        assert_eq!(&t[r], "سطر ثالث");
    }

    #[test]
    fn a_date_inside_the_evidence_keeps_its_own_highlight() {
        use crate::model::*;
        let t = |start, end, value: &str| Timex {
            start,
            end,
            text: Default::default(),
            value: value.into(),
            precision: Precision::Year,
            kind: TimexKind::Date,
            anchor: Anchor::None,
        };
        let e = Event {
            id: "a#1".into(),
            doc: "a".into(),
            start: 10,
            end: 60,
            evidence: String::new(),
            date: Some("2016".into()),
            date_end: None,
            precision: Precision::Year,
            date_source: DateSource::Timex,
            kind: "siege".into(),
            modality: Modality::Asserted,
            places: vec![],
            actors: vec![],
            casualties: Casualties::default(),
            control: None,
            sources: vec![],
        };
        let timex = [
            t(20, 30, "2016"),
            t(40, 50, "2018-05-07"),
            t(200, 210, "2016"),
        ];
        let h = highlights_for(&e, &timex, 0..100);
        // The matching date first (it wins inside the evidence), the other date and the
        // one outside the paragraph left out, the evidence last.
        assert_eq!(h, vec![(20..30, TIMEX_BG), (10..60, EVIDENCE_BG)]);
        // A date that came from the article's own date highlights no expression.
        let e = Event {
            date_source: DateSource::Dct,
            ..e
        };
        assert_eq!(
            highlights_for(&e, &timex, 0..100),
            vec![(10..60, EVIDENCE_BG)]
        );
    }

    #[test]
    fn search_matches_are_found_normalised_and_mapped_back() {
        let t = "وفي أبريل 2019، ثم في ابريل أيضًا";
        let m = search_matches(t, "ابريل");
        assert_eq!(m.len(), 2);
        assert_eq!(&t[m[0].clone()], "أبريل");
        assert_eq!(&t[m[1].clone()], "ابريل");
        assert!(search_matches(t, "  ").is_empty());
    }

    #[test]
    fn a_hard_wrapped_paragraph_is_shown_whole() {
        // No blank lines: only the reader knows the two middle lines are one paragraph.
        let text = "عنوان\nسطر أول من الفقرة\nوتكملتها هنا.\nفقرة أخرى".to_string();
        let a = text.find("سطر").expect("found");
        let b = text.find("هنا.").expect("found") + "هنا.".len();
        let doc = crate::corpus::SourceDoc {
            id: "a".into(),
            path: "a.txt".into(),
            encoding: "UTF-8".into(),
            sha256: String::new(),
            bytes: text.len() as u64,
            paragraphs: vec![0..10, a..b],
            text: text.clone(),
        };
        let s = text.find("وتكملتها").expect("found");
        let whole = "سطر أول من الفقرة\nوتكملتها هنا.";
        assert_eq!(&text[event_paragraph(&doc, s, s + 4)], whole);
        // Without the reader's paragraphs, the line break bounds it.
        let doc = crate::corpus::SourceDoc {
            paragraphs: vec![],
            ..doc
        };
        assert_eq!(&text[event_paragraph(&doc, s, s + 4)], "وتكملتها هنا.");
    }
}
