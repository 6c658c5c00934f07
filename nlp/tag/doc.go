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
// A Tagger is safe for concurrent use. Tag does not allocate; the tag
// strings it writes are shared constants of the model. Tagger.Stage wraps
// it as a pipeline stage that tags every sentence of a doc.Doc (requires
// tokens and sentences, provides tags).
//
// # Model
//
// The tagger is a greedy averaged perceptron (Collins 2002; Honnibal's
// "A good part-of-speech tagger in about 200 lines of Python"). Each class
// is a pair (XPOS, UPOS) seen in training, so both tags come from one
// decision. Features are the word, its lower case, prefixes of one to four
// and suffixes of one to five characters, its length and shape,
// hyphen/digit/capital flags, the
// capitalization of the whole sentence, the neighbouring words with their
// suffixes and shapes, the two tags predicted before it, and the word
// classes WordNet gives the word (noun, verb, adjective, adverb, proper
// noun, and which regular inflection of a WordNet word it could be). Each
// feature is a 64-bit hash of a template number and the hashes of the
// strings it looks at, so no string is built while tagging; weights are
// integers found through an open-addressing table.
//
// Tagging runs in two passes: the first goes left to right; the second
// goes left to right again with extra features that see the first pass's
// tags of the word and of the two words after it. The second pass is
// trained on first-pass tags produced by jackknifing (each fold tagged by a
// first pass trained on the other folds), so it learns from tags as noisy
// as those it meets on new text. Frequent words seen with a single class
// (the, of, ...) are tagged without scoring, and a word whose first-pass
// decision wins by a wide margin keeps it without a second pass (on EWT dev
// this changes no accuracy figure).
//
// # Other taggers
//
// Train learns from any sequence labels, not only parts of speech: nlp/parse
// trains its dependency supertagger with it (about 220 classes). Examples
// may carry an auxiliary tag per word (Example.Aux, such as a predicted
// XPOS tag); the model then also reads the auxiliary tags of the word and
// its neighbours, conjoined with each other, with the word and with the
// previous class, and is used through TagAux (a model file with them
// starts "HERALD-TAG-5"). Tagger.Pruned drops small weights of a trained
// model, and Tagger.WithSureMargin sets the first-pass margin above which a
// word skips the second pass: a model with many classes can trade a little
// accuracy for speed there.
//
// # Figures
//
// On UD English EWT dev with gold tokens (herald eval-tag): XPOS 95.02%,
// UPOS 95.65%. One core: about 41,000 sentences (520,000 words) a second
// in BenchmarkTag (23,000 before the run layout and the word caches,
// 33,000 before the dense rows, both below), no allocation per call. The model file is 4.6 MB.
//
// Lookups are memory-bound: each feature costs a load in the slot table
// and one in the run of its entries, which lie together with their count.
// A feature with entries for at least a third of the classes is kept as a
// dense row of 21-bit lanes, three to a 64-bit word, which are summed a
// word at a time (swar.go): exactly the same integer scores, 1.3 times
// faster for the POS model and 1.5 times for the supertagger.
// A small per-scratch cache keeps, for recently seen words, the summed
// weights of the features of the word alone (word, prefixes, suffixes,
// shape, flags, lexicon class); as the weights are integers, a word seen
// again gets exactly the scores a full lookup gives. Another keeps the
// analyses of recent words (hashes, shape, flags, sure and lexicon
// classes), which depend on the word alone but for being first.
//
// The embedded model (model/tagger.bin.gz, see model/NOTICE) is trained on
// UD English EWT with WordNet 3.0 word classes by
//
//	herald train tag --data DIR --wordnet /usr/share/wordnet --out nlp/tag/model
//
// and Train is the same procedure as a function. Training is
// deterministic: the same data and options give the same model bytes.
// Averaged weights are pruned below a small magnitude, quantized to 1/256
// and stored as a gzip stream of sorted, delta-coded feature keys.
package tag
