package plover

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct{ code, typ, mode string }{
		{"041", "CONSULT", "phone"},
		{"0861", "RETREAT", "access"},
		{"08", "CONCEDE", ""},
		{"0314", "AGREE", ""},
		{"1121", "ACCUSE", "allege"},
	}
	for _, tc := range tests {
		m, ok := Lookup(tc.code)
		if !ok || m.Type != tc.typ || m.Mode != tc.mode {
			t.Errorf("%s: got %+v %v, want %s/%s", tc.code, m, ok, tc.typ, tc.mode)
		}
	}
	for _, c := range []string{"x", "010", "0231"} {
		if m, ok := Lookup(c); ok {
			t.Errorf("%s mapped to %+v; the table has no such entry", c, m)
		}
	}
}
