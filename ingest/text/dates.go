package text

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateline matches the opening of a wire story: "WASHINGTON, Feb 26 - ",
// "LONDON, March 3, 1987 (Reuters) - ", "PARIS (AFP) - ".
var dateline = regexp.MustCompile(`^\p{Lu}[\p{L}.' ]{1,40}?(?:, [\p{L}.' ]{2,30}?)?` +
	`(,\s*(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)\s+(\d{1,2})(?:,?\s+(\d{4}))?)?` +
	`\s*(\([^)]{1,30}\))?\s*[-–—]+\s`)

// matchDateline matches dateline against the start of t, when a dash
// comes early enough for t to open with one.
func matchDateline(t string) []string {
	if len(t) > 120 {
		t = t[:120]
	}
	// the dateline ends at the first dash that follows a space
	i := strings.Index(t, " -")
	for _, d := range []string{" –", " —", ")-", ")–", ")—"} {
		if j := strings.Index(t, d); j >= 0 && (i < 0 || j < i) {
			i = j
		}
	}
	if i < 0 {
		return nil
	}
	end := min(len(t), i+8) // the dashes and the space after them
	return dateline.FindStringSubmatch(t[:end])
}

var months = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// hasDateline reports whether t opens with a dateline that names a date or
// an agency.
func hasDateline(t string) bool {
	m := matchDateline(t)
	return m != nil && (m[1] != "" || m[5] != "")
}

// datelineDate returns the date of the dateline t opens with, when the
// dateline gives a year; otherwise the zero time.
func datelineDate(t string) time.Time {
	m := matchDateline(t)
	if m == nil || m[4] == "" {
		return time.Time{}
	}
	mon := months[strings.ToLower(m[2])]
	day, _ := strconv.Atoi(m[3])
	year, _ := strconv.Atoi(m[4])
	d := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day {
		return time.Time{}
	}
	return d
}

var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006",
	"Monday, January 2, 2006", "Monday, 2 January 2006", "Mon, 2 Jan 2006", "Mon, Jan 2, 2006",
	"January 2, 2006 15:04", "January 2, 2006 3:04 PM", "2 January 2006 15:04",
	time.RFC1123Z, time.RFC1123,
}

// parseDate parses a unit that holds nothing but a date, optionally after
// "Published:", "Updated:" or "Date:".
func parseDate(t string) (time.Time, bool) {
	if len(t) > 60 {
		return time.Time{}, false
	}
	for _, p := range []string{"Published:", "Published", "Updated:", "Posted:", "Posted", "Date:", "Dated:"} {
		if strings.HasPrefix(t, p) {
			t = strings.TrimSpace(t[len(p):])
			break
		}
	}
	t = strings.TrimSuffix(t, " UTC")
	t = strings.TrimSuffix(t, " GMT")
	for _, l := range dateLayouts {
		if d, err := time.Parse(l, t); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}
