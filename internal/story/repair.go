package story

import (
	"container/heap"
	"slices"
	"sort"
)

// link is a summed similarity between two nodes of an agglomeration.
type link struct {
	a, b int
	w    float64
}

// pair is a heap entry: a candidate merge and the versions it was scored at.
type pair struct {
	score  float64
	a, b   int
	va, vb int
}

type pairHeap []pair

func (h pairHeap) Len() int { return len(h) }
func (h pairHeap) Less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score > h[j].score
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h pairHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pairHeap) Push(x any)   { *h = append(*h, x.(pair)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// agglomerate merges nodes greedily by average link: the pair of clusters
// with the highest summed link weight over the product of their sizes
// merges first, while that value is at least th. fixed nodes never merge
// with each other. It returns the root node of every node; a root is the
// lowest node of its cluster.
func agglomerate(sizes []float64, fixed []bool, links []link, th float64, norm func(a, b float64) float64) []int {
	n := len(sizes)
	adj := make([]map[int]float64, n)
	for i := range adj {
		adj[i] = map[int]float64{}
	}
	for _, l := range links {
		if l.a == l.b {
			continue
		}
		adj[l.a][l.b] += l.w
		adj[l.b][l.a] += l.w
	}
	size := append([]float64(nil), sizes...)
	isFixed := append([]bool(nil), fixed...)
	version := make([]int, n)
	alive := make([]bool, n)
	for i := range alive {
		alive[i] = true
	}
	root := make([]int, n)
	for i := range root {
		root[i] = i
	}
	h := &pairHeap{}
	push := func(a int) {
		for _, b := range sortedKeys(adj[a]) {
			x, y := min(a, b), max(a, b)
			if isFixed[x] && isFixed[y] {
				continue
			}
			*h = append(*h, pair{score: adj[a][b] / norm(size[x], size[y]), a: x, b: y, va: version[x], vb: version[y]})
		}
	}
	for i := 0; i < n; i++ {
		for _, b := range sortedKeys(adj[i]) {
			if b > i && !(isFixed[i] && isFixed[b]) {
				*h = append(*h, pair{score: adj[i][b] / norm(size[i], size[b]), a: i, b: b})
			}
		}
	}
	heap.Init(h)
	for h.Len() > 0 {
		p := heap.Pop(h).(pair)
		if p.score < th {
			break
		}
		if !alive[p.a] || !alive[p.b] || version[p.a] != p.va || version[p.b] != p.vb {
			continue
		}
		a, b := p.a, p.b
		for _, x := range sortedKeys(adj[b]) {
			w := adj[b][x]
			delete(adj[x], b)
			if x == a {
				continue
			}
			adj[a][x] += w
			adj[x][a] += w
		}
		delete(adj[a], b)
		adj[b] = nil
		alive[b] = false
		root[b] = a
		size[a] += size[b]
		isFixed[a] = isFixed[a] || isFixed[b]
		version[a]++
		push(a)
	}
	for i := range root {
		r := i
		for root[r] != r {
			r = root[r]
		}
		root[i] = r
	}
	return root
}

// attach puts every node left alone by agglomerate into the cluster of its
// strongest link, when that link is at least th: a report that only one
// other report resembles still follows it.
func attach(root []int, sizes []float64, links []link, th float64) {
	if th <= 0 {
		return
	}
	count := map[int]int{}
	for _, r := range root {
		count[r]++
	}
	best := make([]float64, len(root))
	to := make([]int, len(root))
	for i := range to {
		to[i] = -1
	}
	for _, l := range links {
		for _, p := range [][2]int{{l.a, l.b}, {l.b, l.a}} {
			x, y := p[0], p[1]
			if l.w > best[x] || l.w == best[x] && to[x] >= 0 && y < to[x] {
				best[x], to[x] = l.w, y
			}
		}
	}
	for i := range root {
		if count[root[i]] == 1 && sizes[i] == 1 && to[i] >= 0 && best[i] >= th && root[to[i]] != root[i] {
			root[i] = root[to[i]]
		}
	}
}

func sortedKeys(m map[int]float64) []int {
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	return ks
}

// Repair re-clusters the last Window reports into stories, then each of
// their stories into events, by greedy average link over the stored
// edges. Reports older than the window stay where they are and take part
// as one fixed node per story (or event), so the cost of a repair is
// bounded by the window, not by the number of stored reports. Ids are
// kept where a new cluster mostly holds the reports of an old one.
func (c *Clusterer) Repair() {
	c.sinceRepair = 0
	n := int32(len(c.reports))
	if n == 0 {
		return
	}
	lo := max(0, n-int32(c.opt.Window))
	c.repairStories(lo, n)
	c.repairEvents(lo, n)
}

func (c *Clusterer) repairStories(lo, n int32) {
	w := int(n - lo)
	// anchors: one fixed node per story with reports before the window
	anchorOf := map[int32]int{}
	var anchorStory []int32
	var sizes []float64
	var fixed []bool
	for i := 0; i < w; i++ {
		sizes = append(sizes, 1)
		fixed = append(fixed, false)
	}
	windowCount := map[int32]int32{}
	for i := lo; i < n; i++ {
		windowCount[c.reports[i].story]++
	}
	node := func(ri int32) int {
		if ri >= lo {
			return int(ri - lo)
		}
		s := c.reports[ri].story
		if a, ok := anchorOf[s]; ok {
			return a
		}
		a := len(sizes)
		anchorOf[s] = a
		anchorStory = append(anchorStory, s)
		sizes = append(sizes, float64(c.storySize[s]-windowCount[s]))
		fixed = append(fixed, true)
		return a
	}
	var links []link
	for i := lo; i < n; i++ {
		for _, e := range c.reports[i].edges {
			links = append(links, link{a: int(i - lo), b: node(e.to), w: edgeSim(e, c.opt.StoryDays)})
		}
	}
	for i, s := range sizes {
		if s <= 0 { // a story whose older reports all moved
			sizes[i] = 1
		}
	}
	root := agglomerate(sizes, fixed, links, c.opt.StoryThreshold, c.norm)
	attach(root, sizes, links, c.opt.AttachThreshold)
	// name the clusters: a fixed node keeps its story; otherwise the old
	// story most of the members had, if still free; otherwise a new one
	members := map[int][]int32{}
	var roots []int
	for i := 0; i < w; i++ {
		r := root[i]
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], lo+int32(i))
	}
	claimed := map[int32]bool{}
	name := map[int]int32{}
	for a, s := range anchorStory {
		if _, ok := name[root[w+a]]; !ok || s < name[root[w+a]] {
			name[root[w+a]] = s
		}
		claimed[s] = true
	}
	nameGroups(roots, members, name, claimed, func(ri int32) int32 { return c.reports[ri].story }, &c.nStories)
	// fixed stories merged into another: move their older reports
	for a, s := range anchorStory {
		if t := name[root[w+a]]; t != s {
			for i := int32(0); i < lo; i++ {
				if c.reports[i].story == s {
					c.moveStory(i, t)
				}
			}
		}
	}
	for i := lo; i < n; i++ {
		c.moveStory(i, name[root[i-lo]])
	}
}

// moveStory puts report i in story s, keeping the story sizes.
func (c *Clusterer) moveStory(i, s int32) {
	r := &c.reports[i]
	if r.story == s {
		return
	}
	if c.storySize[r.story]--; c.storySize[r.story] <= 0 {
		delete(c.storySize, r.story)
	}
	c.addStoryTerms(r, r.story, -1)
	r.story = s
	c.storySize[s]++
	c.addStoryTerms(r, s, 1)
	c.changed[i] = struct{}{}
}

// moveEvent puts report i in event e, keeping the event sizes.
func (c *Clusterer) moveEvent(i, e int32) {
	r := &c.reports[i]
	if r.event == e {
		return
	}
	if c.eventSize[r.event]--; c.eventSize[r.event] <= 0 {
		delete(c.eventSize, r.event)
	}
	r.event = e
	c.eventSize[e]++
	c.changed[i] = struct{}{}
}

// TakeChanged returns the ids of the stored reports whose event or story
// a repair has changed since the last call, each once, in arrival order,
// and forgets them. A store that keeps assignments rewrites these.
func (c *Clusterer) TakeChanged() []string {
	if len(c.changed) == 0 {
		return nil
	}
	idx := make([]int32, 0, len(c.changed))
	for i := range c.changed {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	ids := make([]string, len(idx))
	for k, i := range idx {
		ids[k] = c.reports[i].id
	}
	clear(c.changed)
	return ids
}

func (c *Clusterer) repairEvents(lo, n int32) {
	// group the window's reports by story, then agglomerate each story's
	// reports into events over the edges inside the story
	byStory := map[int32][]int32{}
	var stories []int32
	for i := lo; i < n; i++ {
		s := c.reports[i].story
		if _, ok := byStory[s]; !ok {
			stories = append(stories, s)
		}
		byStory[s] = append(byStory[s], i)
	}
	sort.Slice(stories, func(i, j int) bool { return stories[i] < stories[j] })
	windowCount := map[int32]int32{}
	for i := lo; i < n; i++ {
		windowCount[c.reports[i].event]++
	}
	claimed := map[int32]bool{}
	for _, s := range stories {
		rs := byStory[s]
		local := map[int32]int{}
		for k, ri := range rs {
			local[ri] = k
		}
		sizes := make([]float64, len(rs))
		fixed := make([]bool, len(rs))
		for k := range sizes {
			sizes[k] = 1
		}
		anchorOf := map[int32]int{}
		var anchorEvent []int32
		var links []link
		for k, ri := range rs {
			for ei := range c.reports[ri].edges {
				e := &c.reports[ri].edges[ei]
				t := &c.reports[e.to]
				if t.story != s {
					continue
				}
				// the story's background is better known now than when
				// the edge was made
				e.lsim = float32(c.eventSim(&c.reports[ri], t, s))
				var b int
				if e.to >= lo {
					b = local[e.to]
				} else if a, ok := anchorOf[t.event]; ok {
					b = a
				} else {
					b = len(sizes)
					anchorOf[t.event] = b
					anchorEvent = append(anchorEvent, t.event)
					sz := float64(c.eventSize[t.event] - windowCount[t.event])
					if sz <= 0 {
						sz = 1
					}
					sizes = append(sizes, sz)
					fixed = append(fixed, true)
				}
				le := *e
				le.sim = e.lsim
				links = append(links, link{a: k, b: b, w: edgeSim(le, c.opt.EventDays)})
			}
		}
		root := agglomerate(sizes, fixed, links, c.opt.EventThreshold, c.norm)
		name := map[int]int32{}
		for a, ev := range anchorEvent {
			r := root[len(rs)+a]
			if cur, ok := name[r]; !ok || ev < cur {
				name[r] = ev
			}
			claimed[ev] = true
		}
		members := map[int][]int32{}
		var roots []int
		for k, ri := range rs {
			r := root[k]
			if _, ok := members[r]; !ok {
				roots = append(roots, r)
			}
			members[r] = append(members[r], ri)
		}
		nameGroups(roots, members, name, claimed, func(ri int32) int32 { return c.reports[ri].event }, &c.nEvents)
		for k, ri := range rs {
			c.moveEvent(ri, name[root[k]])
		}
	}
}

// nameGroups names the re-clustered groups that have no name yet, largest
// first: each takes the old label (story or event, as label reads it)
// most of its members had, if no group claimed it already, else a new
// label counted up from *next.
func nameGroups(roots []int, members map[int][]int32, name map[int]int32, claimed map[int32]bool, label func(ri int32) int32, next *int32) {
	sort.Slice(roots, func(i, j int) bool {
		if len(members[roots[i]]) != len(members[roots[j]]) {
			return len(members[roots[i]]) > len(members[roots[j]])
		}
		return roots[i] < roots[j]
	})
	for _, r := range roots {
		if _, ok := name[r]; ok {
			continue
		}
		count := map[int32]int{}
		for _, ri := range members[r] {
			count[label(ri)]++
		}
		best, bestN := int32(-1), 0
		for l, k := range count {
			if !claimed[l] && (k > bestN || k == bestN && l < best) {
				best, bestN = l, k
			}
		}
		if best < 0 {
			best = *next
			*next++
		}
		claimed[best] = true
		name[r] = best
	}
}
