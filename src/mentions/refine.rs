//! From CoNLL's four types to OntoNotes labels: LOC becomes GPE (countries,
//! cities, states) unless it names a natural or regional feature; MISC
//! becomes NORP for nationalities and groups, EVENT, LAW or LANGUAGE where the
//! words say so, and stays MISC otherwise.

use crate::analysis::Label;
use crate::lexicon::countries::{self, Relation};
use crate::lexicon::{names, parties, roles};
use crate::ner::EntityType;
use super::org_names;

/// Last words that make a location a geographic feature rather than a polity.
const LOC_HEADS: &[&str] = &[
    "Alps",
    "Basin",
    "Bay",
    "Canal",
    "Cape",
    "Channel",
    "Coast",
    "Continent",
    "Delta",
    "Desert",
    "Gulf",
    "Hills",
    "Island",
    "Islands",
    "Lake",
    "Mountain",
    "Mountains",
    "Ocean",
    "Peninsula",
    "Plain",
    "Plateau",
    "Range",
    "Region",
    "River",
    "Sea",
    "Strait",
    "Valley",
    "Volcano",
];
/// Single-word locations that are regions or continents, not polities.
const LOC_NAMES: &[&str] = &[
    "Africa",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Balkans",
    "Caribbean",
    "Caucasus",
    "Europe",
    "Mediterranean",
    "Pacific",
    "Sahara",
    "Sahel",
    "Scandinavia",
    "Siberia",
    "Midwest",
    "Mideast",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
];
/// Last words that make a name a local polity whatever the tagger said
/// ("Orange County", "Helmand Province"): GPE in OntoNotes. The tagger often
/// calls a county an organisation after 1996's football clubs ("Notts County").
const POLITY_HEADS: &[&str] = &[
    "Borough",
    "County",
    "Oblast",
    "Parish",
    "Prefecture",
    "Province",
    "Township",
];
/// Words that, before a continent or "East", make a region ("Latin America",
/// "Central Asia", "Middle East"), unless the whole names a country ("South
/// Africa").
const REGION_QUALIFIERS: &[&str] = &[
    "Central", "East", "Eastern", "Far", "Latin", "Middle", "Near", "North", "Northern", "South",
    "Southeast", "Southern", "Sub-Saharan", "West", "Western",
];
const CONTINENTS: &[&str] = &["Africa", "America", "Asia", "East", "Europe"];
const EVENT_WORDS: &[&str] = &[
    "Championship",
    "Championships",
    "Cup",
    "Games",
    "Olympics",
    "Open",
    "Summit",
    "Tour",
    "War",
    "Conference",
    "Festival",
    "Election",
    "Grand",
    "Prix",
    "Revolution",
    "Crisis",
];
const LAW_WORDS: &[&str] = &[
    "Act",
    "Amendment",
    "Treaty",
    "Constitution",
    "Accord",
    "Accords",
    "Convention",
    "Bill",
    "Code",
];
const LANGUAGES: &[&str] = &[
    "Arabic",
    "English",
    "Farsi",
    "Hebrew",
    "Hindi",
    "Latin",
    "Mandarin",
    "Cantonese",
    "Swahili",
    "Urdu",
];
/// Group names that are NORP without a demonym suffix.
const NORP_WORDS: &[&str] = &[
    "Western",
    "Eastern",
    "Christian",
    "Christians",
    "Muslim",
    "Muslims",
    "Jewish",
    "Jews",
    "Sunni",
    "Shi'ite",
    "Shiite",
    "Catholic",
    "Catholics",
    "Protestant",
    "Republican",
    "Republicans",
    "Democrat",
    "Democrats",
    "Democratic",
    "Conservative",
    "Conservatives",
    "Labour",
    "Socialist",
    "Communist",
    "Communists",
    "Islamist",
    "Islamists",
    "Hindu",
    "Buddhist",
    "Arab",
    "Arabs",
    "Kurds",
    "Kurdish",
    "Thai",
    "Swiss",
    "Dutch",
    "French",
    "Greek",
    "Czech",
    "Danish",
    "Polish",
    "Turkish",
    "Finnish",
    "Swedish",
    "Irish",
    "Welsh",
    "Scottish",
    "British",
    "Spanish",
    "Flemish",
    "Pakistani",
    "Israeli",
    "Iraqi",
    "Saudi",
    "Kuwaiti",
    "Qatari",
    "Yemeni",
    "Afghan",
    "Uzbek",
    "Kazakh",
    "Latino",
    "Latinos",
    "Latina",
    "Latinas",
    "Hispanic",
    "Hispanics",
    "Evangelical",
    "Evangelicals",
    "Mormon",
    "Mormons",
    "Protestants",
    "Sunnis",
    "Shiites",
    "Hindus",
    "Sikh",
    "Sikhs",
    "Buddhists",
    "Baptists",
    "Methodists",
    "Lutherans",
    "Anglicans",
    "Libertarians",
];

/// The OntoNotes label for a name the tagger typed `ty`, made of `words`.
/// Whatever the type, a name that ends like an organisation's ("Acme
/// Robotics", "Premier League", "Walt Disney Co.") is an organisation,
/// unless it names a country ("Soviet Union") or a person ("Emily Post").
#[inline(never)]
pub fn label(ty: EntityType, words: &[&str]) -> Label {
    let last = words.last().copied().unwrap_or("");
    let organisation = words.len() >= 2
        && names::is_org_head(last)
        && countries::table().lookup(&words.join(" ")).is_none()
        && (ty != EntityType::Per
            || names::is_corporate_suffix(last)
            || crate::lexicon::gender::of_name(&words.join(" ")).is_none());
    if organisation {
        return Label::Org;
    }
    if is_street(ty, words) {
        return Label::Fac;
    }
    // "World Affairs Council of Orange County" is headed before its "of".
    let headed_by_last = !words.iter().any(|w| matches!(*w, "of" | "for"));
    if words.len() >= 2 && ty != EntityType::Per && POLITY_HEADS.contains(&last) && headed_by_last {
        return Label::Gpe;
    }
    if is_group(words) {
        return Label::Norp;
    }
    match ty {
        EntityType::Per => Label::Person,
        EntityType::Org => Label::Org,
        EntityType::Loc => location_label(words),
        EntityType::Misc => misc_label(words),
    }
}

/// The last words of a street's name. Sorted (by bytes).
const STREET_HEADS: &[&str] = &[
    "Ave.", "Avenue", "Blvd.", "Boulevard", "Drive", "Expressway", "Freeway", "Highway", "Parkway",
    "Rd.", "Road", "Street", "Turnpike",
];
/// The most words of a street's name ("Martin Luther King Jr. Boulevard").
const MAX_STREET_WORDS: usize = 5;

/// Street heads that also end other names: "Street" a family name
/// ("Picabo Street"), "Road" and "Street" a market, a trade route or an
/// industry ("Silk Road", "Wall Street"). Sorted.
const SHARED_STREET_HEADS: &[&str] = &["Road", "Street"];

/// "Dresden Drive", "Peachtree Road", "Fifth Avenue": a street (FAC)
/// whatever the tagger typed it, local news naming them as often as
/// people. A person keeps the label when the lexicon knows the given name
/// ("Della Drive" aside, "Della Street"); a name typed a person or an
/// organisation is a street only by a head no other kind of name ends in.
/// "Lane" and "Way", family names and more, are no street heads here.
fn is_street(ty: EntityType, words: &[&str]) -> bool {
    let last = words.last().copied().unwrap_or("");
    let shared = SHARED_STREET_HEADS.contains(&last);
    (2..=MAX_STREET_WORDS).contains(&words.len())
        && STREET_HEADS.binary_search(&last).is_ok()
        && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        && (ty == EntityType::Loc || !shared)
        && !(ty == EntityType::Per && crate::lexicon::gender::of_name(&words.join(" ")).is_some())
}

/// A people or faith in the plural ("Latinos", "Muslims", "Evangelicals"),
/// one word: a group (NORP) whatever the tagger typed it. A singular
/// ("Christian", "Mormon") may be a person's or a church's name.
fn is_group(words: &[&str]) -> bool {
    matches!(words, [w] if w.ends_with('s') && NORP_WORDS.contains(w))
}

/// Adds a group the tagger left untagged ("Latinos and African Americans
/// backed the plan"): a plural of [`NORP_WORDS`] outside every name.
pub fn add_groups(words: &[&str], names: &mut Vec<(usize, usize, Label)>) {
    let before = names.len();
    for (k, w) in words.iter().enumerate() {
        // Capitalised first: most words are not, and the list is searched last.
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let named = names[..before].iter().any(|&(a, b, _)| a <= k && k < b);
        if !named && is_group(&[w]) {
            names.push((k, k + 1, Label::Norp));
        }
    }
    if names.len() > before {
        names.sort_unstable_by_key(|n| n.0);
    }
}

/// Heads that end a law's or treaty's name ("the Affordable Care Act",
/// "the Second Amendment", "the Paris Climate Agreement").
const LAW_HEADS: &[&str] = &["Accord", "Accords", "Act", "Agreement", "Amendment", "Bill", "Treaty"];
/// Heads of a law's name that are also given names.
const GIVEN_NAME_HEADS: &[&str] = &["Bill"];
/// The most words of a law's name before its head.
const MAX_LAW_WORDS: usize = 6;

/// Adds a law the tagger missed or cut: capitalised words (with "of",
/// "and", "on" or "for" between them) ending in a law's head, which take in any
/// name inside them ("[Paris] Climate Agreement"). Not in a line set in
/// title case, where every word is capitalised ("Senate Passes Budget Act").
pub fn add_laws(words: &[&str], names: &mut Vec<(usize, usize, Label)>) {
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    // Title case: every word longer than a short function word is capitalised.
    let long = |w: &&&str| w.len() > 3 && w.starts_with(char::is_alphabetic);
    if words.iter().filter(long).all(|w| capital(w)) {
        return;
    }
    for (h, w) in words.iter().enumerate() {
        if !LAW_HEADS.contains(w) {
            continue;
        }
        let mut a = h;
        while a > 0 && h - a < MAX_LAW_WORDS {
            let p = words[a - 1];
            let joins = matches!(p, "of" | "and" | "on" | "for") && a >= 2 && capital(words[a - 2]);
            if capital(p) && !matches!(p, "The" | "A" | "An") || joins {
                a -= 1;
            } else {
                break;
            }
        }
        // A name of its own between "of" and the head is no law ("the
        // Department of Justice Act" aside): the run starts with a word.
        if a == h || matches!(words[a], "of" | "and" | "on" | "for") {
            continue;
        }
        let b = h + 1;
        // Names inside the run go; a name reaching outside it stays, and
        // so does a person when the head is also a given name ("Uncle
        // Bill", "President Bill").
        let given = GIVEN_NAME_HEADS.contains(w);
        let person = |l: Label| given && l == Label::Person;
        if names.iter().any(|&(s, e, l)| s < b && a < e && (s < a || e > b || person(l)))
            || (given && roles::is_title(words[h - 1]))
        {
            continue;
        }
        names.retain(|&(s, e, _)| !(s < b && a < e));
        names.push((a, b, Label::Law));
        names.sort_unstable_by_key(|n| n.0);
    }
}

/// A location is a facility, a geographic feature or region (LOC), or a polity (GPE).
fn location_label(words: &[&str]) -> Label {
    let last = words.last().copied().unwrap_or("");
    if names::is_facility_head(last) {
        Label::Fac
    } else if LOC_HEADS.contains(&last)
        || (words.len() == 1 && LOC_NAMES.contains(&last))
        || is_region(words)
    {
        Label::Loc
    } else {
        Label::Gpe
    }
}

/// "Latin America", "Central Asia", "Middle East", but not "South Africa".
fn is_region(words: &[&str]) -> bool {
    words.len() == 2
        && REGION_QUALIFIERS.contains(&words[0])
        && CONTINENTS.contains(&words[1])
        && countries::table().lookup(&words.join(" ")).is_none()
}

/// MISC splits into LANGUAGE, LAW, EVENT and NORP where the words say so.
fn misc_label(words: &[&str]) -> Label {
    let last = words.last().copied().unwrap_or("");
    let has = |list: &[&str]| words.len() > 1 && words.iter().any(|w| list.contains(w));
    if words.len() == 1 && LANGUAGES.contains(&last) {
        Label::Language
    } else if is_party_convention(words) {
        Label::Event
    } else if has(LAW_WORDS) {
        Label::Law
    } else if has(EVENT_WORDS) {
        Label::Event
    } else if words.len() <= 3 && (NORP_WORDS.contains(&last) || is_demonym(last)) {
        Label::Norp
    } else {
        Label::Misc
    }
}

/// A party's national convention is a gathering ("Democratic National
/// Convention"), not a treaty like the "Geneva Convention".
fn is_party_convention(words: &[&str]) -> bool {
    words.len() >= 2
        && words.last() == Some(&"Convention")
        && words[..words.len() - 1]
            .iter()
            .any(|w| *w == "National" || NORP_WORDS.contains(w))
}

/// "Russian", "Korean", "Japanese", "Ukrainians": adjectives and plurals of
/// nationality, recognised by their endings (the tagger has already said the
/// word is a MISC name, so "Jordan" or "Bahrain" do not get here as LOC).
fn is_demonym(w: &str) -> bool {
    let stem = w.strip_suffix('s').unwrap_or(w);
    let by_ending = stem.chars().next().is_some_and(char::is_uppercase)
        && stem.len() > 3
        && ["an", "ese", "ish", "ian", "ean", "i", "ic"]
            .iter()
            .any(|s| stem.ends_with(s));
    // Demonyms without those endings ("Turks", "Thai", "Swiss") from the country list.
    by_ending || matches!(countries::table().lookup(w), Some((_, Relation::Demonym)))
}

/// "Sen. Jane Roe ([D-N.Y].)", "Roe, [D-Mass]., said": a party-and-state
/// label set off after a name is no organisation (the roles stage reads
/// the state from it). Only a label alone in its parenthesis or commas.
fn drop_party_labels(words: &[&str], names: &mut Vec<(usize, usize, Label)>) {
    names.retain(|&(a, b, _)| {
        let label = b == a + 1 && a > 0 && matches!(words[a - 1], "(" | ",");
        !label || parties::party_state(words[a]).is_none_or(|p| p.state_at.is_none() && words[a - 1] != "(")
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streets_are_facilities_whatever_the_tagger_typed() {
        assert!(STREET_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(label(EntityType::Org, &["Dresden", "Drive"]), Label::Fac);
        assert_eq!(label(EntityType::Per, &["Ellijay", "Drive"]), Label::Fac);
        assert_eq!(label(EntityType::Loc, &["Peachtree", "Road"]), Label::Fac);
        assert_eq!(label(EntityType::Org, &["Wilshire", "Boulevard"]), Label::Fac);
        // Counter-cases: names that end like a street but are a person, a
        // market or an industry; one word.
        assert_eq!(label(EntityType::Per, &["Nathan", "Lane"]), Label::Person);
        assert_eq!(label(EntityType::Per, &["Picabo", "Street"]), Label::Person);
        assert_eq!(label(EntityType::Org, &["Silk", "Road"]), Label::Org);
        assert_eq!(label(EntityType::Org, &["Wall", "Street"]), Label::Org);
        assert_eq!(label(EntityType::Org, &["Road"]), Label::Org);
    }

    #[test]
    fn locations_split_into_gpe_and_loc() {
        assert_eq!(label(EntityType::Loc, &["Vladivostok"]), Label::Gpe);
        assert_eq!(label(EntityType::Loc, &["North", "Korea"]), Label::Gpe);
        assert_eq!(
            label(EntityType::Loc, &["Mississippi", "River"]),
            Label::Loc
        );
        assert_eq!(label(EntityType::Loc, &["Europe"]), Label::Loc);
        assert_eq!(label(EntityType::Loc, &["Midwest"]), Label::Loc);
        assert_eq!(label(EntityType::Loc, &["Middle", "East"]), Label::Loc);
        assert_eq!(label(EntityType::Loc, &["Latin", "America"]), Label::Loc);
        // A country whose name reads like a region stays a polity.
        assert_eq!(label(EntityType::Loc, &["South", "Africa"]), Label::Gpe);
        assert_eq!(label(EntityType::Loc, &["East", "Timor"]), Label::Gpe);
    }

    #[test]
    fn counties_and_provinces_are_polities_whatever_the_tagger_said() {
        assert_eq!(label(EntityType::Org, &["Vigo", "County"]), Label::Gpe);
        assert_eq!(label(EntityType::Loc, &["Helmand", "Province"]), Label::Gpe);
        // Not a bare word, not a person, not an organisation named after the county.
        assert_eq!(label(EntityType::Org, &["County"]), Label::Org);
        assert_eq!(
            label(EntityType::Org, &["Orange", "County", "Register"]),
            Label::Org
        );
        assert_eq!(
            label(EntityType::Org, &["Council", "of", "Orange", "County"]),
            Label::Org
        );
        // A known miss: a football club named after its county ("Notts County")
        // reads as the county; US news names counties far more often than clubs.
        assert_eq!(label(EntityType::Org, &["Notts", "County"]), Label::Gpe);
    }

    #[test]
    fn a_people_or_faith_in_the_plural_is_a_group_whatever_its_type() {
        for ty in [EntityType::Per, EntityType::Org, EntityType::Loc, EntityType::Misc] {
            assert_eq!(label(ty, &["Latinos"]), Label::Norp, "{ty:?}");
        }
        // Counter-case: a singular may be a person's name ("Christian Bale").
        assert_eq!(label(EntityType::Per, &["Christian"]), Label::Person);
        // Untagged groups are added; words inside a name are left alone.
        let words = ["Latinos", "and", "Grupo", "Hispanics", "backed", "Muslims"];
        let mut names = vec![(2, 4, Label::Org)];
        add_groups(&words, &mut names);
        assert_eq!(names, [(0, 1, Label::Norp), (2, 4, Label::Org), (5, 6, Label::Norp)]);
    }

    #[test]
    fn a_capitalised_run_ending_in_a_laws_head_is_a_law() {
        let words = "Republicans want to repeal the Affordable Care Act and the Paris Climate Agreement".split(' ').collect::<Vec<_>>();
        let mut names = vec![(0, 1, Label::Norp), (5, 8, Label::Org), (10, 11, Label::Gpe)];
        add_laws(&words, &mut names);
        assert_eq!(names, [(0, 1, Label::Norp), (5, 8, Label::Law), (10, 13, Label::Law)]);
        // Counter-cases: a line in title case; a sentence-initial verb; a
        // name that reaches past the head stays as it is.
        for line in ["Senate Passes New Budget Act", "Act now , he said", "the Act Corp. board met"] {
            let words = line.split(' ').collect::<Vec<_>>();
            let mut names = vec![(1, 3, Label::Org)];
            add_laws(&words, &mut names);
            assert_eq!(names, [(1, 3, Label::Org)], "{line}");
        }
        // A bill is a law in the making; a person called Bill is not.
        let words = "critics of the Online Safety Bill met Uncle Bill and Senator Bill".split(' ').collect::<Vec<_>>();
        let mut names = vec![(3, 6, Label::Org), (7, 9, Label::Person)];
        add_laws(&words, &mut names);
        assert_eq!(names, [(3, 6, Label::Law), (7, 9, Label::Person)]);
    }

    #[test]
    fn misc_splits_into_norp_and_others() {
        assert_eq!(label(EntityType::Misc, &["Russian"]), Label::Norp);
        assert_eq!(label(EntityType::Misc, &["North", "Korean"]), Label::Norp);
        assert_eq!(label(EntityType::Misc, &["Western"]), Label::Norp);
        assert_eq!(label(EntityType::Misc, &["English"]), Label::Language);
        assert_eq!(label(EntityType::Misc, &["World", "Cup"]), Label::Event);
        assert_eq!(label(EntityType::Misc, &["Patriot", "Act"]), Label::Law);
        assert_eq!(label(EntityType::Misc, &["Geneva", "Convention"]), Label::Law);
        assert_eq!(
            label(EntityType::Misc, &["Democratic", "National", "Convention"]),
            Label::Event
        );
        assert_eq!(label(EntityType::Misc, &["Ottoman", "Turks"]), Label::Norp);
        assert_eq!(label(EntityType::Misc, &["Thai"]), Label::Norp);
        assert_eq!(label(EntityType::Misc, &["iPhone"]), Label::Misc);
    }
}

/// A title inside a tagged name: "Ministry Spokesperson Matthew Miller" is a
/// prefix ("Ministry"), a role ("Spokesperson") and a person ("Matthew Miller").
#[derive(Debug, PartialEq, Eq)]
pub struct TitleSplit {
    /// The label for the words before the role, if they name something.
    pub prefix_label: Option<Label>,
    /// Token offsets within the name.
    pub role_start: usize,
    pub name_start: usize,
}

/// Prefixes too generic to be a name on their own.
const GENERIC_PREFIXES: &[&str] = &[
    "Ministry",
    "Department",
    "Government",
    "Office",
    "Agency",
    "Council",
    "Party",
    "Army",
    "Police",
    "Team",
    "Club",
    "Company",
    "Firm",
    "Bank",
];
/// Words that make the tail an organisation, not a person.
const ORG_TAIL_WORDS: &[&str] = &[
    "Co",
    "Co.",
    "Corp",
    "Corp.",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Bank",
    "Group",
    "Motors",
    "Electric",
    "Council",
    "Committee",
    "Ministry",
    "Department",
    "Agency",
    "University",
    "Association",
    "Party",
];

/// Finds a role head followed by a personal name inside a tagged name.
#[inline(never)]
pub fn split_title(words: &[&str], label: Label) -> Option<TitleSplit> {
    if words.len() < 2 || !matches!(label, Label::Person | Label::Org | Label::Misc) {
        return None;
    }
    // The last role head that is followed only by a personal name.
    let head = (0..words.len() - 1)
        .rev()
        .find(|&k| roles::is_title(words[k]) && is_personal_name(&words[k + 1..]))?;
    let tail = &words[head + 1..];
    if tail.iter().any(|w| ORG_TAIL_WORDS.contains(w)) {
        return None;
    }
    // "Dean Baquet": a given name that is also a title, before a surname, is the name.
    if head == 0
        && tail.len() == 1
        && !roles::is_honorific(words[0])
        && !ROYAL_TITLES.contains(&words[0])
        && crate::lexicon::gender::of_name(&words.join(" ")).is_some()
    {
        return None;
    }
    let role_start = roles::phrase_start(|i| words[i], head, 0, usize::MAX, false);
    // An organisation's name starting with a title ("General Electric") is
    // no person; a whole role phrase before a full name ("Labour MP Chi
    // Onwurah", "Supreme Court Justice Ruth Bader Ginsburg") is.
    let misc_title = label == Label::Misc && role_start == 0;
    if label != Label::Person && (head == 0 || tail.len() < 2 || misc_title) {
        return None;
    }
    let prefix = &words[..role_start];
    let prefix_label = match prefix {
        [] => None,
        [w] if GENERIC_PREFIXES.contains(w) => None,
        _ => Some(affiliation_label(prefix)),
    };
    Some(TitleSplit {
        prefix_label,
        role_start,
        name_start: head + 1,
    })
}

/// Titles that are titles even where they are also given names ("Prince
/// Charles", "King Abdullah"; but "Dean Baquet" is a name).
const ROYAL_TITLES: &[&str] = &[
    "Emir", "King", "Pope", "Prince", "Princess", "Queen", "Sheikh", "Sultan",
];

/// Lowercase particles inside personal names ("Bill de Blasio", "Ludwig van
/// Beethoven"). Sorted.
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "ten", "ter", "van", "von", "y", "zu",
];

/// Whether `words` can be a personal name: capitalised words, with name
/// particles ("de", "van") inside but not at either end.
fn is_personal_name(words: &[&str]) -> bool {
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    capitalised(first)
        && capitalised(last)
        && words
            .iter()
            .all(|w| capitalised(w) || NAME_PARTICLES.binary_search(w).is_ok())
}

/// The label of the words before a title ("Russian" in "Russian President",
/// "State Department" in "State Department Spokesperson"): a nationality, a
/// country, or else an organisation.
fn affiliation_label(words: &[&str]) -> Label {
    match countries::table().lookup(&words.join(" ")).map(|(_, r)| r) {
        Some(Relation::Demonym) => Label::Norp,
        Some(_) => Label::Gpe,
        None => Label::Org,
    }
}

/// Repairs names from the words around them. Names the tagger cut through
/// a title such as "Secretary of State": a name never ends with a role noun
/// ("U.S. Secretary" is a country and a title), and a name right after
/// "<role> of" starts with the rest of the title ("[Secretary of] State
/// Antony Blinken" is a person, Antony Blinken). Then organisations cut
/// short are made whole ([`extend_organisations`]) and the nouns beside a
/// name say what it is ([`label_by_context`]).
#[inline(never)]
pub fn repair_titles(words: &[&str], names: &mut Vec<(usize, usize, Label)>) {
    let mut out = Vec::with_capacity(names.len());
    for &(a, b, label) in names.iter() {
        if !matches!(label, Label::Person | Label::Org | Label::Misc) {
            out.push((a, b, label));
            continue;
        }
        let after_title_of = a >= 2 && words[a - 1] == "of" && roles::is_title(words[a - 2]);
        // "[Secretary of] State Antony Blinken": the title's portfolio, then the person.
        // A name never starts lower case: "[State] for International Organisations" is no person.
        let portfolio = (1..=3).rev().find(|&n| {
            a + n < b
                && roles::is_portfolio(&words[a..a + n])
                && words[a + n].starts_with(char::is_uppercase)
        });
        if let (true, Some(n)) = (after_title_of, portfolio) {
            out.push((a + n, b, Label::Person));
        } else if b - a >= 2
            && roles::is_head(words[b - 1])
            // "Mary King", "Rob Bishop": a surname that is also a title.
            && crate::lexicon::gender::of_name(&words[a..b].join(" ")).is_none()
        {
            let end = roles::phrase_start(|i| words[i], b - 1, a, usize::MAX, false);
            if end > a {
                out.push((a, end, affiliation_label(&words[a..end])));
            }
        } else {
            out.push((a, b, label));
        }
    }
    *names = out;
    org_names::join_broken(words, names);
    org_names::extend(words, names);
    org_names::extend_over_preposition(words, names);
    label_by_context(words, names);
    drop_party_labels(words, names);
}

/// The nouns beside a name say what it is: "the gas company Peoples Gas",
/// "Peoples Gas, the gas company," and "the news site Axios" are
/// organisations; "the film Sunrise" and "her memoir \"Becoming\"" are works.
/// A person's name of two words or more keeps its label unless it is
/// quoted as a title ("the company Jane Roe founded" is about Jane Roe).
fn label_by_context(words: &[&str], names: &mut [(usize, usize, Label)]) {
    let quote = |w: &str| matches!(w, "\"" | "“" | "”" | "'" | "‘" | "’");
    for (a, b, label) in names.iter_mut() {
        if !matches!(*label, Label::Person | Label::Misc | Label::Gpe | Label::Org) {
            continue;
        }
        let quoted = *a > 0 && quote(words[*a - 1]) && words.get(*b).is_some_and(|w| quote(w));
        let before = match a.checked_sub(1) {
            Some(k) if quote(words[k]) => k.checked_sub(1).map(|k| words[k]),
            Some(k) => Some(words[k]),
            None => None,
        };
        let personal = *label == Label::Person
            && !quoted
            && (*b - *a >= 2 || crate::lexicon::gender::of_name(&words[*a..*b].join(" ")).is_some());
        // An organisation or place becomes a work only when quoted as a title.
        let may_be_work = quoted || matches!(*label, Label::Person | Label::Misc);
        if before.is_some_and(names::is_work_noun) && !personal && may_be_work {
            *label = Label::WorkOfArt;
        } else if *label != Label::Org
            && !personal
            && (before.is_some_and(names::is_org_noun) || called_organisation(words, *b))
        {
            *label = Label::Org;
        }
    }
}

/// "Peoples Gas, the gas company,", "Meta, the parent company of
/// Facebook,": an appositive after the name at `b` whose head calls it an
/// organisation.
fn called_organisation(words: &[&str], b: usize) -> bool {
    if words.get(b) != Some(&",") || !words.get(b + 1).is_some_and(|w| matches!(*w, "a" | "an" | "the")) {
        return false;
    }
    let phrase = &words[b + 2..words.len().min(b + 6)];
    let end = phrase
        .iter()
        .position(|w| !w.starts_with(char::is_alphanumeric))
        .unwrap_or(phrase.len());
    // The appositive ends at its head: "..., the pressure group Human Rights
    // Watch said" names another organisation; or its head comes before
    // "of": "Meta, the parent company of Facebook,".
    // Not "the site of" (a place) nor "a group of" (a number of people).
    if let Some(of) = phrase[..end].iter().position(|w| *w == "of") {
        return of > 0 && names::is_org_noun(phrase[of - 1]) && !matches!(phrase[of - 1], "group" | "site");
    }
    let closed = words
        .get(b + 2 + end)
        .is_none_or(|w| !w.starts_with(char::is_alphanumeric));
    end > 0 && closed && names::is_org_noun(phrase[end - 1])
}

#[cfg(test)]
mod split_tests {
    use super::*;

    fn split(s: &str, label: Label) -> Option<(Option<Label>, Vec<String>)> {
        let w: Vec<&str> = s.split(' ').collect();
        split_title(&w, label).map(|t| {
            (
                t.prefix_label,
                vec![
                    w[t.role_start..t.name_start].join(" "),
                    w[t.name_start..].join(" "),
                ],
            )
        })
    }

    #[test]
    fn titles_split_off_names() {
        assert_eq!(
            split("Ministry Spokesperson Matthew Miller", Label::Org),
            Some((None, vec!["Spokesperson".into(), "Matthew Miller".into()]))
        );
        assert_eq!(
            split("Russian President Vladimir Putin", Label::Person),
            Some((
                Some(Label::Norp),
                vec!["President".into(), "Vladimir Putin".into()]
            ))
        );
        assert_eq!(
            split("State Department Spokesperson Matthew Miller", Label::Org)
                .unwrap()
                .0,
            Some(Label::Org)
        );
        assert_eq!(
            split("Prime Minister Boris Johnson", Label::Person)
                .unwrap()
                .1[0],
            "Prime Minister"
        );
    }

    #[test]
    fn titles_with_of_are_repaired() {
        let w: Vec<&str> = "U.S. Secretary of State Antony Blinken met"
            .split(' ')
            .collect();
        let mut names = vec![(0, 2, Label::Person), (3, 6, Label::Org)];
        repair_titles(&w, &mut names);
        assert_eq!(names, [(0, 1, Label::Gpe), (4, 6, Label::Person)]);
        // After "editor of", a name is an organisation's, not a person's.
        let w: Vec<&str> = "the executive editor of The New York Times said"
            .split(' ')
            .collect();
        let mut names = vec![(4, 8, Label::Org)];
        repair_titles(&w, &mut names);
        assert_eq!(names, [(4, 8, Label::Org)]);
    }

    #[test]
    fn a_word_left_out_inside_an_organisation_is_joined() {
        let w: Vec<&str> = "White House National Security Council Spokesperson Adrienne Watson"
            .split(' ')
            .collect();
        let mut names = vec![
            (0, 2, Label::Gpe),
            (3, 5, Label::Org),
            (6, 8, Label::Person),
        ];
        repair_titles(&w, &mut names);
        assert_eq!(names, [(0, 5, Label::Org), (6, 8, Label::Person)]);
        let w: Vec<&str> = "U.S. State Department".split(' ').collect();
        let mut names = vec![(0, 1, Label::Gpe), (1, 3, Label::Org)];
        repair_titles(&w, &mut names);
        assert_eq!(names.len(), 2, "adjacent names stay apart");
    }

    #[test]
    fn name_particles_stay_inside_a_name() {
        assert_eq!(
            split("Mayor Bill de Blasio", Label::Person).unwrap().1,
            ["Mayor", "Bill de Blasio"]
        );
        assert!(is_personal_name(&["Ludwig", "van", "Beethoven"]));
        assert!(!is_personal_name(&["de", "Blasio"]) && !is_personal_name(&["Blasio", "de"]));
        assert!(NAME_PARTICLES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_given_name_that_is_a_title_starts_a_name() {
        assert_eq!(split("Dean Baquet", Label::Person), None);
        assert!(split("Judge Roe", Label::Person).is_some());
    }

    #[test]
    fn organisations_named_like_titles_stay_whole() {
        assert_eq!(split("General Electric", Label::Org), None);
        assert_eq!(split("General Motors Co", Label::Org), None);
        assert_eq!(split("Vladimir Putin", Label::Person), None);
        assert_eq!(split("Prime Minister Question Time", Label::Misc), None);
    }

    #[test]
    fn a_role_phrase_before_a_full_name_in_an_organisation_is_a_person() {
        assert_eq!(
            split("Labour MP Chi Onwurah", Label::Org),
            Some((None, vec!["Labour MP".into(), "Chi Onwurah".into()]))
        );
    }
}
