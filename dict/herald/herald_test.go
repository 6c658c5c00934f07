package herald_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/herald-events/herald/cameo"
	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/dict/herald"
	"github.com/herald-events/herald/internal/devdata"
)

// load parses the embedded dictionaries, failing the test on any
// malformed line.
func load(t testing.TB) *dict.Set {
	t.Helper()
	s, err := herald.Set()
	if err != nil {
		t.Fatalf("loading the Herald dictionaries: %v", err)
	}
	return s
}

func TestLoadNoErrorsNoWarnings(t *testing.T) {
	s := load(t)
	if w := s.Warnings(); len(w) > 0 {
		t.Errorf("%d warnings:\n%v", len(w), w)
	}
	if n := len(s.Actors.Entries); n < 1000 {
		t.Errorf("only %d actor entries", n)
	}
	if n := s.Verbs.NumForms(); n < 2000 {
		t.Errorf("only %d verb forms", n)
	}
}

func words(s string) []string { return strings.Fields(strings.ToUpper(s)) }

var (
	day2024 = dict.DateInt(time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC))
	day2025 = dict.DateInt(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	day2019 = dict.DateInt(time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC))
	day2023 = dict.DateInt(time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC))
	day1985 = dict.DateInt(time.Date(1985, 6, 1, 0, 0, 0, 0, time.UTC))
)

func TestActorsResolve(t *testing.T) {
	s := load(t)
	tests := []struct {
		text string
		date int
		want string
		n    int // words matched
	}{
		{"Sayyed Khamenei slams", day2024, "IRNGOV", 2},
		{"Sayyed Ali Khamenei criticized", day2024, "IRNGOV", 3},
		{"Ayatollah Ali Khamenei", day2024, "IRNGOV", 3},
		{"Khamenei", day2024, "IRNGOV", 1},
		{"Khamenei", day1985, "IRNGOV", 1},
		{"Muslim states for", day2024, "MOSGOV", 2},
		{"Muslim countries to", day2024, "MOSGOV", 2},
		{"Muslim heads of state", day2024, "MOSGOV", 4},
		{"Muslim world", day2024, "MOS", 2},
		{"Muslims", day2024, "MOS", 1},
		{"Foreign Policy report", day2024, "USAMED", 2},
		{"Reuters", day2024, "GBRMED", 1},
		{"Al Jazeera", day2024, "QATMED", 2},
		{"Iranian leader", day2024, "IRNGOV", 2},
		{"Iranian", day2024, "IRN", 1},
		{"Israeli occupation", day2024, "ISRGOV", 2},
		{"Zionist regime", day2024, "ISRGOV", 2},
		{"the West and", day2024, "WST", 2},
		{"the West Bank", day2024, "PSE", 3},
		{"Western allies", day2024, "WST", 2},
		{"Middle East", day2024, "MEA", 2},
		{"Gulf states", day2024, "PGSGOV", 2},
		{"Washington", day2024, "USAGOV", 1},
		{"Washington Post", day2024, "USAMED", 2},
		{"United States", day2024, "USA", 2},
		{"U.S.", day2024, "USA", 1},
		{"Britain", day2024, "GBR", 1},
		{"Kremlin", day2024, "RUSGOV", 1},
		{"Gaza", day2024, "PSE", 1},
		{"Hamas", day2024, "PSEREB", 1},
		{"Hezbollah", day2024, "LBNREB", 1},
		{"Houthis", day2024, "YEMREB", 1},
		{"IDF", day2024, "ISRMIL", 1},
		{"NATO", day2024, "IGOWSTNAT", 1},
		{"European Union", day2024, "IGOEUREEC", 2},
		{"United Nations", day2024, "IGOUNO", 2},
		{"IAEA", day2024, "IGOUNOIAE", 1},
		{"Arab League", day2024, "IGOMEAARL", 2},
		{"Taliban", day2019, "AFGREB", 1},
		{"Taliban", day2024, "AFGGOV", 1},
		{"Joe Biden", day2024, "USAGOV", 2},
		{"Donald Trump", day2019, "USAGOV", 2},
		{"Donald Trump", day2023, "USAELI", 2},
		{"Donald Trump", day2025, "USAGOV", 2},
		{"Netanyahu", day2024, "ISRGOV", 1},
		{"Ahmed al-Sharaa", day2023, "SYRREB", 2},
		{"Ahmed al-Sharaa", day2025, "SYRGOV", 2},
		{"Ivory Coast", day2024, "CIV", 2},
		{"Cote d'Ivoire", day2024, "CIV", 2},
		{"Côte d'Ivoire", day2024, "CIV", 2},
		{"Democratic Republic of the Congo", day2024, "COD", 5},
		{"Republic of the Congo", day2024, "COG", 4},
		{"Papua New Guinea", day2024, "PNG", 3},
		{"Guinea", day2024, "GIN", 1},
		{"Kosovo", day2024, "KSV", 1},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			w := words(tc.text)
			a, n, _ := s.Actors.Match(w, 0)
			if a == nil {
				t.Fatalf("no actor")
			}
			got := strings.Join(a.CodesAt(tc.date), "/")
			if got != tc.want || n != tc.n {
				t.Errorf("got %s over %d words (%s), want %s over %d", got, n, a.Name, tc.want, tc.n)
			}
		})
	}
}

func TestAgentsResolve(t *testing.T) {
	s := load(t)
	tests := []struct{ text, want string }{
		{"government", "GOV"}, {"governments", "GOV"}, {"heads of state", "GOV"},
		{"foreign minister", "GOV"}, {"troops", "MIL"}, {"soldiers", "MIL"},
		{"police", "COP"}, {"protesters", "OPP"}, {"rebels", "REB"},
		{"militants", "REB"}, {"students", "EDU"}, {"journalists", "MED"},
		{"refugees", "REF"}, {"civilians", "CVL"}, {"businessmen", "BUS"},
		{"clerics", "REL"}, {"judges", "JUD"}, {"lawmakers", "LEG"},
	}
	for _, tc := range tests {
		a, n := s.Agents.Match(words(tc.text), 0)
		if a == nil || n != len(words(tc.text)) || a.Code != tc.want {
			t.Errorf("%q: got %+v over %d words, want %s", tc.text, a, n, tc.want)
		}
	}
}

// codeOf returns the code a bare verb form gets from its block.
func codeOf(v *dict.Verb) string {
	if v.Code != "" {
		return v.Code
	}
	return v.Block.Code
}

func TestVerbsCoverRoots(t *testing.T) {
	s := load(t)
	tests := []struct{ word, want string }{
		{"SAID", "010"}, {"URGES", "020"}, {"URGED", "020"}, {"APPEALED", "020"},
		{"PLEDGED", "030"}, {"VOWED", "030"}, {"MET", "040"}, {"VISITED", "042"},
		{"PRAISED", "051"}, {"SIGNED", "057"}, {"COOPERATE", "060"},
		{"DONATED", "070"}, {"FREED", "0841"}, {"INVESTIGATING", "090"},
		{"DEMANDED", "100"}, {"SLAMS", "111"}, {"CRITICIZED", "111"},
		{"CONDEMNED", "111"}, {"DENOUNCED", "111"}, {"BLASTED", "111"},
		{"ACCUSED", "112"}, {"REJECTED", "120"}, {"THREATENED", "130"},
		{"PROTESTED", "141"}, {"DEPLOYED", "154"}, {"SEVERED", "161"},
		{"DEPORTED", "174"}, {"DETAINED", "173"}, {"ARRESTED", "173"},
		{"ABDUCTED", "181"}, {"ATTACKED", "190"}, {"SHELLED", "194"},
		{"BOMBED", "195"}, {"MASSACRED", "202"},
	}
	roots := map[string]bool{}
	for _, tc := range tests {
		vs := s.Verbs.Lookup(tc.word)
		var got []string
		for _, v := range vs {
			if len(v.Before) == 0 && len(v.After) == 0 {
				got = append(got, codeOf(v))
			}
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: got codes %v, want %s", tc.word, got, tc.want)
		}
		roots[tc.want[:2]] = true
	}
	for r := 1; r <= 20; r++ {
		root := []byte{byte('0' + r/10), byte('0' + r%10)}
		if !roots[string(root)] {
			t.Errorf("no verb tested for root %s", root)
		}
	}
}

func TestMultiWordVerbs(t *testing.T) {
	s := load(t)
	for _, tc := range []struct{ word, after, want string }{
		{"CALLED", "ON", "020"}, {"PUSHED", "FOR", "020"}, {"CRACKED", "DOWN", "175"},
		{"CUTTING", "TIES", "161"},
	} {
		found := false
		for _, v := range s.Verbs.Lookup(tc.word) {
			if len(v.After) > 0 && v.After[0] == tc.after && codeOf(v) == tc.want {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %s: no multi-word verb coded %s", tc.word, tc.after, tc.want)
		}
	}
}

func TestPatternsSeparateSubcodes(t *testing.T) {
	s := load(t)
	// find returns the code of the pattern of w's block whose text is text.
	find := func(w, text string) string {
		for _, v := range s.Verbs.Lookup(w) {
			for _, p := range v.Block.Patterns {
				if p.Text == text || strings.TrimSpace(strings.TrimPrefix(p.Text, "-")) == text {
					return p.Code
				}
			}
		}
		return ""
	}
	for _, tc := range []struct{ verb, pattern, want string }{
		{"CUT", "* &TIES", "161"},
		{"CUT", "* &AID", "162"},
		{"URGED", "* + TO &SEVER &TIES", "0242"},
		{"VOWED", "* &CONSEQUENCES", "138"},
		{"LAUNCHED", "* &AIRSTRIKE", "195"},
		{"WARNED", "* OF &CONSEQUENCES", "130"},
		{"IMPOSED", "* &SANCTIONS", "163"},
		{"ACCUSED", "* + OF &WARCRIMES", "1124"},
	} {
		if got := find(tc.verb, tc.pattern); got != tc.want {
			t.Errorf("%s %q: got %q, want %s", tc.verb, tc.pattern, got, tc.want)
		}
	}
}

func TestDiscards(t *testing.T) {
	s := load(t)
	for _, tc := range []struct {
		text  string
		story bool
		hit   bool
	}{
		{"Real Madrid beat Barcelona in the Champions League final", true, true},
		{"The Dow Jones fell as the stock market slumped", false, true},
		{"Israel bombed Gaza on Tuesday", false, false},
		{"Iran expanded its missile arsenal", false, false},
	} {
		d := s.Discards.Match(words(tc.text))
		if (d != nil) != tc.hit || (d != nil && d.Story != tc.story) {
			t.Errorf("%q: got %+v", tc.text, d)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		load(b)
	}
}

// TestDiscardsSparePoliticalNews checks on the PolNeAR political news
// (shared data) that story discards almost never fire and sentence
// discards stay rare.
func TestDiscardsSparePoliticalNews(t *testing.T) {
	files := devdata.Glob(t, "polnear", "data", "train", "text", "*.txt")
	s := load(t)
	split := regexp.MustCompile(`[.?!]\s+`)
	punct := regexp.MustCompile(`([,;:"“”()])`)
	stories, sentences, dropped := 0, 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		story := false
		for _, sent := range split.Split(string(data), -1) {
			sentences++
			if d := s.Discards.Match(strings.Fields(strings.ToUpper(punct.ReplaceAllString(sent, " $1 ")))); d != nil {
				if d.Story {
					story = true
				} else {
					dropped++
				}
			}
		}
		if story {
			stories++
		}
	}
	t.Logf("%d of %d stories discarded, %d of %d sentences", stories, len(files), dropped, sentences)
	if stories*100 > len(files) {
		t.Errorf("%d of %d political stories discarded", stories, len(files))
	}
	if dropped*100 > sentences {
		t.Errorf("%d of %d political sentences discarded", dropped, sentences)
	}
}

// TestCodesWellFormed checks every code of the dictionaries: actor and agent
// codes are three-letter parts (or "---", a place that is no actor); event
// codes are in the CAMEO codebook (or "---", no event).
func TestCodesWellFormed(t *testing.T) {
	s := load(t)
	actorCode := regexp.MustCompile(`^(---|([A-Z]{3})+)$`)
	for _, a := range s.Actors.Entries {
		if len(a.Codes) == 0 {
			t.Errorf("%s: %s has no code", a.Pos, a.Name)
		}
		for _, c := range a.Codes {
			if !actorCode.MatchString(c.Code) {
				t.Errorf("%s: %s: bad actor code %q", c.Pos, a.Name, c.Code)
			}
		}
	}
	for _, a := range s.Agents.Entries {
		if !actorCode.MatchString(a.Code) || a.Code == "---" {
			t.Errorf("%s: %s: bad agent code %q", a.Pos, a.Phrase, a.Code)
		}
	}
	event := func(pos dict.Pos, code string) {
		if code == "---" || code == "" {
			return
		}
		if _, ok := cameo.Lookup(code); !ok {
			t.Errorf("%s: %q is not a CAMEO event code", pos, code)
		}
	}
	for _, b := range s.Verbs.Blocks {
		event(b.Pos, b.Code)
		for _, v := range b.Verbs {
			event(v.Pos, v.Code)
		}
		for _, p := range b.Patterns {
			event(p.Pos, p.Code)
		}
	}
}

// TestCommonWordsAreNoActors checks that English words which are also
// names or acronyms ("who", "car", "pole") do not match an actor alone.
// ("US" does match: news writes the country so far more than "us".)
func TestCommonWordsAreNoActors(t *testing.T) {
	s := load(t)
	for _, w := range strings.Fields("WHO CAR POLE POLES JERSEY REUNION IT AS IN OR ME AM ARE AN AT IS BE TO ON NO SO MAN TIME SPA NATIONAL OBSERVATORY STATE STATES CALM FIRE FORCES BANK WEST EAST GULF AMNESTY FT") {
		if a, _, pos := s.Actors.Match([]string{w}, 0); a != nil {
			t.Errorf("%q matches actor %s (%s)", w, a.Name, pos)
		}
	}
}
