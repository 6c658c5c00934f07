package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/herald-events/herald/cameo"
	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/eval"
	"github.com/herald-events/herald/extract/event"
	"github.com/herald-events/herald/ingest"
	"github.com/herald-events/herald/nlp/lemma"
	"github.com/herald-events/herald/nlp/phrase"
	"github.com/herald-events/herald/pipeline"
	"github.com/herald-events/herald/ptb"
)

const dictSynopsis = `dict stats [--dict DIR [--dict-only] | --dicts DIR] [--top N] [--blocks]
       herald dict unknown [--dict DIR [--dict-only] | --dicts DIR] [--top N] [--names] [--parsed] [--tsv] CORPUS...

stats describes the event-coding dictionaries (Herald's embedded ones by
default, with --dict as "herald run" uses them): entries per file, verb and
pattern lines per CAMEO root, verbs per block, actors per code prefix.

unknown runs Herald's pipeline on a news corpus (any input "herald run"
reads) and lists what the dictionaries miss: the most frequent noun phrases
in source or target position that no actor entry coded, and the most
frequent verbs (lemmas) that no verb entry lists, with example sentences.
With --parsed the inputs are parsed sentences (PETRARCH <Sentences> XML).`

// runDict inspects a dictionary set: "stats" counts its entries, "unknown"
// lists what a corpus needs that the dictionaries lack.
func runDict(args []string, st streams) error {
	fs := newFlags("dict", dictSynopsis, st)
	var o dictOptions
	fs.StringVar(&o.dir, "dict", "", "add the TABARI/PETRARCH dictionaries of `DIR` to Herald's, as herald run does")
	fs.BoolVar(&o.only, "dict-only", false, "use the dictionaries of --dict alone, without Herald's")
	fs.BoolVar(&o.lenient, "lenient", false, "skip malformed dictionary lines (listed on stderr) instead of failing")
	alone := fs.String("dicts", "", "use the dictionaries of `DIR` alone, as herald code does (--dict DIR --dict-only)")
	top := fs.Int("top", 0, "list the `N` most frequent items of each ranking (default 20 for stats, 40 for unknown)")
	blocks := fs.Bool("blocks", false, "stats: list every verb block")
	names := fs.Bool("names", false, "unknown: list only noun phrases with a proper noun")
	examples := fs.Int("examples", 2, "unknown: show `N` example sentences per item")
	workers := fs.Int("workers", 0, "unknown: annotate with `N` goroutines (0: one per core)")
	tsv := fs.Bool("tsv", false, "unknown: write tab-separated rows (kind, count, source, target, text, codes or forms, examples)")
	parsed := fs.Bool("parsed", false, "unknown: the inputs are parsed sentences (PETRARCH <Sentences> XML, as herald code reads) rather than news")
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
	if (sub == "stats" && fs.NArg() != 0) || (sub == "unknown" && fs.NArg() == 0) || *top < 0 || *examples < 0 ||
		(*alone != "" && o.dir != "") {
		fs.Usage()
		return errUsage
	}
	if *alone != "" {
		o.dir, o.only = *alone, true
	}
	set, err := loadDicts(o, st.err)
	if err != nil {
		return err
	}
	if sub == "stats" {
		n := *top
		if n == 0 {
			n = 20
		}
		name := "Herald's embedded dictionaries"
		switch {
		case o.only:
			name = o.dir
		case o.dir != "":
			name += " with " + o.dir
		}
		dictStats(st.out, name, set, n, *blocks)
		return nil
	}
	n := *top
	if n == 0 {
		n = 40
	}
	coder := event.NewCoder(set, event.DefaultOptions())
	if *parsed {
		tally, err := tallyParsed(coder, fs.Args(), st, *examples)
		if err != nil {
			return err
		}
		if *tsv {
			tally.printTSV(st.out, n, *names)
		} else {
			tally.print(st.out, n, *names)
		}
		return nil
	}
	stages, err := syntaxStages()
	if err != nil {
		return err
	}
	p, err := pipeline.New(stages...)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tally := newUnknownTally(coder, phrase.TreeOf, *examples)
	in := make(chan *doc.Doc, 64)
	done := make(chan *doc.Doc, 64)
	walk := walkInto(ctx, fs.Args(), ingest.Options{Stdin: st.in, Dedup: true}, in)
	go p.Run(ctx, *workers, in, done)
	for d := range done {
		tally.add(d)
	}
	if walk.err != nil && !errors.Is(walk.err, context.Canceled) {
		return walk.err
	}
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted after %d documents", tally.docs)
	}
	for _, f := range walk.sum.Failures {
		fmt.Fprintf(st.err, "herald dict: %v\n", f.Err)
	}
	if *tsv {
		tally.printTSV(st.out, n, *names)
	} else {
		tally.print(st.out, n, *names)
	}
	return nil
}

// dictStats writes the counts of a dictionary set: entries per file, lines
// per CAMEO root, verbs per block (every block with all) and actors per
// code prefix (the top ones).
func dictStats(w io.Writer, name string, s *dict.Set, top int, all bool) {
	fmt.Fprintf(w, "%s\n\nentries per file\n", name)
	row := func(kind, file, counts string) { fmt.Fprintf(w, "  %-9s %-36s %s\n", kind, file, counts) }
	if s.Verbs != nil && len(s.Verbs.Blocks)+len(s.Verbs.Synsets) > 0 {
		verbs, patterns := 0, 0
		files := map[string]bool{}
		for _, b := range s.Verbs.Blocks {
			verbs += len(b.Verbs)
			patterns += len(b.Patterns)
			files[b.Pos.File] = true
		}
		for _, sy := range s.Verbs.Synsets {
			files[sy.Pos.File] = true
		}
		row("verbs", baseNames(files), fmt.Sprintf("%d blocks, %d verbs (%d forms), %d patterns, %d synsets",
			len(s.Verbs.Blocks), verbs, s.Verbs.NumForms(), patterns, len(s.Verbs.Synsets)))
	}
	if s.Actors != nil {
		var order []string
		per := map[string][2]int{}
		for _, a := range s.Actors.Entries {
			f := a.Pos.File
			if _, ok := per[f]; !ok {
				order = append(order, f)
			}
			c := per[f]
			c[0]++
			for _, dc := range a.Codes {
				if dc.Kind != dict.Always {
					c[1]++
				}
			}
			per[f] = c
		}
		for _, f := range order {
			row("actors", baseName(f), fmt.Sprintf("%s, %s", plural(per[f][0], "entry", "entries"), plural(per[f][1], "dated code", "dated codes")))
		}
	}
	if s.Agents != nil && len(s.Agents.Entries) > 0 {
		files := map[string]bool{}
		for _, a := range s.Agents.Entries {
			files[a.Pos.File] = true
		}
		row("agents", baseNames(files), fmt.Sprintf("%d entries", len(s.Agents.Entries)))
	}
	if s.Discards != nil && len(s.Discards.Entries) > 0 {
		story := 0
		files := map[string]bool{}
		for _, d := range s.Discards.Entries {
			if d.Story {
				story++
			}
			files[d.Pos.File] = true
		}
		row("discards", baseNames(files), fmt.Sprintf("%d phrases (%d whole-story)", len(s.Discards.Entries), story))
	}
	if s.Issues != nil && len(s.Issues.Entries) > 0 {
		files := map[string]bool{}
		cats := map[string]bool{}
		for _, is := range s.Issues.Entries {
			files[is.Pos.File] = true
			cats[is.Category] = true
		}
		row("issues", baseNames(files), fmt.Sprintf("%d entries, %d categories", len(s.Issues.Entries), len(cats)))
	}
	if s.Verbs != nil && len(s.Verbs.Blocks) > 0 {
		rootStats(w, s.Verbs)
		blockStats(w, s.Verbs, top, all)
	}
	if s.Actors != nil && len(s.Actors.Entries) > 0 {
		actorStats(w, s.Actors, top)
	}
}

// rootStats writes how many verb and pattern lines code to each CAMEO
// root; a paired code ("032:033") counts for each of its roots.
func rootStats(w io.Writer, v *dict.Verbs) {
	type counts struct{ verbs, patterns int }
	per := map[string]*counts{}
	at := func(code string) []string {
		var roots []string
		for _, c := range strings.Split(code, ":") {
			r := "---"
			if len(c) >= 2 && c[0] >= '0' && c[0] <= '9' && c[1] >= '0' && c[1] <= '9' {
				r = c[:2]
			}
			if !slices.Contains(roots, r) {
				roots = append(roots, r)
			}
		}
		return roots
	}
	get := func(r string) *counts {
		if per[r] == nil {
			per[r] = &counts{}
		}
		return per[r]
	}
	for _, b := range v.Blocks {
		for _, vb := range b.Verbs {
			code := vb.Code
			if code == "" {
				code = b.Code
			}
			for _, r := range at(code) {
				get(r).verbs++
			}
		}
		for _, p := range b.Patterns {
			for _, r := range at(p.Code) {
				get(r).patterns++
			}
		}
	}
	fmt.Fprintf(w, "\nverb and pattern lines per CAMEO root\n  %-4s %-38s %6s %8s\n", "root", "name", "verbs", "patterns")
	for i := 1; i <= 20; i++ {
		r := fmt.Sprintf("%02d", i)
		c := get(r)
		name := ""
		if e, ok := cameo.Lookup(r); ok {
			name = e.Name
		}
		fmt.Fprintf(w, "  %-4s %-38s %6d %8d\n", r, shorten(name, 38), c.verbs, c.patterns)
	}
	c := get("---")
	fmt.Fprintf(w, "  %-4s %-38s %6d %8d\n", "---", "no event", c.verbs, c.patterns)
	var odd []string
	for r := range per {
		if r != "---" && (len(r) != 2 || r < "01" || r > "20") {
			odd = append(odd, r)
		}
	}
	slices.Sort(odd)
	for _, r := range odd {
		fmt.Fprintf(w, "  %-4s %-38s %6d %8d\n", r, "not a CAMEO root", per[r].verbs, per[r].patterns)
	}
}

// blockStats writes how the verbs spread over the blocks: a histogram and
// the largest blocks, or every block when all is set.
func blockStats(w io.Writer, v *dict.Verbs, top int, all bool) {
	bins := []struct {
		lo, hi int
		label  string
	}{{0, 0, "0"}, {1, 1, "1"}, {2, 3, "2-3"}, {4, 7, "4-7"}, {8, 15, "8-15"}, {16, 31, "16-31"}, {32, 1 << 30, "32+"}}
	hist := make([]int, len(bins))
	for _, b := range v.Blocks {
		for i, bin := range bins {
			if len(b.Verbs) >= bin.lo && len(b.Verbs) <= bin.hi {
				hist[i]++
			}
		}
	}
	fmt.Fprintf(w, "\nverbs per block (%d blocks)\n  verbs   blocks\n", len(v.Blocks))
	for i, bin := range bins {
		fmt.Fprintf(w, "  %-6s %7d\n", bin.label, hist[i])
	}
	list := slices.Clone(v.Blocks)
	title := "every block, in file order"
	if !all {
		slices.SortStableFunc(list, func(a, b *dict.Block) int { return cmp.Compare(len(b.Verbs), len(a.Verbs)) })
		list = list[:min(top, len(list))]
		title = fmt.Sprintf("the %d largest blocks", len(list))
	}
	fmt.Fprintf(w, "\n%s\n  %-28s %-9s %6s %8s  %s\n", title, "block", "code", "verbs", "patterns", "line")
	for _, b := range list {
		fmt.Fprintf(w, "  %-28s %-9s %6d %8d  %s\n", shorten(b.Label, 28), b.Code, len(b.Verbs), len(b.Patterns), b.Pos)
	}
}

// actorStats writes the actor entries per code prefix (the first three
// letters of each code: a country or an international actor), the top
// ones first. An entry counts once per prefix among its codes.
func actorStats(w io.Writer, a *dict.Actors, top int) {
	per := map[string]int{}
	name := map[string]string{} // the first entry coded exactly the prefix
	exact := map[string]int{}   // entries coded exactly the prefix
	codeless := 0
	for _, e := range a.Entries {
		seen := map[string]bool{}
		for _, c := range e.Codes {
			if len(c.Code) < 3 || c.Code[0] == '-' {
				continue
			}
			p := c.Code[:3]
			if c.Code == p && !seen[p] {
				exact[p]++
				if name[p] == "" {
					name[p] = strings.ReplaceAll(strings.TrimSuffix(e.Name, "_"), "_", " ")
				}
			}
			if !seen[p] {
				seen[p] = true
				per[p]++
			}
		}
		if len(seen) == 0 {
			codeless++
		}
	}
	prefixes := make([]string, 0, len(per))
	for p := range per {
		prefixes = append(prefixes, p)
	}
	slices.SortFunc(prefixes, func(x, y string) int {
		return cmp.Or(cmp.Compare(per[y], per[x]), cmp.Compare(x, y))
	})
	shown := prefixes[:min(top, len(prefixes))]
	fmt.Fprintf(w, "\nactor entries per code prefix (%d prefixes; %s without a code; the %d largest)\n  %-6s %7s  %s\n",
		len(prefixes), plural(codeless, "entry", "entries"), len(shown), "prefix", "entries", "named")
	for _, p := range shown {
		// A prefix that many entries bear alone is a sector (IGO, NGO),
		// not a country: it names none of them.
		n := name[p]
		if exact[p] > 3 {
			n = ""
		}
		fmt.Fprintf(w, "  %-6s %7d  %s\n", p, per[p], n)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

func baseNames(files map[string]bool) string {
	var l []string
	for f := range files {
		l = append(l, baseName(f))
	}
	slices.Sort(l)
	return strings.Join(l, ", ")
}

// unknownTally counts, over a corpus, the noun phrases in actor positions
// that no actor entry coded and the verbs no verb entry lists.
type unknownTally struct {
	c        *event.Coder
	tree     event.TreeFunc
	examples int
	docs     int // documents counted
	sents    int // sentences explained
	skipped  int // near duplicates, story discards, documents a stage failed on
	phrases  map[string]*unknownItem
	verbs    map[string]*unknownItem
}

// unknownItem is one noun phrase (key: its words upper-cased, leading
// determiners left out) or one verb lemma.
type unknownItem struct {
	key      string
	count    int
	forms    map[string]int // surface forms
	src, tgt int            // noun phrases: occurrences by role
	codes    map[string]int // noun phrases: codes the agents alone gave
	proper   int            // noun phrases: occurrences with a proper noun
	examples []string
}

func newUnknownTally(c *event.Coder, tree event.TreeFunc, examples int) *unknownTally {
	return &unknownTally{c: c, tree: tree, examples: examples, phrases: map[string]*unknownItem{}, verbs: map[string]*unknownItem{}}
}

// sighting is one occurrence, kept until its document is known not to be
// a story discard.
type sighting struct {
	verb    bool
	key     string
	form    string
	role    event.Role
	code    string
	proper  bool
	example string // the sentence, or the part of it around the words
}

// add counts the sentences of one annotated document. Near duplicates,
// documents a stage failed on and story discards are skipped, and so are
// sentences without a tree.
func (t *unknownTally) add(d *doc.Doc) {
	if d.DuplicateOf != "" || len(d.Errs) > 0 || !d.Has(doc.LayerTags) {
		t.skipped++
		return
	}
	var seen []sighting
	sents := 0
	for i := range d.Sents {
		tr, toks, err := t.tree(d, i)
		if err != nil {
			continue
		}
		ex, err := t.c.Explain(tr, d.Date)
		if errors.Is(err, event.ErrStoryDiscard) {
			t.skipped++
			return
		}
		if err != nil {
			continue
		}
		sents++
		token := func(leaf int) *doc.Token {
			if leaf < len(toks) && toks[leaf] >= 0 && toks[leaf] < len(d.Tokens) {
				return &d.Tokens[toks[leaf]]
			}
			return nil
		}
		word := func(leaf int) string {
			if tk := token(leaf); tk != nil {
				return d.Text[tk.Start:tk.End]
			}
			return tr.Words()[leaf]
		}
		example := func(a, b int) string {
			ta, tb := token(a), token(b-1)
			if ta == nil || tb == nil {
				return excerpt(d, d.Sents[i], -1, -1)
			}
			return excerpt(d, d.Sents[i], int(ta.Start), int(tb.End))
		}
		for _, u := range ex.Uncoded {
			a, b := u.Span.Start, u.Span.End
			for a < b && (tr.Tag(a) == "DT" || tr.Tag(a) == "PRP$" || tr.Tag(a) == "POS") {
				a++
			}
			for b > a && tr.Tag(b-1) == "POS" {
				b--
			}
			if a == b || temporal[strings.ToLower(word(b-1))] {
				continue
			}
			ws := make([]string, 0, b-a)
			proper := false
			for k := a; k < b; k++ {
				ws = append(ws, word(k))
				proper = proper || tr.Tag(k) == "NNP" || tr.Tag(k) == "NNPS"
			}
			form := strings.Join(ws, " ")
			seen = append(seen, sighting{key: strings.ToUpper(form), form: form, role: u.Role, code: u.Code, proper: proper, example: example(a, b)})
		}
		for _, v := range ex.UnknownVerbs {
			form := strings.ToLower(word(v))
			lemma := form
			if v < len(toks) && toks[v] >= 0 && toks[v] < len(d.Tokens) && d.Tokens[toks[v]].Lemma != "" {
				lemma = strings.ToLower(d.Tokens[toks[v]].Lemma)
			}
			if lemma == "be" {
				continue // a copula, never an event
			}
			seen = append(seen, sighting{verb: true, key: lemma, form: form, example: example(v, v+1)})
		}
	}
	t.docs++
	t.sents += sents
	for _, s := range seen {
		m := t.phrases
		if s.verb {
			m = t.verbs
		}
		it := m[s.key]
		if it == nil {
			it = &unknownItem{key: s.key, forms: map[string]int{}, codes: map[string]int{}}
			m[s.key] = it
		}
		it.count++
		it.forms[s.form]++
		switch s.role {
		case event.SourceRole:
			it.src++
		case event.TargetRole:
			it.tgt++
		}
		if s.code != "" && s.code != "---" {
			it.codes[s.code]++
		}
		if s.proper {
			it.proper++
		}
		if len(it.examples) < t.examples && !slices.Contains(it.examples, s.example) {
			it.examples = append(it.examples, s.example)
		}
	}
}

// print writes the top n noun phrases (only those with a proper noun when
// names is set) and the top n verbs.
func (t *unknownTally) print(w io.Writer, n int, names bool) {
	phrases, verbs := t.rankings(names)
	fmt.Fprintf(w, "%d documents, %d sentences coded (%d documents skipped: near duplicates, story discards, failures)\n",
		t.docs, t.sents, t.skipped)
	what := "noun phrases"
	if names {
		what = "noun phrases with a proper noun"
	}
	fmt.Fprintf(w, "\n%s in source or target position that no actor entry codes (%d distinct, %d occurrences)\n",
		what, len(phrases), total(phrases))
	fmt.Fprintf(w, "  %6s %6s %6s  %s\n", "count", "source", "target", "phrase [codes from agents alone]")
	for _, it := range phrases[:min(n, len(phrases))] {
		label := mostFrequent(it.forms)
		if len(it.codes) > 0 {
			label += " [" + strings.Join(sortedKeys(it.codes), " ") + "]"
		}
		fmt.Fprintf(w, "  %6d %6d %6d  %s\n", it.count, it.src, it.tgt, label)
		printExamples(w, it.examples)
	}
	fmt.Fprintf(w, "\nverbs that no verb entry lists (%d distinct lemmas, %d occurrences)\n", len(verbs), total(verbs))
	fmt.Fprintf(w, "  %6s  %-20s %s\n", "count", "lemma", "forms")
	for _, it := range verbs[:min(n, len(verbs))] {
		fmt.Fprintf(w, "  %6d  %-20s %s\n", it.count, it.key, strings.Join(sortedKeys(it.forms), ", "))
		printExamples(w, it.examples)
	}
}

// rankings returns the noun phrases (the names only with names) and the
// verbs, the most frequent first.
func (t *unknownTally) rankings(names bool) (phrases, verbs []*unknownItem) {
	// A phrase is a name when most of its occurrences hold a proper noun
	// (not "bank" for being tagged NNP in a headline or in "the Bank").
	phrases = ranked(t.phrases, func(it *unknownItem) bool { return !names || 2*it.proper > it.count })
	verbs = ranked(t.verbs, func(*unknownItem) bool { return true })
	return phrases, verbs
}

// printTSV writes the top n of both rankings as tab-separated rows with a
// header: kind (phrase or verb), count, source and target counts (phrases),
// text (the phrase's most frequent form, or the lemma), codes from agents
// alone or verb forms (space-separated), examples (" | "-separated).
func (t *unknownTally) printTSV(w io.Writer, n int, names bool) {
	phrases, verbs := t.rankings(names)
	fmt.Fprintln(w, "kind\tcount\tsource\ttarget\ttext\tcodes_or_forms\texamples")
	for _, it := range phrases[:min(n, len(phrases))] {
		fmt.Fprintf(w, "phrase\t%d\t%d\t%d\t%s\t%s\t%s\n", it.count, it.src, it.tgt, mostFrequent(it.forms),
			strings.Join(sortedKeys(it.codes), " "), strings.Join(it.examples, " | "))
	}
	for _, it := range verbs[:min(n, len(verbs))] {
		fmt.Fprintf(w, "verb\t%d\t\t\t%s\t%s\t%s\n", it.count, it.key, strings.Join(sortedKeys(it.forms), " "),
			strings.Join(it.examples, " | "))
	}
}

func printExamples(w io.Writer, ex []string) {
	for _, e := range ex {
		fmt.Fprintf(w, "          e.g. %s\n", strconv.Quote(e))
	}
}

// ranked returns the items kept by keep, the most frequent first (ties by
// key).
func ranked(m map[string]*unknownItem, keep func(*unknownItem) bool) []*unknownItem {
	var l []*unknownItem
	for _, it := range m {
		if keep(it) {
			l = append(l, it)
		}
	}
	slices.SortFunc(l, func(a, b *unknownItem) int { return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.key, b.key)) })
	return l
}

func total(l []*unknownItem) int {
	n := 0
	for _, it := range l {
		n += it.count
	}
	return n
}

// mostFrequent returns the most frequent key of m (ties by order).
func mostFrequent(m map[string]int) string {
	best := ""
	for k, c := range m {
		if best == "" || c > m[best] || (c == m[best] && k < best) {
			best = k
		}
	}
	return best
}

func sortedKeys(m map[string]int) []string {
	l := make([]string, 0, len(m))
	for k := range m {
		l = append(l, k)
	}
	slices.Sort(l)
	return l
}

// excerpt returns the text of sentence sp of d on one line: all of
// it when short, else the 160 bytes or so around bytes [a, b) (a < 0: the
// start).
func excerpt(d *doc.Doc, sp doc.Span, a, b int) string {
	if sp.End <= sp.Start || int(sp.End) > len(d.Tokens) {
		return ""
	}
	const width = 160
	lo, hi := int(d.Tokens[sp.Start].Start), int(d.Tokens[sp.End-1].End)
	if a < lo || b > hi || a >= b {
		a, b = lo, lo
	}
	from, to := lo, hi
	if hi-lo > width {
		from = max(lo, a-(width-(b-a))/2)
		to = min(hi, from+width)
		from = max(lo, min(from, to-width))
		// Cut at spaces, within the window.
		if from > lo {
			if k := strings.IndexByte(d.Text[from:a], ' '); k >= 0 {
				from += k + 1
			}
		}
		if to < hi {
			if k := strings.LastIndexByte(d.Text[b:to], ' '); k >= 0 {
				to = b + k
			}
		}
	}
	s := strings.Join(strings.Fields(d.Text[from:to]), " ")
	if from > lo {
		s = "…" + s
	}
	if to < hi {
		s += "…"
	}
	return s
}

// temporal are the head words of noun phrases that name a time, not an
// actor ("Tuesday", "last week"): they are left out of the unknown list.
var temporal = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		today yesterday tomorrow tonight morning afternoon evening night weekend
		second seconds minute minutes hour hours day days week weeks month months year years decade decades century`) {
		m[w] = true
	}
	return m
}()

// tallyParsed tallies PETRARCH <Sentences> files: the sentences of a story
// (ids "STORY_1", "STORY_2", ...) make one document, lemmatized from the
// tags of the trees. Unreadable trees are reported to st.err and skipped.
func tallyParsed(c *event.Coder, files []string, st streams, examples int) (*unknownTally, error) {
	lem, err := lemma.New()
	if err != nil {
		return nil, err
	}
	var cur *treeStory
	tally := newUnknownTally(c, func(d *doc.Doc, sent int) (*ptb.Tree, []int, error) {
		return cur.trees[sent], cur.toks[sent], nil
	}, examples)
	for _, name := range files {
		var in io.Reader = st.in
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				return nil, err
			}
			in = f
			defer f.Close()
		}
		pf, err := eval.ReadPetrarch(in)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		cur = newTreeStory("", time.Time{})
		flush := func() {
			if len(cur.trees) > 0 {
				cur.lemmatize(lem)
				tally.add(cur.d)
			}
		}
		for _, it := range pf.Items {
			rec := it.Record
			if rec == nil {
				continue
			}
			if id := storyOf(rec.ID); id != cur.d.ID || len(cur.trees) == 0 {
				flush()
				cur = newTreeStory(id, rec.Date)
				cur.d.Source = name
			}
			tr, err := ptb.Parse(rec.Parse)
			if err != nil || len(tr.Leaves) == 0 {
				fmt.Fprintf(st.err, "herald dict: %s: sentence %s: unreadable tree: %v\n", name, rec.ID, err)
				continue
			}
			cur.add(strings.Join(strings.Fields(rec.Text), " "), tr)
		}
		flush()
	}
	return tally, nil
}

// treeStory is a document made of parsed sentences, with their trees.
type treeStory struct {
	d     *doc.Doc
	trees []*ptb.Tree
	toks  [][]int // per sentence: the doc token of each leaf, or -1
}

func newTreeStory(id string, date time.Time) *treeStory {
	d := &doc.Doc{ID: id, Date: date}
	d.Mark(doc.LayerTokens | doc.LayerSentences | doc.LayerTags)
	return &treeStory{d: d}
}

// add appends a sentence: its text (the words of the tree when empty)
// and its tree.
func (s *treeStory) add(text string, tr *ptb.Tree) {
	if text == "" {
		text = event.TextOfTree(tr)
	}
	one, toks := event.DocFromTree(s.d.ID, text, tr)
	if s.d.Text != "" {
		s.d.Text += " "
	}
	off, base := int32(len(s.d.Text)), int32(len(s.d.Tokens))
	s.d.Text += text
	for _, tk := range one.Tokens {
		tk.Start += off
		tk.End += off
		s.d.Tokens = append(s.d.Tokens, tk)
	}
	for i := range toks {
		if toks[i] >= 0 {
			toks[i] += int(base)
		}
	}
	s.d.Sents = append(s.d.Sents, doc.Span{Start: base, End: int32(len(s.d.Tokens))})
	s.trees = append(s.trees, tr)
	s.toks = append(s.toks, toks)
}

// lemmatize fills the lemmas of the story's tokens from their tags.
func (s *treeStory) lemmatize(l *lemma.Lemmatizer) {
	for i := range s.d.Tokens {
		tk := &s.d.Tokens[i]
		tk.Lemma = l.Lemma(s.d.Text[tk.Start:tk.End], tk.Tag)
	}
	s.d.Mark(doc.LayerLemmas)
}
