package errlist

import (
	"errors"
	"testing"
)

func TestListError(t *testing.T) {
	a, b := errors.New("f:1: bad"), errors.New("f:4: worse")
	for _, tc := range []struct {
		l    List[error]
		want string
	}{
		{nil, "no errors"},
		{List[error]{a}, "f:1: bad"},
		{List[error]{a, b}, "f:1: bad (and 1 more errors)"},
	} {
		if got := tc.l.Error(); got != tc.want {
			t.Errorf("%d errors: %q, want %q", len(tc.l), got, tc.want)
		}
	}
}

func TestLine(t *testing.T) {
	var err error = &Line{Name: "dev.conllu", Line: 12, Msg: "bad head \"x\""}
	if got, want := err.Error(), `dev.conllu:12: bad head "x"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var l *Line
	if !errors.As(List[error]{err}[0], &l) || l.Line != 12 {
		t.Errorf("errors.As found %v", l)
	}
}
