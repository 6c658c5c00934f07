package eval

// Attribution scoring against brat standoff annotations (PolNeAR).
//
// A gold attribution is a Source, a Cue and a Content, each a list of
// character spans of the article text (PolNeAR offsets count Unicode code
// points; they are converted to UTF-8 byte offsets here). A predicted
// doc.Quote matches a gold attribution when its content overlaps at least half
// of the gold content (counted in bytes over the gold fragments); each gold
// and each prediction matches at most once, greedily in text order, taking the
// largest overlap.
//
// Kinds: an attribution (gold or predicted) is direct when at least half of
// the letters and digits of its content lie between double quotation marks
// (straight, curly or doubled apostrophes, paired within a paragraph; a paragraph that ends inside
// a quotation closes it), indirect otherwise. The rule is applied to the text,
// not to the system's label, so gold and predictions are split alike.

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/herald-events/herald/internal/errlist"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-events/herald/doc"
)

// Attribution is one gold attribution relation: who (Source) said or thought
// what (Content), signalled by which words (Cue). Spans are UTF-8 byte
// offsets into the article text; a part may have several fragments, and
// Source is empty for attributions without a source.
type Attribution struct {
	ID      string // the brat event id, such as E12
	Source  []doc.ByteSpan
	Cue     []doc.ByteSpan
	Content []doc.ByteSpan
}

// BratError is one problem found while reading a brat standoff file.
type BratError struct {
	Line int
	Msg  string
}

func (e BratError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// BratErrors lists the problems of one file, in line order.
type BratErrors = errlist.List[BratError]

// ReadBrat reads the attribution events of a brat standoff file about text.
// T lines give typed spans in code points ("T3\tContent 10 20;25 40\t..."),
// E lines link an Attribution trigger to its Source, Cue and Content
// ("E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1"; further roles such as
// Content2 add fragments). Lines of other kinds, and continuation lines of
// span texts that hold newlines, are skipped. Every malformed line is
// reported, with its number, in a BratErrors; the attributions that could be
// read are returned with it.
func ReadBrat(r io.Reader, text string) ([]Attribution, error) {
	conv := newOffsets(text)
	spans := map[string][]doc.ByteSpan{}
	type event struct {
		id    string
		line  int
		roles [][2]string
	}
	var events []event
	var errs BratErrors
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		fields := strings.SplitN(line, "\t", 3)
		if len(fields) < 2 || len(fields[0]) < 2 {
			continue // continuation of a multi-line span text
		}
		id := fields[0]
		if _, err := strconv.Atoi(id[1:]); err != nil {
			continue
		}
		switch id[0] {
		case 'T':
			typ, rng, ok := strings.Cut(fields[1], " ")
			if !ok || typ == "" {
				errs = append(errs, BratError{n, fmt.Sprintf("%s: missing span", id)})
				continue
			}
			var frags []doc.ByteSpan
			bad := false
			for _, part := range strings.Split(rng, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(part), " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || s < 0 || e < s || e > conv.runes() {
					errs = append(errs, BratError{n, fmt.Sprintf("%s: bad span %q (text has %d characters)", id, part, conv.runes())})
					bad = true
					break
				}
				frags = append(frags, doc.ByteSpan{Start: int32(conv.byteAt(s)), End: int32(conv.byteAt(e))})
			}
			if !bad {
				spans[id] = frags
			}
		case 'E':
			ev := event{id: id, line: n}
			for _, arg := range strings.Fields(fields[1]) {
				role, ref, ok := strings.Cut(arg, ":")
				if !ok {
					errs = append(errs, BratError{n, fmt.Sprintf("%s: bad argument %q", id, arg)})
					continue
				}
				ev.roles = append(ev.roles, [2]string{role, ref})
			}
			events = append(events, ev)
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, BratError{n, err.Error()})
	}
	var out []Attribution
	for _, ev := range events {
		a := Attribution{ID: ev.id}
		isAttr := false
		for i, rr := range ev.roles {
			role, ref := strings.TrimRight(rr[0], "0123456789"), rr[1]
			sp, ok := spans[ref]
			if !ok {
				errs = append(errs, BratError{ev.line, fmt.Sprintf("%s: unknown span %s", ev.id, ref)})
				continue
			}
			switch {
			case i == 0 && strings.HasPrefix(role, "Attribution"):
				isAttr = true
			case role == "Source":
				a.Source = append(a.Source, sp...)
			case role == "Cue":
				a.Cue = append(a.Cue, sp...)
			case role == "Content":
				a.Content = append(a.Content, sp...)
			}
		}
		if isAttr && len(a.Content) > 0 {
			out = append(out, a)
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

// offsets converts code-point offsets of a text to byte offsets.
type offsets struct {
	text  string
	bytes []int // bytes[i] is the byte offset of code point i; len = runes+1
}

func newOffsets(text string) offsets {
	b := make([]int, 0, len(text)+1)
	for i := range text {
		b = append(b, i)
	}
	b = append(b, len(text))
	return offsets{text: text, bytes: b}
}

func (o offsets) runes() int       { return len(o.bytes) - 1 }
func (o offsets) byteAt(i int) int { return o.bytes[i] }

// QuoteArticle is one annotated article of an attribution corpus.
type QuoteArticle struct {
	Name      string // file name without extension
	Annotator string // the annotator whose annotations were read
	Text      string
	Gold      []Attribution
}

// LoadPolNeAR reads one PolNeAR compartment directory (such as
// data/dev, holding text/*.txt and attributions/*.ann). Attribution files are
// named after the article and the annotator ("name_ann1.ann"); when an
// article has several annotators the one whose id sorts first is used, for
// every article alike. Articles are returned sorted by name.
func LoadPolNeAR(dir string) ([]QuoteArticle, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("eval: no text/*.txt under %s", dir)
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(anns)
	byName := map[string]string{}
	annotator := map[string]string{}
	for _, p := range anns {
		base := strings.TrimSuffix(filepath.Base(p), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i < 0 {
			continue
		}
		name, who := base[:i], base[i+1:]
		if _, ok := byName[name]; !ok { // sorted: first annotator id wins
			byName[name], annotator[name] = p, who
		}
	}
	sort.Strings(texts)
	var out []QuoteArticle
	var errs []error
	for _, tp := range texts {
		name := strings.TrimSuffix(filepath.Base(tp), ".txt")
		ap, ok := byName[name]
		if !ok {
			continue
		}
		raw, err := os.ReadFile(tp)
		if err != nil {
			return nil, err
		}
		if !utf8.Valid(raw) {
			errs = append(errs, fmt.Errorf("eval: %s: text is not valid UTF-8", tp))
			continue
		}
		f, err := os.Open(ap)
		if err != nil {
			return nil, err
		}
		gold, err := ReadBrat(f, string(raw))
		f.Close()
		if err != nil {
			errs = append(errs, fmt.Errorf("eval: %s: %w", ap, err))
		}
		out = append(out, QuoteArticle{Name: name, Annotator: annotator[name], Text: string(raw), Gold: gold})
	}
	return out, errors.Join(errs...)
}

// PRF counts matches of a prediction set against a gold set.
type PRF struct {
	Gold, Pred int // sizes of the two sets
	TP         int // matched pairs
}

// P returns the precision, 0 when nothing was predicted.
func (c PRF) P() float64 { return ratio(c.TP, c.Pred) }

// R returns the recall, 0 when the gold set is empty.
func (c PRF) R() float64 { return ratio(c.TP, c.Gold) }

// F1 returns the harmonic mean of P and R.
func (c PRF) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// QuoteScore holds the scores of one kind of attribution (all, direct or
// indirect).
type QuoteScore struct {
	Content      PRF // content overlap >= 50% of the gold content
	ContentExact PRF // content equal to the gold content (ignoring surrounding spaces, quotation marks and punctuation)
	Cue          PRF // content matched and cues overlapping
	Speaker      PRF // content matched and speaker mention overlapping the gold source

	// Speaker accuracy over matched attributions whose gold has a source:
	// right when the predicted mention overlaps the source or the resolved
	// name agrees with a named source.
	Matched, SpeakerRight int
	// Resolved-name agreement over matched attributions whose gold source
	// is a proper name.
	Named, NameRight int
}

// SpeakerAccuracy returns SpeakerRight/Matched.
func (s QuoteScore) SpeakerAccuracy() float64 { return ratio(s.SpeakerRight, s.Matched) }

// NameAccuracy returns NameRight/Named.
func (s QuoteScore) NameAccuracy() float64 { return ratio(s.NameRight, s.Named) }

// QuoteScores are the scores overall and for direct and indirect
// attributions.
type QuoteScores struct {
	All, Direct, Indirect QuoteScore
	Articles              int
}

// Add scores the predictions of one article against its gold attributions
// and adds the counts to s.
func (s *QuoteScores) Add(text string, gold []Attribution, pred []doc.Quote) {
	s.Articles++
	quoted := quotedMask(text)
	goldDirect := make([]bool, len(gold))
	for i, g := range gold {
		goldDirect[i] = isDirect(text, quoted, g.Content)
	}
	predDirect := make([]bool, len(pred))
	for j, p := range pred {
		predDirect[j] = isDirect(text, quoted, []doc.ByteSpan{p.Content})
	}
	for i := range gold {
		for _, k := range []*QuoteScore{&s.All, s.kind(goldDirect[i])} {
			k.Content.Gold++
			k.ContentExact.Gold++
			k.Cue.Gold++
			k.Speaker.Gold++
		}
	}
	for j := range pred {
		for _, k := range []*QuoteScore{&s.All, s.kind(predDirect[j])} {
			k.Content.Pred++
			k.ContentExact.Pred++
			k.Cue.Pred++
			k.Speaker.Pred++
		}
	}
	used := make([]bool, len(pred))
	for i, g := range gold {
		glen := spanLen(g.Content)
		best, bestOv := -1, 0
		for j, p := range pred {
			if used[j] {
				continue
			}
			if ov := overlap(g.Content, []doc.ByteSpan{p.Content}); ov > bestOv {
				best, bestOv = j, ov
			}
		}
		if best < 0 || 2*bestOv < glen {
			continue
		}
		used[best] = true
		p := pred[best]
		// A matched pair counts in the gold kind for recall and in the
		// predicted kind for precision; both are the same rule on text.
		for _, k := range kindsOf(s, goldDirect[i], predDirect[best]) {
			k.Content.TP++
		}
		exact := normSpan(text, hull(g.Content)) == normSpan(text, p.Content)
		cueOK := overlap(g.Cue, []doc.ByteSpan{p.Cue}) > 0 || (len(g.Cue) == 0 && p.Cue.End == p.Cue.Start)
		spkOK := overlap(g.Source, []doc.ByteSpan{p.Speaker.ByteSpan}) > 0 || (len(g.Source) == 0 && p.Speaker.End == p.Speaker.Start)
		named, nameOK := false, false
		if len(g.Source) > 0 {
			src := joinText(text, g.Source)
			if surname := properName(src); surname != "" {
				named = true
				nameOK = nameAgrees(surname, p.Speaker.Name)
			}
		}
		for _, k := range kindsOf(s, goldDirect[i], predDirect[best]) {
			if exact {
				k.ContentExact.TP++
			}
			if cueOK {
				k.Cue.TP++
			}
			if spkOK {
				k.Speaker.TP++
			}
		}
		// Accuracy counts follow the gold kind only.
		for _, k := range []*QuoteScore{&s.All, s.kind(goldDirect[i])} {
			if len(g.Source) > 0 {
				k.Matched++
				if spkOK || nameOK {
					k.SpeakerRight++
				}
			}
			if named {
				k.Named++
				if nameOK {
					k.NameRight++
				}
			}
		}
	}
}

// kindsOf returns the score sets a matched pair adds a true positive to: All
// once, and the kind set. When gold and prediction differ in kind, the pair
// is not a true positive of either kind set (it is a miss in one and a false
// alarm in the other).
func kindsOf(s *QuoteScores, goldDirect, predDirect bool) []*QuoteScore {
	if goldDirect != predDirect {
		return []*QuoteScore{&s.All}
	}
	return []*QuoteScore{&s.All, s.kind(goldDirect)}
}

func (s *QuoteScores) kind(direct bool) *QuoteScore {
	if direct {
		return &s.Direct
	}
	return &s.Indirect
}

// Thresholds are the minimum scores a run must reach.
type Thresholds struct {
	DirectF1, F1, Speaker float64
}

// Check returns an error naming every score below its threshold.
func (s QuoteScores) Check(t Thresholds) error {
	var errs []error
	if f := s.Direct.Content.F1(); f < t.DirectF1 {
		errs = append(errs, fmt.Errorf("direct quotation F1 %.3f < %.3f", f, t.DirectF1))
	}
	if f := s.All.Content.F1(); f < t.F1 {
		errs = append(errs, fmt.Errorf("attribution F1 %.3f < %.3f", f, t.F1))
	}
	if a := s.All.SpeakerAccuracy(); a < t.Speaker {
		errs = append(errs, fmt.Errorf("speaker accuracy %.3f < %.3f", a, t.Speaker))
	}
	return errors.Join(errs...)
}

// WriteReport writes a table of the scores to w.
func (s QuoteScores) WriteReport(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "articles: %d\n", s.Articles)
	fmt.Fprintf(&b, "%-9s %-14s %6s %6s %6s %6s %6s %6s\n", "kind", "measure", "gold", "pred", "tp", "P", "R", "F1")
	for _, k := range []struct {
		name string
		sc   QuoteScore
	}{{"all", s.All}, {"direct", s.Direct}, {"indirect", s.Indirect}} {
		for _, m := range []struct {
			name string
			c    PRF
		}{{"content>=50%", k.sc.Content}, {"content-exact", k.sc.ContentExact}, {"cue", k.sc.Cue}, {"speaker", k.sc.Speaker}} {
			fmt.Fprintf(&b, "%-9s %-14s %6d %6d %6d %6.3f %6.3f %6.3f\n", k.name, m.name, m.c.Gold, m.c.Pred, m.c.TP, m.c.P(), m.c.R(), m.c.F1())
		}
		fmt.Fprintf(&b, "%-9s speaker accuracy %.3f (%d/%d matched with a source); name agreement %.3f (%d/%d named sources)\n",
			k.name, k.sc.SpeakerAccuracy(), k.sc.SpeakerRight, k.sc.Matched, k.sc.NameAccuracy(), k.sc.NameRight, k.sc.Named)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func spanLen(ss []doc.ByteSpan) int {
	n := 0
	for _, s := range ss {
		n += int(s.End - s.Start)
	}
	return n
}

func overlap(a, b []doc.ByteSpan) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			lo, hi := max(x.Start, y.Start), min(x.End, y.End)
			if hi > lo {
				n += int(hi - lo)
			}
		}
	}
	return n
}

func hull(ss []doc.ByteSpan) doc.ByteSpan {
	h := ss[0]
	for _, s := range ss[1:] {
		h.Start, h.End = min(h.Start, s.Start), max(h.End, s.End)
	}
	return h
}

func joinText(text string, ss []doc.ByteSpan) string {
	parts := make([]string, 0, len(ss))
	for _, s := range ss {
		parts = append(parts, text[s.Start:s.End])
	}
	return strings.Join(parts, " ")
}

// normSpan returns the text of s without surrounding spaces, quotation
// marks and punctuation.
func normSpan(text string, s doc.ByteSpan) string {
	if s.End <= s.Start || int(s.End) > len(text) {
		return ""
	}
	return strings.TrimFunc(text[s.Start:s.End], func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	})
}

// quotedMask marks the bytes of text that lie between double quotation
// marks, pairing marks within each paragraph: a curly opening mark opens, a
// curly closing mark closes, a straight mark toggles.
func quotedMask(text string) []bool {
	m := make([]bool, len(text))
	in := false
	start := 0
	for i, r := range text {
		if r == '\'' && i+1 < len(text) && text[i+1] == '\'' && (i == 0 || text[i-1] != '\'') {
			r = '"' // '' stands for a double mark in some news text
		}
		switch r {
		case '\n':
			if in {
				for k := start; k < i; k++ {
					m[k] = true
				}
			}
			in = false
		case '“', '„', '«':
			if !in {
				in, start = true, i
			}
		case '”', '»':
			if in {
				for k := start; k < i+utf8.RuneLen(r); k++ {
					m[k] = true
				}
				in = false
			}
		case '"':
			if in {
				for k := start; k <= i; k++ {
					m[k] = true
				}
				in = false
			} else {
				in, start = true, i
			}
		}
	}
	if in {
		for k := start; k < len(text); k++ {
			m[k] = true
		}
	}
	return m
}

func isDirect(text string, quoted []bool, ss []doc.ByteSpan) bool {
	in, all := 0, 0
	for _, s := range ss {
		if s.Start < 0 || int(s.End) > len(text) {
			continue
		}
		for i, r := range text[s.Start:s.End] {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				all++
				if quoted[int(s.Start)+i] {
					in++
				}
			}
		}
	}
	return all > 0 && 2*in >= all
}

var notNames = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true, "These": true, "Those": true,
	"He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "You": true, "His": true, "Her": true, "Their": true, "Its": true, "Our": true, "My": true, "Your": true,
	"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Sen.": true, "Rep.": true, "Gov.": true, "President": true, "Senator": true, "Secretary": true,
	"Some": true, "Many": true, "Most": true, "Both": true, "Others": true, "Several": true, "One": true, "Who": true, "Which": true,
}

// properName returns the last capitalized word of a source mention that
// reads as a proper name ("Republican candidate Donald Trump" -> "Trump"), or
// "" for pronouns and descriptions ("he", "the campaign").
func properName(src string) string {
	last := ""
	for _, w := range strings.Fields(src) {
		w = strings.TrimRight(w, ",;:")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || notNames[w] || len(w) < 2 {
			continue
		}
		last = w
	}
	return last
}

func nameAgrees(surname, name string) bool {
	if name == "" {
		return false
	}
	for _, w := range strings.Fields(name) {
		if strings.EqualFold(strings.Trim(w, ".,’'"), surname) {
			return true
		}
	}
	return false
}
