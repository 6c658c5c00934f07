package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/extract/event"
	"github.com/herald-events/herald/ptb"
)

// A small dictionary set in the TABARI/PETRARCH formats.
var tinyDicts = map[string]string{
	"tiny.verbs.txt": `&OFFICIALS
+OFFICIALS
--- ARRIVE [032:033] ---
ARRIVE
LEAVE {LEFT LEAVES}
- * FOR_+ [032]
--- CRITICIZE [111] ---
CRITICIZE
SLAM [112]
- HEAVILY * [112]
- * &OFFICIALS [---]
--- SAY [---] ---
SAY {SAID SAYS}
`,
	"tiny.actors.txt": `ARNOR_ [ARN]
GONDOR_ [GON]
+MINAS_TIRITH_
UMBAR_ [UMB]
GOLLUM_
	[HOB < 950601]
	[HOBGOV >950601]
RIVENDELL_ELVES_ [IGOELF]
`,
	"tiny.agents.txt":   "MINISTER [~GOV]\nPOLICE {} [~COP]\n",
	"tiny.discards.txt": "MONTHS LATER\n+WORLD CUP\n",
}

func writeTiny(t *testing.T) string {
	dir := t.TempDir()
	for name, text := range tinyDicts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// squeeze collapses runs of spaces so that tests do not depend on column
// widths.
func squeeze(s string) string { return regexp.MustCompile(` +`).ReplaceAllString(s, " ") }

func TestDictStats(t *testing.T) {
	tiny := writeTiny(t)
	tests := []struct {
		name string
		args []string
		want []string // lines (spaces squeezed) the output must contain
		not  []string
	}{
		{"tiny set alone", []string{"stats", "--dict", tiny, "--dict-only"}, []string{
			" verbs tiny.verbs.txt 3 blocks, 5 verbs (18 forms), 3 patterns, 1 synsets\n",
			" actors tiny.actors.txt 5 entries, 2 dated codes\n",
			" agents tiny.agents.txt 2 entries\n",
			" discards tiny.discards.txt 2 phrases (1 whole-story)\n",
			// ARRIVE, LEAVE (paired 032:033) and the pattern FOR_+ [032]
			" 03 EXPRESS INTENT TO COOPERATE 2 1\n",
			// CRITICIZE (111), SLAM (112), pattern HEAVILY [112]
			" 11 DISAPPROVE 2 1\n",
			" 19 FIGHT 0 0\n",
			" 20 USE UNCONVENTIONAL MASS VIOLENCE 0 0\n",
			// SAY, and the pattern of officials
			" --- no event 1 1\n",
			" 1 1\n 2-3 2\n", // blocks of 1 (SAY) and 2 verbs
			" CRITICIZE 111 2 2 tiny.verbs.txt:7\n",
			" GON 1 GONDOR\n",
			" HOB 1 GOLLUM\n",
			" IGO 1 \n", // no entry coded IGO alone: no name
		}, []string{"herald."}},
		{"--dicts is --dict --dict-only", []string{"stats", "--dicts", tiny}, []string{
			" actors tiny.actors.txt 5 entries, 2 dated codes\n",
		}, []string{"herald."}},
		{"Herald's own", []string{"stats", "--top", "3"}, []string{
			"Herald's embedded dictionaries\n",
			" verbs herald.verbs.txt ",
			" actors herald.countries.actors.txt ",
			" actors herald.leaders.actors.txt ",
			" agents herald.agents.txt ",
			"the 3 largest blocks\n",
			"the 3 largest)\n",
		}, []string{"tiny."}},
		{"Herald's with a directory", []string{"stats", "--dict", tiny, "--blocks"}, []string{
			"Herald's embedded dictionaries with " + tiny + "\n",
			" verbs tiny.verbs.txt ",
			" actors herald.countries.actors.txt ",
			" actors tiny.actors.txt 5 entries",
			"every block, in file order\n",
			" ARRIVE 032:033 2 1 tiny.verbs.txt:3\n",
			" SAY --- 1 0 tiny.verbs.txt:12\n",
		}, []string{"herald.verbs.txt"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if err := runDict(tc.args, streams{strings.NewReader(""), &out, &errb}); err != nil {
				t.Fatalf("%v: %s", err, errb.String())
			}
			s := squeeze(out.String())
			for _, want := range tc.want {
				if !strings.Contains(s, want) {
					t.Errorf("stats lack %q:\n%s", want, s)
				}
			}
			for _, not := range tc.not {
				if strings.Contains(s, not) {
					t.Errorf("stats hold %q:\n%s", not, s)
				}
			}
		})
	}
}

// treeDoc is a document of hand-parsed sentences for the unknown tally.
type treeDoc struct {
	d     *doc.Doc
	trees []*ptb.Tree
	toks  [][]int
}

func newTreeDoc(t *testing.T, id string, parses ...string) *treeDoc {
	td := &treeDoc{d: &doc.Doc{ID: id, Date: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}}
	for _, p := range parses {
		tr, err := ptb.Parse(p)
		if err != nil {
			t.Fatal(err)
		}
		text := event.TextOfTree(tr)
		one, toks := event.DocFromTree(id, text, tr)
		if td.d.Text != "" {
			td.d.Text += " "
		}
		off, base := int32(len(td.d.Text)), int32(len(td.d.Tokens))
		td.d.Text += text
		for _, tk := range one.Tokens {
			tk.Start += off
			tk.End += off
			// A crude lemma, enough for regular past tenses.
			tk.Lemma = strings.ToLower(strings.TrimSuffix(td.d.Text[tk.Start:tk.End], "ed"))
			td.d.Tokens = append(td.d.Tokens, tk)
		}
		for i := range toks {
			if toks[i] >= 0 {
				toks[i] += int(base)
			}
		}
		td.d.Sents = append(td.d.Sents, doc.Span{Start: base, End: int32(len(td.d.Tokens))})
		td.trees = append(td.trees, tr)
		td.toks = append(td.toks, toks)
	}
	td.d.Mark(doc.LayerTokens | doc.LayerSentences | doc.LayerTags | doc.LayerLemmas | doc.LayerDeps)
	return td
}

func TestDictUnknownTally(t *testing.T) {
	tiny := writeTiny(t)
	set, err := dict.LoadFS(os.DirFS(tiny), dict.Files{Verbs: "tiny.verbs.txt", Actors: []string{"tiny.actors.txt"},
		Agents: "tiny.agents.txt", Discards: "tiny.discards.txt"}, false)
	if err != nil {
		t.Fatal(err)
	}
	docs := []*treeDoc{
		newTreeDoc(t, "a",
			"(ROOT (S (NP (NNP Zorblax) (NNP Quentin)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD bombarded) (NP (DT the) (NNP Zorblax) (NNP Quentin) (POS 's)) (NP (NNS camps))) (. .)))"),
		newTreeDoc(t, "b",
			"(ROOT (S (NP (DT The) (NN minister)) (VP (VBD bombarded) (NP (NNP Umbar))) (. .)))",
			"(ROOT (S (NP (PRP He)) (VP (VBD left) (PP (IN for) (NP (NNP Zorblax) (NNP Quentin)))) (. .)))"),
		// A story discard counts nothing of its story.
		newTreeDoc(t, "c",
			"(ROOT (S (NP (NNP Mordor)) (VP (VBD bombarded) (NP (NNP Umbar))) (. .)))",
			"(ROOT (S (NP (NNP Mordor)) (VP (VBD hosted) (NP (DT the) (NNP World) (NNP Cup))) (. .)))"),
		newTreeDoc(t, "d",
			"(ROOT (S (NP (NNS Officials)) (VP (VBD applauded) (NP (NNP Gondor))) (. .)))"),
	}
	dup := newTreeDoc(t, "e", "(ROOT (S (NP (NNP Mordor)) (VP (VBD bombarded) (NP (NNP Umbar))) (. .)))")
	dup.d.DuplicateOf = "b"
	docs = append(docs, dup)
	byID := map[string]*treeDoc{}
	for _, td := range docs {
		byID[td.d.ID] = td
	}
	tree := func(d *doc.Doc, sent int) (*ptb.Tree, []int, error) {
		td := byID[d.ID]
		return td.trees[sent], td.toks[sent], nil
	}
	tally := newUnknownTally(event.NewCoder(set, event.DefaultOptions()), tree, 1)
	for _, td := range docs {
		tally.add(td.d)
	}
	tests := []struct {
		name  string
		top   int
		names bool
		want  []string
		not   []string
	}{
		{"all", 10, false, []string{
			"3 documents, 5 sentences coded (2 documents skipped",
			"(4 distinct, 6 occurrences)",
			// Ranked by count; roles counted; possessive and article dropped.
			"\n 3 1 2 Zorblax Quentin\n e.g. \"Zorblax Quentin criticized Gondor .\"\n",
			"\n 1 1 0 minister [---GOV]\n",
			"\n 1 0 1 camps\n",
			"\n 1 1 0 Officials\n",
			"(2 distinct lemmas, 3 occurrences)",
			"\n 2 bombard bombarded\n",
			"\n 1 applaud applauded\n",
		}, []string{"Mordor", "World Cup", "hosted", " He", "Gondor\n", " criticize "}},
		{"names", 10, true, []string{"noun phrases with a proper noun in source or target position that no actor entry codes (1 distinct, 3 occurrences)", " Zorblax Quentin\n"},
			[]string{"minister [", " camps\n", " Officials\n"}},
		{"top 1", 1, false, []string{" Zorblax Quentin\n", " bombard "}, []string{" camps\n", " applaud "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			tally.print(&out, tc.top, tc.names)
			s := squeeze(out.String())
			for _, want := range tc.want {
				if !strings.Contains(s, want) {
					t.Errorf("output lacks %q:\n%s", want, s)
				}
			}
			for _, not := range tc.not {
				if strings.Contains(s, not) {
					t.Errorf("output holds %q:\n%s", not, s)
				}
			}
		})
	}
}

// TestDictUnknown runs the whole pipeline on a small news text with
// Herald's dictionaries.
func TestDictUnknown(t *testing.T) {
	if _, err := syntaxStages(); err != nil {
		t.Skipf("no parser: %v", err)
	}
	f := filepath.Join(t.TempDir(), "news.txt")
	text := "Zorblax Quentin criticized Iran on Monday.\n\nThe Iranian government condemned Zorblax Quentin for the attack. " +
		"Iran later snowboarded in the mountains near Tehran.\n"
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := runDict([]string{"unknown", "--top", "5", f}, streams{strings.NewReader(""), &out, &errb}); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	s := squeeze(out.String())
	if !regexp.MustCompile(`\n 2 \d \d Zorblax Quentin\n`).MatchString(s) {
		t.Errorf("unknown name not counted twice:\n%s", s)
	}
	if !strings.Contains(s, " snowboard ") {
		t.Errorf("unknown verb not listed:\n%s", s)
	}
	// Rows are "count source target phrase" and "count lemma forms".
	for _, known := range []string{`(?m)^ \d+ \d+ \d+ Iran`, `(?m)^ \d+ \d+ \d+ (The )?Iranian government`, `(?m)^ \d+ criticize `, `(?m)^ \d+ condemn `} {
		if regexp.MustCompile(known).MatchString(s) {
			t.Errorf("%s listed as unknown:\n%s", known, s)
		}
	}
}

// TestDictUnknownParsed tallies parsed sentences (PETRARCH XML): no
// parser needed; the sentences of a story form one document.
func TestDictUnknownParsed(t *testing.T) {
	tiny := writeTiny(t)
	xml := `<Sentences>
<Sentence date="20080804" id="AFP01_1" source="AFP" sentence="True">
<Text>Zorblax Quentin criticized Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Zorblax) (NNP Quentin)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))</Parse>
</Sentence>
<Sentence date="20080804" id="AFP01_2" source="AFP" sentence="True">
<Text>Arnor bombarded the camps of Zorblax Quentin on Tuesday.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD bombarded) (NP (NP (DT the) (NNS camps)) (PP (IN of) (NP (NNP Zorblax) (NNP Quentin)))) (PP (IN on) (NP (NNP Tuesday)))) (. .)))</Parse>
</Sentence>
<Sentence date="20080805" id="AFP02_1" source="AFP" sentence="True">
<Text>Umbar hosted the World Cup.</Text>
<Parse>(ROOT (S (NP (NNP Umbar)) (VP (VBD hosted) (NP (DT the) (NNP World) (NNP Cup))) (. .)))</Parse>
</Sentence>
<Sentence date="20080805" id="AFP03_1" source="AFP" sentence="True">
<Text>Gondor bombed Zorblax Quentin.</Text>
<Parse>(ROOT (S (NP (NNP Gondor)) (VP (VBD bombed) (NP (NNP Zorblax) (NNP Quentin))) (. .)))</Parse>
</Sentence>
<Sentence date="20080805" id="AFP03_2" source="AFP" sentence="True">
<Text>broken</Text>
<Parse>(ROOT (S (NP (NNP Gondor)</Parse>
</Sentence>
</Sentences>
`
	f := filepath.Join(t.TempDir(), "parsed.xml")
	if err := os.WriteFile(f, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := runDict([]string{"unknown", "--parsed", "--dict", tiny, "--dict-only", "--examples", "1", f}, streams{strings.NewReader(""), &out, &errb}); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	s := squeeze(out.String())
	for _, want := range []string{
		"2 documents, 3 sentences coded (1 documents skipped", // AFP02 is a story discard
		// The phrases within an object count too ("the camps of ...").
		"\n 3 1 2 Zorblax Quentin\n e.g. \"Zorblax Quentin criticized Gondor.\"\n",
		"\n 1 0 1 camps\n",
		// Lemmas come from the tags of the trees.
		"\n 1 bombard bombarded\n",
		"\n 1 bomb bombed\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	for _, not := range []string{"Tuesday\n", "World Cup", " host "} {
		if strings.Contains(s, not) {
			t.Errorf("output holds %q:\n%s", not, s)
		}
	}
	if !strings.Contains(errb.String(), "AFP03_2: unreadable tree") {
		t.Errorf("no warning for the broken tree: %q", errb.String())
	}
	out.Reset()
	if err := runDict([]string{"unknown", "--parsed", "--tsv", "--top", "1", "--dict", tiny, "--dict-only", "--examples", "1", f}, streams{strings.NewReader(""), &out, &errb}); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	want := "kind\tcount\tsource\ttarget\ttext\tcodes_or_forms\texamples\n" +
		"phrase\t3\t1\t2\tZorblax Quentin\t\tZorblax Quentin criticized Gondor.\n" +
		"verb\t1\t\t\tbomb\tbombed\tGondor bombed Zorblax Quentin.\n"
	if out.String() != want {
		t.Errorf("TSV:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestDictUsage(t *testing.T) {
	var out, errb bytes.Buffer
	for _, args := range [][]string{nil, {"frobnicate"}, {"unknown"}, {"stats", "extra"}, {"stats", "--top", "-1"}, {"stats", "--dict", "a", "--dicts", "b"}} {
		if err := runDict(args, streams{strings.NewReader(""), &out, &errb}); !errors.Is(err, errUsage) {
			t.Errorf("%v: got %v, want a usage error", args, err)
		}
	}
	if err := runDict([]string{"stats", "--dict-only"}, streams{strings.NewReader(""), &out, &errb}); err == nil || errors.Is(err, errUsage) {
		t.Errorf("--dict-only without --dict: got %v, want an error", err)
	}
}
