package event

import "unicode"

// dropCommaClauses marks as gone the comma-delimited clauses that the
// comma options remove, as PETRARCH's check_commas does: first an initial
// clause (sentence start to the first comma; CommaBMin..CommaBMax words),
// then a terminal one (last comma to the end; CommaEMin..CommaEMax), then,
// repeatedly, clauses between two commas of the same phrase
// (CommaMin..CommaMax). A max of 0 turns a rule off. Only words starting
// with a letter count. Commas inside noun phrases (lists of names,
// appositions) are not clause boundaries. A clause is removed only when it
// is made of whole phrases, siblings between the commas.
func (s *sentence) dropCommaClauses() {
	o := &s.c.opt
	if o.CommaBMax == 0 && o.CommaEMax == 0 && o.CommaMax == 0 {
		return
	}
	var commas []int // comma leaf nodes, in order, outside NPs
	for _, n := range s.t.Leaves {
		nd := &s.t.Nodes[n]
		if nd.Label == "," && nd.Parent >= 0 && !isNP(s.t.Nodes[nd.Parent].Label) {
			commas = append(commas, int(n))
		}
	}
	if len(commas) == 0 {
		return
	}
	if o.CommaBMax != 0 {
		c := commas[0]
		p := s.t.Nodes[c].Parent
		if s.lo[p] == 0 {
			sib := s.siblingsBetween(p, -1, c)
			if k := s.countWords(sib); k >= o.CommaBMin && k <= o.CommaBMax && len(sib) > 0 {
				s.markGone(sib)
			}
		}
	}
	if o.CommaEMax != 0 {
		c := commas[len(commas)-1]
		p := s.t.Nodes[c].Parent
		sib := s.siblingsBetween(p, c, -1)
		// The sentence's closing punctuation is not part of the clause.
		for len(sib) > 0 && isPunct(s.t.Nodes[sib[len(sib)-1]].Label) {
			sib = sib[:len(sib)-1]
		}
		last := len(s.words)
		for last > 0 && isPunct(s.t.Tag(last-1)) {
			last--
		}
		if len(sib) > 0 && s.hi[sib[len(sib)-1]] == last {
			if k := s.countWords(sib); k >= o.CommaEMin && k <= o.CommaEMax {
				s.markGone(sib)
			}
		}
	}
	if o.CommaMax != 0 {
		for i := 0; i+1 < len(commas); i++ {
			a, b := commas[i], commas[i+1]
			if s.gone[a] || s.gone[b] || s.t.Nodes[a].Parent != s.t.Nodes[b].Parent {
				continue
			}
			sib := s.siblingsBetween(s.t.Nodes[a].Parent, a, b)
			if k := s.countWords(sib); len(sib) > 0 && k >= o.CommaMin && k <= o.CommaMax {
				s.markGone(sib)
				s.markGone([]int{b})
			}
		}
	}
}

func isPunct(l string) bool {
	switch l {
	case ".", ",", ":", "``", "''", "-LRB-", "-RRB-":
		return true
	}
	return false
}

// siblingsBetween returns the children of p strictly between child a and
// child b (-1: from the first / to the last child), not yet gone.
func (s *sentence) siblingsBetween(p, a, b int) []int {
	var out []int
	in := a < 0
	for _, c := range s.t.Nodes[p].Children {
		ci := int(c)
		if ci == b {
			break
		}
		if in && !s.gone[ci] {
			out = append(out, ci)
		}
		if ci == a {
			in = true
		}
	}
	return out
}

func (s *sentence) countWords(nodes []int) int {
	n := 0
	for _, c := range nodes {
		for i := s.lo[c]; i < s.hi[c]; i++ {
			if w := s.words[i]; w != "" && unicode.IsLetter([]rune(w)[0]) && !s.gone[s.t.Leaves[i]] {
				n++
			}
		}
	}
	return n
}

func (s *sentence) markGone(nodes []int) {
	for _, c := range nodes {
		s.gone[c] = true
		for _, k := range s.t.Nodes[c].Children {
			s.markGone([]int{int(k)})
		}
	}
}
