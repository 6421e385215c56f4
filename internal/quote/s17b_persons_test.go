package quote

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"storyline"
	"storyline/internal/text"
)

// buildPersonsRef is buildPersons as it was before the titles, role
// nouns and modifiers were left to describePersons: every run's
// premodifiers and appositive read as the run is found (its loop body
// as it was). The reference buildPersons followed by describePersons
// must agree with.
func (d *doc) buildPersonsRef(mentions []storyline.Mention) []*person {
	var persons []*person
	add := func(name string, pos int, lastLow string) *person {
		name = strings.TrimSpace(name)
		if name == "" {
			return nil
		}
		single := !hasBlank(name)
		var last string
		if lastLow != "" {
			last = surnameKey(lastLow)
		} else {
			last = surnameKey(strings.ToLower(lastWord(name)))
		}
		if last == "" {
			return nil
		}
		for _, p := range persons {
			if p.last != last {
				continue
			}
			if strings.HasSuffix(p.name, name) || strings.HasSuffix(name, p.name) || !hasBlank(p.name) || single {
				if len(name) > len(p.name) {
					p.name = name
					p.multi = multiField(name)
				}
				p.pos = append(p.pos, pos)
				return p
			}
		}
		p := &person{name: name, last: last, pos: []int{pos}, multi: multiField(name)}
		persons = append(persons, p)
		return p
	}
	for _, m := range mentions {
		if m.Kind == storyline.Person && m.Span.Valid(len(d.text)) {
			add(d.text[m.Span.Start:m.Span.End], m.Span.Start, "")
		}
	}
	n := len(d.toks)
	for i := 0; i < n; i++ {
		if !d.isName(i) {
			continue
		}
		if d.tokReg[i] >= 0 {
			continue
		}
		if d.flags[i]&fSpeech != 0 && (i == 0 || d.tokSent[i-1] != d.tokSent[i]) && i+1 < n && d.isName(i+1) {
			continue
		}
		j := i
		for j < n && j-i < 4 && d.isName(j) && d.tokReg[j] < 0 && d.tokSent[j] == d.tokSent[i] && !d.isMod(j) && !d.hasDoubleDash(j) {
			if j > i && d.toks[j-1].End == d.toks[j].Start && !strings.HasSuffix(d.toks[j-1].Text, ".") {
				break
			}
			j++
		}
		if j == i {
			continue
		}
		// premodifiers: titles, role nouns, modifiers before the run
		var roles, mods []string
		titled := false
		for k := i - 1; k >= 0 && k >= i-6 && d.tokSent[k] == d.tokSent[i] && d.tokReg[k] < 0; k-- {
			w := d.toks[k].Text
			lw := d.normTok(k)
			if w == "'s" || w == "’s" {
				continue
			}
			if r, ok := d.roleOf(k, lw); ok {
				if r != "" {
					roles = append(roles, r)
				} else {
					mods = append(mods, qualifierKey(lw))
				}
				titled = true
				continue
			}
			if d.xf[k]&xTitleWord != 0 {
				titled = true
				continue
			}
			if d.xf[k]&sCap != 0 && !(d.xf[k]&xDetCap != 0 && determinerCap[w]) || d.contentWord(k) {
				if lw != "" {
					mods = append(mods, d.modKey(k, lw))
				}
				continue
			}
			break
		}
		// "The head of the port authority, Jan Meyer,": a description
		// set before the name by a comma.
		if i >= 2 && d.toks[i-1].Text == "," {
			var r2, m2 []string
			hasRole := false
			for k := i - 2; k >= 0 && k >= i-10 && d.tokSent[k] == d.tokSent[i] && d.tokReg[k] < 0; k-- {
				lw := d.normTok(k)
				if r, ok := d.roleOf(k, lw); ok {
					hasRole = true
					if r != "" {
						r2 = append(r2, r)
					} else {
						m2 = append(m2, qualifierKey(lw))
					}
					continue
				}
				if d.flags[k]&fDet != 0 || lw == "of" || lw == "the" || d.toks[k].Text == "'s" || d.toks[k].Text == "’s" {
					if d.flags[k]&fDet != 0 && lw != "of" && !(k > 0 && d.lower(k-1) == "of") {
						break
					}
					continue
				}
				if d.xf[k]&sCap != 0 || d.contentWord(k) {
					m2 = append(m2, d.modKey(k, lw))
					continue
				}
				hasRole = false
				break
			}
			if hasRole {
				roles = append(roles, r2...)
				mods = append(mods, m2...)
			}
		}
		words := j - i
		ok := words >= 2 || titled
		if words == 1 && (d.isMod(i) || d.breakBefore(i) && !titled) {
			ok = false
		}
		if ok {
			name := d.text[d.toks[i].Start:d.toks[j-1].End]
			if p := add(name, d.toks[i].Start, d.lower(j-1)); p != nil {
				if i > 0 {
					switch strings.TrimSuffix(d.lower(i-1), ".") {
					case "mr":
						p.gender = 'm'
					case "ms", "mrs", "miss":
						p.gender = 'f'
					}
				}
				for _, r := range roles {
					p.addRole(r)
				}
				for _, m := range mods {
					p.addMod(m)
				}
				// appositive: "Name, the alliance's chief," / "Name, a spokesman for X,"
				if j+1 < n && d.toks[j].Text == "," {
					for k := j + 1; k < n && k < j+8 && d.toks[k].Text != "," && d.toks[k].Text != "." && d.tokReg[k] < 0; k++ {
						lw := d.normTok(k)
						if r, ok := d.roleOf(k, lw); ok && r != "" {
							p.addRole(r)
						} else if ok {
							p.addMod(qualifierKey(lw))
						} else if d.xf[k]&sCap != 0 && !(d.xf[k]&xDetCap != 0 && determinerCap[d.toks[k].Text]) || d.contentWord(k) {
							p.addMod(d.modKey(k, d.normTok(k)))
						}
					}
				}
			}
		}
		i = j - 1
	}
	for _, p := range persons {
		sort.Ints(p.pos)
	}
	return persons
}

// checkPersons compares buildPersons and describePersons with
// buildPersonsRef on txt, with and without mentions of persons (each
// pair of neighbouring capitalised tokens).
func checkPersons(t *testing.T, txt string) {
	t.Helper()
	sents := text.Split(txt)
	var mentions []storyline.Mention
	for _, s := range sents {
		for k := 1; k < len(s.Tokens); k++ {
			a, b := s.Tokens[k-1], s.Tokens[k]
			if isCap(a.Text) && isCap(b.Text) && len(mentions) < 40 {
				mentions = append(mentions, storyline.Mention{Kind: storyline.Person, Span: storyline.Span{Start: a.Start, End: b.End}})
			}
		}
	}
	for _, ms := range [][]storyline.Mention{nil, mentions} {
		want := newDoc(txt, sents, new(buffers)).buildPersonsRef(ms)
		d := newDoc(txt, sents, new(buffers))
		rs := d.buildPersons(ms)
		for _, describe := range []bool{false, true} {
			if describe {
				rs.describePersons(d)
				rs.describePersons(d) // (once only: a second call adds nothing)
			}
			if len(rs.persons) != len(want) {
				t.Fatalf("%d persons, want %d in %q", len(rs.persons), len(want), txt)
			}
			for k, p := range rs.persons {
				w := want[k]
				if p.name != w.name || p.last != w.last || p.gender != w.gender || p.multi != w.multi || !slices.Equal(p.pos, w.pos) {
					t.Fatalf("person %d %+v, want %+v in %q", k, *p, *w, txt)
				}
				if describe && (!slices.Equal(p.roles, w.roles) || !slices.Equal(p.mods, w.mods)) {
					t.Fatalf("person %d roles %q mods %q, want %q %q in %q", k, p.roles, p.mods, w.roles, w.mods, txt)
				}
				if !describe && (len(p.roles) != 0 || len(p.mods) != 0) {
					t.Fatalf("person %d described before describePersons", k)
				}
			}
		}
		// titledBefore against the reference's premodifier loop, on
		// every name token
		for i := range d.toks {
			if d.isName(i) {
				if got, want := d.titledBefore(i), titledRef(d, i); got != want {
					t.Fatalf("titledBefore(%d) = %v in %q", i, got, txt)
				}
			}
		}
	}
}

// titledRef is the titled flag of buildPersonsRef's premodifier loop.
func titledRef(d *doc, i int) bool {
	titled := false
	for k := i - 1; k >= 0 && k >= i-6 && d.tokSent[k] == d.tokSent[i] && d.tokReg[k] < 0; k-- {
		w := d.toks[k].Text
		lw := d.normTok(k)
		if w == "'s" || w == "’s" {
			continue
		}
		if _, ok := d.roleOf(k, lw); ok || d.xf[k]&xTitleWord != 0 {
			titled = true
			continue
		}
		if d.xf[k]&sCap != 0 && !(d.xf[k]&xDetCap != 0 && determinerCap[w]) || d.contentWord(k) {
			continue
		}
		break
	}
	return titled
}

// TestPersonsDescribedLater checks buildPersons, titledBefore and
// describePersons against buildPersonsRef on reports of our own, the
// words of the word table after titles, random sequences of names,
// titles, roles and marks, and (when ../shared is present) the PolNeAR
// dev reports.
func TestPersonsDescribedLater(t *testing.T) {
	raw, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := append([]string{string(raw)}, fastPathTexts...)
	texts = append(texts,
		"The head of the port authority, Jan Meyer, said so. Kestoria's foreign minister, Tomas Rebane, the alliance's chief, agreed.",
		"President Keel met Mr. Brandt and Ms Keel; Said Comey, “no.” The Ukrainian President Volodymyr Zelenskyy, a spokesman for Kyiv, left.",
		tableWordsText("President "), tableWordsText("the head of NATO, "), tableWordsText("Mr "))
	for _, txt := range texts {
		checkPersons(t, txt)
	}
	rng := rand.New(rand.NewPCG(17, 2))
	pieces := []string{"Jan", "Meyer", "Keel", "Zelenskyy", "Zelensky", "NATO", "Ukrainian", "President", "president", "Mr.", "Ms", "Mrs",
		"the", "The", "of", "'s", "’s", ",", ".", "“", "”", "\"", "-", "--", "foreign", "minister", "Prime", "Minister", "chief",
		"port", "authority", "said", "Said", "a", "spokesman", "for", "Kyiv", "Kremlin", "defense", "Defence", "Gen.", "U.S.", "O'Neil's",
		"Straße", "Émile", "ÉTATS", "former", "Their", "His", "union", "leader", "says", "\n"}
	for trial := 0; trial < 3000; trial++ {
		var b strings.Builder
		for n := rng.IntN(40); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			b.WriteString([]string{" ", " ", " ", "", "\n\n"}[rng.IntN(5)])
		}
		checkPersons(t, b.String())
	}
	if dir := filepath.Join("..", "..", "..", "shared", "data", "polnear"); dirExists(dir) {
		f, err := os.Open(filepath.Join(dir, "dev.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var a struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			checkPersons(t, a.Text)
		}
	}
}

func dirExists(dir string) bool {
	_, err := os.Stat(dir)
	return err == nil
}
