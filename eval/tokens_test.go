package eval

import (
	"strings"
	"testing"

	"github.com/herald-events/herald/internal/devdata"
)

// tokensConllu is a small treebank in the shape of UD EWT: a multiword
// token, a sentence-final abbreviation, two documents, a paragraph break.
const tokensConllu = `# newdoc id = d1
# sent_id = d1-1
# newpar id = d1-p1
# text = I don't know Mr. Li.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	_
5	Mr.	Mr.	PROPN	NNP	_	6	compound	_	_
6	Li	Li	PROPN	NNP	_	4	obj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = d1-2
# text = He left at 5 p.m.
1	He	he	PRON	PRP	_	2	nsubj	_	_
2	left	leave	VERB	VBD	_	0	root	_	_
3	at	at	ADP	IN	_	4	case	_	_
4	5	5	NUM	CD	_	5	nummod	_	_
5	p.m	p.m.	NOUN	NN	_	2	obl	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = d1-3
# newpar id = d1-p2
# text = no stop here
1	no	no	DET	DT	_	2	det	_	_
2	stop	stop	NOUN	NN	_	0	root	_	_
3	here	here	ADV	RB	_	2	advmod	_	_

# newdoc id = d2
# sent_id = d2-1
# text = Iran's long-term plan.
1-2	Iran's	_	_	_	_	_	_	_	_
1	Iran	Iran	PROPN	NNP	_	5	nmod:poss	_	_
2	's	's	PART	POS	_	1	case	_	_
3	long	long	ADJ	JJ	_	5	amod	_	SpaceAfter=No
4	-	-	PUNCT	HYPH	_	5	punct	_	SpaceAfter=No
5	term	term	NOUN	NN	_	6	compound	_	_
6	plan	plan	NOUN	NN	_	0	root	_	SpaceAfter=No
7	.	.	PUNCT	.	_	6	punct	_	_

# sent_id = d2-2
# text = its late
1-2	its	_	_	_	_	_	_	_	_
1	it	it	PRON	PRP	_	3	nsubj	_	_
2	s	be	AUX	VBZ	_	3	cop	_	_
3	late	late	ADJ	JJ	_	0	root	_	_

`

func TestTokens(t *testing.T) {
	r, err := Tokens(strings.NewReader(tokensConllu), "test.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if r.Docs != 2 || r.Sents != 5 || r.Unaligned != 0 {
		t.Fatalf("docs %d, sentences %d, unaligned %d", r.Docs, r.Sents, r.Unaligned)
	}
	// Words: the gold splits "its" (it is) into two words, the tokenizer
	// keeps the possessive-looking word whole.
	if r.Words != (PRF{Gold: 26, Pred: 25, TP: 24}) {
		t.Errorf("words %+v", r.Words)
	}
	// Surface tokens: multiword tokens count once on each side.
	if r.Tokens != (PRF{Gold: 23, Pred: 23, TP: 23}) {
		t.Errorf("surface tokens %+v", r.Tokens)
	}
	// Sentences joined by spaces: "p.m. no" cannot be told from a sentence
	// going on; with the paragraph break it can.
	if r.Sentences != (PRF{Gold: 3, Pred: 2, TP: 2}) {
		t.Errorf("sentences %+v", r.Sentences)
	}
	if r.Paragraphs != (PRF{Gold: 3, Pred: 3, TP: 3}) {
		t.Errorf("paragraphs %+v", r.Paragraphs)
	}
	var b strings.Builder
	if _, err := r.WriteTo(&b); err != nil || !strings.Contains(b.String(), "F1 0.9412") {
		t.Errorf("report %q, %v", b.String(), err)
	}
}

func TestTokensUnaligned(t *testing.T) {
	in := strings.Replace(tokensConllu, "# text = no stop here", "# text = no stop there", 1)
	r, err := Tokens(strings.NewReader(in), "test.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if r.Unaligned != 1 || r.Words.Gold != 23 {
		t.Errorf("unaligned %d, gold words %d", r.Unaligned, r.Words.Gold)
	}
}

func TestTokensBadInput(t *testing.T) {
	if _, err := Tokens(strings.NewReader("1\tonly two\n\n"), "bad.conllu"); err == nil {
		t.Error("no error on a malformed line")
	}
}

// TestTokensEWT checks the targets on the UD English EWT dev set.
func TestTokensEWT(t *testing.T) {
	r, err := TokensFile(devdata.Path(t, "ud-en-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	if f := r.Words.F1(); f < 0.99 {
		t.Errorf("word F1 %.4f < 0.99", f)
	}
	if f := r.Paragraphs.F1(); f < 0.90 {
		t.Errorf("sentence-boundary F1 %.4f < 0.90", f)
	}
	if r.Unaligned > 0 {
		t.Errorf("%d unaligned sentences", r.Unaligned)
	}
}
