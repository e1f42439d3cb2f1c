//! A made-up news page copied as plain text, as a browser's "select all,
//! copy" gives it: menus, a headline with byline and share buttons, the
//! story, then related headlines, prompts, a comment thread and a footer.

use crate::analysis::BoilerplateKind::{self, *};
use crate::article::{layout, Layout};

const PAGE: &str = "Skip to content
Home
News
World
Business
Sport
Culture
Sign in

Storm batters coast as thousands flee their homes
By Jane Doe
12 March 2024 • 2:15pm
Share
Tweet
Email

MIAMI (Reuters) - A powerful storm battered the coast of Florida on Monday, forcing thousands of residents to leave their homes as rivers burst their banks.

Residents fled.

Evacuation orders

Governor Ron DeSantis said the state had opened forty shelters and asked the federal government for help with the cost of the clean-up.

Firefighters carry a woman through flood water in Miami on Monday.
Photo: Reuters

Share prices of insurers fell after the storm, and the company's newsletter told readers that comments on the claims would follow next week.

The shelters will stay open until Friday.

Related coverage
Floods hit the north as rivers burst their banks
Minister promises aid for farmers after drought
Sign up for our newsletter
We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.

Comments
John Smith
3 hours ago
This is a terrible storm and the council should have acted much sooner than it did.
Reply
Report
Mary Roe
2 hours ago
I agree with you completely about the way the council has handled the whole response.
Reply
Report

About us
Contact us
Privacy policy
Terms of use
© 2024 Example News";

fn kind_of(l: &Layout, line: &str) -> Option<BoilerplateKind> {
    l.article
        .boilerplate
        .iter()
        .find(|b| b.text == line)
        .map(|b| b.kind)
}

fn kept(l: &Layout, line: &str) -> bool {
    l.article.paragraphs.iter().any(|p| p.text == line)
}

#[test]
fn the_story_and_its_headline_are_found_in_a_copied_page() {
    let l = layout(PAGE);
    assert_eq!(
        l.article.title.as_ref().map(|t| t.text.as_str()),
        Some("Storm batters coast as thousands flee their homes")
    );
    assert_eq!(l.article.byline.as_ref().unwrap().text, "Jane Doe");
    assert_eq!(
        l.article.dateline.as_ref().unwrap().text,
        "MIAMI (Reuters) -"
    );
    let paragraphs: Vec<&str> = l
        .article
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(paragraphs.len(), 7, "{paragraphs:#?}");
    // A one-sentence paragraph, a subheading and a caption are the story's.
    for line in [
        "Residents fled.",
        "Evacuation orders",
        "Firefighters carry a woman through flood water in Miami on Monday.",
        "The shelters will stay open until Friday.",
    ] {
        assert!(kept(&l, line), "{line} is kept");
    }
}

#[test]
fn a_news_paragraph_with_page_words_is_kept() {
    let l = layout(PAGE);
    assert!(kept(
        &l,
        "Share prices of insurers fell after the storm, and the company's newsletter told readers that comments on the claims would follow next week."
    ));
}

#[test]
fn what_surrounds_the_story_is_set_aside_by_kind() {
    let l = layout(PAGE);
    for (line, kind) in [
        ("Skip to content", Navigation),
        ("Business", Navigation),
        ("Tweet", Share),
        ("Photo: Reuters", Credit),
        ("Related coverage", Promo),
        ("Floods hit the north as rivers burst their banks", Related),
        ("Sign up for our newsletter", Newsletter),
        (
            "We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.",
            Cookie,
        ),
        ("Comments", Comments),
        ("John Smith", Comments),
        (
            "I agree with you completely about the way the council has handled the whole response.",
            Comments,
        ),
        ("Report", Comments),
        ("Privacy policy", Footer),
        ("About us", Footer),
        ("© 2024 Example News", Copyright),
        ("12 March 2024 • 2:15pm", Stamp),
    ] {
        assert_eq!(kind_of(&l, line), Some(kind), "{line}");
    }
}

#[test]
fn nothing_set_aside_yields_a_mention_or_sentence() {
    let a = crate::extract(PAGE);
    let story = PAGE.find("Storm batters").unwrap()..PAGE.find("Related coverage").unwrap();
    for m in &a.mentions {
        assert!(story.contains(&m.start), "{} outside the story", m.text);
    }
    assert!(a.sentences.iter().all(|s| story.contains(&s.start)));
    assert!(a.mentions.iter().any(|m| m.text == "Ron DeSantis"));
    assert!(!a.mentions.iter().any(|m| m.text == "John Smith"));
}

#[test]
fn an_article_without_page_furniture_is_left_to_the_line_rules() {
    let text = "Storm batters coast\n\nA powerful storm battered the coast of Florida on Monday, forcing thousands of residents to leave.\n\nShare prices fell.\n\nSource: Reuters";
    let units = crate::article::units(text);
    assert!(super::find(text, &units).is_none());
    let l = layout(text);
    assert_eq!(l.article.paragraphs.len(), 2);
    assert_eq!(l.article.source.unwrap().text, "Reuters");
}

/// A short list inside the story (five names in a row look like a menu) stays.
#[test]
fn a_list_inside_the_story_is_kept() {
    let story = "Home\nNews\nWorld\nSport\nCulture\n\nFive cities bid for the games\nBy Jane Doe\n\n\
        The committee said on Monday that five cities had entered the race to host the games in 2036, more than ever before, \
        and that it would choose one of them after a year of visits, hearings and votes by its members.\n\n\
        The cities are:\nLisbon\nMadrid\nParis\nRome\nBerlin\n\n\
        A decision is expected next year after inspectors visit each of the cities and report back to the committee's members.\n\n\
        About us\nContact us\nPrivacy policy\nTerms of use\nCareers";
    let l = layout(story);
    assert_eq!(
        l.article.title.as_ref().unwrap().text,
        "Five cities bid for the games"
    );
    for city in ["Lisbon", "Madrid", "Paris", "Rome", "Berlin"] {
        assert!(kept(&l, city), "{city}");
    }
    assert_eq!(kind_of(&l, "Careers"), Some(Footer));
    assert_eq!(kind_of(&l, "Home"), Some(Navigation));
}

#[test]
fn shapes_that_mark_page_furniture() {
    use super::*;
    assert!(is_credit("JIM WATSON/AFP/Getty Images"));
    assert!(is_credit("(AP Photo/Evan Vucci)"));
    assert!(is_credit("Image copyright Getty Images"));
    assert!(!is_credit(
        "Reuters/Ipsos polling shows the governor ahead, AFP reported."
    ));
    assert!(!is_credit("Photographers gathered outside the court."));
    assert!(is_section_label("Related coverage"));
    assert!(is_section_label("More from Reuters"));
    assert!(is_section_label("Most Popular:"));
    assert!(!is_section_label("Related: Rich are paying more in taxes"));
    assert!(!is_section_label("Popular support for the plan fell."));
    assert!(is_date_line("21 Nov 2017, 6:17pm"));
    assert!(is_date_line("3 hours ago"));
    assert!(!is_date_line("3 killed in Paris"));
    assert!(!is_date_line("6366"));
    assert!(has_date("Sallie Goetsch · March 10, 2017 at 12:20 AM"));
    assert!(!has_date("The March of the Penguins"));
    assert!(!has_date("Tweet of the Week #67: Dealing With Chikan"));
    assert_eq!(comment_control("111Reply", 1), (true, true));
    assert_eq!(comment_control("12 comments", 2), (true, false));
    assert_eq!(comment_control("Reply to the minister", 4), (false, false));
    assert!(is_code("var cow = new Cow();"));
    assert!(is_code("};"));
    assert!(!is_code("The minister (a former judge) resigned."));
}

/// No input makes the cut panic or go quadratic: a page of a hundred
/// thousand menu lines and one story is cut in well under a second.
#[test]
fn a_huge_page_is_cut_in_linear_time() {
    let mut text = String::new();
    for i in 0..50_000 {
        text.push_str(if i % 2 == 0 { "Home\n" } else { "Reply\n" });
    }
    text.push_str("\nStorm batters coast\n\nA powerful storm battered the coast of Florida on Monday, forcing thousands of \
        residents to leave their homes as rivers burst their banks and the sea rose over the roads of towns along the \
        coast, where shelters opened and the governor asked for federal help.\n\n");
    for _ in 0..50_000 {
        text.push_str("Contact us\n");
    }
    let t = std::time::Instant::now();
    let l = layout(&text);
    assert!(t.elapsed().as_secs_f64() < 2.0, "{:?}", t.elapsed());
    assert_eq!(l.article.paragraphs.len(), 1);
}
