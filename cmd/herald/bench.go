package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/ingest"
)

const benchSynopsis = `bench [flags] INPUT...

Measures Herald on a corpus, on one core: reading (decoding, article
splitting) + tokenizing + sentence splitting in MB/s of input, tagging +
parsing in sentences/s, the whole annotation of herald run in sentences/s,
the share of each stage, and the peak memory of the process. The inputs are
read into memory first; each figure is the best of --rounds rounds.`

func runBench(args []string, st streams) error {
	fs := newFlags("bench", benchSynopsis, st)
	rounds := fs.Int("rounds", 3, "measure `N` rounds and keep the best")
	var popt pipelineOptions
	popt.addFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	runtime.GOMAXPROCS(1)

	// The raw inputs, in memory.
	type input struct {
		name string
		data []byte
	}
	var inputs []input
	var total int64
	for _, arg := range fs.Args() {
		err := walkFiles(arg, func(path string) error {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			inputs = append(inputs, input{path, data})
			total += int64(len(data))
			return nil
		})
		if err != nil {
			return err
		}
	}
	p, err := buildPipeline(popt, st.err)
	if err != nil {
		return err
	}
	stages := p.Stages()
	ctx := context.Background()

	best := map[string]time.Duration{}
	keep := func(name string, d time.Duration) {
		if b, ok := best[name]; !ok || d < b {
			best[name] = d
		}
	}
	var sents, docs, tokens int
	for range max(1, *rounds) {
		var docsRound []*doc.Doc
		stageTime := make([]time.Duration, len(stages))
		start := time.Now()
		for _, in := range inputs {
			ds, _ := ingest.ReadBytes(in.name, in.data)
			docsRound = append(docsRound, ds...)
		}
		keep("read", time.Since(start))
		// Stage by stage over the whole corpus, so that each stage's time
		// holds its own work (and garbage collection) only.
		for i, s := range stages {
			t0 := time.Now()
			for _, d := range docsRound {
				if !d.Has(s.Requires()) {
					continue
				}
				if err := s.Process(ctx, d); err != nil {
					d.Errs = append(d.Errs, err)
				}
			}
			stageTime[i] = time.Since(t0)
		}
		var all time.Duration
		for i, s := range stages {
			keep(s.Name(), stageTime[i])
			all += stageTime[i]
		}
		keep("annotate", all)
		sents, docs, tokens = 0, len(docsRound), 0
		for _, d := range docsRound {
			sents += len(d.Sents)
			tokens += len(d.Tokens)
		}
	}

	mb := float64(total) / 1e6
	sum := func(names ...string) time.Duration {
		var t time.Duration
		for _, n := range names {
			t += best[n]
		}
		return t
	}
	rate := func(n float64, d time.Duration) float64 {
		if d <= 0 {
			return 0
		}
		return n / d.Seconds()
	}
	w := st.out
	fmt.Fprintf(w, "corpus: %d inputs, %.2f MB, %d documents, %d sentences, %d tokens (GOMAXPROCS=1, best of %d)\n",
		len(inputs), mb, docs, sents, tokens, max(1, *rounds))
	fmt.Fprintf(w, "%-34s %12s %14s\n", "what", "time", "throughput")
	readTok := sum("read", "tokenize", "segment")
	fmt.Fprintf(w, "%-34s %12s %10.1f MB/s\n", "read + split + tokenize + segment", readTok.Round(time.Microsecond), rate(mb, readTok))
	tp := sum("tag", "parse")
	fmt.Fprintf(w, "%-34s %12s %10.0f sentences/s\n", "tag + parse", tp.Round(time.Microsecond), rate(float64(sents), tp))
	whole := sum("read", "annotate")
	fmt.Fprintf(w, "%-34s %12s %10.0f sentences/s\n", "herald run (read + every stage)", whole.Round(time.Microsecond), rate(float64(sents), whole))
	names := make([]string, 0, len(stages))
	for _, s := range stages {
		names = append(names, s.Name())
	}
	fmt.Fprintf(w, "\nper stage:\n")
	for _, n := range append([]string{"read"}, names...) {
		fmt.Fprintf(w, "  %-12s %12s %5.1f%% %12.0f sentences/s\n", n, best[n].Round(time.Microsecond),
			100*best[n].Seconds()/whole.Seconds(), rate(float64(sents), best[n]))
	}
	if q := sum("coref", "quote"); q > 0 {
		fmt.Fprintf(w, "quotes + coreference add %.1f%% to the rest of herald run\n", 100*q.Seconds()/(whole-q).Seconds())
	}
	if hwm := peakRSS(); hwm > 0 {
		fmt.Fprintf(w, "peak memory (VmHWM): %.0f MB\n", float64(hwm)/1e6)
	}
	return nil
}

// walkFiles calls fn for path, or for every file under it in lexical order.
func walkFiles(path string, fn func(string) error) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fn(path)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if err := walkFiles(path+string(os.PathSeparator)+e.Name(), fn); err != nil {
			return err
		}
	}
	return nil
}

// peakRSS returns the peak resident set size of the process in bytes, from
// /proc/self/status (0 where that is not available).
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) >= 1 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb * 1024
			}
		}
	}
	return 0
}
