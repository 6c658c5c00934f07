// Package errlist is the list of errors that Herald's readers return when an
// input has several malformed lines: all of them are kept, in order, so
// that whoever fixes the input sees every problem at once.
package errlist

import "fmt"

// List is every error found in one input, in order. Its message is the
// first error's, with how many more follow.
type List[E error] []E

func (l List[E]) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Line is a malformed line of a named input: "name:line: msg".
type Line struct {
	Name string
	Line int
	Msg  string
}

func (e *Line) Error() string { return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg) }
