package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A few news-like sentences in CoNLL-U (hand-annotated in the EWT style).
const evalTagCoNLLU = `# sent_id = n1
1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	visited	visit	VERB	VBD	_	0	root	_	_
4	Cairo	Cairo	PROPN	NNP	_	3	obj	_	_
5	on	on	ADP	IN	_	6	case	_	_
6	Monday	Monday	PROPN	NNP	_	3	obl	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = n2
1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	two	two	NUM	CD	_	4	nummod	_	_
4	people	people	NOUN	NNS	_	6	nsubj	_	_
5	were	be	AUX	VBD	_	6	aux	_	_
6	killed	kill	VERB	VBN	_	2	ccomp	_	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	_	_
`

func TestEvalTag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tiny.conllu")
	if err := os.WriteFile(path, []byte(evalTagCoNLLU), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"scores", []string{"eval-tag", "--conllu", path}, 0, "XPOS"},
		{"below threshold", []string{"eval-tag", "--conllu", path, "--min-lemma", "100.01"}, 1, "below"},
		{"no file", []string{"eval-tag"}, 2, "Usage"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := runMain(tc.args, streams{strings.NewReader(""), &out, &errb})
			if code != tc.code {
				t.Fatalf("exit %d, want %d (stderr %s)", code, tc.code, errb.String())
			}
			if !strings.Contains(out.String()+errb.String(), tc.want) {
				t.Errorf("output %q lacks %q", out.String()+errb.String(), tc.want)
			}
		})
	}
}
