// Package tag assigns part-of-speech tags to words: Penn Treebank tags
// (XPOS, such as NNS or VBD) and Universal POS tags (UPOS, such as NOUN or
// VERB) together.
//
// # Use
//
//	t, err := tag.New() // the embedded model, decoded once and shared
//	xpos := make([]string, len(words))
//	upos := make([]string, len(words))
//	t.Tag(words, xpos, upos)
//
// A Tagger is safe for concurrent use. Tag does not allocate per word; the
// tag strings it writes are shared constants of the model. Tagger.Stage
// wraps it as a pipeline stage that tags every sentence of a doc.Doc
// (requires tokens and sentences, provides tags).
//
// # Model
//
// The tagger is a greedy left-to-right averaged perceptron (Collins 2002;
// Honnibal's "A good part-of-speech tagger in about 200 lines of Python").
// Each class is a pair (XPOS, UPOS) seen in training. Features are the word,
// its lower case, prefixes and suffixes of one to four characters, its shape,
// hyphen/digit/capital flags, the neighbouring words and their suffixes and
// shapes, and the two tags predicted before it. Each feature is a 64-bit hash
// of a template number and the hashes of the strings it looks at, so no
// string is built while tagging.
//
// The embedded model (model/tagger.bin.gz, see model/NOTICE) is trained on
// UD English EWT by "herald train tag"; Train is the same procedure as a
// function. Training is deterministic: the same data and options give the
// same model bytes. Weights are averaged, pruned below a small magnitude,
// quantized to 1/256 and stored as a gzip stream of sorted, delta-coded
// feature keys.
package tag
