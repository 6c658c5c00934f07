package event_test

import (
	"fmt"
	"time"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/extract/event"
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
