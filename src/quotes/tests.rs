//! Examples of each rule and its counter-case, on short paragraphs.

use crate::analysis::{Analysis, Quote, QuoteKind};

fn quote<'a>(a: &'a Analysis, starts: &str) -> &'a Quote {
    a.quotes
        .iter()
        .find(|q| q.text.starts_with(starts))
        .unwrap_or_else(|| panic!("no quote starts {starts:?}: {:#?}", a.quotes))
}

fn speaker_name(a: &Analysis, q: &Quote) -> Option<String> {
    let s = q.speaker.as_ref()?;
    Some(
        s.entity
            .map_or_else(|| s.text.clone(), |e| a.entities[e].name.clone()),
    )
}

#[test]
fn direct_quote_with_speaker_after() {
    let text = "Headline words here\n\n\"We will win,\" John Smith said on Monday.";
    let a = crate::extract(text);
    let q = quote(&a, "We will win");
    assert_eq!(q.text, "We will win,");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker.as_ref().unwrap().text, "John Smith");
    assert_eq!(q.cue.as_ref().unwrap().text, "said");
}

#[test]
fn curly_marks_and_guillemets_are_quotes_too() {
    for (open, close) in [("“", "”"), ("«", "»"), ("\"", "\"")] {
        let text = format!(
            "Budget talks\n\n{open}The budget is balanced,{close} Finance Minister Maria Lopez said."
        );
        let a = crate::extract(&text);
        let q = quote(&a, "The budget is balanced");
        assert_eq!(q.kind, QuoteKind::Direct, "{open}");
        assert_eq!(
            speaker_name(&a, q).as_deref(),
            Some("Maria Lopez"),
            "{open}"
        );
    }
}

#[test]
fn doubled_apostrophes_quote_like_double_marks() {
    let text = "Taxes\n\nHer plan drew critics. ''This isn't tax reform,'' said Douglas Carter, an economist.";
    let a = crate::extract(text);
    let q = quote(&a, "This isn't tax reform");
    assert_eq!(q.text, "This isn't tax reform,");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Douglas Carter"));
}

#[test]
fn a_title_before_the_name_belongs_to_the_speaker_span() {
    let text = "Talks\n\n“We are ready,” Ministry Spokesperson Matthew Miller said.";
    let a = crate::extract(text);
    let q = quote(&a, "We are ready");
    let s = q.speaker.as_ref().unwrap();
    assert!(s.text.ends_with("Matthew Miller"), "{}", s.text);
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Matthew Miller"));
    // One speaker, not two: the title is no speaker of its own.
    assert_eq!(a.quotes.len(), 1);
}

#[test]
fn nested_single_quotes_stay_inside_the_quote() {
    let text = "Trial\n\n“He told me ‘never again’ and walked out,” said Anna Berg, a witness.";
    let a = crate::extract(text);
    let q = quote(&a, "He told me");
    assert!(q.text.contains("‘never again’"));
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Anna Berg"));
}

#[test]
fn a_quote_over_two_paragraphs_is_one_quote() {
    let text = "Strike\n\nUnion leader Paul Grant said on Tuesday: “We will not go back to work until the company listens.\n\n“Our members have waited long enough.”\n\nThe company declined to comment.";
    let a = crate::extract(text);
    let q = quote(&a, "We will not go back");
    assert!(q.text.ends_with("waited long enough."), "{}", q.text);
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Paul Grant"));
}

#[test]
fn a_quote_interrupted_by_its_attribution_is_one_quote() {
    let text = "Vote\n\n“We will,” Senator Jane Doe said, “pass this bill before the summer.”";
    let a = crate::extract(text);
    let q = quote(&a, "We will");
    assert!(q.text.ends_with("before the summer."), "{}", q.text);
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Jane Doe"));
    assert_eq!(
        a.quotes
            .iter()
            .filter(|q| q.text.contains("pass this bill"))
            .count(),
        1
    );
}

#[test]
fn he_added_goes_to_the_last_speaker_not_to_a_name_inside_the_quote() {
    let text = "Talks\n\n“It is over for Putin,” John Smith said.\n\n“We are done,” he added.";
    let a = crate::extract(text);
    let first = quote(&a, "It is over");
    let second = quote(&a, "We are done");
    let s = second.speaker.as_ref().unwrap();
    assert_eq!(s.text, "he");
    assert_eq!(s.entity, first.speaker.as_ref().unwrap().entity);
    assert_eq!(speaker_name(&a, second).as_deref(), Some("John Smith"));
}

#[test]
fn she_said_does_not_go_back_to_a_man() {
    let text = "Council vote\n\n\"The plan is ready,\" Mayor John Carter said on Monday.\n\n\
        Councillor Hillary Moreno disagreed with the mayor. \"It will fail,\" she said.";
    let a = crate::extract(text);
    let q = quote(&a, "It will fail");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Hillary Moreno"));
    // The counter-case: "he said" still goes back to him.
    let text = text.replace("she said", "he said");
    let a = crate::extract(&text);
    let q = quote(&a, "It will fail");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("John Carter"));
}

#[test]
fn transcript_lines_are_their_speakers_words() {
    let text = "Pence on the debate\n\nGov. Mike Pence spoke to Fox News on Sunday.\n\n\
        WALLACE: Will she be there tomorrow night?\n\n\
        \"PENCE: Well, look, the American people want a serious debate.\n\n\
        WALLACE: Is that a yes, Governor?";
    let a = crate::extract(text);
    let q = quote(&a, "Well, look");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(
        q.text,
        "Well, look, the American people want a serious debate."
    );
    assert_eq!(q.speaker.as_ref().unwrap().text, "PENCE");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Mike Pence"));
    assert_eq!(q.cue.as_ref().unwrap().text, ":");
    assert_eq!(
        quote(&a, "Will she be there")
            .speaker
            .as_ref()
            .unwrap()
            .text,
        "WALLACE"
    );
    // Labels are not speakers, nor is a name in ordinary case, nor a
    // place opening a dateline, nor one capitalised line alone.
    for text in [
        "Storm\n\nUPDATE: The road has reopened to traffic.\n\nNote: schools stay closed.",
        "Exports\n\nNEW DELHI: The government on Monday announced new rules for exports.",
        "Exports\n\nMUMBAI: The government on Monday announced new rules for exports.",
        "Bond sale\n\nISSUER : Bay County Building Authority\n\nAMT : 1,200,000 dollars\n\n\
         DELIVERY : 45 days approx",
    ] {
        let a = crate::extract(text);
        assert!(
            a.quotes
                .iter()
                .all(|q| q.cue.as_ref().is_none_or(|c| c.text != ":")),
            "{text:?}: {:#?}",
            a.quotes
        );
    }
}

#[test]
fn a_partial_quote_takes_the_speaker_of_its_sentence() {
    let text = "Plan\n\nOpposition leader Karen Holt called the plan “a reckless gamble with our savings” on Monday.";
    let a = crate::extract(text);
    let q = quote(&a, "a reckless gamble");
    assert_eq!(q.kind, QuoteKind::Partial);
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Karen Holt"));
}

#[test]
fn a_scare_quoted_word_is_no_quote() {
    let text = "Markets\n\nThe so-called “experts” disagreed about the markets last year.";
    let a = crate::extract(text);
    assert!(
        a.quotes.iter().all(|q| q.text != "experts"),
        "{:#?}",
        a.quotes
    );
}

#[test]
fn reported_speech_with_that() {
    let text = "Talks\n\nForeign Minister Ana Costa said that the talks had failed because neither side would move.";
    let a = crate::extract(text);
    let q = quote(&a, "the talks had failed");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.cue.as_ref().unwrap().text, "said");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Ana Costa"));
}

#[test]
fn according_to_attributes_the_clause() {
    let text = "Economy\n\nThe economy will shrink by two percent next year, according to the central bank.";
    let a = crate::extract(text);
    let q = quote(&a, "The economy will shrink");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.cue.as_ref().unwrap().text, "according to");
    assert!(q.speaker.as_ref().unwrap().text.ends_with("central bank"));
}

#[test]
fn beliefs_and_findings_are_attributions_too() {
    let text = "Election\n\nSenator Tom Reed believes the deal is dead.\n\nA new poll shows that most voters oppose the plan.";
    let a = crate::extract(text);
    let q = quote(&a, "the deal is dead");
    assert_eq!(q.cue.as_ref().unwrap().text, "believes");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Tom Reed"));
    let q = quote(&a, "most voters oppose");
    assert!(q.speaker.as_ref().unwrap().text.ends_with("poll"));
}

#[test]
fn a_plain_statement_of_fact_is_no_attribution() {
    let text = "Storm\n\nThe storm hit the coast on Monday and cut power to thousands of homes.";
    let a = crate::extract(text);
    assert!(a.quotes.is_empty(), "{:#?}", a.quotes);
}

#[test]
fn according_to_and_headline_colon() {
    let text = "Prices will rise: IMF\n\nPrices will rise next year, according to local sources.";
    let a = crate::extract(text);
    let kinds: Vec<(&str, &str)> = a
        .quotes
        .iter()
        .map(|q| {
            (
                q.speaker.as_ref().unwrap().text.as_str(),
                q.cue.as_ref().unwrap().text.as_str(),
            )
        })
        .collect();
    assert_eq!(kinds, [("IMF", ":"), ("local sources", "according to")]);
}

#[test]
fn a_headline_colon_needs_a_short_capitalised_source() {
    let text = "Why prices rise: the long story of inflation in many countries\n\nPrices rose.";
    let a = crate::extract(text);
    assert!(a
        .quotes
        .iter()
        .all(|q| q.cue.as_ref().is_none_or(|c| c.text != ":")));
}

#[test]
fn unbalanced_marks_do_not_break_the_rest() {
    let text = "Title here\n\nHe said \"this is odd.\n\n\"Fine,\" Jane Doe said.";
    let a = crate::extract(text);
    assert!(a.quotes.iter().any(|q| q.text == "Fine,"));
}

#[test]
fn odd_marks_anywhere_never_panic() {
    for text in [
        "\"",
        "“",
        "”",
        "«»",
        "\"\"\"",
        "T\n\n“a\n\n“b\n\n“",
        "T\n\n” said he “",
        "T\n\n‘’‘’\"",
        "T\n\nsaid",
        "T\n\naccording to",
        ": X",
        "T\n\n, he said, “",
    ] {
        let _ = crate::extract(text);
    }
}

#[test]
fn cue_class_says_what_kind_of_attribution_it_is() {
    use crate::analysis::CueClass;
    let text = "Economy slows\n\n\
        \"Rates will stay high,\" the central bank governor Anna Berg said on Monday. \
        Economists believe that inflation will fall next year. \
        A study by the university found that wages rose by 3 percent. \
\n\nThe government plans to raise the minimum wage next year.";
    let a = crate::extract(text);
    let class = |starts: &str| quote(&a, starts).cue_class;
    assert_eq!(class("Rates will stay high"), Some(CueClass::Speech));
    assert_eq!(class("inflation will fall"), Some(CueClass::Belief));
    assert_eq!(class("wages rose"), Some(CueClass::Finding));
    assert_eq!(
        class("to raise the minimum wage"),
        Some(CueClass::Intention)
    );
    // A stem that drops its final e ("stated" -> "stat") still finds "state".
    let a = crate::extract("Budget\n\nThe ministry stated that the deficit had narrowed.");
    assert_eq!(quote(&a, "the deficit").cue_class, Some(CueClass::Speech));
}

#[test]
fn a_quote_without_a_cue_word_is_speech_only_when_quotation_marked() {
    use crate::analysis::{CueClass, Span};
    let mut q = Quote {
        kind: QuoteKind::Direct,
        start: 0,
        end: 2,
        text: "Hi".into(),
        speaker: None,
        cue: None,
        cue_class: None,
    };
    assert_eq!(super::cue_class(&q), Some(CueClass::Speech));
    q.kind = QuoteKind::Indirect;
    assert_eq!(super::cue_class(&q), None);
    q.cue = Some(Span::of("according to", 0, 12));
    assert_eq!(super::cue_class(&q), Some(CueClass::Speech));
}

#[test]
fn an_agentless_passive_has_no_speaker() {
    let text = "Vote\n\nThe senator was accused of lying about the deal.";
    let a = crate::extract(text);
    let q = quote(&a, "senator was accused");
    assert_eq!(q.speaker, None);
    // Counter-cases: the active verb's subject speaks, and so does the
    // source of an outer "said".
    let text = "Vote\n\nThe senator accused the governor of lying about the deal.";
    let a = crate::extract(text);
    let q = quote(&a, "the governor of lying");
    assert_eq!(q.speaker.as_ref().unwrap().text, "The senator");
    let text = "Vote\n\nThe bill is expected to pass next week, the mayor said.";
    let a = crate::extract(text);
    let q = quote(&a, "The bill is expected");
    assert_eq!(q.speaker.as_ref().unwrap().text, "the mayor");
}

#[test]
fn the_speaker_span_takes_in_its_appositive() {
    let text = "Talks\n\nMichael McFaul, a senior fellow at the Hoover Institution, said the talks would fail.";
    let a = crate::extract(text);
    let q = quote(&a, "the talks would fail");
    assert_eq!(
        q.speaker.as_ref().unwrap().text,
        "Michael McFaul, a senior fellow at the Hoover Institution"
    );
    // After the cue, the appositive runs to the sentence's end, not to
    // where a span of the tagger stopped.
    let text = "Budget\n\n“We will not back down,” said Lena Hart, who has led the council since 2019.";
    let a = crate::extract(text);
    let q = quote(&a, "We will not back down");
    assert_eq!(
        q.speaker.as_ref().unwrap().text,
        "Lena Hart, who has led the council since 2019"
    );
    // Counter-case: a clause after the comma is no appositive.
    let text = "Talks\n\nMichael McFaul left, and the ambassador said the talks would fail.";
    let a = crate::extract(text);
    let q = quote(&a, "the talks would fail");
    assert_eq!(q.speaker.as_ref().unwrap().text, "the ambassador");
}

#[test]
fn a_quotation_signed_with_a_dash_is_the_signers() {
    // On the same line, with a misprinted opening mark, and as a paragraph
    // of its own after the quotation.
    let text = "Readers respond\n\nWe asked readers what they thought of the debate.\n\n\
        ”Fear. I am truly afraid of what comes next.” ― Rosa Delgado\n\n\
        “He never answered a single question about jobs.” ― Tomas Ruiz, a teacher in Ohio.\n\n\
        \"Nobody on that stage spoke for us.\"\n\n- Marta Quiroga.";
    let a = crate::extract(text);
    for (starts, name) in [
        ("Fear. I am truly afraid", "Rosa Delgado"),
        ("He never answered", "Tomas Ruiz"),
        ("Nobody on that stage", "Marta Quiroga"),
    ] {
        let q = quote(&a, starts);
        assert_eq!(q.kind, QuoteKind::Direct, "{starts}");
        assert_eq!(q.speaker.as_ref().unwrap().text, name, "{starts}");
    }
    assert_eq!(
        quote(&a, "Fear.").text,
        "Fear. I am truly afraid of what comes next."
    );
    // Counter-cases: a dash before words in lower case is a list item or a
    // heading, and a quotation inside a sentence signed by a reporter is
    // not the reporter's.
    let text = "Plans\n\n\"We will cut taxes.\"\n\n— Reduce regulations on small businesses.\n\n\
        The minister said the party was \"still the first force in Spain.\"--Karl Dorn.";
    let a = crate::extract(text);
    assert!(
        a.quotes.iter().all(|q| q
            .speaker
            .as_ref()
            .is_none_or(|s| !s.text.starts_with("Reduce") && s.text != "Karl Dorn")),
        "{:#?}",
        a.quotes
    );
}

#[test]
fn a_quotation_that_is_a_sentence_stays_direct_with_a_long_attribution() {
    let text = "Budget row\n\nThe council met on Tuesday night.\n\n\
        “This is the worst budget I have seen in twenty years,” Hart said on Tuesday as she left \
        the chamber with her aides.";
    let a = crate::extract(text);
    let q = quote(&a, "This is the worst budget");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.text, "This is the worst budget I have seen in twenty years,");
    // Counter-case: a quotation that ends a sentence begun outside the
    // marks is partial.
    let text = "Budget row\n\nThe council met on Tuesday night.\n\n\
        The plan “will cost hundreds of jobs in the east,” Hart said on Tuesday as she left \
        the chamber with her aides.";
    let a = crate::extract(text);
    assert_eq!(quote(&a, "will cost hundreds").kind, QuoteKind::Partial);
}

#[test]
fn a_statement_does_not_speak_for_the_person_who_told_reporters() {
    let text = "Army\n\nThe border was quiet on Monday.\n\n\
        “The army is ready,” Defence Minister Petra Lind told reporters, according to a statement \
        from her ministry.";
    let a = crate::extract(text);
    let q = quote(&a, "The army is ready");
    assert!(
        q.speaker.as_ref().unwrap().text.ends_with("Petra Lind"),
        "{:#?}",
        q.speaker
    );
    // Counter-case: with no person speaking in the sentence, the
    // statement is the source.
    let text = "Army\n\nThe border was quiet on Monday.\n\n\
        The army is ready to defend the border, according to a statement from the ministry.";
    let a = crate::extract(text);
    let q = quote(&a, "The army is ready");
    assert!(
        q.speaker.as_ref().unwrap().text.contains("statement"),
        "{:#?}",
        q.speaker
    );
}

#[test]
fn a_relative_who_speaks_for_the_name_before_its_comma() {
    let text = "Claims\n\nThe White House pointed to remarks by press secretary Jane Cole, who said \
        the claims were “false.”";
    let a = crate::extract(text);
    let q = quote(&a, "the claims were");
    assert_eq!(q.speaker.as_ref().unwrap().text, "who");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Jane Cole"));
    // Counter-case: "which" after a document is nobody.
    let text = "Claims\n\nThe agency pointed to its own report, which said the claims were \
        “false and misleading.”";
    let a = crate::extract(text);
    let q = quote(&a, "false and misleading");
    assert_eq!(q.speaker.as_ref().and_then(|s| s.entity), None);
}

#[test]
fn a_speaker_span_starts_at_a_word_of_its_own() {
    let text = "Plan\n\nGermany backed the plan, with Chancellor Otto Reiss saying it was \
        “the only way forward.”";
    let a = crate::extract(text);
    let q = quote(&a, "the only way forward");
    assert_eq!(q.speaker.as_ref().unwrap().text, "Chancellor Otto Reiss");
    let text = "Plan\n\nRussia’s Foreign Ministry, through its spokeswoman Maria Orlova, said \
        Moscow “will respond in kind.”";
    let a = crate::extract(text);
    let q = quote(&a, "will respond in kind");
    let s = q.speaker.as_ref().unwrap();
    assert!(!s.text.starts_with('s'), "{:?}", s.text);
    // Counter-case: "with" inside a speaker span stays.
    let text = "Plan\n\n“We agree,” said Tom Reed, who sat with Otto Reiss on the panel.";
    let a = crate::extract(text);
    let q = quote(&a, "We agree");
    assert!(q.speaker.as_ref().unwrap().text.starts_with("Tom Reed"));
}

#[test]
fn told_a_listener_and_a_clause_without_that_is_indirect_speech() {
    for (text, content, speaker) in [
        (
            "Border\n\nGen. Omar Haddad told reporters the army was ready to defend the border.",
            "the army was ready to defend the border",
            "Omar Haddad",
        ),
        (
            "Budget\n\nMayor Tom Reyes told the Herald on Monday the budget was balanced.",
            "the budget was balanced",
            "Tom Reyes",
        ),
        (
            "Talks\n\nEnvoy Lina Sato told them she had spoken to both sides.",
            "she had spoken to both sides",
            "Lina Sato",
        ),
    ] {
        let a = crate::extract(text);
        let q = quote(&a, content);
        assert_eq!(q.text, content);
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(speaker_name(&a, q).as_deref(), Some(speaker), "{text}");
        assert_eq!(q.cue.as_ref().unwrap().text, "told");
    }
    // Counter-cases: an object, not a clause; a relative clause about the
    // listener; a headline in title case.
    for text in [
        "Plan\n\nGen. Omar Haddad told reporters the story of his childhood in Aleppo.",
        "Raid\n\nGen. Omar Haddad told the committee his own account of the raid.",
        "Peace\n\nGen. Omar Haddad told reporters who witnessed the signing.",
        "If I Would Have Told Hillary Private Email Server Was a Bad Idea\n\nThe hearing ended.",
    ] {
        let a = crate::extract(text);
        assert!(
            a.quotes.iter().all(|q| q.cue.as_ref().is_none_or(|c| c.text.to_lowercase() != "told")),
            "{text}: {:#?}",
            a.quotes
        );
    }
}

#[test]
fn a_person_named_after_through_speaks_for_the_subject() {
    let text = "Plan\n\n“This is unacceptable,” Ruritania said through its foreign minister, Petra Lind.";
    let a = crate::extract(text);
    let q = quote(&a, "This is unacceptable");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Petra Lind"));
    // Counter-case: "through a spokesman" names no one; the subject stays.
    let text = "Plan\n\n“This is unacceptable,” the Acme Corporation said through a spokesman.";
    let a = crate::extract(text);
    let q = quote(&a, "This is unacceptable");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Acme Corporation"));
}

#[test]
fn a_sentence_ending_with_its_attribution_quotes_the_whole_clause() {
    for (text, content, speaker) in [
        (
            "Growth\n\nThe economy grew by 2 percent last year, the ministry said.",
            "The economy grew by 2 percent last year",
            "the ministry",
        ),
        (
            "Talks\n\nCAIRO (AP) — Ceasefire talks stalled on Tuesday after negotiators left Cairo without a deal, officials said.",
            "Ceasefire talks stalled on Tuesday after negotiators left Cairo without a deal",
            "officials",
        ),
        (
            "Plant\n\nThe plant will close in March, two people familiar with the matter said on Tuesday.",
            "The plant will close in March",
            "two people familiar with the matter",
        ),
        (
            "Talks\n\nNegotiators left the city after the talks collapsed, said a senior official.",
            "Negotiators left the city after the talks collapsed",
            "a senior official",
        ),
        // The listener after "told", and a writer's scare quotes in the clause.
        (
            "Coup\n\nThe ministers fled to the \u{201c}Blue House\u{201d} compound after their homes were attacked, a source told Reuters.",
            "The ministers fled to the \u{201c}Blue House\u{201d} compound after their homes were attacked",
            "a source",
        ),
    ] {
        let a = crate::extract(text);
        let q = quote(&a, content);
        assert_eq!(q.text, content, "{text}");
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(q.speaker.as_ref().map(|s| s.text.as_str()), Some(speaker), "{text}");
    }
    // Counter-cases: an appositive, a verb phrase after the comma, an
    // "-ing" clause, and a pronoun with more words after it.
    for (text, not) in [
        (
            "Rule\n\nIvanka Trump, the nominee's eldest daughter, noted the rule in the interview last week.",
            "Ivanka Trump",
        ),
        ("Streak\n\nBernie Sanders won in Wisconsin on Tuesday, continuing his winning streak.", "Bernie Sanders won"),
        ("Tour\n\nDuring his tour of the islands, he paused to make an improbable remark.", "During his tour"),
        ("Talks\n\nThe envoy, Lina Sato, told them she had spoken to both sides.", "The envoy"),
        (
            "Attack\n\nCraig Stone, an embassy spokesman in Jakarta, confirmed the Tuesday morning attack.",
            "Craig Stone",
        ),
    ] {
        let a = crate::extract(text);
        assert!(a.quotes.iter().all(|q| !q.text.starts_with(not)), "{text}: {:#?}", a.quotes);
    }
}

#[test]
fn an_opening_clause_before_the_subject_is_no_part_of_the_speaker() {
    for (text, content, speaker) in [
        (
            "Crew\n\nAsked why she called the group the Reckoning Crew, Bernice Scott told a reporter, \"Because we reckon with them.\"",
            "Because we reckon with them.",
            "Bernice Scott",
        ),
        (
            "Speech\n\nIn the speech, first disclosed by the Aspen Times, the former mayor argued that crime was falling.",
            "crime was falling",
            "the former mayor",
        ),
    ] {
        let a = crate::extract(text);
        let q = quote(&a, content);
        assert_eq!(q.speaker.as_ref().map(|s| s.text.as_str()), Some(speaker), "{text}");
    }
    // Counter-cases: an apposition set off by commas on both sides stays
    // with the name it describes.
    let text = "Talks\n\nThe envoy, Lina Sato, said the talks had failed.";
    let a = crate::extract(text);
    let q = quote(&a, "the talks had failed");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Lina Sato"));
    let text = "Clinic\n\nJane Roe, a nurse at Mercy Hospital, said the clinic had closed.";
    let a = crate::extract(text);
    let q = quote(&a, "the clinic had closed");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Jane Roe"));
    // ... and so does one whose closing comma was left out, and a name
    // whose comma is its own ("the University of California, Berkeley").
    for (text, content, speaker) in [
        (
            "Talks\n\nDoug Andres, a spokesman for House Speaker Paul Ryan told the Post that the talks had failed.",
            "the talks had failed",
            "Doug Andres",
        ),
        (
            "Trade\n\nIn their book, Jane Roe of the University of California, Berkeley argue that policy was at fault.",
            "policy was at fault",
            "Jane Roe",
        ),
    ] {
        let a = crate::extract(text);
        let q = quote(&a, content);
        assert_eq!(speaker_name(&a, q).as_deref(), Some(speaker), "{text}: {q:?}");
    }
}

#[test]
fn a_name_set_beside_a_role_by_commas_is_the_speaker() {
    let text = "Talks\n\nThe envoy, Lina Sato, said the talks had failed.";
    let a = crate::extract(text);
    let q = quote(&a, "the talks had failed");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Lina Sato"));
    // Counter-case: a name after the cue is no apposition of the subject.
    let text = "Talks\n\nThe envoy said, Lina Sato aside, the talks had failed.";
    let a = crate::extract(text);
    assert!(a.quotes.iter().all(|q| speaker_name(&a, q).as_deref() != Some("Lina Sato")));
}

#[test]
fn it_and_the_company_speak_for_the_organisation_named_before() {
    let text = "Outbreak\n\nThe Health Ministry said the outbreak was spreading. It said 40 people had died.\n\nAcme Corp. reported a loss on Tuesday. The company said demand had fallen.";
    let a = crate::extract(text);
    let q = quote(&a, "40 people had died");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Health Ministry"));
    let q = quote(&a, "demand had fallen");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Acme Corp."));
    // Counter-cases: "it" never goes to a person; "the company" with no
    // organisation named near it stays unresolved.
    let text = "Vote\n\nJane Roe said the vote was close. It said the count was over.\n\nThe markets fell. Traders were nervous. Prices dropped. The company said demand had fallen.";
    let a = crate::extract(text);
    for content in ["the count was over", "demand had fallen"] {
        let q = quote(&a, content);
        assert_eq!(q.speaker.as_ref().and_then(|s| s.entity), None, "{q:?}");
    }
}

#[test]
fn a_paragraph_that_is_one_quotation_continues_the_speaker_before() {
    let text = "Whales\n\n“The whales are suffering,” said Hori Parata, an elder of the tribe.\n\n“We have seen more strandings every year. Nobody is listening.”";
    let a = crate::extract(text);
    let q = quote(&a, "We have seen more strandings");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Hori Parata"));
    // Counter-cases: a paragraph between; a quotation with its own cue.
    let text = "Whales\n\n“The whales are suffering,” said Hori Parata, an elder of the tribe.\n\nScientists disagree about the causes.\n\n“We have seen more strandings every year. Nobody is listening.”";
    let a = crate::extract(text);
    let q = a.quotes.iter().find(|q| q.text.starts_with("We have seen"));
    assert!(q.is_none_or(|q| speaker_name(&a, q).as_deref() != Some("Hori Parata")), "{q:?}");
    let text = "Whales\n\n“The whales are suffering,” said Hori Parata, an elder of the tribe.\n\n“We have seen more strandings,” said Karen Stockin, a biologist.";
    let a = crate::extract(text);
    let q = quote(&a, "We have seen more strandings");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Karen Stockin"));
}

#[test]
fn a_possessive_begins_the_speaker_it_does_not_name() {
    // "her mother, Ingrid" spoke, not "her" (Maya).
    let text = "Inquest\n\nMaya Lund, 19, was taken to hospital on Friday after taking the pills.\n\n\u{201c}The pills were in her system, there was nothing to be done,\u{201d} her mother, Ingrid, said in a statement yesterday.";
    let a = crate::extract(text);
    let q = quote(&a, "The pills were in her system");
    assert_eq!(q.speaker.as_ref().unwrap().text, "her mother, Ingrid");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Ingrid"));
    // With no name, the phrase stands for someone unnamed: not Maya.
    let text = text.replace("her mother, Ingrid,", "her mother");
    let a = crate::extract(&text);
    let q = quote(&a, "The pills were in her system");
    assert_eq!(q.speaker.as_ref().unwrap().text, "her mother");
    assert_eq!(q.speaker.as_ref().unwrap().entity, None);
    // Counter-case: a possessive whose noun is itself the cue keeps its
    // span and its person ("Her remarks": the words are hers).
    let text = "Trade\n\nLena Ortiz spoke in Ohio. Her remarks suggested the tariffs would stay.";
    let a = crate::extract(text);
    let q = quote(&a, "the tariffs would stay");
    assert_eq!(q.speaker.as_ref().unwrap().text, "Her");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Lena Ortiz"));
}

#[test]
fn a_nationality_before_a_noun_begins_the_speaker_phrase() {
    let text = "Launch\n\nThe Norwegian energy ministry would not comment on the leak, saying its engineers were studying the data.";
    let a = crate::extract(text);
    let q = quote(&a, "its engineers were studying");
    assert_eq!(q.speaker.as_ref().unwrap().text, "The Norwegian energy ministry");
    // Counter-case: a plural nationality is a noun phrase of its own.
    let text = "Winter\n\nNorwegians often say the winters are long.";
    let a = crate::extract(text);
    let q = quote(&a, "the winters are long");
    assert_eq!(q.speaker.as_ref().unwrap().text, "Norwegians");
}

#[test]
fn his_critics_are_not_him_but_his_spokesman_speaks_for_him() {
    let text = "Budget\n\nMark Rivera unveiled the budget on Monday. His critics said it would raise taxes. His spokesman said it would not.";
    let a = crate::extract(text);
    let q = quote(&a, "it would raise taxes");
    assert_eq!(q.speaker.as_ref().unwrap().text, "His critics");
    assert_eq!(q.speaker.as_ref().unwrap().entity, None);
    let q = quote(&a, "it would not");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Mark Rivera"));
    // Officers are not his office.
    let text = "Budget\n\nMark Rivera unveiled the budget on Monday. His officers said the vault was empty.";
    let a = crate::extract(text);
    let q = quote(&a, "the vault was empty");
    assert_eq!(q.speaker.as_ref().unwrap().entity, None);
}

#[test]
fn they_stands_for_the_plural_speaker_before() {
    let text = "Sudan\n\nAdministration officials said the sanctions would ease. They said the country had a long way to go.";
    let a = crate::extract(text);
    let q = quote(&a, "the country had a long way to go");
    let sp = q.speaker.as_ref().unwrap();
    assert_eq!(sp.text, "They");
    assert_eq!(sp.refers_to.as_ref().map(|r| r.text.as_str()), Some("Administration officials"));
    // A group the text names is the entity.
    let text = "Vote\n\nRepublicans said the bill was rushed. They said it would fail.";
    let a = crate::extract(text);
    let q = quote(&a, "it would fail");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Republicans"));
    // Counter-case: "they" after one person stands for no one said.
    let text = "Vote\n\nA Western delegate said the talks had stalled. They said the talks would resume.";
    let a = crate::extract(text);
    let q = quote(&a, "the talks would resume");
    let sp = q.speaker.as_ref().unwrap();
    assert_eq!((sp.entity, sp.refers_to.as_ref()), (None, None));
}

#[test]
fn a_name_before_a_role_qualifies_it_and_the_name_after_speaks() {
    let text = "Race\n\nHillary Clinton campaigned in Ohio. Clinton spokesman Brian Fallon said the polls were wrong.";
    let a = crate::extract(text);
    let q = quote(&a, "the polls were wrong");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Brian Fallon"));
    // Counter-case: two names joined by "and" are both speakers; the first stands.
    let text = "Race\n\nMaria Lopez and Tom Reed said the polls were wrong.";
    let a = crate::extract(text);
    let q = quote(&a, "the polls were wrong");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Maria Lopez"));
}

#[test]
fn a_clause_holding_a_long_quotation_is_the_quotations_to_attribute() {
    let text = "Coup\n\nThe ministers called the move \"a betrayal of everything we fought for in this country\" on Tuesday, a source told Reuters.";
    let a = crate::extract(text);
    assert!(
        a.quotes.iter().all(|q| !q.text.starts_with("The ministers called")),
        "{:#?}",
        a.quotes
    );
}

#[test]
fn a_relative_clause_set_off_after_the_subject_speaks_for_it() {
    let text = "Storm\n\nResidents, many of whom lost power, said they felt abandoned.\n\nThe surgeon, who apologised for the delay, said the ward was full.";
    let a = crate::extract(text);
    let q = quote(&a, "they felt abandoned");
    assert_eq!(q.speaker.as_ref().unwrap().text, "Residents, many of whom lost power");
    let q = quote(&a, "the ward was full");
    assert_eq!(q.speaker.as_ref().unwrap().text, "The surgeon, who apologised for the delay");
    // Counter-case: after "which", a subject of its own says who spoke.
    let text = "Rules\n\nThe new rules, which officials said would cut costs, take effect in May.";
    let a = crate::extract(text);
    assert!(
        a.quotes.iter().all(|q| q.speaker.as_ref().is_none_or(|s| !s.text.starts_with("The new rules"))),
        "{:#?}",
        a.quotes
    );
}

#[test]
fn an_attribution_inverted_after_reported_speech_is_the_speaker() {
    // Wire style: the clause, a comma, "said" and the speaker at the end.
    let text = "Burials\n\nBut burial operations have increased from one day a week to five days a week, with around 24 burials each day, said Department of Correction spokesman Jason Kersten.\n\nThe city will open a second site next month, said Mayor Jane Roe.";
    let a = crate::extract(text);
    let q = quote(&a, "But burial operations have increased");
    assert!(q.text.ends_with("each day"), "{q:?}");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Jason Kersten"));
    let q = quote(&a, "The city will open");
    assert_eq!(q.text, "The city will open a second site next month");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Jane Roe"));
    // Counter-case: the subject set off by a relative clause, then "said"
    // and what was said: no inversion.
    let text = "Secrecy\n\nSteven Aftergood, who heads a project on government secrecy, said he thought the attention was overblown.";
    let a = crate::extract(text);
    let q = quote(&a, "he thought");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Steven Aftergood"));
}

#[test]
fn whom_a_speaker_spoke_to_is_no_speaker() {
    // Regional news site: the quotation, an inverted cue, the person, and
    // the paper that heard it.
    let text = "Amazon ruling\n\nThe court ruled against Amazon on Thursday.\n\n“Amazon has successfully avoided being liable for other sellers for years,” noted Maryland-based product liability lawyer Jim Dunham in an interview with the Globe. “Most courts have said they are not a seller at all.”";
    let a = crate::extract(text);
    let q = quote(&a, "Amazon has successfully");
    assert_eq!(speaker_name(&a, q).as_deref(), Some("Jim Dunham"));
    assert_eq!(q.speaker.as_ref().unwrap().text, "Maryland-based product liability lawyer Jim Dunham");
    // Counter-case: a place after "of" stays part of the speaker's span.
    let a = crate::extract("Vote\n\n“We won,” said Jane Roe of Napa County.");
    assert_eq!(quote(&a, "We won").speaker.as_ref().unwrap().text, "Jane Roe of Napa County");
}
