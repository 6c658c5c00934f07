package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readSample(t *testing.T) ([]country, []row) {
	t.Helper()
	data, err := os.ReadFile("testdata/iso_3166-1.json")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := parseISO(data)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/countries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := parseTable("countries.tsv", f)
	if err != nil {
		t.Fatal(err)
	}
	return cs, rows
}

func TestGenerate(t *testing.T) {
	cs, rows := readSample(t)
	out, err := generate(cs, rows)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\nDR_CONGO_  [COD]",              // the inverted ISO name is skipped; the first alias leads
		"\n+CONGO_\n",                     // the bare name goes to the DRC, as news uses it
		"\nREPUBLIC_OF_THE_CONGO_  [COG]", // "!Congo" drops the ISO name from COG
		"\n+CONGO-BRAZZAVILLE_\n",
		"\nCÔTE_D'IVOIRE_  [CIV]",
		"\n+COTE_D'IVOIRE_\n", // folded to ASCII
		"\n+IVORIANS_\n",      // regular plural of a demonym
		"\nIRAN_  [IRN]",      // common name first; the inverted name is skipped
		"\n+ISLAMIC_REPUBLIC_OF_IRAN_\n",
		"\nTEHRAN_  [IRNGOV]", // seats of government are the government
		"\n+TEHERAN_\n",
		"\nHOLY_SEE_  [VAT]",
		"\n+VATICAN_CITY_STATE_\n", // a bracketed name is a name
		"\nKOSOVO_  [KSV]",         // extra rows for codes ISO lacks
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for _, bad := range []string{"IRAN,_", "CONGO,_", "SEE_(", "\nCONGO_  [COG]"} {
		if strings.Contains(out, bad) {
			t.Errorf("output has %q", bad)
		}
	}
	again, _ := generate(cs, rows)
	if again != out {
		t.Error("output is not deterministic")
	}
}

func TestGenerateErrors(t *testing.T) {
	cs, rows := readSample(t)
	tests := []struct {
		name string
		edit func([]row) []row
		want string
	}{
		{"missing row", func(r []row) []row { return r[1:] }, "no row for COD"},
		{"unknown code", func(r []row) []row { return append(r, row{line: 99, alpha3: "XYZ", code: "XYZ"}) }, "XYZ is not an ISO 3166-1 code"},
		{"second row", func(r []row) []row { return append(r, r[0]) }, "second row for COD"},
		{"phrase with two codes", func(r []row) []row {
			r = append([]row(nil), r...)
			r[2].aliases = append([]string{"Persia"}, r[2].aliases...)
			return r
		}, "PERSIA_ is both"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := generate(cs, tc.edit(rows))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestParseTableErrors(t *testing.T) {
	in := "# comment\nIRN\tIRN\t-\n+KSV\tKSV\t-\t-\t-\nirn\tIRN\t-\t-\t-\n"
	_, err := parseTable("t.tsv", strings.NewReader(in))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"t.tsv:2: want 5", "t.tsv:3: a + row needs an alias", `t.tsv:4: bad alpha-3 code "irn"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{
		"Iranian": "Iranians", "Chinese": "", "British": "", "Swiss": "",
		"Englishman": "Englishmen", "Iraqi": "Iraqis", "Kazakh": "Kazakhs",
		"Frenchmen": "", "Thai": "Thais", "Lao": "",
	} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPhrase(t *testing.T) {
	for in, want := range map[string]string{
		"Saudi Arabia":     "SAUDI_ARABIA_",
		"  Côte  d'Ivoire": "CÔTE_D'IVOIRE_",
		"U.S.":             "U.S._",
	} {
		if got := phrase(in); got != want {
			t.Errorf("phrase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCommittedFileIsCurrent regenerates the country dictionary from the
// installed iso-codes and the committed table and compares it with the
// committed file. It is skipped where iso-codes is not installed.
func TestCommittedFileIsCurrent(t *testing.T) {
	const iso = "/usr/share/iso-codes/json/iso_3166-1.json"
	if _, err := os.Stat(iso); err != nil {
		t.Skip("iso-codes not installed")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "countries.txt")
	if err := run(iso, "countries.tsv", out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want, err := os.ReadFile("../../dict/herald/herald.countries.actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Error("dict/herald/herald.countries.actors.txt is stale: run go generate ./dict/herald")
	}
}

// FuzzParseTable checks that any table text either parses into rows with
// well-formed codes or fails with positioned errors, and never panics.
func FuzzParseTable(f *testing.F) {
	data, _ := os.ReadFile("testdata/countries.tsv")
	f.Add(string(data))
	f.Add("IRN\tIRN\t-\t-\t-\n+KSV\tKSV\t-\t-\t-\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, err := parseTable("f.tsv", strings.NewReader(in))
		if err != nil {
			if !strings.Contains(err.Error(), "f.tsv") && !strings.Contains(err.Error(), "token too long") {
				t.Errorf("error without position: %v", err)
			}
			return
		}
		for _, r := range rows {
			if !isCode(r.code) || len(r.code) != 3 || len(r.alpha3) != 3 {
				t.Errorf("bad row accepted: %+v", r)
			}
		}
	})
}

// FuzzParseISO checks that the iso-codes reader never panics.
func FuzzParseISO(f *testing.F) {
	data, _ := os.ReadFile("testdata/iso_3166-1.json")
	f.Add(data)
	f.Fuzz(func(t *testing.T, in []byte) {
		cs, err := parseISO(in)
		if err == nil && len(cs) == 0 {
			t.Error("no error and no entries")
		}
	})
}
