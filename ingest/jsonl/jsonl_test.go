package jsonl

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		ids     []string
		errLine []int
		errIs   []error
	}{
		{"two records", `{"id":"1","text":"a"}` + "\n" + `{"id":"2","text":"b"}`, []string{"1", "2"}, nil, nil},
		{"blank lines and CRLF", "\n" + `{"id":"1","text":"a"}` + "\r\n\r\n" + `{"id":"2","text":""}` + "\n", []string{"1", "2"}, nil, nil},
		{"missing id", `{"text":"a"}`, nil, []int{1}, []error{ErrNoID}},
		{"empty id", `{"id":"","text":"a"}`, nil, []int{1}, []error{ErrNoID}},
		{"missing text", `{"id":"1"}`, nil, []int{1}, []error{ErrNoText}},
		{"bad date", `{"id":"1","text":"a","date":"March 7"}`, nil, []int{1}, []error{ErrDate}},
		{"syntax error in the middle", `{"id":"1","text":"a"}` + "\n" + `{"id":"2" "text":"b"}` + "\n" + `{"id":"3","text":"c"}`, []string{"1", "3"}, []int{2}, nil},
		{"number id", `{"id":7,"text":"a"}`, nil, []int{1}, nil},
		{"trailing garbage", `{"id":"1","text":"a"} x`, nil, []int{1}, nil},
		{"not an object", `["id","text"]`, nil, []int{1}, nil},
		{"cut short", `{"id":"1","text":"a`, nil, []int{1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Read("f.jsonl", tt.in)
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.ids, ",") {
				t.Errorf("ids %q, want %q", ids, tt.ids)
			}
			if len(errs) != len(tt.errLine) {
				t.Fatalf("errors %v, want lines %v", errs, tt.errLine)
			}
			for i, err := range errs {
				var le *LineError
				if !errors.As(err, &le) || le.Line != tt.errLine[i] || le.Name != "f.jsonl" {
					t.Errorf("error %v, want f.jsonl line %d", err, tt.errLine[i])
				}
				if !strings.HasPrefix(err.Error(), "f.jsonl:") {
					t.Errorf("error %q does not start with the file name", err)
				}
				if tt.errIs != nil && !errors.Is(err, tt.errIs[i]) {
					t.Errorf("error %v is not %v", err, tt.errIs[i])
				}
			}
		})
	}
}

func TestReadFields(t *testing.T) {
	in := `{"id":" x\u00e9 ","text":"  Line one.\nLine \"two\".\t","title":"T","date":"2024-03-07T10:00:00+02:00","url":"https://e.org/a","source":"wire","extra":[1,2]}`
	docs, errs := Read("f", in)
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatal(errs)
	}
	d := docs[0]
	if d.ID != " xé " || d.Text != "  Line one.\nLine \"two\".\t" {
		t.Errorf("id %q or text %q changed", d.ID, d.Text)
	}
	if d.Title != "T" || d.URL != "https://e.org/a" || d.Source != "wire" || !d.Date.Equal(time.Date(2024, 3, 7, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("fields %+v", d)
	}
}

func FuzzRead(f *testing.F) {
	b, err := os.ReadFile("../testdata/docs.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add(`{"id":"1","text":"a","date":"2024-01-02"}`)
	f.Add("{\"id\":\"\\ud800\",\"text\":\"\xff\"}\n\n{")
	f.Fuzz(func(t *testing.T, s string) {
		docs, errs := Read("f", s)
		lines := strings.Count(s, "\n") + 1
		if len(docs)+len(errs) > lines {
			t.Fatalf("%d docs and %d errors from %d lines", len(docs), len(errs), lines)
		}
		for _, d := range docs {
			if d.ID == "" {
				t.Fatal("empty id")
			}
			if utf8.ValidString(s) && !utf8.ValidString(d.Text) {
				t.Fatal("invalid UTF-8 text from valid input")
			}
		}
		prev := 0
		for _, err := range errs {
			var le *LineError
			if !errors.As(err, &le) || le.Line <= prev || le.Line > lines {
				t.Fatalf("error %v out of order or range", err)
			}
			prev = le.Line
		}
	})
}
