package ptb

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
		words          string
	}{
		{"simple", "(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))", "(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))", "Arnor left ."},
		{"layout", "\n(ROOT (S  \n  (NP (NNP Dagolath) (POS 's)\n  )  (VP\n (VBD left) ) ) )\n", "(ROOT (S (NP (NNP Dagolath) (POS 's)) (VP (VBD left))))", "Dagolath 's left"},
		{"empty outer label", "( (S (NP (PRP He)) (VP (VBD came))))", "( (S (NP (PRP He)) (VP (VBD came))))", "He came"},
		{"punctuation words", "(ROOT (S (`` ``) (NP (-LRB- -LRB-)) (, ,)))", "(ROOT (S (`` ``) (NP (-LRB- -LRB-)) (, ,)))", "`` -LRB- ,"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := tr.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
			if got := strings.Join(tr.Words(), " "); got != tc.words {
				t.Errorf("Words() = %q, want %q", got, tc.words)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, msg string
		off           int
	}{
		{"empty", "  ", "empty input", 0},
		{"unclosed", "(ROOT (S (NP (NNP Arnor))", "unclosed (S", 25},
		{"trailing", "(ROOT (NN x)) )", "after the tree", 14},
		{"no paren", "ROOT", "expected '('", 0},
		{"childless", "(ROOT (S ))", "neither word nor children", 6},
		{"word then phrase", "(NP word (NN x))", "expected ')' after word", 9},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.in)
			se, ok := err.(*SyntaxError)
			if !ok {
				t.Fatalf("err = %v, want *SyntaxError", err)
			}
			if !strings.Contains(se.Msg, tc.msg) || se.Offset != tc.off {
				t.Errorf("err = %v, want offset %d and %q", err, tc.off, tc.msg)
			}
		})
	}
}

func TestTreeStructure(t *testing.T) {
	tr, err := Parse("(ROOT (S (NP (DT the) (NN man)) (VP (VBD left))))")
	if err != nil {
		t.Fatal(err)
	}
	if tr.Tag(1) != "NN" || tr.Tag(2) != "VBD" {
		t.Errorf("tags = %s %s", tr.Tag(1), tr.Tag(2))
	}
	for i, n := range tr.Nodes {
		for _, c := range n.Children {
			if tr.Nodes[c].Parent != i {
				t.Errorf("node %d: child %d has parent %d", i, c, tr.Nodes[c].Parent)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))")
	f.Add("( (S (NP (PRP He))))")
	f.Add("((")
	f.Add("(A (B c) (D (E f)))")
	f.Fuzz(func(t *testing.T, s string) {
		tr, err := Parse(s)
		if err != nil {
			return
		}
		for i, l := range tr.Leaves {
			n := tr.Nodes[l]
			if n.Leaf != i || len(n.Children) != 0 {
				t.Fatalf("leaf %d inconsistent: %+v", i, n)
			}
		}
		for i, n := range tr.Nodes {
			if n.Start < 0 || n.Start >= len(s) || s[n.Start] != '(' {
				t.Fatalf("node %d start %d not at '('", i, n.Start)
			}
			if i > 0 && (n.Parent < 0 || n.Parent >= i) {
				t.Fatalf("node %d parent %d not before it", i, n.Parent)
			}
		}
		// Round trip: the printed tree parses to the same print.
		tr2, err := Parse(tr.String())
		if err != nil {
			t.Fatalf("reparse of %q: %v", tr.String(), err)
		}
		if tr2.String() != tr.String() {
			t.Fatalf("round trip %q != %q", tr2.String(), tr.String())
		}
	})
}
