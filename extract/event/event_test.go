package event

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/ptb"
)

const testVerbs = `--- ARRIVE [032:033] ---
ARRIVE
LEAVE {LEFT LEAVES}
--- CRITICIZE [121] ---
CRITICIZE
- HEAVILY * [122]
--- RENEW [---] ---
RENEW
- * DIPLOMATIC [064:064]
--- SAY [010] ---
SAY {SAID}
--- URGE [020] ---
+CALL_ON {+CALLED_ON}
--- SUSPEND [160] ---
+CALL_OFF {+CALLED_OFF}
- * EXPORTS [163]
`

const testActors = `ARNOR_ [ARN]
GONDOR [GON]
+MINAS_TIRITH
GOLLUM
	[HOB < 950601]
	[HOBGOV >950601]
BOROMIR [---]
`

const testAgents = `MINISTER [~GOV]
POLICE {} [~COP]
LEADER [~GOV]
`

func testCoder(t testing.TB) *Coder {
	v, err := dict.ParseVerbs("verbs.txt", testVerbs)
	if err != nil {
		t.Fatal(err)
	}
	a := dict.NewActors()
	if err := a.Parse("actors.txt", testActors); err != nil {
		t.Fatal(err)
	}
	ag, err := dict.ParseAgents("agents.txt", testAgents)
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.ParseDiscards("discards.txt", "MONTHS LATER\n")
	if err != nil {
		t.Fatal(err)
	}
	return NewCoder(&dict.Set{Verbs: v, Actors: a, Agents: ag, Discards: d}, DefaultOptions())
}

func TestCode(t *testing.T) {
	c := testCoder(t)
	day := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, parse string
		date        time.Time
		want        []string // "SRC TGT CODE RULE"
	}{
		{"paired verb code", "(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (PP (IN for) (NP (NNP Minas) (NNP Tirith)))) (. .)))", day,
			[]string{"ARN GON 032 verbs.txt:3", "GON ARN 033 verbs.txt:3"}},
		{"pattern before verb in ADVP", "(ROOT (S (NP (NNP Arnor)) (VP (ADVP (RB heavily)) (VBD criticized) (NP (NNP Gondor)))))", day,
			[]string{"ARN GON 122 verbs.txt:6"}},
		{"pattern", "(ROOT (S (NP (NNP Arnor)) (VP (RB heavily) (VBD criticized) (NP (NNP Gondor)))))", day,
			[]string{"ARN GON 122 verbs.txt:6"}},
		{"agent and dated actor", "(ROOT (S (NP (NNP Gollum) (NN minister)) (VP (VBD criticized) (NP (NNP Gondor)))))", day,
			[]string{"HOBGOV GON 121 verbs.txt:5"}},
		{"dated actor after", "(ROOT (S (NP (NNP Gollum)) (VP (VBD criticized) (NP (NNP Gondor)))))", time.Date(1996, 1, 1, 0, 0, 0, 0, time.UTC),
			[]string{"HOBGOV GON 121 verbs.txt:5"}},
		{"compound source acts on itself", "(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Gondor))) (VP (VBD renewed) (NP (JJ diplomatic) (NNS ties)))))", day,
			[]string{"ARN GON 064 verbs.txt:9", "GON ARN 064 verbs.txt:9"}},
		{"agents shared across a compound", "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor) (NNS ministers)) (VP (VBD left) (PP (IN for) (NP (NNP Gollum))))))", day,
			[]string{"ARNGOV HOB 032 verbs.txt:3", "HOB ARNGOV 033 verbs.txt:3", "GONGOV HOB 032 verbs.txt:3", "HOB GONGOV 033 verbs.txt:3"}},
		{"relative clause inside a compound", "(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NP (NNP Gondor)) (, ,) (SBAR (WHNP (WP who)) (S (VP (VBD criticized) (NP (NNP Gollum))))))) (VP (VBD laughed))))", day,
			[]string{"ARN HOB 121 verbs.txt:5", "GON HOB 121 verbs.txt:5"}},
		{"passive with by", "(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN criticized) (PP (IN by) (NP (NNP Arnor)))))))", day,
			[]string{"ARN GON 121 verbs.txt:5"}},
		{"null block without pattern", "(ROOT (S (NP (NNP Arnor)) (VP (VBD renewed) (NP (NNP Gondor)))))", day, nil},
		{"no target", "(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized))))", day, nil},
		{"direct question reports no event", "(ROOT (S (ADVP (WRB why)) (VP (VBP do) (NP (NNP Arnor)) (VP (VB criticize) (NP (NNP Gondor)))) (. ?)))", day, nil},
		{"yes/no question reports no event", "(ROOT (S (MD will) (NP (NNP Arnor)) (VP (VB criticize) (NP (NNP Gondor))) (. ?)))", day, nil},
		{"statement ending in a question mark", "(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor))) (. ?)))", day,
			[]string{"ARN GON 121 verbs.txt:5"}},
		{"negation away from the verb", "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (RB not) (ADVP (RB publicly)) (VP (VBG criticizing) (NP (NNP Gondor)))) (. .)))", day, nil},
		{"modal should", "(ROOT (S (NP (NNP Arnor)) (VP (MD should) (VP (VB criticize) (NP (NNP Gondor)))) (. .)))", day, nil},
		{"modal will stands", "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB criticize) (NP (NNP Gondor)))) (. .)))", day,
			[]string{"ARN GON 121 verbs.txt:5"}},
		{"negation in a later clause", "(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor)) (SBAR (IN because) (S (NP (NNP Gollum)) (VP (VBD did) (RB not) (VP (VB laugh)))))) (. .)))", day,
			[]string{"ARN GON 121 verbs.txt:5"}},
		{"clause of a negated verb", "(ROOT (S (NP (NNP Arnor)) (VP (VBD did) (RB not) (VP (VB try) (S (VP (TO to) (VP (VB criticize) (NP (NNP Gondor))))))) (. .)))", day, nil},
		{"wire dateline", "(ROOT (S (NP (NNP ARNOR) (, ,) (NNP March) (CD 3) (: -) (NNP Gollum) (NN minister)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))", day,
			[]string{"HOBGOV GON 121 verbs.txt:5"}},
		{"dateline lends its country to agents", "(ROOT (S (NP (NNP ARNOR) (, ,) (NNP March) (CD 3) (: -) (DT the) (NN minister)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))", day,
			[]string{"ARNGOV GON 121 verbs.txt:5"}},
		{"dateline phrase is no subject", "(ROOT (S (NP (NP (NNP ARNOR)) (, ,) (NP (NNP March) (CD 3)) (, -)) (NP (NNP Gondor)) (VP (VBD criticized) (NP (NNP Gollum))) (. .)))", day,
			[]string{"GON HOB 121 verbs.txt:5"}},
		{"capitals without a dateline", "(ROOT (S (NP (NNP ARNOR) (NNS ministers)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))", day,
			[]string{"ARNGOV GON 121 verbs.txt:5"}},
		{"wh-clause without a question mark", "(ROOT (S (NP (NNP Gollum)) (VP (VBD laughed) (SBAR (WHADVP (WRB when)) (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor)))))) (. .)))", day,
			[]string{"ARN GON 121 verbs.txt:5"}},
		{"statement according to an actor", "(ROOT (S (NP (NNP Gondor)) (VP (VBD said) (NP (NNP Gollum)) (PP (VBG according) (PP (TO to) (NP (NNP Arnor))))) (. .)))", day,
			[]string{"ARN HOB 010 verbs.txt:11"}},
		{"statement according to its target", "(ROOT (S (NP (NNP Gondor)) (VP (VBD said) (NP (NP (, ,) (VBG according) (TO to) (NNP Arnor)))) (. .)))", day,
			[]string{"ARN GON 010 verbs.txt:11"}},
		{"according to leaves other events", "(ROOT (S (NP (NNP Gondor)) (VP (VBD criticized) (NP (NNP Gollum)) (PP (VBG according) (PP (TO to) (NP (NNP Arnor))))) (. .)))", day,
			[]string{"GON HOB 121 verbs.txt:5"}},
		{"a multi-word verb has only its own blocks' patterns", "(ROOT (S (NP (NNP Arnor)) (VP (VBD called) (PP (IN on) (NP (NNP Gondor))) (S (VP (TO to) (VP (VB end) (NP (NNS exports)))))) (. .)))", day,
			[]string{"ARN GON 020 verbs.txt:13"}},
		{"noun-phrase root with a final stop", "(ROOT (NP (NP (DT the) (NN leader)) (SBAR (IN of) (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor))))) (. .)))", day,
			[]string{"ARN GON 121 verbs.txt:5"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.Code(tc.parse, tc.date)
			if err != nil {
				t.Fatal(err)
			}
			var g []string
			for _, e := range got {
				g = append(g, e.Source+" "+e.Target+" "+e.Code+" "+e.Rule.String())
			}
			if strings.Join(g, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

func TestNullActor(t *testing.T) {
	c := testCoder(t)
	const p = "(ROOT (S (NP (NNP Boromir)) (VP (VBD criticized) (NP (NNP Gondor)))))"
	day := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	if evs, _ := c.Code(p, day); len(evs) != 0 {
		t.Errorf("[---] actor coded under require_dyad: %+v", evs)
	}
	o := DefaultOptions()
	o.RequireDyad = false
	evs, _ := c.WithOptions(o).Code(p, day)
	if len(evs) != 1 || evs[0].Source != "---" || evs[0].Target != "GON" {
		t.Errorf("without require_dyad: %+v", evs)
	}
}

func TestCodeErrors(t *testing.T) {
	c := testCoder(t)
	if _, err := c.Code("(ROOT (S (NP (NNP Arnor))", time.Time{}); err == nil || !strings.Contains(err.Error(), "bad_input_parse") {
		t.Errorf("bad parse: err = %v", err)
	}
	_, err := c.Code("(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (NP (CD two) (NNS months) (RB later)))))", time.Time{})
	if err != ErrSentenceDiscard {
		t.Errorf("discard: err = %v", err)
	}
	_, err = c.Code("(ROOT (NP (NP (NNP CEBU) (NNP CITY)) (: --) (NP (NP (NNP Arnor)) (VP (VBD left) (NP (NNP Gondor))))))", time.Time{})
	if err != ErrDateline {
		t.Errorf("dateline: err = %v", err)
	}
}

func TestStage(t *testing.T) {
	c := testCoder(t)
	tr, err := ptb.Parse("(ROOT (S (NP (NNP Arnor)) (VP (RB heavily) (VBD criticized) (NP (NNP Gondor))) (. .)))")
	if err != nil {
		t.Fatal(err)
	}
	d, toks := DocFromTree("s1", "Arnor heavily criticized Gondor.", tr)
	d.Date = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	st := New(c, func(*doc.Doc, int) (*ptb.Tree, []int, error) { return tr, toks, nil })
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || !d.Has(doc.LayerEvents) {
		t.Fatalf("events = %+v", d.Events)
	}
	e := d.Events[0]
	if e.Code != "122" || e.Root != "12" || e.Quad != 3 || e.Plover == "" || e.Rule != "verbs.txt:6" {
		t.Errorf("event = %+v", e)
	}
	if e.Source.Text != "Arnor" || e.Target.Text != "Gondor" || d.Text[e.Verb.Start:e.Verb.End] != "criticized" {
		t.Errorf("spans: source %q target %q verb %q", e.Source.Text, e.Target.Text, d.Text[e.Verb.Start:e.Verb.End])
	}
}

// TestStageUndated codes a document without a date on the stage's
// undated day, so that a dated actor code applies.
func TestStageUndated(t *testing.T) {
	c := testCoder(t)
	tr, err := ptb.Parse("(ROOT (S (NP (NNP Gollum)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))")
	if err != nil {
		t.Fatal(err)
	}
	trees := func(*doc.Doc, int) (*ptb.Tree, []int, error) { return tr, nil, nil }
	for _, tc := range []struct {
		name   string
		stage  *Stage
		source string
	}{
		{"zero date", New(c, trees), "HOB"},
		{"undated day after the change", New(c, trees).WithUndated(time.Date(1996, 1, 1, 0, 0, 0, 0, time.UTC)), "HOBGOV"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := DocFromTree("s1", "Gollum criticized Gondor.", tr)
			if err := tc.stage.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if len(d.Events) != 1 || d.Events[0].Source.Code != tc.source {
				t.Fatalf("events = %+v, want source %s", d.Events, tc.source)
			}
		})
	}
}

// TestStageResolvesActorsByCoreference gives an actor the sentence leaves
// without a country the code of the name its coreference chain resolves to.
func TestStageResolvesActorsByCoreference(t *testing.T) {
	c := testCoder(t)
	tr, err := ptb.Parse("(ROOT (S (NP (DT The) (NN minister)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		chains []doc.Chain
		want   string
	}{
		{"no chain", nil, "---GOV"},
		{"chain named by the dictionary", []doc.Chain{{Name: "Gollum", Mentions: []doc.Span{{Start: 0, End: 2}}}}, "HOBGOV"},
		{"chain with its own code", []doc.Chain{{Name: "Someone", Code: "ARNGOV", Mentions: []doc.Span{{Start: 0, End: 2}}}}, "ARNGOV"},
		{"chain of other words", []doc.Chain{{Name: "Gollum", Mentions: []doc.Span{{Start: 3, End: 4}}}}, "---GOV"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, toks := DocFromTree("s1", "The minister criticized Gondor.", tr)
			d.Date = time.Date(1996, 1, 1, 0, 0, 0, 0, time.UTC)
			d.Chains = tc.chains
			d.Mark(doc.LayerCoref)
			st := New(c, func(*doc.Doc, int) (*ptb.Tree, []int, error) { return tr, toks, nil })
			if err := st.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if len(d.Events) != 1 || d.Events[0].Source.Code != tc.want || d.Events[0].Target.Code != "GON" {
				t.Fatalf("events = %+v, want source %s", d.Events, tc.want)
			}
		})
	}
}

// gigaTrees reads the parses of the GigaWord sample.
func gigaTrees(t testing.TB) ([]*ptb.Tree, []time.Time) {
	data := devdata.ReadFile(t, "petrarch-validation", "GigaWord.sample.PETR.xml")
	var trees []*ptb.Tree
	var dates []time.Time
	s := string(data)
	for {
		i := strings.Index(s, "<Parse>")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "</Parse>")
		tr, err := ptb.Parse(s[i+7 : i+j])
		if err != nil {
			t.Fatal(err)
		}
		trees = append(trees, tr)
		dates = append(dates, time.Date(2008, 8, 4, 0, 0, 0, 0, time.UTC))
		s = s[i+j:]
	}
	return trees, dates
}

func phoenix(t testing.TB) *Coder {
	set, err := dict.Load(dict.PhoenixFiles(devdata.Path(t, "phoenix-dictionaries")), false)
	if err != nil {
		t.Fatal(err)
	}
	return NewCoder(set, DefaultOptions())
}

// TestGigaWordEvidence codes the GigaWord sample with the Phoenix
// dictionaries and checks that every event cites a real dictionary line
// holding its verb or pattern.
func TestGigaWordEvidence(t *testing.T) {
	c := phoenix(t)
	trees, dates := gigaTrees(t)
	lines := map[string][]string{}
	n := 0
	for k, tr := range trees {
		evs, err := c.CodeTree(tr, dates[k])
		if err != nil {
			continue
		}
		for _, e := range evs {
			n++
			f := devdata.Path(t, "phoenix-dictionaries", e.Rule.File[strings.LastIndex(e.Rule.File, "/")+1:])
			if lines[f] == nil {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				lines[f] = strings.Split(string(data), "\n")
			}
			l := lines[f][e.Rule.Line-1]
			verb := strings.ToUpper(tr.Words()[e.Verb.Start])
			if e.Pattern != "" {
				if !strings.HasPrefix(strings.TrimSpace(l), "-") {
					t.Errorf("event %+v: line %q is not a pattern", e, l)
				}
			} else if !strings.Contains(strings.ToUpper(l), verb[:min(3, len(verb))]) {
				t.Errorf("event %+v: line %q does not list verb %s", e, l, verb)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d events coded from %d sentences", n, len(trees))
	}
}

func BenchmarkCodeGigaWord(b *testing.B) {
	c := phoenix(b)
	trees, dates := gigaTrees(b)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		for k, tr := range trees {
			if _, err := c.CodeTree(tr, dates[k]); err != nil && err != ErrSentenceDiscard && err != ErrStoryDiscard && err != ErrDateline {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	// On a shared machine wall time overstates the cost: sentences per
	// second of this process's CPU time is the one-core throughput.
	if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(n)/cpu, "sentences/cpu-s")
	}
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestCommaClauses(t *testing.T) {
	c := testCoder(t)
	day := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	const terminal = "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor)))) (, ,) (NP (NNP Gollum)) (VP (VBD left) (PP (IN for) (NP (NNP Minas) (NNP Tirith)))) (. .)))"
	const internal = "(ROOT (S (NP (NNP Arnor)) (, ,) (S (NP (NNP Gollum)) (VP (VBD left) (PP (IN for) (NP (NNP Minas) (NNP Tirith))))) (, ,) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))"
	off := DefaultOptions()
	off.CommaMax, off.CommaEMax, off.CommaBMax = 0, 0, 0
	short := DefaultOptions()
	short.CommaEMax = 3
	noEnd := DefaultOptions() // ", criticized Gondor." would be a terminal clause
	noEnd.CommaEMax = 0
	tests := []struct {
		name, parse string
		opt         Options
		want        string
	}{
		{"terminal clause removed", terminal, DefaultOptions(), "ARN GON 121"},
		{"rules off", terminal, off, "ARN GON 121|HOB GON 032|GON HOB 033"},
		{"terminal clause too long", terminal, short, "ARN GON 121|HOB GON 032|GON HOB 033"},
		{"internal clause removed", internal, noEnd, "ARN GON 121"},
		{"internal clause too short", internal, Options{RequireDyad: true, CommaMin: 6, CommaMax: 8}, "HOB GON 032|GON HOB 033|ARN GON 121"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.WithOptions(tc.opt).Code(tc.parse, day)
			if err != nil {
				t.Fatal(err)
			}
			var g []string
			for _, e := range got {
				g = append(g, e.Source+" "+e.Target+" "+e.Code)
			}
			if strings.Join(g, "|") != tc.want {
				t.Errorf("got %q, want %q", strings.Join(g, "|"), tc.want)
			}
		})
	}
}

// TestConcurrent codes the same trees from several goroutines and checks
// the results equal the serial ones (run with -race).
func TestConcurrent(t *testing.T) {
	c := testCoder(t)
	parses := []string{
		"(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (PP (IN for) (NP (NNP Minas) (NNP Tirith)))) (. .)))",
		"(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Gondor))) (VP (VBD renewed) (NP (JJ diplomatic) (NNS ties)))))",
		"(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN criticized) (PP (IN by) (NP (NNP Arnor)))))))",
	}
	var trees []*ptb.Tree
	var want []string
	day := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	key := func(evs []Coded) string {
		var b strings.Builder
		for _, e := range evs {
			b.WriteString(e.Source + " " + e.Target + " " + e.Code + ";")
		}
		return b.String()
	}
	for _, p := range parses {
		tr, err := ptb.Parse(p)
		if err != nil {
			t.Fatal(err)
		}
		trees = append(trees, tr)
		evs, _ := c.CodeTree(tr, day)
		want = append(want, key(evs))
	}
	done := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 200; i++ {
				k := i % len(trees)
				evs, _ := c.CodeTree(trees[k], day)
				if got := key(evs); got != want[k] {
					done <- got + " != " + want[k]
					return
				}
			}
			done <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}

// FuzzCode codes arbitrary trees: no panic, and every event's spans lie
// inside the sentence with the verb between them.
func FuzzCode(f *testing.F) {
	f.Add("(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (PP (IN for) (NP (NNP Minas) (NNP Tirith)))) (. .)))")
	f.Add("(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Gondor))) (VP (VBD renewed) (NP (JJ diplomatic) (NNS ties)))))")
	f.Add("(ROOT (S (NP (NNP Gondor)) (, ,) (S (VP (VBN criticized) (PP (IN by) (NP (NNP Arnor))))) (, ,) (VP (VBD was)) (. .)))")
	f.Add("(ROOT (NP (NP (NNP X)) (: --) (S (NP (NNP Arnor)) (VP (VBD left)))))")
	c := testCoder(f)
	day := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		tr, err := ptb.Parse(s)
		if err != nil {
			return
		}
		evs, err := c.CodeTree(tr, day)
		if err != nil {
			return
		}
		n := len(tr.Leaves)
		for _, e := range evs {
			for _, sp := range []Span{e.Verb, e.SourceSpan, e.TargetSpan} {
				if sp.Start < 0 || sp.End > n || sp.Start > sp.End {
					t.Fatalf("span %+v outside %d words: %+v", sp, n, e)
				}
			}
			if e.Verb.End <= e.Verb.Start || e.Code == "" || e.Source == "" || e.Target == "" {
				t.Fatalf("incomplete event %+v", e)
			}
		}
	})
}

func TestCompoundMemberSpans(t *testing.T) {
	c := testCoder(t)
	evs, err := c.Code("(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor) (NNS ministers)) (VP (VBD left) (PP (IN for) (NP (NNP Gollum))))))", time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Span{"ARNGOV": {0, 1}, "GONGOV": {2, 4}}
	n := 0
	for _, e := range evs {
		if sp, ok := want[e.Source]; ok {
			n++
			if e.SourceSpan != sp || e.TargetSpan != (Span{6, 7}) || e.Verb != (Span{4, 5}) {
				t.Errorf("%s: spans source %v target %v verb %v", e.Source, e.SourceSpan, e.TargetSpan, e.Verb)
			}
			line := map[string]int{"ARNGOV": 1, "GONGOV": 2}[e.Source]
			if e.SourceActor.String() != fmt.Sprintf("actors.txt:%d", line) || e.TargetActor.String() != "actors.txt:4" {
				t.Errorf("%s: actor evidence %v, %v", e.Source, e.SourceActor, e.TargetActor)
			}
		}
	}
	if n != 2 {
		t.Errorf("events = %+v", evs)
	}
}

// TestStageDefiniteDescription gives "the minister", which its sentence
// leaves without a country, the country of the minister coded before it.
func TestStageDefiniteDescription(t *testing.T) {
	c := testCoder(t)
	var trees []*ptb.Tree
	for _, s := range []string{
		"(ROOT (S (NP (NNP Gondor) (NN minister)) (VP (VBD criticized) (NP (NNP Arnor))) (. .)))",
		"(ROOT (S (NP (DT The) (NN minister)) (VP (VBD criticized) (NP (NNP Arnor))) (. .)))",
	} {
		tr, err := ptb.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		trees = append(trees, tr)
	}
	// One document of both sentences.
	d := &doc.Doc{ID: "two", Date: time.Date(1996, 1, 1, 0, 0, 0, 0, time.UTC)}
	var toks [][]int
	for i, text := range []string{"Gondor minister criticized Arnor.", "The minister criticized Arnor."} {
		toks = append(toks, appendSentence(d, text, trees[i]))
	}
	d.Mark(doc.LayerTokens | doc.LayerSentences | doc.LayerTags)
	st := New(c, func(_ *doc.Doc, s int) (*ptb.Tree, []int, error) { return trees[s], toks[s], nil })
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.Events {
		got = append(got, d.Text[e.Source.Start:e.Source.End]+"="+e.Source.Code)
	}
	if want := []string{"Gondor minister=GONGOV", "The minister=GONGOV"}; !slices.Equal(got, want) {
		t.Fatalf("sources %v, want %v", got, want)
	}
}

// TestActorSpanEdgePunctuation leaves the commas at the edges of a noun
// phrase out of the actor's words.
func TestActorSpanEdgePunctuation(t *testing.T) {
	// A comma attached to the subject by the dependency parse ("…
	// segments, President Donald Beall told Reuters") opens its phrase.
	tr, err := ptb.Parse("(ROOT (S (NP (, ,) (NNP Gondor) (NN minister) (, ,)) (VP (VBD criticized) (NP (NNP Arnor))) (. .)))")
	if err != nil {
		t.Fatal(err)
	}
	d, toks := DocFromTree("s1", ", Gondor minister, criticized Arnor.", tr)
	d.Date = time.Date(1996, 1, 1, 0, 0, 0, 0, time.UTC)
	st := New(testCoder(t), func(*doc.Doc, int) (*ptb.Tree, []int, error) { return tr, toks, nil })
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].Source.Text != "Gondor minister" || d.Events[0].Target.Text != "Arnor" {
		t.Fatalf("events = %+v, want source \"Gondor minister\", target \"Arnor\"", d.Events)
	}
}

// TestStageReportsUncodedSentences codes the sentences it can and reports
// the others with the document: one longer than MaxSentenceTokens (never
// turned into a tree) and one whose tree cannot be built.
func TestStageReportsUncodedSentences(t *testing.T) {
	tr, err := ptb.Parse("(ROOT (S (NP (NNP Gondor)) (VP (VBD criticized) (NP (NNP Arnor))) (. .)))")
	if err != nil {
		t.Fatal(err)
	}
	// A sentence too long to code, one whose tree fails, one to code.
	d := &doc.Doc{ID: "d", Date: time.Date(1996, 1, 1, 0, 0, 0, 0, time.UTC)}
	long := strings.Repeat("word ", MaxSentenceTokens+1)
	for i := 0; i <= MaxSentenceTokens; i++ {
		d.Tokens = append(d.Tokens, doc.Token{Start: int32(5 * i), End: int32(5*i + 4), Head: -1})
	}
	d.Text = long + "bad."
	d.Tokens = append(d.Tokens, doc.Token{Start: int32(len(long)), End: int32(len(long) + 4), Head: -1})
	d.Sents = []doc.Span{{Start: 0, End: MaxSentenceTokens + 1}, {Start: MaxSentenceTokens + 1, End: MaxSentenceTokens + 2}}
	toks := appendSentence(d, "Gondor criticized Arnor.", tr)
	d.Mark(doc.LayerTokens | doc.LayerSentences | doc.LayerTags)
	st := New(testCoder(t), func(_ *doc.Doc, s int) (*ptb.Tree, []int, error) {
		switch s {
		case 0:
			t.Fatal("the long sentence was turned into a tree")
		case 1:
			return nil, nil, errors.New("phrase: document d sentence 1: tree nested too deeply")
		}
		return tr, toks, nil
	})
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].Sentence != 2 || d.Events[0].Source.Code != "GON" {
		t.Errorf("events %+v, want Gondor's of sentence 2", d.Events)
	}
	if len(d.Errs) != 2 || !strings.Contains(d.Errs[0].Error(), "sentence 0: 501 tokens, more than 500") || !strings.Contains(d.Errs[1].Error(), "nested too deeply") {
		t.Errorf("errors %v, want the long sentence and the tree error", d.Errs)
	}
}

// appendSentence appends text, tokenised as the tree tr gives it, to d as a
// sentence of its own (after a space when d has text), and returns the doc
// token of each leaf of tr.
func appendSentence(d *doc.Doc, text string, tr *ptb.Tree) []int {
	if d.Text != "" {
		d.Text += " "
	}
	off, base := int32(len(d.Text)), len(d.Tokens)
	d.Text += text
	one, toks := DocFromTree("x", text, tr)
	for _, tok := range one.Tokens {
		tok.Start, tok.End = tok.Start+off, tok.End+off
		d.Tokens = append(d.Tokens, tok)
	}
	for j := range toks {
		if toks[j] >= 0 {
			toks[j] += base
		}
	}
	d.Sents = append(d.Sents, doc.Span{Start: int32(base), End: int32(len(d.Tokens))})
	return toks
}
