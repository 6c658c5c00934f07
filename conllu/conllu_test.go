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
