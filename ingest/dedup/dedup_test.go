package dedup

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-events/herald/internal/devdata"
)

// story is an invented wire story of about 190 words.
const story = `The harbour authority on Tuesday approved a plan to expand the northern container terminal, adding three deep-water berths and a rail link to the inland freight yard. Board chair Miriam Okafor said the project would double the port's capacity by 2030 and create about 1,200 construction jobs. "This is the largest investment in the harbour in a generation," she told reporters after the vote. Environmental groups had opposed the plan, arguing that dredging the channel would damage seagrass beds used by juvenile fish. The authority said it would fund a monitoring programme and restore an equal area of seagrass elsewhere in the bay. Shipping lines welcomed the decision. A spokesman for the Northern Carriers Association said larger vessels currently wait up to two days for a berth during the peak season, costing operators millions each year. Construction is expected to begin next spring and to take four years. The authority will seek bids from contractors in the autumn and has set aside a reserve for cost overruns, which have dogged earlier projects at the port. Local residents will be able to comment on the construction timetable at public meetings in June.`

// sameTopic is a different story on the same topic.
const sameTopic = `Dock workers at the northern container terminal said on Wednesday they would seek talks with the harbour authority over jobs at the expanded port. The union representing crane operators said automation planned for the new berths could cut the number of permanent posts even as construction creates temporary work. "We are not against the expansion, but we want guarantees," union organiser Paul Mensah said. The authority said no decision had been taken on automated cranes and that it would consult staff before ordering equipment. The port handled a record number of containers last year, and traffic has grown by about six percent a year for a decade. Shipping lines have pressed for more capacity, and the regional government has promised money for the rail link to the inland freight yard. Seagrass restoration in the bay, a condition of the approval, will be overseen by an independent panel of scientists.`

func TestAdd(t *testing.T) {
	edited := strings.NewReplacer("on Tuesday", "on Tuesday evening", "1,200", "1,300", "Board chair", "The board's chair,", "next spring", "early next year").Replace(story)
	reflowed := strings.ReplaceAll(story, ". ", ".\n\n")
	shortened := story[:strings.Index(story, "Construction is expected")]
	tests := []struct {
		name        string
		text        string
		exact, near string
	}{
		{"first", story, "", ""},
		{"other topic", "Growers across the valley counted the damage on Wednesday after a late frost hit apple and pear orchards in blossom.", "", ""},
		{"white space only differs", reflowed, "a", ""},
		{"lightly edited copy", edited, "", "a"},
		{"cut short", shortened, "", "a"},
		{"same topic, different story", sameTopic, "", ""},
		{"empty", "  ", "", ""},
	}
	x := New(0)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exact, near := x.Add(string(rune('a'+i)), "", tt.text)
			if exact != tt.exact || near != tt.near {
				t.Errorf("Add = (%q, %q), want (%q, %q)", exact, near, tt.exact, tt.near)
			}
		})
	}
	a, b, c := Signature(story), Signature(edited), Signature(sameTopic)
	t.Logf("similarity: edited %.2f, same topic %.2f", Similarity(&a, &b), Similarity(&a, &c))
	if Similarity(&a, &b) < 0.7 || Similarity(&a, &c) > 0.2 {
		t.Errorf("similarity: edited %.2f, same topic %.2f", Similarity(&a, &b), Similarity(&a, &c))
	}
}

func TestThreshold(t *testing.T) {
	edited := strings.Replace(story, "Shipping lines welcomed the decision.", "", 1)
	for _, tt := range []struct {
		threshold float64
		flagged   bool
	}{{0.5, true}, {0.99, false}} {
		x := New(tt.threshold)
		x.Add("a", "", story)
		// a short text is judged by similarity only
		_, near := x.Add("b", "", edited[:400])
		if near != "" {
			t.Errorf("threshold %v: a short fragment flagged", tt.threshold)
		}
		x = New(tt.threshold)
		x.Add("a", "", story)
		if _, near := x.Add("b", "", edited); (near != "") != tt.flagged {
			t.Errorf("threshold %v: flagged %v, want %v", tt.threshold, near != "", tt.flagged)
		}
	}
}

// TestReuters uses the real repeated stories of the Reuters sample: every
// story repeated under the same headline is found, and no two stories
// under different headlines are paired unless their texts are the same
// (one story of the sample was sent under two headlines).
func TestReuters(t *testing.T) {
	files := devdata.Glob(t, "news/reuters21578-plaintext-sample/*.txt")
	x := New(0)
	title := map[string]string{}
	firstOf := map[string]string{} // title -> id of its first story
	pairs := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, body, _ := strings.Cut(string(b), "\n")
		id := filepath.Base(f)
		title[id] = head
		exact, near := x.Add(id, head, body)
		dup := exact + near
		switch first, seen := firstOf[head]; {
		case !seen && near != "" && !strings.HasPrefix(title[dup], head[:20]):
			t.Errorf("%s %q paired with %s %q", id, head, dup, title[dup])
		case seen && dup == "":
			t.Errorf("%s: repeat of %s (%q) not found", id, first, head)
		case seen:
			pairs++
		}
		if _, seen := firstOf[head]; !seen {
			firstOf[head] = id
		}
	}
	if pairs < 9 {
		t.Errorf("found %d repeats, want 9", pairs)
	}
}

// BenchmarkAdd adds distinct 300-word texts to a growing index.
func BenchmarkAdd(b *testing.B) {
	vocab := strings.Fields(story + " " + sameTopic)
	r := rand.New(rand.NewPCG(1, 2))
	texts := make([]string, 4096)
	for i := range texts {
		w := make([]string, 300)
		for j := range w {
			w[j] = vocab[r.IntN(len(vocab))]
		}
		texts[i] = strings.Join(w, " ")
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(texts[0])))
	x := New(0)
	i := 0
	for b.Loop() {
		x.Add(fmt.Sprint(i), "", texts[i%len(texts)]+fmt.Sprint(" ", i))
		i++
	}
}
