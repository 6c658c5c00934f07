// Command gendict writes Herald's country actor dictionary
// (dict/herald/herald.countries.actors.txt) from Debian's iso-codes JSON
// (ISO 3166-1 names, official and common names, alpha-3 codes) and the table
// countries.tsv kept beside it (aliases, demonyms, seats of government).
//
// Usage:
//
//	gendict [-iso /usr/share/iso-codes/json/iso_3166-1.json] [-table countries.tsv] [-o out.txt]
//
// It is run by "go generate ./dict/herald" (apt-get install iso-codes
// first). The output is deterministic: the same inputs give the same bytes,
// so the committed file can be checked against a fresh run.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	iso := flag.String("iso", "/usr/share/iso-codes/json/iso_3166-1.json", "iso-codes ISO 3166-1 JSON file")
	table := flag.String("table", "countries.tsv", "Herald country table (TSV)")
	out := flag.String("o", "-", "output file, - for standard output")
	flag.Parse()
	if err := run(*iso, *table, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func run(isoPath, tablePath, outPath string) error {
	isoData, err := os.ReadFile(isoPath)
	if err != nil {
		return err
	}
	countries, err := parseISO(isoData)
	if err != nil {
		return fmt.Errorf("%s: %w", isoPath, err)
	}
	tf, err := os.Open(tablePath)
	if err != nil {
		return err
	}
	defer tf.Close()
	rows, err := parseTable(tablePath, tf)
	if err != nil {
		return err
	}
	var w io.Writer = os.Stdout
	if outPath != "-" {
		f, err := os.Create(outPath)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	text, err := generate(countries, rows)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, text)
	return err
}
