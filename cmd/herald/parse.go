package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/herald-events/herald/conllu"
	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/nlp/lemma"
	"github.com/herald-events/herald/nlp/parse"
	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tag"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
)

const parseSynopsis = `parse [--model FILE] [FILE...]
       herald parse --conllu-in FILE [--model FILE]

Tokenizes, splits, tags, lemmatizes and parses raw text (the files, or
standard input) and writes CoNLL-U: ID FORM LEMMA UPOS XPOS _ HEAD DEPREL _
MISC. With --conllu-in, keeps the words of a CoNLL-U file and replaces its
predicted columns.`

func runParse(args []string, st streams) error {
	fs := newFlags("parse", parseSynopsis, st)
	in := fs.String("conllu-in", "", "read the words of this CoNLL-U `FILE` instead of raw text")
	model := fs.String("model", "", "parser model `FILE` (default: the embedded model)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p, err := loadParser(*model)
	if err != nil {
		return err
	}
	tg, err := tag.New()
	if err != nil {
		return err
	}
	lm, err := lemma.New()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(st.out)
	defer w.Flush()
	if *in != "" {
		if fs.NArg() > 0 {
			fs.Usage()
			return errUsage
		}
		return parseConllu(*in, p, tg, lm, w)
	}
	pl, err := pipeline.New(tokenize.New(), segment.New(), tg.Stage(), lm.Stage(), p.Stage())
	if err != nil {
		return err
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	for _, name := range inputs {
		var text []byte
		if name == "-" {
			text, err = io.ReadAll(st.in)
		} else {
			text, err = os.ReadFile(name)
		}
		if err != nil {
			return err
		}
		id := name
		if name == "-" {
			id = "stdin"
		}
		d := &doc.Doc{ID: id, Source: name, Text: string(text)}
		if err := pl.Process(context.Background(), d); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := writeDocConllu(w, d); err != nil {
			return err
		}
	}
	return w.Flush()
}

// loadParser loads the parser model at path with the supertagger it was
// trained with, supertagger.bin.gz in the same directory (as herald train
// parse writes them); the embedded model when path is empty.
func loadParser(path string) (*parse.Parser, error) {
	if path == "" {
		return parse.New()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	stPath := filepath.Join(filepath.Dir(path), "supertagger.bin.gz")
	sf, err := os.Open(stPath)
	if err != nil {
		return nil, fmt.Errorf("%s: the parser needs the supertagger it was trained with: %w", path, err)
	}
	defer sf.Close()
	p, err := parse.LoadWithSupertagger(f, sf)
	if err != nil {
		return nil, fmt.Errorf("%s (with %s): %w", path, stPath, err)
	}
	return p, nil
}

// writeDocConllu writes every sentence of d as CoNLL-U.
func writeDocConllu(w io.Writer, d *doc.Doc) error {
	for si, sp := range d.Sents {
		s := conllu.Sentence{Comments: []string{
			"sent_id = " + d.ID + "-" + strconv.Itoa(si+1),
			"text = " + d.SpanText(sp),
		}}
		for i := sp.Start; i < sp.End; i++ {
			t := d.Tokens[i]
			head := 0
			if t.Head >= 0 {
				head = int(t.Head-sp.Start) + 1
			}
			misc := ""
			if !t.SpaceAfter && i+1 < sp.End {
				misc = "SpaceAfter=No"
			}
			s.Words = append(s.Words, conllu.Word{ID: int(i-sp.Start) + 1, Form: d.TokenText(int(i)), Lemma: t.Lemma,
				UPOS: t.UPOS, XPOS: t.Tag, Head: head, Deprel: t.Dep, Misc: misc})
		}
		if err := conllu.Write(w, s); err != nil {
			return err
		}
	}
	return nil
}

// parseConllu re-annotates the words of a CoNLL-U file.
func parseConllu(path string, p *parse.Parser, tg *tag.Tagger, lm *lemma.Lemmatizer, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var words, xpos, upos, rels []string
	var heads []int
	return conllu.Scan(f, path, func(s conllu.Sentence) error {
		n := len(s.Words)
		words = words[:0]
		for _, wd := range s.Words {
			words = append(words, wd.Form)
		}
		xpos = append(xpos[:0], make([]string, n)...)
		upos = append(upos[:0], make([]string, n)...)
		rels = append(rels[:0], make([]string, n)...)
		heads = append(heads[:0], make([]int, n)...)
		tg.Tag(words, xpos, upos)
		p.Parse(words, xpos, upos, heads, rels)
		for i := range s.Words {
			wd := &s.Words[i]
			wd.Lemma = lm.Lemma(wd.Form, xpos[i])
			wd.UPOS, wd.XPOS, wd.Feats = upos[i], xpos[i], ""
			wd.Head, wd.Deprel, wd.Deps = heads[i]+1, rels[i], ""
		}
		return conllu.Write(w, s)
	})
}
