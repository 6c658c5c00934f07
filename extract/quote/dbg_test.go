package quote_test

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugText(t *testing.T) {
	text := os.Getenv("DBG")
	if text == "" {
		t.Skip()
	}
	d := annotate(t, basicPipeline(t), text)
	for si, s := range d.Sents {
		fmt.Printf("S%d %q\n", si, d.SpanText(s))
	}
	for _, q := range d.Quotes {
		fmt.Printf("%s cue=%q speaker=%q name=%q content=%q\n", q.Kind, span(d, q.Cue), span(d, q.Speaker.ByteSpan), q.Speaker.Name, span(d, q.Content))
	}
}
