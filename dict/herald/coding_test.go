package herald_test

import (
	"testing"
	"time"

	"github.com/herald-events/herald/extract/event"
)

// TestCodesNewsSentences codes hand-parsed news sentences (Penn Treebank
// trees in the shape Herald's phrase package gives) with the Herald
// dictionaries and checks the root event code and the actor codes. The
// first six are the Khamenei article of the shared sample dump.
func TestCodesNewsSentences(t *testing.T) {
	c := event.NewCoder(load(t), event.DefaultOptions())
	date := time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, tree            string
		source, target, roots string // roots: acceptable root codes, "|"-separated
	}{
		{"slams Muslim states",
			`(ROOT (S (NP (NNP Sayyed) (NNP Khamenei)) (VP (VBZ slams) (NP (JJ Muslim) (NNS states)) (PP (IN for) (S (RB not) (VP (VBG cutting) (NP (NNS ties)) (PP (IN with) (NP (NNP Israel)))))))))`,
			"IRNGOV", "MOSGOV", "11"},
		{"urges Muslims",
			`(ROOT (S (NP (DT The) (JJ Iranian) (NN leader)) (VP (VBZ urges) (S (NP (DT all) (NNPS Muslims)) (VP (TO to) (VP (VB pressure) (NP (PRP$ their) (NNS governments)) (PP (IN into) (S (VP (VBG taking) (NP (DT a) (JJR stronger) (NN stance)) (PP (IN against) (NP (NNP Israel)))))))))) (. .)))`,
			"IRNGOV", "MOS", "02|10"},
		{"criticized heads of state",
			`(ROOT (S (NP (NP (DT The) (NN leader)) (PP (IN of) (NP (DT the) (NNP Islamic) (NNP Revolution) (NNP Sayyed) (NNP Ali) (NNP Khamenei)))) (VP (VBD criticized) (NP (NP (JJ Muslim) (NNS heads)) (PP (IN of) (NP (NN state)))) (PP (IN for) (S (RB not) (VP (VBG cutting) (NP (PRP$ their) (NNS relations)) (PP (IN with) (NP (DT the) (JJ Israeli) (NN occupation))))))) (. .)))`,
			"IRNGOV", "MOSGOV", "11"},
		{"called on Muslim countries",
			`(ROOT (S (PP (IN At) (NP (NP (DT the) (JJ 40th) (NNP International) (NNP Qur'an) (NNP Competition)) (PP (IN in) (NP (NNP Tehran))))) (, ,) (NP (DT the) (JJ Iranian) (NN leader)) (VP (VBD called) (PP (IN on) (NP (NNP Muslim) (NNS countries))) (S (VP (TO to) (VP (VP (ADVP (RB publicly)) (VB oppose) (NP (NNP Israel))) (, ,) (VP (VB cut) (NP (DT all) (NNS ties)) (PP (IN with) (NP (PRP it)))) (, ,) (CC and) (VP (VB halt) (NP (NP (DT all) (NNS kinds)) (PP (IN of) (NP (NN support))))))))) (. .)))`,
			"IRNGOV", "MOSGOV", "02|10"},
		{"called on them to cut ties",
			`(ROOT (S (NP (DT the) (JJ Iranian) (NN leader)) (VP (VBD called) (PP (IN on) (NP (NNP Muslim) (NNS countries))) (S (VP (TO to) (VP (VB cut) (NP (DT all) (NNS ties)) (PP (IN with) (NP (NNP Israel))))))) (. .)))`,
			"IRNGOV", "MOSGOV", "02|10"},
		{"expressed concern",
			`(ROOT (S (NP (NNP Sayyed) (NNP Khamenei)) (VP (VBD expressed) (NP (NN concern)) (PP (IN over) (NP (NP (NNP Muslim) (NNS countries) (POS ')) (NNS actions)))) (. .)))`,
			"IRNGOV", "MOSGOV", "01"},
		{"report highlighted",
			`(ROOT (S (NP (DT A) (NNP Foreign) (NNP Policy) (NN report)) (VP (VBD highlighted) (SBAR (IN that) (S (NP (EX there)) (VP (VBZ is) (NP (NP (DT an) (JJ unprecedented) (NN level)) (PP (IN of) (NP (NP (NN outrage)) (PP (IN against) (NP (DT the) (NNP United) (NNPS States)))))))))) (. .)))`,
			"USAMED", "USA", "01"},
		{"drone attack",
			`(ROOT (S (NP (NNP Israel)) (VP (VBD launched) (NP (DT a) (NN drone) (NN attack)) (PP (IN on) (NP (NNP Hezbollah) (NNS positions)))) (. .)))`,
			"ISR", "LBNREB", "19"},
		{"recalled ambassador",
			`(ROOT (S (NP (NNP Turkey)) (VP (VBD recalled) (NP (PRP$ its) (NN ambassador)) (PP (IN from) (NP (NNP Israel)))) (. .)))`,
			"TUR", "ISR", "16"},
		{"cut ties",
			`(ROOT (S (NP (NNP Bahrain)) (VP (VBD cut) (NP (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Iran)))) (. .)))`,
			"BHR", "IRN", "16"},
		{"imposed sanctions",
			`(ROOT (S (NP (DT The) (NNP United) (NNPS States)) (VP (VBD imposed) (NP (JJ new) (NNS sanctions)) (PP (IN on) (NP (NNP Russia)))) (. .)))`,
			"USA", "RUS", "16"},
		{"agreed to impose sanctions",
			`(ROOT (S (NP (NNP European) (NNP Union) (JJ foreign) (NNS ministers)) (VP (VBD agreed) (PP (IN on) (NP (NNP Tuesday))) (S (VP (TO to) (VP (VB impose) (NP (JJ new) (NNS sanctions)) (PP (IN on) (NP (NNP Russia))))))) (. .)))`,
			"IGOEUREECGOV", "RUS", "16"},
		{"detained",
			`(ROOT (S (NP (JJ Israeli) (NNS forces)) (VP (VBD detained) (NP (CD 20) (NNPS Palestinians)) (PP (IN in) (NP (DT the) (NNP West) (NNP Bank)))) (. .)))`,
			"ISRMIL", "PSE", "17"},
		{"accused of war crimes",
			`(ROOT (S (NP (NNP Hamas)) (VP (VBD accused) (NP (NNP Israel)) (PP (IN of) (NP (NNS war) (NNS crimes)))) (. .)))`,
			"PSEREB", "ISR", "11"},
		{"rallied outside embassy",
			`(ROOT (S (NP (NNS Protesters)) (VP (VBD rallied) (PP (IN outside) (NP (DT the) (NNP Israeli) (NN embassy))) (PP (IN in) (NP (NNP Amman)))) (. .)))`,
			"---OPP", "ISRGOV", "14"},
		{"vowed revenge",
			`(ROOT (S (NP (NNP Iran)) (VP (VBD vowed) (NP (JJ harsh) (NN revenge)) (PP (IN against) (NP (NNP Israel)))) (. .)))`,
			"IRN", "ISR", "13"},
		{"fired missiles",
			`(ROOT (S (NP (DT The) (NNP Houthis)) (VP (VBD fired) (NP (NNS missiles)) (PP (IN at) (NP (DT a) (JJ British) (NN ship)))) (. .)))`,
			"YEMREB", "GBR", "19"},
		{"called for ceasefire",
			`(ROOT (S (NP (NNP Saudi) (NNP Arabia)) (VP (VBD called) (PP (IN for) (NP (DT an) (JJ immediate) (NN ceasefire))) (PP (IN in) (NP (NNP Gaza)))) (. .)))`,
			"SAU", "PSE", "02"},
		{"met",
			`(ROOT (S (NP (NNP Macron)) (VP (VBD met) (NP (NNP Zelensky)) (PP (IN in) (NP (NNP Paris)))) (. .)))`,
			"FRAGOV", "UKRGOV", "04"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs, err := c.Code(tc.tree, date)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) == 0 {
				t.Fatalf("no event coded")
			}
			e := evs[0]
			ok := false
			for _, r := range splitBar(tc.roots) {
				if len(e.Code) >= 2 && e.Code[:2] == r {
					ok = true
				}
			}
			if !ok || e.Source != tc.source || e.Target != tc.target {
				t.Errorf("got %s>%s %s (rule %s %q), want %s>%s root %s", e.Source, e.Target, e.Code, e.Rule, e.Pattern, tc.source, tc.target, tc.roots)
			}
		})
	}
}

func splitBar(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '|' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}
