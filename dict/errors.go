package dict

import (
	"fmt"
	"iter"
	"path/filepath"
	"strings"
)

// Pos is a line of a dictionary file.
type Pos struct {
	File string // path as given to the loader
	Line int    // 1-based
}

// String returns "base:line", the form events cite as their rule.
func (p Pos) String() string {
	if p.File == "" {
		return fmt.Sprintf("%d", p.Line)
	}
	return fmt.Sprintf("%s:%d", filepath.Base(p.File), p.Line)
}

// Error is one malformed dictionary line.
type Error struct {
	Pos
	Msg string
	// Warning marks a line that is odd but has a reading PETRARCH also
	// gives it (a skipped pattern without code, an unreadable date
	// restriction that is ignored). Warnings do not fail a load.
	Warning bool
}

func (e *Error) Error() string {
	if e.Warning {
		return fmt.Sprintf("%s:%d: warning: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ErrorList is every malformed line of a load, in file order. It is returned
// as a whole so that a dictionary editor sees all problems at once.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return "dict: " + l[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "dict: %d malformed lines:", len(l))
	for _, e := range l {
		b.WriteString("\n\t")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l *ErrorList) warn(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{Pos{file, line}, fmt.Sprintf(format, args...), true})
}

// split separates errors from warnings.
func (l ErrorList) split() (errs, warns ErrorList) {
	for _, e := range l {
		if e.Warning {
			warns = append(warns, e)
		} else {
			errs = append(errs, e)
		}
	}
	return errs, warns
}

func (l *ErrorList) add(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{Pos{file, line}, fmt.Sprintf(format, args...), false})
}

// stripComment removes a trailing "#" or ";" comment and surrounding space.
// A line starting with "<!" (an XML-style comment line) yields "".
func stripComment(s string) string {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "<!") || strings.HasPrefix(t, "-->") {
		return ""
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '#', ';':
			if depth == 0 {
				return strings.TrimSpace(s[:i])
			}
		}
	}
	return strings.TrimSpace(s)
}

// dictLine is a dictionary line with its comments removed, its raw form and
// its 1-based number.
type dictLine struct {
	clean, raw string
	num        int
}

// lines yields the lines of a dictionary text that keep something once
// comments are removed: "#" and ";" comments, and XML comment blocks
// (<!-- ... --> spanning several lines).
func lines(data string) iter.Seq[dictLine] {
	return func(yield func(dictLine) bool) {
		data = strings.ReplaceAll(data, "\r\n", "\n")
		inXML := false
		for i, raw := range strings.Split(data, "\n") {
			t := strings.TrimSpace(raw)
			var clean string
			switch {
			case inXML:
				inXML = !strings.Contains(t, "-->")
			case strings.HasPrefix(t, "<!"):
				inXML = strings.HasPrefix(t, "<!--") && !strings.Contains(t, "-->")
			default:
				clean = stripComment(raw)
			}
			if clean != "" && !yield(dictLine{clean, raw, i + 1}) {
				return
			}
		}
	}
}

// splitWords splits a dictionary phrase on blanks and underscores into
// upper-cased words, dropping empty parts.
func splitWords(s string) []string {
	f := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	return f
}
