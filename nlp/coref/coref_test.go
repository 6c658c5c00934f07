package coref_test

import (
	"context"
	"strings"
	"testing"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/nlp/coref"
	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
)

func resolve(t testing.TB, text string) *doc.Doc {
	t.Helper()
	p, err := pipeline.New(tokenize.New(), segment.New(), coref.New())
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Doc{Text: text}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// chainOf returns the name of the chain holding the mention with this
// text (the n-th occurrence, from 0), or "".
func chainOf(d *doc.Doc, mention string, n int) string {
	at := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(d.Text[at+1:], mention)
		if j < 0 {
			return "?"
		}
		at += 1 + j
	}
	for _, c := range d.Chains {
		for _, m := range c.Mentions {
			a, b := d.SpanBytes(m)
			if a <= at && at+len(mention) <= b {
				return c.Name
			}
		}
	}
	return ""
}

func TestResolve(t *testing.T) {
	cases := []struct {
		name    string
		text    string
		mention string
		nth     int
		want    string
	}{
		{"surname", "Senator Margaret Ellis opened the hearing. Ellis asked the witnesses to stand.", "Ellis", 1, "Margaret Ellis"},
		{"title and surname", "Ali Khamenei spoke in Tehran. Sayyed Khamenei criticized Muslim states.", "Khamenei", 1, "Ali Khamenei"},
		{"honorific stripped", "The leader of the Islamic Revolution Sayyed Ali Khamenei spoke on Sunday.", "Khamenei", 0, "Ali Khamenei"},
		{"he", "Daniel Brooks, the union's president, rejected the offer. He said the workers would strike.", "He", 0, "Daniel Brooks"},
		{"she by first name", "Mary Holt met Peter Grant in Boston. She said the deal was fair.", "She", 0, "Mary Holt"},
		{"he skips a woman", "Mary Holt met Peter Grant in Boston. He said the deal was fair.", "He", 0, "Peter Grant"},
		{"role description", "President Samuel Okoro arrived in Lagos. The president said the talks went well.", "president", 0, "Samuel Okoro"},
		{"possessive role", "Nigeria's leader Samuel Okoro arrived in Lagos. Nigeria's leader praised the talks.", "leader", 1, "Samuel Okoro"},
		{"document", "A Foreign Policy report examined the war. The report found deep anger in the region.", "report", 1, "Foreign Policy"},
		{"it for document", "A Foreign Policy report examined the war. It suggests the anger will last.", "It", 0, "Foreign Policy"},
		{"the company", "Acme Corporation reported higher profits on Monday. Analysts had expected less. The company said margins improved.", "company", 0, "Acme Corporation"},
		{"the Bank of England is a name", "Acme Corporation reported higher profits. Analysts praised the Bank of England on Monday.", "Bank", 0, "Bank"},
		{"a company is not", "Acme Corporation reported higher profits. A company in Ohio said margins improved.", "company", 0, ""},
		// A lede description goes to the article's main person, named later
		// ("The Iranian leader urges …" above "Sayyed Ali Khamenei said …");
		// one further down, about someone never named, does not.
		{"lede description", "The Iranian leader urged Muslim states to act. Sayyed Ali Khamenei spoke in Tehran on Sunday.", "leader", 0, "Ali Khamenei"},
		{"unnamed minister", "Tehran protested on Monday. Iran's foreign minister condemned the strikes. The minister told reporters the silence was a betrayal. Prime Minister Benjamin Netanyahu rejected the criticism.", "minister", 1, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := resolve(t, tc.text)
			if !d.Has(doc.LayerCoref) {
				t.Fatal("coref layer not marked")
			}
			if got := chainOf(d, tc.mention, tc.nth); got != tc.want {
				for _, c := range d.Chains {
					t.Logf("chain %q %s %v", c.Name, c.Label, c.Mentions)
				}
				t.Errorf("%q #%d in chain %q, want %q", tc.mention, tc.nth, got, tc.want)
			}
		})
	}
}

func TestChainsValid(t *testing.T) {
	d := resolve(t, "He said it. She said they did. The report. The leader spoke. Mr. Smith and Mrs. Smith arrived; Smith left.")
	for _, c := range d.Chains {
		if c.Name == "" || len(c.Mentions) == 0 {
			t.Errorf("chain %+v: empty", c)
		}
		for i, m := range c.Mentions {
			if m.Start < 0 || m.End <= m.Start || int(m.End) > len(d.Tokens) || i > 0 && m.Start < c.Mentions[i-1].Start {
				t.Errorf("chain %q: bad mention %v", c.Name, m)
			}
		}
	}
}
