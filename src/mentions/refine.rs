//! From CoNLL's four types to OntoNotes labels: LOC becomes GPE (countries,
//! cities, states) unless it names a natural or regional feature; MISC
//! becomes NORP for nationalities and groups, EVENT, LAW or LANGUAGE where the
//! words say so, and stays MISC otherwise.

use crate::analysis::Label;
use crate::ner::EntityType;

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
];
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
];

/// The OntoNotes label for a name the tagger typed `ty`, made of `words`.
pub fn label(ty: EntityType, words: &[&str]) -> Label {
    let last = words.last().copied().unwrap_or("");
    match ty {
        EntityType::Per => Label::Person,
        EntityType::Org => Label::Org,
        EntityType::Loc => {
            if LOC_HEADS.contains(&last) || (words.len() == 1 && LOC_NAMES.contains(&last)) {
                Label::Loc
            } else {
                Label::Gpe
            }
        }
        EntityType::Misc => {
            if words.len() == 1 && LANGUAGES.contains(&last) {
                Label::Language
            } else if words.iter().any(|w| LAW_WORDS.contains(w)) && words.len() > 1 {
                Label::Law
            } else if words.iter().any(|w| EVENT_WORDS.contains(w)) && words.len() > 1 {
                Label::Event
            } else if words.len() <= 3 && (NORP_WORDS.contains(&last) || is_demonym(last)) {
                Label::Norp
            } else {
                Label::Misc
            }
        }
    }
}

/// "Russian", "Korean", "Japanese", "Ukrainians": adjectives and plurals of
/// nationality, recognised by their endings (the tagger has already said the
/// word is a MISC name, so "Jordan" or "Bahrain" do not get here as LOC).
fn is_demonym(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    w.chars().next().is_some_and(char::is_uppercase)
        && w.len() > 3
        && ["an", "ese", "ish", "ian", "ean", "i", "ic"]
            .iter()
            .any(|s| w.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_split_into_gpe_and_loc() {
        assert_eq!(label(EntityType::Loc, &["Vladivostok"]), Label::Gpe);
        assert_eq!(label(EntityType::Loc, &["North", "Korea"]), Label::Gpe);
        assert_eq!(
            label(EntityType::Loc, &["Mississippi", "River"]),
            Label::Loc
        );
        assert_eq!(label(EntityType::Loc, &["Europe"]), Label::Loc);
    }

    #[test]
    fn misc_splits_into_norp_and_others() {
        assert_eq!(label(EntityType::Misc, &["Russian"]), Label::Norp);
        assert_eq!(label(EntityType::Misc, &["North", "Korean"]), Label::Norp);
        assert_eq!(label(EntityType::Misc, &["Western"]), Label::Norp);
        assert_eq!(label(EntityType::Misc, &["English"]), Label::Language);
        assert_eq!(label(EntityType::Misc, &["World", "Cup"]), Label::Event);
        assert_eq!(label(EntityType::Misc, &["Patriot", "Act"]), Label::Law);
        assert_eq!(label(EntityType::Misc, &["iPhone"]), Label::Misc);
    }
}
