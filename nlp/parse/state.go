package parse

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta
// 2011) with the root token at the end of the buffer (Ballesteros and Nivre
// 2013) and a single-root constraint:
//
//	SHIFT  move the buffer front b0 onto the stack
//	LEFT   make b0 the head of the stack top s0, pop s0
//	RIGHT  make s1 the head of s0, pop s0
//
// Every arc is built when its dependent is complete, so the labeller sees
// the dependent's whole subtree.

const (
	shift = iota
	left
	right
	nMoves
)

// state is a parser configuration over a sentence of n words; index n is the
// artificial root. All slices are sized once per sentence.
type state struct {
	n      int32
	stack  []int32
	b0     int32
	heads  []int32 // -1 while unassigned; n for the root
	labels []int16 // label index + 1; 0 while unassigned
	lc1    []int32 // leftmost child, or -1
	lc2    []int32 // second leftmost child, or -1
	rc1    []int32 // rightmost child, or -1
	rc2    []int32 // second rightmost child, or -1
	nl, nr []int16 // number of left and right children
	lset   []uint64
	rset   []uint64
}

func (s *state) reset(n int) {
	m := n + 1
	if cap(s.heads) < m {
		s.stack = make([]int32, 0, m)
		s.heads = make([]int32, m)
		s.labels = make([]int16, m)
		s.lc1 = make([]int32, m)
		s.lc2 = make([]int32, m)
		s.rc1 = make([]int32, m)
		s.rc2 = make([]int32, m)
		s.nl = make([]int16, m)
		s.nr = make([]int16, m)
		s.lset = make([]uint64, m)
		s.rset = make([]uint64, m)
	}
	s.n = int32(n)
	s.stack = s.stack[:0]
	s.b0 = 0
	s.heads = s.heads[:m]
	s.labels = s.labels[:m]
	s.lc1, s.lc2, s.rc1, s.rc2 = s.lc1[:m], s.lc2[:m], s.rc1[:m], s.rc2[:m]
	s.nl, s.nr, s.lset, s.rset = s.nl[:m], s.nr[:m], s.lset[:m], s.rset[:m]
	for i := range m {
		s.heads[i] = -1
		s.labels[i] = 0
		s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i], s.rset[i] = 0, 0
	}
}

func (s *state) terminal() bool { return len(s.stack) == 0 && s.b0 == s.n }

// stackAt returns the i-th item from the top of the stack, or -1.
func (s *state) stackAt(i int) int32 {
	if i < len(s.stack) {
		return s.stack[len(s.stack)-1-i]
	}
	return -1
}

// valid fills ok with the moves allowed in s.
func (s *state) valid(ok *[nMoves]bool) {
	depth := len(s.stack)
	ok[shift] = s.b0 < s.n
	ok[left] = depth > 0 && (s.b0 < s.n || depth == 1)
	ok[right] = depth > 1
}

// arc returns the head and dependent a LEFT or RIGHT move would link.
func (s *state) arc(move int) (head, dep int32) {
	if move == left {
		return s.b0, s.stackAt(0)
	}
	return s.stackAt(1), s.stackAt(0)
}

// apply performs move; label is the 1-based label of the new arc.
func (s *state) apply(move int, label int16) {
	switch move {
	case shift:
		s.stack = append(s.stack, s.b0)
		s.b0++
	case left, right:
		h, d := s.arc(move)
		s.stack = s.stack[:len(s.stack)-1]
		s.heads[d] = h
		s.labels[d] = label
		bit := uint64(1) << (uint(label) & 63)
		if d < h {
			s.lc2[h] = s.lc1[h]
			s.lc1[h] = d
			s.nl[h]++
			s.lset[h] |= bit
		} else {
			s.rc2[h] = s.rc1[h]
			s.rc1[h] = d
			s.nr[h]++
			s.rset[h] |= bit
		}
	}
}

// costs fills cost with the number of gold arcs each move makes unreachable
// (the dynamic oracle of Goldberg and Nivre 2013 for arc-hybrid); gold holds
// the gold head of each word, n for the root. The gold tree must be
// projective for the costs to be exact.
func (s *state) costs(gold []int32, cost *[nMoves]int) {
	n := s.n
	s0, s1 := s.stackAt(0), s.stackAt(1)
	b0 := s.b0
	for m := range cost {
		cost[m] = 0
	}
	// SHIFT: b0 loses its head in the stack below s0 and its dependents in
	// the stack.
	if b0 < n {
		for i, k := range s.stack {
			if gold[k] == b0 {
				cost[shift]++
			}
			if gold[b0] == k && i != len(s.stack)-1 {
				cost[shift]++
			}
		}
	}
	if s0 >= 0 {
		// dependents of s0 still in the buffer are lost by both arcs
		deps := 0
		for k := b0; k < n; k++ {
			if gold[k] == s0 {
				deps++
			}
		}
		g := gold[s0]
		cost[left] = deps
		if g != b0 && (g == s1 || g > b0) {
			cost[left]++
		}
		cost[right] = deps
		if g != s1 && g >= b0 {
			cost[right]++
		}
	}
}
