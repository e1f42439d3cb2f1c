//! What the layout stage sets aside, seen from the whole analysis: text set
//! aside yields nothing, and news paragraphs that start with or contain a
//! word boilerplate carries are analysed like any other.

use newslens::extract;

/// Issue 23's example, one paragraph a line with blank lines between.
const TRIGGER_WORDS: &str = "Lawsuits

The suits were filed on Monday.

Disney sued OpenAI over copyright infringement, lawyers said.

Published in 2019, the Mueller report was ignored by Moscow, Lavrov said.

Recommended by the Senate, Janet Yellen was confirmed.

Share prices in Tokyo fell 3% after Toyota warned.

Commentators said the moderate wing would gain, according to Reuters.

A Kremlin spokesman, Dmitry Peskov, declined to comment on the new sanctions policy announced by Washington.";

#[test]
fn news_paragraphs_with_boilerplate_words_are_analysed() {
    let a = extract(TRIGGER_WORDS);
    assert!(
        a.article.boilerplate.is_empty(),
        "{:?}",
        a.article.boilerplate
    );
    assert!(a.article.updated.is_none(), "{:?}", a.article.updated);
    assert_eq!(a.article.paragraphs.len(), 7);
    // The title and every paragraph are sentences.
    assert_eq!(a.sentences.len(), 8);
    let found = |name: &str| a.mentions.iter().any(|m| m.text == name);
    for name in [
        "Monday",
        "Disney",
        "OpenAI",
        "Mueller",
        "Moscow",
        "Lavrov",
        "Senate",
        "Janet Yellen",
        "Tokyo",
        "Toyota",
        "Reuters",
        "Kremlin",
        "Dmitry Peskov",
        "Washington",
    ] {
        assert!(
            found(name),
            "{name} not found in {:?}",
            a.mentions.iter().map(|m| &m.text).collect::<Vec<_>>()
        );
    }
    // "..., lawyers said." and "..., Lavrov said." are reported speech.
    assert!(a
        .quotes
        .iter()
        .any(|q| q.speaker.as_ref().is_some_and(|s| s.text == "Lavrov")));
}

#[test]
fn boilerplate_yields_no_mention_or_sentence() {
    let text = "Storm hits coast\n\nA storm hit Miami on Monday.\n\nShare on Facebook\n\n\
                © 2024 Example News. All rights reserved.\n\nPlease keep your comments respectful: \
                abusive comments about Miami will be removed.";
    let a = extract(text);
    assert_eq!(
        a.article.boilerplate.len(),
        3,
        "{:?}",
        a.article.boilerplate
    );
    let body_end = text.find("Share").unwrap();
    assert!(a.mentions.iter().all(|m| m.end <= body_end));
    assert!(a.sentences.iter().all(|s| s.end <= body_end));
}
