package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/dict/herald"
)

// runDict inspects a dictionary set: "stats" counts its entries, "unknown"
// lists the proper names of texts that no actor entry covers.
func runDict(args []string, st streams) error {
	fs := newFlags("dict", "dict stats [--dicts DIR] | dict unknown [--dicts DIR] [--top N] FILE...", st)
	dir := fs.String("dicts", "", "`directory` of TABARI/PETRARCH dictionaries, named by content as for --dict (default: Herald's embedded dictionaries)")
	top := fs.Int("top", 50, "list the `N` most frequent unknown names")
	if len(args) == 0 || (args[0] != "stats" && args[0] != "unknown") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			return parseFlags(fs, args)
		}
		fs.Usage()
		return errUsage
	}
	sub := args[0]
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if (sub == "stats" && fs.NArg() != 0) || (sub == "unknown" && fs.NArg() == 0) {
		fs.Usage()
		return errUsage
	}
	var set *dict.Set
	var err error
	if *dir != "" {
		var files dict.Files
		if files, err = dict.FindFiles(os.DirFS(*dir), "."); err != nil {
			return err
		}
		set, err = dict.LoadFS(os.DirFS(*dir), files, true)
	} else {
		set, err = herald.Set()
	}
	if set == nil {
		return err
	}
	if err != nil {
		fmt.Fprintln(st.err, err)
	}
	if sub == "stats" {
		return dictStats(st.out, set)
	}
	return dictUnknown(st.out, set, fs.Args(), *top)
}

// dictStats prints the counts of a dictionary set.
func dictStats(w io.Writer, s *dict.Set) error {
	if s.Actors != nil {
		dated, codes := 0, map[string]int{}
		for _, a := range s.Actors.Entries {
			for _, c := range a.Codes {
				if c.Kind != dict.Always {
					dated++
				}
				if len(c.Code) >= 3 {
					codes[c.Code[:3]]++
				}
			}
		}
		fmt.Fprintf(w, "actors      %6d entries, %d dated codes, %d leading code parts\n", len(s.Actors.Entries), dated, len(codes))
	}
	if s.Agents != nil {
		fmt.Fprintf(w, "agents      %6d entries\n", len(s.Agents.Entries))
	}
	if s.Discards != nil {
		story := 0
		for _, d := range s.Discards.Entries {
			if d.Story {
				story++
			}
		}
		fmt.Fprintf(w, "discards    %6d phrases (%d whole-story)\n", len(s.Discards.Entries), story)
	}
	if s.Verbs == nil {
		return nil
	}
	patterns := 0
	blocks, pats := map[string]int{}, map[string]int{}
	root := func(code string) string {
		if len(code) >= 2 && code[0] >= '0' && code[0] <= '9' {
			return code[:2]
		}
		return "--"
	}
	for _, b := range s.Verbs.Blocks {
		blocks[root(b.Code)]++
		for _, p := range b.Patterns {
			patterns++
			pats[root(p.Code)]++
		}
	}
	fmt.Fprintf(w, "verbs       %6d blocks, %d forms, %d patterns, %d synsets\n", len(s.Verbs.Blocks), s.Verbs.NumForms(), patterns, len(s.Verbs.Synsets))
	fmt.Fprintln(w, "root  blocks  patterns")
	var roots []string
	for r := range pats {
		roots = append(roots, r)
	}
	for r := range blocks {
		if _, ok := pats[r]; !ok {
			roots = append(roots, r)
		}
	}
	sort.Strings(roots)
	for _, r := range roots {
		fmt.Fprintf(w, "%-4s  %6d  %8d\n", r, blocks[r], pats[r])
	}
	return nil
}

// dictUnknown counts the runs of capitalized words in the files that no
// actor phrase covers, the candidates for new actor entries.
func dictUnknown(w io.Writer, s *dict.Set, files []string, top int) error {
	counts := map[string]int{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			countUnknown(s, strings.FieldsFunc(sc.Text(), func(r rune) bool {
				return unicode.IsSpace(r) || strings.ContainsRune(`,;:"“”()[]?!`, r)
			}), counts)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	type kv struct {
		k string
		n int
	}
	var list []kv
	for k, n := range counts {
		list = append(list, kv{k, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].k < list[j].k
	})
	for i, e := range list {
		if i == top {
			break
		}
		fmt.Fprintf(w, "%6d  %s\n", e.n, e.k)
	}
	return nil
}

func countUnknown(s *dict.Set, words []string, counts map[string]int) {
	up := make([]string, len(words))
	for i, t := range words {
		t = strings.TrimSuffix(strings.TrimSuffix(t, "'s"), "’s")
		if strings.Count(t, ".") == 1 && strings.HasSuffix(t, ".") {
			t = t[:len(t)-1] // a sentence end, not "U.S."
		}
		up[i] = strings.ToUpper(t)
	}
	capital := func(t string) bool {
		r := []rune(t)
		return len(r) > 1 && unicode.IsUpper(r[0])
	}
	for i := 0; i < len(words); {
		if a, n, _ := s.Actors.Match(up, i); a != nil {
			i += n
			continue
		}
		if a, n := s.Agents.Match(up, i); a != nil {
			i += n
			continue
		}
		if !capital(words[i]) || i == 0 || strings.HasSuffix(words[i-1], ".") || calendar[up[i]] || titles[up[i]] {
			i++
			continue
		}
		j := i
		for j < len(words) && capital(words[j]) && !calendar[up[j]] {
			if a, _, _ := s.Actors.Match(up, j); a != nil {
				break
			}
			j++
		}
		if j > i {
			counts[strings.Join(up[i:j], "_")]++
			i = j
		} else {
			i++
		}
	}
}

// calendar and titles are capitalized words that are never actors.
var calendar, titles = setOf("MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER"),
	setOf("MR MRS MS DR SIR THE A AN IN ON AT BUT AND IF AS IT HE SHE WE THEY THIS THAT")

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
