// Package tokenize splits text into tokens that keep their exact UTF-8 byte
// offsets into the text, following the conventions of the Universal
// Dependencies English Web Treebank (UD EWT), on which Herald's tagger and
// parser are trained.
//
// # Use
//
// As a pipeline stage, New returns a stage that fills Doc.Tokens and
// provides doc.LayerTokens:
//
//	p, err := pipeline.New(tokenize.New(), segment.New(), ...)
//
// Without a Doc, Tokens appends the tokens of a string to a slice, which can
// be reused across calls to avoid allocation:
//
//	toks = tokenize.Tokens(text, toks[:0])
//	for _, t := range toks {
//		fmt.Println(text[t.Start:t.End], t.SpaceAfter)
//	}
//
// Only Token.Start, Token.End and Token.SpaceAfter are set. Every
// non-space character of the text belongs to exactly one token; white space
// (Unicode spaces, the zero-width space and the byte-order mark) never does.
//
// # Conventions
//
// Tokens are syntactic words, what the tagger and parser consume. Where EWT
// splits one written word into several (a multiword token), so does the
// tokenizer, inside the word's bytes:
//
//   - negation and clitics: do|n't, ca|n't, wo|n't, I|'m, they|'re, we|'ve,
//     Iran|'s, I|'ll, he|'d, with straight or curly apostrophes;
//   - one-word forms: can|not, gon|na, wan|na, got|ta, and the informal
//     do|nt, i|m, that|s, you|re and the like;
//   - a plural possessive apostrophe is its own token: countries|'.
//
// Joined reports which adjacent tokens came from one written word, so that
// surface tokens can be rebuilt.
//
// Hyphenated compounds are split as in EWT (long|-|term, al|-|Qaeda), except
// after word-forming prefixes (e-mail, non-profit, co-workers, pre-war), in
// telephone-like numbers (713-853-3989) and in codes that mix letters and
// digits. Slashes split words (and|/|or) but not dates, fractions or
// letter pairs (9/11, 3/4, w/o).
//
// Numbers keep their decimal point, thousands separators and time colons
// (3.5, 1,000, 10:30); currency signs are split off ($|4.5|bn) and so are
// units written against a number (5|pm, 35|mm), but not ordinals and
// decades (3rd, 1980s). A minus sign is split from its number, as in
// EWT.
//
// A full stop stays with an abbreviation: titles (Mr., Gen., Sen.), company
// words (Inc., Corp., Ltd.), months (Jan.), Latin (etc., e.g.), initials
// (J.) and dotted forms (U.S., a.m., Ph.D.); "No." and similar only before a
// number. The list is data, in abbreviations.txt. As in EWT, an
// abbreviation that ends a sentence gives its stop to the sentence ("in the
// U.S" ".") — when the text or the line ends after it or a usual sentence
// opener follows (The, He, But; the list is in starters.txt). Titles and
// initials keep their stop.
//
// URLs, e-mail addresses, @handles, #hashtags and common emoticons are one
// token each. Runs of the same punctuation are one token ("...", "?!",
// "--", ">>", "***", doubled quote marks).
//
// # Evaluation
//
// "herald eval-tokens --conllu en_ewt-ud-dev.conllu" scores the tokenizer
// against the EWT words aligned to each sentence's "# text" (package eval,
// TokenReport).
package tokenize
