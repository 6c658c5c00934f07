package dict

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/herald-events/herald/internal/devdata"
)

const verbsText = `&TIETYPES
+MILITARY
+ECONOMIC_
&ACC
+&TIETYPES
+CLOSER

--- ABANDON  [345]  ---
ABANDON    # comment
KLM_NOP_+RST [002]
SPEED {SPEEDING SPEEDS SPED }
- * NEW_&TIETYPES_RELATIONS [903]
- SO IN_AND_*_OUT_AGAIN NOW [074]
- + KNOWN_ * IN_ $  [076]
--- ARRIVE [032:033] ---
ARRIVE
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF }
`

func TestParseVerbs(t *testing.T) {
	v, err := ParseVerbs("v.txt", verbsText)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word, block, code string
		before, after     string
	}{
		{"ABANDON", "ABANDON", "", "", ""},
		{"ABANDONED", "ABANDON", "", "", ""},
		{"ABANDONING", "ABANDON", "", "", ""},
		{"RST", "ABANDON", "002", "KLM NOP", ""},
		{"SPED", "ABANDON", "", "", ""},
		{"ARRIVES", "ARRIVE", "", "", ""},
		{"CORDONED", "ARRIVE", "", "", "OFF"},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			l := v.Lookup(tc.word)
			if len(l) == 0 {
				t.Fatalf("%s not found", tc.word)
			}
			e := l[0]
			if e.Block.Label != tc.block || e.Code != tc.code || strings.Join(e.Before, " ") != tc.before || strings.Join(e.After, " ") != tc.after {
				t.Errorf("got block %s code %q before %v after %v", e.Block.Label, e.Code, e.Before, e.After)
			}
		})
	}
	if v.Lookup("SPEEDED") != nil {
		t.Error("braces list the forms: no regular forms expected")
	}
	b := v.Blocks[0]
	if b.Code != "345" || len(b.Patterns) != 3 || b.Pos.Line != 8 {
		t.Fatalf("block = %+v", b)
	}
	p := b.Patterns[1]
	if len(p.Upper) != 3 || p.Upper[0].Word != "AND" || !p.Upper[0].Joined || !p.Upper[1].Joined || p.Upper[2].Joined {
		t.Errorf("upper = %+v", p.Upper)
	}
	if len(p.Lower) != 3 || !p.Lower[0].Joined || !p.Lower[1].Joined || p.Lower[2].Joined {
		t.Errorf("lower = %+v", p.Lower)
	}
	p = b.Patterns[2]
	if p.Upper[0].Word != "KNOWN" || !p.Upper[0].Joined || p.Upper[1].Kind != Target || p.Lower[1].Kind != Source || !p.Lower[1].Joined {
		t.Errorf("pattern 3 = %+v %+v", p.Upper, p.Lower)
	}
	acc := v.Synsets["ACC"]
	if len(acc.Members) != 5 { // CLOSER, CLOSERS, MILITARY, MILITARIES, ECONOMIC
		t.Errorf("ACC members = %v", acc.Members)
	}
}

func TestMalformedVerbsReportsEveryLine(t *testing.T) {
	bad := `- * ORPHAN [010]
--- OK [010] ---
OK
- * &NOSUCH [011]
- * X [01
BAD {BADS
--- [020] ---
`
	v, err := ParseVerbs("bad.txt", bad)
	var el ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("err = %v, want ErrorList", err)
	}
	wantLines := []int{1, 4, 5, 6, 7}
	if len(el) != len(wantLines) {
		t.Fatalf("got %d errors, want %d:\n%v", len(el), len(wantLines), err)
	}
	for i, e := range el {
		if e.Line != wantLines[i] || e.File != "bad.txt" {
			t.Errorf("error %d at %s:%d, want line %d: %s", i, e.File, e.Line, wantLines[i], e.Msg)
		}
	}
	if v == nil || v.Lookup("OK") == nil {
		t.Error("well-formed lines must still be loaded")
	}
}

const actorsText = `ARNOR_  [ ARN ]
GOLLUM  ; pas 27 Apr 03
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
THE_SHIRE  [FRO/BIL/SAM]
IVO_JOSIPOVIC_
JOSIPOVIC_
	[HRVGOV >20120219]
NASGUL [###]
`

func TestActors(t *testing.T) {
	a := NewActors()
	if err := a.Parse("a.txt", actorsText); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words string
		date  int
		want  string
		n     int
		line  int
	}{
		{"ARNOR LEFT", 19950101, "ARN", 1, 1},
		{"SMEAGOL", 19950531, "HOB", 1, 3},
		{"GOLLUM", 19950601, "HOBGOV", 1, 2},
		{"GOLLUM", 19990816, "HOB", 1, 2}, // after the interval, before >990816: no restriction applies, no default
		{"GOLLUM", 20000101, "HOBREB", 1, 2},
		{"THE SHIRE", 20000101, "FRO BIL SAM", 2, 7},
		{"JOSIPOVIC", 20130101, "HRVGOV", 1, 9},
		{"NASGUL", 20130101, "###", 1, 11},
	}
	for _, tc := range tests {
		t.Run(tc.words, func(t *testing.T) {
			act, n, pos := a.Match(strings.Fields(tc.words), 0)
			if act == nil {
				t.Fatal("no match")
			}
			got := strings.Join(act.CodesAt(tc.date), " ")
			if tc.want == "HOB" && tc.date == 19990816 {
				if got != "" {
					t.Errorf("codes = %q, want none", got)
				}
				return
			}
			if got != tc.want || n != tc.n || pos.Line != tc.line {
				t.Errorf("got %q n=%d line=%d, want %q n=%d line=%d", got, n, pos.Line, tc.want, tc.n, tc.line)
			}
		})
	}
}

func TestAgents(t *testing.T) {
	a, err := ParseAgents("ag.txt", `!PERSON! = MAN, MEN
CONGRESS!PERSON! [~LEG]
POLICE {} [ ~COP]
RIGHTS_GROUP  [  NGO~]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
SOLDIER [~MILARM]
`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words, code string
		prefix      bool
	}{
		{"CONGRESSMEN", "LEG", false},
		{"POLICE", "COP", false},
		{"RIGHTS GROUPS", "NGO", true},
		{"GOLDEN GEESE", "GGS", false},
		{"SOLDIERS", "MILARM", false},
	}
	for _, tc := range tests {
		ag, n := a.Match(strings.Fields(tc.words), 0)
		if ag == nil || ag.Code != tc.code || ag.Prefix != tc.prefix || n != len(strings.Fields(tc.words)) {
			t.Errorf("%s: got %+v n=%d", tc.words, ag, n)
		}
	}
	if ag, _ := a.Match([]string{"POLICES"}, 0); ag != nil {
		t.Error("{} means no plural")
	}
}

func TestDiscards(t *testing.T) {
	d, err := ParseDiscards("d.txt", "MONTHS LATER\n+World Golf Championships   # x\n")
	if err != nil {
		t.Fatal(err)
	}
	if e := d.Match(strings.Fields("THE WORLD GOLF CHAMPIONSHIPS BEGAN")); e == nil || !e.Story || e.Pos.Line != 2 {
		t.Errorf("story discard = %+v", e)
	}
	if e := d.Match(strings.Fields("TWO MONTHS LATER HE LEFT")); e == nil || e.Story {
		t.Errorf("sentence discard = %+v", e)
	}
	if e := d.Match(strings.Fields("MONTHS AGO")); e != nil {
		t.Errorf("unexpected discard %+v", e)
	}
}

func TestIssues(t *testing.T) {
	is, err := ParseIssues("i.txt", `<ISSUE CATEGORY="EDUCATION" TYPE="ALL">
n:teacher [TEACHERS]
head start [EARLY]
~get head start
bail+n:out [BAILOUT]
</ISSUE>
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := is.Code(strings.Fields("the teachers got a head start")); strings.Join(got, ",") != "TEACHERS,EARLY" {
		t.Errorf("codes = %v", got)
	}
	if got := is.Code(strings.Fields("they get head start")); len(got) != 0 {
		t.Errorf("excluded phrase coded %v", got)
	}
	if got := is.Code(strings.Fields("keep politics out of the games")); len(got) != 0 {
		t.Errorf("joined phrase matched a part: %v", got)
	}
	if got := is.Code(strings.Fields("a bail outs plan")); strings.Join(got, ",") != "BAILOUT" {
		t.Errorf("bail+n:out: %v", got)
	}
}

func TestLoadPhoenix(t *testing.T) {
	dir := devdata.Path(t, "phoenix-dictionaries")
	start := time.Now()
	s, err := Load(PhoenixFiles(dir), false)
	if err != nil {
		t.Fatalf("Phoenix dictionaries: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("load took %v", d)
	}
	if len(s.Verbs.Blocks) < 300 || len(s.Actors.Entries) < 20000 || len(s.Agents.Entries) < 1000 {
		t.Errorf("too few entries: %d blocks, %d actors, %d agents", len(s.Verbs.Blocks), len(s.Actors.Entries), len(s.Agents.Entries))
	}
	for _, w := range s.Warnings() {
		t.Log(w)
	}
}

func BenchmarkLoadPhoenix(b *testing.B) {
	dir := devdata.Path(b, "phoenix-dictionaries")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(PhoenixFiles(dir), false); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParseVerbs(f *testing.F) {
	f.Add(verbsText)
	f.Add("--- X [1] ---\nX {A\n- * [")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVerbs("f.txt", s)
		if v == nil {
			t.Fatal("nil dictionary")
		}
		var el ErrorList
		if err != nil && !errors.As(err, &el) {
			t.Fatalf("error %v is not an ErrorList", err)
		}
		n := strings.Count(s, "\n") + 1
		for _, e := range el {
			if e.Line < 1 || e.Line > n {
				t.Fatalf("error line %d outside 1..%d", e.Line, n)
			}
		}
	})
}

func FuzzParseActors(f *testing.F) {
	f.Add(actorsText)
	f.Add("X [A <1]\n[B 1-2]\n+\n[")
	f.Fuzz(func(t *testing.T, s string) {
		a := NewActors()
		err := a.Parse("f.txt", s)
		var el ErrorList
		if err != nil && !errors.As(err, &el) {
			t.Fatalf("error %v is not an ErrorList", err)
		}
		for _, e := range a.Entries {
			for _, c := range e.Codes {
				if c.Kind == Between && c.To < c.From {
					t.Fatalf("reversed interval kept: %+v", c)
				}
			}
		}
	})
}

func FuzzParseAgents(f *testing.F) {
	f.Add("!P! = A, B\nX!P! [~C]\nY {} [D~]\n")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		a, err := ParseAgents("f.txt", s)
		if a == nil {
			t.Fatal("nil agents")
		}
		_ = err
	})
}

func FuzzParseDiscards(f *testing.F) {
	f.Add("MONTHS LATER\n+World Golf Championships   # x\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDiscards("f.txt", s)
		if d == nil {
			t.Fatal("nil discards")
		}
		var el ErrorList
		if err != nil && !errors.As(err, &el) {
			t.Fatalf("error %v is not an ErrorList", err)
		}
		for _, e := range d.Entries {
			if len(e.Words) == 0 {
				t.Fatal("empty discard kept")
			}
		}
		d.Match(strings.Fields(strings.ToUpper(s)))
	})
}

func FuzzParseIssues(f *testing.F) {
	f.Add("<ISSUE CATEGORY=\"E\" TYPE=\"ALL\">\nn:teacher [T]\n~get head start\nbail+n:out [B]\n</ISSUE>\n")
	f.Fuzz(func(t *testing.T, s string) {
		is, err := ParseIssues("f.txt", s)
		if is == nil {
			t.Fatal("nil issues")
		}
		var el ErrorList
		if err != nil && !errors.As(err, &el) {
			t.Fatalf("error %v is not an ErrorList", err)
		}
		is.Code(strings.Fields(strings.ToLower(s)))
	})
}
