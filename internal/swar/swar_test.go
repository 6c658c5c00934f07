package swar

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestAddExact checks Add against adding the weights one by one, for class
// counts with and without a partial last word, lane-edge weights, and more
// rows than the lanes hold before they are unpacked.
func TestAddExact(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, nc := range []int{1, 2, 3, 50, 51, 200, 256} {
		var data []uint64
		var weights [][]int64
		for range 300 {
			w := make([]int64, nc)
			for c := range w {
				switch r.IntN(4) {
				case 0:
					w[c] = []int64{-Bias, Bias - 1}[r.IntN(2)]
				case 1:
					w[c] = 0
				default:
					w[c] = int64(r.IntN(2*Bias)) - Bias
				}
			}
			row, ok := Pack(w)
			if !ok || len(row) != Words(nc) {
				t.Fatalf("nc %d: Pack of in-range weights: %d words, ok %v", nc, len(row), ok)
			}
			data = append(data, row...)
			weights = append(weights, w)
		}
		for _, n := range []int{0, 1, 3, 4, 5, 62, 63, 64, 127, 128, 200} {
			rows := make([]uint32, n)
			want := make([]int32, nc)
			for i := range rows {
				k := r.IntN(len(weights))
				rows[i] = uint32(k * Words(nc))
				for c, x := range weights[k] {
					want[c] += int32(x)
				}
			}
			got := make([]int32, nc)
			Add(data, rows, got)
			if !slices.Equal(got, want) {
				t.Fatalf("nc %d, %d rows: sums %v, want %v", nc, n, got, want)
			}
		}
	}
}

func TestPackOutOfRange(t *testing.T) {
	for _, w := range []int64{-Bias - 1, Bias, 1 << 20} {
		if _, ok := Pack([]int64{0, w, 0}); ok {
			t.Errorf("weight %d packed", w)
		}
	}
	if _, ok := Pack([]int64{-Bias, Bias - 1}); !ok {
		t.Error("lane-edge weights not packed")
	}
}
