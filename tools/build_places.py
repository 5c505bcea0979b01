#!/usr/bin/env python3
"""Build assets/packs/libya/places.csv from ../shared/data/libya_places.csv (GeoNames
CC BY 4.0 + OurAirports public domain) plus tools/places_extra.csv (hand-curated places).

Usage: python3 tools/build_places.py [SHARED_DIR]   (run from the repository root)
The output CSV is committed; this script only documents and reproduces how it was made.
"""
import csv, sys, unicodedata, os

SHARED = sys.argv[1] if len(sys.argv) > 1 else "../shared"
SRC = os.path.join(SHARED, "data", "libya_places.csv")
EXTRA = "tools/places_extra.csv"
OUT = "assets/packs/libya/places.csv"

# source name_en -> (id, name_ar override, extra aliases_ar, extra aliases_latin, kind, context)
# Empty strings keep the default. context "cue" = the name is also a common word and needs
# a licensing context (see gazetteer.toml).
O = {}
def o(src, id="", ar="", aar="", alat="", kind="", ctx=""):
    O[src] = (id, ar, aar, alat, kind, ctx)

o("Tripoli", "Tripoli", aar="طرابلس الغرب|العاصمة طرابلس", alat="Tarabulus|Trablus")
o("Benghazi", "Benghazi", aar="بن غازي|بنغازى", alat="Bengasi|Banghazi|Binghazi")
o("Misratah", "Misrata", aar="مصراته|مصراتا|مسراتة", alat="Misratah|Misurata")
o("Zliten", "Zliten", alat="Zlitan")
o("Al Khums", "Khoms", aar="الخمس", alat="Al Khums|Al-Khums|Khums", ctx="cue")
o("Az Zāwīyah", "Zawiya", aar="الزاويه|مدينة الزاوية", alat="Az Zawiyah|Zawiyah|Zawia|Zawiya")
o("Zawiya", "Zawiya Harat", ar="", kind="district")  # GeoNames duplicate point (Harat az Zawiyah); merged below
o("Janzūr", "Janzour", alat="Janzur|Janzour|Zanzur")
o("Sabha", "Sabha", aar="سبهة", alat="Sebha|Sabhah")
o("Tobruk", "Tobruk", alat="Tubruq|Tobrouk")
o("Ajdabiya", "Ajdabiya", aar="اجدابية|إجدابيا", alat="Ajdabia|Ajdabiyah|Agedabia")
o("Al Ajaylat", "Ajaylat", aar="العجيلات", alat="Al-Ajaylat|Al Ajaylat|Ajilat|Al-Ajeilat")
o("Al Bayḑā’", "Bayda", aar="البيضا", alat="Al Bayda|Al-Bayda|Beida|Al Baida", ctx="cue")
o("Al Jadīd", "Al Jadid", ctx="cue")
o("Sirte", "Sirte", aar="سرتة", alat="Sirt|Surt", ctx="cue")
o("Darnah", "Derna", aar="درنه|درنا", alat="Darnah|Darna")
o("Al Jumayl", "Al Jumayl", ctx="cue", alat="Al Jumayl|Jumayl|Al-Jmeil")
o("Qaşr Bin Ghashīr", "Qasr Bin Ghashir", ar="قصر بن غشير", aar="قصر بنغشير|قصر ابن غشير", alat="Qasr bin Gashir|Gasr Ben Gashir", kind="town")
o("Tājūrā’", "Tajoura", ar="تاجوراء", aar="تاجورا|تاجوراء", alat="Tajura|Tajourah|Tajoura", kind="town")
o("Al Marj", "Marj", alat="Al Marj|Al-Marj|El Marj", ctx="cue")
o("Şabrātah", "Sabratha", alat="Sabratah|Sabrata")
o("Al Ḩurshah", "Hurshah", ctx="cue", alat="Al Hurshah|Al-Harsha")
o("Şurmān", "Surman", alat="Sorman|Surman")
o("Msalātah", "Msallata", alat="Msalata|Masallatah")
o("As Sawānī", "Sawani", ar="السواني", alat="As Sawani|Al-Sawani|Swani")
o("Tarhuna", "Tarhuna", ar="ترهونة", aar="ترهونه|ترهونا", alat="Tarhunah|Tarhouna", kind="town")
o("Al ‘Azīzīyah", "Aziziya", alat="Al Aziziyah|Al-Aziziya|Azizia")
o("Qaşr al Qarabūllī", "Qarabulli", aar="القره بوللي|القربوللي|القرابوللي|القره بولي", alat="Garabulli|Castelverde|Al-Qarabulli")
o("At Tāj", "At Taj", ar="التاج", ctx="cue")
o("Bani Walid", "Bani Walid", aar="بني الوليد|بنيوليد", alat="Bani Waleed|Beni Ulid")
o("Al Jawf", "Al Jawf", ctx="cue", alat="Al Jawf|Al Jouf")
o("Gharyan", "Gharyan", alat="Gharian|Garian")
o("Zuwarah", "Zuwara", aar="زواره", alat="Zuwarah|Zuara|Zwara")
o("Ubari", "Ubari", alat="Awbari|Oubari")
o("Zintan", "Zintan", aar="زنتان", alat="Az Zintan|Al-Zintan|Zentan")
o("Al Abyār", "Abyar", ctx="cue", alat="Al Abyar|El Abiar")
o("Sīdī Bin Zīnah", "Sidi Bin Zinah")
o("Al Burayqah", "Brega", aar="مرسى البريقة|البريقه", alat="Marsa Brega|Al Burayqah|Marsa el Brega", kind="oil_port")
o("Murzuk", "Murzuq", alat="Murzuk|Marzuq")
o("Shahhat", "Shahhat", ar="شحات", alat="Shahat|Cyrene", ctx="cue")
o("Nālūt", "Nalut")
o("Al Aşābi‘ah", "Asabaa", ar="الأصابعة", aar="الاصابعه", alat="Al Asabiah|Asabaa|Al-Asabaa")
o("Az Zahrā’", "Zahra", ar="الزهراء", ctx="cue")
o("Al Qubbah", "Qubbah", ctx="cue", alat="Al Qubbah|Al-Gubba|Gubba")
o("Hūn", "Hun", alat="Houn", ctx="cue")
o("Al Ghurayfah", "Ghurayfah", ctx="cue")
o("Yafran", "Yafran", alat="Yefren|Yafrin")
o("Az Zuwaytīnah", "Zueitina", aar="الزويتينه|ميناء الزويتينة", alat="Zueitina|Zuetina|Az Zuwaytinah", kind="oil_port")
o("An Nāşirīyah", "Nasiriyah", ar="الناصرية", ctx="cue")
o("Qaryat Sulūq", "Suluq", alat="Suluq|Soluch")
o("Qarqūzah", "Qarqouza", ar="قرقوزة")
o("Al-'Alūaṣ", "Alous", ar="العلوص")
o("Wādī 'Utbah", "Wadi Utbah", ar="وادي عتبة")
o("Mizdah", "Mizda", alat="Mizdah|Mizda")
o("Qaşr Khiyār", "Qasr Khiyar", aar="قصر الأخيار|قصر الاخيار", alat="Qasr al-Akhyar|Qasr Akhyar")
o("Brak", "Brak", aar="براك الشاطئ|براك الشاطيء", ctx="cue", alat="Brak al-Shati")
o("Bin Jawwād", "Bin Jawad", aar="بن جواد|بنجواد", alat="Bin Jawad|Ben Jawad")
o("Al Qawāsim", "Qawasim", ar="القواسم", ctx="cue")
o("Ar Rayāyinah", "Rayayinah", ar="الرياينة")
o("Ghat", "Ghat", ctx="cue")
o("Abū Zayyān", "Abu Zayyan", ar="أبو زيان", aar="ابوزيان|بوزيان")
o("Al Māyah", "Al Maya", ar="الماية", aar="الماية|المايه", ctx="cue")
o("Zalţan", "Zaltan", alat="Zaltan|Zelten")
o("Jālū", "Jalu", ar="جالو", alat="Jalo|Gialo")
o("Tūkrah", "Tocra", alat="Tukrah|Tocra|Tokra")
o("Jādū", "Jadu", alat="Jadu|Jado")
o("Ghadames", "Ghadames", alat="Ghadamis")
o("Sūknah", "Sokna", alat="Suknah|Sokna")
o("Kiklah", "Kikla", ar="ككلة")
o("Wardāmah", "Wardama", ar="وردامة")
o("Umm al Arānib", "Umm al Aranib")
o("Waddān", "Waddan", ctx="cue")
o("Zillah", "Zella", ctx="cue", alat="Zella|Zillah")
o("Ar-Raḥaībāt", "Rahaibat")
o("Al Barakāt", "Barakat", ctx="cue")
o("Sīdī aş Şayd", "Sidi al-Sayeh", ar="سيدي السايح", aar="سيدي السائح", alat="Sidi as Sayd|Sidi Assayeh")
o("Al Khaḑrā’", "Khadra", ctx="cue")
o("Martūbah", "Martuba")
o("Al Bardīyah", "Bardia", alat="Bardia|Al Bardiyah", ctx="cue")
o("Umm ar Rizam", "Umm ar Rizam")
o("Qamīnis", "Qaminis", alat="Ghemines")
o("Umm Sā'ad", "Umm Saad", ar="أم سعد", ctx="cue")
o("Al Abraq", "Labraq", aar="الابرق|لبرق", alat="Al Abraq|Labraq", ctx="cue")
o("Tarāghin", "Traghen", alat="Traghen|Taraghin")
o("Tāzirbū", "Tazirbu", alat="Tazirbu|Tazerbo")
o("Qaryat ‘Umar al Mukhtār", "Omar Mukhtar Village", ar="قرية عمر المختار", aar="-عمر المختار")
o("Massah", "Massah", ctx="cue")
o("Qandūlah", "Qandulah")
o("Kābāw", "Kabaw", alat="Kabaw|Cabao")
o("Daryānah", "Daryanah", alat="Deriana|Driana")
o("Tamzāwah", "Tamzawah")
o("Sūsah", "Susah", aar="سوسه الليبية", alat="Susa|Apollonia", ctx="cue")
o("Al Qaţrūn", "Qatrun", alat="Al Qatrun|Gatrun")
o("Qīrah", "Qirah", ctx="cue")
o("Kambūt", "Kambut", alat="Gambut|Kambut")
o("Tījī", "Tiji", ctx="cue")
o("Jardas al ‘Abīd", "Jardas al Abid")
o("Ar Rujbān", "Rujban", alat="Rujban|Rajban")
o("Daraj", "Daraj", ctx="cue")
o("Qaşr Lībiyā", "Qasr Libya", ar="قصر ليبيا")
o("Barqin", "Barqin")
o("Qaryat al Bayyāḑah", "Bayyadah", ctx="cue")
o("Awjilah", "Awjila", alat="Awjila|Augila")
o("Qasr Abu Hadi", "Qasr Abu Hadi", aar="قصر أبو هادي|أبو هادي|ابوهادي")
o("Āqār", "Aqar", ctx="cue")
o("Wāzin", "Wazin", ctx="cue", alat="Wazin|Wazen")
o("Idrī", "Idri", ctx="cue")
o("Al Ḩawāmid", "Hawamid", ar="الحوامد", ctx="cue")
o("Samnū", "Samnu")
o("Zawīlah", "Zuwaylah", alat="Zawila|Zuwaylah")
o("Qirnādah", "Qirnadah", ar="قرنادة")
o("Bi’r al Ghanam", "Bir al Ghanam", aar="بير الغنم", alat="Bir al-Ghanam|Bir Ghanam")
o("Sīnāwin", "Sinawin")
o("Al ‘Awinat", "Awaynat", ar="العوينات", ctx="cue", alat="Al Uwaynat|Awaynat|Serdeles")
o("Qaryat al Qī‘ān", "Qayaan", ctx="cue")
o("Sulţān", "Sultan", ar="سلطان", ctx="cue")
o("Al Jaghbūb", "Jaghbub", ar="الجغبوب", alat="Al Jaghbub|Jaghbub|Giarabub")
o("Marādah", "Maradah", ctx="cue", alat="Marada|Maradah")
o("Mukhaylá", "Mechili", aar="المخيلي", alat="Mechili|Al Mukhayli")

# Airfields (OurAirports). Minor oilfield strips keep their English name only.
A = {}
def a(src, id, ar="", aar="", alat="", kind="airport", ctx=""):
    A[src] = (id, ar, aar, alat, kind, ctx)

a("Benina International Airport", "Benina", "بنينا", "بنينة|مطار بنينا|مطار بنينا الدولي|قاعدة بنينا|قاعدة بنينا الجوية", "Benina|Benina Airport|Benina International Airport|Benghazi Airport")
a("Mitiga International Airport", "Mitiga", "معيتيقة", "امعيتيقة|مطار معيتيقة|مطار امعيتيقة|مطار معيتيقة الدولي|قاعدة معيتيقة|قاعدة امعيتيقة", "Mitiga|Maitiga|Mitiga Airport|Mitiga International Airport")
a("Okba Ibn Nafa Air Base", "Al Watiya", "الوطية", "قاعدة الوطية|قاعدة الوطية الجوية|قاعدة عقبة بن نافع|الواطية|قاعدة الواطية", "Al Watiya|Al-Watiya|Watiya|Al Watiyah|Okba Ibn Nafa Air Base|Uqba ibn Nafi Air Base", kind="base")
a("Al Jufra Airport", "Jufra Air Base", "قاعدة الجفرة", "قاعدة الجفرة الجوية|مطار الجفرة", "Jufra Air Base|Al Jufra Airport|Jufra airbase", kind="base")
a("Kufra Airport", "Kufra Airport", "مطار الكفرة", "", "Kufra Airport")
a("Sirt International Airport / Ghardabiya Airbase", "Ghardabiya Air Base", "القرضابية", "قاعدة القرضابية|قاعدة القرضابية الجوية|مطار القرضابية|مطار سرت|مطار سرت الدولي", "Ghardabiya|Gardabiya|Qardabiya|Sirte Airport|Ghardabiya Air Base", kind="base")
a("Misrata International Airport", "Misrata Airport", "مطار مصراتة", "مطار مصراتة الدولي|الكلية الجوية مصراتة|الكلية الجوية بمصراتة|قاعدة مصراتة الجوية", "Misrata Airport|Misrata International Airport|Misrata Air Academy")
a("Tobruk International Airport", "Tobruk Airport", "مطار طبرق", "مطار طبرق الدولي|قاعدة جمال عبد الناصر|قاعدة جمال عبدالناصر|قاعدة عبد الناصر|قاعدة جمال عبد الناصر الجوية", "Tobruk Airport|Gamal Abdel Nasser Air Base|El Adem")
a("Al Abraq International Airport", "Labraq Airport", "مطار الأبرق", "مطار الابرق الدولي|مطار لبرق", "Labraq Airport|Al Abraq Airport")
a("Sabha Airport", "Sabha Airport", "مطار سبها", "مطار سبها الدولي|قاعدة سبها الجوية", "Sabha Airport")
a("Tamanhint Airport", "Tamanhint Air Base", "تمنهنت", "قاعدة تمنهنت|قاعدة تمنهنت الجوية|مطار تمنهنت", "Tamanhint|Tamenhint|Tamanhint Air Base", kind="base")
a("Al Khadim Airport", "Al Khadim Air Base", "قاعدة الخادم", "قاعدة الخادم الجوية|قاعدة الخروبة", "Al Khadim Air Base|Al-Khadim|Al Khadim", kind="base")
a("Martuba Air Base", "Martuba Air Base", "قاعدة مرتوبة", "قاعدة مرتوبة الجوية|قاعدة الأبرق مرتوبة", "Martuba Air Base", kind="base")
a("Matan al-Sarra Air Base", "Maaten al-Sarra Air Base", "قاعدة معطن السارة", "معطن السارة|قاعدة السارة", "Matan al-Sarra|Maaten al-Sarra", kind="base")
a("Ghat Airport", "Ghat Airport", "مطار غات")
a("Ghadames East Airport", "Ghadames Airport", "مطار غدامس")
a("Ubari Airport", "Ubari Airport", "مطار أوباري")
a("Brak Airport", "Brak Air Base", "قاعدة براك", "قاعدة براك الشاطئ|قاعدة براك الجوية|مطار براك", "Brak Air Base|Brak al-Shati Air Base", kind="base")
a("Zuwarah International Airport", "Zuwara Airport", "مطار زوارة")
a("Alzintan Airport", "Zintan Airport", "مطار الزنتان")
a("Gharyan International Airport", "Gharyan Airport", "مطار غريان")
a("Bani Waled Airport", "Bani Walid Airport", "مطار بني وليد")
a("Zliten Commercial Airport", "Zliten Airport", "مطار زليتن")
a("Hon Airport", "Hun Airport", "مطار هون")
a("Waddan Airport", "Waddan Airport", "مطار ودان")
a("Ajdabiya Airport", "Ajdabiya Airport", "مطار أجدابيا", "مطار اجدابيا")
a("Al Marj Airport", "Marj Airport", "مطار المرج")
a("Marsa al Brega Airport", "Brega Airport", "مطار البريقة", "مطار مرسى البريقة")
a("Ras Lanuf Airport", "Ras Lanuf Airport", "مطار راس لانوف", "مطار رأس لانوف")
a("Kambut Airport", "Kambut Airport", "مطار كمبوت")
a("Bombah Airport", "Bomba Air Base", "قاعدة بومبا", "قاعدة بمبة|مطار بومبا", kind="base")
a("Al Wigh Airport", "Al Wigh Airport", "مطار الويغ", "الويغ|قاعدة الويغ")
a("Waw Al Kabir Airport", "Waw al Kabir Airport", "مطار واو الكبير")
a("Sidra Airport", "Sidra Airport", "مطار السدرة")
a("El Sherara Field Airport", "Sharara Airport", "مطار حقل الشرارة", "مطار الشرارة")
a("Abu Aisha Agricultural Aviation Airport", "Abu Aisha Airport", "مطار أبو عائشة")
a("Zuetina Airport", "Zueitina Airport", "مطار الزويتينة")
a("Ash Shwayrif Airport", "Shwayrif Airport", "مطار الشويرف")
a("Tamanhint Airport", "Tamanhint Air Base", "تمنهنت", "قاعدة تمنهنت|قاعدة تمنهنت الجوية|مطار تمنهنت", "Tamanhint|Tamenhint|Tamanhint Air Base", kind="base")

AR_BAD = set("یہکھەپچگڤ،")
EXCLUDE_AR = {"النقاط الخمس", "قصر ليبيا", "المرقب", "عمر المختار", "خمس، لیبیا", "الجديد"}

def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("’", "").replace("‘", "").replace("`", "").replace("'", "").replace("ʿ", "")

QUALIFIERS = ("منطقة ", "مدينة ", "حي ", "محور ", "العاصمة ")

def split(s):
    # A generic qualifier ("منطقة X") is context, not part of the name: the matcher
    # licenses ambiguous names with it, and spans stay on the name itself.
    return [x.strip() for x in s.split("|") if x.strip() and not x.strip().startswith(QUALIFIERS)]

def merge(*lists):
    out = []
    for l in lists:
        for x in l:
            if x and x not in out:
                out.append(x)
    return out

rows = {}
order = []
def put(row):
    pid = row["id"]
    if pid in rows:  # merge a duplicate source point into the first one
        r = rows[pid]
        r["aliases_ar"] = merge(r["aliases_ar"], row["aliases_ar"])
        r["aliases_latin"] = merge(r["aliases_latin"], row["aliases_latin"])
        r["source"] += "; " + row["source"]
        return
    rows[pid] = row
    order.append(pid)

with open(SRC, encoding="utf-8") as f:
    for r in csv.DictReader(f):
        en = r["name_en"]
        airfield = r["kind"].startswith("airfield")
        ov = A.get(en) if airfield else O.get(en)
        if ov is None:
            ov = (ascii_fold(en).replace(" Airport", " Airport").strip(), "", "", "", "airstrip" if airfield else "", "")
        pid, ar, aar, alat, kind, ctx = ov
        if not pid:
            pid = ascii_fold(en)
        name_ar = ar or r["name_ar"]
        drop = {x[1:] for x in split(aar) if x.startswith("-")}
        variants = [] if airfield else [v for v in split(r["name_ar_variants"])
                    if not (set(v) & AR_BAD) and v not in EXCLUDE_AR and not v.startswith("شعبية")]
        aliases_ar = merge([v for v in variants if v != name_ar and v not in drop],
                           [x for x in split(aar) if not x.startswith("-") and x != name_ar])
        latin = merge([en, ascii_fold(en)], split(alat))
        latin = [x for x in latin if x != pid]
        pop = r["population"].strip()
        if not kind:
            if airfield:
                kind = "airport"
            else:
                p = int(pop or 0)
                kind = "city" if p >= 100000 else "town" if p >= 10000 else "village"
        src = r["source"] + (" " + r["ext_id"] if r["ext_id"] else "")
        if pid == "Zawiya Harat":
            # The second GeoNames point for Zawiya (Harat az Zawiyah, 600 m away): same city.
            pid, name_ar, kind = "Zawiya", "الزاوية", "city"
        put(dict(id=pid, name_en=pid if not airfield or pid != en else en, name_ar=name_ar,
                 lat=r["lat"], lon=r["lon"], population=pop, kind=kind,
                 aliases_ar=aliases_ar, aliases_latin=latin, source=src, context=ctx))

with open(EXTRA, encoding="utf-8") as f:
    for r in csv.DictReader(f):
        r = {k: (v or "").strip() for k, v in r.items()}
        put(dict(id=r["id"], name_en=r["name_en"] or r["id"], name_ar=r["name_ar"], lat=r["lat"],
                 lon=r["lon"], population=r["population"], kind=r["kind"],
                 aliases_ar=split(r["aliases_ar"]), aliases_latin=split(r["aliases_latin"]),
                 source=r["source"], context=r["context"]))

with open(OUT, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "name_en", "name_ar", "lat", "lon", "population", "kind", "aliases_ar",
                "aliases_latin", "source", "context"])
    for pid in order:
        r = rows[pid]
        w.writerow([r["id"], r["name_en"], r["name_ar"], r["lat"], r["lon"], r["population"],
                    r["kind"], "|".join(r["aliases_ar"]), "|".join(r["aliases_latin"]),
                    r["source"], r["context"]])
print(f"{len(order)} places -> {OUT}")
