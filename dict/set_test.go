package dict

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoad checks that Load (files on disk) and LoadFS (any fs.FS) read
// the same sets and fail the same way.
func TestLoad(t *testing.T) {
	good := map[string]string{
		"verbs.txt":    verbsText,
		"a1.txt":       actorsText,
		"a2.txt":       "GONDOR_ [GON]\nMINAS_TIRITH_ [GON]\n",
		"agents.txt":   "!MINIST! = MINISTER, MINISTERS\nFOREIGN_!MINIST! [~GOV]\nREBEL [~REB]\n",
		"discards.txt": "MONTHS LATER\n+World Golf Championships\n",
	}
	bad := map[string]string{
		"verbs.txt": verbsText + "--- BROKEN [1 ---\nOK\n",
		"a1.txt":    actorsText + "ROHAN_ [ROH\n",
	}
	files := Files{Verbs: "verbs.txt", Actors: []string{"a1.txt", "a2.txt"}, Agents: "agents.txt", Discards: "discards.txt"}
	tests := []struct {
		name      string
		override  map[string]string
		files     Files
		lenient   bool
		wantSet   bool
		wantLines int  // malformed lines reported
		wantFatal bool // an error that is not an ErrorList
	}{
		{"well-formed", nil, files, false, true, 0, false},
		{"malformed strict", bad, files, false, false, 3, false},
		{"malformed lenient", bad, files, true, true, 3, false},
		{"missing file", nil, Files{Verbs: "verbs.txt", Actors: []string{"a1.txt", "nope.txt"}}, true, false, 0, true},
		{"only actors", nil, Files{Actors: []string{"a2.txt"}}, false, true, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			mfs := fstest.MapFS{}
			for name, text := range good {
				if o, ok := tc.override[name]; ok {
					text = o
				}
				mfs[name] = &fstest.MapFile{Data: []byte(text)}
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			onDisk := tc.files
			j := func(n string) string {
				if n == "" {
					return ""
				}
				return filepath.Join(dir, n)
			}
			onDisk.Verbs, onDisk.Agents, onDisk.Discards, onDisk.Issues = j(onDisk.Verbs), j(onDisk.Agents), j(onDisk.Discards), j(onDisk.Issues)
			onDisk.Actors = nil
			for _, a := range tc.files.Actors {
				onDisk.Actors = append(onDisk.Actors, j(a))
			}
			s1, err1 := Load(onDisk, tc.lenient)
			s2, err2 := LoadFS(mfs, tc.files, tc.lenient)
			for i, r := range []struct {
				s   *Set
				err error
			}{{s1, err1}, {s2, err2}} {
				who := [...]string{"Load", "LoadFS"}[i]
				if (r.s != nil) != tc.wantSet {
					t.Errorf("%s: set %v, want a set: %v (err %v)", who, r.s != nil, tc.wantSet, r.err)
				}
				var el ErrorList
				switch {
				case tc.wantFatal:
					if r.err == nil || errors.As(r.err, &el) || !errors.Is(r.err, fs.ErrNotExist) {
						t.Errorf("%s: error %v, want a missing file", who, r.err)
					}
				case tc.wantLines == 0:
					if r.err != nil {
						t.Errorf("%s: unexpected error %v", who, r.err)
					}
				default:
					if !errors.As(r.err, &el) || len(el) != tc.wantLines {
						t.Errorf("%s: error %v, want %d malformed lines", who, r.err, tc.wantLines)
					}
				}
			}
			if s1 == nil || s2 == nil {
				return
			}
			if got, want := counts(s1), counts(s2); !reflect.DeepEqual(got, want) {
				t.Errorf("Load read %v, LoadFS %v", got, want)
			}
			if len(tc.files.Actors) > 0 {
				a, n, pos := s1.Actors.Match(strings.Fields("MINAS TIRITH FELL"), 0)
				if a == nil || n != 2 || pos.File != j("a2.txt") || pos.Line != 2 {
					t.Errorf("Load: MINAS TIRITH matched %v %d at %v, want a2.txt:2", a, n, pos)
				}
			}
		})
	}
}

// counts summarizes a Set for comparison.
func counts(s *Set) []int {
	c := []int{len(s.Actors.Entries), len(s.Agents.Entries), len(s.Verbs.Blocks), s.Verbs.NumForms(), len(s.Verbs.Synsets)}
	if s.Discards != nil {
		c = append(c, len(s.Discards.Entries))
	}
	return c
}
