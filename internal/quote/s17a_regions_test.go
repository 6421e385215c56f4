package quote

import (
	"math/rand/v2"
	"sort"
	"testing"

	"storyline/internal/text"
)

// tokRegionRef is indexRegions's region of token i, the plain way: the
// first region ending after the token's start, when the token starts
// and ends in it; each token's looked for at or after the one before's
// (tokens out of order get what that finds).
func tokRegionsRef(toks []text.Token, regs []region) []int32 {
	out := make([]int32, len(toks))
	ri := 0
	for i, t := range toks {
		for ri < len(regs) && regs[ri].e <= t.Start {
			ri++
		}
		out[i] = -1
		if ri < len(regs) && regs[ri].s <= t.Start && t.End <= regs[ri].e {
			out[i] = int32(ri)
		}
	}
	return out
}

// indexRegions against the plain loop, for tokens in order or not,
// overlapping, empty, at the ends of the text, and regions anywhere.
func TestS17aIndexRegions(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2))
	for range 3000 {
		n := rng.IntN(200)
		txt := make([]byte, n)
		for k := range txt {
			txt[k] = "ab \"'\n"[rng.IntN(6)]
		}
		var toks []text.Token
		for range rng.IntN(60) {
			s := rng.IntN(n + 1)
			e := min(n, s+rng.IntN(6))
			toks = append(toks, text.Token{Start: s, End: e, Text: string(txt[s:e])})
		}
		if rng.IntN(4) != 0 {
			sort.Slice(toks, func(a, b int) bool { return toks[a].Start < toks[b].Start })
		}
		var regs []region
		for at := 0; n > 0; {
			at += rng.IntN(30)
			e := at + 1 + rng.IntN(25)
			if e > n {
				break
			}
			regs = append(regs, region{s: at, e: e})
			at = e
		}
		d := newDoc(string(txt), []text.Sentence{{Start: 0, End: n, Tokens: toks}}, new(buffers))
		d.regs = regs
		tokIdx := make([]int32, n>>tokBlock+1, n>>tokBlock+2)
		sorted, inText := d.indexRegions(d.toks, tokIdx)
		if !inText {
			t.Fatal("tokens outside the text")
		}
		if want := sort.SliceIsSorted(toks, func(a, b int) bool { return toks[a].Start < toks[b].Start }); sorted != want {
			t.Fatalf("sorted %v, want %v", sorted, want)
		}
		want := tokRegionsRef(d.toks, regs)
		for i := range d.toks {
			if d.tokReg[i] != want[i] {
				t.Fatalf("token %d (%d-%d) of %v in regions %v: region %d, want %d", i, d.toks[i].Start, d.toks[i].End, d.toks, regs, d.tokReg[i], want[i])
			}
		}
		if sorted {
			for b := range tokIdx {
				if want := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= b<<tokBlock }); int(tokIdx[b]) != want {
					t.Fatalf("tokIdx[%d] = %d, want %d", b, tokIdx[b], want)
				}
			}
		}
	}
}

// cueCandTab against cueCand, for every setting of the bits it reads
// and random others.
func TestS17aCueCandTab(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 3))
	for j := range uint32(512) {
		for range 8 {
			x := rng.Uint32()&^(511<<cueCandShift) | j<<cueCandShift
			if got, want := cueCandTab[x>>cueCandShift&511] == 1, cueCand(x); got != want {
				t.Errorf("%#x: %v, want %v", x, got, want)
			}
		}
	}
}

// Tokens outside the text are dropped as if the caller had not given
// them: newDoc with them and without them sets the same tokens,
// sentences and regions, and Extract finds the same quotes.
func TestS17aTokensOutsideText(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 5))
	pieces := []string{"“", "We", "will", "win", ",", "”", "she", "said", ".", "\"", "Yes", "(", ")"}
	for range 500 {
		txt, toks := randomTokens(rng, pieces, []string{" ", "", "\n"}, 30)
		var sents, plain []text.Sentence
		for len(toks) > 0 {
			k := 1 + rng.IntN(len(toks))
			var with, without []text.Token
			for _, tok := range toks[:k] {
				without = append(without, tok)
				with = append(with, tok)
				if rng.IntN(6) == 0 {
					bad := []text.Token{{Start: -1, End: 2}, {Start: 3, End: 2}, {Start: len(txt), End: len(txt) + 1}, {Start: 0, End: len(txt) + 5}}
					with = append(with, bad[rng.IntN(len(bad))])
				}
			}
			sents = append(sents, text.Sentence{Start: toks[0].Start, End: toks[k-1].End, Tokens: with})
			plain = append(plain, text.Sentence{Start: toks[0].Start, End: toks[k-1].End, Tokens: without})
			toks = toks[k:]
		}
		d1 := newDoc(txt, sents, new(buffers))
		d2 := newDoc(txt, plain, new(buffers))
		n := len(d2.toks)
		if len(d1.toks) != n {
			t.Fatalf("%q: %d tokens, want %d", txt, len(d1.toks), n)
		}
		for i := range n {
			if d1.toks[i] != d2.toks[i] || d1.tokSent[i] != d2.tokSent[i] || d1.tokReg[i] != d2.tokReg[i] || d1.xf[i] != d2.xf[i] || d1.lower(i) != d2.lower(i) || d1.flags[i] != d2.flags[i] {
				t.Fatalf("%q: token %d differs", txt, i)
			}
		}
		q1, q2 := Extract(txt, sents, nil), Extract(txt, plain, nil)
		if len(q1) != len(q2) {
			t.Fatalf("%q: %d quotes, want %d", txt, len(q1), len(q2))
		}
		for k := range q1 {
			if q1[k].Span != q2[k].Span || q1[k].Speaker != q2[k].Speaker || q1[k].Kind != q2[k].Kind {
				t.Fatalf("%q: quote %d: %+v, want %+v", txt, k, q1[k], q2[k])
			}
		}
	}
}
