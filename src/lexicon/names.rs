//! Words that say what kind of thing a name is: the last words of
//! organisations' names ("Acme Robotics", "Premier League", "Walt Disney
//! Co."), of facilities ("the Texas Capitol", "Dulles Airport"), and the
//! common nouns that call the name beside them an organisation ("the gas
//! company Peoples Gas", "the news site Axios") or a work ("the film
//! Sunrise", "her memoir \"Becoming\""). Used to label names and to
//! extend a name the tagger cut short ("Texas [State Police]").

use super::holds;

/// Last words of organisations' names, as written (capitalised).
const ORG_HEADS: &[&str] = &[
    "Academy", "Agency", "Airlines", "Airways", "Assembly", "Association", "Authority", "Bureau",
    "Caucus", "Chronicle", "Clinic", "Club", "Co", "Co.", "College", "Commission", "Committee",
    "Company", "Congress", "Corp", "Corp.", "Corporation", "Council", "Department",
    "Entertainment", "FC", "Federation", "Foundation", "Gazette", "Group", "Guard", "Herald",
    "Holdings", "Hospital", "Inc", "Inc.", "Institute", "Institution", "Journal", "LLC", "Labs",
    "League", "Legislature", "Ltd", "Ltd.", "Magazine", "Media", "Ministry", "Motors", "Network",
    "News", "Office", "Parliament", "Partners", "Party", "Pictures", "Plc", "Police", "Post",
    "Records", "Robotics", "School", "Senate", "Service", "Studios", "Systems", "Technologies",
    "Times", "Tribune", "University",
];

/// Suffixes of company names a tagger may leave outside the name ("Walt
/// Disney [Co.]").
const CORPORATE_SUFFIXES: &[&str] = &[
    "AG", "Co", "Co.", "Corp", "Corp.", "GmbH", "Inc", "Inc.", "LLC", "Ltd", "Ltd.", "PLC", "Plc",
];

/// Words a company's full name adds to the short name the story goes on to
/// use: "Acme [Robotics Inc.]", "Peabody [Energy]", "Hofstra [University]".
/// Lowercase and sorted. A body's other words ("Committee", "Department",
/// "Stadium", "Nightly News") make another body, not a longer name.
const COMPANY_WORDS: &[&str] = &[
    "ag", "airlines", "airways", "bancorp", "brands", "co", "co.", "coal", "college",
    "communications", "company", "corp", "corp.", "corporation", "energy", "entertainment",
    "financial", "gmbh", "group", "holdings", "inc", "inc.", "industries", "labs", "llc", "ltd",
    "ltd.", "media", "mining", "motor", "motors", "news", "pharmaceuticals", "pictures", "plc",
    "records", "robotics", "studios", "systems", "technologies", "university",
];

/// Last words of facilities' names: buildings, airports, roads, bridges.
const FACILITY_HEADS: &[&str] = &[
    "Airport", "Arena", "Avenue", "Boulevard", "Bridge", "Building", "Capitol", "Cathedral",
    "Church", "Dam", "Highway", "Mosque", "Palace", "Plaza", "Prison", "Square", "Stadium",
    "Station", "Street", "Temple", "Tower", "Tunnel",
];

/// Common nouns that call the name beside them an organisation. Lowercase and sorted.
const ORG_NOUNS: &[&str] = &[
    "agency", "airline", "bank", "broadcaster", "chain", "charity", "company", "conglomerate",
    "corporation", "firm", "group", "magazine", "network", "newspaper", "nonprofit", "outlet",
    "publication", "site", "startup", "studio", "union", "utility", "website",
];

/// Common nouns that call the name after them a work. Lowercase and sorted.
const WORK_NOUNS: &[&str] = &[
    "album", "biography", "book", "documentary", "drama", "episode", "film", "memoir", "movie",
    "musical", "novel", "opera", "painting", "podcast", "poem", "series", "sitcom", "song",
    "thriller",
];

/// Whether a name's last word makes it an organisation ("Robotics", "League", "Co.").
pub fn is_org_head(word: &str) -> bool {
    ORG_HEADS.binary_search(&word).is_ok()
}

/// Whether `word` is one a company's full name adds to its short name
/// ("Robotics", "Inc.", "Energy"), in any case.
pub fn is_company_word(word: &str) -> bool {
    holds(COMPANY_WORDS, word)
}

/// Whether `word` is a company suffix ("Co.", "Inc.", "Ltd").
pub fn is_corporate_suffix(word: &str) -> bool {
    CORPORATE_SUFFIXES.binary_search(&word).is_ok()
}

/// Whether a name's last word makes it a facility ("Capitol", "Airport").
pub fn is_facility_head(word: &str) -> bool {
    FACILITY_HEADS.binary_search(&word).is_ok()
}

/// Whether a common noun calls the name beside it an organisation ("company", "website").
pub fn is_org_noun(word: &str) -> bool {
    holds(ORG_NOUNS, word)
}

/// Whether a common noun calls the name after it a work ("film", "memoir").
pub fn is_work_noun(word: &str) -> bool {
    holds(WORK_NOUNS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted_for_their_binary_search() {
        for list in [ORG_HEADS, CORPORATE_SUFFIXES, FACILITY_HEADS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        for list in [ORG_NOUNS, WORK_NOUNS, COMPANY_WORDS] {
            assert!(crate::lexicon::is_sorted_lowercase(list));
        }
    }

    #[test]
    fn kinds_of_names() {
        assert!(is_org_head("Robotics") && is_org_head("League") && is_org_head("Co."));
        assert!(!is_org_head("robotics") && !is_org_head("Capitol"));
        assert!(is_corporate_suffix("Inc.") && !is_corporate_suffix("Group"));
        assert!(is_company_word("Robotics") && is_company_word("inc.") && !is_company_word("Committee"));
        assert!(is_facility_head("Capitol") && is_org_noun("Company") && is_work_noun("film"));
    }
}
