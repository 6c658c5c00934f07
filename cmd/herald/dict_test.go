package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDictStats(t *testing.T) {
	var out, errb bytes.Buffer
	if err := runDict([]string{"stats"}, streams{strings.NewReader(""), &out, &errb}); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	s := out.String()
	for _, want := range []string{"actors", "agents", "discards", "verbs", "\n19 ", "\n20 "} {
		if !strings.Contains(s, want) {
			t.Errorf("stats lack %q:\n%s", want, s)
		}
	}
}

func TestDictUnknown(t *testing.T) {
	f := filepath.Join(t.TempDir(), "news.txt")
	text := "Officials said Iran and Hezbollah met Zorblax Quentin in Tehran on Monday. Later Zorblax Quentin left.\n"
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := runDict([]string{"unknown", "--top", "5", f}, streams{strings.NewReader(""), &out, &errb}); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	s := out.String()
	if !strings.Contains(s, "2  ZORBLAX_QUENTIN") {
		t.Errorf("unknown name not counted twice:\n%s", s)
	}
	for _, known := range []string{"IRAN", "HEZBOLLAH", "TEHRAN", "MONDAY"} {
		if strings.Contains(s, known) {
			t.Errorf("%s listed as unknown:\n%s", known, s)
		}
	}
}

func TestDictUsage(t *testing.T) {
	var out, errb bytes.Buffer
	for _, args := range [][]string{nil, {"frobnicate"}, {"unknown"}, {"stats", "extra"}} {
		if err := runDict(args, streams{strings.NewReader(""), &out, &errb}); !errors.Is(err, errUsage) {
			t.Errorf("%v: got %v, want a usage error", args, err)
		}
	}
}
