package quote

import (
	"strings"

	"github.com/herald-events/herald/doc"
)

// documents are head nouns of sources that are texts or outlets rather than
// people.
var documents = set("report", "statement", "study", "poll", "survey", "letter", "article", "memo", "document", "documents", "analysis", "paper", "review", "investigation", "filing", "complaint", "lawsuit", "email", "emails", "records", "data", "figures", "release", "reports", "polls", "surveys", "studies", "story", "editorial", "book", "website", "ad", "video", "transcript", "ruling", "indictment", "audit", "assessment")

// isDocument reports whether the speaker mention s is a document ("the
// report").
func (x *extraction) isDocument(s doc.Span) bool {
	return s.Len() > 0 && documents[x.v.low[s.End-1]]
}

// resolve fills the speaker of mention s: the name of its coreference chain
// when the Doc has chains, else of an overlapping named entity, else the
// mention itself when it is a proper name; a personal pronoun left
// unresolved falls back to the last person quoted.
func (x *extraction) resolve(s doc.Span, lastPerson doc.Speaker) doc.Speaker {
	d := x.d
	out := doc.Speaker{ByteSpan: x.bytes(s)}
	head := s.End - 1
	if d.Has(doc.LayerCoref) {
		best, bestScore := -1, 0
		for ci, ch := range d.Chains {
			for _, m := range ch.Mentions {
				if m.Start < s.End && s.Start < m.End {
					score := 1
					if m.Start <= head && head < m.End {
						score = 2
					} else if ch.Label == "NORP" {
						continue // "the Ukrainian air force" is not "Ukrainian"
					}
					if score > bestScore {
						best, bestScore = ci, score
					}
				}
			}
		}
		if best >= 0 && d.Chains[best].Name != "" {
			out.Name, out.Code = d.Chains[best].Name, d.Chains[best].Code
			return out
		}
	}
	if d.Has(doc.LayerEntities) {
		for _, e := range d.Ents {
			if e.Start < s.End && s.Start < e.End && (e.Label == "PER" || e.Label == "ORG" || e.Label == "GPE" || e.Label == "NORP") {
				if e.Label == "NORP" && e.End <= head {
					// "the Ukrainian air force": a nationality modifying
					// the head names the group with its noun.
					out.Name = x.withoutDeterminer(s)
					return out
				}
				out.Name, out.Code = d.SpanText(e.Span), e.Code
				return out
			}
		}
	}
	if name := x.properRun(s); name != "" {
		out.Name = name
		return out
	}
	switch x.v.low[head] {
	case "he", "she":
		if lastPerson.Name != "" {
			out.Name, out.Code = lastPerson.Name, lastPerson.Code
		}
	}
	return out
}

// properRun returns the last run of capitalized words of s that is not a
// sentence-initial function word, or "".
func (x *extraction) properRun(s doc.Span) string {
	v := x.v
	end := -1
	for i := int(s.End) - 1; i >= int(s.Start); i-- {
		if v.isCap(i) && !dets[v.low[i]] && !pronouns[v.low[i]] && !v.isPossessive(i) {
			end = i
			break
		}
	}
	if end < 0 {
		return ""
	}
	start := end
	for start-1 >= int(s.Start) && (v.isCap(start-1) && !dets[v.low[start-1]] || v.low[start-1] == "." || v.low[start-1] == "-") {
		start--
	}
	name := strings.TrimSpace(x.d.SpanText(doc.Span{Start: int32(start), End: int32(end + 1)}))
	return name
}

// withoutDeterminer returns the text of s without a leading article.
func (x *extraction) withoutDeterminer(s doc.Span) string {
	if s.Len() > 1 {
		switch x.v.low[s.Start] {
		case "the", "a", "an":
			s.Start++
		}
	}
	return x.d.SpanText(s)
}
