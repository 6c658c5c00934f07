package parse

// table maps hashed feature keys to dense weight rows of n classes. Keys are
// non-zero 64-bit hashes; lookup is open addressing with linear probing.
type table struct {
	n     int      // classes per row
	mask  uint64   // len(slots)-1
	slots []uint64 // keys; 0 = empty
	rows  []int32  // row index of each slot
	w     []float32
	count int
}

func newTable(classes, capacity int) *table {
	size := 1024
	for size < capacity*2 {
		size <<= 1
	}
	return &table{n: classes, mask: uint64(size - 1), slots: make([]uint64, size), rows: make([]int32, size)}
}

// find returns the row of key, or -1.
func (t *table) find(key uint64) int32 {
	i := key & t.mask
	for {
		k := t.slots[i]
		if k == key {
			return t.rows[i]
		}
		if k == 0 {
			return -1
		}
		i = (i + 1) & t.mask
	}
}

// add returns the row of key, creating a zero row when absent.
func (t *table) add(key uint64) int32 {
	if (t.count+1)*2 > len(t.slots) {
		t.grow()
	}
	i := key & t.mask
	for {
		k := t.slots[i]
		if k == key {
			return t.rows[i]
		}
		if k == 0 {
			r := int32(t.count)
			t.slots[i] = key
			t.rows[i] = r
			t.count++
			t.w = append(t.w, make([]float32, t.n)...)
			return r
		}
		i = (i + 1) & t.mask
	}
}

func (t *table) grow() {
	old, oldRows := t.slots, t.rows
	size := len(old) * 2
	t.mask = uint64(size - 1)
	t.slots = make([]uint64, size)
	t.rows = make([]int32, size)
	for j, k := range old {
		if k == 0 {
			continue
		}
		i := k & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = k
		t.rows[i] = oldRows[j]
	}
}

// score adds the rows of keys to scores (len n).
func (t *table) score(keys []uint64, scores []float32) uint32 {
	for i := range scores {
		scores[i] = 0
	}
	n := t.n
	for _, k := range keys {
		r := t.find(k)
		if r < 0 {
			continue
		}
		row := t.w[int(r)*n : int(r)*n+n]
		for c, v := range row {
			scores[c] += v
		}
	}
	return 0
}

// keysInOrder returns every key with its row index.
func (t *table) each(fn func(key uint64, row []float32)) {
	for i, k := range t.slots {
		if k != 0 {
			r := int(t.rows[i])
			fn(k, t.w[r*t.n:r*t.n+t.n])
		}
	}
}
