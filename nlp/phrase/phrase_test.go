package phrase

import (
	"strings"
	"testing"

	"github.com/herald-events/herald/conllu"
	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/ptb"
)

// sent builds a Sentence from "word|TAG|head|rel" items, heads 1-based as in
// CoNLL-U (0 for the root).
func sent(items string) Sentence {
	var s Sentence
	for _, it := range strings.Fields(items) {
		p := strings.Split(it, "|")
		h := 0
		for _, c := range p[2] {
			h = h*10 + int(c-'0')
		}
		s.Words = append(s.Words, p[0])
		s.Tags = append(s.Tags, p[1])
		s.Heads = append(s.Heads, h-1)
		s.Rels = append(s.Rels, p[3])
	}
	return s
}

func TestBracketed(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"transitive with PP", "Iran|NNP|2|nsubj condemned|VBD|0|root the|DT|4|det strikes|NNS|2|obj on|IN|6|case Gaza|NNP|4|nmod .|.|2|punct",
			"(ROOT (S (NP (NNP Iran)) (VP (VBD condemned) (NP (NP (DT the) (NNS strikes)) (PP (IN on) (NP (NNP Gaza))))) (. .)))"},
		{"auxiliary and adverb", "Iran|NNP|4|nsubj will|MD|4|aux soon|RB|4|advmod attack|VB|0|root Israel|NNP|4|obj",
			"(ROOT (S (NP (NNP Iran)) (VP (MD will) (VP (ADVP (RB soon)) (VB attack) (NP (NNP Israel))))))"},
		{"object control", "Khamenei|NNP|2|nsubj urged|VBD|0|root Muslims|NNPS|2|obj to|TO|5|mark cut|VB|2|xcomp ties|NNS|5|obj",
			"(ROOT (S (NP (NNP Khamenei)) (VP (VBD urged) (S (NP (NNPS Muslims)) (VP (TO to) (VP (VB cut) (NP (NNS ties))))))))"},
		{"that clause", "He|PRP|2|nsubj said|VBD|0|root that|IN|5|mark Iran|NNP|5|nsubj won|VBD|2|ccomp",
			"(ROOT (S (NP (PRP He)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP Iran)) (VP (VBD won)))))))"},
		{"possessor and coordination", "Iran|NNP|3|nmod:poss 's|POS|1|case leader|NN|4|nsubj met|VBD|0|root Egypt|NNP|4|obj and|CC|7|cc Qatar|NNP|5|conj",
			"(ROOT (S (NP (NP (NNP Iran) (POS 's)) (NN leader)) (VP (VBD met) (NP (NP (NNP Egypt)) (CC and) (NP (NNP Qatar))))))"},
		{"passive with by", "Gaza|NNP|3|nsubj:pass was|VBD|3|aux:pass shelled|VBN|0|root by|IN|5|case Israel|NNP|3|obl:agent",
			"(ROOT (S (NP (NNP Gaza)) (VP (VBD was) (VP (VBN shelled) (PP (IN by) (NP (NNP Israel)))))))"},
		{"according to, comma at the clause level", "The|DT|2|det army|NN|3|nsubj killed|VBD|0|root rebels|NNS|3|obj ,|,|8|punct according|VBG|8|case to|IN|6|fixed officials|NNS|3|obl .|.|3|punct",
			"(ROOT (S (NP (DT The) (NN army)) (VP (VBD killed) (NP (NNS rebels)) (, ,) (PP (VBG according) (IN to) (NP (NNS officials)))) (. .)))"},
		{"possessor the parser hung on the verb", "Gondor|NNP|5|nmod:poss 's|POS|1|case Prime|NNP|4|compound Minister|NNP|5|nsubj noted|VBD|0|root it|PRP|5|obj",
			"(ROOT (S (NP (NP (NNP Gondor) (POS 's)) (NNP Prime) (NNP Minister)) (VP (VBD noted) (NP (PRP it)))))"},
		{"two subjects: title and name", "Deputy|NNP|3|nsubj Telemar|NNP|3|nsubj left|VBD|0|root",
			"(ROOT (S (NP (NNP Deputy) (NNP Telemar)) (VP (VBD left))))"},
		{"two subjects: a list", "Mordor|NNP|6|nsubj ,|,|3|punct Fornost|NNP|6|nsubj and|CC|5|cc Bree|NNP|3|conj welcomed|VBD|0|root",
			"(ROOT (S (NP (NP (NNP Mordor)) (, ,) (NP (NP (NNP Fornost)) (CC and) (NP (NNP Bree)))) (VP (VBD welcomed))))"},
		{"brackets escaped", "TEHRAN|NNP|0|root (|-LRB-|3|punct AFP|NNP|1|appos )|-RRB-|3|punct",
			"(ROOT (NP (NP (NNP TEHRAN)) (-LRB- -LRB-) (NP (NP (NNP AFP)) (-RRB- -RRB-))))"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Bracketed(sent(tc.in))
			if got != tc.want {
				t.Errorf("\n got %s\nwant %s", got, tc.want)
			}
			if _, err := ptb.Parse(got); err != nil {
				t.Errorf("not a valid tree: %v", err)
			}
		})
	}
}

func unescape(w string) string {
	switch w {
	case "-LRB-":
		return "("
	case "-RRB-":
		return ")"
	}
	return w
}

// goldSentence is the gold tree of a CoNLL-U sentence as a Sentence.
func goldSentence(cs conllu.Sentence) Sentence {
	var s Sentence
	for _, w := range cs.Words {
		s.Words = append(s.Words, w.Form)
		s.Tags = append(s.Tags, w.XPOS)
		s.Heads = append(s.Heads, w.Head-1)
		s.Rels = append(s.Rels, w.Deprel)
	}
	return s
}

// TestWordOrderOnTreebank converts every gold dependency tree of UD EWT dev
// and checks that the phrase tree keeps all words in sentence order.
func TestWordOrderOnTreebank(t *testing.T) {
	ss := devdata.CoNLLU(t, "ud-en-ewt", "en_ewt-ud-dev.conllu")
	bad := 0
	for _, cs := range ss {
		s := goldSentence(cs)
		tr, err := ptb.Parse(Bracketed(s))
		if err != nil {
			t.Fatalf("%s: %v", cs.ID, err)
		}
		got := tr.Words()
		for i := range got {
			got[i] = unescape(got[i])
		}
		want := make([]string, len(s.Words))
		for i, w := range s.Words {
			want[i] = unescape(escapeWord(w))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			bad++
		}
	}
	if rate := float64(bad) / float64(len(ss)); rate > 0.02 {
		t.Errorf("%d of %d sentences (%.1f%%) lose word order", bad, len(ss), 100*rate)
	}
}
