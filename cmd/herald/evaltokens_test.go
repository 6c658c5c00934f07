package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tinyTreebank is two EWT-like sentences: one tokenized as the tokenizer
// does, one whose gold splits "its" (it is), which the tokenizer keeps whole.
const tinyTreebank = `# newdoc id = d1
# sent_id = d1-1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = d1-2
# text = its late
1-2	its	_	_	_	_	_	_	_	_
1	it	it	PRON	PRP	_	3	nsubj	_	_
2	s	be	AUX	VBZ	_	3	cop	_	_
3	late	late	ADJ	JJ	_	0	root	_	_

`

func TestEvalTokens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tiny.conllu")
	if err := os.WriteFile(path, []byte(tinyTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no thresholds", nil, 0},
		{"thresholds met", []string{"--min-token-f1", "0.75", "--min-sent-f1", "0.9"}, 0},
		{"word F1 too low", []string{"--min-token-f1", "0.99"}, 1},
		{"no file", []string{"--conllu", ""}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			args := append([]string{"eval-tokens", "--conllu", path}, tt.args...)
			if code := runMain(args, streams{strings.NewReader(""), &out, &errb}); code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, errb.String())
			}
			if tt.code != 2 && !strings.Contains(out.String(), "words") {
				t.Errorf("no report in %q", out.String())
			}
		})
	}
}
