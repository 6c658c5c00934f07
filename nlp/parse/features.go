package parse

// Feature extraction. A configuration is first summarised in a small
// context vector of integers (word ids, tag ids, labels, distances,
// valencies, label sets); each template then names the context slots it
// combines and is hashed to one 64-bit key. Nothing is allocated.

// word and tag ids: 0 = no such position, 1 = unknown, 2 = the root token.
const (
	idNone = 0
	idUnk  = 1
	idRoot = 2
	idBase = 3
)

// context slots of the move classifier
const (
	cS0w = iota
	cS0p
	cS1w
	cS1p
	cS2w
	cS2p
	cN0w
	cN0p
	cN1w
	cN1p
	cN2w
	cN2p
	cN3p
	cS0u
	cS1u
	cN0u
	cS0Lw
	cS0Lp
	cS0Ll
	cS0L2w
	cS0L2p
	cS0L2l
	cS0Rw
	cS0Rp
	cS0Rl
	cS0R2w
	cS0R2p
	cS0R2l
	cN0Lw
	cN0Lp
	cN0Ll
	cN0L2w
	cN0L2p
	cN0L2l
	cS1Rw
	cS1Rp
	cS1Rl
	cS1R2p
	cS1R2l
	cS1Lp
	cS1Ll
	cD01  // distance s0 - b0
	cS0st // supertags
	cS1st
	cN0st
	cN1st
	cS0Lst
	cN0Lst
	nMoveSlots
)

// moveTemplates are Zhang and Nivre (2011) templates mapped to arc-hybrid
// (their S0h becomes S1), plus S1/S0 pairs for RIGHT arcs.
var moveTemplates = [][]uint8{
	// single words
	{cS0w, cS0p}, {cS0w}, {cS0p}, {cN0w, cN0p}, {cN0w}, {cN0p},
	{cN1w, cN1p}, {cN1w}, {cN1p}, {cN2w, cN2p}, {cN2w}, {cN2p},
	{cS1w, cS1p}, {cS1w}, {cS1p}, {cS2w}, {cS2p},
	{cS0u}, {cN0u}, {cS1u}, {cS0u, cN0u}, {cS1u, cS0u}, {cS1u, cS0u, cN0u},
	// pairs
	{cS0w, cS0p, cN0w, cN0p}, {cS0w, cS0p, cN0w}, {cS0w, cN0w, cN0p}, {cS0w, cS0p, cN0p},
	{cS0p, cN0w, cN0p}, {cS0w, cN0w}, {cS0p, cN0p}, {cN0p, cN1p}, {cN0w, cN1w}, {cN0w, cN1p}, {cN0p, cN1w},
	{cS1w, cS1p, cS0w, cS0p}, {cS1w, cS1p, cS0w}, {cS1w, cS0w, cS0p}, {cS1w, cS1p, cS0p},
	{cS1p, cS0w, cS0p}, {cS1w, cS0w}, {cS1p, cS0p}, {cS1w, cN0w}, {cS1p, cN0p}, {cS1w, cN0p}, {cS1p, cN0w},
	// three words
	{cN0p, cN1p, cN2p}, {cS0p, cN0p, cN1p}, {cS1p, cS0p, cN0p}, {cS0p, cS0Lp, cN0p},
	{cS0p, cS0Rp, cN0p}, {cS0p, cN0p, cN0Lp}, {cS2p, cS1p, cS0p}, {cS1p, cS1Rp, cS0p},
	{cS1p, cS0p, cS0Lp}, {cS1p, cS0p, cS0Rp}, {cN0p, cN1p, cN2p, cN3p}, {cS1p, cS0p, cN0p, cN1p},
	{cS0w, cN0p, cN1p}, {cS0p, cN0w, cN1p}, {cS1w, cS0p, cN0p}, {cS1p, cS0w, cN0p}, {cS1p, cS0p, cN0w},
	// first-order children
	{cS0Lw}, {cS0Lp}, {cS0Ll}, {cS0Rw}, {cS0Rp}, {cS0Rl}, {cN0Lw}, {cN0Lp}, {cN0Ll},
	{cS1Rw}, {cS1Rp}, {cS1Rl}, {cS1Lp}, {cS1Ll},
	{cS0p, cS0Ll}, {cS0p, cS0Rl}, {cN0p, cN0Ll}, {cS1p, cS1Rl}, {cS1p, cS1Ll}, {cS0w, cS0Ll}, {cS0w, cS0Rl}, {cN0w, cN0Ll},
	// second-order children
	{cS0L2w}, {cS0L2p}, {cS0L2l}, {cS0R2w}, {cS0R2p}, {cS0R2l}, {cN0L2w}, {cN0L2p}, {cN0L2l},
	{cS0p, cS0Lp, cS0L2p}, {cS0p, cS0Rp, cS0R2p}, {cN0p, cN0Lp, cN0L2p}, {cS1p, cS1Rp, cS1R2p},
	{cS0p, cS0Ll, cS0L2l}, {cS0p, cS0Rl, cS0R2l}, {cN0p, cN0Ll, cN0L2l}, {cS1p, cS1Rl, cS1R2l},
	// supertags
	{cS0st}, {cN0st}, {cS1st}, {cN1st}, {cS0st, cN0st}, {cS1st, cS0st}, {cS0st, cS0p}, {cN0st, cN0p},
	{cS0st, cN0p}, {cS0p, cN0st}, {cS1st, cS0st, cN0st}, {cN0st, cN1st}, {cS0st, cN0st, cD01}, {cS0st, cS0w},
	{cN0st, cN0w}, {cS0Lst, cS0st}, {cN0Lst, cN0st}, {cS0st, cN0st, cN1st},
}

// context slots of the labeller, for an arc from head h to dependent d
const (
	lDw = iota
	lDp
	lDu
	lHw
	lHp
	lHu
	lDir
	lDist
	lDLw // leftmost child of d
	lDLp
	lDLl
	lDRw
	lDRp
	lDRl
	lDL2w
	lDnl
	lDnr
	lDsl
	lDsr
	lHsame // label of h's nearest child on d's side
	lHsl
	lHsr
	lDm1p
	lDp1p
	lHm1p
	lHp1p
	lS2p // word below the pair on the stack
	lDsfx
	lDst // supertags
	lHst
	nLabelSlots
)

var labelTemplates = [][]uint8{
	{lDw}, {lDp}, {lDu}, {lDw, lDp}, {lHw}, {lHp}, {lHu}, {lDir}, {lDsfx},
	{lDp, lHp, lDir}, {lDw, lHp, lDir}, {lDp, lHw, lDir}, {lDw, lHw, lDir}, {lDu, lHu, lDir},
	{lDp, lHp, lDist, lDir}, {lDw, lDir}, {lDp, lDir}, {lHw, lDir}, {lHp, lDir}, {lDsfx, lDp, lDir},
	{lDsfx, lHp, lDir}, {lDw, lDp, lHp, lDir},
	{lDp, lDLl}, {lDp, lDRl}, {lDp, lDLl, lDRl}, {lDw, lDLl}, {lDw, lDRl},
	{lDLw, lDp}, {lDLw, lDp, lHp}, {lDLw, lDLl, lDp, lDir}, {lDRw, lDp}, {lDRw, lDRl, lDp}, {lDL2w, lDLw, lDp},
	{lDLp, lDp, lHp, lDir}, {lDRp, lDp, lHp, lDir}, {lDLw, lHw, lDir},
	{lDp, lDnl, lDnr}, {lDp, lDsl}, {lDp, lDsr}, {lDp, lHp, lDsl, lDir}, {lDu, lDsl, lDsr},
	{lHp, lHsame, lDir}, {lHp, lDp, lHsame, lDir}, {lHp, lHsl, lDir}, {lHp, lHsr, lDir}, {lDp, lHp, lHsl, lDir},
	{lDp, lDm1p, lDir}, {lDp, lDp1p, lDir}, {lDp, lHp, lHp1p}, {lDp, lHp, lHm1p}, {lDm1p, lDp, lDp1p},
	{lS2p, lDp, lHp}, {lHw, lDp, lDist},
	{lDst}, {lDst, lDp}, {lDst, lDir}, {lDst, lHst, lDir}, {lDst, lHp, lDir}, {lDst, lDw},
}

func hashKey(tmpl int, ctx []uint64, slots []uint8) uint64 {
	h := uint64(tmpl+1) * 0x9E3779B97F4A7C15
	for _, s := range slots {
		h ^= ctx[s]
		h *= 0xff51afd7ed558ccd
		h ^= h >> 32
	}
	h ^= h >> 29
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 32
	if h == 0 {
		h = 1
	}
	return h
}

func bucket(d int32) uint64 {
	switch {
	case d <= 5:
		return uint64(d)
	case d <= 7:
		return 6
	case d <= 10:
		return 7
	case d <= 15:
		return 8
	default:
		return 9
	}
}

func capCount(n int16) uint64 {
	if n > 5 {
		return 5
	}
	return uint64(n)
}

// moveFeatures computes the keys of the move classifier for s into keys.
func (x *sentence) moveFeatures(s *state, ctx []uint64, keys []uint64) []uint64 {
	s0, s1, s2 := s.stackAt(0), s.stackAt(1), s.stackAt(2)
	b0 := s.b0
	wp := func(i int32, w, p int) {
		if i < 0 {
			ctx[w], ctx[p] = idNone, idNone
			return
		}
		ctx[w], ctx[p] = uint64(x.word[i]), uint64(x.tag[i])
	}
	wpl := func(i int32, w, p, l int) {
		if i < 0 {
			ctx[w], ctx[p], ctx[l] = idNone, idNone, 0
			return
		}
		ctx[w], ctx[p], ctx[l] = uint64(x.word[i]), uint64(x.tag[i]), uint64(s.labels[i])
	}
	pos := func(i int32) uint64 {
		if i < 0 || i > s.n {
			return idNone
		}
		return uint64(x.tag[i])
	}
	child := func(h int32, c []int32) int32 {
		if h < 0 {
			return -1
		}
		return c[h]
	}
	wp(s0, cS0w, cS0p)
	wp(s1, cS1w, cS1p)
	wp(s2, cS2w, cS2p)
	wp(b0, cN0w, cN0p)
	n1, n2, n3 := b0+1, b0+2, b0+3
	if n1 > s.n {
		n1 = -1
	}
	if n2 > s.n {
		n2 = -1
	}
	if n3 > s.n {
		n3 = -1
	}
	wp(n1, cN1w, cN1p)
	wp(n2, cN2w, cN2p)
	ctx[cN3p] = pos(n3)
	ctx[cS0u], ctx[cS1u], ctx[cN0u] = idNone, idNone, uint64(x.upos[b0])
	if s0 >= 0 {
		ctx[cS0u] = uint64(x.upos[s0])
	}
	if s1 >= 0 {
		ctx[cS1u] = uint64(x.upos[s1])
	}
	wpl(child(s0, s.lc1), cS0Lw, cS0Lp, cS0Ll)
	wpl(child(s0, s.lc2), cS0L2w, cS0L2p, cS0L2l)
	wpl(child(s0, s.rc1), cS0Rw, cS0Rp, cS0Rl)
	wpl(child(s0, s.rc2), cS0R2w, cS0R2p, cS0R2l)
	wpl(s.lc1[b0], cN0Lw, cN0Lp, cN0Ll)
	wpl(s.lc2[b0], cN0L2w, cN0L2p, cN0L2l)
	wpl(child(s1, s.rc1), cS1Rw, cS1Rp, cS1Rl)
	if c := child(s1, s.rc2); c >= 0 {
		ctx[cS1R2p], ctx[cS1R2l] = uint64(x.tag[c]), uint64(s.labels[c])
	} else {
		ctx[cS1R2p], ctx[cS1R2l] = idNone, 0
	}
	if c := child(s1, s.lc1); c >= 0 {
		ctx[cS1Lp], ctx[cS1Ll] = uint64(x.tag[c]), uint64(s.labels[c])
	} else {
		ctx[cS1Lp], ctx[cS1Ll] = idNone, 0
	}
	ctx[cD01] = 0
	if s0 >= 0 {
		if b0 == s.n {
			ctx[cD01] = 15
		} else {
			ctx[cD01] = bucket(b0 - s0)
		}
	}
	stOf := func(i int32) uint64 {
		if i < 0 {
			return 0
		}
		return x.st[i]
	}
	ctx[cS0st], ctx[cS1st], ctx[cN0st], ctx[cN1st] = stOf(s0), stOf(s1), stOf(b0), stOf(n1)
	ctx[cS0Lst], ctx[cN0Lst] = stOf(child(s0, s.lc1)), stOf(s.lc1[b0])
	keys = keys[:0]
	for t, slots := range moveTemplates {
		keys = append(keys, hashKey(t, ctx, slots))
	}
	return keys
}

// labelFeatures computes the keys of the labeller for the arc h -> d.
func (x *sentence) labelFeatures(s *state, h, d int32, ctx []uint64, keys []uint64) []uint64 {
	pos := func(i int32) uint64 {
		if i < 0 || i > s.n {
			return idNone
		}
		return uint64(x.tag[i])
	}
	ctx[lDw], ctx[lDp], ctx[lDu] = uint64(x.word[d]), uint64(x.tag[d]), uint64(x.upos[d])
	ctx[lHw], ctx[lHp], ctx[lHu] = uint64(x.word[h]), uint64(x.tag[h]), uint64(x.upos[h])
	ctx[lDsfx] = uint64(x.sfx[d])
	var dist int32
	if h == s.n {
		ctx[lDir] = 3
		dist = 15
	} else if d < h {
		ctx[lDir] = 1
		dist = h - d
	} else {
		ctx[lDir] = 2
		dist = d - h
	}
	ctx[lDist] = bucket(dist)
	set := func(c int32, w, p, l int) {
		if c < 0 {
			ctx[w], ctx[p], ctx[l] = idNone, idNone, 0
			return
		}
		ctx[w], ctx[p], ctx[l] = uint64(x.word[c]), uint64(x.tag[c]), uint64(s.labels[c])
	}
	set(s.lc1[d], lDLw, lDLp, lDLl)
	set(s.rc1[d], lDRw, lDRp, lDRl)
	if c := s.lc2[d]; c >= 0 {
		ctx[lDL2w] = uint64(x.word[c])
	} else {
		ctx[lDL2w] = idNone
	}
	ctx[lDnl], ctx[lDnr] = capCount(s.nl[d]), capCount(s.nr[d])
	ctx[lDsl], ctx[lDsr] = s.lset[d], s.rset[d]
	ctx[lHsl], ctx[lHsr] = s.lset[h], s.rset[h]
	var near int32
	if d < h {
		near = s.lc1[h]
	} else {
		near = s.rc1[h]
	}
	ctx[lHsame] = 0
	if near >= 0 {
		ctx[lHsame] = uint64(s.labels[near])
	}
	ctx[lDm1p], ctx[lDp1p] = pos(d-1), pos(d+1)
	ctx[lHm1p], ctx[lHp1p] = pos(h-1), pos(h+1)
	ctx[lS2p] = idNone
	if s2 := s.stackAt(2); s2 >= 0 && h != s.b0 {
		ctx[lS2p] = uint64(x.tag[s2])
	} else if s1 := s.stackAt(1); s1 >= 0 && h == s.b0 {
		ctx[lS2p] = uint64(x.tag[s1])
	}
	ctx[lDst], ctx[lHst] = x.st[d], x.st[h]
	keys = keys[:0]
	for t, slots := range labelTemplates {
		keys = append(keys, hashKey(t, ctx, slots))
	}
	return keys
}
