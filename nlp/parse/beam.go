package parse

// Beam search. The greedy parser commits to the best move of each
// configuration; with a beam of width k the parser keeps the k best
// partial parses by the sum of their move scores, expands each by its valid
// moves and keeps the k best of the expansions, until every parse is
// complete (all take 2n moves). The labeller is unchanged: each kept
// expansion that makes an arc labels it greedily. A beam model is trained
// globally (TrainConfig.Beam) with the structured perceptron and early
// update (Collins and Roark 2004; Zhang and Clark 2008).

// WithBeam returns a parser that shares p's model but decodes with a beam
// of width k (k <= 1: greedy, as p does by default). Beam search pays off
// on models trained with the same beam (TrainConfig.Beam).
func (p *Parser) WithBeam(k int) *Parser {
	return &Parser{v: p.v, labels: p.labels, root: p.root, move: p.move, label: p.label,
		moveT: p.moveT, labelT: p.labelT, beam: max(k, 0), super: p.super, punct: p.punct, punctUPOS: p.punctUPOS}
}

// Beam returns the beam width of p (0 or 1 for greedy parsing).
func (p *Parser) Beam() int { return p.beam }

// beamItem is a partial parse on the beam.
type beamItem struct {
	s     state
	score float32
	hist  int32 // last move in the history arena, -1 for none
	cost  int   // gold arcs made unreachable so far (training only)
}

// histNode is one move of a partial parse; parents link back to the start.
type histNode struct {
	parent int32
	move   int8
	label  int16
}

// cand is an expansion of beam item from by move.
type cand struct {
	from  int
	move  int
	score float32
	cost  int
}

// beamScratch is the working memory of beam search, kept in scratch.
type beamScratch struct {
	gold state // the gold path of max-violation training

	cur, next  []beamItem
	cands      []cand
	hist       []histNode
	seqA, seqB []histNode // paths of a training update
}

func (b *beamScratch) size(k int) {
	if cap(b.cur) < k {
		b.cur = make([]beamItem, k)
		b.next = make([]beamItem, k)
	}
	b.cur, b.next = b.cur[:k], b.next[:k]
	b.hist = b.hist[:0]
}

// copyFrom makes s a copy of o, reusing s's memory.
func (s *state) copyFrom(o *state) {
	m := int(o.n) + 1
	if cap(s.heads) < m {
		s.reset(int(o.n))
	}
	s.n, s.b0 = o.n, o.b0
	s.stack = append(s.stack[:0], o.stack...)
	s.heads = append(s.heads[:0], o.heads[:m]...)
	s.labels = append(s.labels[:0], o.labels[:m]...)
	s.lc1 = append(s.lc1[:0], o.lc1[:m]...)
	s.lc2 = append(s.lc2[:0], o.lc2[:m]...)
	s.rc1 = append(s.rc1[:0], o.rc1[:m]...)
	s.rc2 = append(s.rc2[:0], o.rc2[:m]...)
	s.nl = append(s.nl[:0], o.nl[:m]...)
	s.nr = append(s.nr[:0], o.nr[:m]...)
	s.lset = append(s.lset[:0], o.lset[:m]...)
	s.rset = append(s.rset[:0], o.rset[:m]...)
}

// sortCands orders candidates by score, best first; ties keep the order of
// expansion so that decoding is deterministic.
func sortCands(c []cand) {
	for i := 1; i < len(c); i++ {
		x := c[i]
		j := i
		for j > 0 && c[j-1].score < x.score {
			c[j] = c[j-1]
			j--
		}
		c[j] = x
	}
}

// expand scores every valid move of the live items of b.cur into b.cands.
// With gold set it also records the cost of each expansion.
func (p *Parser) expand(sc *scratch, b *beamScratch, live int, gold []int32) {
	b.cands = b.cands[:0]
	var ok [nMoves]bool
	var cost [nMoves]int
	for i := range live {
		it := &b.cur[i]
		sc.keys = sc.x.moveFeatures(&it.s, sc.ctx, sc.keys)
		scores := sc.scores[:nMoves]
		sc.sink += p.move.score(sc.keys, scores)
		it.s.valid(&ok)
		if gold != nil {
			it.s.costs(gold, &cost)
		}
		for m := range nMoves {
			if ok[m] {
				b.cands = append(b.cands, cand{from: i, move: m, score: it.score + scores[m], cost: it.cost + cost[m]})
			}
		}
	}
	sortCands(b.cands)
}

// labelTrainer trains the labeller during beam training.
type labelTrainer struct {
	gold    []int32
	glabels []int16
	lb      *trainer
	c       float64
}

// take makes the first k candidates the next beam, labelling their arcs
// (and training the labeller when lt is not nil), and swaps the beams. It
// returns the number of live items.
func (p *Parser) take(sc *scratch, b *beamScratch, k int, lt *labelTrainer) int {
	live := min(k, len(b.cands))
	for j := range live {
		c := b.cands[j]
		from, it := &b.cur[c.from], &b.next[j]
		it.s.copyFrom(&from.s)
		var label int16
		if c.move != shift {
			if lt != nil {
				label = p.trainLabel(sc, &it.s, c.move, lt)
			} else {
				label = p.predictLabel(sc, &it.s, c.move)
			}
		}
		it.s.apply(c.move, label)
		it.score, it.cost = c.score, c.cost
		b.hist = append(b.hist, histNode{parent: from.hist, move: int8(c.move), label: label})
		it.hist = int32(len(b.hist) - 1)
	}
	b.cur, b.next = b.next, b.cur
	return live
}

// runBeam parses the encoded sentence in sc with a beam of width k and
// returns the final state of the best parse.
func (p *Parser) runBeam(sc *scratch, k int) *state {
	b := &sc.beam
	b.size(k)
	b.cur[0].s.reset(len(sc.x.word) - 1)
	b.cur[0].score, b.cur[0].hist, b.cur[0].cost = 0, -1, 0
	live := 1
	for !b.cur[0].s.terminal() {
		p.expand(sc, b, live, nil)
		live = p.take(sc, b, k, nil)
	}
	return &b.cur[0].s
}

// trainBeam learns from one sentence (x with projective gold heads and
// labels) with a beam of width k: the structured perceptron with early
// update. When the best gold-consistent expansion (one that makes no gold
// arc unreachable) falls off the beam, the move weights are moved toward
// the moves of that expansion and away from those of the best one, and the
// sentence is left; when the search ends with a wrong parse on top and a
// right one on the beam, the same update is made with the two final
// parses. Each arc of a gold head made on the beam trains the labeller, as
// greedy training does. It reports whether the move weights were updated.
func (p *Parser) trainBeam(sc *scratch, gold []int32, glabels []int16, k int, mv, lb *trainer, c float64) bool {
	b := &sc.beam
	b.size(k)
	b.cur[0].s.reset(len(sc.x.word) - 1)
	b.cur[0].score, b.cur[0].hist, b.cur[0].cost = 0, -1, 0
	live := 1
	lt := &labelTrainer{gold: gold, glabels: glabels, lb: lb, c: c}
	for !b.cur[0].s.terminal() {
		p.expand(sc, b, live, gold)
		g := -1
		for j, cd := range b.cands {
			if cd.cost == 0 {
				g = j
				break
			}
		}
		if g < 0 {
			return false // the gold tree is not reachable (not projective)
		}
		if g >= k {
			pos, neg := b.cands[g], b.cands[0]
			p.beamUpdate(sc, b.cur[pos.from].hist, pos.move, b.cur[neg.from].hist, neg.move, mv, c)
			return true
		}
		live = p.take(sc, b, k, lt)
	}
	if b.cur[0].cost == 0 {
		return false
	}
	for j := 1; j < live; j++ {
		if b.cur[j].cost == 0 {
			p.beamUpdate(sc, b.cur[j].hist, -1, b.cur[0].hist, -1, mv, c)
			return true
		}
	}
	return false
}

// path writes the moves of the history ending at h, then move (when not
// -1), into seq in order.
func (b *beamScratch) path(seq []histNode, h int32, move int) []histNode {
	seq = seq[:0]
	if move >= 0 {
		seq = append(seq, histNode{parent: h, move: int8(move)})
	}
	for ; h >= 0; h = b.hist[h].parent {
		seq = append(seq, b.hist[h])
	}
	for i, j := 0, len(seq)-1; i < j; i, j = i+1, j-1 {
		seq[i], seq[j] = seq[j], seq[i]
	}
	return seq
}

// beamUpdate adds the move features of the path (posHist, posMove) and
// subtracts those of (negHist, negMove) from the step where they part.
func (p *Parser) beamUpdate(sc *scratch, posHist int32, posMove int, negHist int32, negMove int, mv *trainer, c float64) {
	b := &sc.beam
	b.seqA = b.path(b.seqA, posHist, posMove)
	b.seqB = b.path(b.seqB, negHist, negMove)
	common := 0
	for common < len(b.seqA) && common < len(b.seqB) &&
		b.seqA[common].move == b.seqB[common].move && b.seqA[common].label == b.seqB[common].label {
		common++
	}
	for _, u := range []struct {
		seq   []histNode
		delta float32
	}{{b.seqA, 1}, {b.seqB, -1}} {
		s := &sc.s
		s.reset(len(sc.x.word) - 1)
		for t, h := range u.seq {
			if t >= common {
				sc.keys = sc.x.moveFeatures(s, sc.ctx, sc.keys)
				mv.update(sc.keys, int(h.move), u.delta, c)
			}
			s.apply(int(h.move), h.label)
		}
	}
}

// trainLabel labels the arc move makes in s and, when it is a gold arc with
// a wrong label, updates the labeller and returns the gold label.
func (p *Parser) trainLabel(sc *scratch, s *state, move int, lt *labelTrainer) int16 {
	h, d := s.arc(move)
	if h == s.n {
		return p.root
	}
	sc.keys = sc.x.labelFeatures(s, h, d, sc.ctx, sc.keys)
	scores := sc.scores[:len(p.labels)]
	p.label.score(sc.keys, scores)
	best := -1
	for l, v := range scores {
		if int16(l+1) != p.root && (best < 0 || v > scores[best]) {
			best = l
		}
	}
	if lt.gold[d] == h {
		if gl := lt.glabels[d]; gl != int16(best+1) && gl != p.root {
			lt.lb.update(sc.keys, int(gl-1), 1, lt.c)
			lt.lb.update(sc.keys, best, -1, lt.c)
			return gl
		}
	}
	return int16(best + 1)
}

// trainBeamMaxViolation learns from one sentence like trainBeam, but with
// the max-violation update (Huang, Fayong and Guo 2012): the search runs to
// the end while the best gold-consistent path is followed alongside (inside
// the beam while it stays there), and the update is made at the step where
// the best beam item leads that path by the largest score.
func (p *Parser) trainBeamMaxViolation(sc *scratch, gold []int32, glabels []int16, k int, mv, lb *trainer, c float64) bool {
	b := &sc.beam
	b.size(k)
	n := len(sc.x.word) - 1
	b.cur[0].s.reset(n)
	b.cur[0].score, b.cur[0].hist, b.cur[0].cost = 0, -1, 0
	b.gold.reset(n)
	goldScore, goldHist, goldIn := float32(0), int32(-1), true
	live := 1
	lt := &labelTrainer{gold: gold, glabels: glabels, lb: lb, c: c}
	maxV, posH, negH := float32(0), int32(-1), int32(-1)
	var ok [nMoves]bool
	var cost [nMoves]int
	for !b.cur[0].s.terminal() {
		p.expand(sc, b, live, gold)
		g := -1
		if goldIn {
			for j, cd := range b.cands {
				if cd.cost == 0 {
					g = j
					break
				}
			}
		}
		var gmove int
		if g >= 0 {
			cd := b.cands[g]
			b.gold.copyFrom(&b.cur[cd.from].s)
			goldScore, goldHist, gmove = cd.score, b.cur[cd.from].hist, cd.move
			goldIn = g < k
		} else {
			// the gold path has left the beam: follow it on its own
			sc.keys = sc.x.moveFeatures(&b.gold, sc.ctx, sc.keys)
			scores := sc.scores[:nMoves]
			p.move.score(sc.keys, scores)
			b.gold.valid(&ok)
			b.gold.costs(gold, &cost)
			gmove = -1
			for m := range nMoves {
				if ok[m] && cost[m] == 0 && (gmove < 0 || scores[m] > scores[gmove]) {
					gmove = m
				}
			}
			if gmove < 0 {
				return false // the gold tree is not reachable (not projective)
			}
			goldScore += scores[gmove]
			goldIn = false
		}
		var label int16
		if gmove != shift {
			h, d := b.gold.arc(gmove)
			label = glabels[d]
			if h == b.gold.n {
				label = p.root
			}
		}
		b.gold.apply(gmove, label)
		b.hist = append(b.hist, histNode{parent: goldHist, move: int8(gmove), label: label})
		goldHist = int32(len(b.hist) - 1)
		top := b.cands[0].score
		live = p.take(sc, b, k, lt)
		if v := top - goldScore; !goldIn && v >= maxV {
			maxV, posH, negH = v, goldHist, b.cur[0].hist
		}
	}
	if posH < 0 {
		if b.cur[0].cost == 0 {
			return false
		}
		// the gold path stayed on the beam but did not end on top
		posH, negH = goldHist, b.cur[0].hist
	}
	p.beamUpdate(sc, posH, -1, negH, -1, mv, c)
	return true
}
