package tokenize_test

import (
	"fmt"

	"github.com/herald-events/herald/nlp/tokenize"
)

func ExampleTokens() {
	text := `Mr. Li said he "can't" pay $4.5bn.`
	for _, t := range tokenize.Tokens(text, nil) {
		fmt.Printf("%d-%d %s\n", t.Start, t.End, text[t.Start:t.End])
	}
	// Output:
	// 0-3 Mr.
	// 4-6 Li
	// 7-11 said
	// 12-14 he
	// 15-16 "
	// 16-18 ca
	// 18-21 n't
	// 21-22 "
	// 23-26 pay
	// 27-28 $
	// 28-31 4.5
	// 31-33 bn
	// 33-34 .
}

func ExampleJoined() {
	text := "Iran's"
	toks := tokenize.Tokens(text, nil)
	fmt.Println(len(toks), tokenize.Joined(text, toks[0], toks[1]))
	// Output: 2 true
}
