// Package corefeval scores a coreference clustering against a gold one with
// the link-based MUC, the mention-based B-cubed and the entity-based CEAF-e
// measures, and reads the ECB+ and MEANTIME JSONL corpora they are run on.
//
// The measures are written here (and not imported) because no Go package
// implements them; they follow the definitions of Vilain et al. (1995),
// Bagga & Baldwin (1998) and Luo (2005) as the CoNLL-2012 reference scorer
// applies them with singletons kept: a mention that only one side has
// counts as a singleton on the other side.
package corefeval

import (
	"math"
	"sort"
)

// PRF is a precision, recall and F1 triple.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func prf(pNum, pDen, rNum, rDen float64) PRF {
	var s PRF
	if pDen > 0 {
		s.Precision = pNum / pDen
	}
	if rDen > 0 {
		s.Recall = rNum / rDen
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Result holds the three measures and their mean, the CoNLL F1.
type Result struct {
	MUC    PRF     `json:"muc"`
	B3     PRF     `json:"b3"`
	CEAFe  PRF     `json:"ceafe"`
	CoNLL  float64 `json:"conll_f1"`
	Keys   int     `json:"key_clusters"`
	Resps  int     `json:"response_clusters"`
	Mentns int     `json:"mentions"`
}

// Score compares a response clustering with a key clustering. Both map a
// mention id to a cluster label. Mentions present in only one map are
// singletons in the other.
func Score(key, response map[string]string) Result {
	ids := make(map[string]struct{}, len(key))
	for id := range key {
		ids[id] = struct{}{}
	}
	for id := range response {
		ids[id] = struct{}{}
	}
	all := make([]string, 0, len(ids))
	for id := range ids {
		all = append(all, id)
	}
	sort.Strings(all)
	k := partition(all, key)
	r := partition(all, response)
	res := Result{
		MUC:    muc(k, r),
		B3:     b3(k, r),
		CEAFe:  ceafe(k, r),
		Keys:   len(k.clusters),
		Resps:  len(r.clusters),
		Mentns: len(all),
	}
	res.CoNLL = (res.MUC.F1 + res.B3.F1 + res.CEAFe.F1) / 3
	return res
}

// clustering is a partition of mentions 0..n-1.
type clustering struct {
	of       []int   // mention -> cluster
	clusters [][]int // cluster -> mentions
}

func partition(all []string, labels map[string]string) clustering {
	c := clustering{of: make([]int, len(all))}
	index := map[string]int{}
	for i, id := range all {
		lab, ok := labels[id]
		var ci int
		if !ok {
			ci = len(c.clusters)
			c.clusters = append(c.clusters, nil)
		} else if j, seen := index[lab]; seen {
			ci = j
		} else {
			ci = len(c.clusters)
			index[lab] = ci
			c.clusters = append(c.clusters, nil)
		}
		c.of[i] = ci
		c.clusters[ci] = append(c.clusters[ci], i)
	}
	return c
}

// mucSide is the MUC recall of r with respect to k: the number of links
// of k kept by r over the number of links of k.
func mucSide(k, r clustering) (num, den float64) {
	for _, cl := range k.clusters {
		parts := map[int]struct{}{}
		for _, m := range cl {
			parts[r.of[m]] = struct{}{}
		}
		num += float64(len(cl) - len(parts))
		den += float64(len(cl) - 1)
	}
	return num, den
}

func muc(k, r clustering) PRF {
	rn, rd := mucSide(k, r)
	pn, pd := mucSide(r, k)
	return prf(pn, pd, rn, rd)
}

func b3(k, r clustering) PRF {
	var p, rc float64
	for m := range k.of {
		kc, rcl := k.clusters[k.of[m]], r.clusters[r.of[m]]
		inter := overlap(kc, r.of, r.of[m])
		p += inter / float64(len(rcl))
		rc += inter / float64(len(kc))
	}
	n := float64(len(k.of))
	return prf(p, n, rc, n)
}

// overlap counts the members of kc that lie in response cluster rci.
func overlap(kc []int, rOf []int, rci int) float64 {
	n := 0
	for _, m := range kc {
		if rOf[m] == rci {
			n++
		}
	}
	return float64(n)
}

// ceafe aligns key and response clusters one to one so as to maximise the
// summed phi4 similarity 2|K∩R|/(|K|+|R|). Clusters that share no mention
// have similarity zero, so the assignment splits into the connected
// components of the overlap graph, each solved exactly with the Hungarian
// method.
func ceafe(k, r clustering) PRF {
	nk, nr := len(k.clusters), len(r.clusters)
	// union-find over key clusters 0..nk-1 and response clusters nk..nk+nr-1
	parent := make([]int, nk+nr)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for m := range k.of {
		a, b := find(k.of[m]), find(nk+r.of[m])
		if a != b {
			parent[a] = b
		}
	}
	comps := map[int][2][]int{}
	for i := 0; i < nk+nr; i++ {
		c := comps[find(i)]
		if i < nk {
			c[0] = append(c[0], i)
		} else {
			c[1] = append(c[1], i-nk)
		}
		comps[find(i)] = c
	}
	total := 0.0
	for _, c := range comps {
		ks, rs := c[0], c[1]
		if len(ks) == 0 || len(rs) == 0 {
			continue
		}
		sim := make([][]float64, len(ks))
		for i, ki := range ks {
			sim[i] = make([]float64, len(rs))
			cnt := map[int]int{}
			for _, m := range k.clusters[ki] {
				cnt[r.of[m]]++
			}
			for j, rj := range rs {
				if n := cnt[rj]; n > 0 {
					sim[i][j] = 2 * float64(n) / float64(len(k.clusters[ki])+len(r.clusters[rj]))
				}
			}
		}
		total += maxAssignment(sim)
	}
	return prf(total, float64(nr), total, float64(nk))
}

// maxAssignment returns the largest sum of sim[i][j] over a one-to-one
// assignment of rows to columns (the Hungarian method on a padded square
// cost matrix, O(n^3)).
func maxAssignment(sim [][]float64) float64 {
	rows := len(sim)
	cols := len(sim[0])
	n := max(rows, cols)
	cost := func(i, j int) float64 {
		if i < rows && j < cols {
			return -sim[i][j]
		}
		return 0
	}
	u := make([]float64, n+1)
	v := make([]float64, n+1)
	p := make([]int, n+1)
	way := make([]int, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				c := cost(i0-1, j-1) - u[i0] - v[j]
				if c < minv[j] {
					minv[j] = c
					way[j] = j0
				}
				if minv[j] < delta {
					delta = minv[j]
					j1 = j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
			if j0 == 0 {
				break
			}
		}
	}
	total := 0.0
	for j := 1; j <= n; j++ {
		if i := p[j]; i >= 1 && i <= rows && j <= cols {
			total += sim[i-1][j-1]
		}
	}
	return total
}
