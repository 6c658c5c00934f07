package conllu

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `# newdoc id = d1
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	3:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	know	know	VERB	VB	_	0	root	0:root	SpaceAfter=No
4.1	knows	know	VERB	VB	_	_	_	4:conj	_
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = s2
# text = Yes
1	Yes	yes	INTJ	UH	_	0	root	0:root	_
`

func TestReadAndWrite(t *testing.T) {
	ss, err := Read(strings.NewReader(sample), "sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 {
		t.Fatalf("sentences = %d", len(ss))
	}
	s := ss[0]
	if s.ID != "s1" || s.Text != "I don't know." || !s.NewDoc || len(s.Words) != 5 || len(s.MultiWords) != 1 {
		t.Fatalf("sentence 0 = %+v", s)
	}
	if w := s.Words[3]; w.Form != "know" || w.Head != 0 || w.SpaceAfter() || w.Deprel != "root" {
		t.Errorf("word 4 = %+v", w)
	}
	if s.Words[2].Lemma != "not" || !s.Words[2].SpaceAfter() {
		t.Errorf("word 3 = %+v", s.Words[2])
	}
	var buf bytes.Buffer
	for _, s := range ss {
		if err := Write(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	again, err := Read(&buf, "again")
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 2 || len(again[0].Words) != 5 || again[0].MultiWords[0].Form != "don't" || again[1].Words[0].Lemma != "yes" {
		t.Fatalf("round trip lost data: %+v", again)
	}
}

func TestErrorsNamePlace(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"columns", "1\tI\tI\n", "x.conllu:1: want 10"},
		{"id", "# c\n2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "x.conllu:2: bad word id"},
		{"head", "1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n", "x.conllu:1: bad head"},
		{"range", "2-1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n", "bad multi-word"},
		{"head beyond", "1\tI\tI\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tgo\tgo\tVERB\tVBP\t_\t7\troot\t_\t_\n\n", "x.conllu:2: head 7 beyond the sentence's 2 words"},
		{"range beyond", "1-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n", "x.conllu:1: multi-word token 1-3 outside"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.in), "x.conllu")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// FuzzRead checks that Read never panics and that what it accepts holds
// together: word ids 1..n in order, heads within the sentence, multi-word
// ranges over its words; and that an error names the input.
func FuzzRead(f *testing.F) {
	f.Add("# sent_id = a\n1\tI\tI\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tgo\tgo\tVERB\tVBP\t_\t0\troot\t_\t_\n\n")
	f.Add("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n\n")
	f.Add("1\tI\tI\tPRON\tPRP\t_\t9\troot\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := Read(strings.NewReader(in), "f.conllu")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.conllu:") {
				t.Fatalf("error %q does not name the input", err)
			}
			return
		}
		for _, s := range ss {
			for i, w := range s.Words {
				if w.ID != i+1 || w.Head < 0 || w.Head > len(s.Words) {
					t.Fatalf("word %d: id %d head %d in a sentence of %d words", i, w.ID, w.Head, len(s.Words))
				}
			}
			for _, m := range s.MultiWords {
				if m.First < 1 || m.Last < m.First || m.Last > len(s.Words) {
					t.Fatalf("multi-word %d-%d in a sentence of %d words", m.First, m.Last, len(s.Words))
				}
			}
		}
	})
}
