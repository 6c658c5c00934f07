// Package conllu reads and writes CoNLL-U, the Universal Dependencies file
// format: one token a line with ten tab-separated columns, sentences separated
// by blank lines, comments starting with "#".
//
// Multi-word token lines (IDs such as "3-4") and empty nodes ("5.1") are kept
// aside: Sentence.Words holds the syntactic words only, and
// Sentence.MultiWords the surface tokens that span several words.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/herald-events/herald/internal/errlist"
)

// Word is one syntactic word of a sentence.
type Word struct {
	ID     int // 1-based
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 for the root
	Deprel string
	Deps   string
	Misc   string
}

// SpaceAfter reports whether the MISC column does not say SpaceAfter=No.
func (w Word) SpaceAfter() bool { return !hasMisc(w.Misc, "SpaceAfter=No") }

func hasMisc(misc, item string) bool {
	for f := range strings.SplitSeq(misc, "|") {
		if f == item {
			return true
		}
	}
	return false
}

// MultiWord is a surface token made of the words First..Last.
type MultiWord struct {
	First, Last int
	Form        string
	Misc        string
}

// Sentence is one sentence with its comments.
type Sentence struct {
	ID         string   // from "# sent_id = "
	Text       string   // from "# text = "
	NewDoc     bool     // a "# newdoc" comment precedes it
	NewPar     bool     // a "# newpar" comment precedes it
	Comments   []string // every comment line, verbatim without "# "
	Words      []Word
	MultiWords []MultiWord
	Line       int // line number of the first line of the sentence
}

// Error is a malformed line.
type Error = errlist.Line

// Read reads every sentence of r; name is used in error messages.
func Read(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	err := Scan(r, name, func(s Sentence) error { out = append(out, s); return nil })
	return out, err
}

// Scan calls fn for each sentence of r in order and stops at the first
// error, from the input or from fn.
func Scan(r io.Reader, name string, fn func(Sentence) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var cur Sentence
	started := false
	line := 0
	var wordLines, mwLines []int // input line of each word and multi-word token of cur
	flush := func() error {
		if !started {
			return nil
		}
		started = false
		s := cur
		cur = Sentence{}
		if len(s.Words) == 0 {
			return &Error{Name: name, Line: s.Line, Msg: "sentence has comments but no words"}
		}
		for i, w := range s.Words {
			if w.Head > len(s.Words) {
				return &Error{Name: name, Line: wordLines[i], Msg: fmt.Sprintf("head %d beyond the sentence's %d words", w.Head, len(s.Words))}
			}
		}
		for i, m := range s.MultiWords {
			if m.First < 1 || m.Last > len(s.Words) {
				return &Error{Name: name, Line: mwLines[i], Msg: fmt.Sprintf("multi-word token %d-%d outside the sentence's %d words", m.First, m.Last, len(s.Words))}
			}
		}
		wordLines, mwLines = wordLines[:0], mwLines[:0]
		return fn(s)
	}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if !started {
			started = true
			cur.Line = line
		}
		if strings.HasPrefix(text, "#") {
			c := strings.TrimSpace(strings.TrimPrefix(text, "#"))
			cur.Comments = append(cur.Comments, c)
			switch {
			case strings.HasPrefix(c, "sent_id"):
				cur.ID = commentValue(c)
			case strings.HasPrefix(c, "text ="), strings.HasPrefix(c, "text="):
				cur.Text = commentValue(c)
			case strings.HasPrefix(c, "newdoc"):
				cur.NewDoc = true
			case strings.HasPrefix(c, "newpar"):
				cur.NewPar = true
			}
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 10 {
			return &Error{Name: name, Line: line, Msg: fmt.Sprintf("want 10 tab-separated columns, have %d", len(cols))}
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // empty node of the enhanced graph
		}
		if a, b, ok := strings.Cut(id, "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || last < first {
				return &Error{Name: name, Line: line, Msg: fmt.Sprintf("bad multi-word token id %q", id)}
			}
			cur.MultiWords = append(cur.MultiWords, MultiWord{First: first, Last: last, Form: cols[1], Misc: cols[9]})
			mwLines = append(mwLines, line)
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(cur.Words)+1 {
			return &Error{Name: name, Line: line, Msg: fmt.Sprintf("bad word id %q (want %d)", id, len(cur.Words)+1)}
		}
		head := 0
		if cols[6] != "_" {
			head, err = strconv.Atoi(cols[6])
			if err != nil || head < 0 {
				return &Error{Name: name, Line: line, Msg: fmt.Sprintf("bad head %q", cols[6])}
			}
		}
		cur.Words = append(cur.Words, Word{ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
			Feats: cols[5], Head: head, Deprel: cols[7], Deps: cols[8], Misc: cols[9]})
		wordLines = append(wordLines, line)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line, err)
	}
	return flush()
}

func commentValue(c string) string {
	_, v, ok := strings.Cut(c, "=")
	if !ok {
		return ""
	}
	return strings.TrimSpace(v)
}

// Write writes s in CoNLL-U, followed by a blank line.
func Write(w io.Writer, s Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	mw := 0
	for _, wd := range s.Words {
		for mw < len(s.MultiWords) && s.MultiWords[mw].First == wd.ID {
			m := s.MultiWords[mw]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First, m.Last, m.Form, dash(m.Misc))
			mw++
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", wd.ID, wd.Form, dash(wd.Lemma), dash(wd.UPOS),
			dash(wd.XPOS), dash(wd.Feats), wd.Head, dash(wd.Deprel), dash(wd.Deps), dash(wd.Misc))
	}
	bw.WriteString("\n")
	return bw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
