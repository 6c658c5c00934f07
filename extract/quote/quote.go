package quote

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/doc"
)

// Stage is the quotation extractor as a pipeline stage. It is safe for
// concurrent use.
type Stage struct {
	cues   map[string]cue
	actors *dict.Actors
}

// New returns the quotation extractor. It requires tokens and sentences and
// uses part-of-speech tags, entities and coreference chains when the Doc has
// them.
func New(opts ...Option) *Stage {
	cues, err := parseCues(cuesTxt)
	if err != nil {
		// The lexicon is embedded and checked by the tests.
		panic(err)
	}
	s := &Stage{cues: cues}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Name returns "quote".
func (*Stage) Name() string { return "quote" }

// Requires returns doc.LayerTokens|doc.LayerSentences.
func (*Stage) Requires() doc.Layer { return doc.LayerTokens | doc.LayerSentences }

// Provides returns doc.LayerQuotes.
func (*Stage) Provides() doc.Layer { return doc.LayerQuotes }

// Process fills d.Quotes and d.QuotedTerms.
func (s *Stage) Process(ctx context.Context, d *doc.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Quotes, d.QuotedTerms = s.Extract(d)
	d.Mark(doc.LayerQuotes)
	return nil
}

// cand is a candidate attribution.
type cand struct {
	split   bool // a quotation split by its attribution
	q       doc.Quote
	speaker doc.Span // token span of the speaker mention; empty when none
	weak    bool
	tier    int // conflict priority: 0 core speech verbs, 1 other speech verbs, 2 cognition verbs
	pos     int // token index of the cue, for ordering
	regions []int
	passive bool // a passive cue: its subject is not the source, and the attribution keeps no speaker
}

// Extract returns the quotations of d, in text order, and the quoted terms.
func (s *Stage) Extract(d *doc.Doc) ([]doc.Quote, []doc.ByteSpan) {
	v := newView(d)
	x := &extraction{s: s, v: v, d: d, regs: findRegions(d.Text)}
	x.mapTokens()
	var cands []cand
	for si, sent := range d.Sents {
		for i := int(sent.Start); i < int(sent.End); i++ {
			if x.tokReg[i] >= 0 {
				continue
			}
			if c, ok := x.atCue(si, i); ok {
				cands = append(cands, c)
			}
		}
	}
	// Keep one attribution per stretch of text: speech verbs before
	// cognition verbs, then text order (an outer attribution comes first).
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].tier != cands[j].tier {
			return cands[i].tier < cands[j].tier
		}

		return cands[i].pos < cands[j].pos
	})
	var kept []cand
	for _, c := range cands {
		ok := true
		for _, k := range kept {
			if overlaps(c.q.Content, k.q.Content) || inside(c.q.Cue, k.q.Content) || inside(k.q.Cue, c.q.Content) {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].q.Content.Start < kept[j].q.Content.Start })
	// Quotation-mark regions that no attribution covers.
	covered := make([]bool, len(x.regs))
	for _, k := range kept {
		for ri, r := range x.regs {
			if int(k.q.Content.Start) <= r.In && r.Out <= int(k.q.Content.End) || int(k.q.Content.Start) < r.Out && r.In < int(k.q.Content.End) {
				covered[ri] = true
			}
		}
	}
	// Short quoted terms, wherever they stand (scare quotes inside
	// attributed content are terms too).
	var terms []doc.ByteSpan
	for _, r := range x.regs {
		if r.Prev >= 0 || r.Next >= 0 {
			continue
		}
		c := d.Text[r.In:r.Out]
		if w := countWords(c); w > 0 && w <= 2 && !speechEnd(c) && !x.shortSpeech(r) {
			terms = append(terms, doc.ByteSpan{Start: int32(r.Open), End: int32(r.Close)})
		}
	}
	for ri := 0; ri < len(x.regs); ri++ {
		r := x.regs[ri]
		if covered[ri] || r.Prev >= 0 {
			continue
		}
		last := ri
		for x.regs[last].Next >= 0 {
			last = x.regs[last].Next
			covered[last] = true
		}
		content := doc.ByteSpan{Start: int32(r.In), End: int32(x.regs[last].Out)}
		words := countWords(d.Text[content.Start:content.End])
		if words == 0 {
			continue
		}
		if words <= 2 && !speechEnd(d.Text[content.Start:content.End]) && !x.shortSpeech(r) {
			continue // a quoted term
		}
		q := doc.Quote{Kind: doc.QuoteDirect, ByteSpan: doc.ByteSpan{Start: int32(r.Open), End: int32(x.regs[last].Close)}, Content: content}
		// A quotation that follows an attribution in the same paragraph
		// continues it: "A," he said. "B."
		prev := -1
		for k := range kept {
			if kept[k].q.End <= q.Start && (prev < 0 || kept[k].q.End > kept[prev].q.End) {
				prev = k
			}
		}
		if prev >= 0 && (x.adjacent(int(kept[prev].q.End), r.Open) || kept[prev].q.Kind != doc.QuoteIndirect && x.sameParagraphNext(int(kept[prev].q.End), r.Open)) {
			kept[prev].q.Content.End = content.End
			kept[prev].q.End = q.End
			if kept[prev].q.Kind == doc.QuoteIndirect {
				kept[prev].q.Kind = doc.QuoteMixed
			}
			continue
		}
		// "Pew Research: “…”": a name and a colon before a quotation.
		if o := x.tokAt(r.Open); o >= 2 && x.v.low[o-1] == ":" && x.tokReg[o-2] < 0 {
			if si := d.SentenceOf(o); si >= 0 {
				lo := int(d.Sents[si].Start)
				np := x.npBackward(o-2, lo)
				// only the capitalised name before the colon
				for k := int(np.End) - 1; k >= int(np.Start); k-- {
					if !x.v.isCap(k) && !x.v.isPossessive(k) && x.v.low[k] != "." {
						np.Start = int32(k + 1)
						break
					}
				}
				if np.Len() > 0 && x.v.isCap(int(np.Start)) && !x.badSubject(np) && (int(np.Start) == lo || x.v.isPunct(int(np.Start)-1)) {
					c := cand{q: q, speaker: np, pos: o - 1}
					c.q.Cue = x.bytes(doc.Span{Start: int32(o - 1), End: int32(o)})
					c.q.Start = x.d.Tokens[np.Start].Start
					kept = append(kept, c)
					continue
				}
			}
		}
		// "…," Smith barked: a speaker and an unlisted verb after a
		// quotation that ends as speech does.
		if c, ok := x.postAttribution(q, r, last); ok {
			kept = append(kept, c)
			continue
		}
		if words < 4 || titleLike(d.Text[content.Start:content.End]) {
			continue
		}
		// Inside a sentence, a short quotation without a cue is more often a
		// phrase than speech.
		if !x.standsAlone(r) && words < 6 {
			continue
		}
		// A quotation standing alone, as a sentence of its own, continues
		// the previous speaker.
		// A quotation inside a sentence is most often the subject's
		// ("Trump called it “a disaster”").
		if !x.standsAlone(r) {
			o := x.tokAt(r.Open)
			if si := d.SentenceOf(o); si >= 0 {
				lo := int(d.Sents[si].Start)
				if subj := x.sentenceSubject(lo, o); subj.Len() > 0 && !x.badSubject(subj) {
					kept = append(kept, cand{q: q, speaker: subj, pos: o})
					continue
				}
			}
		}
		if prev < 0 || q.Start-kept[prev].q.End > 1500 {
			// A quotation of its own, speaker unknown.
			kept = append(kept, cand{q: q, pos: x.tokAt(r.Open)})
			continue
		}
		c := cand{q: q, speaker: kept[prev].speaker, pos: x.tokAt(r.Open)}
		c.q.Speaker = kept[prev].q.Speaker
		kept = append(kept, c)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].q.Start < kept[j].q.Start })
	out := make([]doc.Quote, 0, len(kept))
	var lastPerson doc.Speaker
	byHead := map[string]doc.Speaker{} // the last named speaker of each head noun ("minister")
	for _, k := range kept {
		if k.speaker.Len() > 0 {
			k.q.Speaker = x.resolve(k.speaker, lastPerson)
			head := x.v.low[k.speaker.End-1]
			// "the minister", left without a name, is the minister quoted
			// last ("Iran's foreign minister … the minister told reporters").
			if k.q.Speaker.Name == "" && k.speaker.Len() == 2 && x.v.low[k.speaker.Start] == "the" {
				if prev, ok := byHead[head]; ok {
					k.q.Speaker.Name, k.q.Speaker.Code = prev.Name, prev.Code
				}
			}
			if k.q.Speaker.Name != "" && k.speaker.Len() > 1 && !x.v.isCap(int(k.speaker.End-1)) {
				byHead[head] = k.q.Speaker
			}
		}
		if k.q.Speaker.Code == "" {
			k.q.Speaker.Code = s.actorCode(d, k.q.Speaker.Name)
		}
		if k.q.Speaker.Name != "" && k.speaker.Len() > 0 && !x.isDocument(k.speaker) {
			lastPerson = k.q.Speaker
		}
		out = append(out, k.q)
	}
	return out, terms
}

type extraction struct {
	s      *Stage
	v      *view
	d      *doc.Doc
	regs   []region
	tokReg []int   // region index holding each token (marks included), or -1
	para   []int32 // paragraph (line) number of each token
}

func (x *extraction) mapTokens() {
	x.tokReg = make([]int, len(x.d.Tokens))
	x.para = make([]int32, len(x.d.Tokens))
	ri := 0
	for i, t := range x.d.Tokens {
		x.tokReg[i] = -1
		if i > 0 {
			x.para[i] = x.para[i-1]
			if strings.ContainsRune(x.d.Text[x.d.Tokens[i-1].End:t.Start], '\n') {
				x.para[i]++
			}
		}
		for ri < len(x.regs) && x.regs[ri].Close <= int(t.Start) {
			ri++
		}
		// Regions are ordered and do not nest; check a few.
		for k := ri; k < len(x.regs) && x.regs[k].Open <= int(t.Start); k++ {
			if int(t.Start) < x.regs[k].Close {
				x.tokReg[i] = k
				break
			}
		}
	}
}

// tokAt returns the index of the token that starts at or covers byte b.
func (x *extraction) tokAt(b int) int {
	toks := x.d.Tokens
	i := sort.Search(len(toks), func(i int) bool { return int(toks[i].End) > b })
	return i
}

func (x *extraction) bytes(s doc.Span) doc.ByteSpan {
	a, b := x.d.SpanBytes(s)
	return doc.ByteSpan{Start: int32(a), End: int32(b)}
}

// regionAt returns the region whose opening mark is token i, or -1.
func (x *extraction) regionOpenAt(i int) int {
	if i < 0 || i >= len(x.tokReg) || x.tokReg[i] < 0 {
		return -1
	}
	r := x.tokReg[i]
	if int(x.d.Tokens[i].Start) <= x.regs[r].Open {
		return r
	}
	return -1
}

// regionCloseAt returns the region whose closing mark ends at token i (the
// token holds the mark), or -1.
func (x *extraction) regionCloseAt(i int) int {
	if i < 0 || i >= len(x.tokReg) || x.tokReg[i] < 0 {
		return -1
	}
	r := x.tokReg[i]
	if int(x.d.Tokens[i].End) >= x.regs[r].Close {
		return r
	}
	return -1
}

// chain returns the first and last region of the multi-paragraph quotation
// holding region r.
func (x *extraction) chain(r int) (first, last int) {
	first, last = r, r
	for x.regs[first].Prev >= 0 {
		first = x.regs[first].Prev
	}
	for x.regs[last].Next >= 0 {
		last = x.regs[last].Next
	}
	return first, last
}

// atCue builds the attribution whose cue is token i of sentence si.
func (x *extraction) atCue(si, i int) (cand, bool) {
	v := x.v
	sent := x.d.Sents[si]
	lo, hi := int(sent.Start), int(sent.End)
	// A sentence never runs over a line break here.
	for lo < i && x.para[lo] != x.para[i] {
		lo++
	}
	for hi > i+1 && x.para[hi-1] != x.para[i] {
		hi--
	}
	var c cue
	cueEnd := i + 1
	according := false
	if v.low[i] == "according" && i+1 < hi && v.low[i+1] == "to" {
		according = true
		cueEnd = i + 2
	} else {
		var ok bool
		c, ok = x.s.cues[v.low[i]]
		if !ok {
			return cand{}, false
		}
		if v.tags && c.ambiguous() {
			if !strings.HasPrefix(x.d.Tokens[i].Tag, "VB") {
				return cand{}, false
			}
		} else if c.ambiguous() {
			// "report", "claims": a verb only after a subject pronoun,
			// an auxiliary or "to".
			if i == lo {
				return cand{}, false
			}
			p := v.low[i-1]
			nameBefore := v.isCap(i-1) && i-1 > lo && i+1 < hi && objectStart[v.low[i+1]]
			if !(pronouns[p] || advAux[p] || p == "to" || i+1 < hi && v.low[i+1] == "that" && !dets[p] && !stops[p] || nameBefore) {
				return cand{}, false
			}
		}
		// Particles of phrasal cues: "pointed out", "called for".
		if cueEnd < hi && (c.lemma == "point" && (v.low[cueEnd] == "out" || v.low[cueEnd] == "to") || c.lemma == "call" && (v.low[cueEnd] == "for" || v.low[cueEnd] == "on")) {
			cueEnd++
		} else if c.lemma == "point" {
			return cand{}, false
		}
		// "the statement quoted by IRNA": a passive participle with its
		// agent reports nothing.
		if cueEnd < hi && v.low[cueEnd] == "by" && strings.HasSuffix(v.low[i], "ed") {
			return cand{}, false
		}
		// "continued to mediate", "continues talking": aspect, not speech
		// ("…, he continued." is).
		if c.lemma == "continue" && cueEnd < hi && (v.low[cueEnd] == "to" || v.tags && x.d.Tokens[cueEnd].Tag == "VBG") {
			return cand{}, false
		}
	}
	cueSpan := doc.Span{Start: int32(i), End: int32(cueEnd)}
	res := cand{pos: i, weak: c.weak, tier: 1}
	switch {
	case c.weak:
		res.tier = 2
	case according || core[c.lemma]:
		res.tier = 0
	}
	res.q.Cue = x.bytes(cueSpan)

	if according {
		// "According to X, C." or "C, according to X."
		np := x.npForward(cueEnd, hi)
		if np.Len() == 0 {
			return cand{}, false
		}
		res.speaker = np
		if i > lo && v.low[i-1] == "," {
			res.q.Content = x.contentBefore(lo, i-1)
			if e := x.clauseRest(int(np.End), hi); e > res.q.Content.End {
				res.q.Content.End = e
			}
		} else {
			a := int(np.End)
			if a < hi && v.low[a] == "," {
				a++
			}
			res.q.Content = x.contentAfter(a, hi)
		}
		return x.finish(res)
	}

	// The speaker: the subject before the cue, or after it when inverted
	// ("…, said Smith").
	subj, comma := x.subjectBefore(i, lo)
	inverted := false
	if subj.Len() == 0 && !c.participle() && i > lo && (v.low[i-1] == "," || x.regionCloseAt(i-1) >= 0) {
		if np := x.npForward(cueEnd, hi); np.Len() > 0 && x.endsClause(int(np.End), hi) && !x.quoteFollows(int(np.End), hi) {
			subj, inverted = np, true
		}
	}
	borrowed := false
	if subj.Len() == 0 && c.participle() || subj.Len() == 0 && i > lo && (v.low[i-1] == "and" || v.low[i-1] == ",") {
		// "…, adding that …", "… and stressed …": the subject of the
		// sentence speaks.
		borrowed = true
		subj = x.sentenceSubject(lo, i)
		if subj.Len() == 0 {
			subj = x.earlierSpeaker(lo, i)
		}
	}
	// "Sales are estimated at …", "it is expected to …": a passive cue's
	// subject is not its source; the attribution keeps no speaker.
	aux := i - 1
	if aux > lo && strings.HasSuffix(v.low[aux], "ly") {
		aux-- // "are currently estimated"
	}
	passive := aux >= lo && passiveAux[v.low[aux]] && (strings.HasSuffix(v.low[i], "ed") || v.tags && x.d.Tokens[i].Tag == "VBN")
	// "LONDON, March 3 - The Bank of England proposed …": the dateline is
	// not part of the speaker.
	if dl := x.afterDateline(lo, i); dl > lo && int(subj.Start) < dl && dl < int(subj.End) {
		subj.Start = int32(dl)
	}
	if subj.Len() == 0 || x.badSubject(subj) {
		return cand{}, false
	}
	res.speaker = subj
	res.passive = passive

	// The content: after the cue, or before the speaker when the
	// attribution closes the sentence ("C, S said." / "C, said S.").
	after := cueEnd
	if inverted {
		after = int(subj.End)
	}
	before := int(subj.Start)
	if inverted {
		before = i
	}
	_ = comma
	if borrowed {
		// the content of a borrowed-subject cue follows it
		before = lo
	}
	startAfter := x.skipRecipient(c, after, hi)
	closes := x.endsClause(startAfter, hi) && !x.quoteFollows(startAfter, hi)
	// A quotation closing the previous sentence: "…?" Miller said.
	quoteBefore := before > 0 && before >= lo && x.regionCloseAt(before-1) >= 0 &&
		!strings.ContainsRune(x.d.Text[x.d.Tokens[before-1].End:x.d.Tokens[before].Start], '\n')
	titleBefore := before > lo && quoteBefore && !x.startsClause(x.regionCloseAt(before-1), lo)
	if before > lo && (closes || quoteBefore) && !(titleBefore && !closes) || before == lo && quoteBefore && closes {
		p := before - 1
		if v.low[p] == "," || v.low[p] == ":" || x.regionCloseAt(p) >= 0 {
			if titleBefore {
				// "This is a “raw time,” said Axelrod": the whole clause
				res.q.Content = doc.ByteSpan{Start: x.d.Tokens[lo].Start, End: x.d.Tokens[p].End}
				return x.finish(res)
			}
			res.q.Content = x.contentBefore(lo, p)
			// A split quotation: "A," he said, "B."
			if r := x.regionCloseAt(p); r >= 0 {
				k := startAfter
				// "…," he said of Trump, "…"
				for k < hi && k < startAfter+8 && x.tokReg[k] < 0 && v.low[k] != "," && v.low[k] != ":" && !v.isPunct(k) {
					k++
				}
				for k < hi && (v.low[k] == "," || v.low[k] == ":") {
					k++
				}
				if k < len(x.tokReg) && x.regionOpenAt(k) >= 0 {
					_, last := x.chain(x.regionOpenAt(k))
					res.q.Content.End = int32(x.regs[last].Out)
					res.q.ByteSpan.End = int32(x.regs[last].Close)
					res.split = true
				}
			} else if e := x.clauseRest(startAfter, hi); e > res.q.Content.End {
				// "C1, Smith said, C2": the attribution sits inside its content
				res.q.Content.End = e
			}
			return x.finish(res)
		}
		if c.obj || closes && startAfter >= hi-1 {
			return cand{}, false
		}
	}
	if startAfter >= hi {
		return cand{}, false
	}
	res.q.Content = x.contentAfter(startAfter, hi)
	return x.finish(res)
}

// finish sets the kind and whole span of an attribution and drops empty
// ones.
func (x *extraction) finish(c cand) (cand, bool) {
	q := &c.q
	if n := countWords(x.d.Text[q.Content.Start:q.Content.End]); n == 0 || n < 2 && !x.inRegion(q.Content) {
		return cand{}, false
	}
	// Kind: inside one quotation (chain) is direct; touching one is mixed.
	q.Kind = doc.QuoteIndirect
	for _, r := range x.regs {
		if r.Single && (r.Out-r.In) < int(q.Content.End-q.Content.Start)/2 {
			continue
		}
		if r.In <= int(q.Content.Start) && int(q.Content.End) <= r.Out {
			q.Kind = doc.QuoteDirect
			break
		}
		if int(q.Content.Start) < r.Out && r.In < int(q.Content.End) {
			q.Kind = doc.QuoteMixed
		}
	}
	if q.Kind == doc.QuoteMixed {
		if c.split || x.fullyQuoted(q.Content) {
			q.Kind = doc.QuoteDirect
		}
	}
	sp := x.bytes(c.speaker)
	a := min(q.Content.Start, q.Cue.Start, sp.Start)
	b := max(q.Content.End, q.Cue.End, sp.End)
	// Include the marks of a direct quotation.
	for _, r := range x.regs {
		if r.In <= int(q.Content.Start) && int(q.Content.Start) <= r.In+1 {
			a = min(a, int32(r.Open))
		}
		if r.Out >= int(q.Content.End)-1 && r.Out <= int(q.Content.End) {
			b = max(b, int32(r.Close))
		}
	}
	q.ByteSpan = doc.ByteSpan{Start: a, End: max(b, q.ByteSpan.End)}
	if c.passive {
		c.speaker = doc.Span{}
	}
	return c, true
}

// fullyQuoted reports whether every letter of s lies inside quotation
// marks.
func (x *extraction) fullyQuoted(s doc.ByteSpan) bool {
	text := x.d.Text
	for i, r := range text[s.Start:s.End] {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		b := int(s.Start) + i
		in := false
		for _, rg := range x.regs {
			if rg.In <= b && b < rg.Out {
				in = true
				break
			}
		}
		if !in {
			return false
		}
	}
	return true
}

// contentBefore returns the content of the clause ending at token p
// (exclusive): back to the sentence start, or, when a quotation ends at p, the
// whole quotation (which may start sentences or paragraphs earlier).
func (x *extraction) contentBefore(lo, p int) doc.ByteSpan {
	if r := x.regionCloseAt(p); r >= 0 {
		first, _ := x.chain(r)
		return doc.ByteSpan{Start: int32(x.regs[first].In), End: int32(x.regs[r].Out)}
	}
	if p <= lo {
		return doc.ByteSpan{}
	}
	start := lo
	// A quotation that began in an earlier sentence.
	if rg := x.tokReg[lo]; rg >= 0 {
		first, _ := x.chain(rg)
		start = x.tokAt(x.regs[first].Open)
	}
	if start == lo {
		start = x.afterDateline(start, p)
	}
	a := int32(x.d.Tokens[start].Start)
	if x.regionOpenAt(start) >= 0 {
		a = int32(x.regs[x.regionOpenAt(start)].In)
	}
	return doc.ByteSpan{Start: a, End: x.d.Tokens[p-1].End}
}

// afterDateline returns the first token after a wire dateline opening a
// sentence at token i ("NAIROBI, March 3 -", "OAKVILLE, Ontario, March 3 -",
// "LAKE SUCCESS, N.Y. March 3 -", "New York, March 2 -", "LONDON (Reuters)
// -", "BEIRUT -"), or i when there
// is none; p bounds the search. The place needs a date or an agency after
// it, or to be a word of four capitals or more ("US - China talks …" has
// no dateline).
func (x *extraction) afterDateline(i, p int) int {
	v, k := x.v, i
	month := func(k int) bool { return k < p && (months[v.low[k]] || months[v.low[k]+"."]) }
	upper := false
	for k < p && k-i < 4 && x.v.isCap(k) && !month(k) {
		w := x.d.TokenText(k)
		upper = upper || isUpperWord(w) && len(w) >= 4
		k++
	}
	if k == i {
		return i
	}
	dated := false
	// ", Ontario" or ", Mass." before the date.
	if k+1 < p && v.low[k] == "," && x.v.isCap(k+1) && !month(k+1) {
		j := k + 1
		for j < p && j-k <= 2 && x.v.isCap(j) && !month(j) {
			j++
		}
		if month(j) || j+1 < p && v.low[j] == "," && month(j+1) {
			k = j // "N.Y. March 3" has no comma
		}
	}
	if k < p && v.low[k] == "," && month(k+1) {
		k++
	}
	if month(k) {
		k++
		dated = true
		if k < p && v.low[k] != "" && v.low[k][0] >= '0' && v.low[k][0] <= '9' {
			k++
		}
	}
	if k+2 < p && v.low[k] == "(" && agencies[v.low[k+1]] && v.low[k+2] == ")" {
		k += 3
		dated = true
	}
	if (dated || upper) && k < p-1 && (v.low[k] == "-" || v.low[k] == "--" || v.low[k] == "—") {
		return k + 1
	}
	return i
}

// passiveAux are the forms of "be" before a passive participle.
var passiveAux = set("is", "are", "was", "were", "be", "been", "being")

// agencies are the news agencies named in datelines: "LONDON (Reuters) -".
var agencies = set("reuters", "ap", "afp", "upi", "dpa", "xinhua", "efe", "ansa")

// isUpperWord reports whether w has letters, all of them capitals
// ("NAIROBI", "U.S.").
func isUpperWord(w string) bool {
	letters := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			letters = true
		case r == '.' || r == '\'':
		default:
			return false
		}
	}
	return letters
}

// contentAfter returns the content from token a to the end of the sentence
// (hi exclusive), without the final punctuation; a quotation that opens at a
// runs to its closing mark, across sentences and paragraphs.
func (x *extraction) contentAfter(a, hi int) doc.ByteSpan {
	v := x.v
	for a < hi && (v.low[a] == "," || v.low[a] == ":" || v.low[a] == "—" || v.low[a] == "-") {
		a++
	}
	if a >= hi {
		return doc.ByteSpan{}
	}
	if r := x.regionOpenAt(a); r >= 0 {
		_, last := x.chain(r)
		// Take the whole quotation when it ends the sentence or goes on
		// beyond it.
		end := x.regs[last].Close
		rest := x.tokAt(end)
		if rest >= hi || x.onlyPunct(rest, hi) || last != r {
			return doc.ByteSpan{Start: int32(x.regs[r].In), End: int32(x.regs[last].Out)}
		}
	}
	b := hi
	// A coordinated attribution ends this one: "…, noting that …", "…
	// and added that …".
	for k := a + 2; k < hi-1; k++ {
		w := v.low[k]
		if (w == "," || w == "and" || w == "but" || w == ";") && x.tokReg[k] < 0 {
			n := k + 1
			for n < hi && advAux[v.low[n]] {
				n++
			}
			if n < hi && x.tokReg[n] < 0 {
				if c, ok := x.s.cues[v.low[n]]; ok && !c.weak && !c.ambiguous() && (w != "," || c.participle()) {
					b = k
					break
				}
			}
			// "…, Bolton said"
			if w == "," && n < hi {
				if np := x.npForward(n, hi); np.Len() > 0 && np.Len() <= 5 {
					e := int(np.End)
					for e < hi && advAux[v.low[e]] {
						e++
					}
					if c, ok := x.s.cues[v.low[min(e, hi-1)]]; ok && e < hi && !c.weak && !c.ambiguous() {
						b = k
						break
					}
				}
			}
		}
	}
	for b > a && v.isPunct(b-1) && x.regionCloseAt(b-1) < 0 {
		b--
	}
	if b <= a {
		return doc.ByteSpan{}
	}
	end := x.d.Tokens[b-1].End
	if r := x.regionCloseAt(b - 1); r >= 0 && x.regs[r].Close > int(x.d.Tokens[a].Start) {
		// keep the closing mark with the content
		end = int32(x.regs[r].Close)
	} else if r := x.tokReg[b-1]; r >= 0 && b == hi || r >= 0 && x.regs[r].Close > int(x.d.Tokens[hi-1].End) {
		// a quotation that goes on beyond the sentence
		_, last := x.chain(r)
		end = int32(x.regs[last].Close)
	}
	return doc.ByteSpan{Start: x.d.Tokens[a].Start, End: end}
}

func (x *extraction) onlyPunct(a, b int) bool {
	for i := a; i < b; i++ {
		if !x.v.isPunct(i) {
			return false
		}
	}
	return true
}

// endsClause reports whether the tokens from a to hi close the sentence
// without new content: punctuation, a short time or place adverbial ("on
// Monday", "in a statement", "Tuesday"), or a participial continuation
// introduced by a comma.
func (x *extraction) endsClause(a, hi int) bool {
	v := x.v
	n := 0
	// "said in a wide-ranging interview with …": a prepositional phrase
	// without a that-clause.
	if a < hi && closingPreps[v.low[a]] {
		k := a
		for k < hi && v.low[k] != "that" && v.low[k] != "whether" && x.s.cues[v.low[k]].lemma == "" && x.tokReg[k] < 0 {
			k++
		}
		if k == hi || v.low[k] == "," && k > a+1 {
			return true
		}
	}
	for k := a; k < hi; k++ {
		w := v.low[k]
		if w == "," || w == ";" {
			return true
		}
		if x.regionOpenAt(k) >= 0 {
			return true // a split quotation goes on
		}
		if v.isPunct(k) {
			continue
		}
		if w == "that" && n == 0 {
			return false
		}
		n++
		if n > 5 {
			return false
		}
		if !(stops[w] || dets[w] || v.isCap(k) || timeWords[w] || interviewWords[w] || unicode.IsDigit(rune(w[0])) || strings.HasSuffix(w, "ly")) {
			return false
		}
	}
	return true
}

var timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "month", "year", "last", "earlier", "later", "recently", "ago", "day", "weekend")
var interviewWords = set("statement", "interview", "speech", "email", "e-mail", "release", "conference", "call", "briefing", "post", "tweet", "letter", "remarks", "message", "reporters", "journalists", "television", "radio", "telephone", "phone", "news", "rally", "event", "audience", "crowd", "video", "op-ed", "appearance", "hearing", "testimony", "told")

// skipRecipient moves past the recipient of a cue such as "told" ("told
// reporters that …") and past "that" adverbials ("said in a statement
// that"), returning the first content token.
func (x *extraction) skipRecipient(c cue, a, hi int) int {
	v := x.v
	// "that" within a few tokens, with nothing clause-like before it.
	for k := a; k < hi && k < a+8; k++ {
		w := v.low[k]
		if w == "that" {
			if k == a {
				return a
			}
			return k
		}
		if w == "," && k > a || v.isPunct(k) && w != "." && w != "-" || x.tokReg[k] >= 0 || v.isVerbish(k) {
			break
		}
		if x.s.cues[w].lemma != "" && k > a {
			break
		}
	}
	if !c.obj || a >= hi {
		return a
	}
	// "told Chris Wallace of Fox News, “…”" (but "called it “shameful”":
	// what is called is part of the content)
	if recipientVerbs[c.lemma] {
		if np := x.npForward(a, hi); np.Len() > 0 && x.quoteFollows(int(np.End), hi) {
			return int(np.End)
		}
	}
	// A recipient noun phrase: a pronoun, a name, or an audience word.
	w := v.low[a]
	switch {
	case w == "him" || w == "her" || w == "them" || w == "us" || w == "me" || w == "you":
		return a + 1
	case interviewWords[w] || w == "supporters" || w == "voters" || w == "lawmakers" || w == "congress" || w == "the":
		k := a
		for k < hi && k < a+5 && v.nominal(k) && !v.isPunct(k) {
			k++
		}
		if k < hi && v.low[k] == "to" && c.lemma != "tell" {
			return a // "urged voters to …": the recipient is part of the content
		}
		return k
	}
	return a
}

// subjectBefore returns the subject noun phrase ending just before the cue
// at token i (skipping adverbs and auxiliaries); comma reports an
// appositive or relative clause skipped between them ("Smith, a senator,
// said").
func (x *extraction) subjectBefore(i, lo int) (doc.Span, bool) {
	v := x.v
	j := i - 1
	for j >= lo && (advAux[v.low[j]] || strings.HasSuffix(v.low[j], "ly") && !v.isCap(j) && len(v.low[j]) > 3) {
		j--
	}
	if j < lo || x.tokReg[j] >= 0 {
		return doc.Span{}, false
	}
	// "Sen. Marco Rubio (R-Fla.) said"
	if v.low[j] == ")" {
		k := j - 1
		for k > lo && v.low[k] != "(" && j-k < 12 {
			k--
		}
		if k > lo && v.low[k] == "(" {
			if np := x.npBackward(k-1, lo); np.Len() > 0 {
				return np, true
			}
		}
		return doc.Span{}, false
	}
	if v.low[j] == "," {
		// "Smith, the campaign's spokesman, said"
		for k := j - 1; k > lo; k-- {
			if x.tokReg[k] >= 0 {
				break
			}
			if v.low[k] == "," {
				np := x.npBackward(k-1, lo)
				if np.Len() > 0 {
					return np, true
				}
				break
			}
		}
		return doc.Span{}, false
	}
	np := x.npBackward(j, lo)
	if np.Len() == 1 && v.low[np.Start] == "who" {
		// "Smith, who …, said": the antecedent
		k := int(np.Start) - 1
		if k > lo && v.low[k] == "," {
			if ante := x.npBackward(k-1, lo); ante.Len() > 0 {
				return ante, true
			}
		}
	}
	return np, false
}

// npBackward returns the noun phrase that ends at token j.
func (x *extraction) npBackward(j, lo int) doc.Span {
	v := x.v
	if j < lo || !v.nominal(j) || v.isPunct(j) || dets[v.low[j]] && !v.isPronoun(j) || x.tokReg[j] >= 0 {
		return doc.Span{}
	}
	if v.isPronoun(j) {
		return doc.Span{Start: int32(j), End: int32(j + 1)}
	}
	k := j
	for k-1 >= lo && j-k < 9 {
		p := k - 1
		w := v.low[p]
		if x.tokReg[p] >= 0 {
			break
		}
		if dets[w] && !v.isCap(p) || dets[w] && p == lo {
			k = p
			// "the leader of the Islamic Revolution"
			if p-2 >= lo && (v.low[p-1] == "of" || v.low[p-1] == "for") && v.nominal(p-2) && !v.isPunct(p-2) && x.tokReg[p-2] < 0 {
				k = p - 2
				continue
			}
			break
		}
		if (w == "of" || w == "for" || w == "at") && (v.isCap(k) || dets[v.low[k]]) && k-1 > lo {
			k = p
			continue
		}
		if w == "and" && v.isCap(k) && p > lo && v.isCap(p-1) {
			k = p
			continue
		}
		if v.isPronoun(p) || !v.nominal(p) {
			break
		}
		k = p
	}
	for k < j && (v.low[k] == "of" || v.low[k] == "and" || v.low[k] == "for" || v.low[k] == "at" || v.isPunct(k)) {
		k++
	}
	return doc.Span{Start: int32(k), End: int32(j + 1)}
}

// npForward returns the noun phrase that starts at token a.
func (x *extraction) npForward(a, hi int) doc.Span {
	v := x.v
	if a >= hi || x.tokReg[a] >= 0 {
		return doc.Span{}
	}
	if v.isPronoun(a) {
		return doc.Span{Start: int32(a), End: int32(a + 1)}
	}
	k := a
	for k < hi && k-a < 10 {
		w := v.low[k]
		if x.tokReg[k] >= 0 {
			break
		}
		if (w == "of" || w == "for" || w == "at") && k > a && k+1 < hi && (v.isCap(k+1) || dets[v.low[k+1]]) {
			k++
			continue
		}
		if w == "and" && k > a && k+1 < hi && v.isCap(k+1) && v.isCap(k-1) {
			k++
			continue
		}
		if !v.nominal(k) || v.isPronoun(k) && k > a || dets[w] && k > a && !v.isPossessive(k-1) {
			break
		}
		if !v.tags && k > a && !v.isCap(k) && len(w) > 4 && strings.HasSuffix(w, "ed") {
			break // most likely the verb after the subject
		}
		if c, ok := x.s.cues[w]; ok && k > a && !v.isCap(k) && !(c.ambiguous() && dets[v.low[k-1]]) {
			break
		}
		k++
	}
	for k > a && (v.isPunct(k-1) || v.low[k-1] == "of" || v.low[k-1] == "and") {
		k--
	}
	if k == a {
		return doc.Span{}
	}
	// A noun phrase needs a content word.
	for i := a; i < k; i++ {
		if !dets[v.low[i]] && !v.isPunct(i) {
			return doc.Span{Start: int32(a), End: int32(k)}
		}
	}
	return doc.Span{}
}

func overlaps(a, b doc.ByteSpan) bool { return a.Start < b.End && b.Start < a.End }

func inside(a, b doc.ByteSpan) bool {
	return a.End > a.Start && b.Start <= a.Start && a.End <= b.End
}

func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// speechEnd reports whether a short quoted text ends as speech does ("No,"
// "Why?") rather than as a quoted term.
func speechEnd(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ",") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// titleLike reports whether a quoted text reads as a title: mostly
// capitalized words and no sentence punctuation.
func titleLike(s string) bool {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, ",.?!") {
		return false
	}
	caps, all := 0, 0
	for _, w := range strings.Fields(s) {
		all++
		r := []rune(w)[0]
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return all > 0 && caps*10 >= all*6
}

// adjacent reports whether only spaces and punctuation, and no paragraph
// break, lie between byte offsets a and b.
func (x *extraction) adjacent(a, b int) bool {
	if a > b {
		return false
	}
	for _, r := range x.d.Text[a:b] {
		if r == '\n' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// postAttribution finds a speaker and a verb right after a quotation that
// ends with a comma, question or exclamation mark ("…," Trump barked;
// "…?" asked Dunn).
func (x *extraction) postAttribution(q doc.Quote, r region, last int) (cand, bool) {
	v := x.v
	if !speechEnd(x.d.Text[r.In:x.regs[last].Out]) && !speechEnd(x.d.Text[x.regs[last].Out:x.regs[last].Close]) {
		return cand{}, false
	}
	// Speech opens its clause; a quoted title inside one does not.
	if o := x.tokAt(r.Open); o < len(x.d.Tokens) {
		if si := x.d.SentenceOf(o); si >= 0 && !x.startsClause(x.tokReg[o], int(x.d.Sents[si].Start)) && !x.standsAlone(r) {
			return cand{}, false
		}
	}
	a := x.tokAt(x.regs[last].Close)
	si := x.d.SentenceOf(min(a, len(x.d.Tokens)-1))
	if a >= len(x.d.Tokens) || si < 0 {
		return cand{}, false
	}
	hi := int(x.d.Sents[si].End)
	verbLike := func(i int) bool {
		w := v.low[i]
		return i < hi && !v.isCap(i) && !v.isPunct(i) && !stops[w] && !dets[w] && !pronouns[w] && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") || v.tags && strings.HasPrefix(x.d.Tokens[i].Tag, "VB"))
	}
	var sp doc.Span
	cueTok := -1
	if np := x.npForward(a, hi); np.Len() > 0 && np.Len() <= 6 && int(np.End) < hi && verbLike(int(np.End)) {
		sp, cueTok = np, int(np.End)
	} else if verbLike(a) {
		if np := x.npForward(a+1, hi); np.Len() > 0 {
			sp, cueTok = np, a
		}
	}
	if cueTok < 0 {
		return cand{}, false
	}
	c := cand{q: q, speaker: sp, pos: cueTok}
	c.q.Cue = x.bytes(doc.Span{Start: int32(cueTok), End: int32(cueTok + 1)})
	c.q.End = max(c.q.End, x.d.Tokens[max(cueTok, int(sp.End)-1)].End)
	return c, true
}

// sameParagraphNext reports whether the quotation opening at b starts a
// sentence of the paragraph in which an attribution ends at a, close after
// it ("…," said Smith, a senator. "…").
func (x *extraction) sameParagraphNext(a, b int) bool {
	if a > b || b-a > 250 || strings.ContainsRune(x.d.Text[a:b], '\n') {
		return false
	}
	t := strings.TrimRightFunc(x.d.Text[a:b], unicode.IsSpace)
	if !(strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, ":")) {
		return false
	}
	// Another reporting verb between them introduces a quotation of its
	// own ("…," he said, and then predicted: "…").
	words := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		c, ok := x.s.cues[w]
		if ok && !c.ambiguous() && (c.participle() || i > 0 && (words[i-1] == "and" || words[i-1] == "then")) {
			return false
		}
	}
	return true
}

// startsClause reports whether the quotation r opens its sentence or
// follows a colon, comma or dash, as quoted speech does (a quoted title
// inside a clause does not).
func (x *extraction) startsClause(r, lo int) bool {
	first, _ := x.chain(r)
	if first != r {
		return true
	}
	i := x.tokAt(x.regs[r].Open)
	if i <= lo {
		return true
	}
	switch x.v.low[i-1] {
	case ",", ":", "—", "–", "-", ";", "(":
		return true
	}
	return x.regs[r].Open < int(x.d.Tokens[lo].Start)
}

// clauseRest returns the end of the content that goes on after an
// attribution set off by commas ("C1, according to X, C2."), or 0 when the
// sentence ends or another attribution follows.
func (x *extraction) clauseRest(a, hi int) int32 {
	v := x.v
	k := a
	for k < hi && v.low[k] != "," {
		if v.low[k] == ";" || x.tokReg[k] >= 0 {
			return 0
		}
		k++
	}
	k++
	if k >= hi || x.tokReg[k] >= 0 {
		return 0
	}
	if _, ok := x.s.cues[v.low[k]]; ok {
		return 0
	}
	words := 0
	for j := k; j < hi; j++ {
		if !v.isPunct(j) {
			words++
		}
	}
	if words < 3 {
		return 0
	}
	c := x.contentAfter(k, hi)
	return c.End
}

var months = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.")

// badSubject rejects noun phrases that cannot speak: times and dates
// ("Friday", "last week") and all-capital datelines ("MYRTLE BEACH").
func (x *extraction) badSubject(s doc.Span) bool {
	v := x.v
	h := v.low[s.End-1]
	if timeWords[h] || months[h] || unicode.IsDigit(rune(h[0])) {
		return true
	}
	t := x.d.SpanText(s)
	return len(t) > 3 && strings.ToUpper(t) == t && strings.ToLower(t) != t
}

// quoteFollows reports whether a quotation opens at token a, after at most
// a comma or colon ("said, “…”").
func (x *extraction) quoteFollows(a, hi int) bool {
	for a < hi && (x.v.low[a] == "," || x.v.low[a] == ":") {
		a++
	}
	return a < len(x.tokReg) && x.regionOpenAt(a) >= 0
}

// standsAlone reports whether quotation r opens a sentence or paragraph
// (after a colon or dash at most), rather than sitting inside one.
func (x *extraction) standsAlone(r region) bool {
	t := strings.TrimRightFunc(x.d.Text[:r.Open], unicode.IsSpace)
	if t == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	switch last {
	case '\n', '.', '?', '!', ':', '”', '"', '—', '\'':
		return true
	}
	return strings.HasSuffix(x.d.Text[:r.Open], "\n")
}

// core lists the verbs of plain reporting, which win over other cues when
// two attributions overlap.
var core = set("say", "tell", "add", "write", "ask", "report", "explain", "continue", "reply", "respond", "tweet", "note", "argue", "insist")

// inRegion reports whether span s lies inside one quotation.
func (x *extraction) inRegion(s doc.ByteSpan) bool {
	for _, r := range x.regs {
		if r.In <= int(s.Start) && int(s.End) <= r.Out {
			return true
		}
	}
	return false
}

// earlierSpeaker returns the speaker of the nearest cue before token i in
// the sentence starting at lo ("“…,” he said, adding: “…”").
func (x *extraction) earlierSpeaker(lo, i int) doc.Span {
	v := x.v
	for j := i - 1; j >= lo; j-- {
		if x.tokReg[j] >= 0 {
			continue
		}
		c, ok := x.s.cues[v.low[j]]
		if !ok || c.participle() || c.ambiguous() {
			continue
		}
		if subj, _ := x.subjectBefore(j, lo); subj.Len() > 0 {
			return subj
		}
		if np := x.npForward(j+1, i); np.Len() > 0 {
			return np
		}
	}
	return doc.Span{}
}

var closingPreps = set("in", "on", "at", "during", "after", "before", "while", "from", "outside", "with", "for", "to", "via", "through", "inside", "at", "of", "about")

// sentenceSubject returns the noun phrase that opens the clause before
// token i: at the sentence start, or after an introductory phrase set off
// by a comma ("However, he …").
func (x *extraction) sentenceSubject(lo, i int) doc.Span {
	if np := x.npForward(lo, i); np.Len() > 0 && int(np.End) <= i {
		return np
	}
	for k := lo; k < i && k < lo+8; k++ {
		if x.v.low[k] == "," {
			if np := x.npForward(k+1, i); np.Len() > 0 && int(np.End) <= i {
				return np
			}
			break
		}
	}
	return doc.Span{}
}

// recipientVerbs take a hearer before their content ("told reporters").
var recipientVerbs = set("tell", "ask", "remind", "assure", "inform", "promise", "caution", "warn")

// objectStart are words that open an object, so that a noun-ambiguous form
// between a name and one of them is a verb ("Sanders calls it …").
var objectStart = set("it", "him", "her", "them", "the", "a", "an", "that", "for", "on", "this", "his", "their", "its", "our")

// shortSpeech reports whether a quotation of a word or two is a sentence
// said ("“We won.”" standing alone, or after a colon) rather than a quoted
// term: it opens with a capital, ends with a full stop, question or
// exclamation mark, and opens its clause.
func (x *extraction) shortSpeech(r region) bool {
	c := strings.TrimSpace(x.d.Text[r.In:r.Out])
	if c == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(c)
	last, _ := utf8.DecodeLastRuneInString(c)
	if !unicode.IsUpper(first) || last != '.' && last != '!' && last != '?' {
		return false
	}
	if x.standsAlone(r) {
		return true
	}
	t := strings.TrimRightFunc(x.d.Text[:r.Open], unicode.IsSpace)
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, ",")
}
