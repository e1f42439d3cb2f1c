//! A name's other forms in the same article, joined to it: a person's
//! shorter name ("Putin", "Vice President Roe" for "Jane Roe"), an acronym
//! ("UN", "WHO" without a parenthesis), a company's short name ("Acme" after
//! "Acme Robotics Inc."), a body or building named again without its
//! qualifier ("the Security Council" after "the UN Security Council", "the
//! Capitol" after "the Texas Capitol"), and spelling variants of a
//! transliterated name ("Zelensky", "Zelenskiy"). Each join needs one clear
//! candidate: two that fit leave the short form alone.

use super::{sized_map, sized_set, CountryRef, UnionFind};
use crate::analysis::{Label, Mention, MentionKind};
use crate::doc::Doc;
use crate::lexicon::gender::{self, Gender};
use crate::lexicon::roles;
use crate::lexicon::{countries, names};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;

/// Joins every kind of alias; `norms` holds each mention's normalised name.
#[inline(never)]
pub(super) fn join(
    doc: &Doc,
    mentions: &mut [Mention],
    norms: &[&str],
    honorifics: &[Option<Gender>],
    sets: &mut UnionFind,
    country_of: &[CountryRef],
) {
    relabel_titled(doc, mentions, norms);
    join_short_person_names(mentions, norms, honorifics, sets, country_of);
    join_acronyms(doc.text, mentions, sets, country_of);
    join_short_org_names(mentions, norms, sets, country_of);
    join_unqualified_names(mentions, norms, sets, country_of);
}

/// Joins a company's short name to its full one: "Acme" after "Acme
/// Robotics Inc.", "Peabody" after "Peabody Energy". The short name is the
/// first words of exactly one longer organisation's name, and the words
/// the long name adds are a company's ("Robotics", "Inc.", "Energy"; see
/// [`names::is_company_word`]) or a complement of a body's head ("Peterson
/// Institute [for International Economics]"): "the Senate" is not "the
/// Senate Armed Services Committee", nor "NBC" "NBC Nightly News". A
/// one-word name the tagger took for a person is the company's when no
/// person of the article carries it. MISC names ("Basque") are left alone.
#[inline(never)]
fn join_short_org_names(
    mentions: &mut [Mention],
    norms: &[&str],
    sets: &mut UnionFind,
    country_of: &[CountryRef],
) {
    // Distinct multi-word organisation names (one mention each: mentions of
    // one name are one set already) by first word.
    let mut by_first: HashMap<&str, Vec<usize>> = sized_map(mentions.len());
    let mut seen: HashSet<&str> = sized_set(mentions.len());
    let mut person_words: HashSet<&str> = sized_set(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        if !matches!(m.label, Label::Org | Label::Person) {
            continue;
        }
        let Some((first, rest)) = split_at_space(norms[i]) else {
            continue;
        };
        if m.label == Label::Org {
            if seen.insert(norms[i]) {
                by_first.entry(first).or_default().push(i);
            }
        } else {
            person_words.insert(first);
            person_words.extend(rest.split(' '));
        }
    }
    let eligible = |i: usize| {
        let (m, short) = (&mentions[i], norms[i]);
        let person = m.label == Label::Person && m.kind == MentionKind::Name;
        let kind = m.label == Label::Org || person && !short.as_bytes().contains(&b' ') && !person_words.contains(short);
        kind && !short.is_empty() && country_of[i].is_none()
    };
    // Longer names first, so that "Acme Robotics" joins "Acme Robotics Inc."
    // before "Acme" looks for its one candidate.
    let mut order: Vec<usize> = (0..mentions.len()).filter(|&i| eligible(i)).collect();
    order.sort_by_cached_key(|&i| std::cmp::Reverse(norms[i].bytes().filter(|&b| b == b' ').count()));
    // Each short name decided once: the long name it joins, if any.
    let mut decided: HashMap<&str, Option<usize>> = sized_map(mentions.len());
    for i in order {
        let short = norms[i];
        let join = *decided
            .entry(short)
            .or_insert_with(|| company_of(short, &by_first, norms, sets));
        if let Some(j) = join {
            sets.union(j, i);
            mentions[i].label = Label::Org;
        }
    }
}

/// `s` split at its first space: `str::split_once` by bytes, as names are
/// short and a space is one byte.
fn split_at_space(s: &str) -> Option<(&str, &str)> {
    let k = s.as_bytes().iter().position(|&b| b == b' ')?;
    Some((&s[..k], &s[k + 1..]))
}

/// The one longer organisation name that starts with `short` and adds a
/// company's words to it; `None` when there is none, or more than one.
fn company_of(
    short: &str,
    by_first: &HashMap<&str, Vec<usize>>,
    norms: &[&str],
    sets: &mut UnionFind,
) -> Option<usize> {
    let first = short.split(' ').next().unwrap_or("");
    let candidates = by_first.get(first).map_or(&[][..], |v| &v[..]);
    let longer = |j: &usize| {
        norms[*j].len() > short.len()
            && norms[*j].starts_with(short)
            && norms[*j].as_bytes()[short.len()] == b' '
    };
    // Every longer name counts for ambiguity; only a company's joins.
    let root = one_root(sets, candidates.iter().copied().filter(longer))?;
    candidates
        .iter()
        .copied()
        .filter(|j| longer(j))
        .take(MAX_CANDIDATES)
        .find(|&j| sets.find(j) == root && adds_company_words(short, &norms[j][short.len() + 1..]))
}

/// Whether `added`, the words a long name has after its short form
/// `short`, make a company's full name ("Robotics Inc.") or complete a
/// body's head ("Peterson Institute" + "for International Economics").
fn adds_company_words(short: &str, added: &str) -> bool {
    let short_head = short.rsplit(' ').next().unwrap_or("");
    let complement = added.starts_with("for ") || added.starts_with("of ");
    if complement && names::is_org_head(&capitalised(short_head)) {
        return true;
    }
    added.split(' ').all(names::is_company_word)
}

/// "institute" -> "Institute": the org-head list is written capitalised.
fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Joins a body or building named again without the place or body that
/// qualified it: "the Security Council" after "the UN Security Council",
/// "the Capitol" after "the Texas Capitol", "the Post" after "the
/// Washington Post". The qualifier is a country (or its demonym or
/// capital), an acronym, or a place the article names; the short form
/// comes after the long one and fits exactly one long name.
#[inline(never)]
fn join_unqualified_names(
    mentions: &mut [Mention],
    norms: &[&str],
    sets: &mut UnionFind,
    country_of: &[CountryRef],
) {
    let mut places: HashSet<&str> = sized_set(mentions.len());
    places.extend(
        (0..mentions.len())
            .filter(|&i| matches!(mentions[i].label, Label::Gpe | Label::Loc | Label::Norp))
            .map(|i| norms[i]),
    );
    let countries = countries::table();
    // Long names by what is left without their qualifier: organisations
    // and buildings only. A place, a group of people or a compound
    // ("Virginia Democrats", "Australia-West Indies") is no qualified body.
    let body = |m: &Mention| matches!(m.label, Label::Org | Label::Fac);
    let mut by_rest: HashMap<&str, Vec<usize>> = sized_map(mentions.len());
    // Only what some mention is named is worth a qualifier's look-up.
    let mut shorts: HashSet<&str> = sized_set(mentions.len());
    shorts.extend((0..mentions.len()).filter(|&i| body(&mentions[i])).map(|i| norms[i]));
    let mut seen: HashSet<&str> = sized_set(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        // The cheap tests first: most mentions are no body.
        let named_short = || {
            norms[i]
                .match_indices(' ')
                .take(MAX_QUALIFIER)
                .any(|(cut, _)| shorts.contains(&norms[i][cut + 1..]))
        };
        if !body(m) || country_of[i].is_some() || !named_short() || !seen.insert(norms[i]) {
            continue;
        }
        let written: Vec<&str> = m.text.split_whitespace().filter(|w| !w.eq_ignore_ascii_case("the")).collect();
        for (q, (cut, _)) in norms[i].match_indices(' ').take(MAX_QUALIFIER).enumerate() {
            let (qualifier, rest) = (&norms[i][..cut], &norms[i][cut + 1..]);
            let qualifier_written = written.get(..=q).map(|w| w.join(" ")).unwrap_or_default();
            let qualifies = places.contains(qualifier)
                || countries.lookup(&qualifier_written).is_some()
                || is_acronym(&qualifier_written);
            if qualifies {
                by_rest.entry(rest).or_default().push(i);
            }
        }
    }
    for i in 0..mentions.len() {
        if !body(&mentions[i]) || country_of[i].is_some() {
            continue;
        }
        let Some(longer) = by_rest.get(norms[i]) else {
            continue;
        };
        let before = longer.iter().copied().filter(|&j| j < i);
        if let Some(root) = one_root(sets, before) {
            sets.union(root, i);
        }
    }
}

/// The most words a qualifier runs to ("UN", "New York").
const MAX_QUALIFIER: usize = 2;

/// "UN", "U.N.", "NYPD": capitals and dots only, two letters or more.
fn is_acronym(w: &str) -> bool {
    w.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
}

/// The one set the candidates belong to, if they all belong to one.
fn one_root(sets: &mut UnionFind, candidates: impl Iterator<Item = usize>) -> Option<usize> {
    let mut root = None;
    for j in candidates.take(MAX_CANDIDATES) {
        let r = sets.find(j);
        match root {
            None => root = Some(r),
            Some(x) if x != r => return None,
            _ => {}
        }
    }
    root
}

/// Joins a person's shorter name ("Putin", "Kim") to the one longer name
/// whose words contain all of its words. Ambiguous short forms stay alone,
/// and so does a short form whose honorific says another gender ("Mr.
/// Obama" is not "Michelle Obama"). Spelling variants of one name join
/// ("Zelensky", "Zelenskiy"; see [`spelling_key`]). A one-word organisation
/// or MISC name that is the surname of exactly one person in the article
/// ("Blinken told reporters" after "Antony Blinken") is that person: the
/// tagger saw too little context to say so.
#[inline(never)]
fn join_short_person_names(
    mentions: &mut [Mention],
    norms: &[&str],
    honorifics: &[Option<Gender>],
    sets: &mut UnionFind,
    country_of: &[CountryRef],
) {
    // Each person name's words, worked out once per normal form for both passes.
    let mut words: NameWords = sized_map(mentions.len());
    relabel_surnames(mentions, norms, country_of, &mut words);
    for (i, m) in mentions.iter().enumerate() {
        if m.label == Label::Person && m.kind == MentionKind::Name {
            words.entry(norms[i]).or_insert_with(|| words_of(norms[i]));
        }
    }
    // Each distinct person name (its words) gets an id in order of first
    // mention; later mentions of the same name spelled otherwise join it.
    // Ids index the names' first mentions and genders, so the candidate
    // scan below reads a vector instead of hashing word lists.
    let mut id_of: HashMap<&[Cow<str>], usize> = sized_map(words.len());
    let mut first_mention: Vec<usize> = Vec::new();
    let mut genders: Vec<Option<Gender>> = Vec::new();
    // Each distinct normalised name's id, so its words are worked out once.
    let mut id_by_norm: HashMap<&str, usize> = sized_map(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        if m.label != Label::Person || m.kind != MentionKind::Name {
            continue;
        }
        let known = id_by_norm.get(norms[i]).copied();
        let fresh = known.is_none();
        let id = known.unwrap_or_else(|| {
            let id = *id_of.entry(&words[norms[i]]).or_insert(first_mention.len());
            if id == first_mention.len() {
                first_mention.push(i);
                genders.push(None);
            } else {
                sets.union(first_mention[id], i);
            }
            id_by_norm.insert(norms[i], id);
            id
        });
        if genders[id].is_none() {
            // The given name's gender once per name; an honorific at any mention.
            let given = || fresh.then(|| gender::of_name(&m.text)).flatten();
            genders[id] = honorifics[i].or_else(given);
        }
    }
    let mut names: Vec<&[Cow<str>]> = vec![&[]; first_mention.len()];
    for (words, &id) in &id_of {
        names[id] = words;
    }
    join_contained_names(&names, &first_mention, &genders, sets);
}

/// Joins each person name to the one longer name (by its set) whose words
/// contain all of its words, unless their genders differ. `names` are the
/// distinct names' words, `first_mention` and `genders` theirs by index.
fn join_contained_names(
    names: &[&[Cow<str>]],
    first_mention: &[usize],
    genders: &[Option<Gender>],
    sets: &mut UnionFind,
) {
    let mut by_word: HashMap<&str, Vec<usize>> = sized_map(2 * names.len());
    for (n, words) in names.iter().enumerate() {
        for w in words.iter() {
            by_word.entry(w).or_default().push(n);
        }
    }
    // Longer names first: "Michael Bloomberg" joins "Michael R. Bloomberg"
    // before "Bloomberg" asks how many people it could be.
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&n| (std::cmp::Reverse(names[n].len()), first_mention[n]));
    for n in order {
        let words = names[n];
        let Some(first_word) = words.first() else {
            continue;
        };
        let gender = genders[n];
        // Distinct longer names (by their set) that contain every word of this one;
        // past two it is ambiguous, so the scan stops there.
        let longer_names = by_word
            .get(first_word.as_ref())
            .into_iter()
            .flatten()
            .take(MAX_CANDIDATES)
            .filter_map(|&l| {
                let longer = names[l];
                let other_gender = gender.is_some_and(|g| genders[l].is_some_and(|h| h != g));
                let contains = longer.len() > words.len() && words.iter().all(|w| longer.contains(w));
                (contains && !other_gender).then_some(first_mention[l])
            })
            .collect::<Vec<usize>>();
        // Ambiguous by the end of the article, a short name still means the
        // one person of that name introduced before its first use: a
        // relative who shares the surname comes in later under a full name.
        let first = first_mention[n];
        let introduced_before = longer_names.iter().copied().filter(|&j| j < first);
        let root = sets
            .sole_root(longer_names.iter().copied())
            .or_else(|| sets.sole_root(introduced_before));
        if let Some(root) = root {
            sets.union(root, first);
        }
    }
}

/// A one-word organisation or MISC name that ends one multi-word person
/// name and appears in no other is that person's surname: labelled PERSON.
#[inline(never)]
fn relabel_surnames<'n>(
    mentions: &mut [Mention],
    norms: &[&'n str],
    country_of: &[CountryRef],
    words: &mut NameWords<'n>,
) {
    // What may be relabelled: one-word organisation and MISC names.
    let candidate = |i: usize, m: &Mention| {
        matches!(m.label, Label::Org | Label::Misc) && country_of[i].is_none() && !m.text.contains(' ')
    };
    // An article without one needs no count of the person names' words.
    if !mentions.iter().enumerate().any(|(i, m)| candidate(i, m)) {
        return;
    }
    // Distinct multi-word person names, and how often each word ends one or
    // appears in one. A name repeated in the same normal form is split once.
    let mut full_norms: Vec<&str> = Vec::new();
    let mut norm_seen: HashSet<&str> = sized_set(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let multi_word = m.label == Label::Person && m.text.split_whitespace().nth(1).is_some();
        if multi_word && norm_seen.insert(norms[i]) {
            full_norms.push(norms[i]);
            words.entry(norms[i]).or_insert_with(|| words_of(norms[i]));
        }
    }
    let words = &*words;
    let mut full: Vec<&[Cow<str>]> = full_norms.iter().map(|n| &words[n][..]).collect();
    full.sort();
    full.dedup();
    let mut ends: HashMap<&str, usize> = sized_map(full.len());
    let mut appears: HashMap<&str, usize> = sized_map(2 * full.len());
    for name in &full {
        *ends
            .entry(name.last().map_or("", |w| w.as_ref()))
            .or_default() += 1;
        let mut seen: Vec<&str> = name.iter().map(|w| w.as_ref()).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            *appears.entry(w).or_default() += 1;
        }
    }
    for (i, m) in mentions.iter_mut().enumerate() {
        if candidate(i, m) {
            let key = spelling_key(norms[i]);
            let n_ends = ends.get(key.as_ref()).copied().unwrap_or(0);
            if n_ends >= 1 && appears.get(key.as_ref()).copied() == Some(n_ends) {
                m.label = Label::Person;
            }
        }
    }
}

/// Titles that, right before a one-word name, make it a person's: the
/// political offices a surname follows in news ("President Trump", "Mayor
/// Bloomberg"). Titles that also start organisations' names ("General",
/// "Major", "Coach") are not here.
const PERSONAL_TITLES: &[&str] = &[
    "Ambassador",
    "Chancellor",
    "Congressman",
    "Congresswoman",
    "Gov.",
    "Governor",
    "Mayor",
    "Minister",
    "Premier",
    "President",
    "Rep.",
    "Representative",
    "Secretary",
    "Sen.",
    "Senator",
];

/// A one-word organisation or MISC name that an honorific or a personal
/// title stands before somewhere in the article ("President Trump", "Mr.
/// Bloomberg") is a person wherever the article names it so: the tagger,
/// which learned such names as companies, saw too little context to say.
fn relabel_titled(doc: &Doc, mentions: &mut [Mention], norms: &[&str]) {
    let company_like = |m: &Mention| {
        matches!(m.label, Label::Org | Label::Misc) && m.kind == MentionKind::Name && !m.text.contains(' ')
    };
    let titled: Vec<&str> = mentions
        .iter()
        .enumerate()
        .filter(|&(_, m)| company_like(m) && personal_title_before(doc, m))
        .map(|(i, _)| norms[i])
        .collect();
    if titled.is_empty() {
        return;
    }
    for (i, m) in mentions.iter_mut().enumerate() {
        if company_like(m) && titled.contains(&norms[i]) {
            m.label = Label::Person;
        }
    }
}

/// Whether an honorific or one of [`PERSONAL_TITLES`] is right before `m`.
fn personal_title_before(doc: &Doc, m: &Mention) -> bool {
    let a = doc.token_range(m.start, m.end).start;
    a.checked_sub(1).is_some_and(|p| {
        let w = doc.tokens[p].text(doc.text);
        roles::is_honorific(w) || PERSONAL_TITLES.contains(&w)
    })
}

/// Person names' words ([`words_of`]) by normal form.
type NameWords<'n> = HashMap<&'n str, Vec<Cow<'n, str>>>;

/// The words of a person's normal-form name as spelling variants share them
/// ([`spelling_key`]). A nickname in quotation marks is a word of the name:
/// 'Robert "Bobby" Scott'.
fn words_of(norm: &str) -> Vec<Cow<'_, str>> {
    let quote = |c: char| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’');
    let mut words = Vec::with_capacity(1 + norm.bytes().filter(|&b| b == b' ').count());
    words.extend(norm.split(' ').map(|w| spelling_key(w.trim_matches(quote))));
    words
}

/// A word of a name as its spelling variants share it: transliterations
/// differ in a final "-iy"/"-yy" for "-y" ("Zelenskiy", "Zelenskyy",
/// "Zelensky") and in doubled letters ("Gaddafi", "Gadafi"), and accents
/// come and go ("Peña", "Pena"). Borrowed when nothing changes.
pub(super) fn spelling_key(word: &str) -> Cow<'_, str> {
    let b = word.as_bytes();
    let doubled = b.windows(2).any(|p| p[0] == p[1] && p[0].is_ascii_alphabetic());
    let ends_iy = word.ends_with("iy") || word.ends_with("ij");
    if word.is_ascii() && !doubled && !ends_iy {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let c = plain_letter(c);
        if out.ends_with(c) && c.is_alphabetic() {
            continue;
        }
        out.push(c);
    }
    for ending in ["iy", "ij"] {
        if out.len() > 4 && out.ends_with(ending) {
            out.truncate(out.len() - 2);
            out.push('y');
        }
    }
    Cow::Owned(out)
}

/// A lowercase Latin letter without its accent ("é" -> "e"); other
/// characters as they are.
fn plain_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        other => other,
    }
}

/// How many names sharing a word are compared before a short form counts as ambiguous.
const MAX_CANDIDATES: usize = 256;

/// Joins an acronym ("UN", "U.N.", "NATO") to the name it abbreviates, or
/// to the name right before it that defines it in parentheses, whatever
/// its letters spell ("the Centers for Disease Control and Prevention
/// (CDC)").
#[inline(never)]
fn join_acronyms(text: &str, mentions: &[Mention], sets: &mut UnionFind, country_of: &[CountryRef]) {
    // Built at the first acronym that needs it: many articles have none.
    let mut by_initials: Option<Vec<(u64, usize)>> = None;
    for (i, m) in mentions.iter().enumerate() {
        if !m.label.is_named() || country_of[i].is_some() {
            continue;
        }
        // Two to six capital letters, dots allowed ("UN", "U.S.").
        let t = m.text.as_bytes();
        if !t.iter().all(|&b| b == b'.' || b.is_ascii_uppercase()) {
            continue;
        }
        let caps = t.iter().filter(|&&b| b != b'.').count();
        if !(2..=6).contains(&caps) {
            continue;
        }
        let Some(letters) = acronym(t.iter().copied().filter(|&b| b != b'.')) else {
            continue;
        };
        if let Some(name) = i.checked_sub(1).filter(|&n| defines(text, &mentions[n], m) && country_of[n].is_none()) {
            sets.union(name, i);
            continue;
        }
        let by_initials = by_initials.get_or_insert_with(|| names_by_initials(mentions));
        let first = by_initials.partition_point(|&(k, _)| k < letters);
        let same_initials = by_initials[first..]
            .iter()
            .take_while(|&&(k, _)| k == letters)
            .map(|&(_, j)| j);
        if let Some(r) = sets.sole_root(same_initials) {
            sets.union(r, i);
        }
    }
}

/// The names' initials with the mention, sorted: "United Nations" -> "UN".
fn names_by_initials(mentions: &[Mention]) -> Vec<(u64, usize)> {
    let mut by_initials: Vec<(u64, usize)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.label.is_named())
        .filter_map(|(j, m)| Some((initials(&m.text)?, j)))
        .collect();
    by_initials.sort_unstable();
    by_initials
}

/// Whether the name `name` defines the acronym `short` in parentheses
/// right after it, starting with the same letter: "the Centers for Disease
/// Control and Prevention (CDC)", not a dateline's "NEW YORK (AP)".
fn defines(text: &str, name: &Mention, short: &Mention) -> bool {
    name.label.is_named()
        && name.text.contains(' ')
        && name.text.as_bytes().first() == short.text.as_bytes().first()
        && text[name.end..short.start].trim() == "("
        && text[short.end..].starts_with(')')
}

/// Two to six ASCII capital letters packed into a number (nonzero bytes, so
/// different strings give different numbers); `None` for anything else,
/// which no acronym matches.
fn acronym(letters: impl Iterator<Item = u8>) -> Option<u64> {
    let (mut key, mut n) = (0u64, 0);
    for b in letters {
        n += 1;
        if n > 6 || !b.is_ascii_uppercase() {
            return None;
        }
        key = key << 8 | b as u64;
    }
    (n >= 2).then_some(key)
}

/// "United Nations" -> "UN" as an [`acronym`]; `None` for one-word names and
/// for initials no acronym can match (more than six, or not ASCII capitals).
fn initials(name: &str) -> Option<u64> {
    // Every named mention is asked: split at the ASCII separators by bytes,
    // decoding a character only where a word starts with one that is not ASCII.
    let separator = |b: &u8| matches!(b, b' ' | b'-');
    if !name.as_bytes().iter().any(separator) {
        return None;
    }
    let words = name.as_bytes().split(separator).filter(|w| {
        !w.is_empty() && !matches!(*w, b"of" | b"the" | b"and" | b"for" | b"on" | b"in" | b"&" | b"The")
    });
    let mut firsts = [0u8; 7];
    let mut n = 0;
    for w in words {
        let upper = match w[0] {
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => std::str::from_utf8(w).ok()?.starts_with(char::is_uppercase),
        };
        if !upper || n == firsts.len() {
            return None;
        }
        // A capital that is not ASCII makes initials no acronym matches.
        firsts[n] = if w[0].is_ascii() { w[0] } else { 0 };
        n += 1;
    }
    acronym(firsts[..n].iter().copied())
}

#[cfg(test)]
mod tests {
    #[test]
    fn initials_of_names() {
        let acronym = |s: &str| super::acronym(s.bytes());
        assert_eq!(super::initials("United Nations"), acronym("UN"));
        assert_eq!(
            super::initials("North Atlantic Treaty Organization"),
            acronym("NATO")
        );
        assert_eq!(super::initials("Bank of England"), acronym("BE"));
        assert_ne!(acronym("UN"), acronym("NU"));
        assert_eq!(super::initials("Reuters"), None);
        // Initials no acronym of two to six ASCII capitals can match.
        assert_eq!(super::initials("Ökumenischer Rat"), None);
        assert_eq!(super::initials("A B C D E F G"), None);
        assert_eq!(super::initials("united Nations"), None);
        // Separators by bytes, capitals that are not ASCII decoded.
        assert_eq!(super::initials("Rolls-Royce  Holdings"), acronym("RRH"));
        assert_eq!(super::initials("Électricité de France"), None);
        assert_eq!(super::initials("Forces Armées"), acronym("FA"));
        assert_eq!(super::initials("Bank of the  Éire"), None);
        assert_eq!(super::initials("The Ω Fund"), None);
    }

    #[test]
    fn split_at_space_is_split_once() {
        for s in ["kim jong un", "acme", " x", "x ", "", "peña nieto"] {
            assert_eq!(super::split_at_space(s), s.split_once(' '), "{s:?}");
        }
    }

}
