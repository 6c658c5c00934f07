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
//   - Refusals first: a discard phrase refuses the sentence
//     (ErrSentenceDiscard, ErrStoryDiscard); a tree shaped
//     (ROOT (NP (NP proper-noun ...) ...)) is a dateline (ErrDateline).
//   - A wire dateline that opens the sentence ("WASHINGTON, March 3 -",
//     "TAIPEI -") is dropped: its place names the bureau, not an actor.
//     An agent-only noun phrase it was parsed into ("MANILA, March 2 -
//     the central bank governor") takes the dateline's country.
//   - Comma-delimited clauses are dropped as PETRARCH's check_commas does
//     (Options.Comma*): an initial clause, a terminal one, then clauses
//     between two commas of one phrase, when their word count is within
//     the limits. Commas inside noun phrases do not delimit clauses.
//   - Noun phrases are coded. An NP's own words (not those of its PP,
//     SBAR, ... children) are matched against the actor dictionary (first
//     actor, longest phrase, its code on the story date) and the agent
//     dictionary (every agent phrase; [~X] appends X, [X~] prepends it; a
//     code already present is not repeated); phrases may run on into the
//     NP's PP ("Ministry of Silly Walks"). Agents without an actor give
//     "---" plus the agent codes; "of" lends the actor of its object to a
//     bare head ("the ministry of Gondor"), any preposition to a head with
//     agents ("lawmakers in Fornost"). NPs joined by CC, and nouns joined
//     by CC inside one NP, are compounds; agent-only members share the
//     actor of the others, and actors without agents share the agents of
//     the last actor ("the Gondor and Arnor governments"). An uncoded base NP is a null actor; with
//     Options.NewActorLength a short standalone one is named by its text.
//     Noun phrases in parentheses are skipped.
//   - Every VP headed by a verb of the verb dictionary is coded, outermost
//     first. The patterns of the verb's block(s) are tried longest first
//     (most elements; file order among equals), as TABARI ranks them,
//     against the words after the verb (inside its VP) and before it (back
//     to the sentence start); words match exactly (no stemming), '_'
//     requires adjacency, $ + % ^ bind to noun phrases, &SYN matches any
//     synset member (nested synsets included). The first match gives the
//     code; else the verb's own code, else the block's. "---" codes
//     nothing; "a:b" codes a→b a and b→a b. Once a verb with a code has
//     been coded, the verbs inside its VP (its complement clauses) are not.
//     A verb listed in several blocks with the same extra words ("called
//     on") has the patterns of those blocks only.
//   - Events that did not happen are not coded: a verb in a direct
//     question (a clause holding "?" that opens with a wh-word or an
//     inverted auxiliary: "why don't they cut ties?", "will you
//     pledge ...?"); a verb coded by its bare entry (no pattern matched)
//     that "not", "n't", "never", "should", "could", "might" or "would"
//     governs from its own verb group ("is not actively considering",
//     "should sue"); and the clause complement of such a negated or
//     modal verb, dictionary verb or not ("has not been asked to clear a
//     request to offer"). A pattern that matched decides for itself, as
//     PETRARCH's "NOT_* [code]" patterns do.
//   - The source is the pattern's $ (or %), else the subject NP of the
//     nearest clause (a pronoun defers to the subject of an enclosing
//     clause; a sentence with no subject at all takes its first coded
//     actor). The target is the pattern's +, else the first coded NP after
//     the verb whose code differs from the source's, else the first
//     uncoded one. A passive verb with a "by" agent takes it as source and
//     its subject as target. A compound source with no coded target acts
//     on itself (every ordered pair of members) when the code is paired or
//     the pattern bound it with %.
//   - A statement (root 01) of a sentence that says "according to Y",
//     with Y a coded actor, is Y's: Y becomes the source, and the
//     subject the target when Y was.
//   - An event needs a noun phrase on both sides. With RequireDyad both
//     must be coded; without it an uncoded one is "---".
//
// Each Coded carries its evidence: Rule is the dictionary file:line of the
// pattern or verb that fired, SourceActor and TargetActor the actor lines
// that named the actors, and Verb, SourceSpan and TargetSpan the words.
// The Stage fills doc.Events with them and the codebook fields (packages
// cameo and plover). It codes an undated document on the day WithUndated
// gives, and, when the Doc has coreference chains, gives an actor coded
// without a country ("the minister", ---GOV) the code of the name its chain
// resolves to (IRNGOV); a "the minister" still without one takes the
// country of the last actor before it with the same head noun ("Iran's
// foreign minister", IRNGOV).
//
// Explain codes a tree as CodeTree does and also says where the
// dictionaries fell short: the noun phrases in source or target position
// of a verb that no actor entry coded (Uncoded, with their Role) and the
// verbs heading a verb phrase that no verb entry lists (UnknownVerbs).
// "herald dict unknown" ranks them over a corpus. CodeTree does not pay
// for it.
//
// A Coder is read-only and safe for concurrent use.
package event
