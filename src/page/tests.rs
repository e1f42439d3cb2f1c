//! The page stage, by example.

use super::*;

/// A paragraph of story prose about `topic`, long enough to read as prose.
fn prose(topic: &str) -> String {
    format!(
        "The council voted on {topic} late on Tuesday, after a debate that ran for hours, \
         and officials said the decision would take effect next month, though critics, \
         including two former ministers, warned that the costs had not been counted."
    )
}

fn page(body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><title>Council backs plan | The Courier</title>\
         <meta property=\"og:title\" content=\"Council backs plan\"></head><body>{body}</body></html>"
    )
}

const NAV: &str = "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li>\
    <li><a href=/sport>Sport</a></li><li><a href=/weather>Weather</a></li></ul></nav>";
const RELATED: &str = "<div class=\"related-stories\"><h3>More stories</h3><ul>\
    <li><a href=/a>Mayor opens new bridge over the river</a></li>\
    <li><a href=/b>School results rise for third year</a></li>\
    <li><a href=/c>Storm closes coastal road overnight</a></li></ul></div>";
const FOOTER: &str = "<footer><p>Copyright 2024 The Courier. All rights reserved.</p>\
    <a href=/privacy>Privacy</a> <a href=/terms>Terms</a></footer>";
const COMMENTS: &str = "<section id=\"comments\"><h2>Comments</h2>\
    <div class=\"comment\"><p>Reader42: Absolutely ridiculous decision by the council, as usual.</p></div>\
    <div class=\"comment\"><p>Jane: I think they got this one right, for once, honestly.</p></div></section>";

fn story(extra: &str) -> String {
    format!(
        "<article><h1>Council backs plan</h1><p>{}</p>{extra}<p>{}</p><p>{}</p></article>",
        prose("the housing plan"),
        prose("the budget"),
        prose("the roads")
    )
}

#[test]
fn a_page_gives_just_the_story() {
    let html = page(&format!("{NAV}{}{RELATED}{COMMENTS}{FOOTER}", story("")));
    let p = read_html(&html);
    assert!(p
        .text
        .starts_with("Council backs plan\n\nThe council voted on the housing plan"));
    assert_eq!(&p.text[p.title.clone().unwrap()], "Council backs plan");
    assert_eq!(p.blocks.len(), 3, "{:#?}", p.blocks);
    for gone in ["Home", "Mayor opens", "Reader42", "Copyright"] {
        assert!(!p.text.contains(gone), "{gone} kept in {}", p.text);
    }
    let kinds: Vec<SetAsideKind> = p.set_aside.iter().map(|s| s.kind).collect();
    for kind in [
        SetAsideKind::Navigation,
        SetAsideKind::Related,
        SetAsideKind::Comments,
        SetAsideKind::Footer,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} missing from {kinds:?}");
    }
    let related = p
        .set_aside
        .iter()
        .find(|s| s.kind == SetAsideKind::Related)
        .unwrap();
    assert!(related.text.contains("Mayor opens new bridge") && related.blocks >= 3);
}

#[test]
fn blocks_index_the_text_and_name_their_elements() {
    let p = read_html(&page(&story(
        "<blockquote><p>We will build.</p></blockquote><ul><li>One item of the plan.</li></ul>",
    )));
    for b in &p.blocks {
        assert!(p.text.is_char_boundary(b.range.start) && p.text.is_char_boundary(b.range.end));
    }
    let kinds: Vec<BlockKind> = p.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph,
            BlockKind::Quote,
            BlockKind::ListItem,
            BlockKind::Paragraph,
            BlockKind::Paragraph
        ]
    );
    // Elements in document order: html 0, head 1, title 2, meta 3, body 4,
    // article 5, h1 6, p 7, blockquote 8, p 9, ul 10, li 11.
    let elements: Vec<u32> = p.blocks.iter().map(|b| b.element).collect();
    assert_eq!(&elements[..3], [7, 9, 11]);
}

#[test]
fn story_words_in_a_paragraph_never_set_it_aside() {
    let words = "Share prices fell as the comment period closed; related cookie \
        makers and a newsletter publisher, whose advertisement ran in the footer of the \
        report, said they would subscribe to the new rules, the menu of options aside.";
    let p = read_html(&page(&story(&format!("<p>{words}</p>"))));
    assert!(p.text.contains(words), "{}", p.text);
}

#[test]
fn a_story_container_named_comments_enabled_is_kept() {
    let html = page(&format!(
        "{NAV}<div class=\"story comments-enabled\">{}</div>{FOOTER}",
        story("")
    ));
    let p = read_html(&html);
    assert_eq!(p.blocks.len(), 3, "{}", p.text);
}

#[test]
fn a_short_paragraph_between_long_ones_is_kept() {
    let p = read_html(&page(&story("<p>He declined to comment.</p>")));
    assert!(
        p.text.contains("\n\nHe declined to comment.\n\n"),
        "{}",
        p.text
    );
}

#[test]
fn a_list_and_a_heading_inside_the_story_are_kept() {
    let list = "<h2>What changes</h2><ul><li>Rents are capped at 3 percent.</li>\
        <li>New homes must meet energy rules.</li><li>Tenants get six months' notice.</li></ul>";
    let p = read_html(&page(&story(list)));
    for kept in ["What changes", "Rents are capped", "six months' notice"] {
        assert!(p.text.contains(kept), "{kept} lost from {}", p.text);
    }
}

#[test]
fn a_share_bar_inside_the_story_is_set_aside() {
    let share = "<div class=\"share-bar\"><a href=/fb>Facebook</a> <a href=/tw>Twitter</a> \
        <a href=/mail>Email</a></div>";
    let p = read_html(&page(&story(share)));
    assert!(!p.text.contains("Facebook"), "{}", p.text);
    assert!(p.set_aside.iter().any(|s| s.kind == SetAsideKind::Share));
}

#[test]
fn hidden_and_script_content_is_never_text() {
    let hidden = "<p hidden>Hidden words.</p><p aria-hidden=\"true\">Aria words.</p>\
        <p style=\"color: red; display : none\">Styled away.</p><script>var x = 'Script words';</script>\
        <noscript>Enable JavaScript.</noscript><template><p>Template words.</p></template>";
    let p = read_html(&page(&story(hidden)));
    for gone in [
        "Hidden words",
        "Aria words",
        "Styled away",
        "Script words",
        "Enable JavaScript",
        "Template words",
    ] {
        assert!(!p.text.contains(gone), "{gone} in {}", p.text);
    }
}

#[test]
fn line_breaks_split_paragraphs_as_a_reader_sees_them() {
    let p = read_html(&page(&format!(
        "<div class=\"article-body\">{}<br><br>{}<br>{}</div>",
        prose("rents"),
        prose("roads"),
        prose("parks")
    )));
    let texts: Vec<&str> = p.blocks.iter().map(|b| &p.text[b.range.clone()]).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[1].contains("roads") && texts[1].contains("\nThe council voted on parks"));
}

#[test]
fn metadata_comes_from_json_ld_meta_tags_and_the_head() {
    let html = r#"<html lang="en-GB"><head><title>Council backs plan - The Courier</title>
        <link rel="canonical" href="https://courier.example/council-plan">
        <meta property="og:site_name" content="The Courier">
        <meta name="description" content="The council backed the plan.">
        <meta property="article:published_time" content="2024-03-05T09:30:00+0100">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"The Courier"},
          {"@type":"NewsArticle","headline":"Council backs plan","dateModified":"2024-03-06",
           "author":[{"@type":"Person","name":"By Jane Roe"},{"@type":"Person","name":"John Doe","url":"https://x"}]}]}
        </script></head><body><h1>Council backs plan</h1><p>Text.</p></body></html>"#;
    let m = read_html(html).meta;
    assert_eq!(m.headline.as_deref(), Some("Council backs plan"));
    assert_eq!(m.published.as_deref(), Some("2024-03-05T09:30:00+01:00"));
    assert_eq!(m.modified.as_deref(), Some("2024-03-06"));
    assert_eq!(m.authors, ["Jane Roe", "John Doe"]);
    assert_eq!(m.site_name.as_deref(), Some("The Courier"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://courier.example/council-plan")
    );
    assert_eq!(m.lang.as_deref(), Some("en-GB"));
    assert_eq!(
        m.description.as_deref(),
        Some("The council backed the plan.")
    );
}

#[test]
fn the_headline_is_the_title_without_the_site_part() {
    let html =
        "<title>Storm closes coastal road | The Courier</title><h1>Storm closes coastal road</h1>";
    assert_eq!(
        read_html(html).meta.headline.as_deref(),
        Some("Storm closes coastal road")
    );
    assert_eq!(
        meta::strip_site(
            "The Courier - Storm closes coastal road",
            Some("The Courier")
        ),
        "Storm closes coastal road"
    );
    // A title whose only separator is part of the headline keeps it.
    assert_eq!(meta::strip_site("Rain - or not", None), "Rain - or not");
}

#[test]
fn dates_are_normalised_to_iso_8601() {
    assert_eq!(
        meta::iso_date("2024-03-05T09:30:00Z").as_deref(),
        Some("2024-03-05T09:30:00Z")
    );
    assert_eq!(
        meta::iso_date("2024-03-05 09:30").as_deref(),
        Some("2024-03-05T09:30")
    );
    assert_eq!(
        meta::iso_date("Tue, 05 Mar 2024 09:30:00 GMT").as_deref(),
        Some("2024-03-05")
    );
    assert_eq!(
        meta::iso_date("March 5, 2024").as_deref(),
        Some("2024-03-05")
    );
    assert_eq!(
        meta::iso_date("5 March 2024").as_deref(),
        Some("2024-03-05")
    );
    assert_eq!(meta::iso_date("yesterday"), None);
    assert_eq!(meta::iso_date("2024-13-45"), None);
}

#[test]
fn hostile_markup_stays_fast_and_whole() {
    let deep = "<div>".repeat(100_000) + &prose("depth");
    // No clock here: a quadratic step on these would take minutes, which
    // the suite's running time shows (docs/pages.md has the timings).
    let p = read_html(&deep);
    assert!(p.text.contains("voted on depth"), "{}", p.text.len());
    let unclosed = "<p>x, y ".repeat(100_000);
    assert!(read_html(&unclosed).text.len() > 100_000);
    let attr = format!(
        "<div class=\"{}\"><p>{}</p></div>",
        "a ".repeat(1_000_000),
        prose("attrs")
    );
    assert!(read_html(&attr).text.contains("voted on attrs"));
}

#[test]
fn empty_and_textless_pages_give_an_empty_page() {
    for html in [
        "",
        "<html></html>",
        "<script>x</script>",
        "\u{0}",
        "<p> \n </p>",
    ] {
        let p = read_html(html);
        assert!(
            p.text.is_empty() && p.blocks.is_empty(),
            "{html:?} gave {p:?}"
        );
    }
}

mod properties {
    use super::super::read_html;
    use proptest::prelude::*;

    fn check(html: &str) {
        let p = read_html(html);
        let mut last = 0;
        if let Some(t) = &p.title {
            assert!(t.start <= t.end && t.end <= p.text.len());
            assert!(p.text.is_char_boundary(t.start) && p.text.is_char_boundary(t.end));
            last = t.end;
        }
        for b in &p.blocks {
            assert!(
                b.range.start >= last
                    && b.range.start <= b.range.end
                    && b.range.end <= p.text.len()
            );
            assert!(p.text.is_char_boundary(b.range.start) && p.text.is_char_boundary(b.range.end));
            last = b.range.end;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_string_gives_valid_ranges(s in ".{0,400}") {
            check(&s);
        }

        #[test]
        fn any_tag_soup_gives_valid_ranges(parts in prop::collection::vec(prop_oneof![
            Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class=comments>".to_string()),
            Just("</div>".to_string()), Just("<br>".to_string()), Just("<a href=x>".to_string()),
            Just("</a>".to_string()), Just("<table><tr><td>".to_string()), Just("<li>".to_string()),
            Just("<title>T | S</title>".to_string()), Just("<h1>".to_string()), Just("<pre>".to_string()),
            Just("<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"é\"}</script>".to_string()),
            "[a-zé ,.\u{1F600}\n]{0,40}",
        ], 0..60)) {
            check(&parts.concat());
        }
    }
}
