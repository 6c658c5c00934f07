package lemma

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"github.com/herald-events/herald/internal/errlist"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The tables file is gzip-compressed UTF-8 text:
//
//	herald-lemma 1
//	@exc noun|verb|adj|adv
//	inflected base            (one pair a line, space-separated)
//	@index noun|verb|adj|adv
//	lemma                     (one a line)
//	@lookup
//	word<TAB>xpos<TAB>lemma
const tablesHeader = "herald-lemma 1"

// Error is a malformed line of a tables or WordNet file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("lemma: %s:%d: %s", e.File, e.Line, e.Msg) }

// ErrorList collects every malformed line of one input.
type ErrorList = errlist.List[*Error]

func newLemmatizer() *Lemmatizer {
	l := &Lemmatizer{lookup: map[string]string{}, proper: map[string]bool{}}
	for p := range numPOS {
		l.exc[p] = map[string]string{}
		l.index[p] = map[string]bool{}
	}
	return l
}

// Load reads lemmatizer tables written by WriteTables (gzip text).
func Load(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("lemma: tables: %w", err)
	}
	return parseTables(zr, "tables")
}

func parseTables(r io.Reader, name string) (*Lemmatizer, error) {
	l := newLemmatizer()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var errs ErrorList
	section, pos := "", -1
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			if text != tablesHeader {
				return nil, &Error{name, 1, fmt.Sprintf("want header %q", tablesHeader)}
			}
			continue
		}
		if text == "" {
			continue
		}
		if strings.HasPrefix(text, "@") {
			f := strings.Fields(text[1:])
			section, pos = "", -1
			switch {
			case len(f) == 2 && (f[0] == "exc" || f[0] == "index"):
				pos = slices.Index(posNames[:], f[1])
				if pos < 0 {
					errs = append(errs, &Error{name, line, fmt.Sprintf("unknown part of speech %q", f[1])})
					continue
				}
				section = f[0]
			case len(f) == 1 && f[0] == "lookup":
				section = "lookup"
			default:
				errs = append(errs, &Error{name, line, fmt.Sprintf("unknown section %q", text)})
			}
			continue
		}
		switch section {
		case "exc":
			a, b, ok := strings.Cut(text, " ")
			if !ok || a == "" || b == "" {
				errs = append(errs, &Error{name, line, "want \"inflected base\""})
				continue
			}
			l.exc[pos][a] = b
		case "index":
			l.index[pos][text] = true
		case "lookup":
			f := strings.Split(text, "\t")
			if len(f) != 3 || f[0] == "" || f[1] == "" || f[2] == "" {
				errs = append(errs, &Error{name, line, "want word<TAB>xpos<TAB>lemma"})
				continue
			}
			l.lookup[f[0]+"\t"+f[1]] = f[2]
		default:
			errs = append(errs, &Error{name, line, "line outside a section"})
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &Error{name, line, err.Error()})
	}
	if line == 0 {
		return nil, &Error{name, 0, "empty tables"}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return l, nil
}

// WriteTables writes the tables of l (gzip text). The same tables always
// give the same bytes.
func (l *Lemmatizer) WriteTables(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, tablesHeader)
	for p := range numPOS {
		fmt.Fprintf(bw, "@exc %s\n", posNames[p])
		for _, k := range sortedKeys(l.exc[p]) {
			fmt.Fprintf(bw, "%s %s\n", k, l.exc[p][k])
		}
	}
	for p := range numPOS {
		fmt.Fprintf(bw, "@index %s\n", posNames[p])
		for _, k := range sortedKeys(l.index[p]) {
			fmt.Fprintln(bw, k)
		}
	}
	fmt.Fprintln(bw, "@lookup")
	for _, k := range sortedKeys(l.lookup) {
		fmt.Fprintf(bw, "%s\t%s\n", k, l.lookup[k])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// wordnetFiles names the WordNet files of each part of speech.
var wordnetFiles = [numPOS]string{"noun", "verb", "adj", "adv"}

// ReadWordNet builds a lemmatizer from the WordNet 3.0 database in dir
// (the files index.noun ... and noun.exc ..., as Debian's wordnet-base
// installs them in /usr/share/wordnet). Only single-word entries are kept.
func ReadWordNet(dir string) (*Lemmatizer, error) {
	l := newLemmatizer()
	var errs ErrorList
	for p, name := range wordnetFiles {
		if err := readLines(filepath.Join(dir, name+".exc"), func(file string, n int, text string) {
			f := strings.Fields(text)
			if len(f) < 2 {
				errs = append(errs, &Error{file, n, "want \"inflected base...\""})
				return
			}
			if strings.Contains(f[0], "_") || strings.Contains(f[1], "_") {
				return
			}
			if _, dup := l.exc[p][f[0]]; !dup {
				l.exc[p][f[0]] = f[1]
			}
		}); err != nil {
			return nil, err
		}
		if p == noun {
			// Capitalized synset words of data.noun are proper nouns.
			if err := readLines(filepath.Join(dir, "data.noun"), func(file string, n int, text string) {
				if strings.HasPrefix(text, " ") {
					return
				}
				f := strings.Fields(text)
				if len(f) < 4 {
					errs = append(errs, &Error{file, n, "want \"offset lexfile type count word ...\""})
					return
				}
				var cnt int
				if _, err := fmt.Sscanf(f[3], "%x", &cnt); err != nil || len(f) < 4+2*cnt {
					errs = append(errs, &Error{file, n, "bad word count"})
					return
				}
				for i := 0; i < cnt; i++ {
					w := f[4+2*i]
					if w != "" && w[0] >= 'A' && w[0] <= 'Z' && !strings.Contains(w, "_") {
						l.proper[strings.ToLower(w)] = true
					}
				}
			}); err != nil {
				return nil, err
			}
		}
		if err := readLines(filepath.Join(dir, "index."+name), func(file string, n int, text string) {
			if strings.HasPrefix(text, " ") {
				return // licence header
			}
			w, _, ok := strings.Cut(text, " ")
			if !ok || w == "" {
				errs = append(errs, &Error{file, n, "want \"lemma pos ...\""})
				return
			}
			if !strings.Contains(w, "_") {
				l.index[p][w] = true
			}
		}); err != nil {
			return nil, err
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return l, nil
}

func readLines(path string, fn func(file string, line int, text string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("lemma: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		fn(path, n, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lemma: %s:%d: %w", path, n, err)
	}
	return nil
}

// Example is one word of a lemmatized training corpus.
type Example struct {
	Word, XPOS, Lemma string
}

// Learn adds to l the lemmas of examples that its rules get wrong: for each
// word and tag (the word as written, or in lower case when that is what
// matters), the most frequent lemma is kept when it is right more often
// than the rules. It is deterministic.
func (l *Lemmatizer) Learn(examples []Example) error {
	if len(examples) == 0 {
		return errors.New("lemma: no examples")
	}
	type stat struct {
		n      int
		lemmas map[string]int
		rule   int // occurrences the rules get right
	}
	stats := map[string]*stat{}
	for _, ex := range examples {
		if ex.Word == "" || ex.XPOS == "" || ex.Lemma == "" || ex.Lemma == "_" {
			continue
		}
		k := ex.Word + "\t" + ex.XPOS
		s := stats[k]
		if s == nil {
			s = &stat{lemmas: map[string]int{}}
			stats[k] = s
		}
		s.n++
		s.lemmas[ex.Lemma]++
		if l.rule(ex.Word, ex.XPOS) == ex.Lemma {
			s.rule++
		}
	}
	for _, k := range sortedKeys(stats) {
		s := stats[k]
		best, bn := "", 0
		for _, lem := range sortedKeys(s.lemmas) {
			if s.lemmas[lem] > bn {
				best, bn = lem, s.lemmas[lem]
			}
		}
		if bn > s.rule && !strings.ContainsAny(best, "\t\n") {
			l.lookup[k] = best
		}
	}
	return nil
}

// WordClasses returns the parts of speech WordNet gives each single word it
// knows, lemmas and the irregular forms of its exception lists alike: a bit
// set of 1 noun, 2 verb, 4 adjective, 8 adverb, and 16 for a proper noun
// (a capitalized word of the noun synsets; known only when the Lemmatizer
// was read by ReadWordNet). Keys are lower case.
func (l *Lemmatizer) WordClasses() map[string]uint8 {
	out := map[string]uint8{}
	for p := range numPOS {
		for w := range l.index[p] {
			out[w] |= 1 << p
		}
		for w := range l.exc[p] {
			out[w] |= 1 << p
		}
	}
	for w := range l.proper {
		out[w] |= 16
	}
	return out
}
