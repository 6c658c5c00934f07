package event_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/extract/event"
	"github.com/herald-events/herald/ptb"
)

func ExampleCoder_Code() {
	verbs, _ := dict.ParseVerbs("verbs.txt", "--- CRITICIZE [121] ---\nCRITICIZE\n- HEAVILY * [122]\n")
	actors := dict.NewActors()
	_ = actors.Parse("actors.txt", "ARNOR_ [ARN]\nGONDOR [GON]\n")
	c := event.NewCoder(&dict.Set{Verbs: verbs, Actors: actors}, event.DefaultOptions())
	evs, _ := c.Code("(ROOT (S (NP (NNP Arnor)) (VP (RB heavily) (VBD criticized) (NP (NNP Gondor))) (. .)))",
		time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, e := range evs {
		fmt.Println(e.Source, e.Target, e.Code, e.Rule, e.Pattern)
	}
	// Output: ARN GON 122 verbs.txt:3 HEAVILY *
}

func ExampleCoder_Explain() {
	verbs, _ := dict.ParseVerbs("verbs.txt", "--- CRITICIZE [121] ---\nCRITICIZE\n")
	actors := dict.NewActors()
	_ = actors.Parse("actors.txt", "ARNOR_ [ARN]\nGONDOR [GON]\n")
	c := event.NewCoder(&dict.Set{Verbs: verbs, Actors: actors}, event.DefaultOptions())
	t, _ := ptb.Parse("(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (DT the) (NNP Umbar) (NNS corsairs)) " +
		"(PP (IN after) (S (NP (PRP they)) (VP (VBD raided) (NP (NNP Gondor)))))) (. .)))")
	ex, _ := c.Explain(t, time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC))
	words := t.Words()
	for _, u := range ex.Uncoded {
		fmt.Println("no actor:", strings.Join(words[u.Span.Start:u.Span.End], " "), "as", u.Role, "of", words[u.Verb])
	}
	for _, v := range ex.UnknownVerbs {
		fmt.Println("no verb entry:", words[v])
	}
	// Output:
	// no actor: the Umbar corsairs as target of criticized
	// no verb entry: raided
}
