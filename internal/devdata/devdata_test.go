package devdata_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-events/herald/internal/devdata"
)

const sample = `# sent_id = s1
# text = Rebels attacked.
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = s2
# text = Talks resumed
1	Talks	talk	NOUN	NNS	_	2	nsubj	_	_
2	resumed	resume	VERB	VBD	_	0	root	_	_

`

// fakeShared builds a shared directory holding data/x.conllu and two news
// files, and points HERALD_SHARED at it.
func fakeShared(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"x.conllu":     sample,
		"bad.conllu":   "1\tonly two\n\n",
		"news/a.txt":   "First story.",
		"news/b.txt":   "Second story.",
		"news/c.other": "not news",
	}
	for name, body := range files {
		p := filepath.Join(dir, "data", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HERALD_SHARED", dir)
	return dir
}

func TestSet(t *testing.T) {
	dir := fakeShared(t)
	if got, ok := devdata.Lookup(); !ok || got != dir {
		t.Errorf("Lookup() = %q, %v; want %q, true", got, ok, dir)
	}
	if got := devdata.Dir(t); got != dir {
		t.Errorf("Dir = %q, want %q", got, dir)
	}
	if got, want := devdata.Path(t, "ud", "x.conllu"), filepath.Join(dir, "data", "ud", "x.conllu"); got != want {
		t.Errorf("Path = %q, want %q", got, want)
	}
	ss := devdata.CoNLLU(t, "x.conllu")
	if len(ss) != 2 || ss[0].ID != "s1" || ss[1].Text != "Talks resumed" || len(ss[0].Words) != 3 || ss[0].Words[1].Lemma != "attack" {
		t.Errorf("CoNLLU read %+v", ss)
	}
	if got := string(devdata.ReadFile(t, "news", "b.txt")); got != "Second story." {
		t.Errorf("ReadFile = %q", got)
	}
	files := devdata.Glob(t, "news", "*.txt")
	if len(files) != 2 || filepath.Base(files[0]) != "a.txt" || filepath.Base(files[1]) != "b.txt" {
		t.Errorf("Glob = %q", files)
	}
	if got, want := devdata.Concat(t, "news", "*.txt"), "First story.\n\nSecond story.\n\n"; got != want {
		t.Errorf("Concat = %q, want %q", got, want)
	}
}

// outcome runs fn as a sub-test and reports whether it was skipped and
// whether it failed.
func outcome(t *testing.T, name string, fn func(t *testing.T)) (skipped, failed bool) {
	var sub *testing.T
	t.Run(name, func(t *testing.T) {
		sub = t
		fn(t)
	})
	return sub.Skipped(), sub.Failed()
}

func TestUnsetSkips(t *testing.T) {
	t.Setenv("HERALD_SHARED", "")
	if dir, ok := devdata.Lookup(); ok || dir != "" {
		t.Errorf("Lookup() = %q, %v with HERALD_SHARED empty", dir, ok)
	}
	calls := map[string]func(tb testing.TB){
		"Dir":      func(tb testing.TB) { devdata.Dir(tb) },
		"Path":     func(tb testing.TB) { devdata.Path(tb, "x.conllu") },
		"CoNLLU":   func(tb testing.TB) { devdata.CoNLLU(tb, "x.conllu") },
		"ReadFile": func(tb testing.TB) { devdata.ReadFile(tb, "x.conllu") },
		"Glob":     func(tb testing.TB) { devdata.Glob(tb, "*") },
		"Concat":   func(tb testing.TB) { devdata.Concat(tb, "*") },
	}
	for name, call := range calls {
		reached := false
		skipped, failed := outcome(t, name, func(t *testing.T) {
			call(t)
			reached = true
		})
		if !skipped || failed || reached {
			t.Errorf("%s with HERALD_SHARED unset: skipped %v, failed %v, went on %v; want a skip", name, skipped, failed, reached)
		}
	}
}

// errFatal stops a call on a fatalTB, as runtime.Goexit stops a test.
var errFatal = errors.New("fatal")

// fatalTB records Fatal and Fatalf instead of failing the real test.
type fatalTB struct {
	testing.TB
	fatal bool
	msg   string
}

func (f *fatalTB) Fatal(args ...any) {
	f.fatal, f.msg = true, fmt.Sprint(args...)
	panic(errFatal)
}

func (f *fatalTB) Fatalf(format string, args ...any) {
	f.fatal, f.msg = true, fmt.Sprintf(format, args...)
	panic(errFatal)
}

func TestMissingFails(t *testing.T) {
	fakeShared(t)
	for _, tc := range []struct {
		name, want string
		call       func(tb testing.TB)
	}{
		{"CoNLLU missing", "missing.conllu", func(tb testing.TB) { devdata.CoNLLU(tb, "missing.conllu") }},
		{"CoNLLU malformed", "bad.conllu:1", func(tb testing.TB) { devdata.CoNLLU(tb, "bad.conllu") }},
		{"ReadFile missing", "missing.txt", func(tb testing.TB) { devdata.ReadFile(tb, "missing.txt") }},
		{"Glob no match", "*.xml", func(tb testing.TB) { devdata.Glob(tb, "news", "*.xml") }},
		{"Concat no match", "*.xml", func(tb testing.TB) { devdata.Concat(tb, "news", "*.xml") }},
	} {
		f := &fatalTB{TB: t}
		func() {
			defer func() {
				if r := recover(); r != nil && r != errFatal {
					panic(r)
				}
			}()
			tc.call(f)
		}()
		if !f.fatal || !strings.Contains(f.msg, tc.want) {
			t.Errorf("%s: fatal %v, message %q; want a Fatal naming %q", tc.name, f.fatal, f.msg, tc.want)
		}
	}
}
