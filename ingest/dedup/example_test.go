package dedup_test

import (
	"fmt"
	"strings"

	"github.com/herald-events/herald/ingest/dedup"
)

func ExampleIndex_Add() {
	story := strings.Repeat("The port authority approved the expansion of the northern terminal on Tuesday. ", 3) +
		"Construction will begin next spring and last four years, the board chair said after the vote."
	edited := strings.Replace(story, "next spring", "in the spring", 1)
	x := dedup.New(0)
	show := func(exact, near string) { fmt.Printf("exact=%q near=%q\n", exact, near) }
	show(x.Add("a", "", story))
	show(x.Add("b", "", story))  // the same text as a
	show(x.Add("c", "", edited)) // a lightly edited copy of a
	// Output:
	// exact="" near=""
	// exact="a" near=""
	// exact="" near="a"
}
