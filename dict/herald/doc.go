// Package herald holds Herald's own event-coding dictionaries, embedded in
// the binary and used by default by "herald run".
//
// The files are plain text in the TABARI/PETRARCH formats (see
// docs/dictionary-formats.md in the shared docs), so the field's users can
// read, edit and extend them:
//
//	herald.countries.actors.txt  every ISO 3166 country: names, aliases,
//	                             demonyms, seats of government (generated)
//	herald.actors.txt            regions and groupings, IGOs, armed groups,
//	                             religious and ethnic groups, institutions,
//	                             news organisations
//	herald.leaders.actors.txt    heads of state and government, foreign and
//	                             defence ministers, with dated codes
//	herald.agents.txt            roles (government, military, police,
//	                             rebels, protesters, media, ...) as ~CODE
//	herald.verbs.txt             synsets, verb blocks and PETRARCH-1
//	                             patterns for all 20 CAMEO roots
//	herald.discards.txt          sport, entertainment, weather and market
//	                             stories that produce false events
//
// FS returns them as an fs.FS; ActorFiles lists the actor files in load
// order. Set parses them all into a dict.Set ready for the event coder:
//
//	set, err := herald.Set()
//	coder := event.NewCoder(set, event.DefaultOptions())
//
// Loading takes about 15-30 ms and 4.5 MB (BenchmarkLoad).
//
// The country file is generated from Debian's iso-codes JSON and the table
// tools/gendict/countries.tsv; after editing the table run
//
//	apt-get install iso-codes
//	go generate ./dict/herald
//
// Editing: every actor phrase ends in "_" (a word boundary); verbs list all
// their inflected forms in braces and agents their plurals, so nothing
// depends on a plural or tense generator; the coder tries a block's
// patterns in file order, so a specific pattern ("* &AIRSTRIKE ON +") comes
// before the general one ("* &AIRSTRIKE"). "go test ./dict/herald" checks
// that every line loads and every code is well formed; "herald dict stats"
// counts the entries and "herald dict unknown CORPUS..." lists the noun
// phrases in source or target position that no actor codes and the verbs
// that no verb entry lists, with example sentences.
//
// NOTICE says what comes from iso-codes (LGPL-2.1, facts only) and that the
// rest is written by Herald (CC BY 4.0).
package herald
