// Package parse is Herald's dependency parser: it gives every word of a
// sentence a syntactic head and a Universal Dependencies relation (DEPREL,
// with subtypes such as nmod:poss or obl:tmod).
//
// # Use
//
//	p, err := parse.New() // the embedded model, decoded once, shared
//	heads := make([]int, len(words))
//	rels := make([]string, len(words))
//	p.Parse(words, xpos, upos, heads, rels) // heads 0-based, -1 for the root
//
// The words must already be tagged (XPOS = Penn Treebank tags, UPOS =
// universal tags), as nlp/tag does. In a pipeline, Parser.Stage needs the
// tokens, sentences and tags layers and fills Token.Head (a Doc token
// index, -1 for a sentence root) and Token.Dep. A Parser never changes
// after it is built and is safe for concurrent use.
//
// # Method
//
// The parser is greedy and transition-based: arc-hybrid moves (SHIFT, LEFT,
// RIGHT) with the root token at the end of the buffer and exactly one root
// per sentence. Before parsing, a supertagger gives each word a dependency
// supertag (Ouchi, Duh and Matsumoto 2014): the side its head is on, its
// relation, and the sides it has dependents on ("Rnsubj" for a subject
// before its verb, "0root<>" for a root with dependents on both sides,
// "Lobl<"); see Supertags. The supertagger is an nlp/tag model trained on
// supertags instead of parts of speech (about 220 classes): it reads the
// words with nlp/tag's word features and the XPOS tags as auxiliary tags
// (tag.Example.Aux), so it sees the whole sentence, words to the right
// included, before the parser commits to anything.
//
// An averaged perceptron then chooses each move from 119 feature templates
// in the style of Zhang and Nivre (2011): words, tags and universal tags
// of the top three stack items and the first buffer words, left- and
// rightmost children and their relations, and 18 templates of the
// supertags of s0, s1, b0, b1 and of s0's and b0's leftmost children. A
// second averaged perceptron labels each arc when it is made, with 6 of
// its templates on the supertags of the dependent and the head; since an
// arc is made only when its dependent is complete, the labeller sees the
// whole subtree of the dependent (its case marker, its possessive clitic).
// With the supertags, the templates of distances, valencies, label sets
// and the linear context of the stack and buffer no longer paid for
// themselves (dropped: +0.1 on one model, and a quarter fewer lookups).
//
// Training uses the dynamic oracle of Goldberg and Nivre (2013), following
// the model's own mistakes with probability 0.9 after the first epoch, so
// the parser learns to recover from its errors. Three models are trained
// with different seeds (orders of the sentences and explorations) and their
// averaged weights are averaged once more (parameter mixing), which gains
// about 0.3 UAS and 0.4 LAS over any one of them at no run-time cost. Non-projective training
// trees are made projective by lifting. The tags of the training data are
// jackknifed (each fifth of the treebank is tagged by a tagger trained on
// the other four fifths) so that the parser learns from tags as noisy as
// the ones it gets at run time; so are the supertags, in five folds, by
// supertaggers run as at run time (SupertagSureMargin).
//
// Punctuation marks are then re-attached by the UD convention (the
// procedure of udapi's ud.FixPunct, see punct.go): a mark keeps its head
// when the convention allows it, and goes to the lowest allowed candidate
// otherwise; paired marks go to the head of what they enclose (+0.08 UAS).
//
// Words are lowercased with digits folded to 0; words seen once in training
// and unknown words at run time are replaced by a class of their shape
// (capitalised, all capitals, digits, hyphen) and last two letters.
// Features are hashed to 64-bit keys over integer ids; the run-time tables
// keep the 16-bit weights of one feature in one slot, and parsing
// allocates nothing.
//
// # Beam search
//
// Parser.WithBeam(k) decodes with a beam of the k best partial parses by the
// sum of their move scores instead of the single greedy one; the labeller
// still labels each arc greedily. A beam pays off only with a model trained
// for it: TrainConfig.Beam (herald train parse --beam K) trains the move
// weights globally, as a structured perceptron with early update (Collins
// and Roark 2004, Zhang and Clark 2008), and such a model records its width,
// so that Load and New decode it with the same beam. The embedded model is
// greedy; beam decoding is off unless asked for (herald eval parse --beam K
// measures it). Measured on EWT dev with predicted tags: three beam-4
// models (max-violation update, 6 epochs) averaged score UAS 85.3 and LAS
// 82.1 before storing, 84.9 and 81.6 once stored with the default pruning,
// and tag and parse only about 2,700 sentences per second; a beam of 2
// gains nothing over greedy parsing. Hence the greedy default.
//
// # Model
//
// The embedded model (model/parser.model.gz and the supertagger it was
// trained with, model/supertagger.bin.gz; derived from UD English EWT,
// CC BY-SA 4.0, see model/NOTICE) is built by
//
//	herald train parse --data DIR --out nlp/parse/model
//
// where DIR holds en_ewt-ud-train.conllu (and en_ewt-ud-dev.conllu, which is
// only scored): about 20 minutes on two cores, most of it the supertagger's
// jackknife (--jackknife-cache and --supertag-cache keep the jackknifed tags
// and supertags for the next run). Training is deterministic: the same
// data, seed and code give the same bytes. The model file is a gzip stream
// of vocabularies and quantised weights (see WriteModel); features whose
// weights are all below 1.95 are pruned (train parse --prune): 41% of the
// move features and 43% of the label features of the unpruned average
// have none larger, and dropping them changed no dev score (86.34 / 83.14
// against 86.32 / 83.12 at pruning 1.5, both with supertagger margin 10;
// validate --text-only 111 against 110 records) while the parser got
// about 12% faster and the model went from 3.2 to 2.0 MB. (Pruning at 2
// scores 86.47 / 83.24 but passes 109 records; at 2.5, 86.26 / 82.85.
// Averaging five models instead of three scores 86.56 / 83.31 unpruned but
// loses more to pruning, its weights being smaller: 86.31 / 83.10 at
// 1.95.) A parser model read from a file needs its supertagger
// (LoadWithSupertagger; herald's --model FILE looks for supertagger.bin.gz
// beside FILE).
//
// # Accuracy
//
// Scores are attachment scores over every word, punctuation included (the
// CoNLL 2018 shared task convention), on gold words with the tags of
// nlp/tag. On UD English EWT dev the embedded model scores UAS 86.49 and LAS
// 83.29 (full relations with subtypes; 83.50 on universal relations) with
// predicted tags, and UAS 88.43, LAS 86.32 with gold tags. Run
//
//	herald eval parse --conllu en_ewt-ud-dev.conllu [--gold-tags]
//
// to measure them (the README has the speed figures).
//
// # Supertags: what was measured
//
// Supertags bring about +1.4 UAS and +1.6 LAS over the same parser without
// them (84.89 / 81.55, three models). Measured on EWT dev with predicted
// tags, three models, stored at the default pruning, supertagger margins
// 40 unless said:
//
//   - supertagger reading words only (no XPOS): 86.47 / 83.08, but validate
//     --text-only falls to 105/128: on news with unknown names it errs
//     where the word alone misleads ("has broken relations" as an
//     adjective, "Arnor security officials" as a case marker). Reading
//     each word glued to its XPOS tag ("broken\x01VBN") instead: 85.89 /
//     82.63, validate 110/128. Reading the words and, as auxiliary tags,
//     the XPOS tags (shipped): 86.36 / 83.08, validate 110/128.
//   - the side and the universal relation only (70 classes): 86.19 /
//     82.90; sides and dependents without the relation: 84.89 / 81.48
//     (the relation is what the supertagger learns structure from).
//   - a lean supertagger inside the parser (an averaged perceptron over
//     the words, XPOS and UPOS of a 5-word window, the nearest verbs and
//     the two previous supertags; 70 classes, ~50 templates): one model
//     85.64 / 82.33. nlp/tag's rich word features (prefixes, suffixes,
//     shapes, WordNet classes, neighbouring words) and its 220 fine
//     classes are what make the difference.
//   - with supertags, dropping the move templates of distances, valencies,
//     label sets and the linear context (41 of 160): one model 86.21 /
//     82.92 against 86.15 / 82.79 with them; also dropping the three-word
//     templates: three models 86.26 / 83.00 against 86.30 / 83.09; the
//     second-order children templates: one model 85.93 / 82.51 (kept); a
//     third of the label templates (children, label sets, siblings): LAS
//     81.10 (kept).
//   - ten epochs instead of eight: no gain (86.16 / 83.01 stored at
//     pruning 1).
//   - a lean supertagger, without the suffixes, shapes and capitalisation
//     of the neighbouring words (10 of its 56 first-pass features, which
//     the XPOS tags were to stand for): 85.82 / 82.66, so they stay.
//
// Speed: the supertagger scores about 220 classes, so it costs as much as
// the parser; three things keep tagging and parsing above 5,000 sentences
// a second: nlp/tag's packed dense rows, the sure margin (most words keep
// their first-pass supertag), the parser scoring moves only when more
// than one is valid (an empty stack leaves SHIFT alone; same parses), and
// words tagged PUNCT labelled punct without scoring (one label of EWT dev
// changes: LAS 83.13 before).
//
// A supertagger without 13 of its context features (the ones whose
// removal at run time cost least, one at a time: previous tag with suffix
// or shape, the next two words, the previous word's suffix and XPOS, XPOS
// with the word or the previous supertag, five right-context features of
// the second pass), jackknifed and with the parser retrained on it: tag
// and parse 7% faster, herald run 3%, but UAS / LAS 86.36 / 83.02 (the
// unpruned average of the three models 86.62 / 83.35) and no help from
// wider run-time margins. Not shipped: LAS is the thinner margin.
//
// # Tried without gain
//
// Measured on EWT dev with predicted tags before the punctuation step, one
// model unless said (one greedy model scores 84.71 / 81.25 unpruned):
// suffix and UPOS backoff templates, tag-set features, min word frequency
// 1, feature dropout, other exploration rates, more epochs, five models
// averaged; capitalisation-shape templates (84.46 / 81.07); templates of
// ambiguity classes, the tags a word takes in 10% of its training uses
// (84.50 / 81.06); a beam of 8 with max-violation training (84.67 /
// 81.48); parsing without punctuation and attaching it afterwards, with
// the neighbouring marks as word features (UAS without punctuation 84.70
// against 85.35); a right-to-left parser (79.76 / 76.61, too weak to
// combine with by voting); a gold-tag copy of each training sentence
// besides its jackknifed copy (three models: 84.92 / 81.64 unpruned,
// 84.72 / 81.50 at the default pruning, 84.86 / 81.61 as a 7 MB model);
// features of the tagger's second choice for the words it hesitates over
// (within 40 weight units: 7% of the words, right on 38% of its errors;
// 84.65 / 81.19 against 84.68 / 81.22); templates of distributional word
// clusters (32 and 256 k-means clusters of neighbour-word profiles over
// WordNet's glosses and EWT train, 1.7 million words: 84.50 / 81.08); tags
// jackknifed in 10 folds instead of 5 (three models, stored: 84.57 /
// 81.27 against 84.89 / 81.55 with the punctuation step); word clusters
// of GloVe 6B vectors (nlp/cluster: 1,024 leaves of 200,000 words) as
// Koo et al. (2008) use Brown clusters, 37 templates with leaf and mid
// clusters in place of words (one model, 84.62 / 81.17 against 84.79 /
// 81.29), or as the class of rare and unknown words (84.64 / 81.24); the
// same clusters as tagger features leave XPOS at 95.03%. With
// gold tags the parser gains 2.8 UAS, so better tagging would help most.
package parse
