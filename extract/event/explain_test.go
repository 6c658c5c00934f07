package event

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/herald-events/herald/ptb"
)

func TestExplain(t *testing.T) {
	c := testCoder(t)
	day := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, parse string
		uncoded     []string // "words role verb code"
		unknown     []string // verb words
		err         error
	}{
		{"unknown subject of a dictionary verb",
			"(ROOT (S (NP (NNP Zorblax) (NNP Quentin)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))",
			[]string{"Zorblax_Quentin source criticized -"}, nil, nil},
		{"unknown verb and object with agent",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD bombarded) (NP (DT the) (NNP Fooland) (NN police))) (. .)))",
			[]string{"the_Fooland_police target bombarded ---COP"}, []string{"bombarded"}, nil},
		{"auxiliary is no verb of its own",
			"(ROOT (S (NP (NNP Gondor)) (VP (VBZ has) (VP (VBN praised) (NP (DT the) (NNS envoys)))) (. .)))",
			[]string{"the_envoys target praised -"}, []string{"praised"}, nil},
		{"pronouns are left out",
			"(ROOT (S (NP (PRP He)) (VP (VBD criticized) (NP (NNP Zorblax))) (. .)))",
			[]string{"Zorblax target criticized -"}, nil, nil},
		{"passive: by agent is the source, subject the target",
			"(ROOT (S (NP (DT The) (NNP Vorn) (NN envoy)) (VP (VBD was) (VP (VBN criticized) (PP (IN by) (NP (DT the) (NNP Zorblax) (NN militia))))) (. .)))",
			[]string{"The_Vorn_envoy target criticized -", "the_Zorblax_militia source criticized -"}, nil, nil},
		{"relative clause: the modified phrase is the subject",
			"(ROOT (S (NP (NP (DT The) (NN envoy)) (SBAR (WHNP (WP who)) (S (VP (VBD criticized) (NP (NNP Gondor)))))) (VP (VBD smiled)) (. .)))",
			[]string{"The_envoy source criticized -"}, []string{"smiled"}, nil},
		{"uncoded member of a compound",
			"(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Zorblax))) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))",
			[]string{"Zorblax source criticized -"}, nil, nil},
		{"object of a preposition",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (PP (IN for) (NP (NNP Umbar)))) (. .)))",
			[]string{"Umbar target left -"}, nil, nil},
		{"temporal noun phrases are no arguments",
			"(ROOT (S (NP (NNP Arnor)) (NP-TMP (NNP Tuesday)) (VP (VBD criticized) (NP (NNP Zorblax)) (NP-TMP (DT this) (NN week))) (. .)))",
			[]string{"Zorblax target criticized -"}, nil, nil},
		{"phrase cut before its prepositional phrase",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD banned) (NP (ADJP (NN travel) (PP (TO to) (NP (NNP Umbar)))) (NNS makers))) (. .)))",
			[]string{"travel target banned -"}, []string{"banned"}, nil},
		{"nothing missing",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (PP (IN for) (NP (NNP Minas) (NNP Tirith)))) (. .)))",
			nil, nil, nil},
		{"discarded sentence",
			"(ROOT (S (NP (NNS Months)) (ADVP (RB later)) (NP (NNP Zorblax)) (VP (VBD wept)) (. .)))",
			nil, nil, ErrSentenceDiscard},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := ptb.Parse(tc.parse)
			if err != nil {
				t.Fatal(err)
			}
			ex, err := c.Explain(tr, day)
			if !errors.Is(err, tc.err) || (err == nil) != (tc.err == nil) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			words := tr.Words()
			var un, uv []string
			for _, u := range ex.Uncoded {
				code := u.Code
				if code == "" {
					code = "-"
				}
				un = append(un, fmt.Sprintf("%s %s %s %s", strings.Join(words[u.Span.Start:u.Span.End], "_"), u.Role, words[u.Verb], code))
			}
			for _, v := range ex.UnknownVerbs {
				uv = append(uv, words[v])
			}
			if !reflect.DeepEqual(un, tc.uncoded) {
				t.Errorf("uncoded %q, want %q", un, tc.uncoded)
			}
			if !reflect.DeepEqual(uv, tc.unknown) {
				t.Errorf("unknown verbs %q, want %q", uv, tc.unknown)
			}
			// The events are CodeTree's.
			want, _ := c.CodeTree(tr, day)
			if !reflect.DeepEqual(ex.Events, want) {
				t.Errorf("events %v, CodeTree gives %v", ex.Events, want)
			}
		})
	}
}

// TestExplainEvents checks that Explain reports the events CodeTree codes
// on sentences that code some.
func TestExplainEvents(t *testing.T) {
	c := testCoder(t)
	day := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	tr, err := ptb.Parse("(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor)) (PP (IN over) (NP (NNP Zorblax)))) (. .)))")
	if err != nil {
		t.Fatal(err)
	}
	ex, err := c.Explain(tr, day)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Events) != 1 || ex.Events[0].Source != "ARN" || ex.Events[0].Target != "GON" || ex.Events[0].Code != "121" {
		t.Errorf("events %+v, want ARN GON 121", ex.Events)
	}
	if len(ex.Uncoded) != 1 || ex.Uncoded[0].Span != (Span{4, 5}) || ex.Uncoded[0].Role != TargetRole {
		t.Errorf("uncoded %+v, want Zorblax as a target", ex.Uncoded)
	}
}

// BenchmarkExplainGigaWord measures Explain on the trees CodeTree is
// measured on (BenchmarkCodeGigaWord), for comparison.
func BenchmarkExplainGigaWord(b *testing.B) {
	c := phoenix(b)
	trees, dates := gigaTrees(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for k, tr := range trees {
			if _, err := c.Explain(tr, dates[k]); err != nil && err != ErrSentenceDiscard && err != ErrStoryDiscard && err != ErrDateline {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
