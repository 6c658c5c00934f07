// Package segment splits a tokenized text into sentences, as token ranges
// (doc.Span) that cover every token in order.
//
// # Use
//
// As a pipeline stage, New returns a stage that requires doc.LayerTokens,
// fills Doc.Sents and provides doc.LayerSentences; put it after the
// tokenizer:
//
//	p, err := pipeline.New(tokenize.New(), segment.New(), ...)
//
// Without a Doc, Sentences works on any text and its tokens:
//
//	toks := tokenize.Tokens(text, nil)
//	for _, s := range segment.Sentences(text, toks, nil) {
//		fmt.Println(text[toks[s.Start].Start:toks[s.End-1].End])
//	}
//
// The splitter and the tokenizer are two stages because the tokenizer
// already decides the hard cases: a full stop it leaves on an abbreviation
// (Mr., U.S., Jan.) is inside a sentence, and a sentence-final abbreviation
// has given its stop to the sentence as a separate token.
//
// # Rules
//
// A sentence ends:
//
//   - after a full stop, question or exclamation mark, or a run of them,
//     together with the closing quotes and brackets that follow it ('he
//     said." Next' and '(He left.) Then'), and any emoticon ("Great. :)");
//     but not when the next token is a comma, colon, semicolon or stop, nor
//     when a closing quote is followed by a lower-case word ('"Why?" he
//     asked') or an exclamation mark ends a capitalised name ("Yahoo!
//     shares"), nor after a list number ("2. Then");
//   - after an ellipsis ("...", "…", ". . .") only when a capital letter or
//     an opening quote follows;
//   - at every line break, so headlines without final punctuation, datelines
//     and list items are sentences of their own. A single line break inside
//     a sentence (a hard-wrapped line going on in lower case after a word or
//     comma) does not end it; a blank line always does.
//
// Straight quotes are closing when written against the previous token.
//
// # Evaluation
//
// "herald eval-tokens --conllu en_ewt-ud-dev.conllu" rebuilds each EWT
// document from its sentences and scores the sentence boundaries (package
// eval, TokenReport).
package segment
