// Package event is Herald's CAMEO event coder: it codes (source, target,
// event code) triples from Penn Treebank parse trees with
// TABARI/PETRARCH dictionaries, following PETRARCH-1's semantics.
//
// Build a Coder from a dict.Set and Options, then code a tree:
//
//	c := event.NewCoder(set, event.DefaultOptions())
//	evs, err := c.Code(parse, storyDate) // or c.CodeTree(tree, date)
//
// How a sentence is coded:
//
//   - Noun phrases are coded first. An NP's own words (not those of its
//     PP, SBAR, ... children) are matched against the actor dictionary
//     (first actor, longest phrase, its code on the story date) and the
//     agent dictionary (every agent phrase; [~X] appends X, [X~] prepends
//     it); phrases may run on into the NP's PP ("Ministry of Silly
//     Walks"). Agents without an actor give "---" plus the agent codes; an
//     actor named only in a PP ("the ministry of Gondor") lends its code.
//     NPs joined by CC, and nouns joined by CC inside one NP, are
//     compounds; agent-only members share the actor of the others.
//   - Every VP headed by a verb of the verb dictionary is coded. The
//     block's patterns are tried in file order against the words after
//     the verb (inside its VP) and before it (back to the sentence start);
//     '_' requires adjacency, $ + % ^ bind to coded NPs, &SYN matches any
//     synset member. The first match gives the code; else the verb's code,
//     else the block's. "---" codes nothing; "a:b" codes a→b a and b→a b.
//   - The source is the pattern's $ (or %), else the subject NP of the
//     nearest clause (a pronoun defers to the first actor of the
//     sentence; an uncoded noun subject gives no source). The target is
//     the pattern's +, else the first coded NP after the verb whose code
//     differs from the source's. Passive verbs with a "by" agent swap the
//     two. A compound source with no target acts on itself.
//   - With RequireDyad a missing actor drops the event; without it the
//     actor is "---". Discard phrases refuse the sentence
//     (ErrSentenceDiscard, ErrStoryDiscard).
//
// Each Coded carries its evidence: Rule is the dictionary file:line of the
// pattern or verb that fired, and the word spans of source, verb and target.
// The Stage fills doc.Events with the codebook fields (cameo, plover).
//
// A Coder is read-only and safe for concurrent use.
package event
