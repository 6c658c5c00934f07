package herald_test

import (
	"fmt"
	"strings"

	"github.com/herald-events/herald/dict/herald"
)

// Parse the embedded dictionaries and look up an actor on a date.
func ExampleSet() {
	set, err := herald.Set()
	if err != nil {
		panic(err)
	}
	words := strings.Fields("SAYYED KHAMENEI SLAMS MUSLIM STATES")
	a, n, _ := set.Actors.Match(words, 0)
	fmt.Println(n, a.CodesAt(20240307))
	a, n, _ = set.Actors.Match(words, 3)
	fmt.Println(n, a.CodesAt(20240307))
	for _, v := range set.Verbs.Lookup("SLAMS") {
		fmt.Println(v.Block.Label, v.Block.Code)
	}
	// Output:
	// 2 [IRNGOV]
	// 2 [MOSGOV]
	// CRITICIZE 111
}
