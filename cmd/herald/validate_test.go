package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const tinyVerbs = `--- ARRIVE [032:033] ---
ARRIVE
LEAVE {LEFT LEAVES}
--- CRITICIZE [121] ---
CRITICIZE
- HEAVILY * [122]
`

const tinyActors = "ARNOR_ [ARN]\nGONDOR [GON]\n"

const tinyRecords = `<Validation>
<Environment>
<Verbfile>v.txt</Verbfile>
<Actorfile>a.txt</Actorfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="OK-1" category="VERB" valid="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="122"></EventCoding>
<Text>Arnor heavily criticized Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (RB heavily) (VBD criticized) (NP (NNP Gondor))) (. .)))</Parse>
</Sentence>
<Sentence date="19950101" id="BAD-1" category="PATTERN" valid="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="999"></EventCoding>
<Text>Arnor criticized Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))</Parse>
</Sentence>
</Sentences>
</Validation>
`

func writeFiles(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestValidateCommand(t *testing.T) {
	dir := writeFiles(t, map[string]string{"v.txt": tinyVerbs, "a.txt": tinyActors, "r.xml": tinyRecords})
	recs := filepath.Join(dir, "r.xml")
	var out, errb bytes.Buffer
	st := streams{strings.NewReader(""), &out, &errb}
	err := runValidate([]string{"--records", recs}, st)
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Fatalf("one failing record: err = %v, want exit status 1", err)
	}
	o := out.String()
	for _, want := range []string{"FAIL BAD-1 (PATTERN", "expected: ARN GON 999", "coded:    ARN GON 121  by v.txt:5 verb; source a.txt:1, target a.txt:2", "PATTERN           0      1", "VERB              1      1", "all               1      2"} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	if strings.Contains(o, "FAIL OK-1") {
		t.Error("passing record reported as failing")
	}
	out.Reset()
	if err := runValidate([]string{"--records", recs, "--min", "1", "--quiet"}, st); err != nil {
		t.Errorf("--min 1: err = %v", err)
	}
	if strings.Contains(out.String(), "FAIL") {
		t.Error("--quiet printed failures")
	}
	if err := runValidate(nil, st); !errors.Is(err, errUsage) {
		t.Errorf("no --records: err = %v, want usage", err)
	}
}

func TestValidateMalformedDictionary(t *testing.T) {
	dir := writeFiles(t, map[string]string{"v.txt": tinyVerbs + "- * ORPHAN\n--- [010] ---\n", "a.txt": tinyActors, "r.xml": tinyRecords})
	var out, errb bytes.Buffer
	err := runValidate([]string{"--records", filepath.Join(dir, "r.xml")}, streams{strings.NewReader(""), &out, &errb})
	if err == nil || !strings.Contains(err.Error(), "v.txt:8") {
		t.Fatalf("err = %v, want the malformed line v.txt:8", err)
	}
	out.Reset()
	errb.Reset()
	err = runValidate([]string{"--records", filepath.Join(dir, "r.xml"), "--lenient", "--min", "1"}, streams{strings.NewReader(""), &out, &errb})
	if err != nil || !strings.Contains(errb.String(), "v.txt:8") {
		t.Errorf("--lenient: err = %v, stderr %q", err, errb.String())
	}
}

func TestCodeCommand(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"CAMEO.verbpatterns.150430.txt":    tinyVerbs,
		"Phoenix.Countries.actors.txt":     tinyActors,
		"Phoenix.International.actors.txt": "", "Phoenix.MilNonState.actors.txt": "",
		"Phoenix.agents.txt": "MINISTER [~GOV]\n", "Phoenix.discards.txt": "MONTHS LATER\n",
		"Phoenix.IssueCoding.txt": "<ISSUE CATEGORY=\"DIPLOMACY\" TYPE=\"ALL\">\nn:tie [TIES]\n</ISSUE>\n",
		"in.xml": `<Sentences>
<Sentence date = "20080804" id ="S1" source = "AFP" sentence = "True">
<Text>Arnor left for Gondor to mend ties.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (PP (IN for) (NP (NNP Gondor))) (S (VP (TO to) (VP (VB mend) (NP (NNS ties)))))) (. .)))</Parse>
</Sentence>
</Sentences>`,
	})
	var out, errb bytes.Buffer
	st := streams{strings.NewReader(""), &out, &errb}
	if err := runCode([]string{"--dicts", dir, "--format", "tsv", filepath.Join(dir, "in.xml")}, st); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	want := "20080804\tARN\tGON\t032\tTIES\tS1\tAFP\n20080804\tGON\tARN\t033\tTIES\tS1\tAFP\n"
	if out.String() != want {
		t.Errorf("tsv = %q, want %q", out.String(), want)
	}
	out.Reset()
	if err := runCode([]string{"--dicts", dir, filepath.Join(dir, "in.xml")}, st); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	var rec struct {
		ID     string
		Text   string
		Events []struct {
			Code, Root, Plover, Rule string
			Quad                     int
			Source                   struct{ Code, Text string }
			Verb                     struct{ Text string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rec); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if rec.ID != "S1" || len(rec.Events) != 2 {
		t.Fatalf("record = %+v", rec)
	}
	e := rec.Events[0]
	if e.Code != "032" || e.Root != "03" || e.Quad != 1 || e.Plover == "" || e.Rule != "CAMEO.verbpatterns.150430.txt:3" ||
		e.Source.Text != "Arnor" || e.Verb.Text != "left" {
		t.Errorf("event = %+v", e)
	}
}

func TestCodeStoryDiscard(t *testing.T) {
	sent := func(id, extra string) string {
		return `<Sentence date="20080804" id="` + id + `" source="AFP" sentence="True"><Text>x</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (PP (IN for) (NP (NNP Gondor)))) ` + extra + `(. .)))</Parse></Sentence>
`
	}
	dir := writeFiles(t, map[string]string{
		"CAMEO.verbpatterns.150430.txt": tinyVerbs, "Phoenix.Countries.actors.txt": tinyActors,
		"Phoenix.International.actors.txt": "", "Phoenix.MilNonState.actors.txt": "",
		"Phoenix.agents.txt": "MINISTER [~GOV]\n", "Phoenix.discards.txt": "+TYPHOON\n",
		"Phoenix.IssueCoding.txt": "",
		"in.xml":                  "<Sentences>\n" + sent("A_1", "") + sent("A_2", "(NP (NN typhoon)) ") + sent("B_1", "") + "</Sentences>",
	})
	var out, errb bytes.Buffer
	if err := runCode([]string{"--dicts", dir, "--format", "tsv", filepath.Join(dir, "in.xml")}, streams{strings.NewReader(""), &out, &errb}); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	want := "20080804\tARN\tGON\t032\t\tB_1\tAFP\n20080804\tGON\tARN\t033\t\tB_1\tAFP\n"
	if out.String() != want {
		t.Errorf("story A must be dropped whole:\ngot  %q\nwant %q", out.String(), want)
	}
	for id, story := range map[string]string{"AFP0808020625_4": "AFP0808020625", "DEMO-02": "DEMO", "X": "X", "A_b": "A_b"} {
		if got := storyOf(id); got != story {
			t.Errorf("storyOf(%q) = %q, want %q", id, got, story)
		}
	}
}
