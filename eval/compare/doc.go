// Package compare recomputes the measured comparison of Herald's event
// dictionaries against the Phoenix ones (README.md in this directory says
// how it was made and holds the tables).
//
// Both sides are "herald run" outputs (herald/1 JSON Lines) of the same
// texts with the same binary, one with the default dictionaries and one
// with --dict phoenix-dictionaries --dict-only. ReadEvents reads the events
// of an output; Sample draws a fixed-seed random sample of distinct events
// (keyed by document id, sentence index, code, source and target) to
// judge; ReadJudgments reads the judgment files judgments-ROUND.tsv (side,
// document id, sentence, code, source, target, root verdict y/n, actors
// verdict y/p/n, reason; no article text); Table checks that every
// judgment names an event of its side's output and computes, per side,
// the events found, the judged sample, root-code precision and the
// estimated correct events (events × precision); Markdown prints the table.
//
// The tests TestRecomputeTable and TestPrintSample run on the outputs in
// the directory named by HERALD_COMPARE_OUT (they skip without it):
//
//	HERALD_COMPARE_OUT=/tmp/cmpout go test ./eval/compare -run TestRecomputeTable -v
//	HERALD_COMPARE_ROUND=baseline HERALD_COMPARE_OUT=/tmp/cmpout go test ./eval/compare -run TestRecomputeTable -v
//	HERALD_COMPARE_SAMPLE=5 HERALD_COMPARE_OUT=/tmp/cmpout go test ./eval/compare -run TestPrintSample -v
package compare
