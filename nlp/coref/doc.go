// Package coref resolves coreference inside one news article: which
// mentions name the same person, organisation or document.
//
// The stage, built with New, requires tokens and sentences and provides
// doc.LayerCoref: Doc.Chains, one chain per entity with its best name (the
// longest proper-name mention, without titles or honorifics: "Ali Khamenei"
// for "The leader of the Islamic Revolution Sayyed Ali Khamenei"), its label
// and actor code when the entities carry them, and its mentions in text
// order. Chains without any proper name are dropped.
//
// It is rule-based and works in one pass over the mentions, in text order:
//
//   - Proper names (Doc.Ents when the Doc has entities, else runs of
//     capitalised words) join the chain whose name they share, by full name
//     or by surname ("Khamenei", "Sayyed Khamenei" and "Ali Khamenei").
//   - Role descriptions ("the leader", "Iran's leader", "the Iranian
//     leader", "the president") join the person the text named with that
//     role ("the leader … Ali Khamenei"), else the most salient person;
//     one in the first sentence, before any name, joins the article's most
//     salient person, named later.
//   - "the company" (and firm, bank, airline, …) joins the organisation
//     named last, within the ten sentences before it.
//   - Documents ("the report", "the statement") join the named document or
//     outlet with the same head noun ("A Foreign Policy report" → "Foreign
//     Policy"), else the latest named document.
//   - Pronouns: he/him/his and she/her join the most salient person of a
//     compatible gender (from titles, earlier pronouns or common first
//     names) among the last three sentences, preferring subjects and
//     frequently named persons; it/its join a document or organisation.
//
// Word lists (titles, roles, documents, organisation nouns and words, first
// names, sentence starters) are data in words.txt, embedded.
package coref
