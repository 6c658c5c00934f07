// Package dedup finds duplicate articles in a stream of documents.
//
// Exact duplicates are documents whose texts are equal once runs of white
// space are folded; titles are not compared. Near duplicates (the same wire
// story with small edits, a corrected or updated version) are found with
// MinHash over word 3-shingles: each text is lower-cased, cut into words
// (runs of letters and digits), and the set of its overlapping 3-word
// sequences is summarised by 128 minimum hashes. The share of equal minimum
// hashes of two documents estimates the Jaccard similarity of their shingle
// sets. Candidates are found with locality-sensitive hashing (42 bands of 3
// hashes), so adding a document costs about the same however many came
// before.
//
// A document is a near duplicate of the earliest document whose estimated
// similarity is at least the threshold, DefaultThreshold (0.5) unless set,
// or, when one text is at most 80% as long as the other, whose shingles
// hold at least 90% (Containment) of the shorter text's shingles and the
// shorter has 50 or more (a story and its longer or shorter version). One changed word alters at most three shingles, so a
// lightly edited copy of a 300-word story keeps a similarity above 0.9;
// two different stories on the same topic share few 3-word sequences and
// stay below 0.2 (on the Reuters-21578 sample every pair of different
// stories is at or below 0.1, while repeated stories score 0.8-1.0, and a
// story sent again at 40% of its length scores 0.41 with containment near
// 1). The threshold of 0.5 sits between: a copy with a paragraph added or
// cut is still found, a rewrite is not.
package dedup

import (
	"crypto/sha256"
	"hash/maphash"
	"strings"
	"unicode"
)

// DefaultThreshold is the estimated Jaccard similarity of word 3-shingles
// from which a document is a near duplicate.
const DefaultThreshold = 0.5

// NumHashes is the number of hash functions of a MinHash signature.
const NumHashes = 128

const (
	rows    = 3
	bands   = NumHashes / rows // 42 bands; the last 2 hashes are only compared
	shingle = 3

	// Containment is the share of the shorter text's shingles that must
	// recur in the longer one for a near duplicate, whatever the Jaccard
	// similarity, when the shorter is at most 80% as long as the longer
	// and has at least MinContained shingles.
	Containment  = 0.9
	MinContained = 50
)

// Index remembers the documents added so far. It is not safe for
// concurrent use.
type Index struct {
	threshold float64
	exact     map[[32]byte]string // text key -> id
	ids       []string
	sigs      [][NumHashes]uint64
	sizes     []int              // number of shingles
	buckets   map[uint64][]int32 // band key -> document indexes
	seed      maphash.Seed
}

// New returns an empty Index with the given threshold, or DefaultThreshold
// when threshold is not in (0, 1].
func New(threshold float64) *Index {
	if !(threshold > 0 && threshold <= 1) {
		threshold = DefaultThreshold
	}
	return &Index{
		threshold: threshold,
		exact:     map[[32]byte]string{},
		buckets:   map[uint64][]int32{},
		seed:      maphash.MakeSeed(),
	}
}

// Add records a document and reports whether it repeats an earlier one:
// exact is the id of an earlier document with the same text (the document
// is then not recorded), near the id of the earliest document whose
// estimated similarity is at least the threshold. Documents with empty text
// are never duplicates. The title is accepted for future use and ignored.
func (x *Index) Add(id, title, text string) (exact, near string) {
	_ = title
	key := textKey(text)
	if key == nil {
		return "", ""
	}
	if first, ok := x.exact[*key]; ok {
		return first, ""
	}
	x.exact[*key] = id
	sig, size := signature(text)
	best := -1
	seen := map[int32]bool{}
	keys := bandKeys(&sig, x.seed)
	for _, k := range keys {
		for _, j := range x.buckets[k] {
			if seen[j] || best >= 0 && int(j) >= best {
				continue
			}
			seen[j] = true
			if x.near(Similarity(&sig, &x.sigs[j]), size, x.sizes[j]) {
				best = int(j)
			}
		}
	}
	n := int32(len(x.ids))
	x.ids = append(x.ids, id)
	x.sigs = append(x.sigs, sig)
	x.sizes = append(x.sizes, size)
	for _, k := range keys {
		x.buckets[k] = append(x.buckets[k], n)
	}
	if best >= 0 {
		near = x.ids[best]
	}
	return "", near
}

// near decides from the estimated Jaccard similarity j of two shingle
// sets of sizes a and b.
func (x *Index) near(j float64, a, b int) bool {
	if j >= x.threshold {
		return true
	}
	small, large := min(a, b), max(a, b)
	if small < MinContained || j == 0 || small*5 > large*4 {
		return false // similar sizes: Jaccard alone decides
	}
	inter := j / (1 + j) * float64(a+b)
	return inter >= Containment*float64(small)
}

// textKey hashes text with runs of white space folded; nil for blank text.
func textKey(text string) *[32]byte {
	f := strings.Fields(text)
	if len(f) == 0 {
		return nil
	}
	k := sha256.Sum256([]byte(strings.Join(f, " ")))
	return &k
}

// Signature returns the MinHash signature of text's word 3-shingles (of
// its words, when it has fewer than three).
func Signature(text string) [NumHashes]uint64 {
	sig, _ := signature(text)
	return sig
}

// signature returns the MinHash signature of text and its number of
// shingles (counted with repeats, which news text rarely has).
func signature(text string) ([NumHashes]uint64, int) {
	var sig [NumHashes]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	var win [shingle]uint64
	n := 0
	add := func(h uint64) {
		// h is well mixed; an affine map with an odd multiplier is a
		// permutation of it, one for each of the hash functions
		for i := range sig {
			if v := h*mults[i] + seeds[i]; v < sig[i] {
				sig[i] = v
			}
		}
	}
	eachWord(text, func(w uint64) {
		copy(win[:], win[1:])
		win[shingle-1] = w
		n++
		if n >= shingle {
			add(mix(win[0]*0x9E3779B97F4A7C15 ^ win[1]*0xC2B2AE3D27D4EB4F ^ win[2]))
		}
	})
	if n > 0 && n < shingle {
		for i := shingle - n; i < shingle; i++ {
			add(win[i])
		}
	}
	return sig, max(n-shingle+1, min(n, 1))
}

// Similarity estimates the Jaccard similarity of the shingle sets behind
// two signatures.
func Similarity(a, b *[NumHashes]uint64) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / NumHashes
}

// eachWord calls f with a hash of each lower-cased word of text.
func eachWord(text string, f func(uint64)) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h, in := uint64(offset), false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			for r > 0 {
				h ^= uint64(r & 0xff)
				h *= prime
				r >>= 8
			}
			in = true
			continue
		}
		if in {
			f(mix(h))
			h, in = offset, false
		}
	}
	if in {
		f(mix(h))
	}
}

func bandKeys(sig *[NumHashes]uint64, seed maphash.Seed) [bands]uint64 {
	var keys [bands]uint64
	var buf [rows*8 + 1]byte
	for b := range bands {
		buf[0] = byte(b)
		for r := range rows {
			v := sig[b*rows+r]
			for k := range 8 {
				buf[1+r*8+k] = byte(v >> (8 * k))
			}
		}
		keys[b] = maphash.Bytes(seed, buf[:])
	}
	return keys
}

// mix is the SplitMix64 finaliser.
func mix(z uint64) uint64 {
	z ^= z >> 30
	z *= 0xBF58476D1CE4E5B9
	z ^= z >> 27
	z *= 0x94D049BB133111EB
	z ^= z >> 31
	return z
}

// mults (odd) and seeds define the hash functions; they are fixed, so
// signatures are stable from run to run.
var mults, seeds = func() (m, s [NumHashes]uint64) {
	x := uint64(0x243F6A8885A308D3) // digits of pi
	for i := range s {
		x += 0x9E3779B97F4A7C15
		m[i] = mix(x) | 1
		x += 0x9E3779B97F4A7C15
		s[i] = mix(x)
	}
	return m, s
}()
