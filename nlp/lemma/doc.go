// Package lemma gives the dictionary form (lemma) of English words from the
// word and its Penn Treebank part-of-speech tag, with the conventions of the
// Universal Dependencies English treebanks: "went"/VBD -> "go",
// "children"/NNS -> "child", "n't"/RB -> "not", "'s"/VBZ -> "be",
// "me"/PRP -> "I", "Americans"/NNPS -> "American", "12,000"/CD -> "12000".
//
// # Use
//
//	l, err := lemma.New() // embedded tables, decoded once and shared
//	l.Lemma("running", "VBG") // "run"
//
// A Lemmatizer is safe for concurrent use. Lemmatizer.Stage wraps it as a
// pipeline stage that fills Token.Lemma (requires tags, provides lemmas).
//
// # Method
//
// Lemma first looks the word and tag up in a table learned from a
// treebank (the word as written, then in lower case): it holds only the
// words whose treebank lemma differs from what the rules give. Otherwise
// the tag selects a rule: proper nouns keep their form (plural proper
// nouns are made singular, keeping their case); common nouns, verbs,
// adjectives and adverbs are lower-cased and analysed as WordNet's morphy
// does (exception lists, then suffix rules whose result is a WordNet
// lemma), with plain suffix stripping for words WordNet does not know;
// numbers lose their thousands separators; punctuation and symbols are kept;
// other words are lower-cased.
//
// The embedded tables (data/lemma.txt.gz, see data/NOTICE for the WordNet
// 3.0 licence and the CC BY-SA 4.0 terms of the treebank part) are built by
// "herald train lemma" from WordNet 3.0 (Debian package wordnet-base) and
// UD English EWT; ReadWordNet and Lemmatizer.Learn are the same steps as
// functions.
package lemma
