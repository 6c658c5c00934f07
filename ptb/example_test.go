package ptb_test

import (
	"fmt"

	"github.com/herald-events/herald/ptb"
)

func ExampleParse() {
	t, err := ptb.Parse("(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))")
	if err != nil {
		panic(err)
	}
	fmt.Println(t.Words(), t.Tag(1))
	// Output: [Arnor left .] VBD
}
