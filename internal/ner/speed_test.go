package ner

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"storyline/internal/text"
)

// stepRef is the plain Viterbi step that decoder.step must match: every
// allowed predecessor in label order, the first best one kept.
func stepRef(trans *[nLabels][nLabels]float32, dp *[nLabels]float32, bp *[nLabels]int8, sc *[nLabels]float32, k int, last bool) (dk [nLabels]float32, bk [nLabels]int8) {
	for l := range nLabels {
		best, b := float32(0), -1
		if k == 0 {
			if allowed(0, l, last) {
				best, b = trans[0][l], 0
			}
		} else {
			for p := range nLabels {
				if !allowed(p, l, last) || bp[p] < 0 {
					continue
				}
				if s := dp[p] + trans[p][l]; b < 0 || s > best {
					best, b = s, p
				}
			}
		}
		bk[l] = int8(b)
		dk[l] = best + sc[l]
	}
	return dk, bk
}

// TestViterbiStep checks the specialised step against stepRef on random
// scores with many ties and unreachable labels.
func TestViterbiStep(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	small := func() float32 { return float32(rng.IntN(7) - 3) }
	for iter := range 20000 {
		var trans [nLabels][nLabels]float32
		for p := range nLabels {
			for l := range nLabels {
				trans[p][l] = small()
			}
		}
		transC := transClosed(&trans)
		var dc decoder
		for l := range nLabels {
			dc.scores[l] = small()
		}
		k, last := rng.IntN(3), rng.IntN(3) == 0
		delta := make([][nLabels]float32, k+1)
		back := make([][nLabels]int8, k+1)
		var dpRef [nLabels]float32
		var bpRef [nLabels]int8
		if k > 0 {
			for p := range nLabels {
				dpRef[p], bpRef[p] = small(), 0
				delta[k-1][p] = dpRef[p]
				if rng.IntN(4) == 0 {
					bpRef[p], back[k-1][p], delta[k-1][p] = -1, -1, negInf
				}
			}
		}
		dc.step(&trans, &transC, delta, back, k, last)
		wd, wb := stepRef(&trans, &dpRef, &bpRef, &dc.scores, k, last)
		if back[k] != wb {
			t.Fatalf("iteration %d (k %d, last %v): back %v, want %v", iter, k, last, back[k], wb)
		}
		for l := range nLabels {
			if wb[l] >= 0 && delta[k][l] != wd[l] {
				t.Fatalf("iteration %d: delta[%d] %v, want %v", iter, l, delta[k][l], wd[l])
			}
			if wb[l] < 0 && delta[k][l] != negInf {
				t.Fatalf("iteration %d: unreachable label %d has delta %v", iter, l, delta[k][l])
			}
		}
	}
}

// TestCacheResets tags the same documents with the word caches emptied
// before every document and with them kept: the tags must not change.
func TestCacheResets(t *testing.T) {
	tg := loadT(t)
	docs := readTagDocs(t)
	src, err := os.ReadFile(filepath.Join("testdata", "example.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var ex [][]string
	for _, s := range text.Split(string(src)) {
		var ws []string
		for _, tok := range s.Tokens {
			ws = append(ws, tok.Text)
		}
		ex = append(ex, ws)
	}
	docs = append(docs, ex, nil, [][]string{{}}, [][]string{{}, {"US"}, {}})
	want := make([][][]string, len(docs))
	for i, d := range docs {
		want[i] = tg.TagDocument(d)
	}
	defer func(r, s, p int) { maxRecs, maxShapes, maxPairs = r, s, p }(maxRecs, maxShapes, maxPairs)
	maxRecs, maxShapes, maxPairs = 20, 5, 5
	fresh := &Tagger{m: tg.m}
	for round := range 3 {
		for i, d := range docs {
			if got := fresh.TagDocument(d); !slices.EqualFunc(got, want[i], slices.Equal) {
				t.Fatalf("round %d, document %d: tags %v, want %v", round, i, got, want[i])
			}
		}
	}
}

// TestPackedSum checks the packed rows and sum (assembly on amd64)
// against plain float32 addition of the dense rows, bit for bit, on the
// model's own rows in random order and on random rows.
func TestPackedSum(t *testing.T) {
	tg := loadT(t)
	w := tg.m.s1
	p := w.pack()
	rng := rand.New(rand.NewPCG(3, 4))
	var keys []uint64
	for _, e := range w.slots {
		if e.key != 0 {
			keys = append(keys, e.key)
		}
	}
	for iter := range 3000 {
		n := rng.IntN(60)
		fs := make([]uint64, n)
		vs := make([]uint64, 0, n)
		for k := range fs {
			fs[k] = keys[rng.IntN(len(keys))]
			if rng.IntN(10) == 0 {
				fs[k] = rng.Uint64() // not in the model
			}
			if v := p.lookup(fs[k]); v != none {
				vs = append(vs, v)
			}
		}
		var want, got, gotGo [nLabels]float32
		w.score(fs, &want)
		p.sum(vs, &got)
		p.sumGo(vs, &gotGo)
		for l := range nLabels {
			if math.Float32bits(got[l]) != math.Float32bits(want[l]) || math.Float32bits(gotGo[l]) != math.Float32bits(want[l]) {
				t.Fatalf("iteration %d, label %d: sum %v, sumGo %v, score %v", iter, l, got[l], gotGo[l], want[l])
			}
		}
	}
}

// TestGazTable checks the gazetteer table against a Go map.
func TestGazTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	g := newGazTable(4)
	want := map[uint64]uint8{}
	for range 5000 {
		k := rng.Uint64() % 3000 // repeats, and key 0
		b := uint8(1) << rng.IntN(8)
		g.or(k, b)
		want[k] |= b
	}
	for k := range uint64(4000) {
		if got := g.get(k); got != want[k] {
			t.Fatalf("get(%d) = %d, want %d", k, got, want[k])
		}
	}
}

// TestLabelSets checks the label lists the Viterbi step relies on
// against allowed.
func TestLabelSets(t *testing.T) {
	var cl, op, opl []int
	for l := range nLabels {
		if l == 0 || prefixOf(l) == pL || prefixOf(l) == pU {
			cl = append(cl, l)
		}
		if allowed(0, l, false) {
			op = append(op, l)
		}
		if allowed(0, l, true) {
			opl = append(opl, l)
		}
		for p := range nLabels {
			closedP := slices.Contains(closed[:], p)
			if closedP != allowed(p, 0, false) {
				t.Errorf("label %s: closed %v, but allowed before O %v", labelNames[p], closedP, allowed(p, 0, false))
			}
			if slices.Contains(opening[:], l) && allowed(p, l, false) != closedP {
				t.Errorf("%s after %s: allowed %v, closed %v", labelNames[l], labelNames[p], allowed(p, l, false), closedP)
			}
		}
	}
	if !slices.Equal(cl, closed[:]) || !slices.Equal(op, opening[:]) || !slices.Equal(opl, openingLast[:]) {
		t.Errorf("closed %v opening %v openingLast %v; from allowed: %v %v %v", closed, opening, openingLast, cl, op, opl)
	}
}
