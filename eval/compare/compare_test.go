package compare

import (
	"strings"
	"testing"
)

const twoDocs = `{"schema":"herald/1","id":"d1","source":"/x/a.txt","text":"Arnor met Gondor. Gondor left.","sentences":[[0,17],[18,30]],"events":[{"sentence":0,"code":"040","root":"04","source":{"code":"ARN"},"target":{"code":"GON"},"verb":{"text":"met"},"rule":"v.txt:3"}]}
{"schema":"herald/1","id":"d2","source":"/x/b.txt","text":"Rohan criticized Arnor.","sentences":[[0,23]],"events":[{"sentence":0,"code":"111","root":"11","source":{"code":"ROH"},"target":{"code":"ARN"},"verb":{"text":"criticized"},"rule":"v.txt:9"},{"sentence":0,"code":"111","root":"11","source":{"code":"ROH"},"target":{"code":"ARN"},"verb":{"text":"criticized"},"rule":"v.txt:9"}]}
`

func TestReadEvents(t *testing.T) {
	evs, err := ReadEvents(strings.NewReader(twoDocs))
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 3 {
		t.Fatalf("got %d events, want 3", len(evs))
	}
	e := evs[0]
	if e.Doc != "d1" || e.Source != "a.txt" || e.Code != "040" || e.Src != "ARN" || e.Tgt != "GON" || e.Text != "Arnor met Gondor." || e.Rule != "v.txt:3" {
		t.Errorf("first event = %+v", e)
	}
	if _, err := ReadEvents(strings.NewReader("{\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad JSON: err = %v, want one naming line 1", err)
	}
}

func TestSample(t *testing.T) {
	evs, _ := ReadEvents(strings.NewReader(twoDocs))
	a, b := Sample(evs, 5, 7), Sample(evs, 5, 7)
	if len(a) != 2 {
		t.Fatalf("sample of 2 distinct events has %d", len(a))
	}
	if a[0].Key() == a[1].Key() {
		t.Error("a duplicate event was drawn twice")
	}
	for i := range a {
		if a[i].Key() != b[i].Key() {
			t.Error("the same seed drew different samples")
		}
	}
	if got := Sample(evs, 1, 7); len(got) != 1 {
		t.Errorf("sample of 1 has %d events", len(got))
	}
}

func TestReadJudgments(t *testing.T) {
	tests := []struct {
		name, in, err string
		n             int
	}{
		{"ok", "# comment\nherald\td1\t0\t040\tARN\tGON\ty\tp\tmet: meeting\n\nphoenix\td2\t0\t111\tROH\tARN\tn\tn\tno event\n", "", 2},
		{"fields", "herald\td1\t0\t040\tARN\tGON\ty\tp\n", "j.tsv:1: 8 fields", 0},
		{"sentence", "herald\td1\tx\t040\tARN\tGON\ty\tp\tr\n", "j.tsv:1: sentence", 0},
		{"verdict", "herald\td1\t0\t040\tARN\tGON\tmaybe\tp\tr\n", "root verdict", 0},
		{"actors", "herald\td1\t0\t040\tARN\tGON\ty\tq\tr\n", "actors verdict", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			js, err := ReadJudgments(strings.NewReader(tc.in), "j.tsv")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || len(js) != tc.n {
				t.Fatalf("got %d judgments, err %v", len(js), err)
			}
			if !js[0].RootOK || js[0].Actors != "p" || js[1].RootOK || js[0].Line != 2 {
				t.Errorf("judgments = %+v", js)
			}
		})
	}
}

func TestTable(t *testing.T) {
	evs, _ := ReadEvents(strings.NewReader(twoDocs))
	events := map[string][]Event{"herald": evs, "phoenix": evs[:1]}
	js, err := ReadJudgments(strings.NewReader("herald\td1\t0\t040\tARN\tGON\ty\ty\tmeeting\nherald\td2\t0\t111\tROH\tARN\tn\tp\tno\nphoenix\td1\t0\t040\tARN\tGON\ty\tp\tmeeting\n"), "j")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Table(events, js)
	if err != nil {
		t.Fatal(err)
	}
	h, p := rows[0], rows[1]
	if h.Side != "herald" || h.Events != 3 || h.Judged != 2 || h.RootOK != 1 || h.Precision != 0.5 || h.Correct != 1.5 || h.ActorsOK != 1 {
		t.Errorf("herald row = %+v", h)
	}
	if p.Side != "phoenix" || p.Events != 1 || p.Precision != 1 || p.ActorsOK != 0 {
		t.Errorf("phoenix row = %+v", p)
	}
	md := Markdown(rows)
	if !strings.Contains(md, "| herald | 3 | 2 | 1 | 50.0% | 2 | 1 (50.0%) |") {
		t.Errorf("markdown:\n%s", md)
	}
	// A judgment of an event the output does not hold is refused.
	bad, _ := ReadJudgments(strings.NewReader("phoenix\td2\t0\t111\tROH\tARN\ty\ty\tx\n"), "j")
	if _, err := Table(events, bad); err == nil || !strings.Contains(err.Error(), "not in the output") {
		t.Errorf("err = %v, want 'not in the output'", err)
	}
	if _, err := Table(events, []Judgment{{Side: "tabari", Line: 4}}); err == nil || !strings.Contains(err.Error(), "line 4") {
		t.Errorf("err = %v, want one naming line 4", err)
	}
}
