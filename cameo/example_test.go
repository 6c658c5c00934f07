package cameo_test

import (
	"fmt"

	"github.com/herald-events/herald/cameo"
)

func ExampleLookup() {
	e, _ := cameo.Lookup("111")
	fmt.Println(e.Name, e.Root, e.Quad, e.Goldstein)
	// Output: Criticize or denounce 11 3 -2
}
