package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrEncoding reports input bytes that are neither UTF-8 nor one of the
// encodings Decode recognises.
var ErrEncoding = errors.New("not valid UTF-8, UTF-16 with a byte-order mark, or Windows-1252")

// EncodingError locates the first byte that could not be decoded.
type EncodingError struct {
	Name   string // input name
	Offset int    // byte offset of the first undecodable byte
}

// Error says which input and byte offset could not be decoded.
func (e *EncodingError) Error() string {
	return fmt.Sprintf("%s: byte offset %d: %v", e.Name, e.Offset, ErrEncoding)
}

// Unwrap returns ErrEncoding.
func (e *EncodingError) Unwrap() error { return ErrEncoding }

// Encoding names what Decode found.
type Encoding string

// The encodings Decode recognises.
const (
	UTF8        Encoding = "utf-8"
	UTF8BOM     Encoding = "utf-8-bom"
	UTF16LE     Encoding = "utf-16le"
	UTF16BE     Encoding = "utf-16be"
	Windows1252 Encoding = "windows-1252"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode turns the bytes of a text input into UTF-8 text. It strips a UTF-8
// byte-order mark, decodes UTF-16 that starts with a byte-order mark (little
// or big endian), and decodes Windows-1252 when the bytes are not UTF-8 but
// read as single-byte text: no NUL or other C0 control bytes besides tab,
// newline, form feed and carriage return, none of the five bytes that
// Windows-1252 leaves undefined, and no valid multi-byte UTF-8 sequence
// (which would mean damaged UTF-8 rather than a single-byte encoding).
// Anything else is an *EncodingError naming the input and the offset of the
// first bad byte.
func Decode(name string, data []byte) (string, Encoding, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
		if off := invalidUTF8(data); off >= 0 {
			return "", UTF8BOM, &EncodingError{Name: name, Offset: off + len(bomUTF8)}
		}
		return string(data), UTF8BOM, nil
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		enc, e := UTF16LE, unicode.LittleEndian
		if data[0] == 0xFE {
			enc, e = UTF16BE, unicode.BigEndian
		}
		if len(data)%2 != 0 {
			return "", enc, &EncodingError{Name: name, Offset: len(data) - 1}
		}
		if off := badUTF16(data[2:], e == unicode.BigEndian); off >= 0 {
			return "", enc, &EncodingError{Name: name, Offset: off + 2}
		}
		out, err := unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder().Bytes(data[2:])
		if err != nil {
			return "", enc, &EncodingError{Name: name, Offset: 2}
		}
		return string(out), enc, nil
	}
	off := invalidUTF8(data)
	if off < 0 {
		return string(data), UTF8, nil
	}
	if looksWindows1252(data) {
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err == nil && utf8.Valid(out) {
			return string(out), Windows1252, nil
		}
	}
	return "", UTF8, &EncodingError{Name: name, Offset: off}
}

// invalidUTF8 returns the offset of the first byte that is not part of a
// valid UTF-8 sequence, or of a NUL byte, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return bytes.IndexByte(b, 0)
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// badUTF16 returns the offset of the first unpaired surrogate or NUL code
// unit, or -1.
func badUTF16(b []byte, big bool) int {
	for i := 0; i+1 < len(b); i += 2 {
		u := uint16(b[i]) | uint16(b[i+1])<<8
		if big {
			u = uint16(b[i])<<8 | uint16(b[i+1])
		}
		switch {
		case u == 0:
			return i
		case u >= 0xD800 && u < 0xDC00:
			if i+3 >= len(b) {
				return i
			}
			v := uint16(b[i+2]) | uint16(b[i+3])<<8
			if big {
				v = uint16(b[i+2])<<8 | uint16(b[i+3])
			}
			if v < 0xDC00 || v > 0xDFFF {
				return i
			}
			i += 2
		case u >= 0xDC00 && u <= 0xDFFF:
			return i
		}
	}
	return -1
}

// looksWindows1252 reports whether b reads as single-byte Windows-1252 text.
func looksWindows1252(b []byte) bool {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f':
			return false
		case c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D:
			return false
		case c >= utf8.RuneSelf:
			if r, n := utf8.DecodeRune(b[i:]); r != utf8.RuneError && n > 1 {
				return false // valid UTF-8 next to invalid bytes: damaged UTF-8
			}
		}
	}
	return true
}
