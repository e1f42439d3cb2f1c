//! Entities across varied news styles: wire reports, politics, business,
//! sports; each rule of the entities stage with its counter-case. The
//! paragraphs are written for these tests.

use newslens::{Analysis, Entity, Label, MentionKind};

fn analyse(text: &str) -> Analysis {
    newslens::extract(text)
}

fn entity<'a>(a: &'a Analysis, name: &str) -> &'a Entity {
    a.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| {
            panic!(
                "no entity {name:?}; have {:?}",
                a.entities
                    .iter()
                    .map(|e| (&e.name, e.label))
                    .collect::<Vec<_>>()
            )
        })
}

fn texts(a: &Analysis, e: &Entity) -> Vec<String> {
    e.mentions
        .iter()
        .map(|&i| a.mentions[i].text.clone())
        .collect()
}

fn names(a: &Analysis, e: &Entity) -> Vec<String> {
    e.mentions
        .iter()
        .filter(|&&i| a.mentions[i].kind == MentionKind::Name)
        .map(|&i| a.mentions[i].text.clone())
        .collect()
}

#[test]
fn wire_report_with_titles_surnames_and_a_country_acronym() {
    let a = analyse(
        "Blinken meets Wang in Beijing\n\nBEIJING (Reuters) - U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on Friday. Blinken told reporters the United States wanted stable ties.",
    );
    let blinken = entity(&a, "Antony Blinken");
    assert_eq!(blinken.label, Label::Person);
    assert!(
        names(&a, blinken)
            .iter()
            .filter(|t| *t == "Blinken")
            .count()
            >= 2,
        "{:?}",
        texts(&a, blinken)
    );
    let wang = entity(&a, "Wang Yi");
    assert_eq!(wang.role.as_deref(), Some("Foreign Minister"));
    assert_eq!(wang.affiliation.as_deref(), Some("China"));
    let us = entity(&a, "United States");
    assert_eq!(us.country.as_deref(), Some("US"));
    assert!(names(&a, us).contains(&"U.S.".to_string()));
}

#[test]
fn acronyms_join_their_expansion() {
    let a = analyse("The United Nations warned of famine. A UN spokesman said aid was blocked.");
    let un = entity(&a, "United Nations");
    assert_eq!(names(&a, un), ["United Nations", "UN"]);
}

#[test]
fn a_capital_speaking_is_its_country_but_a_capital_visited_is_a_place() {
    let a = analyse(
        "Russia and Ukraine traded accusations. Moscow said the talks had failed, while Kyiv's envoy disagreed. Later the envoy flew to Moscow for a funeral.",
    );
    let russia = entity(&a, "Russia");
    let texts = names(&a, russia);
    assert_eq!(
        texts,
        ["Russia", "Moscow"],
        "only the speaking Moscow joins Russia"
    );
    let moscow_place = a
        .mentions
        .iter()
        .filter(|m| m.text == "Moscow")
        .nth(1)
        .expect("second Moscow");
    assert_ne!(
        moscow_place.entity,
        russia.mentions.first().and_then(|&i| a.mentions[i].entity)
    );
    assert!(
        names(&a, entity(&a, "Ukraine")).contains(&"Kyiv".to_string()),
        "possessive capital is the government"
    );
}

#[test]
fn administration_and_seat_of_government_are_the_country() {
    let a = analyse(
        "The United States imposed sanctions. The Washington administration said more would follow, and the White House said talks were over. A school in Washington closed.",
    );
    let us = entity(&a, "United States");
    let t = names(&a, us);
    assert!(
        t.contains(&"Washington".to_string()) && t.contains(&"White House".to_string()),
        "{t:?}"
    );
    assert_eq!(
        t.iter().filter(|x| *x == "Washington").count(),
        1,
        "the school's Washington is a place: {t:?}"
    );
    let mention = a.mentions.iter().find(|m| m.text == "White House").unwrap();
    assert_ne!(
        mention.label,
        Label::Person,
        "a metonym keeps its own label"
    );
}

#[test]
fn two_people_sharing_a_surname_are_never_merged() {
    let a = analyse(
        "Joe Biden defended his son Hunter Biden on Tuesday. Biden said the case was political.",
    );
    let joe = entity(&a, "Joe Biden");
    let hunter = entity(&a, "Hunter Biden");
    assert_ne!(joe.id, hunter.id);
    assert_eq!(names(&a, joe), ["Joe Biden"]);
    assert_eq!(names(&a, hunter), ["Hunter Biden"]);
}

#[test]
fn family_name_first_and_case_variants() {
    let a = analyse(
        "North Korean leader Kim Jong-Un arrived by train. Kim Jong-un was met by officials, and Kim waved.",
    );
    let kim = entity(&a, "Kim Jong-Un");
    assert_eq!(names(&a, kim), ["Kim Jong-Un", "Kim Jong-un", "Kim"]);
    assert_eq!(kim.role.as_deref(), Some("leader"));
    assert_eq!(kim.affiliation.as_deref(), Some("North Korea"));
}

#[test]
fn possessive_capital_is_the_government() {
    let a = analyse("North Korea fired a missile. Pyongyang's tests alarmed its neighbours.");
    let nk = entity(&a, "North Korea");
    assert_eq!(
        names(&a, nk),
        ["North Korea", "Pyongyang's"]
            .map(String::from)
            .map(|s| if s.ends_with("'s") {
                "Pyongyang".to_string()
            } else {
                s
            })
    );
}

#[test]
fn sports_report_surnames_and_ages() {
    let a = analyse(
        "Lionel Messi scored twice as Inter Miami beat Orlando City 3-1 on Saturday. Messi, 36, has now scored 11 goals this season.",
    );
    let messi = entity(&a, "Lionel Messi");
    assert_eq!(names(&a, messi), ["Lionel Messi", "Messi"]);
    assert_eq!(entity(&a, "Inter Miami").label, Label::Org);
}

#[test]
fn business_titles_before_names() {
    let a = analyse("Apple shares rose 3% after Chief Executive Tim Cook said demand was strong.");
    let cook = entity(&a, "Tim Cook");
    assert_eq!(cook.role.as_deref(), Some("Chief Executive"));
}

#[test]
fn appositive_role_and_affiliation() {
    let a =
        analyse("Matthew Miller, the State Department spokesman, said the talks would continue.");
    let miller = entity(&a, "Matthew Miller");
    assert_eq!(miller.role.as_deref(), Some("spokesman"));
    assert_eq!(miller.affiliation.as_deref(), Some("State Department"));
    let sd = entity(&a, "State Department");
    assert_eq!(miller.affiliation_entity, Some(sd.id));
}

#[test]
fn title_inside_a_tagged_name_is_split_off() {
    let a = analyse("\"We are concerned,\" Ministry Spokesperson Matthew Miller said on Monday.");
    let miller = entity(&a, "Matthew Miller");
    assert_eq!(miller.label, Label::Person);
    assert_eq!(miller.role.as_deref(), Some("Spokesperson"));
    assert!(a.entities.iter().all(|e| !e.name.contains("Spokesperson")));
}

#[test]
fn a_pronoun_links_to_the_one_clear_antecedent() {
    let a = analyse("Angela Merkel arrived in Paris on Monday. She met officials at the Elysee.");
    let merkel = entity(&a, "Angela Merkel");
    let she = a
        .mentions
        .iter()
        .find(|m| m.text == "She")
        .expect("pronoun mention");
    assert_eq!(she.kind, MentionKind::Pronoun);
    assert_eq!(she.entity, Some(merkel.id));
}

#[test]
fn an_ambiguous_pronoun_links_to_no_one() {
    let a = analyse("Vladimir Putin met Xi Jinping in Moscow. He said the talks went well.");
    assert!(
        a.mentions.iter().all(|m| m.text != "He"),
        "two candidates: no link"
    );
}

#[test]
fn a_given_name_settles_which_of_two_people_a_pronoun_means() {
    let a = analyse("Donald Trump debated Hillary Clinton in Ohio. She said the night went well.");
    let she = a
        .mentions
        .iter()
        .find(|m| m.text == "She")
        .expect("pronoun mention");
    assert_eq!(she.entity, Some(entity(&a, "Hillary Clinton").id));
    // Names the list does not know (or shares between genders) settle nothing.
    let a = analyse("Robin Lee debated Kim Park in Ohio. She said the night went well.");
    assert!(
        a.mentions.iter().all(|m| m.text != "She"),
        "two candidates: no link"
    );
}

#[test]
fn a_pronoun_outside_a_quotation_does_not_mean_a_name_inside_it() {
    // The speaker of a quotation does not name themselves in it: "she" is
    // the person named in the sentence before, not the one quoted about.
    let a = analyse(
        "Vote\n\nHelen Berg chairs the committee.\n\n\u{201c}Nobody expected Anna Holm to lose,\u{201d} she said.",
    );
    let she = a
        .mentions
        .iter()
        .find(|m| m.text == "she")
        .expect("pronoun mention");
    assert_eq!(she.entity, Some(entity(&a, "Helen Berg").id));
    // Counter-case: a name outside the quotation in the same sentence is
    // still the antecedent.
    let a = analyse(
        "Vote\n\nHelen Berg chairs the committee.\n\nAnna Holm lost the vote, and \u{201c}nobody expected it,\u{201d} she said.",
    );
    let she = a
        .mentions
        .iter()
        .find(|m| m.text == "she")
        .expect("pronoun mention");
    assert_eq!(she.entity, Some(entity(&a, "Anna Holm").id));
}

#[test]
fn a_role_noun_refers_back_to_the_named_holder() {
    let a = analyse(
        "Spokesperson Jane Doe declined to comment on Monday. On Tuesday, the spokeswoman said an inquiry had begun.",
    );
    let doe = entity(&a, "Jane Doe");
    let nominal = a
        .mentions
        .iter()
        .find(|m| m.kind == MentionKind::Nominal)
        .expect("the spokeswoman");
    assert_eq!(nominal.text, "the spokeswoman");
    assert_eq!(nominal.entity, Some(doe.id));
}

#[test]
fn a_title_alone_is_never_a_person() {
    let a = analyse("The President will visit the region next week, the spokesman said.");
    assert!(
        a.entities.iter().all(|e| e.label != Label::Person),
        "{:?}",
        a.entities
    );
    assert!(a.mentions.iter().all(|m| m.kind == MentionKind::Name));
}

#[test]
fn demonyms_relate_to_their_country_without_being_it() {
    let a = analyse("Russian troops crossed the border, Ukraine said. Russia denied it.");
    let russian = entity(&a, "Russian");
    assert_eq!(russian.label, Label::Norp);
    assert_eq!(russian.related.as_deref(), Some("RU"));
    let russia = entity(&a, "Russia");
    assert_eq!(names(&a, russia), ["Russia"]);
}

#[test]
fn salience_favours_the_headline_and_the_subject() {
    let a = analyse(
        "Merkel wins fourth term\n\nBERLIN (Reuters) - Angela Merkel won a fourth term on Sunday. Merkel thanked voters in Berlin. \"We will govern,\" Merkel said.",
    );
    let top = a
        .entities
        .iter()
        .max_by(|x, y| x.salience.total_cmp(&y.salience))
        .unwrap();
    assert_eq!(top.name, "Angela Merkel");
    assert_eq!(top.salience, 1.0);
}

#[test]
fn a_capital_that_is_a_persons_surname_stays_the_person() {
    let a = analyse(
        "The actor Denzel Washington won an award on Sunday. Washington said he was grateful.",
    );
    let denzel = entity(&a, "Denzel Washington");
    assert!(
        names(&a, denzel).contains(&"Washington".to_string()),
        "{:?}",
        names(&a, denzel)
    );
    assert!(a
        .entities
        .iter()
        .all(|e| e.country.as_deref() != Some("US")));
}

/// An entity's role and affiliation, for the role tests.
fn role_of(a: &Analysis, name: &str) -> (Option<String>, Option<String>) {
    let e = entity(a, name);
    (e.role.clone(), e.affiliation.clone())
}

fn some(role: &str, affiliation: Option<&str>) -> (Option<String>, Option<String>) {
    (Some(role.to_string()), affiliation.map(str::to_string))
}

#[test]
fn wire_appositive_with_an_employer_after_the_role() {
    let a = analyse(
        "NEW YORK (Reuters) - Shares of Acme Corp. fell 4% on Tuesday. \"Demand is soft,\" said Jane Roe, a senior analyst at Halvard Securities, adding that margins would shrink.",
    );
    assert_eq!(
        role_of(&a, "Jane Roe"),
        some("senior analyst", Some("Halvard Securities"))
    );
    let firm = entity(&a, "Halvard Securities");
    assert_eq!(entity(&a, "Jane Roe").affiliation_entity, Some(firm.id));
}

#[test]
fn trade_press_roles_of_and_for_an_employer() {
    let a = analyse(
        "Dorrin Mining posted record output. Tomas Pell, chief executive of Dorrin Mining, said the new shaft was ahead of plan. Ines Varga, Dorrin's vice president for exploration, said drilling would resume. Dorrin's chief operating officer, Kofi Mensah, declined to comment.",
    );
    assert_eq!(
        role_of(&a, "Tomas Pell"),
        some("chief executive", Some("Dorrin Mining"))
    );
    assert_eq!(
        role_of(&a, "Ines Varga"),
        some("vice president for exploration", Some("Dorrin"))
    );
    assert_eq!(
        role_of(&a, "Kofi Mensah"),
        some("chief operating officer", Some("Dorrin"))
    );
}

#[test]
fn multi_word_titles_stay_whole() {
    let a = analyse(
        "The agency named a new deputy. Deputy associate administrator Rhea Blom will oversee the launch program, and chief operating officer Sam Ortiz will retire.",
    );
    assert_eq!(
        role_of(&a, "Rhea Blom").0.as_deref(),
        Some("Deputy associate administrator")
    );
    assert_eq!(
        role_of(&a, "Sam Ortiz").0.as_deref(),
        Some("chief operating officer")
    );
}

#[test]
fn local_paper_titles_before_names() {
    let a = analyse(
        "Gov. Alma Reyes signed the budget on Monday. Math teacher Pat Quinlan said classrooms were crowded. Sens. Lena Hart and Omar Diaz voted against it, as did Senator Ruth Kagame of Arizona.",
    );
    assert_eq!(role_of(&a, "Alma Reyes").0.as_deref(), Some("Gov."));
    assert_eq!(
        role_of(&a, "Pat Quinlan").0.as_deref(),
        Some("Math teacher")
    );
    assert_eq!(role_of(&a, "Lena Hart").0.as_deref(), Some("Sen."));
    assert_eq!(role_of(&a, "Omar Diaz").0.as_deref(), Some("Sen."));
    assert_eq!(role_of(&a, "Ruth Kagame"), some("Senator", Some("Arizona")));
}

#[test]
fn tabloid_titles_with_an_employer_or_a_past() {
    let a = analyse(
        "Former special envoy Dana Whitlock stormed out of the gala. Brightline Vice President Marco Salas told reporters it was \"a shambles.\"",
    );
    assert_eq!(
        role_of(&a, "Dana Whitlock").0.as_deref(),
        Some("Former special envoy")
    );
    assert_eq!(
        role_of(&a, "Marco Salas"),
        some("Vice President", Some("Brightline"))
    );
}

#[test]
fn a_relative_clause_or_as_gives_a_role() {
    let a = analyse(
        "Lars Engel, who is now the club's head coach, praised the squad. The board thanked Nils Baum as chairman.",
    );
    assert_eq!(role_of(&a, "Lars Engel").0.as_deref(), Some("head coach"));
    assert_eq!(role_of(&a, "Nils Baum").0.as_deref(), Some("chairman"));
}

#[test]
fn a_comma_list_of_names_is_no_appositive() {
    let a = analyse(
        "Jane Roe, John Doe and Mary King attended the hearing. Senator Ada Kim and Ben Cole spoke later.",
    );
    for name in ["Jane Roe", "John Doe", "Mary King", "Ben Cole"] {
        assert_eq!(role_of(&a, name), (None, None), "{name}");
    }
    // A singular title is the first name's only.
    assert_eq!(role_of(&a, "Ada Kim").0.as_deref(), Some("Senator"));
}

#[test]
fn a_title_belongs_to_the_person_it_stands_beside() {
    let a = analyse(
        "Jane Roe met John Doe, the mayor, on Friday. Later Rita Moss, the treasurer, Paul Ng and others left. Like the governor, Eva Stone said the plan was late.",
    );
    assert_eq!(role_of(&a, "John Doe").0.as_deref(), Some("mayor"));
    assert_eq!(role_of(&a, "Jane Roe"), (None, None));
    assert_eq!(role_of(&a, "Rita Moss").0.as_deref(), Some("treasurer"));
    assert_eq!(
        role_of(&a, "Paul Ng"),
        (None, None),
        "the treasurer is Rita Moss"
    );
    assert_eq!(
        role_of(&a, "Eva Stone"),
        (None, None),
        "the governor is someone else"
    );
}

#[test]
fn a_noun_before_a_capitalised_title_is_not_part_of_it() {
    let a = analyse(
        "It was part of the network President Ivo Brandt founded. Officers arrested chairman Leo Frey.",
    );
    assert_eq!(role_of(&a, "Ivo Brandt").0.as_deref(), Some("President"));
    assert_eq!(role_of(&a, "Leo Frey").0.as_deref(), Some("chairman"));
}

#[test]
fn a_role_noun_names_the_person_met_before_and_speaks_for_them() {
    let a = analyse(
        "Gov. Alma Reyes of Colorado signed the budget on Monday. \"It is balanced,\" the governor said. Later the Colorado governor added that schools would gain.",
    );
    let reyes = entity(&a, "Alma Reyes");
    let nominals: Vec<&str> = a
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Nominal && m.entity == Some(reyes.id))
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(nominals, ["the governor", "governor"]);
    let quote = a
        .quotes
        .iter()
        .find(|q| q.text.contains("It is balanced"))
        .expect("the quote");
    assert_eq!(
        quote.speaker.as_ref().and_then(|s| s.entity),
        Some(reyes.id)
    );
}

#[test]
fn a_role_noun_with_another_affiliation_is_someone_else() {
    let a = analyse(
        "President Ana Lima of Brazil met reporters. The Chilean president said the talks had stalled. The president of the club resigned.",
    );
    let lima = entity(&a, "Ana Lima");
    assert!(
        a.mentions
            .iter()
            .all(|m| m.kind != MentionKind::Nominal || m.entity != Some(lima.id)),
        "{:?}",
        a.mentions
    );
}

#[test]
fn an_acronym_used_later_without_a_parenthesis_joins_its_name() {
    let a = analyse(
        "The World Health Organization warned of a new strain. WHO officials said cases were rising in three provinces.",
    );
    assert_eq!(
        names(&a, entity(&a, "World Health Organization")),
        ["World Health Organization", "WHO"]
    );
    // Two names with the same initials: the acronym stays alone.
    let a = analyse("Acme Plastics and Apex Pharma signed a deal. AP shares rose on the news.");
    for company in ["Acme Plastics", "Apex Pharma"] {
        assert_eq!(names(&a, entity(&a, company)), [company]);
    }
}

#[test]
fn a_company_is_named_again_by_its_short_name() {
    let a = analyse(
        "Corvane Robotics Inc. cut 200 jobs on Tuesday. Corvane said demand for warehouse robots had slowed, and Corvane Robotics shares fell 8%.",
    );
    let corvane = entity(&a, "Corvane Robotics Inc.");
    assert_eq!(corvane.label, Label::Org);
    assert_eq!(
        names(&a, corvane),
        ["Corvane Robotics Inc.", "Corvane", "Corvane Robotics"]
    );
    // Two companies share the short name: it is neither's.
    let a = analyse(
        "Halden Motor Co. and the Halden Foundation gave $1 million. Halden said it was proud.",
    );
    let motor = entity(&a, "Halden Motor Co.");
    assert_eq!(names(&a, motor), ["Halden Motor Co."]);
}

#[test]
fn a_transliterated_name_spelled_two_ways_is_one_person() {
    let a = analyse(
        "Ukrainian President Volodymyr Zelenskiy spoke on Monday. \"We will rebuild,\" Zelensky told reporters.",
    );
    let z = entity(&a, "Volodymyr Zelenskiy");
    assert_eq!(names(&a, z), ["Volodymyr Zelenskiy", "Zelensky"]);
    // Different endings are different people.
    let a = analyse("Ivan Petrov met Anna Petrova in Sofia. Petrov said the talks went well.");
    assert_ne!(entity(&a, "Ivan Petrov").id, entity(&a, "Anna Petrova").id);
    assert_eq!(names(&a, entity(&a, "Anna Petrova")), ["Anna Petrova"]);
}

#[test]
fn a_surname_after_a_title_is_the_person_named_before() {
    let a = analyse(
        "Jane Okoro was sworn in as vice president on Monday. Later, Vice President Okoro said the budget would pass.",
    );
    let okoro = entity(&a, "Jane Okoro");
    assert_eq!(names(&a, okoro), ["Jane Okoro", "Okoro"]);
    assert_eq!(okoro.role.as_deref(), Some("Vice President"));
}

#[test]
fn an_honorific_keeps_a_surname_from_the_wrong_person() {
    let a = analyse(
        "Mr. Okafor addressed the rally. His wife, Grace Okafor, spoke after him. Okafor thanked the crowd.",
    );
    let grace = entity(&a, "Grace Okafor");
    assert_eq!(names(&a, grace), ["Grace Okafor"]);
}

#[test]
fn a_body_or_building_named_again_without_its_qualifier() {
    let a = analyse(
        "AUSTIN, Texas (AP) - Protesters gathered at the Texas Capitol on Saturday. Troopers cleared the Capitol by noon. The UN Security Council met in New York, and the Security Council later voted.",
    );
    let capitol = entity(&a, "Texas Capitol");
    assert_eq!(capitol.label, Label::Fac);
    assert_eq!(names(&a, capitol), ["Texas Capitol", "Capitol"]);
    let council = entity(&a, "UN Security Council");
    assert_eq!(
        names(&a, council),
        ["UN Security Council", "Security Council"]
    );
    // The place that qualified the building stays a place of its own.
    let texas = entity(&a, "Texas");
    assert_eq!(texas.label, Label::Gpe);
    // Two capitols: "the Capitol" is neither.
    let a = analyse(
        "Lawmakers left the Texas Capitol for the U.S. Capitol in Washington. The Capitol was quiet.",
    );
    assert_eq!(names(&a, entity(&a, "Texas Capitol")), ["Texas Capitol"]);
}

#[test]
fn organisations_are_not_folded_into_places_or_taken_for_people() {
    let a = analyse(
        "Texas State Police closed the highway. Troopers from Texas helped, and the Premier League sent buses. Brava Robotics donated trucks, and Walt Disney Co. sent water. Peoples Gas, the gas company, sent crews, the news site Quillfeed reported.",
    );
    assert_eq!(entity(&a, "Texas State Police").label, Label::Org);
    assert_eq!(entity(&a, "Texas").label, Label::Gpe);
    assert_ne!(entity(&a, "Texas").id, entity(&a, "Texas State Police").id);
    for name in [
        "Premier League",
        "Brava Robotics",
        "Walt Disney Co.",
        "Peoples Gas",
        "Quillfeed",
    ] {
        assert_eq!(entity(&a, name).label, Label::Org, "{name}");
    }
}

#[test]
fn a_title_of_a_work_is_no_person_but_a_founder_is() {
    let a = analyse(
        "The film \"Mara Quist\" opened on Friday. Lena Ford founded the company Ford Lane Media in 2010.",
    );
    assert_eq!(entity(&a, "Mara Quist").label, Label::WorkOfArt);
    assert_eq!(entity(&a, "Lena Ford").label, Label::Person);
}

#[test]
fn a_short_name_joins_a_company_but_not_another_body() {
    // Trade press: the company's full name, then its short one.
    let a = analyse(
        "Brisco Energy posted a loss for the quarter. Brisco said it would sell two wells in Ohio.",
    );
    assert_eq!(
        names(&a, entity(&a, "Brisco Energy")),
        ["Brisco Energy", "Brisco"]
    );
    // Local paper: a committee of a body is not the body, nor a station's
    // evening show the station.
    let a = analyse(
        "The Senate Ways Committee met on Tuesday. Later the Senate voted 31-2 to pass the bill, KDTV Nightly News reported. KDTV did not say how the mayor voted.",
    );
    let senate = entity(&a, "Senate");
    assert_eq!(names(&a, senate), ["Senate"]);
    assert_ne!(senate.id, entity(&a, "Senate Ways Committee").id);
    assert_ne!(entity(&a, "KDTV").id, entity(&a, "KDTV Nightly News").id);
}

#[test]
fn a_group_of_people_or_a_place_is_not_a_qualified_body() {
    let a = analyse(
        "Ohio Democrats met in Columbus on Monday. Democrats across the country watched the vote.",
    );
    let ohio_democrats = a
        .mentions
        .iter()
        .find(|m| m.text == "Ohio Democrats")
        .and_then(|m| m.entity);
    let democrats = a
        .mentions
        .iter()
        .find(|m| m.text == "Democrats")
        .and_then(|m| m.entity);
    assert!(democrats.is_some());
    assert_ne!(ohio_democrats, democrats);
}

#[test]
fn a_role_noun_is_not_the_deputy_of_that_role() {
    let a = analyse(
        "Deputy Attorney General Mara Voss signed the order. The attorney general was traveling, and the deputy attorney general said the order stands.",
    );
    let voss = entity(&a, "Mara Voss");
    let nominals: Vec<&str> = a
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Nominal && m.entity == Some(voss.id))
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(nominals, ["the deputy attorney general"]);
}

#[test]
fn an_appositive_role_is_the_persons_role_not_another_mention() {
    // Tabloid style: the role beside the name, then the role noun alone.
    let a = analyse(
        "Tom Reddle, the county's fire chief, said the blaze was arson. \"We will find who did it,\" the fire chief said.",
    );
    let reddle = entity(&a, "Tom Reddle");
    assert_eq!(reddle.role.as_deref(), Some("fire chief"));
    let nominals: Vec<&str> = a
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Nominal && m.entity == Some(reddle.id))
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(nominals, ["the fire chief"]);
}

#[test]
fn words_describing_the_employer_are_not_its_name() {
    // Trade press: "the centrist", "the Ohio-based" before the body's name.
    let a = analyse(
        "Ray Dunmore, director of the centrist Halberd Budget Center, said the plan was costly. Ann Pike, president of the Ohio-based Marlow Growers Caucus, disagreed.",
    );
    assert_eq!(
        role_of(&a, "Ray Dunmore"),
        some("director", Some("Halberd Budget Center"))
    );
    assert_eq!(
        role_of(&a, "Ann Pike"),
        some("president", Some("Marlow Growers Caucus"))
    );
    // A described common noun is no employer.
    let a = analyse("Ray Dunmore, leader of the centrist movement, said the plan was costly.");
    assert_eq!(role_of(&a, "Ray Dunmore").1, None);
}

#[test]
fn a_place_and_its_police_before_a_title() {
    // Local paper: "Dale police Chief Ann Roe".
    let a = analyse("Dale police Chief Ann Roe said the road would reopen on Friday.");
    assert_eq!(role_of(&a, "Ann Roe"), some("Chief", Some("Dale police")));
    // Without the place, the police is no named employer.
    let a = analyse("Officers and police Chief Ann Roe said the road would reopen on Friday.");
    assert_eq!(role_of(&a, "Ann Roe").1, None);
}

#[test]
fn an_adverb_after_the_role_opens_a_clause() {
    let a = analyse(
        "Mia Lund, a former tax aide now teaching at Bell College, said the rule was unfair.",
    );
    assert_eq!(
        role_of(&a, "Mia Lund").0.as_deref(),
        Some("former tax aide")
    );
}

#[test]
fn a_capitalised_word_that_also_describes_is_part_of_the_employer() {
    let a = analyse("Sam Vail, the former mayor of New Dalton, said the plan would fail.");
    assert_eq!(role_of(&a, "Sam Vail").1.as_deref(), Some("New Dalton"));
}

#[test]
fn a_described_name_before_a_common_noun_is_no_employer() {
    let a = analyse(
        "Tom Hale, a member of a prominent Lutheran family, said the school would stay open.",
    );
    assert_eq!(role_of(&a, "Tom Hale").1, None);
}

#[test]
fn a_role_with_its_employer_before_the_name() {
    // Wire style: "An attorney for X, Name," and "The chief executive of the X, Name,".
    let a = analyse(
        "An attorney for Dorrit Labs, Mark Fenwick, said the company would appeal. The chief executive of the Norvale Group, Ann Tull, said sales fell.",
    );
    assert_eq!(
        role_of(&a, "Mark Fenwick"),
        some("attorney", Some("Dorrit Labs"))
    );
    assert_eq!(
        role_of(&a, "Ann Tull"),
        some("chief executive", Some("Norvale Group"))
    );
    // Counter-cases: a relation that is no role, and a fronted phrase.
    let a = analyse(
        "A friend of Ann Tull, Bo Reyes, said she was tired. Like the lawyer for Norvale, Jo Pike said nothing.",
    );
    assert_eq!(role_of(&a, "Bo Reyes"), (None, None));
    assert_eq!(role_of(&a, "Jo Pike"), (None, None));
}

#[test]
fn a_role_noun_with_a_portfolio_names_the_holder_of_that_portfolio() {
    let a = analyse(
        "The secretary of the Treasury, Jacob Lane, said so. The secretary of State, Jo Kerr, agreed. Later the secretary of the Treasury left for Ohio.",
    );
    let lane = entity(&a, "Jacob Lane");
    assert_eq!(lane.role.as_deref(), Some("secretary of the Treasury"));
    assert_eq!(
        entity(&a, "Jo Kerr").role.as_deref(),
        Some("secretary of State")
    );
    let nominals: Vec<(&str, Option<usize>)> = a
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Nominal)
        .map(|m| (m.text.as_str(), m.entity))
        .collect();
    assert_eq!(nominals, [("the secretary", Some(lane.id))]);
}

#[test]
fn an_abbreviated_title_before_a_name_ends_no_sentence() {
    // Local paper: "said Del. Jane Roe, a Democrat." is one sentence, and the
    // party set beside the title is the affiliation.
    let a = analyse(
        "The bill passed 60-38, said Del. Ines Varo, a Democrat. Del. Omar Tell voted no. The bill now goes to Dover, Del. The governor has not said whether he will sign it.",
    );
    assert_eq!(role_of(&a, "Ines Varo"), some("Del.", Some("Democrat")));
    let party = entity(&a, "Democrat");
    assert_eq!(entity(&a, "Ines Varo").affiliation_entity, Some(party.id));
    assert_eq!(role_of(&a, "Omar Tell"), some("Del.", None));
    assert!(a
        .sentences
        .iter()
        .any(|s| s.text.starts_with("The bill passed") && s.text.ends_with("a Democrat.")));
    // Counter-case: "Del." for Delaware still ends its sentence.
    assert!(a
        .sentences
        .iter()
        .any(|s| s.text == "The bill now goes to Dover, Del."));
}

#[test]
fn a_doctors_or_clerics_honorific_is_the_role_when_nothing_better_is_stated() {
    // Tabloid: the honorific alone; wire: "the Rev." with the church after the name.
    let a = analyse(
        "Dr. Lena Ortt treated the victims at the scene. \"We prayed all night,\" said the Rev. Amos Pike, of Bethel Memorial Church, on Sunday.",
    );
    assert_eq!(role_of(&a, "Lena Ortt"), some("Dr.", None));
    assert_eq!(
        role_of(&a, "Amos Pike"),
        some("Rev.", Some("Bethel Memorial Church"))
    );
    let church = entity(&a, "Bethel Memorial Church");
    assert_eq!(entity(&a, "Amos Pike").affiliation_entity, Some(church.id));
    // A stated role beats the honorific, at any mention; "Mr." is no role.
    let a = analyse(
        "Dr. Lena Ortt arrived first. Later Dr. Ortt, chief of surgery at Harlow General Hospital, said beds were short. Mr. Ben Sato said nothing.",
    );
    assert_eq!(
        role_of(&a, "Lena Ortt"),
        some("chief of surgery", Some("Harlow General Hospital"))
    );
    assert_eq!(role_of(&a, "Ben Sato"), (None, None));
}

#[test]
fn a_possessive_role_before_the_name_without_a_comma() {
    // Politics desk: the possessor is the affiliation, a person or an
    // organisation, and the affiliation entity is theirs.
    let a = analyse(
        "Sen. Tom Hale campaigned in Ohio. Hale's running mate Jane Roe spoke first, and Hale's campaign manager John Doe said the polls were close. Brisco Energy's chief economist Ana Ruiz disagreed.",
    );
    let hale = entity(&a, "Tom Hale");
    assert_eq!(role_of(&a, "Jane Roe"), some("running mate", Some("Hale")));
    assert_eq!(entity(&a, "Jane Roe").affiliation_entity, Some(hale.id));
    assert_eq!(
        role_of(&a, "John Doe"),
        some("campaign manager", Some("Hale"))
    );
    let brisco = entity(&a, "Brisco Energy");
    assert_eq!(
        role_of(&a, "Ana Ruiz"),
        some("chief economist", Some("Brisco Energy"))
    );
    assert_eq!(entity(&a, "Ana Ruiz").affiliation_entity, Some(brisco.id));
    // Counter-case: a possessive that owns no role ("Hale's friend").
    let a = analyse("Tom Hale spoke. Hale's friend Jane Roe laughed.");
    assert_eq!(role_of(&a, "Jane Roe"), (None, None));
}

#[test]
fn an_appositive_after_an_honorific_and_a_surname() {
    // Newspaper of record style: honorifics and surnames only.
    let a = analyse(
        "Mary Doe spoke on Monday. Ms. Roe, a close confidante and former campaign worker for Mrs. Doe, said she was surprised. Dr. Kline, a pediatrician in Dayton, agreed.",
    );
    let doe = entity(&a, "Mary Doe");
    let roe = entity(&a, "Roe");
    assert_eq!(
        roe.role.as_deref(),
        Some("confidante and former campaign worker")
    );
    assert_eq!(roe.affiliation.as_deref(), Some("Mrs. Doe"));
    assert_eq!(roe.affiliation_entity, Some(doe.id));
    assert_eq!(entity(&a, "Kline").role.as_deref(), Some("pediatrician"));
    // Counter-case: a list of honorific names is no appositive.
    let a = analyse("Ms. Roe, Mr. Doe and Mrs. Kline attended the hearing.");
    assert_eq!(entity(&a, "Roe").role, None);
}

#[test]
fn a_title_in_quotation_marks_before_the_name() {
    // Media column: a paper's own title for its reporter, quoted.
    let a = analyse(
        "The paper sent its “national enterprise reporter” Jane Roe to Ohio. The Daily Clarion's \"chief political correspondent\" John Doe stayed home.",
    );
    assert_eq!(
        role_of(&a, "Jane Roe"),
        some("national enterprise reporter", None)
    );
    assert_eq!(
        role_of(&a, "John Doe"),
        some("chief political correspondent", Some("Daily Clarion"))
    );
    // Counter-cases: a quotation before a name, and a quoted word that is no role.
    let a = analyse("“We will win,” Jane Roe said. His “friend” John Doe laughed.");
    assert_eq!(role_of(&a, "Jane Roe"), (None, None));
    assert_eq!(role_of(&a, "John Doe"), (None, None));
}

/// The nominal mentions of person `name`.
fn nominals(a: &Analysis, name: &str) -> Vec<String> {
    let id = entity(a, name).id;
    a.mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Nominal && m.entity == Some(id))
        .map(|m| m.text.clone())
        .collect()
}

#[test]
fn a_definite_role_names_the_storys_person() {
    // Campaign trail: the story is about one politician, named with no role;
    // "the Republican nominee" is that person, who takes the role.
    let a = analyse(
        "Dale Brock spoke in Ohio on Monday. Brock met voters at a diner. The Republican nominee said the polls were wrong.",
    );
    assert_eq!(nominals(&a, "Dale Brock"), ["nominee"]);
    assert_eq!(
        role_of(&a, "Dale Brock"),
        some("nominee", Some("Republican"))
    );
    let quote_speaker = a.quotes.first().and_then(|q| q.speaker.as_ref()?.entity);
    assert_eq!(quote_speaker, Some(entity(&a, "Dale Brock").id));
    // A role the person carries already: "the candidate" is the one candidate.
    let a = analyse(
        "Democratic candidate Ruth Alvarez toured Iowa. She met farmers, and Ken Moss drove the bus. Later the candidate said the tour had gone well.",
    );
    assert_eq!(nominals(&a, "Ruth Alvarez"), ["the candidate"]);
}

#[test]
fn a_role_learned_from_a_definite_role_names_the_person_again() {
    // "The Republican nominee" gives the story's subject the role, so the
    // later "the nominee" is the same person.
    let a = analyse(
        "Dale Brock spoke in Ohio on Monday. Brock met voters at a diner. The Republican nominee said the polls were wrong. Later the nominee flew to Texas.",
    );
    assert_eq!(nominals(&a, "Dale Brock"), ["nominee", "the nominee"]);
    // Counter-case: another role ("the senator") is not the role learned.
    let a = analyse(
        "Dale Brock spoke in Ohio on Monday. Brock met voters at a diner. The Republican nominee said the polls were wrong. Later the senator flew to Texas.",
    );
    assert_eq!(nominals(&a, "Dale Brock"), ["nominee"]);
    // Counter-case: a place in the phrase links no one by itself ("the
    // Vermont senator" is often another person the story names).
    let a = analyse(
        "Dale Brock spoke in Ohio on Monday. Brock met voters at a diner. The Vermont senator said the polls were wrong.",
    );
    assert!(nominals(&a, "Dale Brock").is_empty());
    assert_eq!(role_of(&a, "Dale Brock"), (None, None));
}

#[test]
fn a_definite_role_with_two_people_who_fit_names_no_one() {
    // Two people named, neither the story's clear subject.
    let a = analyse(
        "Ruth Alvarez and Dale Brock debated. The Democratic presidential candidate said the economy was strong.",
    );
    for name in ["Ruth Alvarez", "Dale Brock"] {
        assert!(nominals(&a, name).is_empty(), "{name}");
        assert_eq!(role_of(&a, name), (None, None), "{name}");
    }
    // Two candidates named, then someone else: "the candidate" is neither.
    let a = analyse(
        "Democratic candidate Ruth Alvarez and Republican nominee Dale Brock debated. Moderator Ken Moss asked about taxes. The candidate said the economy was strong.",
    );
    assert!(nominals(&a, "Ruth Alvarez").is_empty());
    assert!(nominals(&a, "Dale Brock").is_empty());
    // A bare role is not read as the subject's: "the former president" may be
    // someone the story names without a role.
    let a = analyse(
        "Tom Clark bought the farm. Mr. Clark compared his debts to those of the former president.",
    );
    assert!(nominals(&a, "Tom Clark").is_empty());
    assert_eq!(role_of(&a, "Tom Clark"), (None, None));
}

#[test]
fn a_party_inside_a_title_is_the_affiliation_and_not_the_role() {
    // The JSON gives the role without the party, and the party as the
    // affiliation (its entity too); a place before the title beats the party.
    let a = analyse(
        "Former Democratic tax aide Jane Roe said the rule was unfair. Republican Ohio Gov. John Doe disagreed, and GOP strategist Ana Ruiz stayed quiet.",
    );
    assert_eq!(
        role_of(&a, "Jane Roe"),
        some("Former tax aide", Some("Democratic"))
    );
    let democratic = entity(&a, "Democratic");
    assert_eq!(
        entity(&a, "Jane Roe").affiliation_entity,
        Some(democratic.id)
    );
    assert_eq!(role_of(&a, "John Doe"), some("Gov.", Some("Ohio")));
    assert_eq!(role_of(&a, "Ana Ruiz"), some("strategist", Some("GOP")));
}

#[test]
fn a_syndication_line_is_set_aside_but_news_about_a_source_is_kept() {
    let a = analyse(
        "Mill closes after 90 years\n\nThe Harlow paper mill closed on Friday, Jane Roe said.\n\nThe story was first published by the Harlow Gazette in 1990, Roe said.\n\nThis article has been adapted from its original source.",
    );
    let set_aside: Vec<&str> = a
        .article
        .boilerplate
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        set_aside,
        ["This article has been adapted from its original source."]
    );
    assert!(a
        .sentences
        .iter()
        .any(|s| s.text.starts_with("The story was first published")));
    assert!(a
        .sentences
        .iter()
        .all(|s| !s.text.starts_with("This article")));
}

#[test]
fn organisations_with_a_place_or_a_common_word_keep_their_label() {
    // Trade press and local paper: bodies named after a place, and works.
    let a = analyse(
        "Ohio State Highway Patrol troopers closed the road. Kestrel Robotics and the Ohio Valley League sent buses. The injured went to Mercy Hospital, the news site Pressline reported. Ohio is mourning.",
    );
    for name in ["Kestrel Robotics", "Ohio Valley League", "Pressline"] {
        assert_eq!(entity(&a, name).label, Label::Org, "{name}");
    }
    assert!(matches!(
        entity(&a, "Mercy Hospital").label,
        Label::Org | Label::Fac
    ));
    // Counter-case: the place alone is a place.
    assert_eq!(entity(&a, "Ohio").label, Label::Gpe);
}

#[test]
fn an_aide_to_someone_is_affiliated_with_them() {
    // Wire: "an aide to Gov. X", "a senior adviser to Acme Corp.".
    let a = analyse(
        "Ana Ruiz, an aide to Gov. Tom Hale, agreed. Ben Sato, a senior adviser to Acme Corp., left.",
    );
    let hale = entity(&a, "Tom Hale");
    assert_eq!(role_of(&a, "Ana Ruiz"), some("aide", Some("Tom Hale")));
    assert_eq!(entity(&a, "Ana Ruiz").affiliation_entity, Some(hale.id));
    assert_eq!(
        role_of(&a, "Ben Sato"),
        some("senior adviser", Some("Acme Corp."))
    );
    // Counter-cases: "to" after another head, and a title with no name after it.
    let a = analyse(
        "Jane Roe, a lawyer to the end, said nothing. Tom Hale, an aide to the mayor, agreed.",
    );
    assert_eq!(role_of(&a, "Jane Roe"), some("lawyer", None));
    assert_eq!(role_of(&a, "Tom Hale"), some("aide", None));
}

#[test]
fn an_organisation_after_the_name_is_the_affiliation_without_a_role() {
    // Media column: "X of Fox News" states the employer, not the role.
    let a = analyse(
        "Trump told Bill Orly of Fox News this week that the system was rigged. Tom Hale of the Acme Group said so. Jane Roe of Ohio voted.",
    );
    let fox = entity(&a, "Fox News");
    assert_eq!(
        role_of(&a, "Bill Orly"),
        (None, Some("Fox News".to_string()))
    );
    assert_eq!(entity(&a, "Bill Orly").affiliation_entity, Some(fox.id));
    assert_eq!(
        role_of(&a, "Tom Hale"),
        (None, Some("Acme Group".to_string()))
    );
    // Counter-case: a place after the name says where the person lives.
    assert_eq!(role_of(&a, "Jane Roe"), (None, None));
    // An organisation's possessive before the name is its employer; a person's is not.
    let a = analyse("He cited NBC's Matt Laue and Hale's Jane Roe.");
    assert_eq!(role_of(&a, "Matt Laue"), (None, Some("NBC".to_string())));
    assert_eq!(role_of(&a, "Jane Roe"), (None, None));
}

#[test]
fn a_word_describing_the_holder_is_neither_role_nor_employer() {
    // Opinion page: "Conservative economist X", "the libertarian Y Institute".
    let a = analyse(
        "Conservative economist Aparna Mathy said so. Michael Tann, an analyst at the libertarian Cato Institute, said he agreed.",
    );
    assert_eq!(role_of(&a, "Aparna Mathy"), some("economist", None));
    assert_eq!(
        role_of(&a, "Michael Tann"),
        some("analyst", Some("Cato Institute"))
    );
}

// ---- Round 2b (issue #26): party-and-state labels, lowercase titles,
// ---- predicates, clean role phrases, "of the X" after a name, descriptive
// ---- role nouns.

#[test]
fn a_party_and_state_label_gives_the_state_and_is_no_organisation() {
    // Capitol Hill wire style: the label in parentheses.
    let a = analyse(
        "Sen. Mara Pell (D-N.Y.) said the bill would pass. Rep. Otis Crane (R-Calif.) voted against it, and Sen. Lise Arden (I-Vt.) abstained.",
    );
    assert_eq!(role_of(&a, "Mara Pell"), some("Sen.", Some("N.Y.")));
    assert_eq!(role_of(&a, "Otis Crane"), some("Rep.", Some("Calif.")));
    assert_eq!(role_of(&a, "Lise Arden"), some("Sen.", Some("Vt.")));
    assert!(
        a.mentions
            .iter()
            .all(|m| !m.text.starts_with("D-") && !m.text.starts_with("R-")),
        "{:?}",
        a.mentions
            .iter()
            .map(|m| (&m.text, m.label))
            .collect::<Vec<_>>()
    );
    // AP style: the label between commas; postal codes in a web style.
    let a = analyse(
        "\"We have the votes,\" said Sen. Dora Vick, D-Mass., after the caucus met. Rep. Hal Brenner (R-TX) disagreed.",
    );
    assert_eq!(role_of(&a, "Dora Vick"), some("Sen.", Some("Mass.")));
    assert_eq!(role_of(&a, "Hal Brenner"), some("Rep.", Some("TX")));
    // A plural title reaches past each name's label.
    let a = analyse(
        "The fraud led Sens. Ezra Tolan (D-Mont.) and Ruth Sayer (R-La.) to call for a hearing.",
    );
    assert_eq!(role_of(&a, "Ezra Tolan"), some("Sen.", Some("Mont.")));
    assert_eq!(role_of(&a, "Ruth Sayer"), some("Sen.", Some("La.")));
}

#[test]
fn a_party_label_keeps_the_role_and_place_around_it() {
    // Local paper: a party alone gives no affiliation and leaves the title's own.
    let a = analyse(
        "The order was signed by Flint Mayor Tessa Morrow (D), who spoke at city hall. Mayor Idris Kell (R) of a nearby town did not attend.",
    );
    assert_eq!(role_of(&a, "Tessa Morrow"), some("Mayor", Some("Flint")));
    assert_eq!(role_of(&a, "Idris Kell"), some("Mayor", None));
    // A role after the label is still read.
    let a = analyse("Rep. Noor Amsel (D-Ill.), the committee chairwoman, called a hearing.");
    assert_eq!(role_of(&a, "Noor Amsel"), some("Rep.", Some("Ill.")));
    // Counter-case: a capitalised word in parentheses is no label, and a
    // hyphenated name is no party.
    let a = analyse("The veteran Cole Ridley (D-Day, 1944) spoke. Jean-Luc Arnaud (Paris) agreed.");
    assert_eq!(role_of(&a, "Cole Ridley").1, None);
}

#[test]
fn lowercase_titles_before_the_name_with_their_portfolio() {
    // Washington Post style: descriptive titles in lower case.
    let a = analyse(
        "The plan was backed by former secretary of state Ana Ruiz and by undersecretary for management Tobias Grey. The memo reached chief of staff Ellen Vos on Friday.",
    );
    assert_eq!(
        role_of(&a, "Ana Ruiz").0.as_deref(),
        Some("former secretary of state")
    );
    assert_eq!(
        role_of(&a, "Tobias Grey").0.as_deref(),
        Some("undersecretary for management")
    );
    assert_eq!(
        role_of(&a, "Ellen Vos").0.as_deref(),
        Some("chief of staff")
    );
    // A capitalised title whose portfolio the tagger took for an organisation.
    let a = analyse("Assistant Secretary of State for Political Affairs Tomas Varn flew to Cairo.");
    assert_eq!(
        role_of(&a, "Tomas Varn").0.as_deref(),
        Some("Assistant Secretary of State for Political Affairs")
    );
    assert!(a.entities.iter().all(|e| !e.name.starts_with("for ")));
    // Counter-case: "for" after a lawyer names the client, whose own title
    // stands before the name.
    let a = analyse(
        "The court heard a lawyer for defendant Rolf Baer on Monday, and an aide to candidate Iris Moon.",
    );
    assert_eq!(role_of(&a, "Rolf Baer"), (None, None));
    assert_eq!(role_of(&a, "Iris Moon").0.as_deref(), Some("candidate"));
}

#[test]
fn a_role_in_a_relative_clause_or_after_is() {
    let a = analyse(
        "Vera Lind, who was secretary of state at the time, opposed the deal. Omar Katz is the Halden campaign's national political director and a veteran of three races.",
    );
    assert_eq!(
        role_of(&a, "Vera Lind").0.as_deref(),
        Some("secretary of state")
    );
    assert_eq!(
        role_of(&a, "Omar Katz"),
        some("national political director", Some("Halden campaign"))
    );
    // Counter-cases: a clause with no role noun, an evaluation with no employer.
    let a = analyse(
        "Vera Lind, who was at the rally, left early. Omar Katz is the best candidate we have, supporters said.",
    );
    assert_eq!(role_of(&a, "Vera Lind"), (None, None));
    assert_eq!(role_of(&a, "Omar Katz"), (None, None));
}

#[test]
fn role_phrases_after_the_name_read_whole_and_clean() {
    // Tabloid: an evaluative adjective describes the holder, not the role.
    let a =
        analyse("Nadia Stroud, legendary environmental activist and lawyer, spoke at the rally.");
    assert_eq!(
        role_of(&a, "Nadia Stroud").0.as_deref(),
        Some("environmental activist and lawyer")
    );
    // Sports desk: an employer described, not named.
    let a = analyse(
        "Pieter Vane, president of soccer's world governing body, denied the claims on Tuesday.",
    );
    assert_eq!(
        role_of(&a, "Pieter Vane"),
        some("president", Some("soccer's world governing body"))
    );
    // Politics: a campaign named by its candidate, and the candidate alone.
    let a = analyse(
        "Marta Gill said she was resting. Dev Anand, Gill campaign spokesman, declined to comment. Rosa Fein, Gill spokeswoman, said no more.",
    );
    assert_eq!(
        role_of(&a, "Dev Anand"),
        some("campaign spokesman", Some("Gill campaign"))
    );
    let fein = entity(&a, "Rosa Fein");
    assert_eq!(fein.affiliation.as_deref(), Some("Gill"));
    assert_eq!(fein.affiliation_entity, Some(entity(&a, "Marta Gill").id));
}

#[test]
fn an_employer_after_the_name_says_more_than_a_party_before_it() {
    let a = analyse(
        "Democratic strategist Leon Fisk, co-founder of Corvid Labs, said the plan would fail. Republican strategist Amy Dorn said it would pass.",
    );
    assert_eq!(
        role_of(&a, "Leon Fisk"),
        some("co-founder", Some("Corvid Labs"))
    );
    // Counter-case: with nothing after the name, the party is the affiliation.
    assert_eq!(
        role_of(&a, "Amy Dorn"),
        some("strategist", Some("Republican"))
    );
}

#[test]
fn of_the_body_right_after_a_titled_name_is_the_affiliation() {
    let a = analyse(
        "Archbishop Thea Marek of the Orthodox Patriarchate of Jerusalem led the service. President Ivo Lund of Ruritania arrived on Sunday.",
    );
    assert_eq!(
        role_of(&a, "Thea Marek"),
        some("Archbishop", Some("Orthodox Patriarchate of Jerusalem"))
    );
    assert_eq!(
        role_of(&a, "Ivo Lund"),
        some("President", Some("Ruritania"))
    );
}

#[test]
fn descriptive_role_nouns_before_and_after_the_name() {
    let a = analyse(
        "The race tightened as Republican front-runner Gus Harlan lost ground. Ada Brill, the Democratic nominee, gained. The paper was bought by tech tycoon Rex Mallory, and NBA star Jalen Oduya scored 30 points. Police arrested Russian hacker Yuri Sokol. The gift came from Lena Park, a major donor to the party. \"Turnout was low,\" said Rina Cole, a political science professor at Westbrook University. Actor Tom Vesey and Lia Hart, a faculty member at Westbrook University, disagreed.",
    );
    assert_eq!(
        role_of(&a, "Gus Harlan"),
        some("front-runner", Some("Republican"))
    );
    assert_eq!(
        role_of(&a, "Ada Brill"),
        some("nominee", Some("Democratic"))
    );
    assert_eq!(role_of(&a, "Rex Mallory").0.as_deref(), Some("tech tycoon"));
    assert_eq!(role_of(&a, "Jalen Oduya"), some("star", Some("NBA")));
    assert_eq!(role_of(&a, "Yuri Sokol"), some("hacker", Some("Russia")));
    assert_eq!(role_of(&a, "Lena Park").0.as_deref(), Some("major donor"));
    assert_eq!(
        role_of(&a, "Rina Cole"),
        some("political science professor", Some("Westbrook University"))
    );
    assert_eq!(role_of(&a, "Tom Vesey").0.as_deref(), Some("Actor"));
    assert_eq!(role_of(&a, "Lia Hart").0.as_deref(), Some("faculty member"));
    // Counter-case: capitalised, these words end a name, as in a newspaper's.
    let a = analyse("The Toronto Star reported the sale on Monday.");
    assert!(
        a.mentions.iter().any(|m| m.text == "Toronto Star"),
        "{:?}",
        a.mentions.iter().map(|m| &m.text).collect::<Vec<_>>()
    );
}

#[test]
fn a_hedged_role_is_still_the_role() {
    // Campaign coverage: "likely", "probable" hedge the guess; the role is the noun.
    let a = analyse(
        "The race is now between Cal Brody and Wren Ash, the likely Democratic nominee. Brody, the probable Republican nominee, spoke on Monday.",
    );
    assert_eq!(role_of(&a, "Wren Ash"), some("nominee", Some("Democratic")));
    assert_eq!(
        role_of(&a, "Cal Brody"),
        some("nominee", Some("Republican"))
    );
    // Counter-case: a hedge before a word that is no role gives no role.
    let a = analyse("The race is now between Cal Brody and Wren Ash, the likely winner.");
    assert_eq!(role_of(&a, "Wren Ash").0, None);
}

#[test]
fn an_appositive_reads_a_name_inside_it_whole() {
    // A name with "of" in it, and a name between descriptions and the role.
    let a = analyse(
        "\"He is viable,\" said Robert Olden, a University of South Carolina political science professor. \"It is fine,\" Gene Sperling, a top outside Clinton adviser, said.",
    );
    assert_eq!(
        role_of(&a, "Robert Olden"),
        some(
            "political science professor",
            Some("University of South Carolina")
        )
    );
    assert_eq!(
        role_of(&a, "Gene Sperling"),
        some("top outside adviser", Some("Clinton"))
    );
    // Counter-case: a preposition still ends the phrase before a name.
    let a = analyse("\"It is fine,\" said Jane Roe, a spokeswoman for Acme Corp., on Monday.");
    assert_eq!(
        role_of(&a, "Jane Roe"),
        some("spokeswoman", Some("Acme Corp."))
    );
}

#[test]
fn a_plural_possessive_before_a_role_is_the_affiliation() {
    let a = analyse("Sanders' spokesman Michael Briggs said Sharpton asked for the meeting.");
    assert_eq!(
        role_of(&a, "Michael Briggs"),
        some("spokesman", Some("Sanders"))
    );
    // Counter-case: a lower-case owner ("the brothers'") names no affiliation.
    let a = analyse("The brothers' lawyer Tom Reyes said the case was weak.");
    assert_eq!(role_of(&a, "Tom Reyes"), some("lawyer", None));
}

#[test]
fn who_heads_a_body_gives_the_role() {
    let a = analyse(
        "Tom Reyes, who heads the agency, disagreed. Ana Ruiz, who leads the World Food Programme, spoke next. Bo Lind, who founded Acme Robotics in 2001, left.",
    );
    assert_eq!(role_of(&a, "Tom Reyes"), some("head of the agency", None));
    assert_eq!(
        role_of(&a, "Ana Ruiz"),
        some("leader", Some("World Food Programme"))
    );
    assert_eq!(
        role_of(&a, "Bo Lind"),
        some("founder", Some("Acme Robotics"))
    );
    // Counter-cases: leading no body, heading somewhere, leading a table.
    let a = analyse(
        "Ed Park, who leads the polls, smiled. Di Moss, who heads to Paris on Monday, declined. Cy Ray, who leads the NFC in rushing, ran.",
    );
    for name in ["Ed Park", "Di Moss", "Cy Ray"] {
        assert_eq!(role_of(&a, name), (None, None), "{name}");
    }
}

#[test]
fn hyphenated_titles_are_roles() {
    let a = analyse("UN Secretary-General António Guterres called for calm.");
    assert_eq!(
        role_of(&a, "António Guterres"),
        some("Secretary-General", Some("UN"))
    );
}

#[test]
fn a_title_not_yet_taken_up_is_a_role() {
    let a = analyse("Transition\n\nPresident-elect Maria Ortega met the envoy on Monday.");
    assert_eq!(role_of(&a, "Maria Ortega"), some("President-elect", None));
    // Counter-case: a hyphenated word that is no title gives none.
    let a = analyse("Posters\n\nSupporters waved Re-elect Maria Ortega signs on Monday.");
    assert!(a
        .entities
        .iter()
        .all(|e| e.role.as_deref() != Some("Re-elect")));
}

#[test]
fn a_body_named_after_a_titled_name_is_the_affiliation() {
    // Wire style and British local-paper style.
    let a = analyse("Storm\n\nSenator Jane Roe of Arizona toured the damage. \"We are safe,\" said chief inspector Dana Holt from the Leeds police.");
    assert_eq!(role_of(&a, "Jane Roe"), some("Senator", Some("Arizona")));
    assert_eq!(
        role_of(&a, "Dana Holt"),
        some("chief inspector", Some("Leeds police"))
    );
    // Counter-case: "from" before no name is no affiliation.
    let a = analyse("Storm\n\n\"We are safe,\" said chief inspector Dana Holt from the start.");
    assert_eq!(role_of(&a, "Dana Holt"), some("chief inspector", None));
}

#[test]
fn a_place_before_a_title_an_organisation_owns_is_the_beat() {
    let a =
        analyse("Talks\n\nThe CNN's Middle East editor Omar Farid reported the news from Cairo.");
    assert_eq!(
        role_of(&a, "Omar Farid"),
        some("Middle East editor", Some("CNN"))
    );
    // Counter-case: with no owner, the place before the title is the affiliation.
    let a = analyse("Talks\n\nRussian President Vladimir Putin met the envoy in Moscow.");
    assert_eq!(
        role_of(&a, "Vladimir Putin"),
        some("President", Some("Russia"))
    );
}

#[test]
fn an_employer_after_the_name_says_more_than_a_bare_honorific() {
    let a = analyse(
        "Law\n\nProfessor Alan Moss, president of the Law Council, said the bill was flawed.",
    );
    assert_eq!(
        role_of(&a, "Alan Moss"),
        some("president", Some("Law Council"))
    );
    // Counter-case: a title that is an office keeps its place.
    let a = analyse(
        "Law\n\nSen. Jane Roe, chairwoman of the Finance Committee, said the bill was flawed.",
    );
    assert_eq!(role_of(&a, "Jane Roe").0.as_deref(), Some("Sen."));
}

#[test]
fn an_organisation_named_for_its_topic_is_one_name() {
    let a = analyse("Taxes\n\nThe Joint Committee on Taxation and the Center for Fiscal Progress released estimates. Analysts at the Institute for Ways and Means agreed.");
    for name in [
        "Joint Committee on Taxation",
        "Institute for Ways and Means",
    ] {
        assert_eq!(entity(&a, name).label, Label::Org, "{name}");
    }
    // Counter-cases: a place or a time after "on" is no part of the name.
    let a = analyse("Debate\n\nStudents at Hofstra University on Long Island watched. The Senate Committee on Monday voted.");
    assert!(
        a.entities.iter().all(|e| !e.name.contains(" on ")),
        "{:?}",
        a.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn an_age_set_off_after_the_name_comes_before_the_role() {
    // Local-paper and wire style.
    let a = analyse("Flu\n\nJane Roe, 45, a nurse at Mercy Hospital, said the ward was full.");
    assert_eq!(
        role_of(&a, "Jane Roe"),
        some("nurse", Some("Mercy Hospital"))
    );
    // Counter-case: two people with their ages are a list, not a role.
    let a = analyse("Flu\n\nJane Roe, 45, and Tom Reed, 50, said the ward was full.");
    assert_eq!(role_of(&a, "Jane Roe"), (None, None));
}

#[test]
fn an_acronym_defined_in_parentheses_is_the_name_before_it() {
    let a = analyse("Vaccines\n\nThe Centers for Disease Control and Prevention (CDC) said supplies were rising. The CDC said more would come.");
    let cdc = entity(&a, "Centers for Disease Control and Prevention");
    assert!(
        texts(&a, cdc).contains(&"CDC".to_string()),
        "{:?}",
        texts(&a, cdc)
    );
    // Counter-case: a wire dateline's agency is not the place before it.
    let a = analyse("NEW YORK (AP) — Stocks rose on Monday.");
    assert!(a
        .entities
        .iter()
        .all(|e| !(texts(&a, e).contains(&"AP".to_string()) && texts(&a, e).len() > 1)));
}

#[test]
fn a_parent_company_of_another_is_an_organisation() {
    let a =
        analyse("Tech\n\nMeta, the parent company of Facebook, said it would remove false claims.");
    assert_eq!(entity(&a, "Meta").label, Label::Org);
    // Counter-case: the site of something is a place.
    let a =
        analyse("Debate\n\nThe candidates met in Milwaukee, the site of the debate, on Tuesday.");
    assert_eq!(entity(&a, "Milwaukee").label, Label::Gpe);
}

#[test]
fn a_title_held_then_is_the_role() {
    let a = analyse(
        "Retirements\n\nIn 1998, then-Rep. Esteban Torres declared his retirement. Then-Gov. Jane Roe said she would not run, and then-President Bill Clinton thanked both.",
    );
    assert_eq!(entity(&a, "Esteban Torres").role.as_deref(), Some("Rep."));
    assert_eq!(entity(&a, "Jane Roe").role.as_deref(), Some("Gov."));
    assert_eq!(
        entity(&a, "Bill Clinton").role.as_deref(),
        Some("President")
    );
    // Counter-case: "then" as an adverb before a name is no title.
    let a = analyse("Talks\n\nThe envoy left, and then Jane Roe spoke to the press.");
    assert_eq!(entity(&a, "Jane Roe").role, None);
}

#[test]
fn a_surname_joins_a_name_written_with_and_without_its_middle_initial() {
    let a = analyse(
        "Bloomberg answers for his past\n\nWASHINGTON - This is not the welcome billionaire Michael R. Bloomberg expected. Michael Bloomberg campaigns in Houston. Bloomberg said he was ready.",
    );
    let mike = entity(&a, "Michael R. Bloomberg");
    assert_eq!(
        names(&a, mike),
        [
            "Bloomberg",
            "Michael R. Bloomberg",
            "Michael Bloomberg",
            "Bloomberg"
        ]
    );
    // Counter-case: two people of one surname still keep it apart.
    let a = analyse(
        "Joe Biden praised his son Hunter Biden on Tuesday. Hunter B. Biden thanked him. Biden said the case was political.",
    );
    let joe = entity(&a, "Joe Biden");
    assert_eq!(names(&a, joe), ["Joe Biden"]);
}

#[test]
fn a_surname_used_before_a_relative_is_introduced_is_the_first_person() {
    let a = analyse(
        "Mark Meadows accused of timing retirement\n\nWary Republicans said she had advance notice of Meadows' retirement. Her website was registered by a Scott Meadows, who appears to be the brother of the congressman. Debbie Meadows runs a PAC. Meadows said he never planned to stay in Congress.",
    );
    let mark = entity(&a, "Mark Meadows");
    assert_eq!(names(&a, mark), ["Mark Meadows", "Meadows", "Meadows"]);
    assert_eq!(names(&a, entity(&a, "Scott Meadows")), ["Scott Meadows"]);
    // Counter-case: a surname first used once both people are known stays
    // ambiguous ("two_people_sharing_a_surname_are_never_merged").
    let a = analyse(
        "Joe Biden defended his son Hunter Biden on Tuesday. Biden said the case was political.",
    );
    assert_eq!(names(&a, entity(&a, "Joe Biden")), ["Joe Biden"]);
}

#[test]
fn a_member_of_parliament_after_a_party() {
    let a = analyse(
        "Academics\n\nLabour MP Chi Onwurah said the report was alarming. Conservative MPs Jane Roe and John Doe agreed.",
    );
    let chi = entity(&a, "Chi Onwurah");
    assert_eq!(chi.label, Label::Person);
    assert_eq!(chi.role.as_deref(), Some("Labour MP"));
    assert_eq!(entity(&a, "Jane Roe").role.as_deref(), Some("MP"));
    // Counter-case: "MP" inside an organisation's name is no title.
    let a = analyse("Police\n\nThe MP Police Headquarters in Bhopal said the roads were closed.");
    assert!(a.entities.iter().all(|e| e.role.is_none()));
}

#[test]
fn a_name_after_a_personal_title_is_a_person_wherever_it_stands() {
    let a = analyse(
        "Debate\n\nPresident Trump has gotten into the act. On Twitter, Trump pointed to the contributions, and the House voted to impeach Trump.",
    );
    let trump = entity(&a, "Trump");
    assert_eq!(trump.label, Label::Person);
    assert!(texts(&a, trump).len() >= 2, "{:?}", texts(&a, trump));
    // Counter-cases: a company named after its founder, and a title that
    // also starts companies' names.
    let a = analyse("Markets\n\nShares of Apple rose on Tuesday. General Electric said Apple had ordered turbines.");
    assert_eq!(entity(&a, "Apple").label, Label::Org);
    assert_eq!(entity(&a, "General Electric").label, Label::Org);
}

#[test]
fn a_role_owned_by_a_common_noun_is_affiliated_with_what_the_noun_stands_for() {
    let a = analyse(
        "Crew backs Biden\n\nA group known as The Reckoning Crew endorsed Kamala Harris. The group's founder, Bernice Scott, is a force in state politics.\n\nRep. Mark Meadows retired on Thursday. Wayne King, the congressman's deputy chief of staff, did not learn about it until later.",
    );
    let scott = entity(&a, "Bernice Scott");
    assert_eq!(scott.role.as_deref(), Some("founder"));
    assert_eq!(scott.affiliation.as_deref(), Some("Reckoning Crew"));
    let king = entity(&a, "Wayne King");
    assert_eq!(king.affiliation.as_deref(), Some("Mark Meadows"));
    assert_eq!(king.affiliation_entity, Some(entity(&a, "Mark Meadows").id));
    // Counter-cases: two senators named before "the senator's", and "the
    // company's" with no organisation named near it.
    let a = analyse(
        "Talks\n\nSen. Jane Roe and Sen. John Doe met on Monday. Mary Major, the senator's chief of staff, said nothing.\n\nAcme Corp. opened a plant. Workers were hired. Prices fell. Sales rose. Tom Poe, the company's treasurer, retired.",
    );
    assert_eq!(entity(&a, "Mary Major").affiliation, None);
    assert_eq!(entity(&a, "Tom Poe").affiliation, None);
}

#[test]
fn a_quoted_nickname_is_part_of_the_name() {
    // Local sports paper: the nickname in curly quotes, the family name alone later.
    let a = analyse(
        "That is the view of football coach Renaldo “Peewee” Gilkes as the Tridents prepare for four games. Gilkes said the break had hurt the team.",
    );
    let gilkes = entity(&a, "Renaldo “Peewee” Gilkes");
    assert_eq!(gilkes.label, Label::Person);
    assert!(
        names(&a, gilkes).contains(&"Gilkes".to_string()),
        "{:?}",
        texts(&a, gilkes)
    );
    // Wire style, straight quotes, the nickname before the family name speaks.
    let a =
        analyse("Rep. Robert C. \"Bobby\" Scott said the plan would help families in Virginia.");
    let scott = entity(&a, "Robert C. \"Bobby\" Scott");
    assert_eq!(scott.role.as_deref(), Some("Rep."));
    let q = &a.quotes[0];
    let speaker = q.speaker.as_ref().expect("a speaker");
    assert_eq!(speaker.entity, Some(scott.id), "{q:?}");
    // Counter-case: a slogan in quotes between a name's possessive and a
    // law's name joins nothing.
    let a = analyse("Senator Jane Roe’s “Build Back Better” Act passed the House on Friday.");
    let roe = entity(&a, "Jane Roe");
    assert_eq!(texts(&a, roe), ["Jane Roe"]);
    assert_ne!(entity(&a, "Build Back Better").label, Label::Person);
}

#[test]
fn an_employer_named_after_the_kind_of_body_it_is() {
    // Trade press: "at the <kind> <name>".
    let a = analyse(
        "Gustavo Faleiros, an editor at the environmental news group InfoAmazonia, said the air was worse. Jane Roe, an analyst at the research firm Gartner, said sales fell.",
    );
    assert_eq!(
        entity(&a, "Gustavo Faleiros").affiliation.as_deref(),
        Some("InfoAmazonia")
    );
    assert_eq!(
        entity(&a, "Jane Roe").affiliation.as_deref(),
        Some("Gartner")
    );
    // Counter-case: the body's own possessive, then a place: the place is no employer.
    let a = analyse("Mary Major, a partner at the firm's New York office, declined to comment.");
    assert_eq!(entity(&a, "Mary Major").affiliation, None);
}

#[test]
fn under_before_a_title_is_a_preposition_unless_it_is_the_rank() {
    // Magazine style: the lowercase title after "under".
    let a = analyse(
        "Deforestation rose under far-right president Jair Bolsonaro, which prompted protests.",
    );
    assert_eq!(
        entity(&a, "Jair Bolsonaro").role.as_deref(),
        Some("president")
    );
    // Counter-case: "Under Secretary" is a rank of its own.
    let a = analyse("Under Secretary of State Jane Roe arrived in Kyiv on Monday.");
    assert_eq!(
        entity(&a, "Jane Roe").role.as_deref(),
        Some("Under Secretary of State")
    );
}

#[test]
fn a_role_after_who_is_without_a_comma() {
    // Broadcast web copy: "said NAME who is ROLE".
    let a = analyse(
        "Resort plan\n\n\"We will have a marina,\" said Leigh Sears who is the Lake Berryessa concessions manager.",
    );
    assert_eq!(
        entity(&a, "Leigh Sears").role.as_deref(),
        Some("concessions manager")
    );
    // Counter-case: "who is" and a verb is no role.
    let a = analyse("Jane Roe who is running for mayor said the vote was close.");
    assert_eq!(entity(&a, "Jane Roe").role, None);
}

#[test]
fn where_a_person_is_based_or_born_is_no_employer() {
    // Business press and wire: the place describes the holder.
    let a = analyse(
        "Robert Arnott, a California-based investor, said the market fell. Maryland-based product liability lawyer Jim Dunham agreed.",
    );
    let arnott = entity(&a, "Robert Arnott");
    assert_eq!(
        (arnott.role.as_deref(), arnott.affiliation.as_deref()),
        (Some("investor"), None)
    );
    let dunham = entity(&a, "Jim Dunham");
    assert_eq!(dunham.role.as_deref(), Some("product liability lawyer"));
    assert_eq!(dunham.affiliation, None);
    // Counter-case: the body after the role still employs the holder.
    let a = analyse(
        "Leslie Wimes, a South Florida-based president of the Democratic African-American Women Caucus, spoke.",
    );
    let wimes = entity(&a, "Leslie Wimes");
    assert_eq!(wimes.role.as_deref(), Some("president"));
    assert_eq!(
        wimes.affiliation.as_deref(),
        Some("Democratic African-American Women Caucus")
    );
}
