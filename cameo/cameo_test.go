package cameo

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		code, name, root string
		quad             int
		gold             float64
		ok               bool
	}{
		{"111", "Criticize or denounce", "11", 3, -2, true},
		{"032", "", "03", 1, 0, true},
		{"190", "", "19", 4, -10, true},
		{"0874", "", "08", 2, 0, true},
		{"1717", "", "17", 4, 0, true}, // unknown 4-digit: falls back to 171
		{"999", "", "", 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			e, ok := Lookup(tc.code)
			if ok != tc.ok {
				t.Fatalf("ok = %v", ok)
			}
			if !ok {
				return
			}
			if tc.name != "" && e.Name != tc.name || e.Root != tc.root || e.Quad != tc.quad || (tc.gold != 0 && e.Goldstein != tc.gold) {
				t.Errorf("got %+v", e)
			}
		})
	}
	if n := Codes(); n != 311 {
		t.Errorf("codebook has %d codes, want 311", n)
	}
}
