package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/herald-events/herald/internal/errlist"
)

// Sentence is one sentence of an IOB2 file: its tokens, their tags and the
// input lines they came from.
type Sentence struct {
	ID       string     // from "# sent_id = "
	DocID    string     // from the last "# newdoc id = " seen, inherited by later sentences
	Comments []string   // comment lines, verbatim with their "#"
	Words    []string   // column 2
	Tags     []string   // column 3: O, B-X or I-X
	Rows     [][]string // every column of each token line
	Line     int        // line number of the sentence's first line
}

// Error is a malformed line of an IOB2 file.
type Error = errlist.Line

// ErrorList is every error found in one input, in order.
type ErrorList = errlist.List[*Error]

// maxErrors bounds the errors collected from one input.
const maxErrors = 50

// ReadIOB2 reads the sentences of a tab-separated IOB2 file: one token a
// line (index, token, tag, any further columns), sentences separated by
// blank lines, comment lines starting with "#". name is used in error
// messages. A tag I-X that does not follow B-X or I-X is kept as it is and
// read as the start of a mention by Spans. Malformed lines are skipped and
// reported together, with the sentences read, as an ErrorList.
func ReadIOB2(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var (
		out   []Sentence
		errs  ErrorList
		cur   Sentence
		docID string
		ln    int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		ln++
		line := strings.TrimRight(sc.Text(), "\r")
		if ln == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		switch {
		case strings.TrimSpace(line) == "":
			flush()
			continue
		case strings.HasPrefix(line, "#"):
			if len(cur.Words) > 0 {
				flush()
			}
			if cur.Line == 0 {
				cur.Line = ln
			}
			c := strings.TrimSpace(strings.TrimPrefix(line, "#"))
			if v, ok := strings.CutPrefix(c, "newdoc id ="); ok {
				docID = strings.TrimSpace(v)
			} else if v, ok := strings.CutPrefix(c, "sent_id ="); ok {
				cur.ID = strings.TrimSpace(v)
			}
			cur.Comments = append(cur.Comments, line)
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			if len(errs) < maxErrors {
				errs = append(errs, &Error{Name: name, Line: ln, Msg: fmt.Sprintf("want at least 3 tab-separated columns, have %d", len(cols))})
			}
			continue
		}
		tag := cols[2]
		if !validTag(tag) {
			if len(errs) < maxErrors {
				errs = append(errs, &Error{Name: name, Line: ln, Msg: fmt.Sprintf("bad IOB2 tag %q", tag)})
			}
			continue
		}
		if cur.Line == 0 {
			cur.Line = ln
		}
		cur.DocID = docID
		cur.Words = append(cur.Words, cols[1])
		cur.Tags = append(cur.Tags, tag)
		cur.Rows = append(cur.Rows, cols)
	}
	flush()
	if err := sc.Err(); err != nil {
		errs = append(errs, &Error{Name: name, Line: ln + 1, Msg: err.Error()})
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

func validTag(t string) bool {
	if t == "O" {
		return true
	}
	if len(t) < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-' {
		return false
	}
	return !strings.ContainsAny(t[2:], " \t")
}

// WriteIOB2 writes s in the form ReadIOB2 reads, with tags in column 3 in
// place of the sentence's own.
func WriteIOB2(w io.Writer, s Sentence, tags []string) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	for i, row := range s.Rows {
		cols := append([]string(nil), row...)
		if i < len(tags) {
			cols[2] = tags[i]
		}
		bw.WriteString(strings.Join(cols, "\t"))
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// Spans returns the mentions that a sequence of IOB2 tags marks. An I-X
// tag that does not continue a mention of label X starts a new one.
func Spans(tags []string) []Mention {
	var out []Mention
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == "O" || len(t) < 3 {
			i++
			continue
		}
		label := t[2:]
		j := i + 1
		for j < len(tags) && len(tags[j]) > 2 && tags[j][0] == 'I' && tags[j][2:] == label {
			j++
		}
		out = append(out, Mention{Start: i, End: j, Label: label})
		i = j
	}
	return out
}

// Tags returns the IOB2 tags of n tokens carrying the mentions ms, which
// must not overlap.
func Tags(n int, ms []Mention) []string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = "O"
	}
	for _, m := range ms {
		for i := m.Start; i < m.End && i < n; i++ {
			if i == m.Start {
				tags[i] = "B-" + m.Label
			} else {
				tags[i] = "I-" + m.Label
			}
		}
	}
	return tags
}
