package eval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/extract/event"
	"github.com/herald-events/herald/ptb"
)

// PetrarchFile is a PETRARCH validation file: the dictionaries named by its
// <Environment> and its <Config> and <Sentence> elements in file order.
type PetrarchFile struct {
	Env   PetrarchEnv
	Items []PetrarchItem
}

// PetrarchEnv names the dictionary files, relative to the validation file.
type PetrarchEnv struct {
	Verbs, Actors, Agents, Discards string
	// Include lists the categories to evaluate (<Include>); empty means
	// all. The word "valid" in it restricts the run to valid records,
	// which is always the case here.
	Include []string
}

// Includes reports whether records of category cat are evaluated.
func (e PetrarchEnv) Includes(cat string) bool {
	if len(e.Include) == 0 {
		return true
	}
	for _, c := range e.Include {
		if c == cat {
			return true
		}
	}
	return false
}

// Files returns the dictionary files of e resolved against dir.
func (e PetrarchEnv) Files(dir string) dict.Files {
	j := func(s string) string {
		if s == "" || filepath.IsAbs(s) {
			return s
		}
		return filepath.Join(dir, s)
	}
	f := dict.Files{Verbs: j(e.Verbs), Agents: j(e.Agents), Discards: j(e.Discards)}
	// Several actor files may be listed, separated by commas.
	for _, a := range strings.Split(e.Actors, ",") {
		if a = strings.TrimSpace(a); a != "" {
			f.Actors = append(f.Actors, j(a))
		}
	}
	return f
}

// PetrarchItem is either a <Config> option (Option set) or a record.
type PetrarchItem struct {
	Option, Value string
	Record        *PetrarchRecord
}

// PetrarchRecord is one <Sentence> of a validation file.
type PetrarchRecord struct {
	ID, Category string
	Source       string // source= attribute (news agency) of input files
	Date         time.Time
	Valid        bool // valid="true" (or sentence="true"): evaluated
	Expect       []Triple
	NoEvents     bool   // noevents="True" or an error expectation
	ErrorCode    string // error= or errorcode= expectation, if any
	Text, Parse  string
	Line         int // line of the <Sentence> element
}

// Triple is one event as (source, target, code).
type Triple struct{ Source, Target, Code string }

func (t Triple) String() string { return t.Source + " " + t.Target + " " + t.Code }

// ReadPetrarch reads a PETRARCH validation (or <Sentences> input) file.
func ReadPetrarch(r io.Reader) (*PetrarchFile, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	dec.Strict = false
	f := &PetrarchFile{}
	var rec *PetrarchRecord
	var field *string
	var envField *string
	var text strings.Builder
	inEnv := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, fmt.Errorf("eval: petrarch file line %d: %w", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := func(n string) string {
				for _, a := range t.Attr {
					if strings.EqualFold(a.Name.Local, n) {
						return strings.TrimSpace(a.Value)
					}
				}
				return ""
			}
			switch t.Name.Local {
			case "Environment":
				inEnv = true
			case "Include":
				if inEnv {
					var inc string
					if err := dec.DecodeElement(&inc, &t); err != nil {
						return nil, fmt.Errorf("eval: petrarch file: <Include>: %w", err)
					}
					for _, c := range strings.Fields(inc) {
						if c != "valid" {
							f.Env.Include = append(f.Env.Include, c)
						}
					}
				}
			case "Verbfile", "Actorfile", "Agentfile", "Discardfile":
				if inEnv {
					switch t.Name.Local {
					case "Verbfile":
						envField = &f.Env.Verbs
					case "Actorfile":
						envField = &f.Env.Actors
					case "Agentfile":
						envField = &f.Env.Agents
					case "Discardfile":
						envField = &f.Env.Discards
					}
					text.Reset()
				}
			case "Config":
				if !inEnv {
					f.Items = append(f.Items, PetrarchItem{Option: attr("option"), Value: attr("value")})
				}
			case "Sentence":
				line, _ := dec.InputPos()
				rec = &PetrarchRecord{ID: attr("id"), Category: attr("category"), Source: attr("source"), Line: line}
				v := attr("valid")
				if v == "" {
					v = attr("sentence")
				}
				rec.Valid = strings.EqualFold(v, "true")
				d := attr("date")
				if rec.Date, err = parseDate(d); err != nil {
					return nil, fmt.Errorf("eval: petrarch file line %d: record %s: %w", line, rec.ID, err)
				}
			case "EventCoding":
				if rec == nil {
					continue
				}
				if strings.EqualFold(attr("noevents"), "true") {
					rec.NoEvents = true
				}
				if e := attr("error"); e != "" {
					rec.ErrorCode, rec.NoEvents = e, true
				}
				if e := attr("errorcode"); e != "" {
					rec.ErrorCode, rec.NoEvents = e, true
				}
				if c := attr("eventcode"); c != "" {
					rec.Expect = append(rec.Expect, Triple{attr("sourcecode"), attr("targetcode"), c})
				}
			case "Text":
				if rec != nil {
					field = &rec.Text
					text.Reset()
				}
			case "Parse":
				if rec != nil {
					field = &rec.Parse
					text.Reset()
				}
			}
		case xml.CharData:
			if field != nil || envField != nil {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "Environment":
				inEnv = false
			case "Verbfile", "Actorfile", "Agentfile", "Discardfile":
				if envField != nil {
					*envField = strings.TrimSpace(text.String())
					envField = nil
				}
			case "Text", "Parse":
				if field != nil {
					*field = strings.TrimSpace(text.String())
					field = nil
				}
			case "Sentence":
				if rec != nil {
					f.Items = append(f.Items, PetrarchItem{Record: rec})
					rec = nil
				}
			}
		}
	}
	return f, nil
}

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if len(s) == 6 {
		y, _ := strconv.Atoi(s[:2])
		if y < 30 {
			s = "20" + s
		} else {
			s = "19" + s
		}
	}
	t, err := time.Parse("20060102", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want YYYYMMDD", s)
	}
	return t, nil
}

// ApplyOption sets one <Config> option on o. Unknown options are ignored
// (stop_on_error and the like concern the run, not the coding).
func ApplyOption(o *event.Options, option, value string) error {
	num := func() (int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil {
			return 0, fmt.Errorf("option %s: value %q is not a number", option, value)
		}
		return n, nil
	}
	var err error
	switch strings.ToLower(option) {
	case "require_dyad":
		o.RequireDyad = strings.EqualFold(value, "true")
	case "new_actor_length":
		o.NewActorLength, err = num()
	case "comma_min":
		o.CommaMin, err = num()
	case "comma_max":
		o.CommaMax, err = num()
	case "comma_bmin":
		o.CommaBMin, err = num()
	case "comma_bmax":
		o.CommaBMax, err = num()
	case "comma_emin":
		o.CommaEMin, err = num()
	case "comma_emax":
		o.CommaEMax, err = num()
	}
	return err
}

// PetrarchResult is the outcome of one evaluated record.
type PetrarchResult struct {
	Record *PetrarchRecord
	Got    []event.Coded
	Err    error // coding error (discard, bad parse)
	Pass   bool
}

// PetrarchReport is the outcome of a validation run.
type PetrarchReport struct {
	Results []PetrarchResult
}

// Passed returns the number of passing records.
func (r *PetrarchReport) Passed() int {
	n := 0
	for _, x := range r.Results {
		if x.Pass {
			n++
		}
	}
	return n
}

// ByCategory returns passed and total counts per category, categories
// sorted.
func (r *PetrarchReport) ByCategory() (cats []string, passed, total map[string]int) {
	passed, total = map[string]int{}, map[string]int{}
	for _, x := range r.Results {
		c := x.Record.Category
		if _, ok := total[c]; !ok {
			cats = append(cats, c)
		}
		total[c]++
		if x.Pass {
			passed[c]++
		}
	}
	sort.Strings(cats)
	return cats, passed, total
}

// RunPetrarch codes every valid record of f whose category the
// <Include> list names with c, applying the <Config>
// options in file order (each stays in force until changed), and compares
// the coded events with the expected ones as sets of triples. A record
// expecting no events (noevents or an error) passes when none is coded.
func RunPetrarch(f *PetrarchFile, c *event.Coder) (*PetrarchReport, error) {
	return RunPetrarchTrees(f, c, nil)
}

// TreeSource gives the parse tree to code for a record, in place of the
// record's own <Parse>.
type TreeSource func(rec *PetrarchRecord) (*ptb.Tree, error)

// RunPetrarchTrees is RunPetrarch with the trees taken from trees instead
// of the records' <Parse> elements (nil: the records' own trees). It is how
// Herald's own analysis of each record's <Text> is scored.
func RunPetrarchTrees(f *PetrarchFile, c *event.Coder, trees TreeSource) (*PetrarchReport, error) {
	opt := c.Options()
	cur := c
	rep := &PetrarchReport{}
	for _, it := range f.Items {
		if it.Record == nil {
			if err := ApplyOption(&opt, it.Option, it.Value); err != nil {
				return nil, err
			}
			cur = c.WithOptions(opt)
			continue
		}
		rec := it.Record
		if !rec.Valid || !f.Env.Includes(rec.Category) {
			continue
		}
		var got []event.Coded
		var err error
		if trees == nil {
			got, err = cur.Code(rec.Parse, rec.Date)
		} else {
			var t *ptb.Tree
			if t, err = trees(rec); err == nil {
				got, err = cur.CodeTree(t, rec.Date)
			}
		}
		res := PetrarchResult{Record: rec, Got: got, Err: err}
		if err != nil && !isCodingRefusal(err) {
			res.Err = err
		}
		res.Pass = Same(rec.Expect, got)
		rep.Results = append(rep.Results, res)
	}
	return rep, nil
}

func isCodingRefusal(err error) bool {
	return errors.Is(err, event.ErrSentenceDiscard) || errors.Is(err, event.ErrStoryDiscard) ||
		errors.Is(err, event.ErrBadParse) || errors.Is(err, event.ErrDateline)
}

// Same reports whether the coded events equal the expected ones as sets of
// (source, target, code).
func Same(want []Triple, got []event.Coded) bool {
	w := map[Triple]bool{}
	for _, t := range want {
		w[t] = true
	}
	g := map[Triple]bool{}
	for _, e := range got {
		g[Triple{e.Source, e.Target, e.Code}] = true
	}
	if len(w) != len(g) {
		return false
	}
	for t := range w {
		if !g[t] {
			return false
		}
	}
	return true
}
