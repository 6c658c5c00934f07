package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/extract/event"
	"github.com/herald-events/herald/internal/devdata"
)

const miniValidation = `<Validation>
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>actors.txt</Actorfile>
    <Include>valid DEMO ERROR</Include>
</Environment>
<Sentences>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950103" id="T-1" category="DEMO" valid="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="032"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="GON" eventcode="033"></EventCoding>
<Text>Arnor left.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD left))))</Parse>
</Sentence>
<Config option="new_actor_length" value="4"></Config>
<Sentence date = "950104" id ="T-2" category="ERROR" sentence="true">
<EventCoding error="sentencediscard"></EventCoding>
<Text>x</Text>
<Parse>(ROOT (NP (NN x)))</Parse>
</Sentence>
<Sentence date="19950105" id="T-3" category="DEMO" valid="false">
<EventCoding noevents="True"></EventCoding>
<Parse>(ROOT (NP (NN y)))</Parse>
</Sentence>
</Sentences>
</Validation>
`

func TestReadPetrarch(t *testing.T) {
	f, err := ReadPetrarch(strings.NewReader(miniValidation))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(f.Env.Include, " ") != "DEMO ERROR" || !f.Env.Includes("ERROR") || f.Env.Includes("COMPOUNDx") || !(PetrarchEnv{}).Includes("X") {
		t.Errorf("include = %v", f.Env.Include)
	}
	if f.Env.Verbs != "verbs.txt" || f.Env.Actors != "actors.txt" {
		t.Errorf("env = %+v", f.Env)
	}
	files := PetrarchEnv{Verbs: "v.txt", Actors: "a.txt, /abs/b.txt"}.Files("dir")
	if files.Verbs != filepath.Join("dir", "v.txt") || len(files.Actors) != 2 || files.Actors[1] != "/abs/b.txt" || files.Agents != "" {
		t.Errorf("files = %+v", files)
	}
	if len(f.Items) != 5 {
		t.Fatalf("items = %d, want 5", len(f.Items))
	}
	if f.Items[0].Option != "require_dyad" || f.Items[0].Value != "false" {
		t.Errorf("config = %+v", f.Items[0])
	}
	r := f.Items[1].Record
	if r.ID != "T-1" || !r.Valid || len(r.Expect) != 2 || r.Expect[1].Source != `"INJURY TOLL"` || r.Date.Format("20060102") != "19950103" {
		t.Errorf("record 1 = %+v", r)
	}
	if r.Parse != "(ROOT (S (NP (NNP Arnor)) (VP (VBD left))))" || r.Text != "Arnor left." {
		t.Errorf("text/parse = %q %q", r.Text, r.Parse)
	}
	r = f.Items[3].Record
	if r.ID != "T-2" || !r.Valid || !r.NoEvents || r.ErrorCode != "sentencediscard" || r.Date.Year() != 1995 {
		t.Errorf("record 2 = %+v", r)
	}
	if f.Items[4].Record.Valid {
		t.Error("valid=false record read as valid")
	}
	var o event.Options
	for _, it := range f.Items {
		if it.Record == nil {
			if err := ApplyOption(&o, it.Option, it.Value); err != nil {
				t.Fatal(err)
			}
		}
	}
	if o.RequireDyad || o.NewActorLength != 4 {
		t.Errorf("options = %+v", o)
	}
	if err := ApplyOption(&o, "comma_max", "many"); err == nil {
		t.Error("bad number accepted")
	}
}

func TestSame(t *testing.T) {
	want := []Triple{{"A", "B", "01"}, {"B", "A", "02"}}
	tests := []struct {
		name string
		got  []event.Coded
		ok   bool
	}{
		{"equal", []event.Coded{{Source: "B", Target: "A", Code: "02"}, {Source: "A", Target: "B", Code: "01"}}, true},
		{"missing", []event.Coded{{Source: "A", Target: "B", Code: "01"}}, false},
		{"extra", []event.Coded{{Source: "A", Target: "B", Code: "01"}, {Source: "B", Target: "A", Code: "02"}, {Source: "A", Target: "C", Code: "01"}}, false},
	}
	for _, tc := range tests {
		if got := Same(want, tc.got); got != tc.ok {
			t.Errorf("%s: Same = %v", tc.name, got)
		}
	}
	if !Same(nil, nil) {
		t.Error("no events expected, none coded: must pass")
	}
}

// TestPetrarchDev runs the development validation records: every one must
// pass.
func TestPetrarchDev(t *testing.T) {
	path := devdata.Path(t, "petrarch-validation", "records.dev.xml")
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	vf, err := ReadPetrarch(fh)
	if err != nil {
		t.Fatal(err)
	}
	set, err := dict.Load(vf.Env.Files(filepath.Dir(path)), false)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := RunPetrarch(vf, event.NewCoder(set, event.DefaultOptions()))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Results {
		if !r.Pass {
			var got []string
			for _, g := range r.Got {
				got = append(got, g.Source+" "+g.Target+" "+g.Code)
			}
			t.Errorf("%s: want %v, coded %v (err %v)", r.Record.ID, r.Record.Expect, got, r.Err)
		}
	}
	if len(rep.Results) < 120 {
		t.Errorf("only %d records evaluated", len(rep.Results))
	}
}
