// Package warc reads web archives (WARC 1.0 and 1.1, ISO 28500) with gowarc.
// Every response record that holds a successful (2xx) HTTP response with an
// HTML body, and every resource record of type text/html, becomes a
// document: its article is extracted by ingest/html,
// Doc.URL is the record's WARC-Target-URI and Doc.Date its WARC-Date (the
// capture time). Other records (warcinfo, request, metadata, revisit,
// non-HTML or unsuccessful responses) are skipped. Compressed archives
// (.warc.gz, gzip per record or whole-file) are read by the caller after
// gunzip: Read expects the uncompressed bytes, and positions in its errors
// are offsets into them.
//
// A record that cannot be parsed (a truncated archive, a bad header) is an
// error naming the input and the byte offset of the record; reading stops
// there, and the documents of the records before it are kept.
package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/nlnwa/gowarc/v3"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/ingest/html"
)

// ErrTruncated reports a record whose block is shorter than its
// Content-Length says.
var ErrTruncated = errors.New("record truncated: fewer bytes than Content-Length")

// Read reads the archive data of the input called name. Source is
// name#N for the N-th document (from 1) — numbered among documents, not
// records.
func Read(name string, data []byte) ([]*doc.Doc, []error) {
	br := bytes.NewReader(data)
	r := bufio.NewReader(br)
	u := gowarc.NewUnmarshaler(
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
		gowarc.WithAddMissingDigest(false),
		gowarc.WithBufferMaxMemBytes(int64(len(data))+1),
	)
	var docs []*doc.Doc
	var errs []error
	for {
		pos := int(br.Size()) - br.Len() - r.Buffered()
		if len(bytes.TrimSpace(data[pos:])) == 0 {
			break
		}
		rec, skipped, validation, err := u.Unmarshal(r)
		at := pos + int(skipped)
		if err == nil {
			err = check(rec, validation)
		}
		if err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				err = ErrTruncated
			}
			if rec != nil {
				rec.Close()
			}
			errs = append(errs, fmt.Errorf("%s: offset %d: warc: %w", name, at, err))
			break
		}
		if skipped > 0 {
			errs = append(errs, fmt.Errorf("%s: offset %d: warc: %d bytes of garbage before the record", name, pos, skipped))
		}
		d, err := record(name, rec, at)
		rec.Close()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if d != nil {
			d.Source = fmt.Sprintf("%s#%d", name, len(docs)+1)
			docs = append(docs, d)
		}
	}
	return docs, errs
}

// check finds the faults of a parsed record that make the rest of the
// archive unreadable: missing mandatory fields, a block cut short.
func check(rec gowarc.WarcRecord, validation []error) error {
	h := rec.WarcHeader()
	for _, f := range []string{gowarc.WarcRecordID, gowarc.WarcType, gowarc.WarcDate, gowarc.ContentLength} {
		if !h.Has(f) {
			return fmt.Errorf("record header lacks %s", f)
		}
	}
	for _, v := range validation {
		if msg := v.Error(); strings.Contains(msg, "end of record") {
			return ErrTruncated
		}
	}
	if want, err := h.GetInt64(gowarc.ContentLength); err != nil {
		return fmt.Errorf("bad %s: %w", gowarc.ContentLength, err)
	} else if got := rec.Block().Size(); got >= 0 && got < want {
		return ErrTruncated
	}
	return nil
}

// isHTML reports whether a Content-Type names a web page; an empty one
// may.
func isHTML(ct string) bool {
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

// record turns one record into a document, or nil when the record is not
// an HTML response.
func record(name string, rec gowarc.WarcRecord, at int) (*doc.Doc, error) {
	h := rec.WarcHeader()
	var ct string
	var pr io.Reader
	var err error
	switch rec.Type() {
	case gowarc.Response:
		blk, ok := rec.Block().(gowarc.HttpResponseBlock)
		if !ok {
			return nil, nil
		}
		if c := blk.HttpStatusCode(); c < 200 || c > 299 {
			return nil, nil
		}
		if hh := blk.HttpHeader(); hh != nil {
			ct = hh.Get("Content-Type")
		}
		if !isHTML(ct) {
			return nil, nil
		}
		pr, err = blk.PayloadBytes()
	case gowarc.Resource:
		// a page stored without its HTTP exchange
		if ct = h.Get(gowarc.ContentType); ct == "" || !isHTML(ct) {
			return nil, nil
		}
		pr, err = rec.Block().RawBytes()
	default:
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: offset %d: warc: payload: %w", name, at, err)
	}
	payload, err := io.ReadAll(pr)
	if err != nil {
		return nil, fmt.Errorf("%s: offset %d: warc: payload: %w", name, at, err)
	}
	uri := strings.Trim(h.Get(gowarc.WarcTargetURI), "<>")
	d, err := html.Read(fmt.Sprintf("%s: offset %d (%s)", name, at, uri), payload, ct, uri)
	if err != nil {
		return nil, err
	}
	if t, err := rec.Date(); err == nil {
		d.Date = t
	}
	return d, nil
}
