// Package dict loads TABARI/PETRARCH dictionaries into read-only indexes:
// verbs (synsets, verb blocks, forms, patterns), actors (synonyms, dated
// codes), agents, discards and issues.
//
// Loaders collect every malformed line with its file:line into an
// ErrorList and still return what they could read. Lines that are odd but
// have the reading PETRARCH gives them (a pattern with no code, an
// unreadable date restriction) are Warnings and do not fail a load.
//
//	set, err := dict.Load(dict.PhoenixFiles(dir), false)
//
// Positions (Pos) print as "base:line", the form events cite as rules.
package dict
