//! The JSON contract of `tarikh extract` (output.md) on two short articles written for this
//! test: any change to the schema, the field names or the engine's answers shows up here
//! as a reviewed snapshot diff (`cargo insta review`).

use tarikh::pack::Pack;

#[test]
fn extract_json_of_a_two_article_corpus() {
    let dir = std::env::temp_dir().join(format!("tarikh-insta-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("2019-04-06_gharyan.txt"),
        "أعلنت قوات حكومة الوفاق يوم الخميس سيطرتها على مدينة غريان بعد معارك عنيفة مع قوات حفتر،\n\
         أسفرت عن مقتل 12 مقاتلا وإصابة 30 آخرين.\n\n\
         ولم يصدر الجيش الوطني الليبي أي تعليق حتى الآن.\n",
    )
    .expect("article");
    std::fs::write(
        dir.join("conference.txt"),
        "طرابلس، 10 يناير 2020 - من المقرر أن يعقد مؤتمر برلين حول ليبيا الأسبوع المقبل بمشاركة\n\
         الأمم المتحدة وعدد من الدول.\n",
    )
    .expect("article");
    std::fs::write(dir.join("notes.pdf"), b"%PDF").expect("other file");
    let pack = Pack::builtin().expect("pack");
    let mut x = tarikh::pipeline::run(&dir, &pack, &Default::default(), &()).expect("run");
    let _ = std::fs::remove_dir_all(&dir);
    // What depends on the machine or the release, not on the engine.
    x.corpus.root = "[root]".into();
    x.tool.version = "[version]".into();
    insta::assert_json_snapshot!(x);
}
