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
