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
		sorted := d.indexRegions(d.toks, tokIdx)
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
