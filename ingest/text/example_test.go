package text_test

import (
	"fmt"

	"github.com/herald-events/herald/ingest/text"
)

func ExampleRead() {
	dump := `Harbour authority approves terminal expansion
The decision ends two years of hearings.
The regional harbour authority on Tuesday approved a plan to expand the northern container terminal, adding three deep-water berths and a rail link to the inland freight yard.
Board chair Miriam Okafor said the project would double the port's capacity by 2030 and create about 1,200 construction jobs.
Environmental groups had opposed the plan, arguing that dredging the channel would damage seagrass beds used by juvenile fish.
Shipping lines welcomed the decision, saying larger vessels now wait up to two days for a berth in the peak season.
Farmers warn of losses as late frost hits valley orchards
Growers across the valley counted the damage on Wednesday after temperatures fell to minus four degrees overnight, weeks after the trees had begun to blossom.
The growers' cooperative estimated that up to a third of this year's fruit could be lost, although a full assessment would take several days.
"We have not seen a frost this late in twenty years," said Tomas Reyes, who farms 40 hectares of apples near the river.
The agriculture ministry said it would send inspectors to the region and consider emergency support for the worst-affected farms.
`
	for _, d := range text.Read(dump) {
		fmt.Printf("%s (%d bytes of body)\n", d.Title, len(d.Text))
	}
	// Output:
	// Harbour authority approves terminal expansion (585 bytes of body)
	// Farmers warn of losses as late frost hits valley orchards (550 bytes of body)
}
