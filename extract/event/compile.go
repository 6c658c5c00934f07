package event

import (
	"sort"

	"github.com/herald-events/herald/dict"
)

// compiled holds the verb patterns with their words interned as integers,
// so that matching compares integers and a pattern whose literal words are
// not all in the sentence is rejected at once.
type compiled struct {
	vocab  map[string]int32
	blocks map[*dict.Block]*cblock
	syns   map[string]*csyn
}

type cblock struct {
	pats []cpat
}

type cpat struct {
	p            *dict.Pattern
	need         []int32 // literal words the sentence must contain
	upper, lower []celem
}

type celem struct {
	kind   dict.ElemKind
	id     int32 // Word
	syn    *csyn // Syn
	joined bool
}

type csyn struct {
	members [][]int32
	first   []int32 // first word of each member, for a quick reject
}

func (cp *compiled) intern(w string) int32 {
	if id, ok := cp.vocab[w]; ok {
		return id
	}
	id := int32(len(cp.vocab))
	cp.vocab[w] = id
	return id
}

func compile(v *dict.Verbs) *compiled {
	cp := &compiled{vocab: map[string]int32{}, blocks: map[*dict.Block]*cblock{}, syns: map[string]*csyn{}}
	if v == nil {
		return cp
	}
	for name, s := range v.Synsets {
		cs := &csyn{}
		seen := map[int32]bool{}
		for _, m := range s.Members {
			ids := make([]int32, len(m))
			for i, w := range m {
				ids[i] = cp.intern(w)
			}
			cs.members = append(cs.members, ids)
			if !seen[ids[0]] {
				seen[ids[0]] = true
				cs.first = append(cs.first, ids[0])
			}
		}
		cp.syns[name] = cs
	}
	elems := func(es []dict.Elem, need *[]int32) []celem {
		out := make([]celem, len(es))
		for i, e := range es {
			out[i] = celem{kind: e.Kind, joined: e.Joined, id: -1}
			switch e.Kind {
			case dict.Word:
				out[i].id = cp.intern(e.Word)
				*need = append(*need, out[i].id)
			case dict.Syn:
				out[i].syn = cp.syns[e.Word]
			}
		}
		return out
	}
	for _, b := range v.Blocks {
		cb := &cblock{}
		for _, p := range b.Patterns {
			c := cpat{p: p}
			c.upper = elems(p.Upper, &c.need)
			c.lower = elems(p.Lower, &c.need)
			cb.pats = append(cb.pats, c)
		}
		sort.SliceStable(cb.pats, func(i, j int) bool {
			return len(cb.pats[i].upper)+len(cb.pats[i].lower) > len(cb.pats[j].upper)+len(cb.pats[j].lower)
		})
		cp.blocks[b] = cb
	}
	return cp
}
