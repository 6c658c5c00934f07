package cluster

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func TestDefaultGroupsSimilarWords(t *testing.T) {
	tb := Default()
	if tb.Len() < 150000 {
		t.Fatalf("embedded table has %d words, want about 200,000", tb.Len())
	}
	of := func(w string) uint16 { return tb.Of(Normalize(nil, w)) }
	// Weekdays share a leaf; a weekday and a company name do not.
	if of("Monday") == 0 || of("Monday") != of("tuesday") {
		t.Errorf("Monday %d, tuesday %d: want the same known cluster", of("Monday"), of("tuesday"))
	}
	if of("monday") == of("accenture") {
		t.Errorf("monday and accenture share cluster %d", of("monday"))
	}
	if of("qzxqzxqzx") != 0 {
		t.Errorf("nonsense word has cluster %d", of("qzxqzxqzx"))
	}
}

func TestLevels(t *testing.T) {
	for _, tc := range []struct{ id, mid, coarse uint16 }{
		{0, 0, 0}, {1, 1, 1}, {4, 1, 1}, {5, 2, 1}, {64, 16, 1}, {65, 17, 2}, {1024, 256, 16},
	} {
		if m, c := Mid(tc.id), Coarse(tc.id); m != tc.mid || c != tc.coarse {
			t.Errorf("id %d: mid %d coarse %d, want %d %d", tc.id, m, c, tc.mid, tc.coarse)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"Hello": "hello", "A-10": "a-00", "1,250": "0,000", "ÉCOLE": "école", "Éric": "éric", "": ""} {
		if got := string(Normalize(nil, in)); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	gz := func(s string) *bytes.Reader {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return bytes.NewReader(b.Bytes())
	}
	if _, err := Read(strings.NewReader("not gzip"), "x.gz"); err == nil || !strings.Contains(err.Error(), "x.gz") {
		t.Errorf("plain text: err %v, want one naming x.gz", err)
	}
	if _, err := Read(gz("the\t3\nbad line\n"), "t.gz"); err == nil || !strings.Contains(err.Error(), "t.gz:2") {
		t.Errorf("missing tab: err %v, want t.gz:2", err)
	}
	if _, err := Read(gz("the\tx\n"), "t.gz"); err == nil || !strings.Contains(err.Error(), "t.gz:1") {
		t.Errorf("bad number: err %v, want t.gz:1", err)
	}
	tb, err := Read(gz("the\t3\nof\t0\n"), "t.gz")
	if err != nil || tb.Of([]byte("the")) != 4 || tb.Of([]byte("of")) != 1 || tb.Len() != 2 {
		t.Errorf("good table: %v", err)
	}
}
