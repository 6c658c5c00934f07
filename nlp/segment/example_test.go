package segment_test

import (
	"fmt"

	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tokenize"
)

func ExampleSentences() {
	text := "WASHINGTON, March 2 - Mr. Baker met U.S. officials. \"We agreed,\" he said.\nMarkets rose"
	toks := tokenize.Tokens(text, nil)
	for _, s := range segment.Sentences(text, toks, nil) {
		fmt.Println(text[toks[s.Start].Start:toks[s.End-1].End])
	}
	// Output:
	// WASHINGTON, March 2 - Mr. Baker met U.S. officials.
	// "We agreed," he said.
	// Markets rose
}
