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
	if _, ok := Lookup("x"); ok {
		t.Error("bad code mapped")
	}
}
