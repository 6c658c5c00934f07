// Package quote extracts quotations and attributed claims from news text:
// who said what, signalled by which words.
//
// The stage, built with New, requires tokens and sentences
// (doc.LayerTokens|doc.LayerSentences) and provides doc.LayerQuotes. It uses
// part-of-speech tags (doc.LayerTags) to tell verbs from nouns when the Doc
// has them, and coreference chains (doc.LayerCoref, from nlp/coref) or
// entities to resolve speakers to names; without them it falls back on word
// lists and capitalisation.
//
// # What is a quotation
//
// Each doc.Quote has a Kind, the whole span (attribution included), the
// Content span (what was said), the Cue (the reporting verb or phrase) and
// the Speaker (the mention in the text, its resolved Name and actor Code).
//
//   - direct: the content is inside quotation marks. Straight and curly
//     double marks, doubled apostrophes (” and “) and single marks used for
//     quotation (headlines) are paired within a paragraph; nested quotes stay
//     inside the outer one. A quotation split by its attribution ("…," he
//     said, "…") is one quotation whose content runs from the first part to
//     the last; a quotation running over paragraphs (the opening mark
//     repeated, no closing mark at the paragraph end) is one quotation; a
//     quotation that follows its attribution sentence in the same paragraph
//     ("…," she said. "…") continues it, unless another cue introduces it
//     ("…," he said, adding: "…" gives two quotations). "Name: “…”" is
//     attributed to the name, with the colon as cue; "…," Smith barked is
//     attributed even when the verb is not in the cue list. A quotation
//     without an attribution of its own goes to the subject of its
//     sentence (a partial quotation) or, when it stands alone, to the
//     previous speaker.
//   - indirect: a reported claim without marks: "X said (that) …", "…, X
//     added", "…, said X", "according to X, …", "X told reporters …",
//     participles ("…, adding that …") whose speaker is the sentence subject,
//     and sources that are documents or outlets ("the report highlighted
//     that …", "a statement said").
//   - mixed: a reported claim that quotes some of its words ("described it
//     as “a turning point”").
//
// The content of a claim that opens its sentence, and the speaker of one
// whose subject does, leave out a wire dateline ("NAIROBI, March 3 - The
// Kenyan economy …" is "The Kenyan economy …"; "OAKVILLE, Ontario, March 3
// - Ford Motor Canada said …" is Ford Motor Canada's).
//
// Quoted terms of one or two words that are not speech (the scare quotes of
// “Israel”) are not quotations: they are listed in Doc.QuotedTerms.
//
// The reporting verbs are data: cues.txt (embedded) lists each verb with its
// forms and flags (noun-ambiguous forms, verbs taking a recipient, cognition
// verbs that give way to speech verbs when two attributions overlap). As in
// the PolNeAR annotation, each stretch of text belongs to at most one
// attribution.
//
// # Speakers
//
// A passive cue ("sales are estimated at …", "the plant is expected to …")
// keeps its attribution, as PolNeAR does, but no speaker: its subject is
// what is reported on.
//
// The speaker mention is the subject noun phrase of the cue (skipping
// adverbs, auxiliaries, appositives and relative clauses: "Smith, a senator,
// said", "Smith, who …, said"), the noun phrase after an inverted cue, or
// the noun phrase after "according to". Its Name comes from the
// coreference chain that holds it (so "He", "Iran's leader", "the report"
// get "Ali Khamenei" or "Foreign Policy"), else from an overlapping entity,
// else from the mention itself when it is a proper name; a nationality
// that only modifies the speaker's noun names the whole group ("the
// Ukrainian air force": "Ukrainian air force", not "Ukrainian"); an unresolved
// "he"/"she" falls back to the last person quoted, and an unresolved "the
// minister" to the last named speaker with the same head noun ("Iran's
// foreign minister").
//
// # Evaluation
//
// "herald eval-quotes --polnear DIR" scores the stage against PolNeAR's
// brat annotations (package eval, QuoteScores).
package quote
