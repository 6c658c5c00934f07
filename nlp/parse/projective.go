package parse

// projectivize lifts non-projective arcs of heads (n for the root) until the
// tree is projective: the shortest crossing arc is reattached to its head's
// head, as in Nivre and Nilsson (2005) without label encoding.
func projectivize(heads []int32) {
	n := int32(len(heads))
	for {
		best, bestLen := int32(-1), int32(0)
		for d := range n {
			h := heads[d]
			if h == n || projectiveArc(heads, h, d) {
				continue
			}
			l := h - d
			if l < 0 {
				l = -l
			}
			if best < 0 || l < bestLen {
				best, bestLen = d, l
			}
		}
		if best < 0 {
			return
		}
		heads[best] = heads[heads[best]]
	}
}

// projectiveArc reports whether every word between h and d is dominated by h.
func projectiveArc(heads []int32, h, d int32) bool {
	lo, hi := min(h, d), max(h, d)
	n := int32(len(heads))
	for k := lo + 1; k < hi; k++ {
		j := k
		for j != h && j != n {
			j = heads[j]
		}
		if j != h {
			return false
		}
	}
	return true
}
