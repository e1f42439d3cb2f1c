//! Whom a speaker spoke to is no speaker: in "noted lawyer Jane Roe in an
//! interview with the Globe" the Globe heard the words; in "Jane Roe told
//! the BBC" the BBC did. When the ranker chooses a name that follows
//! "with" or "to" after the cue, a person named between the cue and it
//! spoke.

use super::{Options, Scene, NAME};

/// The candidate to take when the ranker chose candidate `i`: a person
/// named after the cue and before the chosen name, when that name follows
/// "with" or "to" (past an article).
pub(in crate::quotes::assemble) fn person_before_addressee(scene: &Scene, opts: &Options, i: usize) -> usize {
    let doc = scene.doc;
    let Some(u) = &opts.target.cue else { return i };
    let chosen = &opts.candidates[i].toks;
    let at = |k: usize| doc.tokens.get(k).map_or("", |t| t.text(doc.text));
    let mut k = chosen.start;
    if k > 0 && matches!(at(k - 1).to_ascii_lowercase().as_str(), "the" | "a" | "an") {
        k -= 1;
    }
    let heard = k > u.end && matches!(at(k - 1), "with" | "to");
    let Some(sentence) = doc.sentence_tokens(u.start).filter(|_| heard) else {
        return i;
    };
    let person = opts.candidates.iter().position(|o| {
        o.label == 1
            && o.flags & NAME != 0
            && o.toks.start >= u.end
            && o.toks.end < k
            && sentence.contains(&o.toks.start)
    });
    person.unwrap_or(i)
}
