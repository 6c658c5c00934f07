package main

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-events/herald/nlp/cluster"
)

// unit returns v scaled to length 1.
func unit(v ...float32) []float32 {
	var n float64
	for _, x := range v {
		n += float64(x * x)
	}
	for i := range v {
		v[i] /= float32(math.Sqrt(n))
	}
	return v
}

// Four tight groups of vectors around four directions are found again,
// whatever the order of the members.
func TestKmeansFindsGroups(t *testing.T) {
	dirs := [][]float32{unit(1, 0, 0, 0), unit(0, 1, 0, 0), unit(0, 0, 1, 0), unit(0, 0, 0, 1)}
	rng := rand.New(rand.NewPCG(3, 4))
	var vecs [][]float32
	var group []int
	for i := range 200 {
		g := i % 4
		v := append([]float32(nil), dirs[g]...)
		for j := range v {
			v[j] += float32(rng.NormFloat64() * 0.05)
		}
		vecs = append(vecs, unit(v...))
		group = append(group, g)
	}
	members := make([]int, len(vecs))
	for i := range members {
		members[i] = i
	}
	assign := kmeans(vecs, members, 4, rand.New(rand.NewPCG(1, 2)))
	seen := map[int]int{} // group -> cluster
	for i, c := range assign {
		if prev, ok := seen[group[i]]; ok && prev != c {
			t.Fatalf("group %d split over clusters %d and %d", group[i], prev, c)
		}
		seen[group[i]] = c
	}
	if len(seen) != 4 {
		t.Fatalf("%d groups found", len(seen))
	}
	clusters := map[int]bool{}
	for _, c := range seen {
		clusters[c] = true
	}
	if len(clusters) != 4 {
		t.Errorf("groups share clusters: %v", seen)
	}
}

// Leaf ids are paths: members of one top cluster share id>>shift.
func TestSplitIDsArePaths(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var vecs [][]float32
	for range 300 {
		vecs = append(vecs, unit(float32(rng.NormFloat64()), float32(rng.NormFloat64()), float32(rng.NormFloat64())))
	}
	members := make([]int, len(vecs))
	for i := range members {
		members[i] = i
	}
	ids := make([]int, len(vecs))
	split(vecs, members, ids, []int{4, 4, 2}, rand.New(rand.NewPCG(1, 2)))
	for _, id := range ids {
		if id < 0 || id >= 32 {
			t.Fatalf("id %d outside 0..31", id)
		}
	}
	// a second run gives the same ids
	again := make([]int, len(vecs))
	split(vecs, members, again, []int{4, 4, 2}, rand.New(rand.NewPCG(1, 2)))
	for i := range ids {
		if ids[i] != again[i] {
			t.Fatalf("member %d: id %d then %d", i, ids[i], again[i])
		}
	}
}

// run reads a wink-embeddings file and writes a table that nlp/cluster
// reads, keyed by normalised words, the most frequent spelling first.
func TestRunWritesReadableTable(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "vectors.json")
	json := `{"dimensions": 3, "words": ["the", "The", "cat", "dog", "paris"],
	 "vectors": {"the": [1, 0, 0, 0.5, 0], "The": [0, 1, 0, 1, 1], "cat": [0, 1, 0.1, 1, 2], "dog": [0, 1, 0.2, 1, 3], "paris": [0, 0, 1, 1, 4]}}`
	if err := os.WriteFile(in, []byte(json), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "clusters.tsv.gz")
	if err := run(in, 10, out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := cluster.Read(f, out)
	if err != nil {
		t.Fatal(err)
	}
	if tb.Len() != 4 {
		t.Errorf("%d words, want 4 (the, cat, dog, paris)", tb.Len())
	}
	for _, w := range []string{"the", "cat", "dog", "paris"} {
		if tb.Of([]byte(w)) == 0 {
			t.Errorf("%q missing", w)
		}
	}
	if err := run(filepath.Join(dir, "missing.json"), 10, out); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing input: err %v", err)
	}
}
