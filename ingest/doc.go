// Package ingest reads news into Herald documents: plain text (one article
// or a scraper dump of several), web pages, RSS/Atom feeds, web archives
// (WARC) and JSON Lines, from files, directories or standard input. Readers
// know nothing of NLP: each document comes out with ID, Source, URL, Title,
// Byline, Date and Text (the body only, never the title) filled as far as
// the input tells them.
//
// # Reading
//
// Walk is the entry point of a run:
//
//	sum, err := ingest.Walk(ctx, []string{"news/", "-"}, ingest.Options{Stdin: os.Stdin, Dedup: true},
//		func(d *doc.Doc) error { return process(d) })
//
// Inputs are read in the order given; a directory is walked recursively in
// lexical order, skipping files and directories whose names start with ".";
// "-" reads Options.Stdin. Every input, or part of one (a JSON line, a feed
// item, a WARC record), that yields no document becomes a Failure in the
// Summary, with an error that names the input and the place (file:line,
// file#item, file: offset N, file: byte offset N). An input that yields
// nothing and reports nothing is a Failure too (ErrNoDocument), so nothing
// is dropped silently. Walk itself fails only when emit fails or ctx is
// done.
//
// ReadBytes reads one input held in memory, for callers that fetch their
// own bytes.
//
// # Formats
//
// The format is sniffed from the content (Sniff), the name only breaking
// ties: gzip data is unpacked first (so .warc.gz and .txt.gz work); "WARC/"
// starts an archive; a first line starting with "{" is JSON Lines; markup
// whose root element is rss, feed or RDF is a feed, html (or a doctype
// html, or markup with <html or <body) a web page; other XML is refused
// (ErrXML); anything else is plain text. A text that is a tab-separated
// table (such as an index.tsv beside the articles) is refused with
// ErrTable rather than read as an article.
//
//   - Plain text: see package ingest/text for how a dump is split into
//     articles and how titles, bylines and datelines are found. Text is the
//     body verbatim.
//   - Web pages: ingest/html extracts the main text, title, byline and
//     published date with go-readability.
//   - Feeds: ingest/feed makes each item a document from its own content
//     or description, HTML rendered as text; nothing is fetched.
//   - WARC: ingest/warc makes each successful HTML response a document with
//     the record's WARC-Target-URI as URL and WARC-Date as Date.
//   - JSON Lines: ingest/jsonl; id and text come out exactly as they went
//     in.
//
// # Decoding
//
// Decode turns text inputs (plain text and JSON Lines) into UTF-8: a UTF-8
// byte-order mark is stripped, UTF-16 with a byte-order mark (either
// endianness) is decoded, and bytes that are not UTF-8 but read as
// Windows-1252 text are decoded as such. Anything else (NUL bytes, damaged
// UTF-8 next to valid multi-byte sequences, bytes Windows-1252 leaves
// undefined) is an *EncodingError naming the input and the byte offset of
// the first bad byte. Web pages, feeds and archives carry their own charset
// declarations, which their readers honour.
//
// # Identity
//
// A document's ID is ContentID(title, text): the first 16 hex digits of the
// SHA-256 of the title and text after Unicode NFC and white-space folding,
// so the same article gets the same id wherever it was read. JSON Lines
// records keep their own id. Source is the input name, or name#N for the
// N-th document of an input that holds several (a dump, a feed, an
// archive); JSON Lines records with a "source" field keep it.
//
// # Duplicates
//
// With Options.Dedup, documents whose text is the same as an earlier one's
// (after white-space folding) are merged: not emitted, counted in
// Summary.Duplicates and listed in Summary.Merged. Near duplicates (the same wire story with small
// edits, or sent again longer or shorter) are emitted with
// Doc.DuplicateOf set to the id of the earliest such document, and counted
// in Summary.NearDuplicates. They are found with MinHash over word
// 3-shingles (package ingest/dedup): a document is a near duplicate when
// the estimated Jaccard similarity of its shingles with an earlier
// document's is at least Options.NearThreshold (default 0.5), or when one
// text is at most 80% the length of the other and 90% of its shingles
// occur in the other. On the Reuters-21578 sample, different stories score
// at most 0.10 and repeated stories 0.8 to 1.0.
package ingest
