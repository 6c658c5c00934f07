// Package ner finds named entities — people (PER), organisations (ORG) and
// locations (LOC, with GPE for countries, states and cities) — in tokenised,
// part-of-speech-tagged sentences, and nationalities or groups (NORP).
//
// # Model
//
// The recognizer is an averaged structured perceptron over IOB2 tags,
// decoded with Viterbi under the IOB2 constraint (I-X only after B-X or
// I-X). Its features are the word, its lowercase form, shape, prefixes and
// suffixes, neighbouring words, Penn Treebank tags, a word-class table read
// from unlabelled treebank text (how often a word is a proper noun, is
// capitalised, or takes part in a flat multi-word name), the word's
// cluster from nlp/cluster (k-means of GloVe vectors learnt from six
// billion words: its leaf and mid-level clusters, and its leaf and top
// clusters with its shape, so that a company the training data lacks
// looks like the companies it has; about +1.3 points of span F1 in
// cross-validation, see README.md), gazetteer membership (countries,
// places, regions, nationalities, organisations, given names, and the
// leaders and organisations of Herald's actor dictionaries), a title or
// honorific before (Mr., Senator, Dr.) and a corporate or government
// word closing a run of capitalised words (Inc, Corp, Ministry, Party;
// Street, River, County).
//
// Train averages the weights of several perceptrons trained on different
// orders of the examples (TrainConfig.Ensemble), which makes the model much
// less sensitive to the shuffle seed on small training sets; feature
// dropout (TrainConfig.Dropout, 0.1 for the shipped model) keeps it from
// leaning on word identity alone.
//
// The shipped model (model/ner.model.gz, CC BY-SA 4.0, see model/NOTICE) is
// trained on the Universal NER English EWT labels with word classes from
// UD English EWT; it is embedded and decoded once, by New. Train builds new
// models deterministically (same data and settings, same bytes); "herald
// train ner" is the command that does it. README.md gives the measured
// scores and how they were obtained.
//
// # Documents
//
// RecognizeDoc reads the sentences of one document together: a capitalised
// name that the model marked in one sentence is marked with the same label
// where the model missed it in another, and so is the surname of a person
// named in full; and a country name written in lower case (vietnam) whose
// last word the treebank always capitalises is marked as a place; a
// mention inside a longer capitalised gazetteer name (Mexico in Gulf of
// Mexico) is widened to it. The
// pipeline stage and the scorer use it; Recognize is
// RecognizeDoc on a single sentence.
//
// # Labels
//
// The statistical model predicts the labels of its training data (PER, ORG,
// LOC for Universal NER). Rules then adjust each mention, in this order:
// quotes and brackets, and days and months, are cut off its edges; titles
// and honorifics are cut from the front of a person's name (Universal NER
// leaves them out); a mention made only of days, months, titles or company
// suffixes is dropped; a lone nationality word is left to NORP; a given name
// followed by a capitalised word is a person; a name the gazetteers know as
// a country, or only as an organisation, takes that type; a place followed
// by the state or country it lies in ("Miramar California") becomes two
// mentions; LOC mentions that the gazetteers know as countries, states or
// cities are labelled GPE; and nationality or group words left outside
// other mentions (French, Muslims) become NORP mentions. Coarse maps GPE and
// NORP back to the Universal NER types.
//
// # Use
//
//	r, err := ner.New()
//	words := []string{"Senator", "Warren", "spoke", "in", "Boston", "on", "Tuesday", "."}
//	xpos := []string{"NNP", "NNP", "VBD", "IN", "NNP", "IN", "NNP", "."}
//	ms := r.Recognize(words, xpos)
//	// ms: {1 2 PER} {4 5 GPE}: Warren, Boston
//
// In a pipeline, r.Stage() needs tokens, sentences and tags and fills
// doc.Ents. ReadIOB2 and WriteIOB2 read and write the tab-separated IOB2
// files of Universal NER; Spans and Tags convert between tags and mentions.
//
// # Speed
//
// One core, BenchmarkRecognize on Universal NER EWT dev (HERALD_SHARED
// set): about 60,000-66,000 sentences a second and 19 allocations a
// sentence (was 50,000 and 36 before the word cache below; 21,000 and 357
// before that). Gazetteer names are matched only as long as the words so
// far begin some name, once per sentence; feature keys find their weight
// rows through an open-addressing table; and a per-scratch cache keeps,
// for the last 8192 distinct words (direct-mapped), the summed weights of
// the features of the word alone (ownKeys, which features writes first),
// so that the float32 sums are bit for bit those of adding every feature
// in order, and what prepare reads of the word (lower case, shapes, word
// class and profile, one-word gazetteer kinds, whether it begins a longer
// name), so that a word in the cache is neither looked up in any map nor
// hashed again. The emission scores and Viterbi's tables are reused
// from the same scratch.
//
// # Gazetteers
//
// The name lists in gazetteer/ are written for Herald from common
// knowledge, except countries.txt, generated by internal/gencountries from
// Debian's iso-codes (see gazetteer/NOTICE).
package ner
