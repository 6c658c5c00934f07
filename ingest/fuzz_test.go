package ingest

import (
	"bytes"
	"errors"
	"github.com/herald-events/herald/internal/testfile"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/herald-events/herald/internal/devdata"
)

func addTestdata(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	for _, name := range files {
		f.Add(testfile.Read(f, name))
	}
}

func FuzzDecode(f *testing.F) {
	addTestdata(f)
	f.Add([]byte("\xff\xfe\x00\xd8"))
	f.Add([]byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, enc, err := Decode("in", b)
		if err != nil {
			var ee *EncodingError
			if !errors.As(err, &ee) || ee.Offset < 0 || ee.Offset > len(b) || !strings.HasPrefix(err.Error(), "in: byte offset ") {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		if !utf8.ValidString(s) {
			t.Fatal("invalid UTF-8 out")
		}
		if enc == UTF8 && s != string(b) {
			t.Fatal("valid UTF-8 changed")
		}
		if enc == UTF8BOM && s != string(b[3:]) {
			t.Fatal("UTF-8 after the BOM changed")
		}
	})
}

func FuzzReadBytes(f *testing.F) {
	addTestdata(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, errs := ReadBytes("in", b)
		if len(docs) == 0 && len(errs) == 0 {
			t.Fatal("no document and no error")
		}
		for _, d := range docs {
			if d.ID == "" || d.Source == "" {
				t.Fatalf("no id or source: %+v", d)
			}
			if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || !utf8.ValidString(d.Byline) || !utf8.ValidString(d.ID) {
				t.Fatalf("invalid UTF-8: %+v", d)
			}
		}
		for _, err := range errs {
			if !strings.HasPrefix(err.Error(), "in") {
				t.Fatalf("error %q does not name the input", err)
			}
		}
		if Sniff("in", b) == Text && len(docs) > 0 && !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
			if s, enc, err := Decode("in", b); err == nil && enc == UTF8 {
				for _, d := range docs {
					if !strings.Contains(s, d.Text) {
						t.Fatal("text body is not verbatim")
					}
				}
			}
		}
	})
}

func BenchmarkReadReuters(b *testing.B) {
	files, _ := filepath.Glob(devdata.Path(b, "news/reuters21578-plaintext-sample/*.txt"))
	var data [][]byte
	size := 0
	for _, f := range files {
		d := testfile.Read(b, f)
		data = append(data, d)
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := startCPU()
	for b.Loop() {
		for i, d := range data {
			if docs, _ := ReadBytes(files[i], d); len(docs) != 1 {
				b.Fatalf("%s: %d docs", files[i], len(docs))
			}
		}
	}
	cpu.report(b, size)
}

// cpuClock measures the CPU time of the process, so that throughput can
// be reported on a machine shared with other jobs, where wall time
// overstates the cost.
type cpuClock struct{ start time.Duration }

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func startCPU() cpuClock { return cpuClock{cpuTime()} }

// report adds the metric "cpu-MB/s": bytes per op times ops over CPU time
// (meaningful with GOMAXPROCS=1).
func (c cpuClock) report(b *testing.B, bytesPerOp int) {
	if d := cpuTime() - c.start; d > 0 {
		b.ReportMetric(float64(bytesPerOp)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkReadDump reads the Reuters sample run together as one dump.
func BenchmarkReadDump(b *testing.B) {
	files, _ := filepath.Glob(devdata.Path(b, "news/reuters21578-plaintext-sample/*.txt"))
	var buf bytes.Buffer
	for _, f := range files {
		buf.Write(bytes.TrimSpace(testfile.Read(b, f)))
		buf.WriteString("\n\n")
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	cpu := startCPU()
	for b.Loop() {
		if docs, _ := ReadBytes("dump.txt", buf.Bytes()); len(docs) < len(files)*9/10 {
			b.Fatalf("%d docs from %d stories", len(docs), len(files))
		}
	}
	cpu.report(b, buf.Len())
}

func BenchmarkReadWARC(b *testing.B) {
	data := testfile.Read(b, "testdata/sample.warc.gz")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		ReadBytes("sample.warc.gz", data)
	}
}
