package dict

import "strings"

// NameCode returns the code the dictionary gives name as a whole ("Ali
// Khamenei", "Foreign Policy") on date d (YYYYMMDD; 0 means the latest
// codes), or "" when no entry covers every word of the name.
func (a *Actors) NameCode(name string, d int) string {
	if a == nil || name == "" {
		return ""
	}
	words := strings.FieldsFunc(strings.ToUpper(name), func(r rune) bool { return r == ' ' || r == '-' })
	for i, w := range words {
		words[i] = strings.Trim(w, ".,’'")
	}
	act, n, _ := a.Match(words, 0)
	if act == nil || n != len(words) {
		return ""
	}
	if d == 0 {
		d = 99991231
	}
	if c := act.CodeAt(d); c != nil {
		return c.Code
	}
	return ""
}
