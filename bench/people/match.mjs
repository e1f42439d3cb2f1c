// How a reader's person, role and label answers are matched against an
// analysis; shared by the people scorer (PolNeAR) and the reader scorer
// (bench/reader, news web pages) so both count the same answer the same way.

const ABBREVIATIONS = { sen: 'senator', sens: 'senator', rep: 'representative', gov: 'governor', lt: 'lieutenant', del: 'delegate', gen: 'general' };

/** A role or affiliation as compared: lower case, no possessive, no punctuation, abbreviations spelt out. */
export const norm = (s) => (s ?? '').toLowerCase().replace(/[’']s\b/g, '').replace(/[.,]/g, ' ').replace(/-/g, ' ')
  .split(/\s+/).filter(Boolean).map((w) => ABBREVIATIONS[w] || w).join(' ');

/** The person entity a reader's name refers to: by its name, else one of its name mentions. */
export function personFor(a, name) {
  const people = a.entities.filter((e) => e.label === 'PERSON');
  const nameTexts = (e) => e.mentions.map((i) => a.mentions[i]).filter((m) => m.kind === 'name').map((m) => m.text);
  const candidates = [
    people.filter((e) => e.name === name),
    people.filter((e) => e.name.includes(name)),
    people.filter((e) => nameTexts(e).some((t) => t.includes(name))),
  ].find((c) => c.length);
  return candidates?.sort((x, y) => y.mentions.length - x.mentions.length)[0];
}

/**
 * Whether entity `e` (possibly undefined) has one of the `|`-separated roles and
 * affiliations ("-": none; "?": any), as { roleOk, affiliationOk, role, affiliation }.
 */
export function roleMatch(e, roles, affiliations) {
  const role = e?.role ?? null, affiliation = e?.affiliation ?? null;
  const roleOk = role != null && roles.split('|').some((r) => norm(r) === norm(role));
  const allowed = affiliations.split('|');
  const affiliationOk = allowed.includes('?')
    || (affiliation == null ? allowed.includes('-') : allowed.some((x) => x !== '-' && norm(x) === norm(affiliation)));
  return { roleOk, affiliationOk, role, affiliation };
}

/** The labels newslens gives `name`: its name mentions with exactly that text (or "the" it) and entities of that name. */
export function labelsFor(a, name, text = (s) => s) {
  return new Set([
    ...a.mentions.filter((m) => [name, `the ${name}`, `The ${name}`].includes(text(m.text))).map((m) => m.label),
    ...a.entities.filter((e) => text(e.name) === name).map((e) => e.label),
  ]);
}
