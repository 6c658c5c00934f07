package compare

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The comparison is redone with the outputs of "herald run" in a
// directory named by HERALD_COMPARE_OUT (see README.md):
//
//	HERALD_COMPARE_OUT=/tmp/cmpout go test ./eval/compare -run TestRecomputeTable -v
//
// HERALD_COMPARE_ROUND picks the judgment file judgments-ROUND.tsv
// (baseline or final; default final) and the outputs herald-ROUND.jsonl
// and phoenix-ROUND.jsonl. HERALD_COMPARE_SAMPLE=SEED prints the sample
// to judge.

func readSide(t *testing.T, path string) []Event {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	evs, err := ReadEvents(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return evs
}

func round() string {
	if r := os.Getenv("HERALD_COMPARE_ROUND"); r != "" {
		return r
	}
	return "final"
}

func TestRecomputeTable(t *testing.T) {
	dir := os.Getenv("HERALD_COMPARE_OUT")
	if dir == "" {
		t.Skip("HERALD_COMPARE_OUT not set")
	}
	r := round()
	events := map[string][]Event{
		"herald":  readSide(t, filepath.Join(dir, "herald-"+r+".jsonl")),
		"phoenix": readSide(t, filepath.Join(dir, "phoenix-"+r+".jsonl")),
	}
	name := "judgments-" + r + ".tsv"
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	js, err := ReadJudgments(f, name)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Table(events, js)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Print(Markdown(rows))
}

func TestPrintSample(t *testing.T) {
	s := os.Getenv("HERALD_COMPARE_SAMPLE")
	dir := os.Getenv("HERALD_COMPARE_OUT")
	if s == "" || dir == "" {
		t.Skip("HERALD_COMPARE_SAMPLE or HERALD_COMPARE_OUT not set")
	}
	seed, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	n := 110
	for _, side := range []string{"herald-" + round(), "phoenix-" + round()} {
		evs := readSide(t, filepath.Join(dir, side+".jsonl"))
		for _, e := range Sample(evs, n, seed) {
			fmt.Printf("%s\t%s\t%d\t%s\t%s\t%s\t#%s|%s|%s|%s\n", strings.SplitN(side, "-", 2)[0], e.Doc, e.Sentence, e.Code, e.Src, e.Tgt,
				e.Source, e.Verb, e.Rule, strings.Join(strings.Fields(e.Text), " "))
		}
	}
}
