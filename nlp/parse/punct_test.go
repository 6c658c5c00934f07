package parse

import (
	"slices"
	"testing"
)

func TestFixPunct(t *testing.T) {
	// He said , " we won " .
	words := []string{"He", "said", ",", `"`, "we", "won", `"`, "."}
	upos := []string{"PRON", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT"}
	tests := []struct {
		name     string
		in, want []int
	}{
		{"well formed is kept",
			[]int{1, -1, 5, 5, 5, 1, 5, 1}, []int{1, -1, 5, 5, 5, 1, 5, 1}},
		{"a comma between a clause and its dependent goes to the lower one",
			[]int{1, -1, 1, 5, 5, 1, 5, 1}, []int{1, -1, 5, 5, 5, 1, 5, 1}},
		{"final stop inside the quotation goes up to the clause",
			[]int{1, -1, 5, 5, 5, 1, 5, 4}, []int{1, -1, 5, 5, 5, 1, 5, 1}},
		{"quotation marks go to the head of what they enclose",
			[]int{1, -1, 5, 1, 5, 1, 1, 1}, []int{1, -1, 5, 5, 5, 1, 5, 1}},
		{"a dependent of a mark moves to the mark's head",
			[]int{1, -1, 5, 5, 2, 1, 5, 1}, []int{1, -1, 5, 5, 5, 1, 5, 1}},
	}
	var f punctFixer
	for _, tc := range tests {
		got := slices.Clone(tc.in)
		f.fix(words, upos, got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: heads %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestFixPunctKeepsAnAllowedHead(t *testing.T) {
	// John , my friend , came .
	words := []string{"John", ",", "my", "friend", ",", "came", "."}
	upos := []string{"PROPN", "PUNCT", "PRON", "NOUN", "PUNCT", "VERB", "PUNCT"}
	var f punctFixer
	for _, tc := range []struct{ comma, want int }{
		{2, 2}, // "my" lies on the path up to "friend": kept
		{3, 3}, // "friend" is the convention's own choice
		{5, 3}, // "came" is across the second comma: not allowed
	} {
		heads := []int{5, tc.comma, 3, 0, 3, 6, 5}
		heads[5] = -1
		f.fix(words, upos, heads)
		if heads[1] != tc.want {
			t.Errorf("comma on %d: moved to %d, want %d", tc.comma, heads[1], tc.want)
		}
	}
}

func TestFixPunctLeavesCyclesAlone(t *testing.T) {
	words := []string{"a", ",", "b"}
	upos := []string{"NOUN", "PUNCT", "NOUN"}
	heads := []int{1, 0, -1} // a -> , -> a: a never reaches the root
	var f punctFixer
	f.fix(words, upos, heads)
	if !slices.Equal(heads, []int{1, 0, -1}) {
		t.Errorf("heads %v changed", heads)
	}
}
