package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Event is one coded event of a herald/1 output, with the document it
// came from.
type Event struct {
	Doc      string // document id
	Source   string // file name of the input (base name)
	Sentence int    // sentence index in the document
	Code     string // CAMEO code
	Root     string // CAMEO root
	Src, Tgt string // actor codes
	Verb     string
	Rule     string
	// Text is the sentence (for judging; never written to the repo).
	Text string
}

// Key identifies an event in a judgment file.
func (e Event) Key() string {
	return strings.Join([]string{e.Doc, strconv.Itoa(e.Sentence), e.Code, e.Src, e.Tgt}, "\t")
}

type jsonActor struct {
	Code string `json:"code"`
}

type jsonEvent struct {
	Sentence int       `json:"sentence"`
	Code     string    `json:"code"`
	Root     string    `json:"root"`
	Source   jsonActor `json:"source"`
	Target   jsonActor `json:"target"`
	Verb     struct {
		Text string `json:"text"`
	} `json:"verb"`
	Rule string `json:"rule"`
}

type jsonDoc struct {
	ID        string      `json:"id"`
	Source    string      `json:"source"`
	Text      string      `json:"text"`
	Sentences [][2]int    `json:"sentences"`
	Events    []jsonEvent `json:"events"`
}

// ReadEvents reads herald/1 JSON Lines and returns the events in file
// order. Errors name the line.
func ReadEvents(r io.Reader) ([]Event, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	var out []Event
	line := 0
	for sc.Scan() {
		line++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var d jsonDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("line %d: %v", line, err)
		}
		for _, e := range d.Events {
			ev := Event{Doc: d.ID, Source: filepath.Base(d.Source), Sentence: e.Sentence, Code: e.Code, Root: e.Root,
				Src: e.Source.Code, Tgt: e.Target.Code, Verb: e.Verb.Text, Rule: e.Rule}
			if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
				s := d.Sentences[e.Sentence]
				if s[0] >= 0 && s[0] <= s[1] && s[1] <= len(d.Text) {
					ev.Text = d.Text[s[0]:s[1]]
				}
			}
			out = append(out, ev)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %v", line+1, err)
	}
	return out, nil
}

// Sample draws n events without replacement with a PCG generator seeded
// with seed, and returns them in the order drawn. Identical keys are drawn
// once.
func Sample(evs []Event, n int, seed uint64) []Event {
	seen := map[string]bool{}
	var uniq []Event
	for _, e := range evs {
		if !seen[e.Key()] {
			seen[e.Key()] = true
			uniq = append(uniq, e)
		}
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	perm := r.Perm(len(uniq))
	if n > len(uniq) {
		n = len(uniq)
	}
	out := make([]Event, n)
	for i := range n {
		out[i] = uniq[perm[i]]
	}
	return out
}

// Judgment is one judged event: is the root code right for what the
// sentence reports, and are the actors right?
type Judgment struct {
	Side     string // "herald" or "phoenix"
	Doc      string
	Sentence int
	Code     string
	Src, Tgt string
	RootOK   bool
	// Actors: "y" both right, "p" one right, "n" neither.
	Actors string
	Reason string
	Line   int
}

// Key matches Event.Key.
func (j Judgment) Key() string {
	return strings.Join([]string{j.Doc, strconv.Itoa(j.Sentence), j.Code, j.Src, j.Tgt}, "\t")
}

// ReadJudgments reads a tab-separated judgment file: side, doc, sentence,
// code, source, target, root verdict (y/n), actors (y/p/n), reason. Lines
// starting with # are comments.
func ReadJudgments(r io.Reader, name string) ([]Judgment, error) {
	sc := bufio.NewScanner(r)
	var out []Judgment
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 9 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 9", name, line, len(f))
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: sentence %q: %v", name, line, f[2], err)
		}
		j := Judgment{Side: f[0], Doc: f[1], Sentence: n, Code: f[3], Src: f[4], Tgt: f[5], Actors: f[7], Reason: f[8], Line: line}
		switch f[6] {
		case "y":
			j.RootOK = true
		case "n":
		default:
			return nil, fmt.Errorf("%s:%d: root verdict %q, want y or n", name, line, f[6])
		}
		switch j.Actors {
		case "y", "p", "n":
		default:
			return nil, fmt.Errorf("%s:%d: actors verdict %q, want y, p or n", name, line, j.Actors)
		}
		out = append(out, j)
	}
	return out, sc.Err()
}

// Row is one line of the comparison table.
type Row struct {
	Side      string
	Events    int     // events coded on the texts
	Judged    int     // events in the judged sample
	RootOK    int     // judged events whose root is right
	Precision float64 // RootOK / Judged
	Correct   float64 // estimated correct events: Events × Precision
	ActorsOK  int     // judged events with root and both actors right
}

// Table computes one row per side from the events of each side and the
// judgments. Every judgment must name an event of its side's output, so
// a table cannot be computed from judgments of another run.
func Table(events map[string][]Event, js []Judgment) ([]Row, error) {
	keys := map[string]map[string]bool{}
	for side, evs := range events {
		keys[side] = map[string]bool{}
		for _, e := range evs {
			keys[side][e.Key()] = true
		}
	}
	rows := map[string]*Row{}
	for side, evs := range events {
		rows[side] = &Row{Side: side, Events: len(evs)}
	}
	for _, j := range js {
		r, ok := rows[j.Side]
		if !ok {
			return nil, fmt.Errorf("judgment line %d: no output for side %q", j.Line, j.Side)
		}
		if !keys[j.Side][j.Key()] {
			return nil, fmt.Errorf("judgment line %d: %s event %s not in the output", j.Line, j.Side, strings.ReplaceAll(j.Key(), "\t", " "))
		}
		r.Judged++
		if j.RootOK {
			r.RootOK++
			if j.Actors == "y" {
				r.ActorsOK++
			}
		}
	}
	var out []Row
	for _, r := range rows {
		if r.Judged > 0 {
			r.Precision = float64(r.RootOK) / float64(r.Judged)
		}
		r.Correct = float64(r.Events) * r.Precision
		out = append(out, *r)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Side < out[b].Side })
	return out, nil
}

// Markdown formats rows as a Markdown table.
func Markdown(rows []Row) string {
	var b strings.Builder
	b.WriteString("| dictionaries | events | judged | root right | root precision | est. correct events | root and both actors right |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %.1f%% | %.0f | %d (%.1f%%) |\n", r.Side, r.Events, r.Judged, r.RootOK,
			100*r.Precision, r.Correct, r.ActorsOK, pct(r.ActorsOK, r.Judged))
	}
	return b.String()
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
