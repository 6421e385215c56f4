package quote

import (
	"math/rand/v2"
	"os"
	"testing"
	"unicode"
	"unicode/utf8"

	"storyline/internal/text"
)

// refNpTokOK is npTokOK without its path for words: every token the
// plain way.
func (d *doc) refNpTokOK(i int) bool {
	t := d.toks[i].Text
	lt := d.lower(i)
	switch {
	case t == "-":
		return i > 0 && d.toks[i-1].End == d.toks[i].Start
	case t == "'s" || t == "’s" || t == "’" || lt == "of" || lt == "the" || t == "&":
		return true
	case t == "%":
		return i > 0 && d.toks[i-1].End == d.toks[i].Start
	case lt == "percent":
		return true
	case d.tokReg[i] >= 0:
		return false
	case d.xf[i]&sCap != 0:
		return true
	case d.flags[i]&(fDet|fPron) != 0:
		return true
	case d.xf[i]&sLower != 0:
		if d.flags[i]&fStop != 0 {
			return d.degreeWord(i)
		}
		return d.flags[i]&fVerb == 0 && (d.xf[i]&sLy == 0 || d.xf[i]&xLyAdj != 0) && d.cueBelow(i, cueRate)
	default:
		r, _ := utf8.DecodeRuneInString(t)
		return unicode.IsDigit(r)
	}
}

func checkNpTokOK(t *testing.T, d *doc) {
	t.Helper()
	for i := range d.toks {
		if got, want := d.npTokOK(i), d.refNpTokOK(i); got != want {
			t.Fatalf("token %d %q: npTokOK %v, want %v", i, d.toks[i].Text, got, want)
		}
	}
}

// npTokOK against refNpTokOK on the bench text and on random tokens:
// words in any case, marks, the words it names, quoted stretches.
func TestS17cNpTokOK(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkNpTokOK(t, newDoc(string(raw), text.Split(string(raw)), new(buffers)))
	pieces := []string{"-", "'s", "’s", "’S", "'S", "’", "&", "%", "of", "Of", "OF", "the", "The", "THE", "percent", "Percent",
		"said", "Said", "he", "He", "a", "An", "quickly", "early", "Early", "made", "and", "Obama", "élan", "Élan", "42", "٣", "“", "”", "\"",
		",", ".", "(", ")", "who", "Mr.", "x", "most", "More", "more", "than", "fewer", "recent", "forty"}
	gaps := []string{"", " ", " ", "\n", " — "}
	rng := rand.New(rand.NewPCG(17, 3))
	for range 2000 {
		txt, toks := randomTokens(rng, pieces, gaps, 40)
		for k := range toks {
			if rng.IntN(6) == 0 {
				toks[k].Text = txt[toks[k].Start:toks[k].End]
			}
		}
		checkNpTokOK(t, newDoc(txt, text.Split(txt), new(buffers)))
		checkNpTokOK(t, newDoc(txt, []text.Sentence{{Start: 0, End: len(txt), Tokens: toks}}, new(buffers)))
	}
}

// refCueScore1 is cueScore1 as it was written first, comparing the
// word with "according" (without the memo).
func (d *doc) refCueScore1(i int) float64 {
	w := d.lower(i)
	x, fl := d.xf[i], d.flags[i]
	v := 0.0
	if x&sWord != 0 && (x&sLower != 0 || w == "according") && fl&fAux == 0 && !(x&sLy != 0 && fl&fSpeech == 0) {
		if fl&fSpeech != 0 {
			v = 1
		} else if id := d.wid[i]; id >= 0 {
			if k := d.tbl.ents[id].lex; k >= 0 {
				e := &d.tbl.lexes[k]
				v = max(e.word, 0)
				if e.clsHas != 0 && e.top >= nearQuoteRate {
					next := classEnd
					if i+1 < len(d.toks) {
						next = d.classOfTok(i + 1)
					}
					if e.clsHas&(1<<next) != 0 {
						v = d.tbl.rates[int(e.clsOff)+next]
					}
				}
				if v > 0 && d.tbl.ents[id].y&yNaming != 0 && d.namingRelative(i) {
					v = 0
				}
			}
		}
		if w == "according" && (i+1 >= len(d.toks) || d.lower(i+1) != "to") {
			v = 0
		}
	}
	if v == 0 && fl&fHeadline != 0 && x&sCap != 0 && i > 0 && !d.breakBefore(i) {
		v = 1
	}
	return v
}

// The words npTokOK and cueScore1 tell by their entries and bits: wid
// is the entry of "of", "the" or "percent" exactly when the word is
// that, xCueAny is set exactly for "according"; and cueScore1 against
// refCueScore1.
func TestS17cWordIDs(t *testing.T) {
	tbl := loadWordTable()
	if tbl.idOf < 0 || tbl.idThe < 0 || tbl.idPercent < 0 {
		t.Fatalf("ids %d %d %d: a word is not in the table", tbl.idOf, tbl.idThe, tbl.idPercent)
	}
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	pieces := []string{"of", "Of", "OF", "the", "The", "percent", "Percent", "according", "According", "ACCORDING", "to", "To",
		"said", "Says", "says", "told", "he", "called", "a", "group", ",", ".", "“", "”", "accordingly", "ofthe", "é"}
	gaps := []string{"", " ", " ", "\n"}
	rng := rand.New(rand.NewPCG(17, 11))
	docs := []string{string(raw)}
	for range 1500 {
		txt, _ := randomTokens(rng, pieces, gaps, 30)
		docs = append(docs, txt)
	}
	for _, txt := range docs {
		d := newDoc(txt, text.Split(txt), new(buffers))
		for i := range d.toks {
			w, id := d.lower(i), d.wid[i]
			if (id == tbl.idOf) != (w == "of") || (id == tbl.idThe) != (w == "the") || (id == tbl.idPercent) != (w == "percent") {
				t.Fatalf("token %q (%q): wid %d", d.toks[i].Text, w, id)
			}
			if (d.xf[i]&xCueAny != 0) != (w == "according") {
				t.Fatalf("token %q (%q): xCueAny %v", d.toks[i].Text, w, d.xf[i]&xCueAny != 0)
			}
			if got, want := d.cueScore1(i), d.refCueScore1(i); got != want {
				t.Fatalf("token %d %q in %q: cueScore1 %v, want %v", i, d.toks[i].Text, txt, got, want)
			}
		}
	}
}
