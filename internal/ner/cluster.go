package ner

import (
	"math"
	"sort"
)

// Word clusters by the exchange algorithm (Kneser & Ney 1993; Martin,
// Liermann & Ney 1998): every word moves, in turn, to the class that most
// raises the likelihood of a class-bigram model of the text. It optimises
// the same objective as Brown clustering but yields flat classes, at a
// cost linear in the number of classes. Runs at two granularities stand in
// for Brown's path prefixes.

// clusterWords clusters the words seen at least minCount times in sents
// into k classes and returns each word's class. Deterministic: words are
// visited in order of frequency, ties broken by spelling.
func clusterWords(sents [][]string, k, minCount, iters int) map[string]uint16 {
	counts := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			counts[w]++
		}
	}
	var vocab []string
	for w, n := range counts {
		if n >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		a, b := counts[vocab[i]], counts[vocab[j]]
		if a != b {
			return a > b
		}
		return vocab[i] < vocab[j]
	})
	// id 0 is the sentence boundary, 1 stands for every rare word.
	id := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		id[w] = int32(i + 2)
	}
	V := len(vocab) + 2
	pair := map[uint64]int32{}
	for _, s := range sents {
		prev := int32(0)
		for _, w := range s {
			cur, ok := id[w]
			if !ok {
				cur = 1
			}
			pair[uint64(prev)<<32|uint64(cur)]++
			prev = cur
		}
		pair[uint64(prev)<<32]++
	}
	type edge struct {
		to int32
		n  int32
	}
	keys := make([]uint64, 0, len(pair))
	for p := range pair {
		keys = append(keys, p)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	succ := make([][]edge, V)
	pred := make([][]edge, V)
	total := 0
	for _, p := range keys {
		a, b, n := int32(p>>32), int32(uint32(p)), pair[p]
		succ[a] = append(succ[a], edge{b, n})
		pred[b] = append(pred[b], edge{a, n})
		total += int(n)
	}
	flog := make([]float64, total+1)
	for i := 1; i <= total; i++ {
		flog[i] = float64(i) * math.Log(float64(i))
	}
	F := func(x int32) float64 { return flog[x] }

	cls := make([]int32, V)
	for w := range V {
		cls[w] = int32(w % k)
	}
	N := make([]int32, k*k)
	Nl := make([]int32, k)
	Nr := make([]int32, k)
	for w := range V {
		for _, e := range succ[w] {
			N[int(cls[w])*k+int(cls[e.to])] += e.n
			Nl[cls[w]] += e.n
			Nr[cls[e.to]] += e.n
		}
	}
	sc := make([]int32, k)
	pc := make([]int32, k)
	var st, pt []int32
	for range iters {
		moved := 0
		for w := 2; w < V; w++ {
			st, pt = st[:0], pt[:0]
			var self, out, in int32
			for _, e := range succ[w] {
				out += e.n
				if int(e.to) == w {
					self += e.n
					continue
				}
				c := cls[e.to]
				if sc[c] == 0 {
					st = append(st, c)
				}
				sc[c] += e.n
			}
			for _, e := range pred[w] {
				in += e.n
				if int(e.to) == w {
					continue
				}
				c := cls[e.to]
				if pc[c] == 0 {
					pt = append(pt, c)
				}
				pc[c] += e.n
			}
			a := int(cls[w])
			for _, d := range st {
				N[a*k+int(d)] -= sc[d]
			}
			for _, c := range pt {
				N[int(c)*k+a] -= pc[c]
			}
			N[a*k+a] -= self
			Nl[a] -= out
			Nr[a] -= in
			best, bestGain := a, math.Inf(-1)
			for b := range k {
				g := 0.0
				for _, d := range st {
					if int(d) != b {
						x := N[b*k+int(d)]
						g += F(x+sc[d]) - F(x)
					}
				}
				for _, c := range pt {
					if int(c) != b {
						x := N[int(c)*k+b]
						g += F(x+pc[c]) - F(x)
					}
				}
				x := N[b*k+b]
				g += F(x+sc[b]+pc[b]+self) - F(x)
				g -= F(Nl[b]+out) - F(Nl[b])
				g -= F(Nr[b]+in) - F(Nr[b])
				if g > bestGain+1e-9 || b == a && g >= bestGain-1e-9 {
					best, bestGain = b, g
				}
			}
			if best != a {
				moved++
			}
			cls[w] = int32(best)
			for _, d := range st {
				N[best*k+int(d)] += sc[d]
				sc[d] = 0
			}
			for _, c := range pt {
				N[int(c)*k+best] += pc[c]
				pc[c] = 0
			}
			N[best*k+best] += self
			Nl[best] += out
			Nr[best] += in
		}
		if moved == 0 {
			break
		}
	}
	out := make(map[string]uint16, len(vocab))
	for i, w := range vocab {
		out[w] = uint16(cls[i+2])
	}
	return out
}
